"""The project file as pydantic models: the single source of truth of Changemaker.

Strict by design: unknown fields are refused, NaN and infinities are refused, every string and
list is bounded, money is whole pounds sterling (GBP) as integers, and references between items
(phase dependencies, providers, risk owners and phases, clause phases, and those of the
commercial parts in ``wizard.commercial_model``) are checked with a message
that names both ends.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from wizard.thresholds import SUBCONTRACT_THRESHOLD
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

FORMAT = "changemaker-project"
SCHEMA_VERSION = 2

# Bounds: generous for real contracts, tight enough that a hostile file cannot exhaust memory.
MAX_SHORT = 300
MAX_LONG = 20_000
MAX_ITEMS = 5_000
MAX_RISKS = 20_000
MAX_SMALL_LIST = 100
MAX_MONTHS = 1_200  # a hundred years
MAX_GBP = 10**13  # ten trillion pounds

ItemId = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$", strict=True)
]
ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT, strict=True)]
LongText = Annotated[str, StringConstraints(max_length=MAX_LONG, strict=True)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_SHORT, strict=True)]
Money = Annotated[int, Field(ge=0, le=MAX_GBP, strict=True)]
Month = Annotated[int, Field(ge=0, le=MAX_MONTHS, strict=True)]
Months = Annotated[int, Field(ge=1, le=MAX_MONTHS, strict=True)]
Score = Annotated[int, Field(ge=1, le=5, strict=True)]
Percent = Annotated[int, Field(ge=0, le=100, strict=True)]
Count = Annotated[int, Field(ge=0, le=10_000, strict=True)]


class Strict(BaseModel):
    """Base of every model: unknown fields refused, no NaN or infinity, checked on assignment."""

    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        validate_assignment=True,
        validate_default=True,
        str_max_length=MAX_LONG,
        use_enum_values=False,
    )


class Withholdable(Strict):
    """Items the public edition can withhold: why, and until when."""

    sensitive: bool = False
    withheld_reason: ShortText = ""
    withheld_until: dt.date | None = None


# The commercial and management parts live in their own module, built on the types above.
from wizard.commercial_model import (  # noqa: E402, F401 - re-exported
    AssuranceReview,
    Benefit,
    Deduction,
    EvaluationPlan,
    EvaluationWeights,
    Governance,
    Lot,
    MarketEngagement,
    PartnershipBoard,
    Payment,
    Procurement,
    TimetableEntry,
)
from wizard.commercial_model import reference_problems as _commercial_reference_problems  # noqa: E402
from wizard.commercial_model import (  # noqa: E402, F401 - re-exported
    rewrite_references as rewrite_commercial_references,
)


class Option(Strict):
    """An option considered in the 'blank sheet of paper' appraisal."""

    id: ItemId
    name: Name
    description: LongText = ""
    preferred: bool = False
    reason: LongText = ""  # why this option was (or was not) preferred


class ProjectInfo(Strict):
    title: Name = "Untitled contract"
    commissioners: list[Name] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    place: ShortText = ""
    service_area: ShortText = ""
    case_for_change: LongText = ""
    objectives: list[ShortText] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    stage: BusinessCaseStage = BusinessCaseStage.SOC
    value_gbp: Money = 0
    start: dt.date = dt.date(2027, 4, 1)
    duration_months: Months = 120
    risk_appetite: RiskAppetite = RiskAppetite.CAUTIOUS
    delivery_model: DeliveryModel = DeliveryModel.OUTSOURCING
    delivery_model_other: ShortText = ""
    options: list[Option] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    # The date printed on the business case; None: the date of the export.
    document_date: dt.date | None = None


class Partner(Strict):
    id: ItemId
    name: Name
    kind: PartnerKind = PartnerKind.PRIVATE
    sme: bool = False
    local: bool = False
    role: ShortText = ""


class Phase(Withholdable):
    id: ItemId
    name: Name
    kind: PhaseKind = PhaseKind.OTHER
    start_month: Month = 0  # months after the contract start; 0 is the first month
    duration_months: Months = 12
    depends_on: list[ItemId] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    provider: ItemId | None = None  # a partner id
    bundled: bool = False  # let together with other phases rather than contracted separately
    value_gbp: Money = 0
    outcomes: list[ShortText] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    review_month: Month | None = None  # the phase's review point, months after contract start
    description: LongText = ""


class ContingentSupport(Strict):
    """Public support triggered only by named low-probability, high-impact events."""

    events: list[Name] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    cap_gbp: Money = 0
    description: LongText = ""


class Vote(Strict):
    """One workshop participant's scoring of a risk."""

    participant: Name
    likelihood: Score
    impact: Score


class Risk(Withholdable):
    id: ItemId
    title: Name
    description: LongText = ""
    category: RiskCategory = RiskCategory.PERFORMANCE
    phases: list[ItemId] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    likelihood: Score = 3
    impact: Score = 3
    allocation: Allocation = Allocation.SHARED
    public_share: Percent = 50  # the public share in % when allocation is shared
    owner: ItemId | None = None  # a partner id
    # The provider carrying the private share when a public body owns a shared risk (a partner id)
    private_bearer: ItemId | None = None
    mitigation: LongText = ""
    response: RiskResponse = RiskResponse.TREAT
    contingent_support: ContingentSupport | None = None
    status: WorkshopStatus = WorkshopStatus.PROPOSED
    votes: list[Vote] = Field(default_factory=list, max_length=MAX_SMALL_LIST)


class BreakClause(Withholdable):
    id: ItemId
    trigger: BreakTrigger
    description: LongText = ""
    phases: list[ItemId] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    earliest_month: Month = 0
    notice_months: Annotated[int, Field(ge=0, le=120, strict=True)] = 6
    compensation: Compensation = Compensation.NONE
    formula: LongText = ""  # the agreed compensation formula, when compensation is agreed_formula


class Member(Strict):
    kind: MemberKind
    seats: Annotated[int, Field(ge=1, le=1_000, strict=True)] = 1
    note: ShortText = ""


class SteeringGroup(Strict):
    id: ItemId
    name: Name
    remit: LongText = ""
    stages: list[Stage] = Field(default_factory=list, max_length=3)
    members: list[Member] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    meetings_per_year: Annotated[int, Field(ge=0, le=365, strict=True)] = 4
    influence: Influence = Influence.CONSULT
    board_seats: Count = 0
    seldom_heard: LongText = ""  # how seldom-heard voices are reached


class KPI(Strict):
    id: ItemId
    name: Name
    measure: LongText = ""
    target: ShortText = ""
    assessed_every_months: Annotated[int, Field(ge=1, le=120, strict=True)] = 12
    owner: ItemId | None = None  # a partner id


class SocialImpactObjective(Strict):
    id: ItemId
    outcome: Name
    indicator: ShortText = ""
    baseline: ShortText = ""
    target: ShortText = ""
    date: dt.date | None = None
    published: bool = False
    consulted: bool = False


class Accountability(Strict):
    open_book: bool = False
    data_disclosure: bool = False
    publish_business_case: bool = False
    publish_subcontracts: bool = False
    subcontract_threshold_gbp: Money = SUBCONTRACT_THRESHOLD
    social_responsibility_accreditation: bool = False
    living_wage: bool = False
    sme_spend_target_pct: Percent | None = None


class AcceptedFinding(Strict):
    finding_id: Annotated[str, StringConstraints(min_length=1, max_length=200, strict=True)]
    justification: Annotated[str, StringConstraints(min_length=1, max_length=MAX_LONG, strict=True)]
    accepted_on: dt.date | None = None


DecisionItemKind = Literal[
    "", "phases", "risks", "break_clauses", "partners", "steering_groups", "kpis",
    "social_impact", "options",
]


class Decision(Strict):
    """One line of the decision log (workshop changes and their notes)."""

    time: dt.datetime
    step: ShortText = ""
    item: ShortText = ""  # how the log named the item when the decision was taken
    change: ShortText = ""
    note: ShortText = ""
    # The item the decision is about, by reference (the public edition withholds a decision
    # about a withheld item by these, whatever its text says): a collection and an id.
    item_kind: DecisionItemKind = ""
    item_id: Annotated[str, StringConstraints(max_length=40, strict=True)] = ""


class Project(Strict):
    """A whole project file."""

    format: Literal["changemaker-project"] = FORMAT
    schema_version: Literal[2] = SCHEMA_VERSION
    project: ProjectInfo = Field(default_factory=ProjectInfo)
    partners: list[Partner] = Field(default_factory=list, max_length=MAX_ITEMS)
    phases: list[Phase] = Field(default_factory=list, max_length=MAX_ITEMS)
    risks: list[Risk] = Field(default_factory=list, max_length=MAX_RISKS)
    break_clauses: list[BreakClause] = Field(default_factory=list, max_length=MAX_ITEMS)
    steering_groups: list[SteeringGroup] = Field(default_factory=list, max_length=MAX_ITEMS)
    kpis: list[KPI] = Field(default_factory=list, max_length=MAX_ITEMS)
    social_impact: list[SocialImpactObjective] = Field(default_factory=list, max_length=MAX_ITEMS)
    accountability: Accountability = Field(default_factory=Accountability)
    accepted_findings: list[AcceptedFinding] = Field(default_factory=list, max_length=MAX_ITEMS)
    decisions: list[Decision] = Field(default_factory=list, max_length=100_000)
    procurement: Procurement = Field(default_factory=Procurement)
    payment: Payment = Field(default_factory=Payment)
    governance: Governance = Field(default_factory=Governance)
    benefits: list[Benefit] = Field(default_factory=list, max_length=MAX_ITEMS)
    evaluation_plan: EvaluationPlan = Field(default_factory=EvaluationPlan)

    @model_validator(mode="after")
    def _references(self) -> Project:
        problems = reference_problems(self)
        if problems:
            raise ValueError("; ".join(problems[:20]))
        return self

    # Lookups used across the core and the UI ------------------------------------------------
    def partner(self, partner_id: str | None) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    def phase(self, phase_id: str | None) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def risk(self, risk_id: str | None) -> Risk | None:
        return next((r for r in self.risks if r.id == risk_id), None)


# Collections whose items carry ids, with the singular the messages use.
COLLECTIONS: dict[str, str] = {
    "partners": "partner",
    "phases": "phase",
    "risks": "risk",
    "break_clauses": "break clause",
    "steering_groups": "steering group",
    "kpis": "KPI",
    "social_impact": "social impact objective",
    "benefits": "benefit",
}


def reference_problems(project: Project) -> list[str]:
    """Every duplicate id and dangling reference, each message naming both ends."""
    problems: list[str] = []
    for field, noun in COLLECTIONS.items():
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(project, field)):
            if item.id in seen:
                problems.append(
                    f"{field}[{index}]: duplicate {noun} id '{item.id}' "
                    f"(also used by {field}[{seen[item.id]}])"
                )
            else:
                seen[item.id] = index
    seen_options: set[str] = set()
    for index, option in enumerate(project.project.options):
        if option.id in seen_options:
            problems.append(f"project.options[{index}]: duplicate option id '{option.id}'")
        seen_options.add(option.id)

    partner_ids = {p.id for p in project.partners}
    phase_ids = {p.id for p in project.phases}

    def check(where: str, what: str, ref: str | None, pool: set[str], noun: str) -> None:
        if ref is not None and ref not in pool:
            problems.append(f"{where} {what} '{ref}': no {noun} has that id")

    for i, phase in enumerate(project.phases):
        where = f"phases[{i}] ({phase.id})"
        check(where, "provider", phase.provider, partner_ids, "partner")
        for dep in phase.depends_on:
            if dep == phase.id:
                problems.append(f"{where} depends on itself")
            else:
                check(where, "depends on phase", dep, phase_ids, "phase")
    for i, risk in enumerate(project.risks):
        where = f"risks[{i}] ({risk.id})"
        check(where, "owner", risk.owner, partner_ids, "partner")
        check(where, "private bearer", risk.private_bearer, partner_ids, "partner")
        for ph in risk.phases:
            check(where, "phase", ph, phase_ids, "phase")
    for i, clause in enumerate(project.break_clauses):
        for ph in clause.phases:
            check(f"break_clauses[{i}] ({clause.id})", "phase", ph, phase_ids, "phase")
    for i, kpi in enumerate(project.kpis):
        check(f"kpis[{i}] ({kpi.id})", "owner", kpi.owner, partner_ids, "partner")
    problems += _commercial_reference_problems(project)
    return problems


def next_id(existing: list[str] | set[str], prefix: str) -> str:
    """The first free id of the form PREFIX + number (R1, R2, ...)."""
    taken = set(existing)
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"
