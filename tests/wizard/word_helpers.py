"""Shared helpers of the Word tests: canaries planted in every withheld field, and the text of
every XML part of a .docx."""

from __future__ import annotations

import io
import zipfile

from wizard.model import ContingentSupport, Project, Vote


def plant_canaries(project: Project) -> tuple[Project, list[str]]:
    """A copy with unique canaries in every withheld field of the sensitive items (the first
    phase, risk and clause are made sensitive), and a 7-digit cap; returns (project, canaries)."""
    counter = iter(range(1, 10_000))

    def canary() -> str:
        n = next(counter)
        return f"QZKCANARY{n:04d}X" if n % 2 else f"ŵŷøCANARY{n:04d}å€"

    p = project.model_copy(deep=True)
    planted: list[str] = []
    for items in (p.phases, p.risks, p.break_clauses):
        if items:
            items[0].sensitive = True
    for ph in p.phases:
        if ph.sensitive:
            ph.description, out = canary(), canary()
            ph.outcomes = [out]
            ph.value_gbp = 7_654_321
            planted += [ph.description, out]
    for r in p.risks:
        if r.sensitive:
            r.title, r.description, r.mitigation = canary(), canary(), canary()
            event, terms, who = canary(), canary(), canary()
            r.contingent_support = ContingentSupport(events=[event], cap_gbp=9_876_543, description=terms)
            r.votes = [Vote(participant=who, likelihood=2, impact=3)]
            planted += [r.title, r.description, r.mitigation, event, terms, who]
    for c in p.break_clauses:
        if c.sensitive:
            c.description, c.formula = canary(), canary()
            planted += [c.description, c.formula]
    return Project.model_validate(p.model_dump()), planted


SECRET_NUMBERS = ("7,654,321", "7654321", "9,876,543", "9876543")


def xml_parts(data: bytes) -> dict[str, str]:
    """Every part of the .docx zip (document, headers, footers, properties, comments...) as text."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name).decode("utf-8", errors="replace") for name in zf.namelist()
                if not name.startswith("word/media/")}


def assert_no_canary(data: bytes, canaries: list[str], where: str) -> None:
    parts = xml_parts(data)
    assert "word/document.xml" in parts and "docProps/core.xml" in parts
    for name, text in parts.items():
        for c in canaries:
            assert c not in text, f"{c!r} leaked into {name} of the {where}"
        for number in SECRET_NUMBERS:
            assert number not in text, f"{number} leaked into {name} of the {where}"
