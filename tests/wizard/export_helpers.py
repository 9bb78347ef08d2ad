"""Shared helpers of the export tests: PDF text, content streams, metadata and outline."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def squash(value: str) -> str:
    """Text without whitespace, so a word wrapped inside a table cell still matches."""
    return re.sub(r"\s+", "", value)


def streams(data: bytes) -> bytes:
    """Every decompressed content stream of every page."""
    out = []
    for page in reader(data).pages:
        contents = page.get_contents()
        if contents is not None:
            out.append(contents.get_data())
    return b"\n".join(out)


def metadata_and_outline(data: bytes) -> str:
    r = reader(data)
    parts = [str(v) for v in (r.metadata or {}).values()]

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(str(item.title))

    walk(r.outline)
    return "\n".join(parts)


def chapters(data: bytes) -> dict[str, str]:
    """The text of each chapter, keyed by its number or appendix letter ("1".."5", "A", "B")."""
    text = "\n".join(page_texts(data))
    # Chapters start on a new page with a heading like "3. The commercial case" at the top.
    result: dict[str, str] = {}
    marks = [
        ("summary", "Summary: the deal at a glance"),
        ("1", "1. The strategic case"),
        ("2", "2. The economic case"),
        ("3", "3. The commercial case"),
        ("4", "4. The financial case"),
        ("5", "5. The management case"),
        ("A", "Appendix A. The changemaking assessment"),
        ("B", "Appendix B."),
    ]
    # Skip the contents page: search after its last entry.
    start = text.find("Contents")
    positions = []
    cursor = start
    for key, heading in marks:
        # the second occurrence of each heading (the first is on the contents page)
        first = text.find(heading, cursor)
        second = text.find(heading, first + len(heading))
        positions.append((key, second))
    positions.sort(key=lambda kv: kv[1])
    for index, (key, pos) in enumerate(positions):
        end = positions[index + 1][1] if index + 1 < len(positions) else len(text)
        result[key] = text[pos:end]
    return result
