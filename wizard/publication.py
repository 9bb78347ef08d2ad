"""What the public edition may say about money totals when a phase value is withheld.

The rule (one owner, used by the PDF, HTML, OCDS and registers alike):

* When no phase value is withheld, the public edition prints every phase value, their total
  and the exact estimated whole-life value, as the internal edition does.
* When **any** phase value is withheld, the phase values are **withheld as a group**: no phase
  value and no total of phases is published (the redacted copy holds 0 for every phase), with
  the count of phases and of sensitive ones; every lot's value goes with them (a lot's value
  is a sum of phase values: the copy holds no value and marks the lot withheld); and the estimated whole-life value is published
  only as a **band** of the 1–2.5–5 series (£1m to £2.5m, £2.5m to £5m, £5m to £10m, £10m to
  £25m, ...). With no phase value published there is nothing to subtract from the band, so the
  public edition neither gives nor usefully narrows a withheld phase value; the band's edges
  include the £1m and £5m thresholds of the law, so what the law requires stays checkable.

``facts(project)`` is computed from the *real* project (the redacted copy holds 0s) and passed
to the exporters with the redacted copy. ``withhold_totals`` is called by ``redact``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from wizard.formatting import money, short_money
from wizard.model import Project

SERIES = (1, 2.5, 5)  # band edges: 1, 2.5, 5, 10, 25, 50, ... times a power of ten
SMALLEST_EDGE = 1_000


def band(value: int) -> tuple[int, int]:
    """The band [low, high) of the 1–2.5–5 series holding ``value`` (value >= 1)."""
    low = 0
    magnitude = SMALLEST_EDGE
    while True:
        for step in SERIES:
            edge = int(step * magnitude)
            if value < edge:
                return low, edge
            low = edge
        magnitude *= 10


@dataclass(frozen=True)
class Facts:
    """What the public edition prints about the estimated value and the phase values."""

    grouped: bool  # phase values withheld as a group
    phase_count: int
    sensitive_phase_count: int
    value_exact: int | None  # the estimated value when it may be printed exactly
    value_band: tuple[int, int] | None  # else its band (None when there is no value)

    @property
    def value_text(self) -> str:
        if self.value_exact is not None:
            return money(self.value_exact)
        if self.value_band is None:
            return "Not estimated"
        low, high = self.value_band
        if low == 0:
            return f"under {short_money(high)}"
        return f"{short_money(low)} to {short_money(high)}"


def any_phase_value_withheld(project: Project) -> bool:
    return any(ph.sensitive for ph in project.phases)


def facts(project: Project) -> Facts:
    """The facts of the *real* project (never call this on the redacted copy)."""
    grouped = any_phase_value_withheld(project)
    value = project.project.value_gbp
    if not grouped:
        return Facts(False, len(project.phases), 0, value, None)
    return Facts(
        True,
        len(project.phases),
        sum(ph.sensitive for ph in project.phases),
        None,
        band(value) if value > 0 else None,
    )


def withhold_totals(project: Project, data: dict[str, Any]) -> None:
    """In the redacted copy (as a dict): phase values and the estimated value become 0 when
    any phase value is withheld."""
    if not any_phase_value_withheld(project):
        return
    for phase in data["phases"]:
        phase["value_gbp"] = 0
    data["project"]["value_gbp"] = 0
    # a lot's value is a sum of phase values: the lots are withheld with them (as a lot that
    # covers a withheld phase already is), so "Withheld" is printed and no lot total includes it
    for lot in (data.get("procurement") or {}).get("lots") or []:
        lot["value_gbp"] = None
        lot["sensitive"] = True


def grouped_amounts(project: Project) -> list[int]:
    """The amounts the public edition must not print once phase values are grouped: each phase
    value and the estimated value (searched for when quoted in free text)."""
    if not any_phase_value_withheld(project):
        return []
    values = {ph.id: ph.value_gbp for ph in project.phases}
    amounts = [*values.values(), project.project.value_gbp]
    # Totals derived from them (a finding or a note may compute one): all phases, the
    # published ones, the withheld ones, and the estimated value less the phases.
    everything = sum(values.values())
    published = sum(ph.value_gbp for ph in project.phases if not ph.sensitive)
    amounts += [everything, published, everything - published,
                abs(project.project.value_gbp - everything),
                abs(project.project.value_gbp - published)]
    procurement = getattr(project, "procurement", None)
    for lot in getattr(procurement, "lots", []):
        amounts += [lot.value_gbp or 0, sum(values.get(ph, 0) for ph in lot.phases)]
    return sorted({a for a in amounts if a > 0})


def totals_note(project: Project, wording: dict[str, str]) -> str:
    """The redaction log's paragraph on the totals rule ("" when it does not apply)."""
    f = facts(project)
    if not f.grouped:
        return ""
    return wording["totals_rule"].format(
        count=f.phase_count,
        sensitive=f.sensitive_phase_count,
        phases="phase" if f.phase_count == 1 else "phases",
        carry="carries" if f.sensitive_phase_count == 1 else "carry",
        band=f.value_text,
    )


def document_date(project: Project) -> dt.date:
    """The business case's date: the project's ``document_date`` when set, else the date of
    the export: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    if project.project.document_date is not None:
        return project.project.document_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()
