"""The commercial and management parts of a project file: procurement, payment, governance,
benefits and the evaluation plan.

Field names are part of the file format. Every field has a default, so a file saved before
these parts existed means the same. ``wizard.model`` imports these classes and re-exports
them: import them from there (``from wizard.model import Procurement``).

References (a lot's phases, a deduction's KPI, a benefit's social impact objective, the
partnership board's steering groups) are declared in ``wizard.references`` with all the others;
``reference_problems`` here checks what is not a reference (duplicate lots and milestones).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from wizard.commercial_vocab import Milestone, PaymentMechanism, ProcurementRoute, RemedyStep
from wizard.model import (
    MAX_ITEMS,
    MAX_SMALL_LIST,
    Count,
    ItemId,
    LongText,
    Money,
    Name,
    Percent,
    PlanDate,
    ShortText,
    Strict,
    Withholdable,
)

if TYPE_CHECKING:
    from wizard.model import Project

FTE = Annotated[float, Field(ge=0, le=10_000)]


# Procurement -------------------------------------------------------------------------------


class Lot(Withholdable):
    """One lot of the contract: the phases it covers and, optionally, its estimated value."""

    id: ItemId
    name: Name
    phases: list[ItemId] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    value_gbp: Money | None = None
    description: LongText = ""


class MarketEngagement(Strict):
    """One piece of preliminary market engagement (Procurement Act 2023 s.16-17)."""

    what: Name
    date: PlanDate | None = None
    with_whom: ShortText = ""


class TimetableEntry(Strict):
    milestone: Milestone
    date: PlanDate


class EvaluationWeights(Strict):
    """Award criteria weightings in %; all 0 means not yet set, otherwise they sum to 100."""

    quality: Percent = 0
    price: Percent = 0
    social_value: Percent = 0

    @property
    def total(self) -> int:
        return self.quality + self.price + self.social_value

    @property
    def is_set(self) -> bool:
        return self.total > 0


class Procurement(Strict):
    route: ProcurementRoute | None = None  # None: not decided yet
    route_reason: LongText = ""  # why this route
    direct_award_justification: LongText = ""  # the s.41-43 ground, required for a direct award
    lots: list[Lot] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    lots_per_bidder: Count | None = None  # the most lots one bidder may win; None: no limit
    market_engagement: list[MarketEngagement] = Field(default_factory=list,
                                                      max_length=MAX_SMALL_LIST)
    timetable: list[TimetableEntry] = Field(default_factory=list, max_length=len(Milestone))
    evaluation: EvaluationWeights = Field(default_factory=EvaluationWeights)
    outcome: LongText = ""  # the result: tenders received, who won, scores (a full business case)

    def date_of(self, milestone: Milestone) -> dt.date | None:
        return next((e.date for e in self.timetable if e.milestone == milestone), None)

    def lot(self, lot_id: str | None) -> Lot | None:
        return next((lot for lot in self.lots if lot.id == lot_id), None)


# Payment -----------------------------------------------------------------------------------


class Deduction(Strict):
    """A KPI that carries a payment deduction, and how much each failure costs the provider."""

    kpi: ItemId
    per_failure_gbp: Money = 0


class Payment(Withholdable):
    mechanism: PaymentMechanism | None = None  # None: not decided yet
    description: LongText = ""
    indexation: ShortText = ""  # e.g. "CPI each April"
    baseline: LongText = ""  # what payment by results is measured against
    deductions: list[Deduction] = Field(default_factory=list, max_length=MAX_SMALL_LIST)
    deduction_cap_pct: Percent | None = None  # of the monthly service payment
    remedy_step: RemedyStep | None = None  # the step before termination


# Governance --------------------------------------------------------------------------------


class PartnershipBoard(Strict):
    membership: LongText = ""
    meetings_per_year: Annotated[int, Field(ge=0, le=365, strict=True)] = 4
    steering_groups: list[ItemId] = Field(default_factory=list, max_length=MAX_SMALL_LIST)


class AssuranceReview(Strict):
    """A planned assurance or gateway review."""

    name: Name  # e.g. "Gateway 3: investment decision"
    date: PlanDate | None = None
    by: ShortText = ""


class Governance(Strict):
    senior_responsible_owner: ShortText = ""  # a name or a role
    partnership_board: PartnershipBoard = Field(default_factory=PartnershipBoard)
    contract_manager: ShortText = ""
    client_side_fte: FTE | None = None  # client-side contract management capacity
    assurance_reviews: list[AssuranceReview] = Field(default_factory=list,
                                                     max_length=MAX_SMALL_LIST)


# Benefits and evaluation -------------------------------------------------------------------


class Benefit(Strict):
    id: ItemId
    benefit: Name
    owner: ShortText = ""
    measure: ShortText = ""
    baseline: ShortText = ""
    target: ShortText = ""
    date: PlanDate | None = None
    objective: ItemId | None = None  # the social impact objective it serves
    cash_releasing: bool = False


class EvaluationPlan(Strict):
    mid_term: PlanDate | None = None
    end: PlanDate | None = None
    by: ShortText = ""
    independent: bool = False
    method: LongText = ""
    published: bool = False

    @property
    def planned(self) -> bool:
        return self.mid_term is not None or self.end is not None


MAX_BENEFITS = MAX_ITEMS


# References --------------------------------------------------------------------------------


def _repeats(values: list) -> list[tuple[int, int]]:
    """(index, index of its first use) for each value already used earlier in ``values``."""
    first: dict = {}
    return [(i, first[v]) for i, v in enumerate(values) if first.setdefault(v, i) != i]


def reference_problems(project: Project) -> list[str]:
    """Duplicate lot ids, milestones and deductions (the references themselves are checked
    from ``wizard.references``)."""
    proc = project.procurement
    lots = [lot.id for lot in proc.lots]
    problems = [f"procurement.lots[{i}] ({lots[i]}): duplicate lot id '{lots[i]}' "
                f"(also used by procurement.lots[{j}])" for i, j in _repeats(lots)]
    milestones = [entry.milestone for entry in proc.timetable]
    problems += [f"procurement.timetable[{i}]: milestone '{milestones[i].value}' "
                 f"is already dated in procurement.timetable[{j}]" for i, j in _repeats(milestones)]
    kpi_ids = {k.id for k in project.kpis}
    kpis = [d.kpi for d in project.payment.deductions]
    problems += [f"payment.deductions[{i}]: KPI '{kpis[i]}' already carries a deduction "
                 f"(payment.deductions[{j}])" for i, j in _repeats(kpis) if kpis[i] in kpi_ids]
    return problems
