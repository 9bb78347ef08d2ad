"""Structural edits of a project's lists, as pure functions: project in, new project out.

Each function takes a project, the ``path`` of a list in it (``("risks",)``, ``("procurement",
"lots")``, ``("steering_groups", 2, "members")``) and a row, and returns an ``Edit``: the new
project (a copy; the one passed in is left as it was), the undo step's name and the row to
select. References between items (``wizard.references``) stay whole: deleting an item unlinks
every reference to it, renaming its id carries them along, a duplicate gets a fresh id.
``next_id`` is the one allocator of ids (R1, R2, ...). The tables, the workshop keys and the
register import all edit through here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard.model import Project
from wizard.references import Touched, referrers, rewrite

Path = tuple[str | int, ...]

NAME_COPIED = ("name", "title")  # the fields a duplicate marks "(copy)"
MAX_NAME = 300


class EditError(ValueError):
    """An edit the model refuses; the message says what is wrong and where."""


def get_at(root: Any, path: Path) -> Any:
    """The value at ``path`` (attribute names and list indices) from ``root``."""
    obj = root
    for key in path:
        obj = obj[key] if isinstance(key, int) else getattr(obj, key)
    return obj


def next_id(existing: list[str] | set[str], prefix: str) -> str:
    """The first free id of the form PREFIX + number (R1, R2, ...)."""
    taken = set(existing)
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


@dataclass(frozen=True)
class Edit:
    """The outcome of a structural edit."""

    project: Project
    text: str  # the undo step's name: "Delete risk R3 and 2 references to it"
    row: int  # the row to select afterwards (-1: none)
    touched: tuple[Touched, ...] = ()  # the references the edit unlinked or carried along


def _ids(items: list[Any]) -> list[str]:
    return [getattr(i, "id", "") for i in items]


def _name(items: list[Any], row: int) -> str:
    return getattr(items[row], "id", None) or str(row + 1)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _copy_and_list(project: Project, path: Path) -> tuple[Project, list[Any]]:
    new = project.model_copy(deep=True)
    return new, get_at(new, path)


def _collection(path: Path) -> str | None:
    """The top-level collection at ``path`` (only its items are referred to by id)."""
    return path[0] if len(path) == 1 and isinstance(path[0], str) else None


def add(project: Project, path: Path, make: Callable[[Project, str], Any], noun: str,
        prefix: str = "") -> Edit:
    """A new item at the end of the list, with the next free id (when the list has ids)."""
    new, items = _copy_and_list(project, path)
    new_id = next_id(_ids(items), prefix) if prefix else ""
    items.append(make(new, new_id))
    suffix = f" {new_id}" if new_id else ""
    return Edit(new, f"Add {noun}{suffix}", len(items) - 1)


def duplicate(project: Project, path: Path, row: int, noun: str, prefix: str = "") -> Edit:
    """A copy of the item in ``row`` under it, with a fresh id and "(copy)" after its name."""
    new, items = _copy_and_list(project, path)
    copy = items[row].model_copy(deep=True)
    words = f"Duplicate {noun} {_name(items, row)}"
    if prefix:
        copy.id = next_id(_ids(items), prefix)
        words += f" as {copy.id}"
    for attr in NAME_COPIED:
        if hasattr(copy, attr):
            setattr(copy, attr, f"{getattr(copy, attr)} (copy)"[:MAX_NAME])
    items.insert(row + 1, copy)
    return Edit(new, words, row + 1)


def delete(project: Project, path: Path, row: int, noun: str) -> Edit:
    """The project without the item in ``row``; every reference to it unlinked."""
    new, items = _copy_and_list(project, path)
    text = f"Delete {noun} {_name(items, row)}"
    item = items.pop(row)
    item_id = getattr(item, "id", None)
    collection = _collection(path)
    touched: list[Touched] = []
    if item_id and collection:
        touched = rewrite(new, collection, item_id, None)
        if touched:
            text += f" and {_plural(len(touched), 'reference')} to it"
    return Edit(new, text, min(row, len(items) - 1), tuple(touched))


def delete_preview(project: Project, path: Path, row: int) -> str:
    """What deleting the item in ``row`` would unlink, in words: "Deleting P2 will unlink
    3 risks and 1 steering group" ("" when nothing refers to it)."""
    items = get_at(project, path)
    item_id = getattr(items[row], "id", None) if 0 <= row < len(items) else None
    collection = _collection(path)
    if not item_id or not collection:
        return ""
    return unlink_words(item_id, tuple(referrers(project, collection, item_id)))


def unlink_words(item_id: str, touched: tuple[Touched, ...]) -> str:
    unlinked: dict[str, set[str]] = {}
    removed: dict[str, set[str]] = {}
    for t in touched:
        (removed if t.ref.drop_holder else unlinked).setdefault(t.ref.noun, set()).add(t.where)
    parts = []
    for verb, groups in (("unlink", unlinked), ("remove", removed)):
        if groups:
            things = [_plural(len(wheres), noun) for noun, wheres in groups.items()]
            listed = things[0] if len(things) == 1 else f"{', '.join(things[:-1])} and {things[-1]}"
            parts.append(f"{verb} {listed}")
    return f"Deleting {item_id} will {' and '.join(parts)}" if parts else ""


def rename(project: Project, path: Path, row: int, new_id: str, noun: str) -> Edit:
    """The item in ``row`` under a new id, every reference to it carried along."""
    new_id = new_id.strip()
    new, items = _copy_and_list(project, path)
    old_id = items[row].id
    if new_id == old_id:
        return Edit(project, "", row)
    if new_id in set(_ids(items)):
        raise EditError(f"another {noun} already has the id '{new_id}'")
    try:
        items[row].id = new_id
    except ValueError:
        raise EditError(
            f"'{new_id}' is not a usable id: start with a letter or digit, then letters, "
            "digits, '.', '_' or '-' (at most 40)") from None
    text = f"Rename {noun} {old_id} to {new_id}"
    collection = _collection(path)
    touched = rewrite(new, collection, old_id, new_id) if collection else []
    if touched:
        text += f" and update {_plural(len(touched), 'reference')}"
    return Edit(new, text, row, tuple(touched))


def move(project: Project, path: Path, row: int, step: int, noun: str) -> Edit:
    """The item in ``row`` swapped with its neighbour ``step`` rows away (-1 up, 1 down)."""
    new, items = _copy_and_list(project, path)
    target = row + step
    items[row], items[target] = items[target], items[row]
    direction = "up" if step < 0 else "down"
    return Edit(new, f"Move {noun} {_name(items, target)} {direction}", target)
