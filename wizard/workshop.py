"""Workshop facilitation, Qt-free: votes, settling, decision-log lines, quick edits, contrast.

Pure functions, project (or risk) in, result out.

Settling the room's votes: the agreed likelihood and the agreed impact are each the **median** of
the participants' scores, **rounded half up** (so a tie between 3 and 4 settles on 4: when the
room is split, the more cautious score wins). A risk without votes keeps its own scores.

The quick edits (``add_risk``, ``add_phase``, ``move_phase``, ``resize_phase``,
``toggle_dependency``) return a new
project and never change the one given; a refused edit raises ``WorkshopError`` whose message
says what is wrong and where.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics

from wizard.edits import next_id
from wizard.model import MAX_MONTHS, MAX_SHORT, MAX_SMALL_LIST, Decision, Phase, Project, Risk, Vote

Spread = tuple[int, int, int, int]  # (min likelihood, max likelihood, min impact, max impact)


class WorkshopError(ValueError):
    """A workshop edit that cannot be made; the message names what and where."""


# -- votes ---------------------------------------------------------------------------------------
def vote_spread(risk: Risk) -> Spread | None:
    """The range of the participants' scores, or None when nobody has voted."""
    if not risk.votes:
        return None
    ls = [v.likelihood for v in risk.votes]
    imps = [v.impact for v in risk.votes]
    return (min(ls), max(ls), min(imps), max(imps))


def _median_half_up(values: list[int]) -> int:
    return math.floor(statistics.median(values) + 0.5)


def settle(risk: Risk) -> tuple[int, int]:
    """The agreed (likelihood, impact): each the median of the votes rounded half up.

    Without votes, the risk's own scores.
    """
    if not risk.votes:
        return (risk.likelihood, risk.impact)
    return (
        _median_half_up([v.likelihood for v in risk.votes]),
        _median_half_up([v.impact for v in risk.votes]),
    )


_VOTE = re.compile(r"^\s*(?P<name>.*?)\s*(?P<l>[1-5])\s*[ ,/x]?\s*(?P<i>[1-5])\s*$")


def parse_vote(text: str) -> Vote:
    """A vote typed as 'name, likelihood, impact': "Ana 3 4", "Ana 34", "Cllr Jones 2/5".

    Raises ``WorkshopError`` saying what is missing.
    """
    match = _VOTE.match(text)
    if not match:
        raise WorkshopError(
            f"Vote '{text.strip()}': type a name, then likelihood and impact as two digits 1–5, "
            "e.g. 'Ana 3 4'"
        )
    name = match.group("name").strip().rstrip(",:").strip()
    if not name:
        raise WorkshopError("Vote: type the participant's name before the two scores")
    if len(name) > MAX_SHORT:
        raise WorkshopError(f"Vote: the name is longer than {MAX_SHORT} characters")
    return Vote(participant=name, likelihood=int(match.group("l")), impact=int(match.group("i")))


def with_vote(risk: Risk, vote: Vote) -> list[Vote]:
    """The risk's votes with ``vote`` recorded; a participant who votes again replaces their vote."""
    others = [v for v in risk.votes if v.participant.casefold() != vote.participant.casefold()]
    return [*others, vote]


# -- decision log ----------------------------------------------------------------------------------
def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHORT else text[: MAX_SHORT - 1] + "…"


def decision(time: dt.datetime, step: str, item: str, change: str, note: str = "", *,
             item_kind: str = "", item_id: str = "") -> Decision:
    """One line of the decision log; long texts are cut to fit (with an ellipsis).

    ``item_kind`` (a collection: "risks", "phases"...) and ``item_id`` say which item it is
    about, so the public edition can withhold a decision about a withheld item whatever its
    text says."""
    return Decision(time=time, step=_short(step), item=_short(item), change=_short(change),
                    note=_short(note), item_kind=item_kind, item_id=item_id)


def decision_about(project: Project, time: dt.datetime, step: str, item_kind: str, item_id: str,
                   change: str, note: str = "") -> Decision:
    """A decision about the item ``item_id`` of ``project.<item_kind>``, named as the log names it."""
    found = next((i for i in getattr(project, item_kind, []) if i.id == item_id), None)
    text = item_label(found) if isinstance(found, (Phase, Risk)) else item_id
    return decision(time, step, text, change, note, item_kind=item_kind if found else "",
                    item_id=item_id if found else "")


def item_label(item: Phase | Risk) -> str:
    """How the log names an item: its id and its title ("R3 Demand falls")."""
    name = item.title if isinstance(item, Risk) else item.name
    return _short(f"{item.id} {name}")


# -- quick edits -----------------------------------------------------------------------------------
def _title(text: str, what: str) -> str:
    title = " ".join(text.split())
    if not title:
        raise WorkshopError(f"New {what}: type a title first")
    if len(title) > MAX_SHORT:
        raise WorkshopError(f"New {what}: the title is longer than {MAX_SHORT} characters")
    return title


def id_prefix(ids: list[str], default: str) -> str:
    """The letters most of ``ids`` start with ("PH" for PH1, PH2...), else ``default``."""
    prefixes = [m.group(1) for m in (re.match(r"^([A-Za-z]+)\d+$", i) for i in ids) if m]
    if not prefixes:
        return default
    return max(sorted(set(prefixes)), key=prefixes.count)


def add_risk(project: Project, title: str) -> tuple[Project, str]:
    """A copy of ``project`` with a new proposed risk; returns (project, new risk id)."""
    title = _title(title, "risk")
    new = project.model_copy(deep=True)
    ids = [r.id for r in new.risks]
    rid = next_id(ids, id_prefix(ids, "R"))
    new.risks = [*new.risks, Risk(id=rid, title=title)]
    return new, rid


def add_phase(project: Project, name: str, duration_months: int = 12) -> tuple[Project, str]:
    """A copy with a new phase that starts when the latest phase finishes (12 months long)."""
    name = _title(name, "phase")
    new = project.model_copy(deep=True)
    ids = [p.id for p in new.phases]
    pid = next_id(ids, id_prefix(ids, "P"))
    start = max((p.start_month + p.duration_months for p in new.phases), default=0)
    start = min(start, MAX_MONTHS - 1)
    duration = max(1, min(duration_months, MAX_MONTHS))
    new.phases = [*new.phases, Phase(id=pid, name=name, start_month=start, duration_months=duration)]
    return new, pid


def move_phase(project: Project, phase_id: str, months: int) -> tuple[Project, int]:
    """A copy with the phase's start moved by ``months``; returns (project, new start month)."""
    phase = project.phase(phase_id)
    if phase is None:
        raise WorkshopError(f"Move phase: no phase has the id '{phase_id}'")
    start = phase.start_month + months
    if start < 0:
        if phase.start_month == 0:
            raise WorkshopError(f"Phase {phase.id} already starts at the contract start")
        start = 0
    if start > MAX_MONTHS:
        raise WorkshopError(f"Phase {phase.id} cannot start later than month {MAX_MONTHS}")
    new = project.model_copy(deep=True)
    new.phase(phase_id).start_month = start
    return new, start


def resize_phase(project: Project, phase_id: str, months: int) -> tuple[Project, int]:
    """A copy with the phase ``months`` longer (or shorter); returns (project, new duration)."""
    phase = project.phase(phase_id)
    if phase is None:
        raise WorkshopError(f"Change duration: no phase has the id '{phase_id}'")
    duration = phase.duration_months + months
    if duration < 1:
        if phase.duration_months == 1:
            raise WorkshopError(f"Phase {phase.id} is already one month long, the shortest")
        duration = 1
    if duration > MAX_MONTHS:
        raise WorkshopError(f"Phase {phase.id} cannot be longer than {MAX_MONTHS} months")
    new = project.model_copy(deep=True)
    new.phase(phase_id).duration_months = duration
    return new, duration


def toggle_dependency(project: Project, phase_id: str, on_id: str) -> tuple[Project, bool]:
    """A copy in which ``phase_id`` depends on ``on_id`` (or no longer does, if it did);
    returns (project, True when the dependency was added). A dependency that would close a
    loop is refused, naming the loop."""
    phase, other = project.phase(phase_id), project.phase(on_id)
    if phase is None or other is None:
        missing = phase_id if phase is None else on_id
        raise WorkshopError(f"Dependency: no phase has the id '{missing}'")
    new = project.model_copy(deep=True)
    target = new.phase(phase_id)
    if on_id in target.depends_on:
        target.depends_on = [d for d in target.depends_on if d != on_id]
        return new, False
    from wizard.schedule import loop_if_added, loop_refusal  # networkx: not at the app's start

    loop = loop_if_added(project, phase_id, on_id)
    if loop:
        raise WorkshopError(loop_refusal(project, loop))
    if len(target.depends_on) >= MAX_SMALL_LIST:
        raise WorkshopError(f"Phase {phase_id} already depends on {MAX_SMALL_LIST} phases, the most")
    target.depends_on = [*target.depends_on, on_id]
    return new, True


# -- contrast (WCAG 2) -----------------------------------------------------------------------------
_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a '#rrggbb' colour (0 black .. 1 white)."""
    match = _HEX.match(colour.strip())
    if not match:
        raise ValueError(f"Colour '{colour}': expected '#rrggbb'")
    digits = match.group(1)
    channels = []
    for k in (0, 2, 4):
        c = int(digits[k : k + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
