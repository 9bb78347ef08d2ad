"""Publishing without leaks: totals that cannot be subtracted, presence that does not show,
both editions scoring alike, lapsed withholding, the protective marking and the document date.
Each test plants unique canaries (or uses the example's real secret) and reads the public files
back as a reader would."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from tests.strategies import projects
from tests.wizard.export_helpers import page_texts, squash
from tests.wizard.publish_helpers import assert_nowhere, public_files
from wizard import catalog
from wizard.cli import main
from wizard.export.business_case import business_case_for
from wizard.formatting import long_date
from wizard.export.content import Table
from wizard.export.html import html_text
from wizard.export.ocds import release_package
from wizard.export.pdf import pdf_bytes
from wizard.model import ContingentSupport, Project, Vote
from wizard.public_assessment import edition_assessment
from wizard.publication import band, facts
from wizard.redact import WITHHELD, redaction_log, sensitive_items

MARK = "OFFICIAL-SENSITIVE – not for publication"


@pytest.fixture(scope="module")
def leisure() -> Project:
    return catalog.load_example("leisure")


# 1. Subtraction ---------------------------------------------------------------------------------
def test_leisure_public_edition_gives_nothing_to_subtract(leisure, tmp_path):
    ph2 = leisure.phase("PH2")
    assert ph2.sensitive and ph2.value_gbp == 4_800_000 and leisure.project.value_gbp == 48_600_000
    files = public_files(leisure, tmp_path)
    shown = sum(p.value_gbp for p in leisure.phases if not p.sensitive)  # £43,800,000
    amounts = [48_600_000, shown, *(p.value_gbp for p in leisure.phases)]
    for where, text in files.items():
        for amount in amounts:  # the amount as a whole number, not a part of another one
            assert not re.search(rf"(?<![\d,.]){amount:,}(?![\d,])", text), (where, amount)
            if where != "PDF streams":  # (the raw file's cross-reference table is all digits)
                assert f"{amount}" not in squash(text), (where, amount)
    assert "£4.8m" not in files["PDF text"] and "4.8 million" not in files["HTML"]
    # what is published instead: the band, and the rule in the redaction log
    text = squash(files["PDF text"])
    assert squash("£25m to £50m") in text
    assert squash("Phase values are withheld as a group: 1 of the 5 phases carries a commercially "
                  "sensitive value, so this edition publishes no phase value and no total of phases") in text
    assert "£25m to £50m" in files["HTML"]
    budget = release_package(leisure)["releases"][0]["planning"]["budget"]
    assert "amount" not in budget and "£25m to £50m" in budget["description"]
    assert "5 phases are withheld as a group (1 commercially sensitive)" in budget["description"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=2, max_phases=3))
def test_no_phase_value_or_total_reaches_a_public_file(tmp_path_factory, project):
    if not project.phases:
        return
    p = project.model_copy(deep=True)
    p.phases[0].sensitive = True
    canaries = [7_315_911 + 1_000_003 * k for k in range(len(p.phases))]
    for phase, amount in zip(p.phases, canaries):
        phase.value_gbp = amount
    p.project.value_gbp = sum(canaries)
    p = Project.model_validate(p.model_dump())
    files = public_files(p, tmp_path_factory.mktemp("pub"))
    for where, text in files.items():
        if where == "PDF streams":
            continue  # the raw file's cross-reference table is all digits; its text is checked
        flat = squash(text).replace(",", "")
        for amount in [*canaries, sum(canaries), *([sum(canaries[1:])] if len(canaries) > 1 else [])]:
            assert str(amount) not in flat, (where, amount)


def test_band_edges():
    assert band(48_600_000) == (25_000_000, 50_000_000)
    assert band(4_800_000) == (2_500_000, 5_000_000)
    assert band(5_000_000) == (5_000_000, 10_000_000)  # the £5m threshold stays checkable
    assert band(999_999) == (500_000, 1_000_000)
    assert band(1) == (0, 1_000)


def test_without_a_withheld_phase_value_everything_is_exact(leisure):
    open_project = leisure.model_copy(deep=True)
    for p in open_project.phases:
        p.sensitive = False
    f = facts(open_project)
    assert not f.grouped and f.value_text == "£48,600,000"
    text = squash("\n".join(page_texts(pdf_bytes(open_project, "public"))))
    assert squash("Total of phases £48,600,000") in text and "£4,800,000" in text


# 4. Presence ------------------------------------------------------------------------------------
def test_contingent_support_of_a_withheld_risk_does_not_show(leisure, tmp_path):
    """R4 (sensitive) without support and with it: the public files are byte-identical."""
    with_support = leisure.model_copy(deep=True)
    r4 = with_support.risk("R4")
    assert r4.sensitive and r4.contingent_support is None
    r4.contingent_support = ContingentSupport(events=["CNRY-EVENT-41"], cap_gbp=913_713_331,
                                              description="CNRY-TERMS-42")
    r4.votes = [*r4.votes, Vote(participant="CNRY-VOTER-43", likelihood=1, impact=1)]
    with_support = Project.model_validate(with_support.model_dump())
    assert pdf_bytes(with_support, "public") == pdf_bytes(leisure, "public")
    assert html_text(with_support, "public") == html_text(leisure, "public")
    assert release_package(with_support) == release_package(leisure)
    a, b = public_files(with_support, tmp_path), public_files(leisure, tmp_path)
    assert a["register"] == b["register"]
    assert_nowhere(["CNRY-EVENT-41", "CNRY-TERMS-42", "CNRY-VOTER-43", "913,713,331"], a)
    # positive control: the internal edition shows it
    assert "CNRY-EVENT-41" in html_text(with_support, "internal")


def _without_assessment(html: str) -> str:
    html = re.sub(r'<section aria-labelledby="appendix-assessment">.*?</section>', "", html, flags=re.S)
    return re.sub(r'<tr><th scope="row">Changemaking scorecard</th>.*?</tr>', "", html)


def test_emptiness_of_withheld_fields_shows_only_as_a_score(leisure):
    """Emptying every withheld field of R6 changes the public edition only in the assessment:
    the real project's open findings (scored alike in both editions), worded without detail."""
    empty = leisure.model_copy(deep=True)
    r6 = empty.risk("R6")
    r6.description, r6.mitigation, r6.votes = "", "", []
    empty = Project.model_validate(empty.model_dump())
    assert _without_assessment(html_text(empty, "public")) == _without_assessment(html_text(leisure, "public"))
    assert release_package(empty) == release_package(leisure)
    public = html_text(empty, "public")
    assert not re.search(r"R6[^<]*has no mitigation", public)
    assert "A finding about withheld content of R6" in public


# 6. Both editions score alike ---------------------------------------------------------------------
def _scores(card) -> list[tuple[str, int]]:
    return [(p.principle, p.score) for p in card.principles] + [("total", card.total)]


@pytest.mark.parametrize("name", catalog.example_names())
def test_both_editions_score_every_example_alike(name):
    project = catalog.load_example(name)
    internal, _ = edition_assessment(project, "internal")
    public, _ = edition_assessment(project, "public")
    assert _scores(public) == _scores(internal)

    def table(edition):
        _, case = business_case_for(project, edition)
        block = next(b for b in case.blocks if isinstance(b, Table) and b.key == "scorecard")
        return [row[:2] for row in block.rows]

    assert table("public") == table("internal")


def test_a_withheld_placeholder_is_not_a_mitigation(leisure):
    """On main a sensitive risk without mitigation scored 40/50 internally and 42/50 in public."""
    project = leisure.model_copy(deep=True)
    for r in project.risks:
        if r.sensitive:
            r.mitigation = ""
    internal, real = edition_assessment(project, "internal")
    public, findings = edition_assessment(project, "public")
    assert public.total == internal.total
    assert any(f.rule == "risk-mitigation" and f.item_id == "R6" for f in real)
    shown = [f for f in findings if f.item_id == "R6"]
    assert shown and all(f.id.startswith("withheld:R6:") and f.rule == "withheld" for f in shown)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=5, max_phases=4))
def test_both_editions_agree_on_every_principle(project):
    internal, real = edition_assessment(project, "internal")
    public, shown = edition_assessment(project, "public")
    assert _scores(public) == _scores(internal)
    assert [(f.principle, f.severity, f.accepted) for f in shown] == [
        (f.principle, f.severity, f.accepted) for f in real]
    withheld = {(WITHHELD[k].collection, i.id) for k, i in sensitive_items(project)}
    for f, r in zip(shown, real):
        if (r.item_kind, r.item_id) in withheld:
            assert f.id.startswith(f"withheld:{r.item_id}:") and r.rule not in f.id + f.route


def test_check_edition_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "l.changemaker.json"
    assert main(["new", "--example", "leisure", str(path)]) == 0
    capsys.readouterr()
    results = {}
    for edition in ("internal", "public"):
        main(["check", str(path), "--json", "--edition", edition])
        results[edition] = json.loads(capsys.readouterr().out)
    assert results["public"]["edition"] == "public"
    for key in ("total", "max_total"):
        assert results["public"]["scorecard"][key] == results["internal"]["scorecard"][key]
    assert [p["score"] for p in results["public"]["scorecard"]["principles"]] == [
        p["score"] for p in results["internal"]["scorecard"]["principles"]]
    secret = catalog.load_example("leisure").risk("R4").title
    assert secret not in json.dumps(results["public"], ensure_ascii=False)
    main(["check", str(path)])  # the default is the internal edition
    assert "Changemaking scorecard" in capsys.readouterr().out


# 7. Lapsed withholding ------------------------------------------------------------------------------
def test_redaction_log_says_when_something_is_still_withheld_after_its_date(leisure):
    project = leisure.model_copy(deep=True)
    project.phase("PH2").withheld_until = dt.date(2026, 1, 31)  # before the document date
    text = squash("\n".join(page_texts(pdf_bytes(project, "public"))))
    assert squash("31 January 2026 – still withheld after this date") in text
    fresh = squash("\n".join(page_texts(pdf_bytes(leisure, "public"))))
    assert squash("still withheld after this date") not in fresh


# 8. Protective marking --------------------------------------------------------------------------------
def test_internal_edition_is_marked_on_every_page(leisure):
    pages = page_texts(pdf_bytes(leisure, "internal"))
    assert len(pages) > 5 and all(MARK in page for page in pages)
    assert not any("OFFICIAL-SENSITIVE" in page for page in page_texts(pdf_bytes(leisure, "public")))
    internal = html_text(leisure, "internal")
    assert internal.count(f'<p class="marking">{MARK}</p>') == 2
    assert "OFFICIAL-SENSITIVE" not in html_text(leisure, "public")


# 9. Document date -----------------------------------------------------------------------------------
def _creation_date(pdf: bytes) -> str:
    return str(PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"])


def test_document_date_is_the_export_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    blank = Project()
    today = dt.date.today()
    pdf = pdf_bytes(blank, "public")
    assert long_date(today) in page_texts(pdf)[0]
    assert "1 April 2027" not in page_texts(pdf)[0]
    assert _creation_date(pdf).startswith(f"D:{today:%Y%m%d}")


def test_document_date_set_on_the_project_wins(monkeypatch):
    project = Project.model_validate({"project": {"document_date": "2026-11-05"}})
    pdf = pdf_bytes(project, "internal")
    assert "5 November 2026" in page_texts(pdf)[0]
    assert _creation_date(pdf).startswith("D:20261105")
    assert '<time datetime="2026-11-05">' in html_text(project, "public")
    assert release_package(project)["publishedDate"].startswith("2026-11-05")


def test_source_date_epoch_keeps_builds_reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 21 September 2026
    first = pdf_bytes(Project(), "public")
    assert first == pdf_bytes(Project(), "public")
    assert _creation_date(first).startswith("D:20260921")
    assert "21 September 2026" in page_texts(first)[0]


def test_redaction_log_is_numbered_in_the_order_of_the_table(leisure):
    from wizard.redact import WITHHELD

    log = redaction_log(leisure)
    order = list(WITHHELD)
    assert [e.ref for e in log] == [f"W{n:05d}" for n in range(1, len(log) + 1)]
    assert [order.index(e.kind) for e in log] == sorted(order.index(e.kind) for e in log)
    assert {e.item_id for e in log} >= {"PH2", "R4", "R6"}
