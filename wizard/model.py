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

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from wizard.formatting import money
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
# The contract start must leave room for every month counted from it (phases, reviews, breaks,
# appraisal years: a few hundred years at most) within the dates Python can hold (year 9999).
EARLIEST_START = dt.date(1900, 1, 1)
LATEST_START = dt.date(2200, 12, 31)

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
MAX_APPRAISAL_YEARS = 75  # the Green Book's discount rates run to year 75
AppraisalYear = Annotated[int, Field(ge=0, le=MAX_APPRAISAL_YEARS, strict=True)]
Uplift = Annotated[float, Field(ge=0, le=1_000)]  # an optimism bias uplift in %
Probability = Annotated[float, Field(ge=0, le=100)]  # a probability in %
CsfMeets = Literal["meets", "partly", "fails"]


def _within_horizon(day: dt.date) -> dt.date:
    if not EARLIEST_START <= day <= LATEST_START:
        raise ValueError(
            f"the date {day.isoformat()} is outside the years Changemaker plans for: it must "
            f"fall between {EARLIEST_START.isoformat()} and {LATEST_START.isoformat()}"
        )
    return day


# A date of the plan (procurement timetable, reviews, benefits...): within the same horizon as
# the contract start, so that timelines drawn around it stay within the dates Python can hold.
PlanDate = Annotated[dt.date, AfterValidator(_within_horizon)]


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


class CashFlow(Strict):
    """One year of an option's costs and benefits, in real terms (base-year prices)."""

    year: AppraisalYear  # 0 is the first year of the appraisal
    capital_gbp: Money = 0
    revenue_gbp: Money = 0
    benefits_gbp: Money = 0
    non_cash_benefits_gbp: Money = 0


class CsfRating(Strict):
    """How far an option meets one of the project's critical success factors."""

    csf: ItemId  # a critical success factor id
    rating: CsfMeets


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
from wizard.references import NOUNS  # noqa: E402
from wizard.references import problems as dangling_references  # noqa: E402


class Option(Strict):
    """An option considered in the 'blank sheet of paper' appraisal."""

    id: ItemId
    name: Name
    description: LongText = ""
    preferred: bool = False
    reason: LongText = ""  # why this option was (or was not) preferred
    # The economic appraisal (all defaulted: a version-1 option has none of it)
    baseline: bool = False  # the business-as-usual or do-minimum option
    cash_flows: list[CashFlow] = Field(default_factory=list, max_length=MAX_APPRAISAL_YEARS + 1)
    optimism_bias_capital_pct: Uplift = 0.0
    optimism_bias_revenue_pct: Uplift = 0.0
    optimism_bias_category: ShortText = ""  # a key of templates/optimism_bias.json
    optimism_bias_reason: LongText = ""  # the evidence for reducing it below the upper bound
    csf_assessment: list[CsfRating] = Field(default_factory=list, max_length=MAX_SMALL_LIST)


class CriticalSuccessFactor(Strict):
    id: ItemId
    description: Name


class BudgetYear(Strict):
    """What the commissioning bodies have available in one appraisal year."""

    year: AppraisalYear
    capital_gbp: Money = 0
    revenue_gbp: Money = 0


class FundingSource(Strict):
    name: Name
    amount_gbp: Money = 0
    confirmed: bool = False


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
    # The economic and financial case (all defaulted)
    critical_success_factors: list[CriticalSuccessFactor] = Field(
        default_factory=list, max_length=MAX_SMALL_LIST)
    appraisal_period_years: Annotated[int, Field(ge=0, le=MAX_APPRAISAL_YEARS + 1, strict=True)] = 0
    # 0: the contract's duration in whole years
    base_year: Annotated[int, Field(ge=1900, le=2300, strict=True)] | None = None
    # None: the year the contract starts
    budget: list[BudgetYear] = Field(default_factory=list, max_length=MAX_APPRAISAL_YEARS + 1)
    funding: list[FundingSource] = Field(default_factory=list, max_length=MAX_SMALL_LIST)

    @field_validator("start")
    @classmethod
    def _start_within_horizon(cls, start: dt.date) -> dt.date:
        if not EARLIEST_START <= start <= LATEST_START:
            raise ValueError(
                f"the contract start {start.isoformat()} is outside the years Changemaker plans "
                f"for: it must fall between {EARLIEST_START.isoformat()} and "
                f"{LATEST_START.isoformat()}, so that every month counted from it is a real date"
            )
        return start
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
    # Quantified risk: the chance it happens and a triangular range of its cost if it does
    probability_pct: Probability = 0.0
    cost_min_gbp: Money = 0
    cost_likely_gbp: Money = 0
    cost_max_gbp: Money = 0
    delay_months: Month | None = None

    @model_validator(mode="after")
    def _cost_range(self) -> Risk:
        if not self.cost_min_gbp <= self.cost_likely_gbp <= self.cost_max_gbp:
            raise ValueError(
                f"risk {self.id}: the cost range must run minimum <= most likely <= maximum "
                f"(minimum {money(self.cost_min_gbp)}, most likely {money(self.cost_likely_gbp)}, "
                f"maximum {money(self.cost_max_gbp)})"
            )
        return self


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


from wizard.sharing_model import Sharing  # noqa: E402 - needs the types above


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
    sharing: Sharing = Field(default_factory=Sharing)

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
COLLECTIONS: dict[str, str] = NOUNS


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

    problems += dangling_references(project)
    problems += _commercial_reference_problems(project)
    problems += appraisal_problems(project)
    return problems


def appraisal_problems(project: Project) -> list[str]:
    """Duplicate years and ids, and assessments naming no critical success factor."""
    problems: list[str] = []
    info = project.project
    csf_ids: set[str] = set()
    for i, csf in enumerate(info.critical_success_factors):
        if csf.id in csf_ids:
            problems.append(f"project.critical_success_factors[{i}]: duplicate critical "
                            f"success factor id '{csf.id}'")
        csf_ids.add(csf.id)
    for i, option in enumerate(info.options):
        where = f"project.options[{i}] ({option.id})"
        years = [c.year for c in option.cash_flows]
        for year in sorted({y for y in years if years.count(y) > 1}):
            problems.append(f"{where}: year {year} has more than one cash flow row")
        rated: set[str] = set()
        for rating in option.csf_assessment:
            if rating.csf not in csf_ids:
                problems.append(f"{where} critical success factor '{rating.csf}': no critical "
                                "success factor has that id")
            if rating.csf in rated:
                problems.append(f"{where}: critical success factor '{rating.csf}' is rated twice")
            rated.add(rating.csf)
    years = [b.year for b in info.budget]
    for year in sorted({y for y in years if years.count(y) > 1}):
        problems.append(f"project.budget: year {year} has more than one row")
    return problems
