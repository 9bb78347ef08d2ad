"""A corpus of broken and hostile project files: each one is refused with a ProjectFileError whose
message names the problem (and the field, where there is one), quickly, without a crash."""

from __future__ import annotations

import copy
import json
import os
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import projects
from wizard import storage
from wizard.model import BreakClause, Partner, Phase, Project, ProjectInfo, Risk
from wizard.storage import ProjectFileError

TIME_LIMIT_SECONDS = 1.0


def _valid_document() -> dict:
    project = Project(
        project=ProjectInfo(title="Hamdden Gwynedd – £4m"),
        partners=[Partner(id="P1", name="Byw'n Iach"), Partner(id="P2", name="Cyngor Gwynedd")],
        phases=[
            Phase(id="PH1", name="Design", provider="P1"),
            Phase(id="PH2", name="Operation", depends_on=["PH1"], start_month=12),
        ],
        risks=[Risk(id="R1", title="Demand falls", owner="P1", phases=["PH2"])],
        break_clauses=[BreakClause(id="B1", trigger="under_performance", phases=["PH2"])],
    )
    return json.loads(storage.dumps(project))


VALID_TEXT = json.dumps(_valid_document(), indent=2, ensure_ascii=False)


def _edited(change: Callable[[dict], None]) -> bytes:
    document = copy.deepcopy(_valid_document())
    change(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _set(path: tuple, value) -> Callable[[dict], None]:
    def change(document: dict) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(key: str) -> Callable[[dict], None]:
    return lambda document: document.pop(key)


def _replace_text(old: str, new: str) -> bytes:
    assert old in VALID_TEXT
    return VALID_TEXT.replace(old, new, 1).encode("utf-8")


def _where(snippet: str, offset: int) -> str:
    """'(line L, column C)' of ``offset`` characters into the first ``snippet`` of VALID_TEXT."""
    at = VALID_TEXT.index(snippet) + offset
    line_start = VALID_TEXT.rfind("\n", 0, at) + 1
    return f"(line {VALID_TEXT.count(chr(10), 0, at) + 1}, column {at - line_start + 1})"


# name: (file bytes, expected field, words the problem must contain)
CORPUS: dict[str, tuple[bytes, str, tuple[str, ...]]] = {
    "truncated JSON": (VALID_TEXT[: len(VALID_TEXT) // 2].encode(), "", ("not valid JSON", "line")),
    "empty file": (b"", "", ("empty",)),
    "only whitespace": (b"  \n\t\n", "", ("empty",)),
    "a list instead of a project": (b"[1, 2, 3]", "", ("one JSON object", "a list")),
    "a string instead of a project": (b'"changemaker"', "", ("one JSON object", "text")),
    "string likelihood": (
        _edited(_set(("risks", 0, "likelihood"), "high")),
        "risks[0].likelihood",
        ("whole number", "'high'"),
    ),
    "numeric text likelihood": (
        _edited(_set(("risks", 0, "likelihood"), "3")),
        "risks[0].likelihood",
        ("whole number", "'3'"),
    ),
    "fractional likelihood": (
        _edited(_set(("risks", 0, "likelihood"), 2.5)),
        "risks[0].likelihood",
        ("whole number", "2.5"),
    ),
    "text as a yes/no": (
        _edited(_set(("partners", 0, "sme"), "yes")),
        "partners[0].sme",
        ("true or false", "'yes'"),
    ),
    "a list as the project information": (
        _edited(_set(("project",), ["Hamdden"])),
        "project",
        ("must be an object", "a list"),
    ),
    "NaN": (
        _replace_text('"likelihood": 3', '"likelihood": NaN'),
        "",
        ("the value NaN is not a number", _where('"likelihood": 3', 14)),
    ),
    "Infinity": (_replace_text('"impact": 3', '"impact": Infinity'), "", ("Infinity",)),
    "minus Infinity": (_replace_text('"impact": 3', '"impact": -Infinity'), "", ("-Infinity",)),
    "1e999": (
        _replace_text('"value_gbp": 0', '"value_gbp": 1e999'),
        "",
        ("1e999", "too large", _where('"value_gbp": 0', 13)),
    ),
    "a 5000-digit number": (
        _replace_text('"value_gbp": 0', '"value_gbp": ' + "9" * 5000),
        "",
        ("too large",),
    ),
    "money over the bound": (
        _edited(_set(("project", "value_gbp"), 10**14)),
        "project.value_gbp",
        ("too high", "10000000000000"),
    ),
    "negative money": (
        _edited(_set(("phases", 0, "value_gbp"), -1)),
        "phases[0].value_gbp",
        ("too low", "least allowed is 0"),
    ),
    "likelihood 6": (
        _edited(_set(("risks", 0, "likelihood"), 6)),
        "risks[0].likelihood",
        ("6 is too high", "most allowed is 5"),
    ),
    "likelihood 0": (
        _edited(_set(("risks", 0, "likelihood"), 0)),
        "risks[0].likelihood",
        ("0 is too low", "least allowed is 1"),
    ),
    "impact -1": (
        _edited(_set(("risks", 0, "impact"), -1)),
        "risks[0].impact",
        ("-1 is too low", "least allowed is 1"),
    ),
    "300-deep nesting": (b"[" * 300 + b"]" * 300, "", ("nested 300 levels",)),
    "100000-deep nesting": (b"[" * 100_000 + b"]" * 100_000, "", ("nested 100000 levels",)),
    "deep nesting inside a field": (
        _edited(_set(("project", "objectives"), json.loads("[" * 70 + "]" * 70))),
        "",
        ("nested 72 levels",),
    ),
    "unclosed deep nesting": (b'{"format": ' + b"{" * 100_000, "", ("nested",)),
    # Once took minutes: the string scan restarted at every escaped quote (quadratic time).
    "an unclosed text of a million escaped quotes": (
        b'{"format": "' + b'\\"' * 1_000_000 + b"\\", "", ("a text value is not closed",),
    ),
    "two million values": (
        b'{"format": "changemaker-project", "schema_version": 1, "risks": ['
        + b"0," * 2_000_000 + b"0]}",
        "",
        ("2,000,0", "separate values", "up to 2,000,000"),
    ),
    "an object with 101 fields": (
        _edited(lambda d: d.update(project={f"field{i}": i for i in range(101)})),
        "",
        ("an object has 101 fields", "no part of a project has more than 100"),
    ),
    "a hundred thousand wrong fields": (
        _edited(lambda d: d.update(risks=[{f"k{j}": 0 for j in range(48)} for _ in range(2_000)])),
        "risks[0].id",
        ("is required but missing", "risks[0].k0: is not a field Changemaker knows",
         "(and 99997 more problems)"),
    ),
    "duplicate risk ids": (
        _edited(lambda d: d["risks"].append(copy.deepcopy(d["risks"][0]))),
        "",
        ("risks[1]", "duplicate risk id 'R1'", "risks[0]"),
    ),
    "duplicate JSON keys": (
        _replace_text('"likelihood": 3', '"likelihood": 3, "likelihood": 5'),
        "",
        ("'likelihood' appears twice",),
    ),
    "dangling risk owner": (
        _edited(_set(("risks", 0, "owner"), "P9")),
        "",
        ("risks[0] (R1) owner 'P9'", "no partner has that id"),
    ),
    "dangling phase dependency": (
        _edited(_set(("phases", 1, "depends_on"), ["PH7"])),
        "",
        ("phases[1] (PH2) depends on phase 'PH7'", "no phase has that id"),
    ),
    "phase depending on itself": (
        _edited(_set(("phases", 1, "depends_on"), ["PH2"])),
        "",
        ("phases[1] (PH2) depends on itself",),
    ),
    "dangling clause phase": (
        _edited(_set(("break_clauses", 0, "phases"), ["PH3"])),
        "",
        ("break_clauses[0] (B1) phase 'PH3'", "no phase has that id"),
    ),
    "schema_version 3": (
        _edited(_set(("schema_version",), 3)),
        "schema_version",
        ("newer Changemaker", "schema version 3"),
    ),
    'schema_version "1"': (
        _edited(_set(("schema_version",), "1")),
        "schema_version",
        ("whole number", "'1'"),
    ),
    "schema_version null": (
        _edited(_set(("schema_version",), None)),
        "schema_version",
        ("whole number", "null"),
    ),
    "schema_version true": (
        _edited(_set(("schema_version",), True)),
        "schema_version",
        ("whole number", "true"),
    ),
    "missing schema_version": (_edited(_delete("schema_version")), "schema_version", ("missing",)),
    "wrong format": (
        _edited(_set(("format",), "gantt-chart")),
        "format",
        ("not a Changemaker project file", "'gantt-chart'"),
    ),
    "missing format": (
        _edited(_delete("format")),
        "format",
        ("not a Changemaker project file", "no 'format'"),
    ),
    "latin-1 bytes": (
        VALID_TEXT.replace("–", "-").replace("£", "\u00a3").encode("latin-1"),
        "",
        ("not UTF-8", "0xA3", "byte offset"),
    ),
    "UTF-16 text": (VALID_TEXT.encode("utf-16"), "", ("UTF-16",)),
    # A single UTF-8 byte order mark is skipped (see test_storage); what follows still counts.
    "a BOM before a truncated file": (
        b"\xef\xbb\xbf" + VALID_TEXT[:40].encode(), "", ("not valid JSON", "line 3"),
    ),
    "two BOMs": (
        b"\xef\xbb\xbf\xef\xbb\xbf" + VALID_TEXT.encode(), "", ("not valid JSON", "line 1, column 1"),
    ),
    "a BOM before a wrong value": (
        b"\xef\xbb\xbf" + _edited(_set(("risks", 0, "impact"), 7)),
        "risks[0].impact",
        ("7 is too high",),
    ),
    "a title over the bound": (
        _edited(_set(("project", "title"), "ŵ" * 301)),
        "project.title",
        ("too long", "301 characters", "most allowed is 300"),
    ),
    "a huge description": (
        _edited(_set(("risks", 0, "description"), "ø" * 2_000_000)),
        "risks[0].description",
        ("too long", "2000000 characters", "most allowed is 20000"),
    ),
    "an empty name": (
        _edited(_set(("partners", 1, "name"), "")),
        "partners[1].name",
        ("must not be empty",),
    ),
    "an invalid id": (
        _edited(_set(("risks", 0, "id"), "R 1; DROP")),
        "risks[0].id",
        ("not a valid id",),
    ),
    "an unknown choice": (
        _edited(_set(("risks", 0, "allocation"), "nobody")),
        "risks[0].allocation",
        ("'nobody'", "not one of the allowed values", "'shared'"),
    ),
    "an impossible date": (
        _edited(_set(("project", "start"), "2027-02-30")),
        "project.start",
        ("date written YYYY-MM-DD",),
    ),
    "unknown field": (
        _edited(_set(("risks", 0, "colour"), "red")),
        "risks[0].colour",
        ("unknown field",),
    ),
    "unknown top-level field": (
        _edited(_set(("macros",), ["rm -rf"])),
        "macros",
        ("unknown field",),
    ),
    "missing required field": (
        _edited(lambda d: d["risks"][0].pop("title")),
        "risks[0].title",
        ("required but missing",),
    ),
    "too many votes": (
        _edited(
            _set(("risks", 0, "votes"), [{"participant": "A", "likelihood": 1, "impact": 1}] * 101)
        ),
        "risks[0].votes",
        ("too many items", "101", "most allowed is 100"),
    ),
}


# Files large enough that their time depends on the machine's load: each is timed against a
# valid file of the same number of risks, opened in the same test (so a busy machine slows
# both), and may take at most BASELINE_FACTOR times as long (and TIME_LIMIT_SECONDS anyway).
BASELINE_RISKS = {"a hundred thousand wrong fields": 2_000}
BASELINE_FACTOR = 6


def _baseline_seconds(risks: int) -> float:
    """How long opening a valid file of ``risks`` full risks takes here and now (best of 2)."""
    document = _valid_document()
    document["risks"] = [dict(document["risks"][0], id=f"R{i}", description="x" * 60)
                         for i in range(risks)]
    data = json.dumps(document).encode("utf-8")
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        assert len(storage.loads(data).risks) == risks
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_file_is_refused_clearly_and_quickly(tmp_path, name):
    data, field, words = CORPUS[name]
    path = tmp_path / "hostile.changemaker.json"
    path.write_bytes(data)
    limit = TIME_LIMIT_SECONDS
    if name in BASELINE_RISKS:
        limit = max(limit, BASELINE_FACTOR * _baseline_seconds(BASELINE_RISKS[name]))
    started = time.perf_counter()
    with pytest.raises(ProjectFileError) as caught:
        storage.load(path)
    elapsed = time.perf_counter() - started
    error = caught.value
    assert elapsed < limit, f"{name} took {elapsed:.2f} s (limit {limit:.2f} s)"
    assert error.path == str(path)
    assert error.field == field
    for word in words:
        assert word in error.problem, f"{name}: {word!r} not in {error.problem!r}"
    assert str(error).startswith(f"{path}: ")
    assert "Traceback" not in str(error) and "pydantic" not in str(error)
    assert "errors.pydantic.dev" not in str(error)
    assert len(str(error)) < 1_000


def test_the_hostile_corpus_starts_from_a_valid_file(tmp_path):
    path = tmp_path / "valid.changemaker.json"
    path.write_text(VALID_TEXT, encoding="utf-8")
    assert storage.load(path).risks[0].owner == "P1"


HOSTILE_FOLDER = os.path.join(os.path.dirname(__file__), "hostile")

# Hand-written files kept in tests/wizard/hostile/, with words their message must contain.
FOLDER_CORPUS = {
    "comments.changemaker.json": "not valid JSON (a field name in double quotes was expected",
    "control-character.changemaker.json": "a text value contains a control character",
    "lone-surrogate.changemaker.json": "\\uD800, half of a character pair",
    "month-13.changemaker.json": "project.start: must be a date written YYYY-MM-DD",
    "null.changemaker.json": "this one holds nothing (null)",
    "risks-as-object.changemaker.json": "risks: must be a list [...], not an object",
    "single-quotes.changemaker.json": "not valid JSON",
    "trailing-data.changemaker.json": "there is more after the end of the project",
    "unclosed-string.changemaker.json": "a text value is not closed",
    "version-as-float.changemaker.json": "schema_version: must be a whole number such as 2, not 1.0",
}


def test_every_file_in_the_hostile_folder_has_an_expectation():
    assert sorted(os.listdir(HOSTILE_FOLDER)) == sorted(FOLDER_CORPUS)


@pytest.mark.parametrize("folder_file", sorted(FOLDER_CORPUS))
def test_hostile_corpus_folder(folder_file):
    path = os.path.join(HOSTILE_FOLDER, folder_file)
    started = time.perf_counter()
    with pytest.raises(ProjectFileError) as caught:
        storage.load(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS
    assert FOLDER_CORPUS[folder_file] in str(caught.value)


def test_an_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.changemaker.json"
    with open(path, "wb") as handle:
        handle.truncate(storage.MAX_FILE_BYTES + 1)  # sparse: no time or disk spent
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or None)
    started = time.perf_counter()
    with pytest.raises(ProjectFileError) as caught:
        storage.load(path)
    assert time.perf_counter() - started < TIME_LIMIT_SECONDS
    assert opened == []  # refused from the size alone
    assert "too large" in caught.value.problem
    assert "20 MB" in caught.value.problem


def test_oversize_text_in_memory_is_refused():
    with pytest.raises(ProjectFileError, match="too large"):
        storage.loads(b" " * (storage.MAX_FILE_BYTES + 1))


def test_a_directory_is_refused(tmp_path):
    folder = tmp_path / "plan.changemaker.json"
    folder.mkdir()
    with pytest.raises(ProjectFileError) as caught:
        storage.load(folder)
    assert caught.value.problem == "this is a folder, not a project file"


def test_a_missing_file_is_refused(tmp_path):
    path = tmp_path / "gone.changemaker.json"
    with pytest.raises(ProjectFileError) as caught:
        storage.load(path)
    assert caught.value.problem == "there is no such file"
    assert str(caught.value) == f"{path}: there is no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.changemaker.json"
    os.mkfifo(pipe)
    with pytest.raises(ProjectFileError, match="not an ordinary file"):
        storage.load(pipe)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "locked.changemaker.json"
    path.write_text(VALID_TEXT, encoding="utf-8")
    os.chmod(path, 0)
    try:
        with pytest.raises(ProjectFileError, match="permission"):
            storage.load(path)
    finally:
        os.chmod(path, 0o600)


# Fuzzing: damaged versions of valid files are either a valid project or a ProjectFileError -------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _paths(value, prefix=()):
    """Every path into a JSON document, containers included."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


def _loads_or_refuses(data) -> None:
    try:
        storage.loads(data)
    except ProjectFileError as error:
        assert error.problem and "Traceback" not in str(error)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=3, max_phases=3), st.data())
def test_a_value_replaced_anywhere_is_loaded_or_refused_cleanly(project, data):
    document = json.loads(storage.dumps(project))
    path = data.draw(st.sampled_from(list(_paths(document))[1:]), label="path")
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSON_VALUES, label="value")
    _loads_or_refuses(json.dumps(document, ensure_ascii=False))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(max_risks=3, max_phases=3), st.data())
def test_damaged_bytes_are_loaded_or_refused_cleanly(project, data):
    raw = bytearray(storage.dumps(project).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        kind = data.draw(st.sampled_from(["cut", "insert", "flip", "truncate"]), label="kind")
        if kind == "cut":
            del raw[at : at + data.draw(st.integers(1, 20))]
        elif kind == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        elif kind == "flip" and at < len(raw):
            raw[at] ^= 1 << data.draw(st.integers(0, 7))
        else:
            del raw[at:]
    _loads_or_refuses(bytes(raw))
