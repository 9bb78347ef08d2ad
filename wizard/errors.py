"""Pydantic's validation errors in a user's words: the one translator.

Opening a file (``wizard.storage``), an edit the app refuses (``ui.document``), a field's red
message (``ui.widgets.forms``) and a row of an imported register (``wizard.export.register``)
all say what is wrong through here. The words come from the error's ``type`` and ``ctx``
(pydantic v2 ``ErrorDetails``), never from pydantic's English message, so they stay the same
whatever pydantic's own wording becomes.

A value typed into a field and a value read from a file differ in one phrase only (an empty
text "cannot be empty" as the user types, "must not be empty" in a file). A problem either follows the name of the field ("Title cannot be empty") or stands after a
colon because it starts with the value ("Likelihood: 6 is too high; the most allowed is 5");
``sentence`` joins them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from wizard.formatting import clip

# What a problem that reads straight after the field's name starts with (all of ours that do).
FOLLOWS_NAME = ("is ", "must ", "has ", "needs ", "cannot ")
ID_RULE = ("an id is 1 to 40 letters, digits, '_', '.' or '-', starting with a letter or digit")


def describe(value: Any) -> str:
    """A short plain description of a value, for messages: 7, the text 'abc', a list."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return clip(repr(value))
    if isinstance(value, str):
        return f"the text '{clip(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return clip(repr(value))


def field_path(loc: Sequence[int | str]) -> str:
    """``risks[3].likelihood``; a part that is not a field of the model (an unknown key of any
    length) is clipped, so a message never echoes megabytes."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            name = clip(str(part))
            path += f".{name}" if path else name
    return path


def _own_words(error: Mapping[str, Any]) -> str:
    """A ValueError our model raised: its message, without pydantic's 'Value error, '."""
    ctx = error.get("ctx") or {}
    return str(ctx.get("error", error.get("msg", ""))).removeprefix("Value error, ")


_KIND_WORDS: dict[str, str] = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a field Changemaker knows (unknown field); remove it or check its "
    "spelling",
}
_TYPE_WORDS: dict[str, str] = {
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "list_type": "must be a list [...]",
    "model_type": "must be an object {...}",
    "model_attributes_type": "must be an object {...}",
    "dict_type": "must be an object {...}",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "int_parsing_size": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
}


def problem(error: Mapping[str, Any], editing: bool = False) -> str:
    """What is wrong, in words, from one pydantic error (its type, context and input).

    ``editing``: the user has just typed the value into a field (an empty one "cannot be
    empty"); otherwise it was read from a file (an empty one "must not be empty")."""
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    given = error.get("input")
    if kind in _KIND_WORDS:
        return _KIND_WORDS[kind]
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]}, not {describe(given)}"
    if kind == "string_pattern_mismatch":
        return f"{describe(given)} is not a valid id: {ID_RULE}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{describe(given)} is too low; the least allowed is {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{describe(given)} is too high; the most allowed is {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        if least == 1:
            return "cannot be empty" if editing else "must not be empty"
        return f"is too short; the least allowed is {least} characters"
    if kind == "string_too_long":
        length = len(given) if isinstance(given, str) else "?"
        return f"is too long ({length} characters); the most allowed is {ctx.get('max_length')}"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return "needs at least one entry" if least == 1 else f"needs at least {least} entries"
    if kind == "too_long":
        return (f"has too many items ({ctx.get('actual_length', '?')}); the most allowed is "
                f"{ctx.get('max_length')}")
    if kind == "enum":
        return f"{describe(given)} is not one of the allowed values: {ctx.get('expected')}"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}, not {describe(given)}"
    if kind.startswith("datetime"):  # before "date", which is its prefix
        return f"must be a date and time written YYYY-MM-DDTHH:MM:SS, not {describe(given)}"
    if kind.startswith("date"):
        return f"must be a date written YYYY-MM-DD, not {describe(given)}"
    if kind == "value_error":
        return _own_words(error)
    return f"{error.get('msg', 'is not valid')} (given {describe(given)})"


def explain(error: Mapping[str, Any] | ErrorDetails, editing: bool = False) -> tuple[str, str]:
    """(the field's path, what is wrong) for one error. A check of the whole model (a
    reference, a range across fields) has no field: its own message names both ends."""
    loc = tuple(error.get("loc", ()))
    if error.get("type") == "value_error" and not loc:
        return "", _own_words(error)
    return field_path(loc), problem(error, editing)


def first(err: ValidationError, editing: bool = False) -> tuple[str, str]:
    """The first problem of a failed validation: (field path, words)."""
    return explain(err.errors(include_url=False)[0], editing)


def sentence(subject: str, words: str) -> str:
    """'Title cannot be empty'; 'Likelihood of R1: 6 is too high; the most allowed is 5'."""
    return f"{subject} {words}" if words.startswith(FOLLOWS_NAME) else f"{subject}: {words}"
