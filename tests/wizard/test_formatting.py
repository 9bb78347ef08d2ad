"""wizard.formatting: the one way amounts, dates, lengths and lists read, worked by hand."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wizard import formatting as f
from wizard.catalog import load_example
from wizard.export.business_case import business_case_for
from wizard.export.content import Para, Table
from wizard.model import KPI


def test_money_in_its_forms():
    assert f.money(12_500_000) == "£12,500,000"
    assert f.money(0) == "£0"
    assert f.signed_money(-840_000.4) == "−£840,000"
    assert f.signed_money(1_249_999.5) == "£1,250,000"
    assert f.signed_money(None) == "n/a"
    assert f.money_words(5_000_000) == "£5 million"
    assert f.money_words(1_500_000) == "£1.5 million"
    assert f.money_words(1_250_000) == "£1,250,000"
    assert f.money_words(200_000) == "£200,000"
    assert f.short_money(25_000_000) == "£25m"
    assert f.short_money(2_500_000) == "£2.5m"
    assert f.short_money(1_200_000_000) == "£1.2bn"
    assert f.short_money(250_000) == "£250,000"
    assert [f.axis_money(v) for v in (0, 800_000, 12_500_000, -3_000_000)] == [
        "£0", "£800k", "£12.5m", "−£3m"]


def test_percentages():
    assert f.percent(24) == "24%"
    assert f.percent(12.5) == "12.5%"
    assert f.percent(3, 1) == "3.0%"
    assert f.percent(None) == "n/a"


def test_dates():
    day = dt.date(2027, 4, 1)
    assert f.long_date(day) == "1 April 2027"
    assert f.short_date(day) == "1 Apr 2027"
    assert f.weekday_date(day) == "Thu 1 Apr 2027"
    moment = dt.datetime(2027, 4, 1, 14, 5)
    assert f.timestamp(moment) == "2027-04-01 14:05"
    assert f.clock_time(moment) == "14:05"


def test_counts_and_durations():
    assert f.count(1, "risk") == "1 risk"
    assert f.count(0, "risk") == "0 risks"
    assert f.count(2, "company", "companies") == "2 companies"
    assert f.months(1) == "1 month" and f.months(18) == "18 months"
    assert f.years_and_months(9) == "9 months"
    assert f.years_and_months(12) == "1 year"
    assert f.years_and_months(27) == "2 years 3 months"
    assert f.years_and_months(13) == "1 year 1 month"
    assert f.duration(120) == "10 years"
    assert f.duration(12) == "1 year"
    assert f.duration(9) == "9 months"
    assert f.duration(15) == "15 months (1 year 3 months)"
    assert f.months_in_years(180) == "180 months (15 years)"
    assert f.months_in_years(12) == "12 months (1 year)"
    assert f.months_in_years(18) == "18 months (1.5 years)"
    assert f.notice(1) == "1 month's notice"
    assert f.notice(6) == "6 months' notice"


@pytest.mark.parametrize("n, words", [(1, "every month"), (3, "every 3 months"),
                                      (12, "every year"), (24, "every 2 years"),
                                      (18, "every 18 months")])
def test_every(n, words):
    assert f.every(n) == words


def test_no_length_ever_reads_one_months_or_one_years():
    wrong = re.compile(r"(?<![\d.])1 (months|years)\b")
    for n in range(0, 1201):
        for text in (f.every(n), f.months(n), f.years_and_months(n), f.duration(n),
                     f.months_in_years(n), f.notice(n)):
            assert not wrong.search(text), (n, text)


def test_lists():
    assert f.listing([]) == ""
    assert f.listing(["a"]) == "a"
    assert f.listing(["a", "b"]) == "a and b"
    assert f.listing(["a", "b", "c"]) == "a, b and c"
    assert f.listing(["a", "", "c"]) == "a and c"


def test_a_kpi_assessed_monthly_reads_every_month_in_the_business_case():
    project = load_example("leisure")
    project.kpis = [*project.kpis, KPI(id="KPI-MONTHLY", name="Monthly visits",
                                       assessed_every_months=1)]
    blocks = business_case_for(project, "internal")[1].blocks
    table = next(b for b in blocks if isinstance(b, Table) and b.key == "kpis")
    row = next(r for r in table.rows if r[0] == "KPI-MONTHLY")
    assert row[table.header.index("Assessed")] == "every month"
    words = [b.text for b in blocks if isinstance(b, Para)] + [c for b in blocks if isinstance(b, Table)
                                                               for r in b.rows for c in r]
    assert not any(re.search(r"\b1 months\b", w) for w in words)
