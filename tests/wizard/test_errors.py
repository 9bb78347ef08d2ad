"""wizard.errors: what a user reads for each common kind of pydantic error, naming the field.

Each case is a real project file with one wrong value, opened with ``storage.loads``: the
message is worked from the error's type and context, never from pydantic's English text.
"""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from wizard import errors, storage
from wizard.model import MAX_SHORT, MAX_SMALL_LIST, Project, Risk


def _file(change) -> str:
    data = json.loads(storage.dumps(Project(risks=[Risk(id="R1", title="Demand falls")])))
    change(data)
    return json.dumps(data)


def _refusal(change) -> storage.ProjectFileError:
    with pytest.raises(storage.ProjectFileError) as caught:
        storage.loads(_file(change))
    return caught.value


CASES = {
    "string_too_long": (
        lambda d: d["project"].__setitem__("title", "x" * (MAX_SHORT + 5)),
        "project.title", f"is too long ({MAX_SHORT + 5} characters); the most allowed is {MAX_SHORT}"),
    "string_too_short": (
        lambda d: d["risks"][0].__setitem__("title", ""),
        "risks[0].title", "must not be empty"),
    "greater_than_equal": (
        lambda d: d["risks"][0].__setitem__("likelihood", 0),
        "risks[0].likelihood", "0 is too low; the least allowed is 1"),
    "less_than_equal": (
        lambda d: d["risks"][0].__setitem__("impact", 6),
        "risks[0].impact", "6 is too high; the most allowed is 5"),
    "int_parsing": (
        lambda d: d["risks"][0].__setitem__("impact", "four"),
        "risks[0].impact", "must be a whole number, not the text 'four'"),
    "int_from_float": (
        lambda d: d["risks"][0].__setitem__("impact", 2.5),
        "risks[0].impact", "must be a whole number, not 2.5"),
    "extra_forbidden": (
        lambda d: d["risks"][0].__setitem__("colour", "red"),
        "risks[0].colour", "is not a field Changemaker knows (unknown field); remove it or check "
        "its spelling"),
    "missing": (
        lambda d: d["risks"][0].pop("id"),
        "risks[0].id", "is required but missing"),
    "enum": (
        lambda d: d["risks"][0].__setitem__("allocation", "council"),
        "risks[0].allocation", "the text 'council' is not one of the allowed values: 'public', "
        "'private' or 'shared'"),
    "literal_error": (
        lambda d: d.__setitem__("decisions", [{"time": "2027-04-01T10:00:00", "item_kind": "cats"}]),
        "decisions[0].item_kind", "must be "),
    "date_from_datetime_parsing": (
        lambda d: d["project"].__setitem__("start", "1 April 2027"),
        "project.start", "must be a date written YYYY-MM-DD, not the text '1 April 2027'"),
    "too_long": (
        lambda d: d["project"].__setitem__("commissioners", ["A council"] * (MAX_SMALL_LIST + 1)),
        "project.commissioners", f"has too many items ({MAX_SMALL_LIST + 1}); the most allowed "
        f"is {MAX_SMALL_LIST}"),
    "bool_type": (
        lambda d: d["risks"][0].__setitem__("sensitive", "yes"),
        "risks[0].sensitive", "must be true or false, not the text 'yes'"),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_a_file_with_one_wrong_value_names_the_field_and_says_what_is_wrong(kind):
    change, field, words = CASES[kind]
    refusal = _refusal(change)
    assert refusal.field == field
    if kind == "literal_error":  # the allowed kinds are listed after "must be"
        assert refusal.problem.startswith("must be ") and refusal.problem.endswith(
            "not the text 'cats'")
        assert "'risks'" in refusal.problem
    else:
        assert refusal.problem == words
    assert str(refusal) == f"<memory>: {field}: {refusal.problem}"


def test_the_words_come_from_the_type_and_context_not_pydantic_english():
    # the same error with pydantic's message replaced: the words do not change
    error = {"type": "less_than_equal", "loc": ("risks", 2, "impact"), "msg": "Eingabe zu groß",
             "input": 9, "ctx": {"le": 5}}
    assert errors.explain(error) == ("risks[2].impact", "9 is too high; the most allowed is 5")
    error = {"type": "string_too_short", "loc": ("title",), "msg": "?", "input": "",
             "ctx": {"min_length": 1}}
    assert errors.problem(error) == "must not be empty"
    assert errors.problem(error, editing=True) == "cannot be empty"


def test_a_check_of_the_whole_model_keeps_its_own_words():
    with pytest.raises(ValidationError) as caught:
        Risk(id="R1", title="Floods", cost_min_gbp=500, cost_likely_gbp=100, cost_max_gbp=900)
    field, words = errors.first(caught.value)
    assert field == ""
    assert words.startswith("risk R1: the cost range must run minimum <= most likely <= maximum")
    assert "(minimum £500, most likely £100, maximum £900)" in words


@pytest.mark.parametrize("words, joined", [
    ("cannot be empty", "Title cannot be empty"),
    ("is too long (301 characters); the most allowed is 300", "Title is too long (301 "
     "characters); the most allowed is 300"),
    ("6 is too high; the most allowed is 5", "Title: 6 is too high; the most allowed is 5"),
    ("another phase already has the id 'PH2'", "Title: another phase already has the id 'PH2'"),
])
def test_a_sentence_puts_the_field_first(words, joined):
    assert errors.sentence("Title", words) == joined


def test_an_unknown_key_of_a_megabyte_is_clipped_in_the_path():
    assert errors.field_path(("risks", 0, "k" * 1_000_000)) == "risks[0]." + "k" * 39 + "…"
