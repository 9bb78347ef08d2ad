"""The project model: its bounds, its reference check, next_id and the vocabulary labels."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.strategies import projects
from wizard import model
from wizard.model import (
    COLLECTIONS,
    KPI,
    AcceptedFinding,
    BreakClause,
    Member,
    Option,
    Partner,
    Phase,
    Project,
    ProjectInfo,
    Risk,
    SteeringGroup,
    Vote,
    reference_problems,
)
from wizard.edits import next_id
from wizard.vocab import (
    IMPACT_LABELS,
    LIKELIHOOD_LABELS,
    OCDS_RISK_CATEGORIES,
    Allocation,
    BreakTrigger,
    BusinessCaseStage,
    Compensation,
    DeliveryModel,
    Influence,
    MemberKind,
    PartnerKind,
    PhaseKind,
    RiskAppetite,
    RiskCategory,
    RiskResponse,
    Stage,
    WorkshopStatus,
    label,
)

ALL_VOCABULARIES = [
    Allocation, BreakTrigger, BusinessCaseStage, Compensation, DeliveryModel, Influence,
    MemberKind, PartnerKind, PhaseKind, RiskAppetite, RiskCategory, RiskResponse, Stage,
    WorkshopStatus,
]


def _refused(build, field: str) -> str:
    """Build something that must be refused; return pydantic's message for ``field``."""
    with pytest.raises(ValidationError) as caught:
        build()
    errors = caught.value.errors()
    locations = [".".join(str(p) for p in e["loc"]) for e in errors]
    assert field in locations, locations
    return errors[locations.index(field)]["type"]


# Defaults ------------------------------------------------------------------------------------


def test_a_blank_project_is_valid_with_sensible_defaults():
    project = Project()
    assert project.format == "changemaker-project"
    assert project.schema_version == 2
    assert project.project.title == "Untitled contract"
    assert project.project.start == dt.date(2027, 4, 1)
    assert project.project.duration_months == 120
    assert project.project.risk_appetite is RiskAppetite.CAUTIOUS
    assert project.risks == [] and project.partners == []
    assert reference_problems(project) == []


def test_a_new_risk_is_a_shared_possible_moderate_proposal():
    risk = Risk(id="R1", title="Demand falls")
    assert (risk.likelihood, risk.impact) == (3, 3)
    assert risk.allocation is Allocation.SHARED and risk.public_share == 50
    assert risk.status is WorkshopStatus.PROPOSED
    assert risk.sensitive is False and risk.withheld_reason == "" and risk.withheld_until is None


# Bounds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, -1, 6, 100])
def test_scores_outside_one_to_five_are_refused(value):
    assert _refused(lambda: Risk(id="R1", title="T", likelihood=value), "likelihood") in (
        "greater_than_equal", "less_than_equal",
    )
    assert _refused(lambda: Vote(participant="Ann", likelihood=3, impact=value), "impact")


@pytest.mark.parametrize("value", [1, 5])
def test_scores_at_the_ends_are_accepted(value):
    assert Risk(id="R1", title="T", likelihood=value, impact=value).likelihood == value


@pytest.mark.parametrize("value", ["3", 3.0, True, None])
def test_scores_must_be_whole_numbers_not_text_floats_or_booleans(value):
    assert _refused(lambda: Risk(id="R1", title="T", likelihood=value), "likelihood")


def test_money_is_whole_pounds_from_zero_to_ten_trillion():
    assert ProjectInfo(value_gbp=model.MAX_GBP).value_gbp == 10**13
    assert _refused(lambda: ProjectInfo(value_gbp=model.MAX_GBP + 1), "value_gbp") == "less_than_equal"
    assert _refused(lambda: ProjectInfo(value_gbp=-1), "value_gbp") == "greater_than_equal"
    assert _refused(lambda: ProjectInfo(value_gbp=1500.50), "value_gbp") == "int_type"
    assert _refused(lambda: ProjectInfo(value_gbp=float("nan")), "value_gbp") == "int_type"


def test_percentages_and_months_are_bounded():
    assert _refused(lambda: Risk(id="R1", title="T", public_share=101), "public_share")
    assert _refused(lambda: Risk(id="R1", title="T", public_share=-1), "public_share")
    assert _refused(lambda: Phase(id="PH1", name="N", duration_months=0), "duration_months")
    assert _refused(lambda: Phase(id="PH1", name="N", start_month=1201), "start_month")
    assert Phase(id="PH1", name="N", start_month=1200).start_month == 1200
    assert _refused(lambda: BreakClause(id="B1", trigger="voluntary", notice_months=121), "notice_months")
    assert _refused(lambda: SteeringGroup(id="G1", name="G", meetings_per_year=366), "meetings_per_year")
    assert _refused(lambda: Member(kind="residents", seats=0), "seats")


def test_text_is_bounded_and_names_are_not_empty():
    assert Partner(id="P1", name="ŵ" * model.MAX_SHORT).name == "ŵ" * 300
    assert _refused(lambda: Partner(id="P1", name="ŵ" * 301), "name") == "string_too_long"
    assert _refused(lambda: Partner(id="P1", name=""), "name") == "string_too_short"
    assert len(Risk(id="R1", title="T", description="ø" * model.MAX_LONG).description) == 20_000
    assert _refused(lambda: Risk(id="R1", title="T", description="ø" * 20_001), "description")
    assert _refused(lambda: AcceptedFinding(finding_id="x", justification=""), "justification")


@pytest.mark.parametrize("good", ["R1", "a", "PH-2.b_c", "9", "X" * 40])
def test_valid_ids(good):
    assert Risk(id=good, title="T").id == good


@pytest.mark.parametrize("bad", ["", "R 1", "-R1", ".R1", "_R1", "X" * 41, "R1\n", "Rŵ", "R/1"])
def test_invalid_ids_are_refused(bad):
    assert _refused(lambda: Risk(id=bad, title="T"), "id") == "string_pattern_mismatch"


def test_lists_are_bounded():
    assert _refused(
        lambda: Phase(id="PH1", name="N", depends_on=[f"X{i}" for i in range(101)]), "depends_on"
    ) == "too_long"
    assert _refused(lambda: SteeringGroup(id="G1", name="G", stages=["design"] * 4), "stages")


def test_unknown_fields_and_unknown_choices_are_refused():
    assert _refused(lambda: Risk(id="R1", title="T", colour="red"), "colour") == "extra_forbidden"
    assert _refused(lambda: Risk(id="R1", title="T", allocation="nobody"), "allocation") == "enum"
    assert _refused(lambda: Project(format="spreadsheet"), "format") == "literal_error"
    assert _refused(lambda: Project(schema_version=3), "schema_version") == "literal_error"


def test_assignment_is_checked_too():
    risk = Risk(id="R1", title="T")
    with pytest.raises(ValidationError):
        risk.likelihood = 9
    assert risk.likelihood == 3
    with pytest.raises(ValidationError):
        risk.title = ""


def test_withholding_fields():
    phase = Phase(
        id="PH1", name="Land deal", sensitive=True, withheld_reason="Commercial negotiation",
        withheld_until=dt.date(2028, 3, 31),
    )
    assert phase.sensitive and phase.withheld_until == dt.date(2028, 3, 31)
    assert _refused(lambda: Phase(id="PH1", name="N", withheld_reason="x" * 301), "withheld_reason")


# References ------------------------------------------------------------------------------------


def _linked() -> dict:
    return dict(
        partners=[Partner(id="P1", name="Leisure Trust")],
        phases=[Phase(id="PH1", name="Design"), Phase(id="PH2", name="Run", depends_on=["PH1"])],
        risks=[Risk(id="R1", title="Demand", owner="P1", phases=["PH2"])],
        break_clauses=[BreakClause(id="B1", trigger="voluntary", phases=["PH2"])],
        kpis=[KPI(id="K1", name="Visits", owner="P1")],
    )


def test_linked_items_have_no_reference_problems():
    assert reference_problems(Project(**_linked())) == []


@pytest.mark.parametrize(
    "collection, index, field, value, expected",
    [
        ("risks", 0, "owner", "P9", "risks[0] (R1) owner 'P9': no partner has that id"),
        ("risks", 0, "phases", ["PH9"], "risks[0] (R1) phase 'PH9': no phase has that id"),
        ("phases", 1, "depends_on", ["PH7"], "phases[1] (PH2) depends on phase 'PH7': no phase has that id"),
        ("phases", 1, "depends_on", ["PH2"], "phases[1] (PH2) depends on itself"),
        ("phases", 0, "provider", "P2", "phases[0] (PH1) provider 'P2': no partner has that id"),
        ("break_clauses", 0, "phases", ["PH3"], "break_clauses[0] (B1) phase 'PH3': no phase has that id"),
        ("kpis", 0, "owner", "P5", "kpis[0] (K1) owner 'P5': no partner has that id"),
    ],
)
def test_a_dangling_reference_names_both_ends(collection, index, field, value, expected):
    parts = _linked()
    item = parts[collection][index]
    parts[collection][index] = item.model_copy(update={field: value})
    assert reference_problems(Project.model_construct(**parts)) == [expected]
    with pytest.raises(ValidationError, match=re.escape(expected)):
        Project(**parts)


def test_duplicate_ids_name_both_places():
    parts = _linked()
    parts["risks"].append(Risk(id="R1", title="Another"))
    parts["partners"].append(Partner(id="P1", name="Twin"))
    problems = reference_problems(Project.model_construct(**parts))
    assert "partners[1]: duplicate partner id 'P1' (also used by partners[0])" in problems
    assert "risks[1]: duplicate risk id 'R1' (also used by risks[0])" in problems
    info = ProjectInfo(options=[Option(id="O1", name="A"), Option(id="O1", name="B")])
    assert reference_problems(Project.model_construct(project=info)) == [
        "project.options[1]: duplicate option id 'O1'"
    ]


def test_the_same_id_in_different_collections_is_fine():
    project = Project(partners=[Partner(id="X1", name="P")], risks=[Risk(id="X1", title="R")])
    assert reference_problems(project) == []


def test_a_deleted_partner_leaves_a_problem_naming_the_risk():
    project = Project(**_linked())
    broken = project.model_copy(update={"partners": []})
    assert "risks[0] (R1) owner 'P1': no partner has that id" in reference_problems(broken)
    assert "kpis[0] (K1) owner 'P1': no partner has that id" in reference_problems(broken)


def test_many_problems_are_capped_in_the_validation_message():
    risks = [Risk(id=f"R{i}", title="T", owner="nobody") for i in range(30)]
    with pytest.raises(ValidationError) as caught:
        Project(risks=risks)
    message = str(caught.value)
    assert "risks[19] (R19)" in message and "risks[20] (R20)" not in message


@settings(max_examples=30, deadline=None)
@given(projects())
def test_generated_projects_have_no_reference_problems(project):
    assert reference_problems(project) == []
    for field in COLLECTIONS:
        ids = [item.id for item in getattr(project, field)]
        assert len(ids) == len(set(ids))


def test_collections_are_the_project_lists_with_ids():
    for field in COLLECTIONS:
        assert field in Project.model_fields
        assert "id" in Project.model_fields[field].annotation.__args__[0].model_fields


# next_id ---------------------------------------------------------------------------------------


def test_next_id_takes_the_first_free_number():
    assert next_id([], "R") == "R1"
    assert next_id(["R1", "R2"], "R") == "R3"
    assert next_id(["R1", "R3"], "R") == "R2"
    assert next_id({"R2", "PH1"}, "R") == "R1"
    assert next_id(["PH1", "PH2"], "PH") == "PH3"
    assert next_id(["R1"], "PH") == "PH1"


@settings(max_examples=50, deadline=None)
@given(st.sets(st.integers(1, 60)), st.sampled_from(["R", "PH", "B", "SG"]))
def test_next_id_is_free_and_valid(numbers, prefix):
    existing = {f"{prefix}{n}" for n in numbers}
    new = next_id(existing, prefix)
    assert new not in existing
    assert Risk(id=new, title="T").id == new


# Labels --------------------------------------------------------------------------------------


@pytest.mark.parametrize("vocabulary", ALL_VOCABULARIES, ids=lambda v: v.__name__)
def test_every_vocabulary_value_has_plain_words(vocabulary):
    for value in vocabulary:
        words = label(value)
        assert words and words[0].isupper(), (value, words)
        assert "_" not in words, (value, words)
        assert not re.search(r"[a-z][A-Z]", words), (value, words)  # no camelCase leaking


def test_labels_tell_apart_values_shared_by_two_vocabularies():
    assert label(Allocation.PUBLIC) == "Public"
    assert label(PartnerKind.PUBLIC) == "Public body"
    assert label(BusinessCaseStage.OBC) == "Outline business case (OBC)"
    assert label(RiskCategory.INFLATION_AND_FX) == "Inflation and exchange rates"
    assert label(PhaseKind.OPERATION) == "Operation"


def test_score_labels_and_ocds_categories():
    assert [LIKELIHOOD_LABELS[i] for i in range(1, 6)][0] == "Rare"
    assert IMPACT_LABELS[5] == "Severe"
    assert RiskCategory.DEMAND not in OCDS_RISK_CATEGORIES
    assert RiskCategory.FORCE_MAJEURE in OCDS_RISK_CATEGORIES
    assert len(OCDS_RISK_CATEGORIES) == 15
