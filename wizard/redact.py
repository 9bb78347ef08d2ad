"""The public edition's view of a project: a copy with withheld content replaced.

Withholding is driven by ONE declared table, ``WITHHELD``: for each kind of item that can be
marked sensitive, the collection that holds it and the fields withheld from it, each with the
words the redaction log uses and the *form* its withheld value takes. Other features add
entries (``withhold_field`` for a new field of an existing kind, ``declare_kind`` for a new
kind of item); nothing else needs to change for the new field to be withheld everywhere.

``redact(project)`` returns a deep copy in which every withheld field of a sensitive item holds
a fixed value that depends only on the item's place in the redaction log, never on what was
there: texts become the placeholder, lists of texts one placeholder, money 0, contingent
support a placeholder support (whether or not the item had any), votes nothing. So the public
files do not even reveal whether a withheld field was filled in (see ``FORMS``).

Then, in the copy:

* **Totals** (``wizard.publication``): when any phase value is withheld, every phase value is
  withheld as a group (set to 0) and the estimated whole-life value is 0 in the copy; the
  exporters print the band of ``publication.facts(project)`` instead.
* **The decision log**: a decision about a withheld item (by its structured ``item_id``) keeps
  only its time, step and the item's id; its change says the content is withheld.
* **Quotation**: every other free text that quotes withheld text or withheld money has the
  quoted passage replaced by the item's placeholder (``wizard.quotes``).

``redaction_log(project)`` lists what was withheld, why and until when (the reason and date
come from the item; they are not secret). The public exporters only ever receive the redacted
copy, so a secret cannot reach a public file by accident.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from wizard import sharing_redact
from wizard.model import ContingentSupport, Project

LOG_PREFIX = "W"
LOG_DIGITS = 5  # fixed width, so the placeholder has the same length for every item
WITHHELD_DECISION = "Content withheld – see redaction log {ref}"


def log_ref(number: int) -> str:
    """The redaction log reference of the ``number``-th withheld item (1-based): W00001."""
    return f"{LOG_PREFIX}{number:0{LOG_DIGITS}d}"


def placeholder(number: int) -> str:
    """The text that replaces every withheld text of one item."""
    return f"[Withheld – see redaction log {log_ref(number)}]"


PLACEHOLDER_START = "[Withheld"


# -- the table ----------------------------------------------------------------------------------
# How a withheld field is replaced: a function of the item's placeholder only (never of the value).
FORMS: dict[str, Callable[[str], Any]] = {
    "text": lambda mark: mark,
    "texts": lambda mark: [mark],
    "money": lambda mark: 0,
    "probability": lambda mark: 0.0,
    "optional_money": lambda mark: None,
    "nothing": lambda mark: [],
    "support": lambda mark: ContingentSupport(events=[mark], cap_gbp=0, description=mark),
}


@dataclass(frozen=True)
class WithheldField:
    attr: str  # the model attribute
    words: str  # how the redaction log names it
    form: str  # a key of FORMS
    money: bool = False  # a sum of money (its amount is searched for when quoted elsewhere)


@dataclass(frozen=True)
class WithheldKind:
    collection: str  # dotted path from the Project to the list of items ("phases")
    fields: tuple[WithheldField, ...]
    label: Callable[[Any], str]  # what the public edition still shows of the item


def _phase_label(item: Any) -> str:
    return item.name


def _risk_label(item: Any) -> str:
    from wizard.vocab import label

    return f"{item.id}: {label(item.category)}"


def _clause_label(item: Any) -> str:
    from wizard.vocab import label

    return f"{item.id}: {label(item.trigger)}"


WITHHELD: dict[str, WithheldKind] = {
    "phase": WithheldKind(
        "phases",
        (
            WithheldField("description", "description", "text"),
            WithheldField("outcomes", "outcomes", "texts"),
            WithheldField("value_gbp", "value", "money", money=True),
        ),
        _phase_label,
    ),
    "risk": WithheldKind(
        "risks",
        (
            WithheldField("title", "title", "text"),
            WithheldField("description", "description", "text"),
            WithheldField("mitigation", "mitigation", "text"),
            WithheldField("contingent_support", "contingent support", "support"),
            WithheldField("votes", "workshop votes", "nothing"),
            # The quantified risk: a withheld risk is not priced in the public edition, so
            # public exposure figures are computed over published risks only.
            WithheldField("probability_pct", "probability and cost range", "probability"),
            WithheldField("cost_min_gbp", "probability and cost range", "money", money=True),
            WithheldField("cost_likely_gbp", "probability and cost range", "money", money=True),
            WithheldField("cost_max_gbp", "probability and cost range", "money", money=True),
            WithheldField("delay_months", "probability and cost range", "optional_money"),
        ),
        _risk_label,
    ),
    "break clause": WithheldKind(
        "break_clauses",
        (
            WithheldField("description", "description", "text"),
            WithheldField("formula", "compensation formula", "text"),
        ),
        _clause_label,
    ),
}

# Backwards-compatible view: the words the log uses, per kind.
WITHHELD_FIELDS: dict[str, tuple[str, ...]] = {}


def _refresh_words() -> None:
    WITHHELD_FIELDS.clear()
    WITHHELD_FIELDS.update(
        {k: tuple(dict.fromkeys(f.words for f in v.fields)) for k, v in WITHHELD.items()})


_refresh_words()


def withhold_field(kind: str, field: WithheldField) -> None:
    """Declare one more withheld field of an existing kind (idempotent)."""
    entry = WITHHELD[kind]
    if field.form not in FORMS:
        raise ValueError(f"unknown form '{field.form}' for {kind}.{field.attr}")
    if any(f.attr == field.attr for f in entry.fields):
        return
    WITHHELD[kind] = WithheldKind(entry.collection, (*entry.fields, field), entry.label)
    _refresh_words()


def declare_kind(kind: str, entry: WithheldKind) -> None:
    """Declare a new kind of withholdable item (its items carry ``sensitive``, reason, date)."""
    WITHHELD[kind] = entry
    _refresh_words()


def withheld_value(field: WithheldField, mark: str) -> Any:
    """The value a withheld field holds in the redacted copy."""
    return FORMS[field.form](mark)


def items_of(project: Project, kind: str) -> list[Any]:
    value: Any = project
    for part in WITHHELD[kind].collection.split("."):
        value = getattr(value, part, None)
        if value is None:
            return []
    return list(value)


# -- the log ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LogEntry:
    ref: str  # W00001
    kind: str  # a key of WITHHELD: "phase", "risk", "break clause", ...
    item_id: str
    label: str  # what the public edition still shows of the item (name, trigger or id)
    fields: tuple[str, ...]
    reason: str
    until: dt.date | None


def sensitive_items(project: Project) -> list[tuple[str, Any]]:
    """(kind, item) of every sensitive item, in the order of the table (phases, risks, ...)."""
    return [
        (kind, item)
        for kind in WITHHELD
        for item in items_of(project, kind)
        if getattr(item, "sensitive", False)
    ]


def numbers(project: Project) -> dict[tuple[str, str], int]:
    """The log number of each sensitive item, keyed by (kind, id)."""
    return {(kind, item.id): n for n, (kind, item) in enumerate(sensitive_items(project), start=1)}


def redaction_log(project: Project) -> list[LogEntry]:
    """One line per sensitive item, numbered in the order of the table, then the sharing
    arrangement (a single object, withheld by ``wizard.sharing_redact``)."""
    log = [
        LogEntry(
            ref=log_ref(n),
            kind=kind,
            item_id=item.id,
            label=WITHHELD[kind].label(item),
            fields=WITHHELD_FIELDS[kind],
            reason=item.withheld_reason,
            until=item.withheld_until,
        )
        for n, (kind, item) in enumerate(sensitive_items(project), start=1)
    ]
    if sharing_redact.is_withheld(project.sharing):
        log.append(LogEntry(log_ref(len(log) + 1), sharing_redact.KIND, sharing_redact.ITEM_ID,
                            sharing_redact.LABEL, sharing_redact.FIELDS,
                            project.sharing.withheld_reason, project.sharing.withheld_until))
    return log


def _sharing_amounts(value: Any) -> list[int]:
    """Every sum of money in the dump of the sharing arrangement (keys ending in _gbp)."""
    if isinstance(value, dict):
        return [a for k, v in value.items()
                for a in ([v] if k.endswith("_gbp") and isinstance(v, int) else _sharing_amounts(v))]
    if isinstance(value, list):
        return [a for v in value for a in _sharing_amounts(v)]
    return []


def _texts_of(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [t for v in value for t in _texts_of(v)]
    if hasattr(value, "model_dump"):
        return [t for v in value.model_dump().values() for t in _texts_of(v)]
    return []


def _amounts_of(value: Any) -> list[int]:
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, (list, tuple)):
        return [a for v in value for a in _amounts_of(v)]
    if hasattr(value, "model_dump"):
        dumped = value.model_dump()
        return [a for k, v in dumped.items() if k.endswith("gbp") for a in _amounts_of(v)]
    return []


def withheld_parts(project: Project) -> list[tuple[int, list[str], list[int]]]:
    """(log number, withheld texts, withheld amounts) of every sensitive item."""
    parts = []
    for n, (kind, item) in enumerate(sensitive_items(project), start=1):
        texts: list[str] = []
        amounts: list[int] = []
        for f in WITHHELD[kind].fields:
            value = getattr(item, f.attr, None)
            if f.money:
                amounts += _amounts_of(value)
            else:
                texts += _texts_of(value)
                amounts += _amounts_of(value)  # e.g. the cap inside contingent support
        parts.append((n, [t for t in texts if t.strip()], [a for a in amounts if a > 0]))
    if sharing_redact.is_withheld(project.sharing):
        amounts = _sharing_amounts(project.sharing.model_dump())
        parts.append((len(parts) + 1, sharing_redact.withheld_texts(project.sharing),
                      [a for a in amounts if a > 0]))
    return parts


def withheld_texts(project: Project) -> list[str]:
    """Every withheld text of the project (for tests and for the quotation search)."""
    return [t for _n, texts, _a in withheld_parts(project) for t in texts]


# -- the redacted copy ----------------------------------------------------------------------------
def _withhold_items(project: Project, data: dict[str, Any]) -> None:
    numbered = numbers(project)
    for kind, entry in WITHHELD.items():
        items = items_of(project, kind)
        if not items:
            continue
        out = []
        for item in items:
            if getattr(item, "sensitive", False):
                mark = placeholder(numbered[(kind, item.id)])
                item = item.model_copy(
                    update={f.attr: withheld_value(f, mark) for f in entry.fields}
                )
            out.append(item.model_dump())
        target = data
        *parents, last = entry.collection.split(".")
        for part in parents:
            target = target[part]
        target[last] = out


def _withhold_decisions(project: Project, data: dict[str, Any]) -> None:
    """Decisions about a withheld item keep their time, step and the item's id only."""
    from wizard.decision_refs import infer, project_ids

    numbered = numbers(project)
    kinds = {WITHHELD[k].collection: k for k in WITHHELD}
    ids = None
    out = []
    for d in data["decisions"]:
        item_kind, item_id = d.get("item_kind", ""), d.get("item_id", "")
        if not item_id:  # written before decisions carried their item: read it from the text
            ids = ids if ids is not None else project_ids(project)
            item_kind, item_id = infer(d.get("item", ""), d.get("step", ""), ids)
        kind = kinds.get(item_kind)
        n = numbered.get((kind, item_id)) if kind else None
        if n is not None:
            d = {**d, "item": item_id, "item_kind": item_kind, "item_id": item_id,
                 "change": WITHHELD_DECISION.format(ref=log_ref(n)), "note": ""}
        out.append(d)
    data["decisions"] = out


def redact(project: Project) -> Project:
    """A deep copy of ``project`` safe to publish: see the module docstring."""
    from wizard import publication, quotes

    data = project.model_dump()
    _withhold_items(project, data)
    _withhold_decisions(project, data)
    publication.withhold_totals(project, data)
    data["sharing"] = sharing_redact.redacted(
        project.sharing, placeholder(len(sensitive_items(project)) + 1))
    before = copy.deepcopy(data)
    places = quotes.scrub(project, data)
    # Built through the constructor so the copy is validated like any project.
    # The commercial parts (lots covering withheld phases, a sensitive payment mechanism) are
    # withheld by their own module, on the validated copy.
    from wizard.redact_commercial import redact_commercial

    try:
        public = Project.model_validate(data)
    except ValidationError as err:
        # A quoted passage replaced inside a value that must keep its form (an id or a code
        # another feature added): such a value is a reference, not free text, so it keeps its
        # own value. Everything else stays replaced.
        failed = {tuple(e["loc"]) for e in err.errors()}
        for place in places:
            if any(place.path[: len(loc)] == loc or loc[: len(place.path)] == place.path
                   for loc in failed):
                quotes.put(data, place.path, quotes.get(before, place.path))
        public = Project.model_validate(data)
    return redact_commercial(project, public)


def is_withheld_money(item: Any) -> bool:
    """True when the item's money must be printed as 'Withheld' (it is sensitive)."""
    return bool(getattr(item, "sensitive", False))
