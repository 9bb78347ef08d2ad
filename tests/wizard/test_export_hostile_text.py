"""Every exporter on a project that loading accepts but that pushes every limit: control
characters (NUL, ESC...) in every text, the latest start and the longest months, the largest
sums, the latest dates. Nothing may crash, and the outputs hold no character their format
forbids."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from openpyxl import load_workbook

from tests.wizard.export_helpers import page_texts, squash
from wizard import catalog, storage
from wizard.cli import main
from wizard.export.html import export_html
from wizard.export.ocds import export_ocds
from wizard.export.pdf import export_pdf
from wizard.export.register import export_register
from wizard.export.safe_text import FORBIDDEN, printable, printable_project
from wizard.model import LATEST_START, MAX_GBP, MAX_MONTHS, Decision, Project

CANARY = "Qx7kanary"
HOSTILE = f"{CANARY}\x00\x01\x08\x0b\x0c\x1b[31m\x7f\ufffe\uffffend"
# One word that could be an id or a reference to one (R3, PH1, SG1...) is left alone.
ID_LIKE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")


def _with_hostile_text(value):
    if isinstance(value, dict):
        return {k: v if k in ("format", "finding_id", "item_kind") else _with_hostile_text(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_with_hostile_text(v) for v in value]
    # exactly str: choices (enums) are left alone
    if type(value) is str and len(value) < 250 and not ID_LIKE.fullmatch(value):
        return value + HOSTILE
    return value


@pytest.fixture(scope="module")
def extreme() -> Project:
    project = Project.model_validate(_with_hostile_text(catalog.load_example("leisure").model_dump()))
    project.project.start = LATEST_START
    project.project.duration_months = MAX_MONTHS
    project.project.value_gbp = MAX_GBP
    for phase in project.phases:
        phase.start_month = phase.duration_months = phase.review_month = MAX_MONTHS
        phase.value_gbp = MAX_GBP
        phase.withheld_until = dt.date.max
    for risk in project.risks:
        risk.withheld_until = dt.date.max
    for clause in project.break_clauses:
        clause.earliest_month, clause.notice_months = MAX_MONTHS, 120
    for objective in project.social_impact:
        objective.date = dt.date.max
    # the plan's own dates (procurement, reviews, benefits, evaluation) at the horizon's end
    for entry in project.procurement.timetable:
        entry.date = LATEST_START
    for item in [*project.procurement.market_engagement, *project.governance.assurance_reviews,
                 *project.benefits]:
        item.date = LATEST_START
    project.evaluation_plan.mid_term = project.evaluation_plan.end = LATEST_START
    project.decisions = [Decision(time=dt.datetime.max, change=HOSTILE[:200], note=HOSTILE[:200])]
    # The file round-trips: this is a project Changemaker opens.
    return storage.loads(storage.dumps(project))


def test_printable_replaces_only_what_xml_forbids():
    assert printable("a\x00b\tc\nd\re\x1bf\ufffeg") == "a\ufffdb\tc\nd\re\ufffdf\ufffdg"
    project = catalog.load_example("leisure")
    assert printable_project(project) is project  # nothing to change: no copy


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_pdf_and_html_of_an_extreme_project(tmp_path, extreme, edition):
    export_pdf(extreme, tmp_path / "case.pdf", edition)
    text = squash("".join(page_texts((tmp_path / "case.pdf").read_bytes())))
    assert CANARY in text
    assert not FORBIDDEN.search(text)
    export_html(extreme, tmp_path / "case.html", edition)
    html = (tmp_path / "case.html").read_text(encoding="utf-8")
    assert f"{CANARY}\ufffd\ufffd" in html
    assert not FORBIDDEN.search(html)
    assert "2300" in html  # the contract runs a hundred years from December 2200


def test_ocds_of_an_extreme_project(tmp_path, extreme):
    export_ocds(extreme, tmp_path / "release.json")
    package = json.loads((tmp_path / "release.json").read_text(encoding="utf-8"))
    assert CANARY in json.dumps(package, ensure_ascii=False)
    # leisure withholds a phase value, so the budget is published as a band, with no amount
    assert "amount" not in package["releases"][0]["planning"]["budget"]


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_risk_registers_of_an_extreme_project(tmp_path, extreme, edition):
    export_register(extreme, tmp_path / "risks.xlsx", edition)
    sheet = load_workbook(tmp_path / "risks.xlsx").active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any(f"{CANARY}\ufffd\ufffd" in c for c in cells)
    assert not any(FORBIDDEN.search(c) for c in cells)
    export_register(extreme, tmp_path / "risks.csv", edition)
    csv_text = (tmp_path / "risks.csv").read_text(encoding="utf-8-sig")
    assert f"{CANARY}\ufffd" in csv_text and not FORBIDDEN.search(csv_text)


def test_the_command_line_exports_everything_without_a_traceback(tmp_path, extreme, capsys):
    path = tmp_path / "extreme.changemaker.json"
    storage.save(extreme, path)
    code = main(["export", str(path), "--pdf", str(tmp_path / "a.pdf"), "--html",
                 str(tmp_path / "a.html"), "--ocds", str(tmp_path / "a.json"), "--risks",
                 str(tmp_path / "a.xlsx"), "--edition", "internal"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Traceback" not in err and err == ""
    assert len(re.findall(r"^Wrote the ", out, flags=re.M)) == 4


def test_a_start_beyond_the_horizon_is_refused_at_load_naming_the_horizon(tmp_path, capsys):
    path = tmp_path / "far.changemaker.json"
    path.write_text(json.dumps({"format": "changemaker-project", "schema_version": 2,
                                "project": {"start": "9999-12-01"}}), encoding="utf-8")
    with pytest.raises(storage.ProjectFileError) as caught:
        storage.load(path)
    assert caught.value.field == "project.start"
    assert "2200-12-31" in caught.value.problem and "9999-12-01" in caught.value.problem
    assert main(["export", str(path), "--pdf", str(tmp_path / "far.pdf")]) == 2
    err = capsys.readouterr().err
    assert "2200-12-31" in err and "Traceback" not in err
    assert not (tmp_path / "far.pdf").exists()


def test_a_plan_date_beyond_the_horizon_is_refused_at_load(tmp_path):
    document = json.loads(storage.dumps(catalog.load_example("leisure")))
    document["procurement"]["timetable"][0]["date"] = "9999-12-31"
    with pytest.raises(storage.ProjectFileError) as caught:
        storage.loads(json.dumps(document))
    assert caught.value.field == "procurement.timetable[0].date"
    assert caught.value.problem == (
        "the date 9999-12-31 is outside the years Changemaker plans for: it must fall between "
        "1900-01-01 and 2200-12-31")


@pytest.mark.parametrize("kind", ["docx", "schedules"])
@pytest.mark.parametrize("edition", ["public", "internal"])
def test_word_exports_of_an_extreme_project(tmp_path, extreme, kind, edition):
    import docx

    from wizard.export import write

    out = write(kind, extreme, tmp_path / f"{kind}.docx", edition)
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert not any(FORBIDDEN.search(t) for t in texts)
    assert any(CANARY in t for t in texts)
