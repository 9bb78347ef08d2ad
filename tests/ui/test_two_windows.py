"""Two windows on one file: the second is warned, nothing is overwritten silently, and each
window keeps its own recovery copy. Also a file changed on disk, a stale lock left by a killed
process, and a folder that refuses a safe save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from ui import dialogs
from ui.autosave import recovery_dir
from ui.document import Document
from ui.file_lock import lock_path
from ui.main_window import MainWindow
from ui.settings import Settings
from wizard import catalog, storage


class User:
    """Answers every dialog as told, and records what was asked."""

    def __init__(self, monkeypatch):
        self.locked = "read_only"
        self.changed = "cancel"
        self.elsewhere = True
        self.save_path: str | None = None
        self.asked: list[tuple] = []
        monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, name: "discard")
        monkeypatch.setattr(dialogs, "ask_locked", self._locked)
        monkeypatch.setattr(dialogs, "ask_changed_on_disk", self._changed)
        monkeypatch.setattr(dialogs, "ask_save_elsewhere", self._elsewhere)
        monkeypatch.setattr(dialogs, "ask_save_path", self._save_path)
        monkeypatch.setattr(dialogs, "show_error",
                            lambda parent, title, message: self.asked.append(("error", message)))

    def _locked(self, parent, name, holder):
        self.asked.append(("locked", name, holder))
        return self.locked

    def _changed(self, parent, name):
        self.asked.append(("changed", name))
        return self.changed

    def _elsewhere(self, parent, message):
        self.asked.append(("elsewhere", message))
        return self.elsewhere

    def _save_path(self, parent, suggested):
        self.asked.append(("save as", suggested))
        return self.save_path

    def kinds(self) -> list[str]:
        return [a[0] for a in self.asked]


@pytest.fixture
def user(monkeypatch):
    return User(monkeypatch)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.changemaker.json"
    storage.save(catalog.load_example("leisure"), path)
    return path


def _window(qtbot, tmp_path) -> MainWindow:
    win = MainWindow(Document(), Settings(tmp_path / "user-data"))
    qtbot.addWidget(win)
    return win


def _title(win: MainWindow, text: str) -> None:
    win.document.set_value(("project", "title"), text, "Change title")


def test_the_second_window_is_warned_and_opens_read_only(qtbot, tmp_path, user, plan):
    a, b = _window(qtbot, tmp_path), _window(qtbot, tmp_path)
    assert a.open_path(str(plan)) and user.asked == []
    assert lock_path(str(plan)).exists()
    before = plan.read_bytes()
    assert b.open_path(str(plan))
    (kind, name, holder), = user.asked
    assert (kind, name) == ("locked", "plan.changemaker.json")
    assert f"process {os.getpid()}" in holder
    assert b.files.read_only and "(read-only)" in b.windowTitle()
    assert "(read-only)" not in a.windowTitle()

    # B's Save goes to Save As; saving over the open file from B is refused.
    _title(b, "B's version")
    user.save_path = str(plan)
    assert not b.file_save()
    assert user.kinds() == ["locked", "save as", "error"]
    assert "open in" in user.asked[-1][1] and "Choose another name" in user.asked[-1][1]
    assert plan.read_bytes() == before
    other = tmp_path / "plan-b.changemaker.json"
    user.save_path = str(other)
    assert b.file_save()
    assert storage.load(other).project.title == "B's version"
    assert plan.read_bytes() == before  # nothing overwritten
    assert not b.files.read_only and b.document.path == str(other)

    # A saves its own file as usual: nobody changed it on disk.
    _title(a, "A's version")
    assert a.file_save()
    assert "changed" not in user.kinds()
    assert storage.load(plan).project.title == "A's version"


def test_open_a_copy_or_cancel(qtbot, tmp_path, user, plan):
    a, b = _window(qtbot, tmp_path), _window(qtbot, tmp_path)
    a.open_path(str(plan))
    user.locked = "cancel"
    assert not b.open_path(str(plan))
    assert b.document.path is None and b.document.project == type(b.document.project)()
    user.locked = "copy"
    assert b.open_path(str(plan))
    assert b.document.path is None and b.document.is_dirty
    assert b.document.project == a.document.project


def test_closing_the_first_window_frees_the_file(qtbot, tmp_path, user, plan):
    a, b = _window(qtbot, tmp_path), _window(qtbot, tmp_path)
    a.open_path(str(plan))
    a.close()
    assert b.open_path(str(plan))
    assert user.asked == [] and not b.files.read_only


def test_a_lock_left_by_a_killed_process_does_not_block(qtbot, tmp_path, user, plan):
    script = ("import sys, time\nfrom PySide6.QtCore import QLockFile\n"
              f"lock = QLockFile({str(lock_path(str(plan)))!r}); lock.setStaleLockTime(0)\n"
              "print(lock.tryLock(0), flush=True)\ntime.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "True"
        win = _window(qtbot, tmp_path)
        assert win.open_path(str(plan)) and user.kinds() == ["locked"]  # held while it runs
        win.close()
        user.asked.clear()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        assert lock_path(str(plan)).exists()  # the killed process could not remove it
        win = _window(qtbot, tmp_path)
        assert win.open_path(str(plan))
        assert user.asked == [] and not win.files.read_only
    finally:
        holder.kill()
        holder.wait(10)


@pytest.mark.parametrize("answer", ["cancel", "overwrite", "reload", "save_as"])
def test_a_file_changed_on_disk_is_noticed_before_saving(qtbot, tmp_path, user, plan, answer):
    win = _window(qtbot, tmp_path)
    win.open_path(str(plan))
    theirs = storage.load(plan)
    theirs.project.title = "Changed by another program"
    time.sleep(0.01)
    storage.save(theirs, plan)
    _title(win, "Mine")
    user.changed = answer
    user.save_path = str(tmp_path / "mine.changemaker.json")
    saved = win.file_save()
    assert ("changed", "plan.changemaker.json") in user.asked
    on_disk = storage.load(plan).project.title
    if answer == "cancel":
        assert not saved and on_disk == "Changed by another program" and win.document.is_dirty
    elif answer == "overwrite":
        assert saved and on_disk == "Mine"
        assert storage.load(storage.backup_path(plan)).project.title == "Changed by another program"
    elif answer == "reload":
        assert on_disk == "Changed by another program"
        assert win.document.project.project.title == "Changed by another program"
        assert not win.document.is_dirty
    else:
        assert saved and on_disk == "Changed by another program"
        assert storage.load(tmp_path / "mine.changemaker.json").project.title == "Mine"
    # Once saved (or reloaded), the window knows the file as it is: no question next time.
    if answer != "cancel":
        user.asked.clear()
        _title(win, "Again")
        assert win.file_save() and "changed" not in user.kinds()


def test_the_same_content_written_again_is_not_a_change(qtbot, tmp_path, user, plan):
    win = _window(qtbot, tmp_path)
    win.open_path(str(plan))
    storage.save(storage.load(plan), plan)  # rewritten byte for byte (a new file, same text)
    _title(win, "Mine")
    assert win.file_save() and "changed" not in user.kinds()


def test_each_window_keeps_its_own_recovery_copy(qtbot, tmp_path, user, plan):
    a, b = _window(qtbot, tmp_path), _window(qtbot, tmp_path)
    a.open_path(str(plan))
    b.open_path(str(plan))  # read-only
    _title(a, "A's unsaved edit")
    _title(b, "B's unsaved edit")
    copy_a, copy_b = a.autosaver.write_now(), b.autosaver.write_now()
    assert copy_a != copy_b
    assert storage.load(copy_a).project.title == "A's unsaved edit"
    assert storage.load(copy_b).project.title == "B's unsaved edit"
    assert a.file_save()  # A's save removes A's copy only
    assert not copy_a.exists()
    assert storage.load(copy_b).project.title == "B's unsaved edit"
    b.close()
    assert list(recovery_dir(tmp_path / "user-data").glob("*.changemaker.json")) == []


@pytest.mark.parametrize("kind", ["folder_not_writable", "folder_missing"])
def test_a_folder_that_refuses_a_safe_save_offers_save_as(qtbot, tmp_path, user, plan,
                                                          monkeypatch, kind):
    win = _window(qtbot, tmp_path)
    win.open_path(str(plan))
    _title(win, "Mine")
    real_save = storage.save

    def refuse(project, path):
        if os.fspath(path) == str(plan):
            raise storage.ProjectSaveError(str(plan), "the folder is not writable", **{kind: True})
        return real_save(project, path)

    monkeypatch.setattr(storage, "save", refuse)
    user.save_path = str(tmp_path / "elsewhere.changemaker.json")
    assert win.file_save()
    assert user.kinds() == ["elsewhere", "save as"]
    assert "Save As" in user.asked[0][1]
    assert storage.load(tmp_path / "elsewhere.changemaker.json").project.title == "Mine"
    assert win.document.path == str(tmp_path / "elsewhere.changemaker.json")


def test_the_lock_is_kept_fresh_and_a_lock_from_elsewhere_expires(qtbot, tmp_path, user, plan):
    from ui.file_lock import STALE_MS, DocumentLock

    win = _window(qtbot, tmp_path)
    win.open_path(str(plan))
    lock = lock_path(str(plan))
    old = time.time() - STALE_MS / 1000 - 60
    os.utime(lock, (old, old))
    win.files.lock.refresh()  # what the window's timer does every ten minutes
    assert time.time() - lock.stat().st_mtime < 60
    assert not DocumentLock(str(plan)).acquire()  # still held
    win.close()
    # A lock written on another computer, by a Changemaker that crashed hours ago:
    lock.write_text("4242\nChangemaker\nanother-computer\n")
    os.utime(lock, (old, old))
    assert DocumentLock(str(plan)).acquire()


def test_opening_the_same_file_again_in_its_own_window_asks_nothing(qtbot, tmp_path, user, plan):
    win = _window(qtbot, tmp_path)
    assert win.open_path(str(plan)) and win.open_path(str(plan))
    assert user.asked == [] and not win.files.read_only
    other = _window(qtbot, tmp_path)
    other.open_path(str(plan))
    assert user.kinds() == ["locked"]  # the first window still holds it


def test_killed_sessions_half_written_recovery_files_are_cleaned_up(qtbot, tmp_path, user):
    from ui.autosave import find_recoveries

    folder = recovery_dir(tmp_path / "user-data")
    folder.mkdir(parents=True)
    (folder / ".0123456789abcdef0123-999999-1.changemaker.json.0123abcd.tmp").write_bytes(b"{")
    assert find_recoveries(tmp_path / "user-data") == []
    assert list(folder.iterdir()) == []
