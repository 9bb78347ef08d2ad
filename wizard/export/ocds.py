"""Open data: an OCDS for PPPs release package of the *public* edition.

``release_package(project)`` redacts the project first, so a withheld value cannot reach the
open data. It fills planning.project, planning.budget, planning.milestones (one per phase,
dates from the contract start and the phase's timing; one engagement milestone per community
steering group), contracts[0].riskAllocation (allocation only ``publicAuthority``,
``privateParty`` or ``undefined`` — a shared risk is ``undefined`` with its split in notes) and
documents for the business case and for each break clause (document type ``termination``).
All amounts are in GBP and every date is ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from typing import Any

from wizard.export.business_case import add_months, commissioners_text, export_date, model_label
from wizard import publication
from wizard.model import Project
from wizard.redact import redact
from wizard.schedule import build_schedule
from wizard.vocab import OCDS_RISK_CATEGORIES, Allocation, PartnerKind, label

OCID_PREFIX = "ocds-chmkr0"
PPP_EXTENSIONS = [
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_riskAllocation_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_milestone_documents_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_budget_project_extension/master/extension.json",
]
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


def release_package(project: Project) -> dict[str, Any]:
    """The OCDS release package (a dict ready for json.dump) of the public edition."""
    from wizard.export.ocds_tender import add_tender  # tender, lots, procurement milestones

    public = redact(project)
    facts = publication.facts(project)
    package = add_tender(_package(public, facts), public)
    tender = package["releases"][0].get("tender")
    if facts.grouped and tender is not None:  # the totals rule: no amount, the band says it
        tender.pop("value", None)
    return package


def _budget(facts: publication.Facts, value: int) -> dict[str, Any]:
    """planning.budget under the totals rule of wizard.publication."""
    if not facts.grouped:
        return {"id": "budget-1", "description": "Estimated whole-life value.", "amount": gbp(value)}
    return {
        "id": "budget-1",
        "description": (
            f"Estimated whole-life value: {facts.value_text}. The values of the "
            f"{facts.phase_count} phases are withheld as a group ({facts.sensitive_phase_count} "
            "commercially sensitive), so no amount is published; see the redaction log of the "
            "business case."
        ),
    }


def _package(p: Project, facts: publication.Facts | None = None) -> dict[str, Any]:
    facts = facts if facts is not None else publication.facts(p)
    info = p.project
    ocid = f"{OCID_PREFIX}-{slug(info.title)}"
    published = iso(export_date(p))
    schedule = build_schedule(p)
    end = add_months(info.start, info.duration_months)

    parties = []
    buyer_ids = []
    for index, name in enumerate(info.commissioners, start=1):
        party_id = f"commissioner-{index}"
        parties.append({"id": party_id, "name": name, "roles": ["buyer", "procuringEntity"]})
        buyer_ids.append(party_id)
    for partner in p.partners:
        roles = ["buyer"] if partner.kind is PartnerKind.PUBLIC else ["supplier"]
        parties.append({"id": f"partner-{partner.id}", "name": partner.name, "roles": roles})

    milestones: list[dict[str, Any]] = []
    for phase in p.phases:
        start_month = schedule.start.get(phase.id, phase.start_month)
        finish_month = schedule.finish.get(phase.id, start_month + phase.duration_months)
        start = add_months(info.start, start_month)
        description = (
            f"{label(phase.kind)} phase from {start.isoformat()} for {phase.duration_months} months."
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

    risks = []
    for risk in p.risks:
        entry: dict[str, Any] = {"id": risk.id}
        notes = []
        if risk.category in OCDS_RISK_CATEGORIES:
            entry["category"] = risk.category.value
        else:
            notes.append(f"Category: {label(risk.category)}.")
        entry["description"] = risk.title + (f". {risk.description}" if risk.description else "")
        entry["allocation"] = ALLOCATION_CODES[risk.allocation]
        if risk.allocation is Allocation.SHARED:
            notes.append(
                f"Shared: {risk.public_share}% public authority, {100 - risk.public_share}% private party."
            )
        notes.append(f"Likelihood {risk.likelihood} of 5, impact {risk.impact} of 5.")
        if risk.mitigation:
            notes.append(f"Mitigation: {risk.mitigation}")
        entry["notes"] = " ".join(notes)
        risks.append(entry)

    documents = [
        {
            "id": "business-case",
            "documentType": "feasibilityStudy",
            "title": f"{info.title}: draft business case (public edition)",
            "description": f"{label(info.stage)} in the Five Case Model, with a redaction log.",
            "format": "application/pdf",
            "language": "en",
            "datePublished": published,
        }
    ]
    for clause in p.break_clauses:
        documents.append(
            {
                "id": f"break-clause-{clause.id}",
                "documentType": "termination",
                "title": f"Break clause {clause.id}: {label(clause.trigger)}",
                "description": (
                    f"Can be used from month {clause.earliest_month} with {clause.notice_months} "
                    f"months' notice; compensation: {label(clause.compensation).lower()}."
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
                    f"running {info.duration_months} months from {info.start.isoformat()}."
                ),
                "totalValue": gbp(info.value_gbp),
            },
            "budget": _budget(facts, info.value_gbp),
            "milestones": milestones,
            "documents": documents[:1],
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
                "documents": documents[1:],
            }
        ],
    }
    if release["buyer"] is None:
        del release["buyer"]
    if facts.grouped:  # no amount at all: the band is in planning.budget.description
        del release["planning"]["project"]["totalValue"]
        del release["contracts"][0]["value"]
    return {
        "uri": f"https://example.org/changemaker/{slug(info.title)}/release-package.json",
        "version": "1.1",
        "publishedDate": published,
        "publisher": {"name": commissioners_text(p)},
        "extensions": PPP_EXTENSIONS,
        "releases": [release],
    }


def export_ocds(project: Project, out: str | os.PathLike[str]) -> None:
    """Write the release package of the public edition as UTF-8 JSON."""
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(release_package(project), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
