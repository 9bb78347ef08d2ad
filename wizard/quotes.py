"""Finding withheld text and withheld money quoted in free text elsewhere in a project.

A withheld risk title typed again into a KPI's measure, a decision note or a justification
would reach the public edition through that other field. ``places(project)`` finds every such
quotation and ``scrub(project, data)`` (called by ``wizard.redact.redact``) replaces the quoted
passage with the quoted item's placeholder.

Matching is done on a normalised form of both texts: Unicode NFKC (so a no-break space, a
full-width letter or a ligature reads as its plain form), case folding, and every run of
whitespace folded to one space. A match must be whole words (no letter or digit either side).

What is searched for, for each sensitive item:

* each withheld text, and each sentence of a longer one, when it is long enough not to be a
  common word: at least ``MIN_CHARS`` characters, or at least ``MIN_WORDS_CHARS`` characters of
  two or more words. A shorter withheld text (say a title "Pay") is not searched for: it
  would match everyday words all over the document and the placeholder would then point at it;
* each withheld sum of money of at least ``MIN_AMOUNT`` in the forms people write: £4,800,000,
  4800000, £4.8m, 4.8mn, 4.8 million, £4,800k, and the same rounded to one, two or three
  decimals when that is within 2% of the sum.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wizard.model import MAX_SHORT, Project

MIN_CHARS = 8
MIN_WORDS_CHARS = 5
MIN_AMOUNT = 1_000
ROUNDING = 0.02
# Keys whose values are ids, codes or the redaction's own words: never rewritten.
SKIP_KEYS = frozenset({
    "id", "provider", "owner", "depends_on", "phases", "finding_id", "item_id", "item_kind",
    "format", "private_bearer",
})
_SENTENCE = re.compile(r"[.;!?\n]+")
_RUN = re.compile(r"\S+")
_MARK = re.compile(r"[^\w\s]|_")  # one character that is neither alphanumeric nor a space
_WORD = re.compile(r"[^\W_]+")  # a run of str.isalnum() characters, as _key reads them


def normalise(text: str) -> tuple[str, list[int]]:
    """(the normalised text, for each of its characters the index of the original character)."""
    if text.isascii():  # NFKC leaves ASCII as it is, and its case folding is its lower case
        low = text.lower()
        parts: list[str] = []
        where_: list[int] = []
        for match in _RUN.finditer(low):
            if parts:
                parts.append(" ")
                where_.append(match.start() - 1)
            parts.append(match.group())
            where_.extend(range(match.start(), match.end()))
        return "".join(parts), where_
    return _normalise_any(text)


def _normalise_any(text: str) -> tuple[str, list[int]]:
    """``normalise`` for any text, one character at a time."""
    out: list[str] = []
    where: list[int] = []
    space = True  # fold leading whitespace away
    for index, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).casefold()
        for c in folded:
            if c.isspace():
                if not space:
                    out.append(" ")
                    where.append(index)
                space = True
            else:
                out.append(c)
                where.append(index)
                space = False
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def plain(text: str) -> str:
    return normalise(text)[0]


def searchable(text: str) -> bool:
    """Long enough to search for without matching common words."""
    norm = plain(text)
    return len(norm) >= MIN_CHARS or (" " in norm and len(norm) >= MIN_WORDS_CHARS)


def text_needles(text: str) -> list[str]:
    """The normalised passages of a withheld text that count as quoting it."""
    found = [plain(text)]
    found += [plain(part) for part in _SENTENCE.split(text)]
    return sorted({n for n in found if n and searchable(n)}, key=len, reverse=True)


def _decimal_forms(value: float, amount: int, unit: int) -> set[str]:
    forms = set()
    for digits in range(4):
        shown = f"{value:.{digits}f}"
        if abs(float(shown) * unit - amount) <= ROUNDING * amount:
            forms.add(shown)
            if "." in shown:
                forms.add(shown.rstrip("0").rstrip("."))
    return forms


def money_needles(amount: int) -> list[str]:
    """The normalised ways of writing ``amount`` pounds (without the £: it may be left out)."""
    if amount < MIN_AMOUNT:
        return []
    forms = {f"{amount:,}", str(amount)}
    if amount % 1_000 == 0:
        forms |= {f"{amount // 1_000:,}k", f"{amount // 1_000}k", f"{amount // 1_000:,} thousand"}
    for unit, words in ((1_000_000, ("m", " m", "mn", " mn", " million", "million")),
                        (1_000_000_000, ("bn", " bn", " billion", "billion"))):
        if amount >= unit // 10:
            for number in _decimal_forms(amount / unit, amount, unit):
                forms |= {number + w for w in words}
    return sorted(forms, key=len, reverse=True)


@dataclass(frozen=True)
class Needle:
    text: str  # normalised
    number: int  # the log number of the item it comes from
    money: bool


def needles(project: Project) -> list[Needle]:
    """Every passage whose quotation counts as quoting withheld content, longest first."""
    from wizard import publication
    from wizard.redact import withheld_parts

    parts = withheld_parts(project)
    found: dict[str, Needle] = {}
    for number, texts, amounts in parts:
        for t in texts:
            for n in text_needles(t):
                found.setdefault(n, Needle(n, number, False))
        for a in amounts:
            for n in money_needles(a):
                found.setdefault(n, Needle(n, number, True))
    if parts:
        first_phase = next((n for n, (kind, _i) in enumerate(_sensitive(project), 1)
                            if kind == "phase"), parts[0][0])
        for a in publication.grouped_amounts(project):
            for n in money_needles(a):
                found.setdefault(n, Needle(n, first_phase, True))
    return sorted(found.values(), key=lambda n: len(n.text), reverse=True)


def _sensitive(project: Project) -> list[tuple[str, Any]]:
    from wizard.redact import sensitive_items

    return sensitive_items(project)


def _boundary(norm: str, start: int, end: int, money: bool) -> bool:
    before = norm[start - 1] if start > 0 else " "
    after = norm[end] if end < len(norm) else " "
    after2 = norm[end + 1] if end + 1 < len(norm) else " "
    if before.isalnum() or after.isalnum():
        return False
    if money:
        before2 = norm[start - 2] if start > 1 else " "
        if before in ".," and before2.isdigit():
            return False
        if after in ".," and after2.isdigit():
            return False
    return True


class Index:
    """The needles keyed by how they start, so a text is searched in one pass over its words
    (not once per needle): a needle can only match where a word starts (whole words)."""

    def __init__(self, found: list[Needle]):
        self.by_key: dict[str, list[Needle]] = {}
        for needle in found:  # longest first within each key, as ``needles`` sorts them
            self.by_key.setdefault(_key(needle.text, 0), []).append(needle)
        self.words = {k for k in self.by_key if k[0].isalnum()}
        self.marks = [k for k in self.by_key if not k[0].isalnum()]

    def may_match(self, text: str) -> bool:
        """False only when ``text`` cannot quote any needle (a quick test for ASCII text, whose
        normal form is its lower case; any other text is searched in full)."""
        if not text.isascii():
            return True
        low = text.lower()
        if any(mark in low for mark in self.marks):
            return True
        return not self.words.isdisjoint(_WORD.findall(low))

    def __bool__(self) -> bool:
        return bool(self.by_key)


def _key(norm: str, start: int) -> str:
    """The alphanumeric run starting at ``start`` (or the one character there if it is not)."""
    if not norm[start].isalnum():
        return norm[start]
    end = start
    while end < len(norm) and norm[end].isalnum():
        end += 1
    return norm[start:end]


def find(text: str, found: "list[Needle] | Index") -> list[tuple[int, int, int]]:
    """(start, end, log number) of each quoted passage in ``text`` (original indices)."""
    index = found if isinstance(found, Index) else Index(found)
    if not text or not index or not index.may_match(text):
        return []
    norm, where = normalise(text)
    candidates: list[tuple[int, Needle]] = []
    starts = [(m.start(), m.group()) for m in _WORD.finditer(norm)]
    if index.marks:
        starts += [(m.start(), m.group()) for m in _MARK.finditer(norm)]
    for start, key in starts:
        for needle in index.by_key.get(key, ()):
            if norm.startswith(needle.text, start):
                candidates.append((start, needle))
    # longest first, so a sentence wins over a word inside it
    candidates.sort(key=lambda c: (-len(c[1].text), c[0]))
    taken = [False] * len(norm)
    spans: list[tuple[int, int, int]] = []
    for start, needle in candidates:
        end = start + len(needle.text)
        if any(taken[start:end]) or not _boundary(norm, start, end, needle.money):
            continue
        first = start - 1 if needle.money and start > 0 and norm[start - 1] == "£" else start
        for k in range(first, end):
            taken[k] = True
        spans.append((where[first], where[end - 1] + 1, needle.number))
    return sorted(spans)


def replace(text: str, spans: list[tuple[int, int, int]]) -> str:
    from wizard.redact import placeholder

    out, last = [], 0
    for start, end, number in spans:
        out.append(text[last:start])
        out.append(placeholder(number))
        last = end
    out.append(text[last:])
    new = "".join(out)
    if len(new) > MAX_SHORT >= len(text):  # keep within the field's bound
        new = placeholder(spans[0][2])
    return new


@dataclass(frozen=True)
class Place:
    path: tuple[Any, ...]  # ("kpis", 0, "measure")
    numbers: tuple[int, ...]  # the log numbers of the items quoted


def _walk(value: Any, path: tuple[Any, ...]):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in SKIP_KEYS:
                continue
            yield from _walk(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*path, index))
    elif isinstance(value, str) and not isinstance(value, Enum):
        yield path, value


def put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    """Set the value at ``path`` of a project as a dict."""
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def scrub(project: Project, data: dict[str, Any]) -> list[Place]:
    """Replace quoted passages in ``data`` (the redacted copy as a dict); returns the places."""
    from wizard.redact import PLACEHOLDER_START

    found = Index(needles(project))
    if not found:
        return []
    places = []
    for path, text in list(_walk(data, ())):
        if text.startswith(PLACEHOLDER_START) and text.endswith("]") and len(text) < 60:
            continue
        spans = find(text, found)
        if spans:
            put(data, path, replace(text, spans))
            places.append(Place(path, tuple(sorted({n for _s, _e, n in spans}))))
    return places


def places(project: Project) -> list[Place]:
    """Every field of ``project`` outside the withheld fields that quotes withheld content."""
    from wizard import redact as r

    data = project.model_dump()
    r._withhold_items(project, data)
    r._withhold_decisions(project, data)
    return scrub(project, data)


_NOUNS = {
    "partners": "Partner", "phases": "Phase", "risks": "Risk", "break_clauses": "Break clause",
    "steering_groups": "Steering group", "kpis": "KPI", "social_impact": "Social impact objective",
    "decisions": "Decision", "accepted_findings": "Accepted finding",
}


def place_name(project: Project, path: tuple[Any, ...]) -> str:
    """How a user reads a place: "KPI K1: measure", "Project: case for change"."""
    words = [str(p).replace("_", " ") for p in path if not isinstance(p, int)]
    head, *rest = path
    if head == "project" and len(path) > 2 and path[1] == "options":
        option = project.project.options[path[2]]
        return f"Option {option.id}: " + " ".join(words[2:])
    if head == "project":
        return "Project: " + " ".join(words[1:])
    if head in _NOUNS and len(path) > 2 and isinstance(path[1], int):
        item = getattr(project, head)[path[1]]
        if head == "decisions":
            name = f"{_NOUNS[head]} of {item.time:%Y-%m-%d %H:%M}"
        elif head == "accepted_findings":
            name = f"{_NOUNS[head]} {item.finding_id}"
        else:
            name = f"{_NOUNS[head]} {item.id}"
        return f"{name}: " + " ".join(words[1:])
    return " ".join(words).capitalize()
