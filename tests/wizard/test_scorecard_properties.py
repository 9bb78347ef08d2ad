"""Properties of the changemaking assessment over generated designs (any seed):

* the explanation lines of every principle add up to its score;
* adding evidence (a steering group, an owner, a break clause, a social impact objective)
  never lowers any principle;
* removing a principle's evidence leaves it no points, so it falls whenever it had any.

"Adding evidence" means adding an item that shows its route: a steering group spanning design,
delivery and evaluation with real influence, an owner on the side that carries the risk, a break
clause that can be used with proportionate notice, a measurable objective consulted on and
published. (A badly formed item is not evidence: its own warning rightly removes credit.)
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import projects
from tests.wizard.test_scorecard import assert_explained, full_marks_data
from wizard import catalog
from wizard.checks import PRINCIPLES, run_checks
from wizard.model import (
    BreakClause,
    Member,
    Partner,
    Project,
    Risk,
    SocialImpactObjective,
    SteeringGroup,
)
from wizard.scorecard import build_scorecard
from wizard.vocab import (
    Allocation,
    BreakTrigger,
    Compensation,
    DeliveryModel,
    Influence,
    MemberKind,
    PartnerKind,
    Stage,
    WorkshopStatus,
)

# Generated ids are at most 13 characters, so these never collide with them.
NEW_ID = "added-evidence-1"
NEW_PARTNER = "added-partner-1"

PROPERTY = settings(max_examples=40, deadline=None)


def earned(project: Project) -> dict[str, int]:
    card = build_scorecard(project)
    assert_explained(card)
    return {p.principle: p.earned for p in card.principles}


def never_lower(before: Project, after: Project) -> None:
    old, new = earned(before), earned(after)
    lowered = {p: (old[p], new[p]) for p in PRINCIPLES if new[p] < old[p]}
    assert not lowered, lowered


# Adding evidence -------------------------------------------------------------------------------

def with_steering_group(project: Project) -> Project:
    group = SteeringGroup(
        id=NEW_ID, name="Residents' panel", stages=list(Stage), influence=Influence.COLLABORATE,
        board_seats=1, seldom_heard="Sessions in schools and youth clubs",
        members=[Member(kind=MemberKind.RESIDENTS, seats=4),
                 Member(kind=MemberKind.ELECTED_MEMBERS)])
    return project.model_copy(update={"steering_groups": [*project.steering_groups, group]})


def with_break_clause(project: Project, trigger: BreakTrigger) -> Project:
    clause = BreakClause(id=NEW_ID, trigger=trigger, phases=[p.id for p in project.phases],
                         earliest_month=0, notice_months=6,
                         compensation=Compensation.MARKET_VALUE)
    return project.model_copy(update={"break_clauses": [*project.break_clauses, clause]})


def with_objective(project: Project) -> Project:
    objective = SocialImpactObjective(
        id=NEW_ID, outcome="More children swim", indicator="Children swimming 25 m",
        baseline="60%", target="95%", date=dt.date(2032, 7, 31), published=True, consulted=True)
    return project.model_copy(update={"social_impact": [*project.social_impact, objective]})


def _owner_kind_fits(allocation: Allocation, kind: PartnerKind) -> bool:
    if allocation is Allocation.PUBLIC:
        return kind is PartnerKind.PUBLIC
    if allocation is Allocation.PRIVATE:
        return kind is not PartnerKind.PUBLIC
    return True


def with_partner_for(project: Project, index: int) -> Project:
    """The project with a partner able to own risk ``index`` (added only if none exists)."""
    risk = project.risks[index]
    if any(_owner_kind_fits(risk.allocation, p.kind) for p in project.partners):
        return project
    kind = PartnerKind.PUBLIC if risk.allocation is Allocation.PUBLIC else PartnerKind.PRIVATE
    partner = Partner(id=NEW_PARTNER, name="Added partner", kind=kind)
    return project.model_copy(update={"partners": [*project.partners, partner]})


def with_owner(project: Project, index: int) -> Project:
    risk = project.risks[index]
    owner = next(p.id for p in project.partners if _owner_kind_fits(risk.allocation, p.kind))
    risks = list(project.risks)
    risks[index] = risk.model_copy(update={"owner": owner})
    return project.model_copy(update={"risks": risks})


def revalidated(project: Project) -> Project:
    return Project.model_validate(project.model_dump())


@PROPERTY
@given(projects(max_risks=5, max_phases=4))
def test_adding_a_steering_group_never_lowers_any_principle(project):
    never_lower(project, revalidated(with_steering_group(project)))


@PROPERTY
@given(projects(max_risks=5, max_phases=4), st.sampled_from(list(BreakTrigger)))
def test_adding_a_break_clause_never_lowers_any_principle(project, trigger):
    never_lower(project, revalidated(with_break_clause(project, trigger)))


@PROPERTY
@given(projects(max_risks=5, max_phases=4))
def test_adding_a_social_impact_objective_never_lowers_any_principle(project):
    never_lower(project, revalidated(with_objective(project)))


@PROPERTY
@given(projects(max_risks=5, max_phases=4), st.data())
def test_adding_an_owner_never_lowers_any_principle(project, data):
    if all(r.owner is not None for r in project.risks):  # set-up: a risk without an owner
        extra = Risk(id=NEW_ID, title="Demand falls")
        project = project.model_copy(update={"risks": [*project.risks, extra]})
    index = data.draw(st.sampled_from([i for i, r in enumerate(project.risks) if r.owner is None]))
    base = revalidated(with_partner_for(project, index))
    never_lower(base, revalidated(with_owner(base, index)))


# Removing a principle's evidence ---------------------------------------------------------------

def _unlink(data: dict, collection: str) -> None:
    """Drop the references other parts of the file make to ``collection`` once it is emptied
    (the payment's deductions, the board's steering groups, the benefits' objectives), where
    the file has them."""
    if collection == "kpis" and isinstance(data.get("payment"), dict):
        data["payment"]["deductions"] = []
    board = (data.get("governance") or {}).get("partnership_board")
    if collection == "steering_groups" and isinstance(board, dict):
        board["steering_groups"] = []
    if collection == "social_impact":
        for benefit in data.get("benefits", []):
            benefit["objective"] = None


def strip(project: Project, principle: str) -> Project:
    """``project`` without anything that shows ``principle``'s routes (and no accepted
    findings, which would stand in for evidence)."""
    data = project.model_dump(mode="json")
    data["accepted_findings"] = []
    if principle == "collaborative":
        data["project"]["commissioners"] = []
        for partner in data["partners"]:
            partner["kind"] = PartnerKind.PRIVATE.value
        for risk in data["risks"]:
            risk.update(owner=None, mitigation="", status=WorkshopStatus.PROPOSED.value)
        for phase in data["phases"]:
            phase["provider"] = None
        for kpi in data["kpis"]:
            kpi["owner"] = None
    elif principle == "creative":
        data["project"].update(options=[], case_for_change="", objectives=[],
                               delivery_model=DeliveryModel.OUTSOURCING.value)
    elif principle == "adaptable":
        data["break_clauses"] = []
        for phase in data["phases"]:
            phase.update(bundled=True, review_month=None, outcomes=[])
    elif principle == "accountable":
        data["steering_groups"] = []
        data["kpis"] = []
        _unlink(data, "steering_groups")
        _unlink(data, "kpis")
        for flag in ("open_book", "data_disclosure", "publish_business_case",
                     "publish_subcontracts", "social_responsibility_accreditation"):
            data["accountability"][flag] = False
    elif principle == "place_based":
        data["social_impact"] = []
        _unlink(data, "social_impact")
        data["accountability"].update(living_wage=False, sme_spend_target_pct=None)
        for partner in data["partners"]:
            partner.update(sme=False, local=False)
            if partner["kind"] == PartnerKind.VOLUNTARY.value:
                partner["kind"] = PartnerKind.PRIVATE.value
        for group in data["steering_groups"]:
            group["members"] = [m for m in group["members"]
                                if m["kind"] != MemberKind.ELECTED_MEMBERS.value]
    return Project.model_validate(data)


@PROPERTY
@given(projects(max_risks=5, max_phases=4), st.sampled_from(PRINCIPLES))
def test_removing_a_principles_evidence_leaves_it_no_points(project, principle):
    before = earned(project)[principle]
    after = earned(strip(project, principle))[principle]
    assert after == 0
    assert after < before or before == 0


@pytest.mark.parametrize("principle", PRINCIPLES)
@pytest.mark.parametrize("name", catalog.example_names())
def test_removing_a_principles_evidence_lowers_it_in_every_example(name, principle):
    project = catalog.load_example(name)
    assert earned(strip(project, principle))[principle] < earned(project)[principle]


@pytest.mark.parametrize("principle", PRINCIPLES)
def test_removing_a_principles_evidence_from_full_marks(principle):
    project = Project.model_validate(full_marks_data())
    assert earned(project)[principle] == 10
    assert earned(strip(project, principle))[principle] == 0


# Every line adds up ----------------------------------------------------------------------------

@PROPERTY
@given(projects(max_risks=6, max_phases=4))
def test_any_valid_design_is_checked_and_fully_explained(project):
    findings = run_checks(project)
    assert len({f.id for f in findings}) == len(findings)
    card = build_scorecard(project, findings)
    assert_explained(card)
    for p in card.principles:
        for route in p.routes:
            if route.credit == "removed":
                still_open = {x.id for x in findings if not x.accepted}
                assert route.points == 0 and route.finding_id in still_open
                assert set(route.findings) <= still_open


@pytest.mark.parametrize("name", catalog.example_names())
def test_every_example_adds_up(name):
    assert_explained(build_scorecard(catalog.load_example(name)))
