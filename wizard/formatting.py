"""How Changemaker writes numbers, dates, durations and lists for a reader: the one owner.

Every export (business case, schedules, register, OCDS descriptions), every finding of the
checks, the command line and the app's labels call these, so a value reads the same wherever it
appears. Pure functions of their arguments; no locale is consulted (the wording is UK English).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

MINUS = "−"  # U+2212, the minus sign a reader expects before an amount
NOT_AVAILABLE = "n/a"

# Money (whole pounds) ---------------------------------------------------------------------------


def money(value: int) -> str:
    """Whole pounds as a user reads them: £12,500,000."""
    return f"£{value:,}"


def signed_money(value: float | None) -> str:
    """Pounds rounded to the pound, with a minus sign in front when negative: £1,250,000,
    −£840,000; "n/a" for no value."""
    if value is None:
        return NOT_AVAILABLE
    pounds = round(value)
    return f"{MINUS}{money(-pounds)}" if pounds < 0 else money(pounds)


def money_words(value: int) -> str:
    """Whole pounds as a sentence says them: £5 million, £1.5 million, £200,000."""
    if value >= 1_000_000 and value % 100_000 == 0:
        millions = value / 1_000_000
        digits = 0 if value % 1_000_000 == 0 else 1
        return f"£{millions:,.{digits}f} million"
    return money(value)


def short_money(value: int) -> str:
    """£25m, £2.5m, £1.2bn, £250,000: how the edge of a value band is printed."""
    if value >= 1_000_000_000 and value % 100_000_000 == 0:
        return f"£{value / 1_000_000_000:g}bn"
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"£{value / 1_000_000:g}m"
    return money(value)


def axis_money(value: float) -> str:
    """An axis label: £0, £800k, £12.5m, −£3m, £1.2bn."""
    sign = MINUS if value < 0 else ""
    v = abs(value)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if v >= size:
            number = f"{v / size:.1f}".rstrip("0").rstrip(".")
            return f"{sign}£{number}{suffix}"
    return f"{sign}£{v:.0f}"


# Percentages -----------------------------------------------------------------------------------


def percent(value: float | None, digits: int | None = None) -> str:
    """A percentage: 24%, 12.5% (as few digits as the value needs), or with ``digits``
    decimals: 3.0%; "n/a" for no value."""
    if value is None:
        return NOT_AVAILABLE
    return f"{value:g}%" if digits is None else f"{value:.{digits}f}%"


# Dates -----------------------------------------------------------------------------------------


def long_date(day: dt.date) -> str:
    """A date in running text: 1 April 2027."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def short_date(day: dt.date) -> str:
    """A date in a field, label or table cell: 1 Apr 2027."""
    return f"{day.day} {day:%b %Y}"


def month_year(day: dt.date) -> str:
    """A month on a time axis: Apr 2027."""
    return f"{day:%b %Y}"


def weekday_date(day: dt.date) -> str:
    """A date a reader must act on, with its weekday: Thu 1 Apr 2027."""
    return f"{day:%a} {short_date(day)}"


def timestamp(moment: dt.datetime) -> str:
    """A moment in a log: 2027-04-01 14:05."""
    return moment.strftime("%Y-%m-%d %H:%M")


def clock_time(moment: dt.datetime) -> str:
    """The time of day: 14:05."""
    return moment.strftime("%H:%M")


# Counts and durations --------------------------------------------------------------------------


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 risk', '3 risks', '0 risks'; ``plural`` for a noun that does not take an s."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def months(n: int) -> str:
    """'1 month', '18 months'."""
    return count(n, "month")


def years_and_months(n: int) -> str:
    """A number of months in years where it can: '9 months', '1 year', '2 years 3 months'."""
    whole, rest = divmod(n, 12)
    if not whole:
        return months(n)
    in_years = count(whole, "year")
    return in_years if not rest else f"{in_years} {months(rest)}"


def duration(n: int) -> str:
    """A contract or phase length: '2 years', '9 months', '15 months (1 year 3 months)'."""
    if n % 12 == 0 or n < 12:
        return years_and_months(n)
    return f"{months(n)} ({years_and_months(n)})"


def months_in_years(n: int) -> str:
    """A length as the checks quote it, months first: '180 months (15 years)',
    '18 months (1.5 years)'."""
    if n % 12 == 0:
        return f"{months(n)} ({count(n // 12, 'year')})"
    return f"{months(n)} ({n / 12:.1f} years)"


def every(n: int) -> str:
    """How often, in words: 'every month', 'every 3 months', 'every year', 'every 2 years'
    (never 'every 1 months')."""
    if n == 1:
        return "every month"
    if n % 12 == 0:
        return "every year" if n == 12 else f"every {n // 12} years"
    return f"every {n} months"


def months_of(n: int) -> str:
    """The possessive, as in a notice period: "1 month's", "6 months'"."""
    return "1 month's" if n == 1 else f"{n} months'"


def notice(n: int) -> str:
    """A notice period: "1 month's notice", "6 months' notice"."""
    return f"{months_of(n)} notice"


# Lists -----------------------------------------------------------------------------------------


def listing(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c' ('' for none); empty words are left out."""
    items = [w for w in words if w]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def clip(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters (ending in …) for quoting in a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
