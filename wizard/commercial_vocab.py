"""The vocabularies of the commercial and management case, with the words users read.

Procurement routes and notices follow the Procurement Act 2023; the values are what the project
file stores (part of the file format). ``label(x)`` gives the words for these values and falls
back to ``wizard.vocab.label`` for every other vocabulary.
"""

from __future__ import annotations

from enum import StrEnum

from wizard import vocab


class ProcurementRoute(StrEnum):
    OPEN = "open"
    COMPETITIVE_FLEXIBLE = "competitive_flexible"
    FRAMEWORK_CALL_OFF = "framework_call_off"
    DYNAMIC_MARKET = "dynamic_market"
    DIRECT_AWARD = "direct_award"


class Milestone(StrEnum):
    """The procurement timetable's milestones, in the order they happen."""

    PIPELINE_NOTICE = "pipeline_notice"
    PRELIMINARY_MARKET_ENGAGEMENT_NOTICE = "preliminary_market_engagement_notice"
    TENDER_NOTICE = "tender_notice"
    TENDER_DEADLINE = "tender_deadline"
    ASSESSMENT_COMPLETE = "assessment_complete"
    CONTRACT_AWARD_NOTICE = "contract_award_notice"
    STANDSTILL_END = "standstill_end"
    CONTRACT_DETAILS_NOTICE = "contract_details_notice"
    CONTRACT_START = "contract_start"


MILESTONE_ORDER: tuple[Milestone, ...] = tuple(Milestone)


class PaymentMechanism(StrEnum):
    FIXED_PRICE = "fixed_price"
    COST_PLUS = "cost_plus"
    TARGET_COST = "target_cost"
    AVAILABILITY = "availability"
    PAYMENT_BY_RESULTS = "payment_by_results"
    UNIT_RATES = "unit_rates"
    MIXED = "mixed"


class RemedyStep(StrEnum):
    """What comes between a performance failure and termination."""

    SERVICE_CREDITS = "service_credits"
    IMPROVEMENT_PLAN = "improvement_plan"


LABELS: dict[StrEnum, str] = {
    ProcurementRoute.OPEN: "Open procedure (Procurement Act 2023 s.20)",
    ProcurementRoute.COMPETITIVE_FLEXIBLE: "Competitive flexible procedure (s.20)",
    ProcurementRoute.FRAMEWORK_CALL_OFF: "Call-off from a framework (s.45–47)",
    ProcurementRoute.DYNAMIC_MARKET: "Dynamic market (s.34–40)",
    ProcurementRoute.DIRECT_AWARD: "Direct award (s.41–43)",
    Milestone.PIPELINE_NOTICE: "Pipeline notice",
    Milestone.PRELIMINARY_MARKET_ENGAGEMENT_NOTICE: "Preliminary market engagement notice (s.17)",
    Milestone.TENDER_NOTICE: "Tender notice (s.21)",
    Milestone.TENDER_DEADLINE: "Tender deadline",
    Milestone.ASSESSMENT_COMPLETE: "Assessment of tenders complete",
    Milestone.CONTRACT_AWARD_NOTICE: "Contract award notice (s.50)",
    Milestone.STANDSTILL_END: "End of the standstill period (s.51)",
    Milestone.CONTRACT_DETAILS_NOTICE: "Contract details notice (s.53)",
    Milestone.CONTRACT_START: "Contract start",
    PaymentMechanism.FIXED_PRICE: "Fixed price",
    PaymentMechanism.COST_PLUS: "Cost plus",
    PaymentMechanism.TARGET_COST: "Target cost (pain/gain share)",
    PaymentMechanism.AVAILABILITY: "Availability payments",
    PaymentMechanism.PAYMENT_BY_RESULTS: "Payment by results",
    PaymentMechanism.UNIT_RATES: "Unit rates",
    PaymentMechanism.MIXED: "Mixed",
    RemedyStep.SERVICE_CREDITS: "Service credits",
    RemedyStep.IMPROVEMENT_PLAN: "Performance improvement plan",
}

# Short milestone names for the timeline figure (the full label is in the table).
SHORT_LABELS: dict[Milestone, str] = {
    Milestone.PIPELINE_NOTICE: "Pipeline",
    Milestone.PRELIMINARY_MARKET_ENGAGEMENT_NOTICE: "Market engagement",
    Milestone.TENDER_NOTICE: "Tender notice",
    Milestone.TENDER_DEADLINE: "Tenders in",
    Milestone.ASSESSMENT_COMPLETE: "Assessed",
    Milestone.CONTRACT_AWARD_NOTICE: "Award notice",
    Milestone.STANDSTILL_END: "Standstill ends",
    Milestone.CONTRACT_DETAILS_NOTICE: "Contract details",
    Milestone.CONTRACT_START: "Contract start",
}

_BY_TYPE = {(type(k), k.value): v for k, v in LABELS.items()}


def label(value: StrEnum) -> str:
    """The words a user reads for a value of these (or any other) vocabularies."""
    found = _BY_TYPE.get((type(value), value.value))
    return found if found is not None else vocab.label(value)
