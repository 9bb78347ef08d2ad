"""OCDS for PPPs release package of the public edition."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from wizard import catalog
from wizard.cli import main
from wizard.export.ocds import release_package
from wizard.vocab import OCDS_RISK_CATEGORIES, Allocation


@pytest.fixture(params=catalog.example_names())
def project(request):
    return catalog.load_example(request.param)


def _all_ids(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "id" and isinstance(value, str):
                out.append(value)
            _all_ids(value, out)
    elif isinstance(node, list):
        for value in node:
            _all_ids(value, out)


def test_planning_milestones_and_risk_allocation(project):
    package = release_package(project)
    release = package["releases"][0]
    planning = release["planning"]
    assert planning["project"]["title"] == project.project.title
    if any(ph.sensitive for ph in project.phases):  # the totals rule: a band, no amount
        assert "totalValue" not in planning["project"] and "amount" not in planning["budget"]
        assert "withheld as a group" in planning["budget"]["description"]
        assert str(project.project.value_gbp) not in json.dumps(package)
    else:
        assert planning["project"]["totalValue"] == {"amount": project.project.value_gbp, "currency": "GBP"}
        assert planning["budget"]["amount"]["currency"] == "GBP"
    milestones = planning["milestones"]
    assert [m["title"] for m in milestones if m["type"] == "delivery"] == [p.name for p in project.phases]
    assert len([m for m in milestones if m["type"] == "engagement"]) == len(project.steering_groups)
    risks = release["contracts"][0]["riskAllocation"]
    assert [r["id"] for r in risks] == [r.id for r in project.risks]
    for entry, risk in zip(risks, project.risks):
        assert entry["allocation"] in ("publicAuthority", "privateParty", "undefined")
        if risk.allocation is Allocation.SHARED:  # coded by who bears most of it (60/40)
            expected = ("publicAuthority" if risk.public_share >= 60 else
                        "privateParty" if risk.public_share <= 40 else "undefined")
            assert entry["allocation"] == expected
            assert f"{risk.public_share}% public authority" in entry["notes"]
        if risk.category in OCDS_RISK_CATEGORIES:
            assert entry["category"] == risk.category.value
        else:
            assert "category" not in entry
        if risk.sensitive:
            assert risk.title not in json.dumps(entry, ensure_ascii=False)
    documents = release["contracts"][0]["documents"]
    terminations = [d for d in documents if d["documentType"] == "termination"]
    assert len(terminations) == len(project.break_clauses)


def test_ids_unique_dates_iso_and_currency_gbp(project):
    package = release_package(project)
    ids: list[str] = []
    _all_ids(package["releases"][0]["planning"], ids)
    _all_ids(package["releases"][0]["contracts"], ids)
    assert len(ids) == len(set(ids))
    text = json.dumps(package)
    for milestone in package["releases"][0]["planning"]["milestones"]:
        dt.datetime.fromisoformat(milestone["dueDate"].replace("Z", "+00:00"))
    dt.datetime.fromisoformat(package["publishedDate"].replace("Z", "+00:00"))
    assert "EUR" not in text
    currencies = re.findall(r'"currency": "([A-Z]+)"', text)
    assert set(currencies) <= {"GBP"}
    if not any(ph.sensitive for ph in project.phases):
        assert currencies


def test_phase_milestone_dates_follow_start_and_duration():
    project = catalog.load_example(catalog.example_names()[0])
    first = project.phases[0]
    package = release_package(project)
    milestone = package["releases"][0]["planning"]["milestones"][0]
    start = project.project.start
    assert milestone["dueDate"].startswith(str(start.year + (start.month - 1 + first.start_month + first.duration_months) // 12))


def test_cli_writes_every_export(tmp_path, capsys):
    source = tmp_path / "p.changemaker.json"
    assert main(["new", "--example", catalog.example_names()[0], str(source)]) == 0
    outs = {k: tmp_path / f"out.{k}" for k in ("pdf", "html", "json", "csv", "xlsx")}
    code = main(["export", str(source), "--pdf", str(outs["pdf"]), "--html", str(outs["html"]),
                 "--ocds", str(outs["json"]), "--risks", str(outs["csv"]), "--edition", "internal"])
    assert code == 0
    assert outs["pdf"].read_bytes().startswith(b"%PDF")
    assert '<html lang="en-GB">' in outs["html"].read_text(encoding="utf-8")
    assert json.loads(outs["json"].read_text(encoding="utf-8"))["releases"]
    assert "Wrote the PDF (internal edition)" in capsys.readouterr().out
    assert main(["export", str(source), "--risks", str(tmp_path / "r.txt")]) == 2
    assert "must end in .csv or .xlsx" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.json"), "--pdf", str(outs["pdf"])]) == 2
    assert main(["export", str(source), "--pdf", str(tmp_path / "no" / "x.pdf")]) == 2
    assert "folder does not exist" in capsys.readouterr().err
