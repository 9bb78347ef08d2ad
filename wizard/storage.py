"""Opening and saving project files: strict, safe loading and atomic saving.

Loading never trusts the file. Before pydantic sees anything, the size is checked (from the
file system, before reading), the bytes must be UTF-8 (a UTF-8 byte order mark is accepted and
skipped), the nesting depth and the number of values are measured in linear time without
recursion, and the JSON parser refuses NaN, Infinity, numbers too large to hold, objects with
too many fields, and a key repeated within one object. Then the ``format``
and ``schema_version`` are checked, older versions are upgraded step by step through
``MIGRATIONS``, and finally :class:`wizard.model.Project` validates everything in strict JSON
mode (so ``"yes"`` is not a boolean and ``"3"`` is not a number). Every failure is
one :class:`ProjectFileError` whose message reads ``FILE: FIELD: PROBLEM`` in plain words.

Saving is atomic: the new text goes to a temporary file in the same folder, is flushed and
synced to disk, the previous version is kept as ``NAME.bak``, and only then does the new file
replace the old one. If any step fails the previous file is untouched, the temporary file is
removed, and :class:`ProjectSaveError` says what went wrong. A save that is killed (power cut,
SIGKILL) leaves the old or the new version, never half of one; the temporary files it leaves are
removed by the next save or open of the same document (``remove_stale_temps``), never while
another process's save still holds them.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import ValidationError

from wizard import errors
from wizard.formatting import clip, count
from wizard.model import FORMAT, SCHEMA_VERSION, Project

FILE_SUFFIX = ".changemaker.json"
BACKUP_SUFFIX = ".bak"
MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: far beyond any real contract, small enough to be safe
MAX_DEPTH = 64  # a project file nests about eight levels deep
MAX_VALUES = 2_000_000  # JSON values in one file; a dense 20 MB project holds about 1.5 million
MAX_KEYS = 100  # fields in one JSON object; the largest part of a project has about 25
MAX_REPORTED_ERRORS = 3
MANY_ERRORS = 1_000  # beyond this, the first errors are found on a shortened copy
SAMPLE_ITEMS = 5

# Upgrades of older files: MIGRATIONS[n] turns a version-n document into a version-(n + 1) one.


def _upgrade_1_to_2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds fields (appraisal, procurement, sharing...) that all have defaults, so a
    version-1 document means the same once its version is raised. Decisions also gain a
    structured reference to their item: read from the leading id of the old ``item`` text."""
    from wizard.decision_refs import link_decisions

    return link_decisions(document)


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _upgrade_1_to_2}


# Errors ------------------------------------------------------------------------------------------


class ProjectFileError(Exception):
    """A project file that cannot be opened, with what is wrong and where.

    ``path`` is the file (None for text in memory), ``field`` a dotted path such as
    ``risks[3].likelihood`` ("" when the problem is not about one field), ``problem`` the plain
    words. ``str(error)`` is ``FILE: FIELD: PROBLEM``.
    """

    def __init__(self, problem: str, path: str | None = None, field: str = "") -> None:
        self.path = path
        self.field = field
        self.problem = problem
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [self.path or "<memory>"]
        if self.field:
            parts.append(self.field)
        parts.append(self.problem)
        return ": ".join(parts)

    def __str__(self) -> str:
        return self.message


class ProjectSaveError(OSError):
    """A save that did not happen. The previous file, if any, is unchanged (unless the folder
    itself has gone, when there is no previous version to speak of).

    ``folder_not_writable`` is True when the file could have been written but its folder
    cannot: a safe save needs the folder, so the app offers Save As elsewhere.
    """

    def __init__(self, path: str, reason: str, *, folder_missing: bool = False,
                 folder_not_writable: bool = False) -> None:
        self.path = path
        self.reason = reason
        self.folder_missing = folder_missing
        self.folder_not_writable = folder_not_writable
        name = os.path.basename(path) or path
        if folder_missing:
            after = "Save it in another folder with Save As."
        elif folder_not_writable:
            after = "The previous version is unchanged; use Save As to save it in another folder."
        else:
            after = "The previous version is unchanged."
        super().__init__(f"Could not save {name}: {reason}. {after}")

    def __str__(self) -> str:
        return self.args[0]


class _Refused(Exception):
    """Raised inside the JSON parser's hooks; turned into a ProjectFileError by loads().

    ``token`` is the literal text refused (NaN, 1e999...), so its line can be found."""

    def __init__(self, *args: str, token: str | None = None) -> None:
        super().__init__(*args)
        self.token = token


# Loading -----------------------------------------------------------------------------------------


def load(path: str | os.PathLike[str]) -> Project:
    """Read and validate a project file. Raises ProjectFileError for every kind of failure."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise ProjectFileError("there is no such file", name) from None
    except PermissionError:
        raise ProjectFileError("permission to read this file was refused", name) from None
    except (OSError, ValueError) as exc:
        raise ProjectFileError(f"the file cannot be read ({_os_reason(exc)})", name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectFileError("this is a folder, not a project file", name)
    if not stat.S_ISREG(info.st_mode):
        raise ProjectFileError("this is not an ordinary file", name)
    if info.st_size > MAX_FILE_BYTES:
        raise ProjectFileError(_too_large(info.st_size), name)
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # never more, even if the file grew meanwhile
    except PermissionError:
        raise ProjectFileError("permission to read this file was refused", name) from None
    except OSError as exc:
        raise ProjectFileError(f"the file cannot be read ({_os_reason(exc)})", name) from None
    return loads(data, source=name)


def loads(text_or_bytes: str | bytes | bytearray, source: str = "<memory>") -> Project:
    """Validate a project from its JSON text (str) or the file's bytes."""
    path = None if source == "<memory>" else source
    try:
        text, document = _parse(text_or_bytes)
        version = document.get("schema_version")
        document = _upgrade(document)
        # the text as read, unless a migration changed the document
        checked = text if version == SCHEMA_VERSION else json.dumps(document, ensure_ascii=False)
    except _Refused as exc:
        field, problem = exc.args if len(exc.args) == 2 else ("", exc.args[0])
        raise ProjectFileError(problem, path, field) from None
    try:
        # Strict JSON validation: dates and choices may be text, as JSON writes them, but
        # "yes" is not a boolean and "3" is not a number.
        return Project.model_validate_json(checked, strict=True)
    except ValidationError as exc:
        field, problem = _explain(_first_errors(exc, document), exc.error_count())
        raise ProjectFileError(problem, path, field) from None
    except (RecursionError, MemoryError):  # pragma: no cover - the guards above prevent these
        raise ProjectFileError("the file is too complex to open", path) from None


def _parse(text_or_bytes: str | bytes | bytearray) -> tuple[str, dict[str, Any]]:
    """(the JSON text, its document): refused unless it is one JSON object of a sane size."""
    if isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
        data = bytes(text_or_bytes)
        if len(data) > MAX_FILE_BYTES:
            raise _Refused(_too_large(len(data)))
        text = _decode(data)
    elif isinstance(text_or_bytes, str):
        text = text_or_bytes
        size = len(text) if len(text) > MAX_FILE_BYTES else len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_FILE_BYTES:
            raise _Refused(_too_large(size))
    else:
        raise TypeError(f"loads() takes str or bytes, not {type(text_or_bytes).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]  # a UTF-8 byte order mark, as some Windows editors write: skipped
    if not text.strip():
        raise _Refused("the file is empty")
    depth, values, pairs = _structure(text)
    if values > MAX_VALUES:
        raise _Refused(
            f"the file holds {values:,} separate values; Changemaker opens project files of "
            f"up to {MAX_VALUES:,}, so it is damaged or not a project file"
        )
    if depth > MAX_DEPTH:
        raise _Refused(
            f"the file is nested {depth} levels deep; a project file never needs more than "
            f"{MAX_DEPTH}, so it is damaged or not a project file"
        )
    # pydantic-core's JSON parser refuses what is not JSON, NaN and Infinity, numbers too
    # long to read, half of a surrogate pair and text after the end; its refusal is worded here.
    try:
        document = pydantic_core.from_json(text, allow_inf_nan=False)
    except ValueError as exc:
        raise _Refused(_json_refusal(text, str(exc))) from None
    # What it lets through: a key given twice (the last wins) and a number that overflows to
    # infinity (1e999); and no object of a project has more than MAX_KEYS fields.
    _refuse_what_the_parser_allows(text, document, pairs)
    if not isinstance(document, dict):
        raise _Refused(
            f"a project file holds one JSON object {{...}}, but this one holds {errors.describe(document)}"
        )
    return text, document


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16's marks
        raise _Refused("the file is UTF-32 text; save it as UTF-8 and open it again")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Refused("the file is UTF-16 text; save it as UTF-8 and open it again")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Refused(
            f"the file is not UTF-8 text: byte 0x{data[exc.start]:02X} at byte offset "
            f"{exc.start} (line {line}) cannot be read; save the file as UTF-8"
        ) from None


# A JSON string, or an unclosed one running to the end of the text. Possessive quantifiers and
# the end-of-text alternatives make every opening quote match at once, so the scan is linear
# even for hostile text such as an unclosed string of a million escaped quotes.
_STRINGS = re.compile(r'"(?:[^"\\]++|\\.|\\\Z)*+(?:"|\Z)', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def _locate(text: str, token: str) -> tuple[int, int] | None:
    """Line and column (from 1) of the first ``token`` outside strings, if there is one."""
    finder = re.compile(f"{_STRINGS.pattern}|({re.escape(token)})", re.DOTALL)
    for match in finder.finditer(text):
        if match.group(1) is not None:
            start = match.start(1)
            line_start = text.rfind("\n", 0, start) + 1
            return text.count("\n", 0, start) + 1, start - line_start + 1
    return None


def _structure(text: str) -> tuple[int, int, int]:
    """The deepest nesting of [ and { outside strings, roughly how many values the text holds
    (commas, colons and openings) and how many key: value pairs (colons), found in linear time
    without recursion."""
    outside = _STRINGS.sub('""', text)
    pairs = outside.count(":")
    values = outside.count(",") + pairs + outside.count("[") + outside.count("{")
    if values > MAX_VALUES:
        return 0, values, pairs  # refused for its size; no need to measure the depth
    brackets = _NOT_BRACKETS.sub("", outside)
    if not brackets:
        return 0, values, pairs
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets.encode("ascii")))), values, pairs


# pydantic-core's words for what is not JSON -> ours
_JSON_REASONS = {
    "EOF while parsing a string": "a text value is not closed",
    "EOF while parsing a value": "the file ends where a value was expected",
    "EOF while parsing a list": "the file ends inside a list",
    "EOF while parsing an object": "the file ends inside an object",
    "expected value": "a value was expected",
    "expected `,` or `]`": "a comma was expected",
    "expected `,` or `}`": "a comma was expected",
    "expected `:`": "a colon was expected",
    "key must be a string": "a field name in double quotes was expected",
    "trailing characters": "there is more after the end of the project",
    "trailing comma": "a comma is followed by no value",
    "control character (\\u0000-\\u001F) found while parsing a string":
        "a text value contains a control character",
    "invalid escape": "a text value contains an escape that is not valid",
    "invalid number": "a number is not written as JSON writes numbers",
}
_AT = re.compile(r"^(?P<reason>.*) at line (?P<line>\d+) column (?P<column>\d+)$", re.DOTALL)
_CONSTANTS = ("-Infinity", "Infinity", "NaN")
_SURROGATE = re.compile(r"\\u([dD][89a-fA-F][0-9a-fA-F]{2})")


def _json_refusal(text: str, message: str) -> str:
    """pydantic-core's refusal of ``text`` in our words, with the line and column."""
    found = _AT.match(message)
    if found is None:  # pragma: no cover - pydantic-core always says where
        return f"this is not valid JSON ({message}); the file may be truncated or damaged"
    reason, line, column = found["reason"], int(found["line"]), int(found["column"])
    line_start = 0
    for _ in range(line - 1):
        line_start = text.index("\n", line_start) + 1
    at = line_start + max(column - 1, 0)
    for name in _CONSTANTS:  # NaN, Infinity, -Infinity (the error may point after the sign)
        for start in (at, at - 1):
            if text.startswith(name, max(start, 0)):
                return (f"the value {name} is not a number Changemaker accepts; use a plain "
                        f"number (line {line}, column {start - line_start + 1})")
    if reason == "number out of range":
        return f"a number is too large (line {line}, column {column})"
    if "surrogate" in reason or "hex escape" in reason:
        half = _SURROGATE.findall(text[max(at - 12, line_start):at + 1])
        if half:
            return (f"a text value contains the escape \\u{half[-1].upper()}, half of a character "
                    "pair without its other half; the file is damaged")
    words = _JSON_REASONS.get(reason, reason)
    return (f"this is not valid JSON ({words} at line {line}, column {column}); the file may be "
            "truncated or damaged")


def _refuse_what_the_parser_allows(text: str, document: Any, pairs: int) -> None:
    """A key given twice, a number that overflows to infinity, an object with too many fields.

    The parser keeps the last of two equal keys: fewer keys in the document than key: value
    pairs in the text means one was given twice. Only then is the text read again, with a hook
    that names the key."""
    keys = 0
    infinite = False
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if len(value) > MAX_KEYS:
                raise _Refused(
                    f"an object has {len(value):,} fields; no part of a project has more than "
                    f"{MAX_KEYS}, so the file is damaged or not a project file"
                )
            keys += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, float) and math.isinf(value):
            infinite = True
    if keys != pairs or infinite:
        try:
            json.loads(text, object_pairs_hook=_unique_keys, parse_float=_finite_float)
        except _Refused as exc:
            where = _locate(text, exc.token) if exc.token else None
            if where is None:
                raise
            raise _Refused(f"{exc.args[0]} (line {where[0]}, column {where[1]})") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(
                f"the key '{clip(key)}' appears twice in the same object; "
                "each field may be given only once"
            )
        result[key] = value
    return result


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _Refused(f"the number {clip(literal)} is too large", token=literal)
    return value


def _upgrade(document: dict[str, Any]) -> dict[str, Any]:
    """Check format and schema_version, and upgrade an older document to the current version."""
    if "format" not in document:
        raise _Refused(
            "format", "this is not a Changemaker project file (it has no 'format' field)"
        )
    if document["format"] != FORMAT:
        raise _Refused(
            "format",
            f"this is not a Changemaker project file (format is {errors.describe(document['format'])}, "
            f"expected '{FORMAT}')",
        )
    if "schema_version" not in document:
        raise _Refused("schema_version", "is missing; a project file states its schema version")
    version = document["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _Refused(
            "schema_version", f"must be a whole number such as {SCHEMA_VERSION}, not {errors.describe(version)}"
        )
    if version > SCHEMA_VERSION:
        raise _Refused(
            "schema_version",
            f"this file was made by a newer Changemaker (schema version {version}); this "
            f"version reads schema version {SCHEMA_VERSION} and older. Please update Changemaker",
        )
    while version < SCHEMA_VERSION:
        upgrade = MIGRATIONS.get(version)
        if upgrade is None:
            raise _Refused(
                "schema_version",
                f"schema version {version} is unknown; this version of Changemaker reads "
                f"schema version {SCHEMA_VERSION}",
            )
        try:
            document = upgrade(document)
        except Exception as exc:  # an old file too damaged to upgrade
            raise _Refused(
                "schema_version",
                f"this file uses schema version {version} and could not be upgraded "
                f"({type(exc).__name__}: {clip(str(exc), 80)})",
            ) from None
        if not isinstance(document, dict):
            raise TypeError(f"MIGRATIONS[{version}] returned {type(document).__name__}, not dict")
        version += 1
        document["schema_version"] = version
    return document


# Pydantic errors in plain words --------------------------------------------------------------------


def _first_errors(error: ValidationError, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The first few errors of a failed validation, without listing all of a million.

    pydantic builds every error when asked for any, which takes seconds for a hostile file
    with a million wrong fields. Then the same file with each list cut to its first items is
    validated instead: its errors are real errors of the file. (Not when the only complaint is
    a reference, which cutting the lists may have broken.)
    """
    if error.error_count() > MANY_ERRORS:
        shortened = {k: v[:SAMPLE_ITEMS] if isinstance(v, list) else v for k, v in document.items()}
        try:
            Project.model_validate_json(json.dumps(shortened, ensure_ascii=False), strict=True)
        except ValidationError as sample:
            items = sample.errors(include_url=False)  # few: every list holds 5 items at most
            if items[0].get("loc"):
                return items
        except _Refused:  # pragma: no cover - the full document passed the same check
            pass
    return error.errors(include_url=False)


def _explain(items: list[dict[str, Any]], total: int | None = None) -> tuple[str, str]:
    """The first field and problem, plus up to two more problems appended in plain words."""
    total = len(items) if total is None else total
    explained = [errors.explain(item) for item in items[:MAX_REPORTED_ERRORS]]
    field, problem = explained[0]
    others = [f"{f}: {p}" if f else p for f, p in explained[1:]]
    if others:
        problem += "; also " + "; ".join(others)
    if total > MAX_REPORTED_ERRORS:
        more = total - MAX_REPORTED_ERRORS
        problem += f" (and {count(more, 'more problem')})"
    return field, problem


def _too_large(size: int) -> str:
    return (
        f"the file is too large ({size / 1_048_576:.1f} MB); Changemaker opens project files "
        f"of up to {MAX_FILE_BYTES // 1_048_576} MB"
    )


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


# Saving ------------------------------------------------------------------------------------------


def dumps(project: Project) -> str:
    """The project as JSON text: indented by 2, fields in model order, characters such as £ and
    ŵ written as themselves (not \\u escapes), ending in a newline.

    The same text as ``json.dumps(project.model_dump(mode="json"), indent=2,
    ensure_ascii=False)``, written by pydantic's serialiser, which is about three times faster.
    """
    return project.model_dump_json(indent=2) + "\n"


def save(project: Project, path: str | os.PathLike[str]) -> Path:
    """Save atomically, keeping the previous version as NAME.bak. Returns the path saved."""
    target = Path(path)
    _atomic_write(dumps(project).encode("utf-8"), target, keep_backup=True)
    return target


def write_recovery(project: Project, path: str | os.PathLike[str]) -> Path:
    """Write an autosave (recovery) copy atomically; no .bak is kept."""
    target = Path(path)
    _atomic_write(dumps(project).encode("utf-8"), target, keep_backup=False)
    return target


def write_atomic(data: bytes, path: str | os.PathLike[str]) -> Path:
    """Write ``data`` to PATH atomically (a temporary file beside it, flushed to disk, then
    renamed over it); no .bak is kept. Every export goes through here, so a failed export never
    leaves a 0-byte or half-written file where the previous one was."""
    target = Path(path)
    _atomic_write(data, target, keep_backup=False)
    return target


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where save() keeps the previous version of PATH."""
    target = Path(path)
    return target.with_name(target.name + BACKUP_SUFFIX)


def _atomic_write(data: bytes, target: Path, keep_backup: bool) -> None:
    if target.is_symlink():  # save through a link to the real file, keeping the link
        target = Path(os.path.realpath(target))
    folder = target.parent
    name = os.fspath(target)
    if not folder.is_dir():
        raise ProjectSaveError(
            name, f"the folder {folder} does not exist (it may have been moved, renamed or "
            "disconnected)", folder_missing=True)
    remove_stale_temps(target)
    temp: Path | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(f"{target.name} is a folder")
        mode = _mode_for(target)
        try:
            temp, fd = _create_temp(folder, f".{target.name}.", mode)
        except OSError as exc:
            refused = isinstance(exc, PermissionError) or exc.errno == errno.EROFS
            if refused and (exc.errno == errno.EROFS or not os.access(folder, os.W_OK)):
                raise ProjectSaveError(
                    name, f"the folder {folder} is not writable ({_os_reason(exc)}). A safe save "
                    "writes the new version beside the file and then swaps it in, so the folder "
                    "must be writable, not only the file", folder_not_writable=True) from exc
            raise
        try:
            _write(fd, data)
            _fsync(fd)
            if fcntl is None:  # pragma: no cover - Windows cannot rename a file still open
                os.close(fd)
                fd = -1
            if keep_backup and target.exists():
                _backup(target)
            _replace(temp, target)
        finally:
            if fd >= 0:
                os.close(fd)  # also releases the temporary file's lock
    except ProjectSaveError:
        raise
    except OSError as exc:
        if temp is not None:
            _discard(temp)
        if not folder.is_dir():  # it went while saving
            raise ProjectSaveError(name, f"the folder {folder} no longer exists ({_os_reason(exc)})",
                                   folder_missing=True) from exc
        raise ProjectSaveError(name, _os_reason(exc)) from exc
    except BaseException:
        if temp is not None:
            _discard(temp)
        raise
    _fsync_folder(folder)


# Temporary files of a save: ``.NAME.<8 hex>.tmp`` (the new version being written) and
# ``.NAME.bak.<8 hex>.tmp`` (the previous version on its way to NAME.bak). A save holds an
# exclusive lock (flock) on its own temporary file while it runs; the kernel drops the lock when
# the process ends, even by SIGKILL, so an unlocked temporary file is one a killed save left.
# Where there are no such locks (Windows), files older than STALE_SECONDS count as left.
STALE_SECONDS = 60
_TEMP_NAME = re.compile(r"^\.(?P<name>.+?)(?P<bak>\.bak)?\.[0-9a-f]{8}\.tmp$")

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def _create_temp(folder: Path, prefix: str, mode: int) -> tuple[Path, int]:
    """A new temporary file, created exclusively and locked: (its path, an open descriptor)."""
    for _attempt in range(5):
        temp = folder / f"{prefix}{secrets.token_hex(4)}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        if fcntl is None:
            return temp, fd
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:  # a cleaner may have taken it for a killed save's file before the lock was held
            if os.stat(temp).st_ino == os.fstat(fd).st_ino:
                return temp, fd
        except FileNotFoundError:
            pass
        os.close(fd)
    raise OSError(f"could not create a temporary file in {folder}")


def _held_by_a_live_save(path: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows: by age; an open file cannot be deleted there
        try:
            return time.time() - os.stat(path).st_mtime < STALE_SECONDS
        except OSError:
            return True
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # gone already, or not ours to open
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return True
    os.close(fd)  # it could be locked: no save holds it
    return False


def stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """The temporary files that killed saves of the document at PATH left behind (only this
    document's, only those no running save holds)."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    return _stale_in(target.parent, target.name)


def _stale_in(folder: Path, only: str | None = None) -> list[Path]:
    """Left-behind temporary files in FOLDER, of the document named ``only`` or of every one."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    groups: dict[str, tuple[list[Path], list[Path]]] = {}
    for entry in names:
        match = _TEMP_NAME.match(entry)
        if match and (only is None or match.group("name") == only):
            data, staging = groups.setdefault(match.group("name"), ([], []))
            (staging if match.group("bak") else data).append(folder / entry)
    stale: list[Path] = []
    for data, staging in groups.values():
        live = [p for p in data if _held_by_a_live_save(p)]
        stale += [p for p in data if p not in live]
        if not live:  # else a save runs now: its previous version may be on its way to NAME.bak
            stale += [p for p in staging if not _held_by_a_live_save(p)]
    return stale


def remove_stale_temps_in(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete the left-behind temporary files of every document in FOLDER (e.g. the recovery
    folder, where a killed session's documents are never saved again). Never raises."""
    return _remove(_stale_in(Path(folder)))


def remove_stale_temps(path: str | os.PathLike[str]) -> list[Path]:
    """Delete what ``stale_temps`` finds; returns what was deleted. Never raises."""
    return _remove(stale_temps(path))


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for leftover in paths:
        try:
            os.unlink(leftover)
        except OSError:
            continue
        removed.append(leftover)
    return removed


def _mode_for(target: Path) -> int:
    """Keep the permissions of the file being replaced; new files get the usual 0o666 & ~umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _replace(source: Path, target: Path) -> None:
    os.replace(source, target)


def _backup(target: Path) -> None:
    """Keep the current file as NAME.bak: a hard link where possible, else a copy."""
    backup = backup_path(target)
    try:
        if os.path.samefile(target, backup):
            return  # a save killed after keeping the backup: NAME.bak already is this version
    except OSError:
        pass
    staging = backup.with_name(f".{backup.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.link(target, staging)
        except OSError:
            shutil.copy2(target, staging)
        # (rename does nothing when both names are links to one file, hence the check above)
        os.replace(staging, backup)
    except OSError as exc:
        _discard(staging)
        raise OSError(f"the previous version could not be kept as {backup.name} ({_os_reason(exc)})") from exc


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Not every system can sync a folder; that is not an error."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
