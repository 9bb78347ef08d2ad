"""What the commercial and management checks share: the way they name dates and items."""

from __future__ import annotations

import datetime as dt


def day(value: dt.date) -> str:
    """A date as a user reads it in a message: 'Thu 1 Apr 2027'."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def lot_label(lot) -> str:
    return f"Lot {lot.id} {lot.name}"


def benefit_label(benefit) -> str:
    return f"{benefit.id} {benefit.benefit}"
