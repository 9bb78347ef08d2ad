"""The controlled vocabularies of a Changemaker project, with the labels users read.

Every enum is a ``StrEnum`` so its value is what the project file stores, and ``label(x)``
gives the words the wizard, the PDF and the HTML show.
"""

from __future__ import annotations

from enum import StrEnum


class BusinessCaseStage(StrEnum):
    SOC = "SOC"
    OBC = "OBC"
    FBC = "FBC"
    BJC = "BJC"


class RiskAppetite(StrEnum):
    AVERSE = "averse"
    MINIMAL = "minimal"
    CAUTIOUS = "cautious"
    OPEN = "open"
    EAGER = "eager"


class DeliveryModel(StrEnum):
    OUTSOURCING = "outsourcing"
    PRIVATE_FINANCE = "private_finance"
    JOINT_VENTURE = "joint_venture"
    TRADING_COMPANY = "trading_company"
    ALLIANCE = "alliance"
    MUTUAL_INVESTMENT = "mutual_investment"
    OTHER = "other"


class PartnerKind(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    VOLUNTARY = "voluntary"


class PhaseKind(StrEnum):
    DESIGN = "design"
    DESIGN_AND_BUILD = "design_and_build"
    CONSTRUCTION = "construction"
    REFURBISHMENT = "refurbishment"
    MOBILISATION = "mobilisation"
    OPERATION = "operation"
    AREA_PLAN = "area_plan"
    IMPLEMENTATION = "implementation"
    ANCHORING = "anchoring"
    EVALUATION = "evaluation"
    OTHER = "other"


class Allocation(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    SHARED = "shared"


class RiskResponse(StrEnum):
    TOLERATE = "tolerate"
    TREAT = "treat"
    TRANSFER = "transfer"
    TERMINATE = "terminate"


class WorkshopStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    DISPUTED = "disputed"


class RiskCategory(StrEnum):
    # OCDS for PPPs risk category codes
    LAND_AVAILABILITY = "landAvailability"
    ENVIRONMENTAL = "environmental"
    DESIGN = "design"
    CONSTRUCTION = "construction"
    COMPLETION = "completion"
    REVENUE = "revenue"
    INFLATION_AND_FX = "inflationAndFx"
    AVAILABILITY_AND_QUALITY = "availabilityAndQuality"
    OTHER_REVENUE = "otherRevenue"
    FINANCE_AVAILABILITY = "financeAvailability"
    REFINANCING = "refinancing"
    CHANGE_IN_LAW = "changeInLaw"
    FORCE_MAJEURE = "forceMajeure"
    EARLY_TERMINATION = "earlyTermination"
    COMPLIANCE = "compliance"
    # UK service-contract risks (not OCDS codes)
    DEMAND = "demand"
    PERFORMANCE = "performance"
    DATA_ACCURACY = "dataAccuracy"
    SPECIFICATION = "specification"
    PAYMENT_MECHANISM = "paymentMechanism"
    SUPPLIER_FINANCIAL_STANDING = "supplierFinancialStanding"
    WORKFORCE = "workforce"
    REPUTATIONAL = "reputational"
    POLITICAL = "political"


OCDS_RISK_CATEGORIES: frozenset[RiskCategory] = frozenset(list(RiskCategory)[:15])


class BreakTrigger(StrEnum):
    CHANGE_OF_CONTROL = "change_of_control"
    FINANCIAL_DISTRESS = "financial_distress"
    UNDER_PERFORMANCE = "under_performance"
    DEMAND_CHANGE = "demand_change"
    CHANGE_IN_LAW = "change_in_law"
    VOLUNTARY = "voluntary"
    FORCE_MAJEURE = "force_majeure"
    CORRUPT_PRACTICE = "corrupt_practice"


class Compensation(StrEnum):
    NONE = "none"
    MARKET_VALUE = "market_value"
    BOOK_VALUE = "book_value"
    DEBT_ONLY = "debt_only"
    AGREED_FORMULA = "agreed_formula"


class Stage(StrEnum):
    DESIGN = "design"
    DELIVERY = "delivery"
    EVALUATION = "evaluation"


class MemberKind(StrEnum):
    RESIDENTS = "residents"
    SERVICE_USERS = "service_users"
    STAFF = "staff"
    TRADE_UNIONS = "trade_unions"
    ELECTED_MEMBERS = "elected_members"
    VOLUNTARY_SECTOR = "voluntary_sector"
    YOUNG_PEOPLE = "young_people"
    LOCAL_BUSINESS = "local_business"


class Influence(StrEnum):
    INFORM = "inform"
    CONSULT = "consult"
    INVOLVE = "involve"
    COLLABORATE = "collaborate"
    EMPOWER = "empower"


LIKELIHOOD_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}

# (value, label) pairs; a list, not a dict, because different vocabularies share values
# ("public" is both an allocation and a partner kind) and equal StrEnums collide as keys.
_LABELS: list[tuple[StrEnum, str]] = [
    (BusinessCaseStage.SOC, "Strategic outline case (SOC)"),
    (BusinessCaseStage.OBC, "Outline business case (OBC)"),
    (BusinessCaseStage.FBC, "Full business case (FBC)"),
    (BusinessCaseStage.BJC, "Business justification case (BJC)"),
    (DeliveryModel.OUTSOURCING, "Outsourcing"),
    (DeliveryModel.PRIVATE_FINANCE, "PFI-style private finance"),
    (DeliveryModel.JOINT_VENTURE, "Joint venture"),
    (DeliveryModel.TRADING_COMPANY, "Local authority trading company"),
    (DeliveryModel.ALLIANCE, "Alliance"),
    (DeliveryModel.MUTUAL_INVESTMENT, "Mutual investment model"),
    (DeliveryModel.OTHER, "Other"),
    (PartnerKind.PUBLIC, "Public body"),
    (PartnerKind.PRIVATE, "Private provider"),
    (PartnerKind.VOLUNTARY, "Voluntary or community organisation"),
    (PhaseKind.DESIGN_AND_BUILD, "Design and build"),
    (PhaseKind.AREA_PLAN, "Area plan"),
    (Allocation.PUBLIC, "Public"),
    (Allocation.PRIVATE, "Private"),
    (Allocation.SHARED, "Shared"),
    (RiskCategory.LAND_AVAILABILITY, "Land availability"),
    (RiskCategory.INFLATION_AND_FX, "Inflation and exchange rates"),
    (RiskCategory.AVAILABILITY_AND_QUALITY, "Availability and quality"),
    (RiskCategory.OTHER_REVENUE, "Other revenue"),
    (RiskCategory.FINANCE_AVAILABILITY, "Finance availability"),
    (RiskCategory.CHANGE_IN_LAW, "Change in law"),
    (RiskCategory.FORCE_MAJEURE, "Force majeure"),
    (RiskCategory.EARLY_TERMINATION, "Early termination"),
    (RiskCategory.DEMAND, "Demand (volume)"),
    (RiskCategory.DATA_ACCURACY, "Data accuracy"),
    (RiskCategory.PAYMENT_MECHANISM, "Payment mechanism"),
    (RiskCategory.SUPPLIER_FINANCIAL_STANDING, "Supplier financial standing"),
    (RiskCategory.WORKFORCE, "Workforce (TUPE)"),
    (BreakTrigger.CHANGE_OF_CONTROL, "Change of control"),
    (BreakTrigger.UNDER_PERFORMANCE, "Persistent under-performance"),
    (BreakTrigger.CHANGE_IN_LAW, "Change in law or policy"),
    (BreakTrigger.VOLUNTARY, "Voluntary (public-interest) termination"),
    (Compensation.NONE, "None"),
    (Compensation.DEBT_ONLY, "Debt only"),
    (MemberKind.TRADE_UNIONS, "Trade unions"),
    (MemberKind.VOLUNTARY_SECTOR, "Voluntary sector"),
]


_LABELS_BY_TYPE = {(type(k), k.value): v for k, v in _LABELS}


def label(value: StrEnum) -> str:
    """The words a user reads for a vocabulary value."""
    found = _LABELS_BY_TYPE.get((type(value), value.value))
    if found is not None:
        return found
    return str(value.value).replace("_", " ").capitalize()
