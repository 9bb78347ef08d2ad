"""What a field says when the model refuses a typed value: the field's label, then the words of
``wizard.errors`` (from the error's type and context)."""

from __future__ import annotations

import pytest

from ui.document import Document, EditError
from ui.widgets.forms import plain_message
from wizard.model import MAX_SHORT, Project, Risk


def _refused(path, value) -> str:
    doc = Document(Project(risks=[Risk(id="R1", title="Demand falls")]))
    before = doc.project.model_copy(deep=True)
    with pytest.raises(EditError) as caught:
        doc.set_value(path, value)
    assert doc.project == before  # a refused edit changes nothing
    return str(caught.value)


def test_an_empty_title():
    message = _refused(("project", "title"), "")
    assert message == "project.title: cannot be empty"
    assert plain_message("Title", message) == "Title cannot be empty"


def test_a_title_too_long():
    message = _refused(("risks", 0, "title"), "x" * (MAX_SHORT + 1))
    assert plain_message("Title of R1", message) == (
        f"Title of R1 is too long ({MAX_SHORT + 1} characters); the most allowed is {MAX_SHORT}")


@pytest.mark.parametrize("value, words", [(6, "6 is too high; the most allowed is 5"),
                                          (0, "0 is too low; the least allowed is 1")])
def test_a_score_out_of_range(value, words):
    message = _refused(("risks", 0, "likelihood"), value)
    assert message == f"risks[0].likelihood: {words}"
    assert plain_message("Likelihood of R1", message) == f"Likelihood of R1: {words}"


def test_a_value_not_in_the_vocabulary():
    message = _refused(("risks", 0, "allocation"), "council")
    assert plain_message("Allocation of R1", message) == (
        "Allocation of R1: the text 'council' is not one of the allowed values: 'public', "
        "'private' or 'shared'")
