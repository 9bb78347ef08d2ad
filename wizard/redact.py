"""The public edition's view of a project: a copy with withheld content replaced.

``redact(project)`` returns a deep copy in which every sensitive phase, risk and break clause
keeps only what may be published (ids, category, allocation, a phase's name and timing, a
clause's trigger, and the numbers that place an item on the graphs) and every withheld text
becomes the same fixed-length placeholder naming its line in the redaction log. Withheld money
becomes 0 (exporters print "Withheld" for a sensitive item's money). Lists of texts become a
single placeholder and workshop votes are removed. Empty texts are replaced too, so the public
files do not even reveal whether a withheld field was filled in.

Free-text lines elsewhere that quote a withheld text (decision log lines, justifications of
accepted findings) are replaced as well.

``redaction_log(project)`` lists what was withheld, why and until when (the reason and date
come from the item; they are not secret). The public exporters only ever receive the redacted
copy, so a secret cannot reach a public file by accident.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wizard.model import BreakClause, ContingentSupport, Phase, Project, Risk

LOG_PREFIX = "W"
LOG_DIGITS = 5  # fixed width, so the placeholder has the same length for every item


def log_ref(number: int) -> str:
    """The redaction log reference of the ``number``-th withheld item (1-based): W00001."""
    return f"{LOG_PREFIX}{number:0{LOG_DIGITS}d}"


def placeholder(number: int) -> str:
    """The text that replaces every withheld text of one item."""
    return f"[Withheld – see redaction log {log_ref(number)}]"


# The fields withheld from each kind of sensitive item, in the words the log uses.
WITHHELD_FIELDS: dict[str, tuple[str, ...]] = {
    "phase": ("description", "outcomes", "value"),
    "risk": ("title", "description", "mitigation", "contingent support", "workshop votes"),
    "break clause": ("description", "compensation formula"),
}

_KIND_PLURAL = {"phase": "phases", "risk": "risks", "break clause": "break_clauses"}


@dataclass(frozen=True)
class LogEntry:
    ref: str  # W00001
    kind: str  # "phase", "risk" or "break clause"
    item_id: str
    label: str  # what the public edition still shows of the item (name, trigger or id)
    fields: tuple[str, ...]
    reason: str
    until: dt.date | None


def _sensitive_items(project: Project) -> list[tuple[str, Phase | Risk | BreakClause]]:
    items: list[tuple[str, Phase | Risk | BreakClause]] = []
    items += [("phase", p) for p in project.phases if p.sensitive]
    items += [("risk", r) for r in project.risks if r.sensitive]
    items += [("break clause", c) for c in project.break_clauses if c.sensitive]
    return items


def _public_label(kind: str, item: Phase | Risk | BreakClause) -> str:
    from wizard.vocab import label

    if isinstance(item, Phase):
        return item.name
    if isinstance(item, BreakClause):
        return f"{item.id}: {label(item.trigger)}"
    return f"{item.id}: {label(item.category)}"


def redaction_log(project: Project) -> list[LogEntry]:
    """One line per sensitive item, numbered in the order phases, risks, break clauses."""
    return [
        LogEntry(
            ref=log_ref(n),
            kind=kind,
            item_id=item.id,
            label=_public_label(kind, item),
            fields=WITHHELD_FIELDS[kind],
            reason=item.withheld_reason,
            until=item.withheld_until,
        )
        for n, (kind, item) in enumerate(_sensitive_items(project), start=1)
    ]


def withheld_texts(project: Project) -> list[str]:
    """Every withheld text of the project (for tests and for scrubbing free-text lines)."""
    texts: list[str] = []
    for _kind, item in _sensitive_items(project):
        if isinstance(item, Phase):
            texts += [item.description, *item.outcomes]
        elif isinstance(item, Risk):
            texts += [item.title, item.description, item.mitigation]
            if item.contingent_support is not None:
                texts += [*item.contingent_support.events, item.contingent_support.description]
            texts += [v.participant for v in item.votes]
        else:
            texts += [item.description, item.formula]
    return [t for t in texts if t.strip()]


def _quotes_secret(text: str, secrets: list[str]) -> bool:
    folded = text.casefold()
    return any(s.casefold() in folded for s in secrets)


def redact(project: Project) -> Project:
    """A deep copy of ``project`` safe to publish: see the module docstring."""
    copy = project.model_copy(deep=True)
    secrets = sorted({t.strip() for t in withheld_texts(project) if len(t.strip()) >= 3})
    numbers = {
        (kind, item.id): n for n, (kind, item) in enumerate(_sensitive_items(project), start=1)
    }

    phases = []
    for p in copy.phases:
        if p.sensitive:
            mark = placeholder(numbers[("phase", p.id)])
            p = p.model_copy(update={"description": mark, "outcomes": [mark], "value_gbp": 0})
        phases.append(p)
    risks = []
    for r in copy.risks:
        if r.sensitive:
            mark = placeholder(numbers[("risk", r.id)])
            support = None
            if r.contingent_support is not None:
                support = ContingentSupport(events=[mark], cap_gbp=0, description=mark)
            r = r.model_copy(
                update={
                    "title": mark,
                    "description": mark,
                    "mitigation": mark,
                    "contingent_support": support,
                    "votes": [],
                }
            )
        risks.append(r)
    clauses = []
    for c in copy.break_clauses:
        if c.sensitive:
            mark = placeholder(numbers[("break clause", c.id)])
            c = c.model_copy(update={"description": mark, "formula": mark})
        clauses.append(c)

    decisions = []
    for d in copy.decisions:
        if secrets and any(_quotes_secret(t, secrets) for t in (d.item, d.change, d.note)):
            d = d.model_copy(
                update={
                    "item": "" if _quotes_secret(d.item, secrets) else d.item,
                    "change": "[Withheld: refers to withheld content]",
                    "note": "",
                }
            )
        decisions.append(d)
    accepted = []
    for a in copy.accepted_findings:
        if secrets and _quotes_secret(a.justification, secrets):
            a = a.model_copy(update={"justification": "[Withheld: refers to withheld content]"})
        accepted.append(a)

    # Built through the constructor so the copy is validated like any project.
    from wizard.redact_commercial import redact_commercial

    return redact_commercial(project, Project.model_validate(
        {
            **copy.model_dump(),
            "phases": [p.model_dump() for p in phases],
            "risks": [r.model_dump() for r in risks],
            "break_clauses": [c.model_dump() for c in clauses],
            "decisions": [d.model_dump() for d in decisions],
            "accepted_findings": [a.model_dump() for a in accepted],
        }
    ))


def is_withheld_money(item: Phase | Risk | BreakClause) -> bool:
    """True when the item's money must be printed as 'Withheld' (it is sensitive)."""
    return bool(getattr(item, "sensitive", False))
