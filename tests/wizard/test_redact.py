"""Redaction: withheld content never reaches a public file, in any form; it does reach the internal one."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from tests.strategies import projects
from tests.wizard.export_helpers import metadata_and_outline, page_texts, squash, streams
from wizard import catalog
from wizard.export.html import html_text
from wizard.export.ocds import release_package
from wizard.export.pdf import pdf_bytes
from wizard.model import ContingentSupport, Project, Vote
from wizard.redact import placeholder, redact, redaction_log, withheld_texts


def _plant(project: Project) -> tuple[Project, list[str], list[str]]:
    """Canaries in every withheld field; returns (project, shown canaries, every canary)."""
    counter = iter(range(1, 10_000))

    def canary() -> str:
        n = next(counter)
        return f"CNRY{n:03d}x" if n % 2 else f"ŵŷø{n:03d}å€"

    p = project.model_copy(deep=True)
    shown: list[str] = []
    everything: list[str] = []
    for items in (p.phases, p.risks, p.break_clauses):
        if items and not any(i.sensitive for i in items):
            items[0].sensitive = True
    for ph in p.phases:
        if ph.sensitive:
            ph.description, out = canary(), canary()
            ph.outcomes = [out]
            shown += [ph.description, out]
    for r in p.risks:
        if r.sensitive:
            r.title, r.description, r.mitigation = canary(), canary(), canary()
            event, terms, who = canary(), canary(), canary()
            r.contingent_support = ContingentSupport(events=[event], cap_gbp=987_654_321, description=terms)
            r.votes = [Vote(participant=who, likelihood=2, impact=3)]
            shown += [r.title, r.description, r.mitigation, event, terms]
            everything.append(who)
    for c in p.break_clauses:
        if c.sensitive:
            c.description, c.formula = canary(), canary()
            shown += [c.description, c.formula]
    everything += shown
    return Project.model_validate(p.model_dump()), shown, everything


def _assert_absent(canaries: list[str], *, text: str, raw: bytes, where: str) -> None:
    flat = squash(text)
    for c in canaries:
        assert c not in flat, f"{c!r} leaked into the {where}"
        for encoded in (c.encode("utf-8"), c.encode("utf-16-be")):
            assert encoded not in raw, f"{c!r} leaked into the {where} (bytes)"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=4, max_phases=3))
def test_canaries_never_reach_public_files_but_reach_internal(project):
    project, shown, everything = _plant(project)

    public = pdf_bytes(project, "public")
    public_text = "\n".join(page_texts(public))
    _assert_absent(everything, text=public_text, raw=public + streams(public), where="public PDF")
    _assert_absent(everything, text=metadata_and_outline(public), raw=b"", where="PDF metadata/outline")
    html = html_text(project, "public")
    _assert_absent(everything, text=html, raw=html.encode("utf-8"), where="HTML")
    ocds = json.dumps(release_package(project), ensure_ascii=False)
    _assert_absent(everything, text=ocds, raw=ocds.encode("utf-8"), where="OCDS")
    # the placeholders are what the public sees instead, and 987,654,321 is never printed
    assert "987,654,321" not in public_text and "987654321" not in ocds
    for entry in redaction_log(project):
        assert entry.ref in squash(public_text)

    # positive control: the same canaries do appear in the internal edition
    internal_text = squash("\n".join(page_texts(pdf_bytes(project, "internal"))))
    for c in shown:
        assert c in internal_text, f"{c!r} missing from the internal edition"
    internal_html = html_text(project, "internal")
    for c in shown:
        assert c in internal_html


@settings(max_examples=25, deadline=None)
@given(projects(max_risks=5, max_phases=4))
def test_redacted_copy_keeps_what_may_be_published(project):
    shown = redact(project)
    assert [p.id for p in shown.phases] == [p.id for p in project.phases]
    for before, after in zip(project.phases, shown.phases):
        assert (after.name, after.start_month, after.duration_months) == (
            before.name, before.start_month, before.duration_months)
        if before.sensitive:
            assert after.value_gbp == 0 and len(after.outcomes) == 1
            assert after.description == after.outcomes[0]
    for before, after in zip(project.risks, shown.risks):
        assert (after.id, after.category, after.allocation) == (before.id, before.category, before.allocation)
        if before.sensitive:
            assert after.votes == [] and after.title.startswith("[Withheld – see redaction log W")
    for before, after in zip(project.break_clauses, shown.break_clauses):
        assert after.trigger == before.trigger
    remaining = json.dumps(shown.model_dump(mode="json"), ensure_ascii=False)
    # The placeholders are the redaction's own words: a secret such as "0000" may occur in them.
    for number in range(len(project.phases) + len(project.risks) + len(project.break_clauses), 0, -1):
        remaining = remaining.replace(placeholder(number), "")
    for secret in withheld_texts(project):
        if len(secret) >= 3 and secret not in json.dumps(
            {**project.model_dump(mode="json"), "phases": [], "risks": [], "break_clauses": [],
             "decisions": [], "accepted_findings": []}, ensure_ascii=False):
            # unless the same words also appear in a non-withheld place
            others = [x for x in project.phases + project.risks + project.break_clauses if not x.sensitive]
            if not any(secret in json.dumps(o.model_dump(mode="json"), ensure_ascii=False) for o in others):
                assert secret not in remaining


def test_placeholder_has_fixed_length():
    assert len(placeholder(1)) == len(placeholder(99_999))
    assert placeholder(3) == "[Withheld – see redaction log W00003]"


def test_redaction_log_names_reason_and_date():
    project = catalog.load_example(catalog.example_names()[0])
    log = redaction_log(project)
    sensitive = [x for x in project.phases + project.risks + project.break_clauses if x.sensitive]
    assert len(log) == len(sensitive)
    for entry in log:
        item = next(x for x in sensitive if x.id == entry.item_id)
        assert entry.reason == item.withheld_reason
        assert entry.until == item.withheld_until


def test_unicode_round_trips_through_the_pdf():
    project = catalog.load_example(catalog.example_names()[0]).model_copy(deep=True)
    project.project.title = "Canolfan Hamdden Pen-y-bryn – ŵyr a ŷd"
    project.project.place = "Højbjerg og Århus – Ærø"
    project.project.case_for_change = "Costs rose from £1.2m to €1.5m – a 25% rise; ŵ ŷ ø å."
    text = "\n".join(page_texts(pdf_bytes(project, "public")))
    for needle in ("Canolfan Hamdden Pen-y-bryn – ŵyr a ŷd", "Højbjerg og Århus – Ærø", "£1.2m to €1.5m – a 25%"):
        assert needle in text


def test_decision_lines_quoting_withheld_text_are_withheld():
    import datetime as dt

    from wizard.model import AcceptedFinding, Decision

    project = catalog.load_example(catalog.example_names()[0]).model_copy(deep=True)
    secret = next(r for r in project.risks if r.sensitive)
    project.decisions.append(Decision(time=dt.datetime(2026, 10, 1, 10, 0), step="Risks",
                                      item=secret.id, change=f"Renamed to {secret.title}", note="agreed"))
    project.decisions.append(Decision(time=dt.datetime(2026, 10, 1, 11, 0), step="Risks",
                                      item="R1", change="Likelihood 2 → 3", note="agreed"))
    project.accepted_findings.append(AcceptedFinding(finding_id="x:1", justification=f"See {secret.title}"))
    shown = redact(project)
    assert shown.decisions[-2].change == "[Withheld: refers to withheld content]"
    assert shown.decisions[-1].change == "Likelihood 2 → 3"
    assert shown.accepted_findings[-1].justification == "[Withheld: refers to withheld content]"
    text = squash("\n".join(page_texts(pdf_bytes(project, "public"))))
    assert squash(secret.title) not in text
