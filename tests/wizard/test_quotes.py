"""Quotation elsewhere: withheld text and money typed again into public free text is replaced by
the placeholder in the public edition, listed in the redaction log, and raised by `check`."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.wizard.export_helpers import page_texts, squash
from tests.wizard.publish_helpers import assert_nowhere, fold, public_files
from wizard import catalog, quotes
from wizard.checks import run_checks
from wizard.export.html import html_text
from wizard.export.pdf import pdf_bytes
from wizard.model import AcceptedFinding, Decision, Project
from wizard.redact import placeholder, redact, redaction_log

SECRET = "Quillon marrow estuary clause 7731"  # a unique canary title for the sensitive R4


@pytest.fixture(scope="module")
def quoting() -> Project:
    """Leisure with R4's title a canary, quoted (in other spellings) in every public place."""
    p = catalog.load_example("leisure").model_copy(deep=True)
    p.risk("R4").title = SECRET
    nbsp_upper = SECRET.upper().replace(" ", "\u00a0")
    wide = SECRET.replace("Q", "\uff31")  # a full-width Q: NFKC reads it as Q
    p.kpis[0].measure = f"Visits, unless {nbsp_upper} applies"
    p.kpis[0].target = "Within £4,800,000"
    p.steering_groups[0].remit = f"Oversees   {SECRET.lower()}\nand the rest"
    p.social_impact[0].target = f"{wide} settled"
    p.social_impact[0].baseline = "4.8 million visits"
    p.project.options[0].reason = "Costs £4.8m for PH2"
    p.project.case_for_change = f"The case. {SECRET}."
    p.accepted_findings.append(AcceptedFinding(finding_id="open-book", justification=f"Because of {SECRET}"))
    p.decisions.append(Decision(time=dt.datetime(2026, 10, 14, 12, 0), step="Phases", item="PH1",
                                change="Scope agreed", note=f"See {SECRET} again",
                                item_kind="phases", item_id="PH1"))
    return Project.model_validate(p.model_dump())


def test_normalisation_folds_case_space_and_compatibility_forms():
    norm, where = quotes.normalise("  A\u00a0 B\tＣ ")
    assert norm == "a b c"
    assert [where[i] for i in range(len(norm))] == [2, 3, 5, 6, 7]


def test_money_is_found_in_the_forms_people_write():
    found = [quotes.Needle(n, 1, True) for n in quotes.money_needles(4_800_000)]
    for text in ("£4,800,000", "4800000", "£4.8m", "4.8M", "£4.8 million", "4.80m", "£4,800k", "4.8mn"):
        assert quotes.find(f"cost {text} in all", found), text
    for text in ("£14,800,000", "4.85m", "£4,800,0001", "4.8 metres", "24.8m", "4.81m"):
        assert not quotes.find(f"cost {text} in all", found), text
    assert quotes.money_needles(999) == []  # small sums would match everywhere


def test_short_secrets_and_parts_of_words_are_not_matched():
    assert not quotes.searchable("Pay") and not quotes.searchable("agr")
    assert quotes.searchable("Pay cap") and quotes.searchable("Inflation")
    needle = [quotes.Needle(quotes.plain("Build overruns"), 1, False)]
    assert quotes.find("the build overruns.", needle)
    assert not quotes.find("the build overrunsville", needle)
    assert not quotes.find("rebuild overruns", needle)


def test_a_sentence_of_a_long_withheld_text_counts_as_quoting_it():
    needles = quotes.text_needles("First part is here. Second part is secret")
    assert "second part is secret" in needles and "first part is here" in needles


def test_quoted_withheld_content_never_reaches_a_public_file(quoting, tmp_path):
    files = public_files(quoting, tmp_path)
    assert_nowhere([SECRET, "£4,800,000", "4.8 million", "£4.8m", "quillon"], files)
    # positive control: the internal edition has it where the author typed it
    internal = fold(html_text(quoting, "internal"))
    assert fold(f"Visits, unless {SECRET}") in internal and fold("Within £4,800,000") in internal


def test_the_quoted_passage_becomes_the_placeholder_and_the_rest_stays(quoting):
    shown = redact(quoting)
    r4 = placeholder(next(int(e.ref[1:]) for e in redaction_log(quoting) if e.item_id == "R4"))
    ph2 = placeholder(next(int(e.ref[1:]) for e in redaction_log(quoting) if e.item_id == "PH2"))
    assert shown.kpis[0].measure == f"Visits, unless {r4} applies"
    assert shown.kpis[0].target == f"Within {ph2}"  # the £ goes with the sum
    assert shown.steering_groups[0].remit == f"Oversees   {r4}\nand the rest"
    assert shown.social_impact[0].target == f"{r4} settled"
    assert shown.social_impact[0].baseline == f"{ph2} visits"
    assert shown.project.options[0].reason == f"Costs {ph2} for PH2"
    assert shown.accepted_findings[-1].justification == f"Because of {r4}"
    assert shown.decisions[-1].note == f"See {r4} again"
    assert shown.decisions[-1].change == "Scope agreed"


def test_the_redaction_log_lists_every_place(quoting):
    text = squash("\n".join(page_texts(pdf_bytes(quoting, "public"))))
    assert squash("These places quoted withheld content") in text
    for place in ("KPI K1: measure", "KPI K1: target", f"Steering group {quoting.steering_groups[0].id}: remit",
                  f"Social impact objective {quoting.social_impact[0].id}: target",
                  f"Option {quoting.project.options[0].id}: reason", "Project: case for change",
                  "Accepted finding open-book: justification", "Decision of 2026-10-14 12:00: note"):
        assert squash(place) in text, place


def test_check_names_the_field_that_quotes(quoting):
    found = {f.id: f for f in run_checks(quoting) if f.rule == "withheld-quoted"}
    assert "withheld-quoted:kpis.0.measure" in found
    f = found["withheld-quoted:kpis.0.measure"]
    assert f.item_kind == "kpis" and f.item_id == "K1" and f.message.startswith("KPI K1: measure quotes")
    assert SECRET.casefold() not in f.message.casefold()
    assert "withheld-quoted:project.options.0.reason" in found
    assert found["withheld-quoted:project.options.0.reason"].item_kind == "options"


def test_an_example_that_quotes_a_withheld_outcome_is_caught():
    """The regeneration example's public objective repeats the withheld phase's outcome."""
    project = catalog.load_example("regeneration")
    ids = [f.id for f in run_checks(project) if f.rule == "withheld-quoted"]
    assert "withheld-quoted:project.objectives.1" in ids
    secret = next(o for p in project.phases if p.sensitive for o in p.outcomes if o in project.project.objectives[1])
    assert fold(secret) not in fold("\n".join(page_texts(pdf_bytes(project, "public"))))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_quick_ascii_normal_form_is_the_general_one(text):
    fast, fast_where = quotes.normalise(text)
    slow, slow_where = quotes._normalise_any(text)
    assert fast == slow
    assert [w for c, w in zip(fast, fast_where) if c != " "] == [
        w for c, w in zip(slow, slow_where) if c != " "]
