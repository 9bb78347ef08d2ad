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
from wizard import quotes
from wizard.redact import (
    WITHHELD,
    placeholder,
    redact,
    redaction_log,
    sensitive_items,
    withheld_value,
)


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
    # the same canaries quoted in public places: the decision log (a decision about a withheld
    # item, and a note quoting one), an accepted finding's justification, a KPI, a remit
    import datetime as dt

    from wizard.model import KPI, AcceptedFinding, Decision

    when = dt.datetime(2026, 10, 1, 9, 0)
    for r in p.risks:
        if r.sensitive:
            p.decisions.append(Decision(time=when, step="Risks", item=f"{r.id}  {r.title}",
                                        change=f"Vote by {r.votes[0].participant}: 2, 3",
                                        note=r.mitigation, item_kind="risks", item_id=r.id))
    if shown:
        quoted = shown[0]
        p.decisions.append(Decision(time=when, step="Project", item="", change="Noted",
                                    note=f"As said: {quoted}"))
        p.accepted_findings.append(AcceptedFinding(finding_id="open-book",
                                                   justification=f"Because\u00a0{quoted.upper()}"))
        p.kpis.append(KPI(id="KCANARY", name="Canary KPI", measure=f"Counts {quoted} daily",
                          target=quoted))
    return Project.model_validate(p.model_dump()), shown, everything


def _assert_absent(canaries: list[str], *, text: str, raw: bytes, where: str) -> None:
    import unicodedata

    flat = squash(unicodedata.normalize("NFKC", text).casefold())
    for c in canaries:
        assert squash(c.casefold()) not in flat, f"{c!r} leaked into the {where}"
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
    import tempfile
    from pathlib import Path

    from wizard.export.register import export_register

    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".xlsx"):
            out = Path(folder) / f"register{suffix}"
            export_register(project, out, "public")
            raw = out.read_bytes()
            if suffix == ".xlsx":
                import zipfile

                with zipfile.ZipFile(out) as book:
                    raw = b"".join(book.read(n) for n in book.namelist())
            _assert_absent(everything, text=raw.decode("utf-8", "replace"), raw=raw,
                           where=f"register{suffix}")
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


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    else:
        yield path, value


@settings(max_examples=25, deadline=None)
@given(projects(max_risks=5, max_phases=4))
def test_redacted_copy_keeps_what_may_be_published(project):
    """Structural, no text search: every withheld field of a sensitive item holds exactly its
    withheld value; phase values and the estimated value are 0 when grouped; a field that quotes
    withheld content (as listed by quotes.places) holds a placeholder; everything else is
    unchanged."""
    shown = redact(project)
    numbers = {(e.kind, e.item_id): int(e.ref[1:]) for e in redaction_log(project)}
    withheld_paths = {}
    for kind, entry in WITHHELD.items():
        items = getattr(project, entry.collection)
        assert [i.id for i in getattr(shown, entry.collection)] == [i.id for i in items]
        for index, item in enumerate(items):
            if item.sensitive:
                mark = placeholder(numbers[(kind, item.id)])
                for f in entry.fields:
                    withheld_paths[(entry.collection, index, f.attr)] = withheld_value(f, mark)
    for path, expected in withheld_paths.items():
        after = getattr(getattr(shown, path[0])[path[1]], path[2])
        assert after == expected, path
    grouped = any(ph.sensitive for ph in project.phases)
    quoted = {pl.path for pl in quotes.places(project)}
    before = project.model_dump(mode="json")
    after = shown.model_dump(mode="json")
    after_leaves = dict(_leaves(after))
    for path, value in _leaves(before):
        if path[:3] in withheld_paths:
            continue
        if grouped and (path == ("project", "value_gbp") or (path[0] == "phases" and path[2:] == ("value_gbp",))):
            assert after_leaves[path] == 0
        elif path in quoted:
            assert "[Withheld – see redaction log W" in after_leaves[path], path
        elif len(path) > 2 and path[0] == "decisions" and path[2] in ("item", "change", "note") and (
                after_leaves[path] != value):
            # a decision about a withheld item: its id and the withheld notice, nothing else
            d = shown.decisions[path[1]]
            assert d.change.startswith("Content withheld – see redaction log W") and d.note == ""
            assert d.item == d.item_id and any(d.item_id == i.id for _k, i in sensitive_items(project))
        else:
            assert after_leaves[path] == value, path


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


def test_decision_lines_about_withheld_items_are_withheld():
    import datetime as dt

    from wizard.model import AcceptedFinding, Decision

    project = catalog.load_example(catalog.example_names()[0]).model_copy(deep=True)
    secret = next(r for r in project.risks if r.sensitive)
    ref = next(e.ref for e in redaction_log(project) if e.item_id == secret.id)
    project.decisions.append(Decision(time=dt.datetime(2026, 10, 1, 10, 0), step="Risks",
                                      item=f"{secret.id} Old name CANARY-D1", change="Renamed",
                                      note="CANARY-D2", item_kind="risks", item_id=secret.id))
    project.decisions.append(Decision(time=dt.datetime(2026, 10, 1, 11, 0), step="Risks",
                                      item="R1", change="Likelihood 2 → 3", note="agreed"))
    project.accepted_findings.append(AcceptedFinding(finding_id="x:1", justification=f"See {secret.title}"))
    shown = redact(project)
    about = shown.decisions[-2]
    assert (about.time, about.step, about.item, about.note) == (
        dt.datetime(2026, 10, 1, 10, 0), "Risks", secret.id, "")
    assert about.change == f"Content withheld – see redaction log {ref}"
    assert shown.decisions[-1].change == "Likelihood 2 → 3"
    assert shown.accepted_findings[-1].justification == f"See {placeholder(int(ref[1:]))}"
    text = squash("\n".join(page_texts(pdf_bytes(project, "public"))))
    assert squash(secret.title) not in text and "CANARY-D" not in text


def test_one_table_entry_withholds_a_field_everywhere(monkeypatch):
    """Another feature adds its field to the table; nothing else changes for it to be withheld
    from the redacted copy, the quotation search and the log."""
    from wizard import redact as module
    from wizard.redact import WithheldField, withhold_field

    monkeypatch.setattr(module, "WITHHELD", dict(module.WITHHELD))
    monkeypatch.setattr(module, "WITHHELD_FIELDS", dict(module.WITHHELD_FIELDS))
    project = catalog.load_example("leisure").model_copy(deep=True)
    project.phase("PH2").name = "CNRY phase name 9183"
    project.kpis[0].measure = "Counts CNRY phase name 9183"
    project = Project.model_validate(project.model_dump())
    assert redact(project).phase("PH2").name == "CNRY phase name 9183"  # not yet withheld
    withhold_field("phase", WithheldField("name", "name", "text"))
    shown = redact(project)
    mark = placeholder(next(int(e.ref[1:]) for e in redaction_log(project) if e.item_id == "PH2"))
    assert shown.phase("PH2").name == mark
    assert shown.kpis[0].measure == f"Counts {mark}"
    assert "name" in next(e for e in redaction_log(project) if e.item_id == "PH2").fields
    text = squash("\n".join(page_texts(pdf_bytes(project, "public"))))
    assert "CNRY" not in text


def test_a_reference_that_equals_a_withheld_text_keeps_its_form(monkeypatch):
    """An id-like field the quotation search does not know (as another feature may add) is
    put back when replacing inside it would make the copy invalid; free text stays replaced."""
    from wizard import quotes
    from wizard.model import KPI, Partner, Phase, Risk

    monkeypatch.setattr(quotes, "SKIP_KEYS", quotes.SKIP_KEYS - {"owner"})
    project = Project(
        partners=[Partner(id="northgate-trust", name="Northgate Trust")],
        phases=[Phase(id="PH1", name="Build", sensitive=True, withheld_reason="Pricing",
                      description="northgate-trust")],
        risks=[Risk(id="R1", title="Demand falls", owner="northgate-trust")],
        kpis=[KPI(id="K1", name="Visits", measure="Checked by northgate-trust")],
    )
    shown = redact(project)
    assert shown.risk("R1").owner == "northgate-trust"
    assert shown.kpis[0].measure == f"Checked by {placeholder(1)}"
