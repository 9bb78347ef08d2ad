"""UI test set-up: the file-safety questions fail a test that did not expect them, rather than
waiting forever for a click on the offscreen platform. A test that expects one replaces it."""

import pytest


def _unexpected(name):
    def ask(*args, **kwargs):
        raise AssertionError(f"unexpected dialog {name}{args[1:]!r}: answer it with monkeypatch")
    return ask


@pytest.fixture(autouse=True)
def _no_unexpected_file_questions(monkeypatch):
    from ui import dialogs

    for name in ("ask_locked", "ask_changed_on_disk", "ask_save_elsewhere"):
        monkeypatch.setattr(dialogs, name, _unexpected(name))
    # Windows a test leaves open are closed when qtbot tears down, after the test: a modal
    # "Unsaved changes" box would then wait forever for a click. The closing question is
    # answered "discard"; a test about that question replaces this answer.
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")
