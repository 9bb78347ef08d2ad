"""Saves that are killed, folders that vanish or refuse writing, temporary files left behind, and
the messages of loading that used to mislead."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wizard import storage
from wizard.model import Project, ProjectInfo, Risk
from wizard.storage import ProjectFileError, ProjectSaveError

fcntl = pytest.importorskip("fcntl")
ROOT = Path(__file__).resolve().parents[2]


def _project(title: str, risks: int = 0) -> Project:
    return Project(project=ProjectInfo(title=title),
                   risks=[Risk(id=f"R{i}", title=f"{title} risk {i}", description="x" * 200)
                          for i in range(risks)])


def _temps(folder) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


# Temporary files ----------------------------------------------------------------------------------


def test_stale_temp_files_of_the_same_document_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_project("One"), path)
    left = [".plan.changemaker.json.0123abcd.tmp", ".plan.changemaker.json.bak.89abcdef.tmp"]
    others = [".other.changemaker.json.11112222.tmp",  # another document's
              ".plan.changemaker.json.notes.tmp"]  # not a name a save makes
    for name in left + others:
        (tmp_path / name).write_bytes(b"half a save")
    storage.save(_project("Two"), path)
    assert _temps(tmp_path) == sorted(others)
    assert storage.load(path).project.title == "Two"


def test_a_temp_file_held_by_a_running_save_is_left_alone(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    live = tmp_path / ".plan.changemaker.json.aaaabbbb.tmp"
    staging = tmp_path / ".plan.changemaker.json.bak.ccccdddd.tmp"
    live.write_bytes(b"being written")
    staging.write_bytes(b"the previous version on its way")
    with open(live, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # as a save in another window holds it
        storage.save(_project("Mine"), path)
        assert _temps(tmp_path) == sorted([live.name, staging.name])
    storage.save(_project("Mine again"), path)  # that save has ended (its lock is gone)
    assert _temps(tmp_path) == []


def test_opening_cleans_up_too(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_project("One"), path)
    (tmp_path / ".plan.changemaker.json.0123abcd.tmp").write_bytes(b"{")
    assert [p.name for p in storage.remove_stale_temps(path)] == [".plan.changemaker.json.0123abcd.tmp"]
    assert _temps(tmp_path) == []


def test_saves_killed_at_random_moments_leave_the_old_or_the_new_version(tmp_path):
    """SIGKILL a process that saves again and again, at a random moment, 80 times: the file is
    always one whole version, and the next save leaves no temporary file. (The kills happen in
    a fresh process, tests/wizard/kill_saves.py, which forks safely being single-threaded.)"""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "tests.wizard.kill_saves", str(tmp_path), "80", "20261201"],
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    trials = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(trials) == 80
    for n, seen in enumerate(trials):
        assert seen["file"] in ("old", "new"), (n, seen)
        assert seen["backup"] in ("old", "new", "none"), (n, seen)
        assert seen["temps_after_next_save"] == [], (n, seen)
        assert seen["file_after_next_save"] == ("old", "new")[n % 2]
    assert sum(seen["temps_after_kill"] > 0 for seen in trials) > 0  # kills did land mid-save
    assert time.monotonic() - started < 20


# Folders ------------------------------------------------------------------------------------------


def test_a_vanished_folder_does_not_claim_the_previous_version_is_unchanged(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "plan.changemaker.json"
    storage.save(_project("One"), path)
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()  # e.g. a network drive disconnected
    with pytest.raises(ProjectSaveError) as caught:
        storage.save(_project("Two"), path)
    message = str(caught.value)
    assert "does not exist" in message and "unchanged" not in message
    assert "Save As" in message and caught.value.folder_missing


def test_a_writable_file_in_a_read_only_folder_says_the_folder_must_be_writable(tmp_path, monkeypatch):
    path = tmp_path / "plan.changemaker.json"
    storage.save(_project("One"), path)
    before = path.read_bytes()
    real_open, real_access = os.open, os.access

    # Tests may run as root, who can write anywhere: the folder refuses as it would a user.
    def folder_refuses(name, flags, *args):
        if os.path.basename(os.fspath(name)).endswith(".tmp") and flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(name, flags, *args)

    monkeypatch.setattr(storage.os, "open", folder_refuses)
    monkeypatch.setattr(storage.os, "access",
                        lambda p, mode: False if os.fspath(p) == str(tmp_path) else real_access(p, mode))
    with pytest.raises(ProjectSaveError) as caught:
        storage.save(_project("Two"), path)
    message = str(caught.value)
    assert caught.value.folder_not_writable
    assert "folder must be writable" in message and "Permission denied" in message
    assert "use Save As" in message
    assert path.read_bytes() == before


# Messages of loading ------------------------------------------------------------------------------


def test_utf32_is_reported_as_utf32(tmp_path):
    text = storage.dumps(_project("Plan"))
    for codec in ("utf-32", "utf-32-be"):
        data = text.encode(codec) if codec == "utf-32" else b"\x00\x00\xfe\xff" + text.encode(codec)
        with pytest.raises(ProjectFileError, match="the file is UTF-32 text; save it as UTF-8"):
            storage.loads(data)
    with pytest.raises(ProjectFileError, match="the file is UTF-16 text"):
        storage.loads(text.encode("utf-16"))


def test_a_bad_decision_time_says_it_must_be_a_date_and_time():
    document = json.loads(storage.dumps(_project("Plan")))
    document["decisions"] = [{"time": "yesterday"}]
    with pytest.raises(ProjectFileError) as caught:
        storage.loads(json.dumps(document))
    assert caught.value.field == "decisions[0].time"
    assert caught.value.problem == ("must be a date and time written YYYY-MM-DDTHH:MM:SS, not "
                                    "the text 'yesterday'")


@pytest.mark.parametrize("where", ["top", "nested"])
def test_a_ten_megabyte_unknown_key_gives_a_short_message_fast(where):
    key = "k" * 10_000_000
    document = json.loads(storage.dumps(_project("Plan", 1)))
    (document if where == "top" else document["risks"][0])[key] = 1
    text = json.dumps(document)
    started = time.perf_counter()
    with pytest.raises(ProjectFileError) as caught:
        storage.loads(text)
    assert time.perf_counter() - started < 3
    assert len(str(caught.value)) < 200
    assert "unknown field" in caught.value.problem
    assert caught.value.field.endswith("k" * 39 + "…")


def test_huge_values_are_clipped_in_every_kind_of_message():
    huge = "9" * 1_000_000
    base = json.loads(storage.dumps(_project("Plan", 1)))
    cases = [
        ("project", {"stage": huge}), ("project", {"start": huge}), ("risks", [{"id": "R1",
         "title": "t", "likelihood": huge}]), ("decisions", [{"time": huge}]),
        ("format", huge), ("schema_version", huge),
    ]
    for field, value in cases:
        document = dict(base)
        document[field] = value
        with pytest.raises(ProjectFileError) as caught:
            storage.loads(json.dumps(document))
        assert len(str(caught.value)) < 300, (field, str(caught.value)[:100])


def test_an_imported_register_quotes_huge_cells_clipped(tmp_path):
    from wizard.export.register import read_register

    huge = "z" * 100_000  # (the CSV reader's own limit is 131,072 characters a cell)
    path = tmp_path / "risks.csv"
    path.write_text("id,title,owner,phases,category,likelihood,sensitive,withheld_until\n"
                    f"R1,Roof,{huge},{huge},{huge},{huge},{huge},{huge}\n", encoding="utf-8")
    preview = read_register(path, Project())
    errors = preview.rows[0].errors
    assert len(errors) == 6
    assert all(len(e) < 600 for e in errors), [e[:80] for e in errors]  # (category lists all 12)
    assert any(e.startswith("Row 2: owner 'zzz") and "…' is not a partner" in e for e in errors)


def test_a_folder_of_documents_is_cleaned_of_every_left_temp_file(tmp_path):
    left = [".a.changemaker.json.0123abcd.tmp", ".b.json.bak.89abcdef.tmp", ".b.json.11112222.tmp"]
    for name in left:
        (tmp_path / name).write_bytes(b"half")
    (tmp_path / "a.changemaker.json").write_bytes(b"{}")
    held = tmp_path / ".c.json.aaaabbbb.tmp"
    held.write_bytes(b"being written")
    with open(held, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        removed = storage.remove_stale_temps_in(tmp_path)
    assert sorted(p.name for p in removed) == sorted(left)
    assert sorted(os.listdir(tmp_path)) == [held.name, "a.changemaker.json"]
