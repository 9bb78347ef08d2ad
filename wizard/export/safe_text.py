"""Text that every export format can hold: characters XML 1.0 forbids replaced.

A project file may hold any character JSON can escape, including NUL and the other control
characters (pasted from a terminal or an old database). XLSX and DOCX are XML, in which those
characters cannot be written at all (openpyxl raises ``IllegalCharacterError``), and HTML and
PDF would show them as garbage (DEL and the C1 controls too, though XML allows those). Every exporter passes text through ``printable`` (or the whole
project through ``printable_project``): each forbidden character becomes U+FFFD "�", so the
reader sees that something was there, and nothing else changes. Tab, line feed and carriage
return are kept.
"""

from __future__ import annotations

import json
import re
from typing import Any

from wizard.model import Project

REPLACEMENT = "\ufffd"
# Forbidden in XML 1.0: C0 controls except tab, LF and CR; the non-characters U+FFFE and U+FFFF.
# Also DEL and the C1 controls, which XML allows but no font draws (a PDF shows them as NUL).
# (Unpaired surrogates cannot reach here: loading refuses them.)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# The same characters as the project's JSON text writes them: \u0000-style escapes, \b and \f,
# and the others as themselves.
_IN_JSON = re.compile(r"\\u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F])|\\[bf]|[\x7f-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return FORBIDDEN.sub(REPLACEMENT, text)


def printable_value(value: Any) -> Any:
    """A cell or other value: strings made printable, anything else as it is."""
    return printable(value) if isinstance(value, str) else value


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


def printable_project(project: Project) -> Project:
    """The project with every text made printable: the same object when nothing needs it
    (one scan of its JSON text), else a validated copy."""
    text = project.model_dump_json()
    if not _IN_JSON.search(text):
        return project
    return Project.model_validate_json(json.dumps(_clean(json.loads(text)), ensure_ascii=False))
