"""The thresholds are defined once and every reader gets them from there."""

from __future__ import annotations

import pytest

from wizard import thresholds
from wizard.checks import rule
from wizard.formatting import money_words as gbp_words
from wizard.model import Accountability
from wizard.risk import band_of


def test_values_by_name_for_the_data_files():
    assert thresholds.value("PA2023_OVER") == 5_000_000
    assert thresholds.value("LONG_PHASE") == 36
    with pytest.raises(KeyError, match="no threshold called 'value'"):
        thresholds.value("value")
    with pytest.raises(KeyError, match="no threshold called 'NOT_ONE'"):
        thresholds.value("NOT_ONE")


def test_money_in_words():
    assert [gbp_words(v) for v in (5_000_000, 1_500_000, 200_000, 25_000, 1_234_567)] == [
        "£5 million", "£1.5 million", "£200,000", "£25,000", "£1,234,567"]


def test_bands_titles_and_defaults_read_the_thresholds():
    assert band_of(thresholds.VERY_HIGH_RISK) == "very high"
    assert band_of(thresholds.VERY_HIGH_RISK - 1) == "high"
    assert band_of(thresholds.HIGH_RISK - 1) == "medium"
    assert rule("open-book").title == "Open book accounting on contracts of £1 million and over"
    assert rule("kpi-count").title == "At least 3 KPIs over £5 million (Procurement Act 2023 s.52)"
    assert Accountability().subcontract_threshold_gbp == thresholds.SUBCONTRACT_THRESHOLD
