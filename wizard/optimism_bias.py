"""The optimism bias library: the Green Book's published upper and lower bounds of the uplift
to capital and operating expenditure, read from templates/optimism_bias.json (which names its
source). Pure: ``bounds(option)`` says which bounds apply to an option and whether its uplift
is below them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from wizard.formatting import percent

LIBRARY_FILE = Path(__file__).resolve().parents[1] / "templates" / "optimism_bias.json"


class _Data(BaseModel):
    """Read from the library file: every field of its type, nothing unknown (a number may be
    written 24 or 24.0)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bound(_Data):
    key: str = Field(min_length=1)
    label: str = Field(min_length=1)
    upper_pct: float = Field(ge=0, le=1000)
    lower_pct: float = Field(ge=0, le=1000)
    works_duration_upper_pct: float | None = Field(default=None, ge=0, le=1000)


class Library(_Data):
    format: str = "changemaker-optimism-bias"
    version: int = 1
    source: str
    note: str
    capital: tuple[Bound, ...]
    revenue: Bound

    def capital_bound(self, key: str) -> Bound | None:
        return next((b for b in self.capital if b.key == key), None)


@cache
def library() -> Library:
    return Library.model_validate_json(LIBRARY_FILE.read_bytes())


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
