"""The libraries and worked examples shipped as data in the repository's ``templates/`` folder.

- ``risk_library()``: for every risk category, its title, a description, the usual allocation
  (with the public share when shared) and a typical mitigation.
- ``clause_library()``: for every break-clause trigger, a description, the usual notice and
  compensation, and guidance.
- ``example_names()`` / ``load_example(name)``: the example projects, validated by the model.

The library files are validated by small pydantic models (strict, no unknown fields), read once
and cached; the entries are frozen, so callers may share them freely.
"""

from __future__ import annotations

import functools
import pathlib
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from wizard import errors, storage
from wizard.model import Project
from wizard.vocab import Allocation, BreakTrigger, Compensation, RiskCategory

E = TypeVar("E", bound=Enum)

RISK_LIBRARY_FILE = "risk_categories.json"
CLAUSE_LIBRARY_FILE = "break_clauses.json"
EXAMPLES_FOLDER = "examples"
EXAMPLE_SUFFIX = ".changemaker.json"
EXAMPLE_NAMES = ("leisure", "childrens-services", "regeneration")


def _vocabulary(enum: type[Enum]) -> BeforeValidator:
    """A value of ``enum`` given by its code; anything else is refused naming the codes."""

    def read(value: Any) -> Any:
        if isinstance(value, enum):
            return value
        try:
            return enum(value)
        except ValueError:
            known = ", ".join(e.value for e in enum)
            raise ValueError(f"is '{value}', expected one of: {known}") from None

    return BeforeValidator(read)


class _Entry(BaseModel):
    """An entry of a library file: every field given, of its type, nothing else."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True,
                              defer_build=True)  # built when a library is first read


class CategoryInfo(_Entry):
    code: Annotated[RiskCategory, _vocabulary(RiskCategory)]
    title: str
    description: str
    typical_allocation: Annotated[Allocation, _vocabulary(Allocation)]
    typical_public_share: int = Field(ge=0, le=100)  # % borne by the public side
    typical_mitigation: str
    ocds: bool  # an OCDS for PPPs risk category code (else a UK service-contract risk)


class ClauseInfo(_Entry):
    trigger: Annotated[BreakTrigger, _vocabulary(BreakTrigger)]
    title: str
    description: str
    typical_notice_months: int = Field(ge=0, le=120)
    typical_compensation: Annotated[Compensation, _vocabulary(Compensation)]
    guidance: str


class _RiskLibraryFile(_Entry):
    format: str = "changemaker-risk-library"
    version: int = 1
    categories: list[CategoryInfo]


class _ClauseLibraryFile(_Entry):
    format: str = "changemaker-break-clause-library"
    version: int = 1
    clauses: list[ClauseInfo]


class LibraryError(ValueError):
    """A library file in templates/ is missing or malformed."""


class UnknownExample(KeyError):
    """No example of that name; the message lists the known names."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "Unknown example"


def templates_dir() -> pathlib.Path:
    """The repository's templates/ folder (beside the wizard package)."""
    return pathlib.Path(__file__).resolve().parent.parent / "templates"


def _refusal(file: str, error: Any) -> str:
    """'risk_categories.json categories[3]: 'typical_allocation' is 'council', expected …'."""
    loc: Sequence[int | str] = tuple(error.get("loc", ()))
    if error.get("type") == "json_invalid":
        return f"The library file {file} cannot be read: it is not JSON ({error['ctx']['error']})"
    where = f"{file} {errors.field_path(loc[:-1])}" if len(loc) > 1 else file
    field, words = (loc[-1], errors.problem(error)) if loc else ("", errors.problem(error))
    return f"{where}: {errors.sentence(repr(field), words) if field != '' else words}"


M = TypeVar("M", bound=_Entry)


def _read(file: str, model: type[M]) -> M:
    path = templates_dir() / file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LibraryError(f"The library file {path.name} is missing from templates/") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise LibraryError(f"The library file {path.name} cannot be read: {reason}") from None
    try:
        return model.model_validate_json(text)
    except ValidationError as err:
        raise LibraryError(_refusal(file, err.errors(include_url=False)[0])) from None


T = TypeVar("T", CategoryInfo, ClauseInfo)


def _by_key(file: str, list_key: str, entries: list[T], key: Callable[[T], E],
            vocabulary: type[E]) -> dict[E, T]:
    """The entries keyed by their vocabulary value, in vocabulary order: one for each."""
    found: dict[E, T] = {}
    for index, entry in enumerate(entries):
        code = key(entry)
        if code in found:
            raise LibraryError(f"{file} {list_key}[{index}]: '{code.value}' appears twice")
        found[code] = entry
    missing = [k.value for k in vocabulary if k not in found]
    if missing:
        raise LibraryError(f"{file}: no entry for {', '.join(missing)}")
    return {k: found[k] for k in vocabulary}


@functools.cache
def risk_library() -> dict[RiskCategory, CategoryInfo]:
    """Every risk category with its guidance, in vocabulary order."""
    entries = _read(RISK_LIBRARY_FILE, _RiskLibraryFile).categories
    return _by_key(RISK_LIBRARY_FILE, "categories", entries, lambda e: e.code, RiskCategory)


@functools.cache
def clause_library() -> dict[BreakTrigger, ClauseInfo]:
    """Every break-clause trigger with its guidance, in vocabulary order."""
    entries = _read(CLAUSE_LIBRARY_FILE, _ClauseLibraryFile).clauses
    return _by_key(CLAUSE_LIBRARY_FILE, "clauses", entries, lambda e: e.trigger, BreakTrigger)


def example_names() -> list[str]:
    """The examples a user can start from, in the order the wizard offers them."""
    return list(EXAMPLE_NAMES)


def example_path(name: str) -> pathlib.Path:
    """The file of a named example; UnknownExample for a name that is not one of ours."""
    if name not in EXAMPLE_NAMES:
        known = ", ".join(EXAMPLE_NAMES)
        raise UnknownExample(f"There is no example called '{name}'. The examples are: {known}")
    return templates_dir() / EXAMPLES_FOLDER / f"{name}{EXAMPLE_SUFFIX}"


def load_example(name: str) -> Project:
    """A fresh, validated copy of a named example project (a new object on every call)."""
    path = example_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LibraryError(f"The example '{name}' cannot be read: {exc.strerror or exc}") from None
    return storage.loads(text, source=path.name)  # migrations and the errors in words
