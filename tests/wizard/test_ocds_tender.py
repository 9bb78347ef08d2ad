"""The OCDS tender: procedure, award criteria, procurement milestones with milestoneType codes
from the OCDS for PPPs codelist, lots (a withheld lot has no value) and the notices as
documents, and the whole package still valid against the OCDS for PPPs schema.

The schema is the copy vendored under tests/data/ocds/."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from wizard import catalog
from wizard.export.ocds import release_package
from wizard.export.ocds_tender import LOTS_EXTENSION

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "ocds"


def _validator():
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    package = json.loads((SCHEMAS / "ppp-release-package-schema.json").read_text("utf-8"))
    release = json.loads((SCHEMAS / "ppp-release-schema.json").read_text("utf-8"))
    registry = Registry().with_resources(
        [(s["id"], Resource.from_contents(s, default_specification=DRAFT4))
         for s in (package, release)])
    return jsonschema.Draft4Validator(package, registry=registry)


def _milestone_codes() -> set[str]:
    source = SCHEMAS / "milestoneType.csv" if SCHEMAS else None
    if source is None or not source.exists():
        source = SHARED / "milestoneType.csv"
    with source.open(encoding="utf-8") as handle:
        return {row["Code"] for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def children():
    return catalog.load_example("childrens-services")


@pytest.fixture(scope="module")
def package(children):
    return release_package(children)


@pytest.mark.parametrize("name", ["childrens-services", "leisure", "regeneration"])
def test_every_example_is_valid_against_the_ppp_schema(name):
    data = json.loads(json.dumps(release_package(catalog.load_example(name))))
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert "tender" in data["releases"][0]


def test_the_tender_carries_the_procedure_and_criteria(package):
    release = package["releases"][0]
    tender = release["tender"]
    assert "tender" in release["tag"]
    assert tender["procurementMethod"] == "selective"
    assert tender["procurementMethodDetails"] == "Competitive flexible procedure (s.20)"
    assert tender["awardCriteriaDetails"] == "Quality 60%, price 25%, social value 15%."
    assert tender["tenderPeriod"] == {"startDate": "2026-09-14T00:00:00Z",
                                      "endDate": "2026-11-16T00:00:00Z"}


def test_procurement_milestones_use_the_codelist(package):
    milestones = package["releases"][0]["tender"]["milestones"]
    types = {m["code"]: m["type"] for m in milestones}
    assert len(milestones) == 9
    assert types["pipeline_notice"] == "preProcurement"
    assert types["preliminary_market_engagement_notice"] == "engagement"
    assert types["tender_notice"] == types["standstill_end"] == "procurement"
    assert types["contract_award_notice"] == "approval"
    assert set(types.values()) <= _milestone_codes()
    assert [m["dueDate"][:10] for m in milestones] == sorted(m["dueDate"][:10]
                                                             for m in milestones)


def test_lots_are_published_and_a_lot_covering_a_withheld_phase_has_no_value(package):
    tender = package["releases"][0]["tender"]
    lots = {lot["id"]: lot for lot in tender["lots"]}
    # L1 covers the withheld mobilisation phase: publishing its value would reveal it.
    assert "value" not in lots["L1"]
    assert "Value withheld" in lots["L1"]["description"]
    # with a phase value withheld every lot value is withheld as a group (wizard.publication)
    assert "value" not in lots["L2"] and "Value withheld" in lots["L2"]["description"]
    assert "value" not in tender
    assert tender["lotDetails"] == {"maximumLotsAwardedPerSupplier": 1}
    assert {i["relatedLot"] for i in tender["items"]} == {"L1", "L2"}
    assert LOTS_EXTENSION in package["extensions"]
    text = json.dumps(package)
    assert "3900000" not in text and "297500000" not in text


def test_the_notices_are_documents(package):
    docs = {d["documentType"]: d for d in package["releases"][0]["tender"]["documents"]}
    assert {"plannedProcurementNotice", "tenderNotice", "awardNotice", "contractNotice",
            "evaluationCriteria", "marketStudies"} <= set(docs)
    assert "23 providers" in docs["marketStudies"]["description"]


def test_no_tender_without_procurement_data():
    from wizard.model import Project

    package = release_package(Project())
    assert "tender" not in package["releases"][0]
    assert LOTS_EXTENSION not in package["extensions"]


def test_the_validator_does_refuse_a_bad_tender(package):
    data = json.loads(json.dumps(package))
    data["releases"][0]["tender"]["status"] = "signed"
    data["releases"][0]["tender"]["milestones"][0]["status"] = "done"
    messages = [e.message for e in _validator().iter_errors(data)]
    assert any("'signed'" in m for m in messages) and any("'done'" in m for m in messages)
