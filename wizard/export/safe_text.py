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

import re
from typing import Any

from pydantic import BaseModel

from wizard.model import Project

REPLACEMENT = "\ufffd"
# Forbidden in XML 1.0: C0 controls except tab, LF and CR; the non-characters U+FFFE and U+FFFF.
# Also DEL and the C1 controls, which XML allows but no font draws (a PDF shows them as NUL).
# (Unpaired surrogates cannot reach here: loading refuses them.)
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return FORBIDDEN.sub(REPLACEMENT, text)


def printable_value(value: Any) -> Any:
    """A cell or other value: strings made printable, anything else as it is."""
    return printable(value) if isinstance(value, str) else value


def _clean(value: Any) -> Any:
    """VALUE with every text inside it printable: the same object when nothing changes.

    Models are copied with ``model_copy`` (no validation: the public edition's redacted copy
    is cleaned too, whatever its placeholders)."""
    if isinstance(value, str):
        return printable(value) if FORBIDDEN.search(value) else value
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            item = getattr(value, name)
            cleaned = _clean(item)
            if cleaned is not item:
                updates[name] = cleaned
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, (list, tuple)):
        cleaned_items = [_clean(v) for v in value]
        if all(a is b for a, b in zip(cleaned_items, value)):
            return value
        return type(value)(cleaned_items)
    return value


def printable_project(project: Project) -> Project:
    """The project with every text made printable: the same object when nothing needs it."""
    return _clean(project)
