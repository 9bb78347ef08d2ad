"""Working days as the Procurement Act 2023 counts them for the standstill (s.51): weekends and
the bank holidays of England and Wales (from the ``holidays`` package) are not working days.

The standstill is at least ``STANDSTILL_WORKING_DAYS`` working days beginning with the day after
the contract award notice is published; the contract may be entered into only once it has ended.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays

STANDSTILL_WORKING_DAYS = 8  # Procurement Act 2023 s.51
HOLIDAY_COUNTRY = "GB"
HOLIDAY_SUBDIVISION = "ENG"  # England; Wales has the same bank holidays
_ONE_DAY = dt.timedelta(days=1)


@cache
def _bank_holidays(year: int) -> frozenset[dt.date]:
    found = holidays.country_holidays(HOLIDAY_COUNTRY, subdiv=HOLIDAY_SUBDIVISION, years=year)
    return frozenset(found)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def bank_holiday_name(day: dt.date) -> str:
    found = holidays.country_holidays(HOLIDAY_COUNTRY, subdiv=HOLIDAY_SUBDIVISION,
                                      years=day.year)
    return str(found.get(day, ""))


def working_days_between(first: dt.date, last: dt.date) -> int:
    """Working days strictly after ``first`` and strictly before ``last`` (0 if none)."""
    count = 0
    day = first + _ONE_DAY
    while day < last:
        count += is_working_day(day)
        day += _ONE_DAY
    return count


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start`` (``start`` itself if count is 0)."""
    day = start
    while count > 0:
        day += _ONE_DAY
        count -= is_working_day(day)
    return day


def standstill_last_day(award_notice: dt.date) -> dt.date:
    """The last day of the shortest standstill after a contract award notice."""
    return add_working_days(award_notice, STANDSTILL_WORKING_DAYS)


def holidays_between(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """The bank holidays on weekdays strictly between two dates, with their names."""
    out = []
    day = first + _ONE_DAY
    while day < last:
        if day.weekday() < 5 and day in _bank_holidays(day.year):
            out.append((day, bank_holiday_name(day)))
        day += _ONE_DAY
    return out
