"""Recovery copies: written soon after edits, never over the user's file, removed after save."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ui import dialogs
from ui.app import offer_recovery
from ui.autosave import AutoSaver, find_recoveries, recovery_dir, recovery_key
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard import catalog, storage


@pytest.fixture
def saved_file(tmp_path):
    path = tmp_path / "leisure.changemaker.json"
    storage.save(catalog.load_example("leisure"), path)
    return path


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *args: "discard")
    win = MainWindow(Document(), Settings(tmp_path / "data"), autosave_delay_ms=50)
    qtbot.addWidget(win)
    return win


def recovery_files(folder):
    return sorted(p.name for p in recovery_dir(folder).glob("*")) if recovery_dir(folder).exists() else []


def test_edits_are_written_to_a_recovery_copy_not_the_users_file(qtbot, window, saved_file):
    original_bytes = saved_file.read_bytes()
    window.open_path(str(saved_file))
    assert recovery_files(window.settings.folder) == []
    window.document.set_value(("project", "title"), "Pool and gym", "Change title")
    with qtbot.waitSignal(window.autosaver.written, timeout=3000) as blocker:
        pass
    copy = blocker.args[0]
    key = recovery_key(str(saved_file), os.getpid(), window.autosaver.window)
    assert copy == str(recovery_dir(window.settings.folder) / f"{key}.changemaker.json")
    assert storage.load(copy).project.title == "Pool and gym"
    sidecar = json.loads((recovery_dir(window.settings.folder) / f"{key}.json").read_text())
    assert sidecar["original"] == str(saved_file)
    assert sidecar["pid"] == os.getpid()
    assert saved_file.read_bytes() == original_bytes
    # Saving removes the copy; the user's file now has the edit.
    window.file_save()
    assert recovery_files(window.settings.folder) == []
    assert storage.load(saved_file).project.title == "Pool and gym"


def test_the_copy_is_debounced_and_capped(qtbot, tmp_path):
    doc = Document(catalog.load_example("leisure"))
    saver = AutoSaver(doc, tmp_path / "data", delay_ms=10_000, cap_ms=200)
    writes = []
    saver.written.connect(writes.append)
    doc.set_value(("project", "title"), "A", "Change title")
    assert saver.pending() and writes == []
    # Edits keep coming faster than the debounce delay: the cap still writes.
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
    assert storage.load(writes[0]).project.title == "A"
    doc.set_value(("project", "place"), "Brecon", "Change place")
    saver2_writes = len(writes)
    saver.write_now()
    assert len(writes) == saver2_writes + 1
    assert storage.load(writes[-1]).project.place == "Brecon"


def test_undo_back_to_the_saved_state_removes_the_copy(qtbot, window, saved_file):
    window.open_path(str(saved_file))
    window.document.set_value(("project", "title"), "Changed", "Change title")
    window.autosaver.write_now()
    assert len(recovery_files(window.settings.folder)) == 2
    window.actions["undo"].trigger()
    assert recovery_files(window.settings.folder) == []


def test_a_clean_close_removes_the_copy(qtbot, window):
    window.document.set_value(("project", "title"), "Untitled edits", "Change title")
    copy = window.autosaver.write_now()
    assert copy is not None
    assert copy.name == f"untitled-{os.getpid()}-{window.autosaver.window}.changemaker.json"
    window.close()
    assert recovery_files(window.settings.folder) == []


def test_copies_of_running_sessions_are_not_offered_but_dead_ones_are(qtbot, window, saved_file):
    window.open_path(str(saved_file))
    window.document.set_value(("project", "title"), "Mine", "Change title")
    window.autosaver.write_now()
    assert find_recoveries(window.settings.folder) == []  # our own, still running
    # Make it look as if a process that has since ended wrote it.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    sidecar = recovery_dir(window.settings.folder) / f"{window.autosaver.key()}.json"
    info = json.loads(sidecar.read_text())
    info["pid"] = int(dead.stdout)
    sidecar.write_text(json.dumps(info))
    found = find_recoveries(window.settings.folder)
    assert [r.original for r in found] == [str(saved_file)]
    assert found[0].question().startswith("Restore unsaved changes to “leisure.changemaker.json” from ")


def _orphan_copy(folder, project, original, pid, title="Orphan"):
    key = recovery_key(original, pid)
    recovery_dir(folder).mkdir(parents=True, exist_ok=True)
    storage.write_recovery(project, recovery_dir(folder) / f"{key}.changemaker.json")
    (recovery_dir(folder) / f"{key}.json").write_text(json.dumps({
        "original": original, "saved_at": "2026-11-22T09:15:00", "pid": pid, "title": title,
    }))


def test_discard_and_later_answers(qtbot, window, monkeypatch):
    project = catalog.load_example("leisure")
    _orphan_copy(window.settings.folder, project, None, 999_999_999)
    answers = ["later"]
    questions = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, q: questions.append(q) or answers.pop())
    assert not offer_recovery(window)
    assert questions == [f"Restore unsaved changes to the untitled project “Orphan” from 09:15?"]
    assert len(find_recoveries(window.settings.folder)) == 1  # kept for later
    answers.append("discard")
    assert not offer_recovery(window)
    assert find_recoveries(window.settings.folder) == []
    assert recovery_files(window.settings.folder) == []
    assert window.document.project == type(project)()


def test_restore_an_untitled_copy(qtbot, window, monkeypatch):
    project = catalog.load_example("leisure")
    project.project.title = "Recovered draft"
    _orphan_copy(window.settings.folder, project, None, 999_999_999)
    monkeypatch.setattr(dialogs, "ask_restore", lambda parent, q: "restore")
    assert offer_recovery(window)
    assert window.document.project == project
    assert window.document.path is None
    assert window.document.is_dirty and window.isWindowModified()
    # The orphan is replaced by this session's own copy.
    own = f"untitled-{os.getpid()}-{window.autosaver.window}"
    assert recovery_files(window.settings.folder) == [f"{own}.changemaker.json", f"{own}.json"]
