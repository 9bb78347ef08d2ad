"""Every threshold the changemaking rules use, defined once.

The checks (``wizard.checks``), the evidence tests of the scorecard (``templates/evidence.json``
names these constants), the pages and their labels all read them from here, so a threshold
changes in one place and the app, ``changemaker check`` and the business case agree.
"""

from __future__ import annotations

# Money (whole pounds), from the report and the Procurement Act 2023 ----------------------------
OPEN_BOOK_FROM = 1_000_000  # open book accounting and full data disclosure at £1m and over
ACCREDITATION_FROM = 200_000  # social responsibility accreditation at £200,000 or more
SUBCONTRACT_THRESHOLD = 25_000  # sub-contracting opportunities and awards over £25,000 public
PA2023_OVER = 5_000_000  # Procurement Act 2023 ss.52, 53, 71: contracts over £5m

# Key performance indicators (Procurement Act 2023) ----------------------------------------------
MIN_KPIS = 3  # s.52: at least three KPIs on a contract over £5m
ASSESS_EVERY = 12  # s.71: performance assessed at least every 12 months

# Risk scores on the 5×5 matrix (likelihood × impact) -------------------------------------------
MEDIUM_RISK = 5  # the "medium" band starts here
HIGH_RISK = 10  # the "high" band starts here
VERY_HIGH_RISK = 15  # the "very high" band starts here

# Durations (months) ---------------------------------------------------------------------------
LONG_CONTRACT = 180  # fifteen years or more: divide into phases or add break points
LONG_PHASE = 36  # a phase longer than three years needs a review point
LONG_BREAK = 60  # a contract over five years needs a change-of-control break clause
MAX_NOTICE = 12  # a proportionate notice period for a break clause: at most a year

# Options --------------------------------------------------------------------------------------
MIN_OPTIONS = 2  # the 'blank sheet of paper': compare at least two options


def value(name: str) -> int:
    """The threshold called ``name`` (as the data files name it); KeyError if there is none."""
    found = globals().get(name)
    if not name.isupper() or not isinstance(found, int):
        raise KeyError(f"no threshold called '{name}'")
    return found
