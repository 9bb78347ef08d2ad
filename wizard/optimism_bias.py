"""The optimism bias library: the Green Book's published upper and lower bounds of the uplift
to capital and operating expenditure, read from templates/optimism_bias.json (which names its
source). Pure: ``bounds(option)`` says which bounds apply to an option and whether its uplift
is below them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wizard.formatting import percent

LIBRARY_FILE = Path(__file__).resolve().parents[1] / "templates" / "optimism_bias.json"


@dataclass(frozen=True)
class Bound:
    key: str
    label: str
    upper_pct: float
    lower_pct: float
    works_duration_upper_pct: float | None = None


@dataclass(frozen=True)
class Library:
    source: str
    note: str
    capital: tuple[Bound, ...]
    revenue: Bound

    def capital_bound(self, key: str) -> Bound | None:
        return next((b for b in self.capital if b.key == key), None)


@cache
def library() -> Library:
    with LIBRARY_FILE.open(encoding="utf-8") as handle:
        data = json.load(handle)

    def bound(entry: dict) -> Bound:
        return Bound(str(entry["key"]), str(entry["label"]), float(entry["upper_pct"]),
                     float(entry["lower_pct"]), entry.get("works_duration_upper_pct"))

    return Library(str(data["source"]), str(data["note"]),
                   tuple(bound(e) for e in data["capital"]), bound(data["revenue"]))


def basis(option) -> str:
    """The basis of an option's uplifts in words (category, bounds, reason)."""
    lib = library()
    cap = lib.capital_bound(option.optimism_bias_category)
    parts = []
    if cap is not None:
        parts.append(f"capital {percent(option.optimism_bias_capital_pct)} ({cap.label}: upper "
                     f"bound {percent(cap.upper_pct)}, lower bound {percent(cap.lower_pct)})")
    else:
        parts.append(f"capital {percent(option.optimism_bias_capital_pct)} (no category chosen)")
    rev = lib.revenue
    parts.append(f"revenue {percent(option.optimism_bias_revenue_pct)} ({rev.label}: upper bound "
                 f"{percent(rev.upper_pct)}, lower bound {percent(rev.lower_pct)})")
    return "; ".join(parts)


def reduced(option) -> bool:
    """True when either uplift is below its upper bound (a reason should then be recorded)."""
    lib = library()
    cap = lib.capital_bound(option.optimism_bias_category)
    below_cap = cap is not None and option.optimism_bias_capital_pct < cap.upper_pct
    return below_cap or option.optimism_bias_revenue_pct < lib.revenue.upper_pct


def below_lower_bound(option) -> list[str]:
    """The uplifts of an option that are below the library's lower bound, in words."""
    lib = library()
    found = []
    cap = lib.capital_bound(option.optimism_bias_category)
    if cap is not None and option.optimism_bias_capital_pct < cap.lower_pct:
        found.append(f"capital {percent(option.optimism_bias_capital_pct)} is below the lower bound "
                     f"of {percent(cap.lower_pct)} for {cap.label.lower()}")
    if option.optimism_bias_revenue_pct < lib.revenue.lower_pct:
        found.append(f"revenue {percent(option.optimism_bias_revenue_pct)} is below the lower bound "
                     f"of {percent(lib.revenue.lower_pct)}")
    return found
