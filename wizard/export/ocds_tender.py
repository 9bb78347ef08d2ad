"""The OCDS tender of a project: procedure, award criteria, periods, procurement milestones,
lots and the notices as documents (called by ``wizard.export.ocds`` on the public edition).

Milestone types come from the OCDS for PPPs milestoneType codelist:

    pipeline_notice                         preProcurement
    preliminary_market_engagement_notice    engagement
    tender_notice, tender_deadline,
    standstill_end                          procurement
    assessment_complete                     assessment
    contract_award_notice                   approval
    contract_details_notice                 reporting
    contract_start                          contractClose

A milestone dated on or before the document date is ``met``, a later one ``scheduled``. Lots
follow the OCDS lots extension (tender.lots, tender.lotDetails, items[].relatedLot); a lot
whose value the public edition withholds has no value and says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.commercial_vocab import Milestone, ProcurementRoute, label
from wizard.export.business_case import export_date
from wizard.model import Project

LOTS_EXTENSION = ("https://raw.githubusercontent.com/open-contracting-extensions/"
                  "ocds_lots_extension/master/extension.json")

MILESTONE_TYPES: dict[Milestone, str] = {
    Milestone.PIPELINE_NOTICE: "preProcurement",
    Milestone.PRELIMINARY_MARKET_ENGAGEMENT_NOTICE: "engagement",
    Milestone.TENDER_NOTICE: "procurement",
    Milestone.TENDER_DEADLINE: "procurement",
    Milestone.ASSESSMENT_COMPLETE: "assessment",
    Milestone.CONTRACT_AWARD_NOTICE: "approval",
    Milestone.STANDSTILL_END: "procurement",
    Milestone.CONTRACT_DETAILS_NOTICE: "reporting",
    Milestone.CONTRACT_START: "contractClose",
}

# The notices published as documents (OCDS documentType codes).
NOTICE_DOCUMENTS: dict[Milestone, str] = {
    Milestone.PIPELINE_NOTICE: "plannedProcurementNotice",
    Milestone.TENDER_NOTICE: "tenderNotice",
    Milestone.CONTRACT_AWARD_NOTICE: "awardNotice",
    Milestone.CONTRACT_DETAILS_NOTICE: "contractNotice",
}

METHODS: dict[ProcurementRoute, str] = {
    ProcurementRoute.OPEN: "open",
    ProcurementRoute.COMPETITIVE_FLEXIBLE: "selective",
    ProcurementRoute.FRAMEWORK_CALL_OFF: "selective",
    ProcurementRoute.DYNAMIC_MARKET: "selective",
    ProcurementRoute.DIRECT_AWARD: "direct",
}


def _iso(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _status(project: Project, today: dt.date) -> str:
    proc = project.procurement
    award = proc.date_of(Milestone.CONTRACT_AWARD_NOTICE)
    notice = proc.date_of(Milestone.TENDER_NOTICE)
    if award is not None and award <= today:
        return "complete"
    if notice is not None and notice <= today:
        return "active"
    return "planned"


def tender(project: Project, ocid: str) -> dict[str, Any] | None:
    """The release's tender block, or None when nothing of the procurement is set."""
    proc = project.procurement
    if proc.route is None and not proc.timetable and not proc.lots:
        return None
    today = export_date(project)
    out: dict[str, Any] = {"id": f"{ocid}-tender-1", "title": project.project.title,
                           "status": _status(project, today)}
    if proc.route is not None:
        out["procurementMethod"] = METHODS[proc.route]
        out["procurementMethodDetails"] = label(proc.route)
    rationale = proc.direct_award_justification or proc.route_reason
    if rationale.strip():
        out["procurementMethodRationale"] = rationale
    out["mainProcurementCategory"] = "services"
    weights = proc.evaluation
    if weights.is_set:
        out["awardCriteria"] = "ratedCriteria"
        out["awardCriteriaDetails"] = (f"Quality {weights.quality}%, price {weights.price}%, "
                                       f"social value {weights.social_value}%.")
    out["value"] = {"amount": project.project.value_gbp, "currency": "GBP"}
    start, deadline = (proc.date_of(Milestone.TENDER_NOTICE),
                       proc.date_of(Milestone.TENDER_DEADLINE))
    if start or deadline:
        out["tenderPeriod"] = {k: _iso(v) for k, v in (("startDate", start),
                                                       ("endDate", deadline)) if v}
    award = proc.date_of(Milestone.CONTRACT_AWARD_NOTICE)
    assessed = proc.date_of(Milestone.ASSESSMENT_COMPLETE)
    if deadline or award:
        out["awardPeriod"] = {k: _iso(v) for k, v in (("startDate", deadline),
                                                      ("endDate", award or assessed)) if v}

    milestones, documents = [], []
    for entry in sorted(proc.timetable, key=lambda e: e.date):
        met = entry.date <= today
        milestone: dict[str, Any] = {
            "id": f"procurement-{entry.milestone.value}",
            "title": label(entry.milestone),
            "type": MILESTONE_TYPES[entry.milestone],
            "code": entry.milestone.value,
            "dueDate": _iso(entry.date),
            "status": "met" if met else "scheduled",
        }
        if met:
            milestone["dateMet"] = _iso(entry.date)
        milestones.append(milestone)
        doc_type = NOTICE_DOCUMENTS.get(entry.milestone)
        if doc_type:
            doc = {"id": f"notice-{entry.milestone.value}", "documentType": doc_type,
                   "title": label(entry.milestone),
                   "description": f"Published under the Procurement Act 2023 on "
                                  f"{entry.date.isoformat()}." if met else
                                  f"To be published on {entry.date.isoformat()}.",
                   "language": "en"}
            if met:
                doc["datePublished"] = _iso(entry.date)
            documents.append(doc)
    if weights.is_set:
        documents.append({"id": "evaluation-criteria", "documentType": "evaluationCriteria",
                          "title": "Award criteria and weightings",
                          "description": out["awardCriteriaDetails"], "language": "en"})
    if proc.market_engagement:
        documents.append({
            "id": "market-engagement", "documentType": "marketStudies",
            "title": "Preliminary market engagement",
            "description": " ".join(
                f"{m.what}{' (' + m.date.isoformat() + ')' if m.date else ''}"
                f"{': ' + m.with_whom if m.with_whom else ''}." for m in proc.market_engagement),
            "language": "en"})
    if milestones:
        out["milestones"] = milestones
    if documents:
        out["documents"] = documents

    if proc.lots:
        names = {p.id: p.name for p in project.phases}
        lots = []
        for lot in proc.lots:
            entry: dict[str, Any] = {"id": lot.id, "title": lot.name, "status": out["status"]}
            covered = ", ".join(names.get(i, i) for i in lot.phases) or "no phase yet"
            entry["description"] = f"Phases: {covered}." + (
                " Value withheld in the public edition." if lot.sensitive else "")
            if not lot.sensitive and lot.value_gbp is not None:
                entry["value"] = {"amount": lot.value_gbp, "currency": "GBP"}
            lots.append(entry)
        out["lots"] = lots
        if proc.lots_per_bidder:
            out["lotDetails"] = {"maximumLotsAwardedPerSupplier": proc.lots_per_bidder}
        out["items"] = [{"id": f"phase-{p.id}", "description": p.name, "relatedLot": lot.id}
                        for lot in proc.lots for p in project.phases if p.id in lot.phases]
    return out


def add_tender(package: dict[str, Any], project: Project) -> dict[str, Any]:
    """Add the tender (and the lots extension when lots are published) to a release package
    built from ``project`` (already redacted for the public edition)."""
    release = package["releases"][0]
    block = tender(project, release["ocid"])
    if block is None:
        return package
    release["tender"] = block
    if "tender" not in release["tag"]:
        release["tag"].append("tender")
    if "lots" in block and LOTS_EXTENSION not in package["extensions"]:
        package["extensions"] = [*package["extensions"], LOTS_EXTENSION]
    return package
