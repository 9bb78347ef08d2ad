"""The register import reads each row with a pydantic model: every refused cell has its own
message naming the row and the column; the locale readers (';' separators, BOM, cp1252,
DD/MM/YYYY, labels) still feed it."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard import catalog
from wizard.export.register import read_register
from wizard.export.register_row import Lookup, read_row
from wizard.model import MAX_SHORT, Project
from wizard.vocab import Allocation, RiskCategory, WorkshopStatus


@pytest.fixture
def project() -> Project:
    return catalog.load_example("leisure")


def test_labels_percent_and_day_first_dates_read_as_values(project):
    partner = project.partners[0]
    phase = project.phases[0]
    values, problems = read_row(2, {
        "category": "Demand", "allocation": "Shared (70% public)", "public_share": "70 %",
        "status": "agreed", "likelihood": "4", "sensitive": "Yes",
        "withheld_until": "31/12/2027", "owner": partner.name.upper(), "phases": phase.name,
        "title": "Demand falls",
    }, Lookup.of(project))
    assert problems == []
    assert values == {"category": RiskCategory.DEMAND, "allocation": Allocation.SHARED,
                      "public_share": 70, "status": WorkshopStatus.AGREED, "likelihood": 4,
                      "sensitive": True, "withheld_until": dt.date(2027, 12, 31),
                      "owner": partner.id, "phases": [phase.id], "title": "Demand falls"}


def test_every_refused_cell_of_a_row_is_named(project):
    values, problems = read_row(4, {"likelihood": "high", "impact": "0", "public_share": "120%",
                                    "response": "ignore", "sensitive": "maybe",
                                    "withheld_until": "next spring", "private_bearer": "Acme"},
                                Lookup.of(project))
    assert values == {}
    assert problems[0].startswith("Row 4: response 'ignore' is not one of: tolerate, ")
    assert problems[1:] == [
        "Row 4: likelihood 'high' is not a whole number",
        "Row 4: impact 0 is outside 1–5",
        "Row 4: public share 120 is outside 0–100",
        "Row 4: sensitive 'maybe' should be yes or no",
        "Row 4: withheld until 'next spring' is not a date (YYYY-MM-DD or DD/MM/YYYY)",
        "Row 4: private bearer 'Acme' is not a partner of this project"]


def test_a_semicolon_register_in_windows_1252_with_a_title_too_long(project, tmp_path):
    path = tmp_path / "excel.csv"
    long_title = "é" * (MAX_SHORT + 1)
    text = ("id;title;likelihood;impact;withheld until\n"
            "N1;Café closes;2;3;01/04/2028\n"
            f"N2;{long_title};2;3;\n")
    path.write_bytes(text.encode("cp1252"))
    preview = read_register(path, project)
    first, second = preview.rows
    assert first.ok and first.risk.title == "Café closes"
    assert first.risk.withheld_until == dt.date(2028, 4, 1)
    assert second.errors == [f"Row 3: title is too long ({MAX_SHORT + 1} characters); the most "
                             f"allowed is {MAX_SHORT}"]
