"""The two editions of every export, and the protective marking of the internal one.

One owner for these words: the PDF, HTML, Word, register and schedule writers all ask here.
"""

from __future__ import annotations

PUBLIC = "public"
INTERNAL = "internal"
EDITIONS = (PUBLIC, INTERNAL)

# The Government Security Classifications marking for commercially sensitive material, with the
# handling caveat printed on every page of the internal edition.
PROTECTIVE_MARKING = "OFFICIAL-SENSITIVE"
HANDLING = "not for publication"


def marking(edition: str) -> str:
    """The line printed on every page of ``edition`` ("" for the public edition)."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")
    return f"{PROTECTIVE_MARKING} – {HANDLING}" if edition == INTERNAL else ""
