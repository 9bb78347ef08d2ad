"""Hypothesis strategies for valid Changemaker projects, shared by the test suites.

``projects()`` builds a valid :class:`wizard.model.Project` whose references all resolve:
partners, phases whose ``depends_on`` only point at earlier phases (so the graph is acyclic),
risks with owners and phases, break clauses, steering groups, KPIs, social impact objectives,
accepted findings and decisions. Text mixes ASCII with Welsh (ŵ ŷ), Danish (ø å) and the
symbols £ € – so that encoding bugs show up. Some phases, risks and clauses are sensitive,
with a reason and a date.

Usage::

    from tests.strategies import projects

    @given(projects(max_risks=4))
    def test_something(project): ...
"""

from __future__ import annotations

import datetime as dt
import functools
import os

from hypothesis import settings
from hypothesis import strategies as st

from wizard import model
from wizard.vocab import (
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
)

# Letters a Welsh or Danish commissioner might type, plus money signs and punctuation that
# often breaks encoders (en dash, quotes, backslash, newline, tab).
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "
    "ŵŷŴŶâêîôûøåæØÅÆéü£€–—'\"\\/&<>%\n\t.,;:()!?"
)

_FIRST_DATE = dt.date(2000, 1, 1)
_LAST_DATE = dt.date(2099, 12, 31)


def _choice(values) -> st.SearchStrategy:
    """st.sampled_from, reusing one strategy per vocabulary (lists are not cached)."""
    if isinstance(values, type):
        return _choice_of_enum(values)
    return st.sampled_from(values)


@functools.cache
def _choice_of_enum(enum: type) -> st.SearchStrategy:
    return st.sampled_from(enum)


@functools.cache  # one strategy object per size: much faster draws
def text_fields(max_size: int = 40, min_size: int = 0) -> st.SearchStrategy[str]:
    """Unicode text from ALPHABET, within ``min_size``..``max_size`` characters."""
    return st.text(alphabet=ALPHABET, min_size=min_size, max_size=max_size)


@functools.cache  # one strategy object per size: much faster draws
def names(max_size: int = 30) -> st.SearchStrategy[str]:
    """A non-empty name (``model.Name``), never only whitespace."""
    return text_fields(max_size=max_size, min_size=1).filter(lambda s: s.strip() != "")


@functools.cache  # one strategy object per size: much faster draws
def short_texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text within ``model.ShortText``'s bound (kept short so generation is fast)."""
    return text_fields(max_size=min(max_size, model.MAX_SHORT))


@functools.cache  # one strategy object per size: much faster draws
def long_texts(max_size: int = 120) -> st.SearchStrategy[str]:
    """Text within ``model.LongText``'s bound."""
    return text_fields(max_size=min(max_size, model.MAX_LONG))


@functools.cache
def dates() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=_FIRST_DATE, max_value=_LAST_DATE)


@functools.cache
def datetimes() -> st.SearchStrategy[dt.datetime]:
    """Naive and UTC datetimes, whole seconds or with microseconds."""
    return st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2099, 12, 31),
        timezones=_choice([None, dt.timezone.utc]),
    )


@functools.cache
def scores() -> st.SearchStrategy[int]:
    return st.integers(min_value=1, max_value=5)


@functools.cache
def money() -> st.SearchStrategy[int]:
    return st.one_of(
        st.just(0),
        st.integers(min_value=0, max_value=50_000_000),
        st.integers(min_value=0, max_value=model.MAX_GBP),
    )


@functools.cache
def item_ids(prefix: str, count: int) -> st.SearchStrategy[list[str]]:
    """``count`` distinct ids valid for ``model.ItemId``: mostly PREFIX1.., sometimes odd ones."""
    odd = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.\-]{0,12}\Z", fullmatch=True)
    return st.lists(
        st.one_of(st.integers(1, 999).map(lambda n: f"{prefix}{n}"), odd),
        min_size=count,
        max_size=count,
        unique=True,
    )


@st.composite
def _withholding(draw) -> dict:
    """The Withholdable fields: mostly open, sometimes sensitive with a reason and date."""
    if draw(st.integers(0, 3)) == 0:
        return {
            "sensitive": True,
            "withheld_reason": draw(names(max_size=40)),
            "withheld_until": draw(st.one_of(st.none(), dates())),
        }
    return {}


@st.composite
def _subset(draw, pool: list[str], max_size: int = 4) -> list[str]:
    if not pool:
        return []
    return draw(st.lists(_choice(pool), max_size=max_size, unique=True))


@st.composite
def _maybe(draw, pool: list[str]) -> str | None:
    if not pool or draw(st.booleans()):
        return None
    return draw(_choice(pool))


@st.composite
def _project_info(draw) -> model.ProjectInfo:
    option_ids = draw(item_ids("O", draw(st.integers(0, 3))))
    options = [
        model.Option(
            id=oid,
            name=draw(names()),
            description=draw(long_texts(60)),
            preferred=draw(st.booleans()),
            reason=draw(long_texts(40)),
        )
        for oid in option_ids
    ]
    return model.ProjectInfo(
        title=draw(names(60)),
        commissioners=draw(st.lists(names(), max_size=3)),
        place=draw(short_texts(30)),
        service_area=draw(short_texts(30)),
        case_for_change=draw(long_texts()),
        objectives=draw(st.lists(short_texts(40), max_size=3)),
        stage=draw(_choice(BusinessCaseStage)),
        value_gbp=draw(money()),
        start=draw(dates()),
        duration_months=draw(st.integers(1, model.MAX_MONTHS)),
        risk_appetite=draw(_choice(RiskAppetite)),
        delivery_model=draw(_choice(DeliveryModel)),
        delivery_model_other=draw(short_texts(20)),
        options=options,
    )


@st.composite
def projects(draw, max_risks: int = 8, max_phases: int = 5, loops: bool = True) -> model.Project:
    """A valid Project: every id unique per collection and every reference resolving.

    Sometimes (``loops``) a dependency loop among two to four phases: the first phase depends
    on the last. Decisions are about real items (by ``item_kind``/``item_id``) or not, and some
    quote a withheld text; some accepted findings accept a finding the checks really raise."""
    partner_ids = draw(item_ids("P", draw(st.integers(0, 4))))
    partners = [
        model.Partner(
            id=pid,
            name=draw(names()),
            kind=draw(_choice(PartnerKind)),
            sme=draw(st.booleans()),
            local=draw(st.booleans()),
            role=draw(short_texts(30)),
        )
        for pid in partner_ids
    ]

    phase_ids = draw(item_ids("PH", draw(st.integers(0, max_phases))))
    phases = []
    for index, phid in enumerate(phase_ids):
        phases.append(
            model.Phase(
                id=phid,
                name=draw(names()),
                kind=draw(_choice(PhaseKind)),
                start_month=draw(st.integers(0, 240)),
                duration_months=draw(st.integers(1, 120)),
                depends_on=draw(_subset(phase_ids[:index], 3)),  # earlier only: acyclic
                provider=draw(_maybe(partner_ids)),
                bundled=draw(st.booleans()),
                value_gbp=draw(money()),
                outcomes=draw(st.lists(short_texts(30), max_size=3)),
                review_month=draw(st.one_of(st.none(), st.integers(0, 240))),
                description=draw(long_texts(60)),
                **draw(_withholding()),
            )
        )

    if loops and 2 <= len(phases) <= 4 and draw(st.integers(0, 3)) == 0:
        first, last = phases[0], phases[-1]
        phases[0] = first.model_copy(update={"depends_on": [*first.depends_on, last.id]})

    risk_ids = draw(item_ids("R", draw(st.integers(0, max_risks))))
    risks = []
    for rid in risk_ids:
        support = None
        if draw(st.integers(0, 4)) == 0:
            support = model.ContingentSupport(
                events=draw(st.lists(names(), max_size=2)),
                cap_gbp=draw(money()),
                description=draw(long_texts(40)),
            )
        risks.append(
            model.Risk(
                id=rid,
                title=draw(names(50)),
                description=draw(long_texts(80)),
                category=draw(_choice(RiskCategory)),
                phases=draw(_subset(phase_ids)),
                likelihood=draw(scores()),
                impact=draw(scores()),
                allocation=draw(_choice(Allocation)),
                public_share=draw(st.integers(0, 100)),
                owner=draw(_maybe(partner_ids)),
                mitigation=draw(long_texts(60)),
                response=draw(_choice(RiskResponse)),
                contingent_support=support,
                status=draw(_choice(WorkshopStatus)),
                votes=[
                    model.Vote(participant=draw(names(20)), likelihood=lk, impact=im)
                    for lk, im in draw(st.lists(st.tuples(scores(), scores()), max_size=3))
                ],
                **draw(_withholding()),
            )
        )

    clause_ids = draw(item_ids("B", draw(st.integers(0, 3))))
    clauses = [
        model.BreakClause(
            id=bid,
            trigger=draw(_choice(BreakTrigger)),
            description=draw(long_texts(60)),
            phases=draw(_subset(phase_ids)),
            earliest_month=draw(st.integers(0, 240)),
            notice_months=draw(st.integers(0, 120)),
            compensation=draw(_choice(Compensation)),
            formula=draw(long_texts(40)),
            **draw(_withholding()),
        )
        for bid in clause_ids
    ]

    group_ids = draw(item_ids("SG", draw(st.integers(0, 2))))
    groups = [
        model.SteeringGroup(
            id=gid,
            name=draw(names()),
            remit=draw(long_texts(60)),
            stages=draw(st.lists(_choice(Stage), max_size=3, unique=True)),
            members=[
                model.Member(kind=kind, seats=seats, note=note)
                for kind, seats, note in draw(
                    st.lists(
                        st.tuples(_choice(MemberKind), st.integers(1, 20), short_texts(20)),
                        max_size=4,
                    )
                )
            ],
            meetings_per_year=draw(st.integers(0, 365)),
            influence=draw(_choice(Influence)),
            board_seats=draw(st.integers(0, 10)),
            seldom_heard=draw(long_texts(40)),
        )
        for gid in group_ids
    ]

    kpi_ids = draw(item_ids("K", draw(st.integers(0, 3))))
    kpis = [
        model.KPI(
            id=kid,
            name=draw(names()),
            measure=draw(long_texts(40)),
            target=draw(short_texts(20)),
            assessed_every_months=draw(st.integers(1, 120)),
            owner=draw(_maybe(partner_ids)),
        )
        for kid in kpi_ids
    ]

    impact_ids = draw(item_ids("S", draw(st.integers(0, 3))))
    social = [
        model.SocialImpactObjective(
            id=sid,
            outcome=draw(names()),
            indicator=draw(short_texts(20)),
            baseline=draw(short_texts(20)),
            target=draw(short_texts(20)),
            date=draw(st.one_of(st.none(), dates())),
            published=draw(st.booleans()),
            consulted=draw(st.booleans()),
        )
        for sid in impact_ids
    ]

    accountability = model.Accountability(
        open_book=draw(st.booleans()),
        data_disclosure=draw(st.booleans()),
        publish_business_case=draw(st.booleans()),
        publish_subcontracts=draw(st.booleans()),
        subcontract_threshold_gbp=draw(money()),
        social_responsibility_accreditation=draw(st.booleans()),
        living_wage=draw(st.booleans()),
        sme_spend_target_pct=draw(st.one_of(st.none(), st.integers(0, 100))),
    )

    accepted = [
        model.AcceptedFinding(finding_id=fid, justification=why, accepted_on=on)
        for fid, why, on in draw(
            st.lists(
                st.tuples(
                    _choice(["R001", "B002", "G003", "A004"]).flatmap(
                        lambda rule: _choice(risk_ids + phase_ids + [""]).map(
                            lambda item: f"{rule}:{item}" if item else rule
                        )
                    ),
                    names(40),
                    st.one_of(st.none(), dates()),
                ),
                max_size=2,
            )
        )
    ]

    refs = [("risks", r.id) for r in risks] + [("phases", p.id) for p in phases]
    secrets = [t for item in [*risks, *phases, *clauses] if item.sensitive
               for t in _withheld_texts_of(item) if 0 < len(t) <= 200]
    decisions = []
    for when, step, item, change, note in draw(
        st.lists(
            st.tuples(
                datetimes(), short_texts(12), short_texts(12), short_texts(30), short_texts(30)
            ),
            max_size=3,
        )
    ):
        ref = ("", "")
        if refs and draw(st.booleans()):
            ref = draw(_choice(refs))
            item = f"{ref[1]} {item}"[: model.MAX_SHORT]
        if secrets and draw(st.integers(0, 2)) == 0:  # a decision quoting a withheld text
            quoted = draw(_choice(secrets))
            if draw(st.booleans()):
                note = f"{note} {quoted}"[-model.MAX_SHORT:]
            else:
                change = f"{quoted} {change}"[: model.MAX_SHORT]
        decisions.append(model.Decision(time=when, step=step, item=item, change=change, note=note,
                                        item_kind=ref[0], item_id=ref[1]))

    project = model.Project(
        project=draw(_project_info()),
        partners=partners,
        phases=phases,
        risks=risks,
        break_clauses=clauses,
        steering_groups=groups,
        kpis=kpis,
        social_impact=social,
        accountability=accountability,
        accepted_findings=accepted,
        decisions=decisions,
    )
    # accept some of the findings the checks really raise, with a justification that may quote
    # a withheld text
    from wizard.checks import run_checks

    real = sorted({f.id for f in run_checks(project)} - {a.finding_id for a in accepted})
    if real:
        extra = []
        for fid in draw(st.lists(_choice(real), max_size=2, unique=True)):
            why = draw(names(40))
            if secrets and draw(st.booleans()):
                why = f"{why} {draw(_choice(secrets))}"
            extra.append(model.AcceptedFinding(finding_id=fid, justification=why,
                                               accepted_on=draw(st.one_of(st.none(), dates()))))
        if extra:
            project = model.Project.model_validate(
                {**project.model_dump(), "accepted_findings": [
                    a.model_dump() for a in [*accepted, *extra]]})
    return project


def _withheld_texts_of(item) -> list[str]:
    """The texts of a sensitive item that the public edition withholds (for quoting them)."""
    texts = [getattr(item, "title", ""), item.description, getattr(item, "mitigation", ""),
             getattr(item, "formula", ""), *getattr(item, "outcomes", [])]
    return [t for t in texts if t.strip()]


# Hypothesis profiles for the slower property tests. They are registered here but never loaded
# globally: a test picks one with ``@settings(property_profile())`` so that other suites keep
# their own settings. "ci" (chosen when the CI environment variable is set) runs 200 examples.
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("local", max_examples=50, deadline=None)


def property_profile() -> settings:
    """The "ci" profile when the CI environment variable is set, else "local"."""
    return settings.get_profile("ci" if os.environ.get("CI") else "local")
