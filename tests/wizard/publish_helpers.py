"""What the public files say, read back as a reader would: PDF text and streams, HTML, OCDS,
the public risk register; normalised (NFKC, case folded, no whitespace) for canary searches."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from pathlib import Path

from tests.wizard.export_helpers import metadata_and_outline, page_texts, streams
from wizard.export.html import html_text
from wizard.export.ocds import release_package
from wizard.export.pdf import pdf_bytes
from wizard.export.register import export_register
from wizard.model import Project


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def public_files(project: Project, tmp: Path) -> dict[str, str]:
    """Every public file of ``project`` as text (the PDF's text, decompressed streams decoded
    loosely, metadata and outline), keyed by what it is."""
    pdf = pdf_bytes(project, "public")
    register = tmp / "public-register.csv"
    export_register(project, register, "public")
    workbook = tmp / "public-register.xlsx"
    export_register(project, workbook, "public")
    return {
        "PDF text": "\n".join(page_texts(pdf)),
        "PDF streams": (pdf + streams(pdf)).decode("latin-1"),
        "PDF metadata": metadata_and_outline(pdf),
        "HTML": html_text(project, "public"),
        "OCDS": json.dumps(release_package(project), ensure_ascii=False),
        "register": register.read_text(encoding="utf-8-sig"),
        "register workbook": xml_parts(workbook),
    }


def xml_parts(path: Path) -> str:
    """Every part of an Office Open XML file (.xlsx, .docx) as text: cells, shared strings,
    sheet names, print headers and footers, properties."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def assert_nowhere(canaries: list[str], files: dict[str, str]) -> None:
    for where, text in files.items():
        folded = fold(text)
        for canary in canaries:
            assert fold(canary) not in folded, f"{canary!r} leaked into the public {where}"
