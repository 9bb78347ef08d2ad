"""The exports of a project, behind one entry point used by the command line and the app.

``write(kind, project, path, edition)`` renders the export in memory, then writes it with the
one atomic writer (``wizard.storage.write_atomic``): a temporary file beside the target, flushed
to disk and renamed over it. A failed export (while rendering or while writing) leaves the
previous file as it was and no half-written or 0-byte file behind.

The kinds: ``pdf``, ``html`` (the business case), ``docx`` (the business case in Word),
``schedules`` (the contract schedules in Word), ``ocds`` (open data; always the public edition)
and ``risks`` (the risk register; .csv or .xlsx by the file's extension). Renderers are imported
only when asked for, so importing this package costs nothing at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from wizard.export.publisher import Publisher
    from wizard.model import Project

Progress = Callable[[int, str], None]

# kind -> (what it is called in messages, the file endings it may be written to)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "pdf": ("PDF", (".pdf",)),
    "html": ("HTML", (".html", ".htm")),
    "docx": ("Word business case", (".docx",)),
    "schedules": ("contract schedules", (".docx",)),
    "ocds": ("OCDS", (".json",)),
    "risks": ("risk register", (".csv", ".xlsx")),
}
ALWAYS_PUBLIC = ("ocds",)


class ExportError(ValueError):
    """An export that cannot be made as asked (the message says why, in plain words)."""


def describe(kind: str) -> str:
    return KINDS[kind][0] if kind in KINDS else kind


def edition_of(kind: str, edition: str) -> str:
    """The edition an export of ``kind`` is written in (OCDS is always public)."""
    return "public" if kind in ALWAYS_PUBLIC else edition


def check_target(kind: str, path: str | os.PathLike[str]) -> None:
    """Refuse, before any work, a kind this module does not know or a file ending it cannot hold.

    Only the register's ending is enforced (it decides the format); the others take any name."""
    if kind not in KINDS:
        raise ExportError(f"Unknown export '{kind}': use one of {', '.join(KINDS)}")
    if kind == "risks" and Path(path).suffix.lower() not in KINDS[kind][1]:
        raise ExportError("The risk register file must end in .csv or .xlsx")


def render(kind: str, project: Project, edition: str = "public", *, suffix: str = "",
           progress: Progress | None = None, publisher: Publisher | None = None) -> bytes:
    """The bytes of one export (nothing is written). ``suffix`` picks the register's format;
    ``publisher`` (the ocid prefix and publisher of the open data) is used by OCDS only."""
    from wizard.export.editions import EDITIONS

    if edition not in EDITIONS:
        raise ExportError(f"Unknown edition '{edition}': use public or internal")
    if kind == "pdf":
        from wizard.export.pdf import pdf_bytes

        return pdf_bytes(project, edition, progress)
    if kind == "html":
        from wizard.export.html import html_text

        return html_text(project, edition).encode("utf-8")
    if kind == "ocds":
        from wizard.export.ocds import ocds_text
        from wizard.export.publisher import UNSET

        return ocds_text(project, publisher or UNSET).encode("utf-8")
    if kind == "risks":
        from wizard.export.register import register_bytes

        return register_bytes(project, suffix, edition)
    if kind == "docx":
        from wizard.export.docx import docx_bytes

        return docx_bytes(project, edition)
    if kind == "schedules":
        from wizard.export.schedules import schedules_bytes

        return schedules_bytes(project, edition)
    raise ExportError(f"Unknown export '{kind}': use one of {', '.join(KINDS)}")


def write(kind: str, project: Project, path: str | os.PathLike[str], edition: str = "public",
          progress: Progress | None = None, publisher: Publisher | None = None) -> Path:
    """Render one export of ``project`` and write it atomically to ``path``; returns the path.

    Raises ExportError (a ValueError) for an unknown kind, edition or register ending, and
    ``wizard.storage.ProjectSaveError`` (an OSError) when the file cannot be written."""
    from wizard import storage

    check_target(kind, path)
    data = render(kind, project, edition_of(kind, edition), suffix=Path(path).suffix.lower(),
                  progress=progress, publisher=publisher)
    return storage.write_atomic(data, path)
