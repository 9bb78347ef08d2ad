"""Accountable: open books, data disclosure, publication, KPIs (Procurement Act 2023),
sub-contract transparency and social responsibility accreditation."""

from __future__ import annotations

from wizard.checks.base import Finding, Rule, finding, kpi_label
from wizard.formatting import money, money_words
from wizard.model import Project

from wizard.thresholds import (
    ACCREDITATION_FROM,
    ASSESS_EVERY,
    MIN_KPIS,
    OPEN_BOOK_FROM,
    PA2023_OVER,
    SUBCONTRACT_THRESHOLD,
)

P = "accountable"


def _required_from(project: Project, rule: str, threshold: int, setting: str,
                   missing: str) -> list[Finding]:
    """A warning when the contract value reaches ``threshold`` but ``setting`` is off."""
    value = project.project.value_gbp
    if value >= threshold and not getattr(project.accountability, setting):
        return [finding(
            rule, "warning", P, "accountability", "", "Accountability",
            f"Contract value {money(value)} is {money(threshold)} or more but {missing}.",
        )]
    return []


def open_book(project: Project) -> list[Finding]:
    return _required_from(project, "open-book", OPEN_BOOK_FROM, "open_book",
                          "open book accounting is off")


def data_disclosure(project: Project) -> list[Finding]:
    return _required_from(project, "data-disclosure", OPEN_BOOK_FROM, "data_disclosure",
                          "full data disclosure is off")


def accreditation(project: Project) -> list[Finding]:
    return _required_from(project, "accreditation", ACCREDITATION_FROM,
                          "social_responsibility_accreditation",
                          "bidders are not asked for social responsibility accreditation")


def subcontracts(project: Project) -> list[Finding]:
    value = project.project.value_gbp
    acc = project.accountability
    if value <= SUBCONTRACT_THRESHOLD:
        return []
    if not acc.publish_subcontracts:
        message = (f"Sub-contracting opportunities and awards are not published (contract value "
                   f"{money(value)}); those over {money(SUBCONTRACT_THRESHOLD)} should be.")
    elif acc.subcontract_threshold_gbp > SUBCONTRACT_THRESHOLD:
        message = (f"Sub-contracts are published only above {money(acc.subcontract_threshold_gbp)}; "
                   f"the threshold should be no more than {money(SUBCONTRACT_THRESHOLD)}.")
    else:
        return []
    return [finding("subcontracts", "warning", P, "accountability", "", "Accountability", message)]


def kpi_count(project: Project) -> list[Finding]:
    value = project.project.value_gbp
    count = len(project.kpis)
    if value > PA2023_OVER and count < MIN_KPIS:
        return [finding(
            "kpi-count", "error", P, "kpis", "", "KPIs",
            f"Contract value {money(value)} is over {money(PA2023_OVER)} but only {count} KPI"
            f"{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} set; the Procurement "
            f"Act 2023 (s.52) needs at least {MIN_KPIS}.",
        )]
    return []


def kpi_none(project: Project) -> list[Finding]:
    """No KPIs at all on a contract the Act does not cover (s.52 covers those over £5m)."""
    value = project.project.value_gbp
    if project.kpis or value > PA2023_OVER:
        return []
    return [finding(
        "kpi-none", "advice", P, "kpis", "", "KPIs",
        "No key performance indicators are set, so performance cannot be assessed or published.",
    )]


def publication(project: Project) -> list[Finding]:
    value = project.project.value_gbp
    if value > PA2023_OVER and not project.accountability.publish_business_case:
        return [finding(
            "publication", "error", P, "accountability", "", "Accountability",
            f"Contract value {money(value)} is over {money(PA2023_OVER)} but the contract and business "
            "case are not to be published; the Procurement Act 2023 (s.53) requires publication.",
        )]
    return []


def kpi_assessment(project: Project) -> list[Finding]:
    """Every KPI assessed at least every 12 months: the law for contracts over £5m (error),
    good practice below (advice)."""
    value = project.project.value_gbp
    severity = "error" if value > PA2023_OVER else "advice"
    out = []
    for kpi in project.kpis:
        if kpi.assessed_every_months > ASSESS_EVERY:
            out.append(finding(
                "kpi-assessment", severity, P, "kpis", kpi.id, kpi_label(kpi),
                f"KPI {kpi_label(kpi)} is assessed every {kpi.assessed_every_months} months; "
                f"performance should be assessed at least every {ASSESS_EVERY} months "
                "(Procurement Act 2023, s.71).",
            ))
    return out


RULES = [
    Rule("open-book", P, "warning",
         f"Open book accounting on contracts of {money_words(OPEN_BOOK_FROM)} and over", open_book),
    Rule("data-disclosure", P, "warning",
         f"Full data disclosure on contracts of {money_words(OPEN_BOOK_FROM)} and over",
         data_disclosure),
    Rule("accreditation", P, "warning",
         "Social responsibility accreditation on contracts of "
         f"{money_words(ACCREDITATION_FROM)} or more", accreditation),
    Rule("subcontracts", P, "warning",
         f"Sub-contracts over {money_words(SUBCONTRACT_THRESHOLD)} made public", subcontracts),
    Rule("kpi-count", P, "error",
         f"At least {MIN_KPIS} KPIs over {money_words(PA2023_OVER)} (Procurement Act 2023 s.52)",
         kpi_count),
    Rule("kpi-none", P, "advice", "Key performance indicators set", kpi_none),
    Rule("publication", P, "error",
         f"Contract published over {money_words(PA2023_OVER)} (Procurement Act 2023 s.53)",
         publication),
    Rule("kpi-assessment", P, "error",
         f"KPIs assessed at least every {ASSESS_EVERY} months (s.71)", kpi_assessment),
]
