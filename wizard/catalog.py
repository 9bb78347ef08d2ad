"""The libraries and worked examples shipped as data in the repository's ``templates/`` folder.

- ``risk_library()``: for every risk category, its title, a description, the usual allocation
  (with the public share when shared) and a typical mitigation.
- ``clause_library()``: for every break-clause trigger, a description, the usual notice and
  compensation, and guidance.
- ``example_names()`` / ``load_example(name)``: the example projects, validated by the model.

The files are read once and cached; the results are immutable (frozen dataclasses), so callers
may share them freely.
"""

from __future__ import annotations

import functools
import json
import pathlib
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from wizard.model import Project
from wizard.vocab import Allocation, BreakTrigger, Compensation, RiskCategory

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

RISK_LIBRARY_FILE = "risk_categories.json"
CLAUSE_LIBRARY_FILE = "break_clauses.json"
EXAMPLES_FOLDER = "examples"
EXAMPLE_SUFFIX = ".changemaker.json"
EXAMPLE_NAMES = ("leisure", "childrens-services", "regeneration")


@dataclass(frozen=True)
class CategoryInfo:
    code: RiskCategory
    title: str
    description: str
    typical_allocation: Allocation
    typical_public_share: int  # % borne by the public side (100 public, 0 private)
    typical_mitigation: str
    ocds: bool  # an OCDS for PPPs risk category code (else a UK service-contract risk)


@dataclass(frozen=True)
class ClauseInfo:
    trigger: BreakTrigger
    title: str
    description: str
    typical_notice_months: int
    typical_compensation: Compensation
    guidance: str


class LibraryError(ValueError):
    """A library file in templates/ is missing or malformed."""


class UnknownExample(KeyError):
    """No example of that name; the message lists the known names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "Unknown example"


def templates_dir() -> pathlib.Path:
    """The repository's templates/ folder (beside the wizard package)."""
    return pathlib.Path(__file__).resolve().parent.parent / "templates"


def _read_json(path: pathlib.Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LibraryError(f"The library file {path.name} is missing from templates/") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise LibraryError(f"The library file {path.name} cannot be read: {reason}") from None


def _field(entry: dict, key: str, kind: type, where: str) -> Any:
    if key not in entry:
        raise LibraryError(f"{where}: '{key}' is missing")
    value = entry[key]
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        raise LibraryError(f"{where}: '{key}' should be {kind.__name__}, not {value!r}")
    return value


def _enum(enum: type, value: Any, where: str, key: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        known = ", ".join(e.value for e in enum)
        raise LibraryError(f"{where}: '{key}' is '{value}', expected one of: {known}") from None


def _library(file: str, list_key: str, key_field: str, vocabulary: type[E],
             build: Callable[[dict, str, E], T]) -> dict[E, T]:
    """Read a library file: a list of entries, one per vocabulary value, in vocabulary order.

    ``build(entry, where, key)`` makes the entry's info; ``where`` names it in messages.
    """
    data = _read_json(templates_dir() / file)
    entries = data.get(list_key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LibraryError(f"{file}: expected a '{list_key}' list")
    found: dict[E, T] = {}
    for index, entry in enumerate(entries):
        where = f"{file} {list_key}[{index}]"
        if not isinstance(entry, dict):
            raise LibraryError(f"{where}: expected an object")
        key = _enum(vocabulary, _field(entry, key_field, str, where), where, key_field)
        info = build(entry, where, key)
        if key in found:
            raise LibraryError(f"{where}: {key_field} '{key.value}' appears twice")
        found[key] = info
    missing = [k.value for k in vocabulary if k not in found]
    if missing:
        raise LibraryError(f"{file}: no entry for {', '.join(missing)}")
    return {k: found[k] for k in vocabulary}


def _category(entry: dict, where: str, code: RiskCategory) -> CategoryInfo:
    share = _field(entry, "typical_public_share", int, where)
    if not 0 <= share <= 100:
        raise LibraryError(f"{where}: 'typical_public_share' must be 0 to 100, not {share}")
    return CategoryInfo(
        code=code,
        title=_field(entry, "title", str, where),
        description=_field(entry, "description", str, where),
        typical_allocation=_enum(
            Allocation, _field(entry, "typical_allocation", str, where), where,
            "typical_allocation",
        ),
        typical_public_share=share,
        typical_mitigation=_field(entry, "typical_mitigation", str, where),
        ocds=_field(entry, "ocds", bool, where),
    )


def _clause(entry: dict, where: str, trigger: BreakTrigger) -> ClauseInfo:
    notice = _field(entry, "typical_notice_months", int, where)
    if not 0 <= notice <= 120:
        raise LibraryError(f"{where}: 'typical_notice_months' must be 0 to 120, not {notice}")
    return ClauseInfo(
        trigger=trigger,
        title=_field(entry, "title", str, where),
        description=_field(entry, "description", str, where),
        typical_notice_months=notice,
        typical_compensation=_enum(
            Compensation, _field(entry, "typical_compensation", str, where), where,
            "typical_compensation",
        ),
        guidance=_field(entry, "guidance", str, where),
    )


@functools.cache
def risk_library() -> dict[RiskCategory, CategoryInfo]:
    """Every risk category with its guidance, in vocabulary order."""
    return _library(RISK_LIBRARY_FILE, "categories", "code", RiskCategory, _category)


@functools.cache
def clause_library() -> dict[BreakTrigger, ClauseInfo]:
    """Every break-clause trigger with its guidance, in vocabulary order."""
    return _library(CLAUSE_LIBRARY_FILE, "clauses", "trigger", BreakTrigger, _clause)


def example_names() -> list[str]:
    """The examples a user can start from, in the order the wizard offers them."""
    return list(EXAMPLE_NAMES)


def example_path(name: str) -> pathlib.Path:
    """The file of a named example; UnknownExample for a name that is not one of ours."""
    if name not in EXAMPLE_NAMES:
        known = ", ".join(EXAMPLE_NAMES)
        raise UnknownExample(f"There is no example called '{name}'. The examples are: {known}")
    return templates_dir() / EXAMPLES_FOLDER / f"{name}{EXAMPLE_SUFFIX}"


def _parse(text: str, source: str) -> Project:
    try:
        from wizard.storage import loads  # migrations and friendly errors, when available
    except ImportError:
        return Project.model_validate_json(text)
    return loads(text, source=source)


def load_example(name: str) -> Project:
    """A fresh, validated copy of a named example project (a new object on every call)."""
    path = example_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LibraryError(f"The example '{name}' cannot be read: {exc.strerror or exc}") from None
    return _parse(text, path.name)
