"""The commercial and management parts of a project file: procurement, payment, governance,
benefits and the evaluation plan.

Field names are part of the file format. Every field has a default, so a file saved before
these parts existed means the same. ``wizard.model`` imports these classes and re-exports
them: import them from there (``from wizard.model import Procurement``).

References (a lot's phases, a deduction's KPI, a benefit's social impact objective, the
partnership board's steering groups) are checked by ``reference_problems`` with messages that
name both ends; ``rewrite_references`` keeps them whole when an item is deleted or renamed.
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
    date: dt.date | None = None
    with_whom: ShortText = ""


class TimetableEntry(Strict):
    milestone: Milestone
    date: dt.date


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
    date: dt.date | None = None
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
    date: dt.date | None = None
    objective: ItemId | None = None  # the social impact objective it serves
    cash_releasing: bool = False


class EvaluationPlan(Strict):
    mid_term: dt.date | None = None
    end: dt.date | None = None
    by: ShortText = ""
    independent: bool = False
    method: LongText = ""
    published: bool = False

    @property
    def planned(self) -> bool:
        return self.mid_term is not None or self.end is not None


MAX_BENEFITS = MAX_ITEMS


# References --------------------------------------------------------------------------------


def reference_problems(project: Project) -> list[str]:
    """Duplicate lot ids and milestones, and every dangling reference, naming both ends."""
    problems: list[str] = []
    proc = project.procurement
    phase_ids = {p.id for p in project.phases}
    kpi_ids = {k.id for k in project.kpis}
    objective_ids = {s.id for s in project.social_impact}
    group_ids = {g.id for g in project.steering_groups}

    seen: dict[str, int] = {}
    for i, lot in enumerate(proc.lots):
        where = f"procurement.lots[{i}] ({lot.id})"
        if lot.id in seen:
            problems.append(f"{where}: duplicate lot id '{lot.id}' "
                            f"(also used by procurement.lots[{seen[lot.id]}])")
        seen.setdefault(lot.id, i)
        for ph in lot.phases:
            if ph not in phase_ids:
                problems.append(f"{where} phase '{ph}': no phase has that id")
    dates: dict[Milestone, int] = {}
    for i, entry in enumerate(proc.timetable):
        if entry.milestone in dates:
            problems.append(f"procurement.timetable[{i}]: milestone '{entry.milestone.value}' "
                            f"is already dated in procurement.timetable[{dates[entry.milestone]}]")
        dates.setdefault(entry.milestone, i)
    kpis_seen: dict[str, int] = {}
    for i, d in enumerate(project.payment.deductions):
        where = f"payment.deductions[{i}]"
        if d.kpi not in kpi_ids:
            problems.append(f"{where} KPI '{d.kpi}': no KPI has that id")
        elif d.kpi in kpis_seen:
            problems.append(f"{where}: KPI '{d.kpi}' already carries a deduction "
                            f"(payment.deductions[{kpis_seen[d.kpi]}])")
        kpis_seen.setdefault(d.kpi, i)
    for g in project.governance.partnership_board.steering_groups:
        if g not in group_ids:
            problems.append(f"governance.partnership_board steering group '{g}': "
                            "no steering group has that id")
    for i, b in enumerate(project.benefits):
        if b.objective is not None and b.objective not in objective_ids:
            problems.append(f"benefits[{i}] ({b.id}) objective '{b.objective}': "
                            "no social impact objective has that id")
    return problems


def rewrite_references(project: Project, collection: str, old: str, new: str | None) -> int:
    """Point references to item ``old`` of ``collection`` at ``new`` (None: remove them).

    Returns how many fields changed. Covers the references these parts hold: phases (lots),
    KPIs (deductions), steering groups (the partnership board), social impact objectives
    (benefits)."""
    count = 0
    if collection == "phases":
        for lot in project.procurement.lots:
            if old in lot.phases:
                lot.phases = [p for p in (new if p == old else p for p in lot.phases) if p]
                count += 1
    elif collection == "kpis":
        before = project.payment.deductions
        after = [d if d.kpi != old else (d.model_copy(update={"kpi": new}) if new else None)
                 for d in before]
        if after != list(before):
            project.payment.deductions = [d for d in after if d is not None]
            count += sum(1 for d in before if d.kpi == old)
    elif collection == "steering_groups":
        board = project.governance.partnership_board
        if old in board.steering_groups:
            board.steering_groups = [g for g in (new if g == old else g
                                                 for g in board.steering_groups) if g]
            count += 1
    elif collection == "social_impact":
        for b in project.benefits:
            if b.objective == old:
                b.objective = new
                count += 1
    return count
