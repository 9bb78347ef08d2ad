"""A contract start beyond the horizon is refused in the app as at load, in plain words."""

import datetime as dt

import pytest

from ui.document import Document, EditError


def test_a_start_beyond_the_horizon_is_refused_with_the_horizon_named():
    doc = Document()
    with pytest.raises(EditError) as caught:
        doc.set_value(("project", "start"), dt.date(2300, 1, 1))
    assert str(caught.value) == (
        "project.start: the contract start 2300-01-01 is outside the years Changemaker plans "
        "for: it must fall between 1900-01-01 and 2200-12-31, so that every month counted from "
        "it is a real date")
    assert doc.project.project.start == dt.date(2027, 4, 1) and not doc.is_dirty
    doc.set_value(("project", "start"), dt.date(2200, 12, 31))  # the last day allowed
    assert doc.project.project.start == dt.date(2200, 12, 31)
