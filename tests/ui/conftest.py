"""UI test set-up: a modal question fails the test that did not expect it, rather than waiting
forever for a click on the offscreen platform. A test that expects one replaces it with
monkeypatch (the `ask_*` function in `ui.dialogs`, or `QMessageBox.exec` to inspect the box).

The guard covers every way a modal box can open: the `ui.dialogs` questions, `QDialog.exec`
and `QMessageBox.exec`, and QMessageBox's static helpers. It is still in place while pytest-qt
closes the test's windows, so an "Unsaved changes" question at teardown fails loudly instead of
hanging the suite."""

import pytest


def _unexpected(name):
    def ask(*args, **kwargs):
        raise AssertionError(f"unexpected dialog {name}{args[1:]!r}: answer it with monkeypatch")
    return ask


_QUESTIONS = (
    "ask_unsaved", "ask_open_path", "ask_save_path", "show_error", "ask_locked",
    "ask_changed_on_disk", "ask_save_elsewhere", "choose_new", "ask_restore",
    "ask_justification", "ask_new_id",
)


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch):
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ui import dialogs

    for name in _QUESTIONS:
        if hasattr(dialogs, name):
            monkeypatch.setattr(dialogs, name, _unexpected(name))
    monkeypatch.setattr(QDialog, "exec", _unexpected("QDialog.exec"))
    monkeypatch.setattr(QMessageBox, "exec", _unexpected("QMessageBox.exec"))
    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_unexpected(f"QMessageBox.{name}")))
