"""What changed between two versions of a project, small enough to keep for every undo step.

``diff(old, new)`` walks both projects and returns the changes, finest first: a field that
differs (``Change``), or, where a list grew or shrank, the stretch of it between the common
beginning and end (``Splice``). Deleting one risk of 2,000 keeps that one risk and the fields
that referred to it, not two copies of the project. ``apply(project, changes)`` makes them in
place (``undo=True``: backwards). Both ends of a change were validated when the edit was made,
so applying it does not validate again (which also lets a change pass through a state a
model validator would refuse half-way, e.g. a partner removed before its risks are unlinked).
"""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Change:
    """The field (or list entry) at ``path`` goes from ``old`` to ``new``."""

    path: Path
    old: Any
    new: Any


@dataclass(frozen=True)
class Splice:
    """``list[start:start + len(old)]`` at ``path`` goes from ``old`` to ``new``."""

    path: Path
    start: int
    old: tuple[Any, ...]
    new: tuple[Any, ...]


Step = Change | Splice


def diff(old: Any, new: Any, path: Path = ()) -> list[Step]:
    """The changes that turn ``old`` into ``new`` (copies: later edits cannot alter them)."""
    if old == new:
        return []
    if isinstance(old, BaseModel) and type(old) is type(new):
        steps: list[Step] = []
        for name in type(old).model_fields:
            steps += diff(getattr(old, name), getattr(new, name), (*path, name))
        return steps
    if isinstance(old, list) and isinstance(new, list) and path:
        if len(old) == len(new):
            steps = []
            for i, (a, b) in enumerate(zip(old, new, strict=True)):
                steps += diff(a, b, (*path, i))
            return steps
        start = 0
        shortest = min(len(old), len(new))
        while start < shortest and old[start] == new[start]:
            start += 1
        end = 0
        while end < shortest - start and old[-1 - end] == new[-1 - end]:
            end += 1
        return [Splice(path, start, copy.deepcopy(tuple(old[start:len(old) - end])),
                       copy.deepcopy(tuple(new[start:len(new) - end])))]
    if not path:
        raise ValueError("diff needs two projects of the same kind")
    return [Change(path, copy.deepcopy(old), copy.deepcopy(new))]


def _get(root: Any, path: Path) -> Any:
    obj = root
    for key in path:
        obj = obj[key] if isinstance(key, int) else getattr(obj, key)
    return obj


def apply(project: Any, steps: list[Step], undo: bool = False) -> None:
    """Make ``steps`` in ``project`` (in place); ``undo=True`` takes them back, last first."""
    for step in reversed(steps) if undo else steps:
        if isinstance(step, Splice):
            now, then = (step.new, step.old) if undo else (step.old, step.new)
            items = _get(project, step.path)
            items[step.start:step.start + len(now)] = copy.deepcopy(list(then))
            continue
        value = copy.deepcopy(step.old if undo else step.new)
        *head, last = step.path
        parent = _get(project, tuple(head))
        if isinstance(last, int):
            parent[last] = value
        else:
            parent.__dict__[last] = value  # validated when the edit was made


def size(steps: list[Step]) -> int:
    """What the steps keep, in bytes (pickled): a measure of an undo step's memory."""
    return len(pickle.dumps(steps))
