"""New, Open, Save, Save As, recent files, the unsaved prompt, drops and the command line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.app import create_main_window
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import MAX_RECENT, Settings
from wizard import catalog, storage


class Answers:
    """Stands in for the user at every dialog; records what was asked."""

    def __init__(self, monkeypatch):
        self.unsaved = "discard"
        self.save_path: str | None = None
        self.open_path: str | None = None
        self.new_choice: str | None = ""
        self.asked: list[str] = []
        self.errors: list[tuple[str, str]] = []
        monkeypatch.setattr(dialogs, "ask_unsaved", self._unsaved)
        monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, suggested: self._log("save as", self.save_path))
        monkeypatch.setattr(dialogs, "ask_open_path", lambda parent, folder: self._log("open", self.open_path))
        monkeypatch.setattr(dialogs, "choose_new", self._new)
        monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: self.errors.append((title, message)))

    def _log(self, what, answer):
        self.asked.append(what)
        return answer

    def _unsaved(self, parent, name):
        self.asked.append(f"unsaved {name}")
        return self.unsaved

    def _new(self, parent, examples):
        self.asked.append("new")
        self.examples = examples
        return self.new_choice


@pytest.fixture
def answers(monkeypatch):
    return Answers(monkeypatch)


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "user-data")


@pytest.fixture
def window(qtbot, settings, answers):
    win = MainWindow(Document(), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def leisure_file(tmp_path):
    path = tmp_path / "leisure.changemaker.json"
    storage.save(catalog.load_example("leisure"), path)
    return path


def test_save_on_a_new_document_asks_for_a_name_and_adds_the_suffix(window, answers, tmp_path):
    window.document.set_value(("project", "title"), "Pool and gym", "Change title")
    answers.save_path = str(tmp_path / "pool plan")
    window.actions["save"].trigger()
    saved = tmp_path / "pool plan.changemaker.json"
    assert answers.asked == ["save as"]
    assert saved.is_file()
    assert storage.load(saved) == window.document.project
    assert window.document.path == str(saved)
    assert not window.isWindowModified()
    assert window.windowTitle() == "pool plan.changemaker.json[*] – Changemaker"
    assert window.statusBar().currentMessage() == "Saved to pool plan.changemaker.json"
    assert window.settings.recent_files()[0] == str(saved)
    # A second save writes to the same file without asking.
    window.document.set_value(("project", "place"), "Ystradgynlais", "Change place")
    assert window.isWindowModified()
    window.actions["save"].trigger()
    assert answers.asked == ["save as"]
    assert storage.load(saved).project.place == "Ystradgynlais"


def test_cancelled_save_as_saves_nothing(window, answers, tmp_path):
    window.document.set_value(("project", "title"), "Pool", "Change title")
    answers.save_path = None
    assert not window.file_save()
    assert window.isWindowModified()
    assert list(tmp_path.glob("*.changemaker.json")) == []


def test_open_and_the_unsaved_prompt(window, answers, leisure_file):
    window.document.set_value(("project", "title"), "Draft", "Change title")
    answers.open_path = str(leisure_file)
    answers.unsaved = "cancel"
    assert not window.file_open()
    assert window.document.project.project.title == "Draft"
    assert answers.asked == ["unsaved Untitled"]
    answers.unsaved = "discard"
    assert window.file_open()
    assert window.document.project == storage.load(leisure_file)
    assert window.document.path == str(leisure_file)
    assert not window.document.is_dirty
    assert window.windowTitle() == "leisure.changemaker.json[*] – Changemaker"
    assert window.statusBar().currentMessage() == "Opened leisure.changemaker.json"


def test_save_answer_in_the_prompt_saves_first(window, answers, leisure_file, tmp_path):
    window.document.set_value(("project", "title"), "Draft", "Change title")
    answers.unsaved = "save"
    answers.save_path = str(tmp_path / "draft.changemaker.json")
    assert window.open_path(str(leisure_file))
    assert storage.load(tmp_path / "draft.changemaker.json").project.title == "Draft"
    assert window.document.path == str(leisure_file)


def test_a_file_that_fails_to_load_leaves_the_document_untouched(window, answers, leisure_file, tmp_path):
    window.open_path(str(leisure_file))
    window.document.set_value(("project", "title"), "My edits", "Change title")
    before = window.document.project.model_copy(deep=True)
    broken = tmp_path / "broken.changemaker.json"
    text = leisure_file.read_text(encoding="utf-8").replace('"likelihood": 2', '"likelihood": 9', 1)
    assert text != leisure_file.read_text(encoding="utf-8")
    broken.write_text(text, encoding="utf-8")
    answers.unsaved = "discard"
    assert not window.open_path(str(broken))
    assert len(answers.errors) == 1
    title, message = answers.errors[0]
    assert title == "Cannot open the file"
    assert message.startswith("broken.changemaker.json: risks[")
    assert "likelihood" in message
    assert window.document.project == before
    assert window.document.path == str(leisure_file)
    assert window.document.is_dirty
    assert window.document.undo_stack.count() == 1


def test_new_from_an_example_or_blank(window, answers, leisure_file):
    window.open_path(str(leisure_file))
    answers.new_choice = "regeneration" if "regeneration" in catalog.example_names() else "leisure"
    window.actions["new"].trigger()
    assert "new" in answers.asked
    assert [name for name, _label in answers.examples] == catalog.example_names()
    assert window.document.project == catalog.load_example(answers.new_choice)
    assert window.document.path is None
    assert window.windowTitle() == "Untitled[*] – Changemaker"
    answers.new_choice = ""
    window.file_new()
    assert window.document.project == type(window.document.project)()
    answers.new_choice = None  # cancelled
    window.document.set_value(("project", "title"), "Kept", "Change title")
    window.file_new()
    assert window.document.project.project.title == "Kept"


def test_recent_files_menu_opens_and_keeps_eight(window, answers, tmp_path):
    paths = []
    for n in range(MAX_RECENT + 2):
        path = tmp_path / f"p{n}.changemaker.json"
        project = catalog.load_example("leisure")
        project.project.title = f"Project {n}"
        storage.save(project, path)
        paths.append(path)
        assert window.open_path(str(path))
    menu = window.menus["recent"]
    entries = [a for a in menu.actions() if a.data()]
    assert len(entries) == MAX_RECENT
    assert entries[0].text() == f"&1  p{MAX_RECENT + 1}.changemaker.json"
    assert entries[-1].data() == str(paths[2])
    entries[-1].trigger()
    assert window.document.project.project.title == "Project 2"
    assert window.settings.recent_files()[0] == str(paths[2])


def test_close_with_unsaved_changes_asks(qtbot, window, answers):
    window.document.set_value(("project", "title"), "Draft", "Change title")
    answers.unsaved = "cancel"
    window.close()
    assert window.isVisible()
    answers.unsaved = "discard"
    window.close()
    assert not window.isVisible()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Qt offers only the QPoint constructor
def test_dropping_a_project_file_opens_it(qtbot, window, answers, leisure_file):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(leisure_file))])
    pos = QPoint(300, 300)
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.document.path == str(leisure_file)
    assert window.document.project == storage.load(leisure_file)
    # Something else (a picture) is refused at the door.
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(leisure_file.with_suffix(".png")))])
    refused = QDragEnterEvent(pos, Qt.DropAction.CopyAction, other, Qt.MouseButton.NoButton,
                              Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, refused)
    assert not refused.isAccepted()


def test_open_from_the_command_line_and_by_example(qtbot, answers, settings, leisure_file):
    win = create_main_window([str(leisure_file)], settings)
    qtbot.addWidget(win)
    assert win.document.path == str(leisure_file)
    assert win.document.project == storage.load(leisure_file)
    assert not win.document.is_dirty
    win2 = create_main_window(["--example", "leisure"], settings)
    qtbot.addWidget(win2)
    assert win2.document.project == catalog.load_example("leisure")
    assert win2.document.path is None
    win3 = create_main_window(["--example", "no-such-example"], settings)
    qtbot.addWidget(win3)
    assert answers.errors and "no-such-example" in answers.errors[-1][1]
    assert win3.document.project == type(win3.document.project)()


def test_window_size_is_remembered(qtbot, settings, answers):
    win = MainWindow(Document(), settings)
    qtbot.addWidget(win)
    win.show()
    win.resize(800, 650)
    qtbot.waitUntil(lambda: win.height() == 650)
    win.close()
    again = MainWindow(Document(), Settings(settings.folder))
    qtbot.addWidget(again)
    assert again.height() == 650  # the offscreen screen is only 800 wide


def test_save_and_reopen_with_the_keyboard(qtbot, window, answers, tmp_path):
    from PySide6.QtGui import QKeySequence

    def press(sequence):
        combo = QKeySequence(sequence)[0]
        qtbot.keyClick(QApplication.focusWidget() or window, combo.key(), combo.keyboardModifiers())

    window.activateWindow()
    window.step_list.setFocus()
    answers.new_choice = "leisure"
    press("Ctrl+N")
    assert window.document.project == catalog.load_example("leisure")
    window.document.set_value(("risks", 0, "impact"), 1 if window.document.project.risks[0].impact != 1 else 2,
                              "Change impact of R1")
    edited = window.document.project.model_copy(deep=True)
    answers.save_path = str(tmp_path / "marshfield")
    press("Ctrl+S")
    saved = tmp_path / "marshfield.changemaker.json"
    assert storage.load(saved) == edited
    answers.new_choice = ""
    press("Ctrl+N")
    assert window.document.project.risks == []
    answers.open_path = str(saved)
    press("Ctrl+O")
    assert window.document.project == edited
    assert window.document.path == str(saved)
    assert not window.isWindowModified()
