"""Open data: an OCDS for PPPs release package of the *public* edition.

``release_package(project)`` redacts the project first, so a withheld value cannot reach the
open data. It fills planning.project, planning.budget, planning.milestones (one per phase,
dates from the contract start and the phase's timing; one engagement milestone per community
steering group, one assessment milestone per review point, one reporting milestone per KPI),
contracts[0].riskAllocation and documents: the public editions of the business case (PDF, HTML,
Word) and the contract schedules, and each break clause (document type ``termination``).

A shared risk is coded by the codelist's meaning: ``publicAuthority`` when wholly or mostly
public (a public share of 60% or more), ``privateParty`` at 40% or less, ``undefined`` between,
with the split in ``notes``. Each party appears once: a commissioner that is also a partner is
one party with both roles. The ocid prefix and the publisher come from the user's settings
(``wizard.export.publisher``), with a clear placeholder until set.
All amounts are in GBP and every date is ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from typing import Any

from wizard.export.business_case import add_months, commissioners_text, export_date, model_label
from wizard.formatting import every, months, notice
from wizard.export.publisher import UNSET, Publisher
from wizard import publication
from wizard.model import Project
from wizard.redact import redact
from wizard.schedule import build_schedule
from wizard.vocab import OCDS_RISK_CATEGORIES, Allocation, PartnerKind, label

MOSTLY_PUBLIC = 60  # a shared risk with this public share or more is mostly public
MOSTLY_PRIVATE = 40  # ... with this share or less, mostly private
PPP_EXTENSIONS = [
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_riskAllocation_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_milestone_documents_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_project_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_breakdown_extension/master/extension.json",
]
DOCX_MEDIA = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ALLOCATION_CODES = {
    Allocation.PUBLIC: "publicAuthority",
    Allocation.PRIVATE: "privateParty",
    Allocation.SHARED: "undefined",
}


def iso(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def slug(value: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return cleaned[:60] or "project"


def gbp(amount: int) -> dict[str, Any]:
    return {"amount": amount, "currency": "GBP"}


def allocation_code(risk) -> str:
    """The riskAllocation code of a risk: by who bears it wholly or mostly."""
    if risk.allocation is not Allocation.SHARED:
        return ALLOCATION_CODES[risk.allocation]
    if risk.public_share >= MOSTLY_PUBLIC:
        return "publicAuthority"
    if risk.public_share <= MOSTLY_PRIVATE:
        return "privateParty"
    return "undefined"


def release_package(project: Project, publisher: Publisher = UNSET) -> dict[str, Any]:
    """The OCDS release package (a dict ready for json.dump) of the public edition."""
    from wizard.export.ocds_tender import add_tender  # tender, lots, procurement milestones

    public = redact(project)
    facts = publication.facts(project)
    package = add_tender(_package(public, publisher, facts), public)
    tender = package["releases"][0].get("tender")
    if facts.grouped and tender is not None:  # the totals rule: no amount, the band says it
        tender.pop("value", None)
    return package


def _budget(facts: publication.Facts, value: int, breakdown: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """planning.budget under the totals rule of wizard.publication: the amount, and its
    breakdown by phase (the budget breakdown extension), only when no phase value is withheld."""
    if not facts.grouped:
        budget = {"id": "budget-1", "description": "Estimated whole-life value.", "amount": gbp(value)}
        if breakdown:
            budget["budgetBreakdown"] = breakdown
        return budget
    return {
        "id": "budget-1",
        "description": (
            f"Estimated whole-life value: {facts.value_text}. The values of the "
            f"{facts.phase_count} phases are withheld as a group ({facts.sensitive_phase_count} "
            "commercially sensitive), so no amount is published; see the redaction log of the "
            "business case."
        ),
    }


def _parties(p: Project) -> tuple[list[dict[str, Any]], list[str]]:
    """Each organisation once (matched by name), with all its roles; and the buyers' ids."""
    parties: dict[str, dict[str, Any]] = {}
    order: list[str] = []

    def add(key_name: str, party_id: str, roles: list[str]) -> str:
        key = " ".join(key_name.casefold().split())
        if key not in parties:
            parties[key] = {"id": party_id, "name": key_name, "roles": []}
            order.append(key)
        for role in roles:
            if role not in parties[key]["roles"]:
                parties[key]["roles"].append(role)
        return parties[key]["id"]

    buyers = [add(name, f"commissioner-{index}", ["buyer", "procuringEntity"])
              for index, name in enumerate(p.project.commissioners, start=1)]
    providers = {ph.provider for ph in p.phases if ph.provider}
    commissioners = {" ".join(c.casefold().split()) for c in p.project.commissioners}
    for partner in p.partners:
        if partner.kind is not PartnerKind.PUBLIC or partner.id in providers:
            roles = ["supplier"]
        elif " ".join(partner.name.casefold().split()) in commissioners:
            roles = []  # already a party as a commissioner
        else:
            roles = ["funder"]
        add(partner.name, f"partner-{partner.id}", roles)
    return [parties[k] for k in order], buyers


def _package(p: Project, publisher: Publisher = UNSET,
             facts: publication.Facts | None = None) -> dict[str, Any]:
    facts = facts if facts is not None else publication.facts(p)
    info = p.project
    ocid = f"{publisher.prefix}-{slug(info.title)}"
    published = iso(export_date(p))
    schedule = build_schedule(p)
    end = add_months(info.start, info.duration_months)

    parties, buyer_ids = _parties(p)

    milestones: list[dict[str, Any]] = []
    breakdown: list[dict[str, Any]] = []  # the phase values, by phase and its period
    for phase in p.phases:
        start_month = schedule.start.get(phase.id, phase.start_month)
        finish_month = schedule.finish.get(phase.id, start_month + phase.duration_months)
        start = add_months(info.start, start_month)
        if phase.value_gbp and not facts.grouped:
            breakdown.append({
                "id": f"phase-{phase.id}", "description": f"{phase.name} ({label(phase.kind).lower()} phase)",
                "amount": gbp(phase.value_gbp),
                "period": {"startDate": iso(start), "endDate": iso(add_months(info.start, finish_month))},
            })
        description = (
            f"{label(phase.kind)} phase from {start.isoformat()} for {months(phase.duration_months)}."
        )
        if phase.description:
            description += " " + phase.description
        milestones.append(
            {
                "id": f"phase-{phase.id}",
                "title": phase.name,
                "type": "delivery",
                "description": description,
                "dueDate": iso(add_months(info.start, finish_month)),
                "status": "scheduled",
            }
        )
    for group in p.steering_groups:
        stages = ", ".join(label(s).lower() for s in group.stages) or "no stage yet"
        milestones.append(
            {
                "id": f"engagement-{group.id}",
                "title": f"{group.name}: first meeting",
                "type": "engagement",
                "description": (
                    f"Community steering group meeting {group.meetings_per_year} times a year "
                    f"across {stages}; level of influence: {label(group.influence).lower()}."
                ),
                "dueDate": iso(info.start),
                "status": "scheduled",
            }
        )
    for phase in sorted((ph for ph in p.phases if ph.review_month is not None), key=lambda ph: ph.review_month):
        milestones.append(
            {
                "id": f"review-{phase.id}",
                "title": f"Review of {phase.name}",
                "type": "assessment",
                "description": f"Review point of the {phase.name} phase, month {phase.review_month} of the contract.",
                "dueDate": iso(add_months(info.start, phase.review_month)),
                "status": "scheduled",
            }
        )
    for kpi in p.kpis:
        milestones.append(
            {
                "id": f"kpi-{kpi.id}",
                "title": f"{kpi.name}: first assessment",
                "type": "reporting",
                "description": f"Key performance indicator assessed {every(kpi.assessed_every_months)}"
                               + (f"; target: {kpi.target}." if kpi.target else "."),
                "dueDate": iso(add_months(info.start, kpi.assessed_every_months)),
                "status": "scheduled",
            }
        )

    risks = []
    for risk in p.risks:
        entry: dict[str, Any] = {"id": risk.id}
        notes = []
        if risk.category in OCDS_RISK_CATEGORIES:
            entry["category"] = risk.category.value
        else:
            notes.append(f"Category: {label(risk.category)}.")
        entry["description"] = risk.title + (f". {risk.description}" if risk.description else "")
        entry["allocation"] = allocation_code(risk)
        if risk.allocation is Allocation.SHARED:
            notes.append(
                f"Shared: {risk.public_share}% public authority, {100 - risk.public_share}% private party."
            )
        notes.append(f"Likelihood {risk.likelihood} of 5, impact {risk.impact} of 5.")
        if risk.mitigation:
            notes.append(f"Mitigation: {risk.mitigation}")
        entry["notes"] = " ".join(notes)
        risks.append(entry)

    base = f"{publisher.uri.rstrip('/')}/{slug(info.title)}" if publisher.uri else ""
    documents = []
    for suffix, media, what in (("pdf", "application/pdf", "PDF"), ("html", "text/html", "accessible HTML"),
                                ("docx", DOCX_MEDIA, "Word")):
        document = {
            "id": f"business-case-public-{suffix}",
            "documentType": "feasibilityStudy",
            "title": f"{info.title}: draft business case (public edition, {what})",
            "description": (f"{label(info.stage)} in the Five Case Model, public edition: commercially "
                            "sensitive content withheld, with a redaction log. The internal edition is "
                            "not published."),
            "format": media,
            "language": "en",
            "datePublished": published,
        }
        if base:
            document["url"] = f"{base}/business-case-public.{suffix}"
        documents.append(document)
    planning_count = len(documents)
    schedules = {
        "id": "contract-schedules-public",
        "documentType": "contractSchedule",
        "title": f"{info.title}: draft contract schedules (public edition)",
        "description": "Risk allocation, break clauses and termination, performance, governance and "
                       "community involvement, and accountability schedules, with withheld items marked.",
        "format": DOCX_MEDIA,
        "language": "en",
        "datePublished": published,
    }
    if base:
        schedules["url"] = f"{base}/contract-schedules-public.docx"
    documents.append(schedules)
    for clause in p.break_clauses:
        documents.append(
            {
                "id": f"break-clause-{clause.id}",
                "documentType": "termination",
                "title": f"Break clause {clause.id}: {label(clause.trigger)}",
                "description": (
                    f"Can be used from month {clause.earliest_month} with "
                    f"{notice(clause.notice_months)}; compensation: {label(clause.compensation).lower()}."
                    + (f" {clause.description}" if clause.description else "")
                ),
                "language": "en",
                "datePublished": published,
            }
        )

    release = {
        "ocid": ocid,
        "id": f"{ocid}-planning-{export_date(p).isoformat()}",
        "date": published,
        "tag": ["planning"],
        "initiationType": "tender",
        "language": "en",
        "parties": parties,
        "buyer": {"id": buyer_ids[0], "name": info.commissioners[0]} if buyer_ids else None,
        "planning": {
            "rationale": info.case_for_change,
            "project": {
                "id": slug(info.title),
                "title": info.title,
                "description": (
                    f"{model_label(p)} partnership for {info.service_area or 'public services'} in "
                    f"{info.place or 'the area'}, commissioned by {commissioners_text(p)}, "
                    f"running {months(info.duration_months)} from {info.start.isoformat()}."
                ),
                "totalValue": gbp(info.value_gbp),
            },
            "budget": _budget(facts, info.value_gbp, breakdown),
            "milestones": milestones,
            "documents": documents[:planning_count],
        },
        "contracts": [
            {
                "id": f"{ocid}-contract-1",
                "awardID": f"{ocid}-award-1",
                "title": info.title,
                "status": "pending",
                "value": gbp(info.value_gbp),
                "period": {"startDate": iso(info.start), "endDate": iso(end)},
                "riskAllocation": risks,
                "documents": documents[planning_count:],
            }
        ],
    }
    if release["buyer"] is None:
        del release["buyer"]
    if not publisher.is_set:
        release["planning"]["project"]["description"] += (
            f" Draft open data: the ocid prefix {publisher.prefix} is a placeholder until the "
            "publisher's registered prefix is set.")
    if facts.grouped:  # no amount at all: the band is in planning.budget.description
        del release["planning"]["project"]["totalValue"]
        del release["contracts"][0]["value"]
    return {
        "uri": f"{base}/release-package.json" if base else f"urn:changemaker:draft:{slug(info.title)}",
        "version": "1.1",
        "publishedDate": published,
        "publisher": {"name": publisher.name or commissioners_text(p)},
        "extensions": PPP_EXTENSIONS,
        "releases": [release],
    }


def ocds_text(project: Project, publisher: Publisher = UNSET) -> str:
    """The release package of the public edition as JSON text."""
    return json.dumps(release_package(project, publisher), ensure_ascii=False, indent=2) + "\n"


def export_ocds(project: Project, out: str | os.PathLike[str], publisher: Publisher = UNSET) -> None:
    """Write the release package of the public edition as UTF-8 JSON, atomically."""
    from wizard.storage import write_atomic

    write_atomic(ocds_text(project, publisher).encode("utf-8"), out)
