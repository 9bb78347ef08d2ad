"""The contract schedules of the tender pack: numbered clauses drawn from the project."""

from __future__ import annotations

import io
import re

import docx
import pytest

from tests.wizard.word_helpers import assert_no_canary, plant_canaries, xml_parts
from wizard import catalog
from wizard.export.editions import marking
from wizard.export.schedules import schedules_bytes
from wizard.model import KPI, ContingentSupport

TITLES = ["Definitions", "Schedule 1: Risk allocation", "Schedule 2: Break clauses and termination",
          "Schedule 3: Performance", "Schedule 4: Governance and community involvement",
          "Schedule 5: Accountability"]


@pytest.fixture(scope="module")
def leisure():
    return catalog.load_example("leisure")


def _doc(project, edition):
    return docx.Document(io.BytesIO(schedules_bytes(project, edition)))


def _clauses(doc):
    return [p.text for p in doc.paragraphs if p.style.name in ("Clause", "Clause Sub")]


@pytest.mark.parametrize("name", catalog.example_names())
def test_five_schedules_in_numbered_clauses(name):
    project = catalog.load_example(name)
    doc = _doc(project, "internal")
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == TITLES
    clauses = _clauses(doc)
    numbers = [c.split("\t")[0] for c in clauses if not c.startswith("(")]
    for schedule in range(1, 6):
        mine = [n for n in numbers if n.startswith(f"{schedule}.")]
        assert mine == [f"{schedule}.{i}" for i in range(1, len(mine) + 1)], mine  # 1.1, 1.2, ... in order
    text = "\n".join(clauses)
    for r in project.risks:
        assert f"Risk {r.id}{'*' if r.sensitive else ''}: {r.title}" in text
    for c in project.break_clauses:
        assert f"Break clause {c.id}{'*' if c.sensitive else ''}" in text
        assert f"no earlier than Month {c.earliest_month} " in text
    for g in project.steering_groups:
        assert f"Steering group: {g.name}." in text
    for k in project.kpis:
        assert f"Indicator {k.id}: {k.name}." in text
    assert "every 1 months" not in text
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    assert marking("internal") in header


def test_risk_clause_says_who_bears_it_and_how_much(leisure):
    project = leisure.model_copy(deep=True)
    r = project.risks[0]
    r.allocation, r.public_share, r.mitigation = "shared", 70, "Quarterly review of the tenders."
    r.contingent_support = ContingentSupport(events=["Flood above the 1-in-100-year level"], cap_gbp=250_000,
                                             description="Paid against invoices.")
    owner = next(p for p in project.partners if p.id == r.owner) if r.owner else None
    text = "\n".join(_clauses(_doc(project.model_validate(project.model_dump()), "internal")))
    assert "The risk is shared: the Authority bears 70% and the Partner bears 30% of its consequences." in text
    assert "Mitigation: Quarterly review of the tenders." in text
    if owner:
        assert f"{owner.name} is the risk owner" in text
    assert re.search(rf"For risk {r.id}\*?, the Authority shall provide support only upon the occurrence of: "
                     r"Flood above the 1-in-100-year level\. The Authority's total liability under this "
                     r"paragraph is capped at £250,000\.", text)


def test_kpi_frequency_reads_as_english(leisure):
    project = leisure.model_copy(deep=True)
    project.kpis = project.kpis + [
        KPI(id="K901", name="Visits", measure="Counted at the door", target="10,000", assessed_every_months=1),
        KPI(id="K902", name="Satisfaction", measure="Survey.", target="80%", assessed_every_months=24)]
    text = "\n".join(_clauses(_doc(project, "internal")))
    assert "Indicator K901: Visits. Measurement: Counted at the door. Target: 10,000. Assessed every month;" in text
    assert "Indicator K902: Satisfaction. Measurement: Survey. Target: 80%. Assessed every 2 years;" in text


def test_accountability_commitments_follow_the_project(leisure):
    project = leisure.model_copy(deep=True)
    project.accountability.living_wage = True
    project.accountability.publish_subcontracts = True
    project.accountability.subcontract_threshold_gbp = 40_000
    project.accountability.open_book = False
    text = "\n".join(_clauses(_doc(project, "internal")))
    assert "The Partners shall pay at least the real Living Wage to everyone working on the Contract." in text
    assert "The Partners shall publish every sub-contract worth more than £40,000." in text
    assert "Open-book accounting is not required." in text


@pytest.mark.parametrize("name", catalog.example_names())
def test_public_schedules_withhold_in_every_part(name):
    project, canaries = plant_canaries(catalog.load_example(name))
    public = schedules_bytes(project, "public")
    assert_no_canary(public, canaries, "public schedules")
    doc = docx.Document(io.BytesIO(public))
    text = "\n".join(_clauses(doc))
    sensitive = next(r for r in project.risks if r.sensitive)
    assert f"Risk {sensitive.id}: [Withheld – see redaction log W" in text
    assert "capped at Withheld" in text
    assert "OFFICIAL-SENSITIVE" not in "".join(xml_parts(public).values())
    internal = "".join(xml_parts(schedules_bytes(project, "internal")).values())
    assert sensitive.title in internal and "£9,876,543" in internal
