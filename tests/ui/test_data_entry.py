"""Data entry that is safer than a spreadsheet: the wheel, ids, Add then type, type-ahead."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSlider,
    QSpinBox,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import pytest

from tests.ui.page_helpers import cell_text, column_of, open_editor, show
from ui import dialogs
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.widgets import wheel_guard
from ui.widgets.table import ENUM, INT, Column, ItemTable
from wizard import catalog
from wizard.model import Project, Risk
from wizard.vocab import RiskCategory, RiskResponse


@pytest.fixture(autouse=True)
def _discard_on_close(monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _tall_form(qtbot):
    """A scroll area holding a spin box, a combo, a date field and a slider, then filler."""
    wheel_guard.install()
    area = QScrollArea()
    body = QWidget()
    layout = QVBoxLayout(body)
    spin, combo, date, slider = QSpinBox(), QComboBox(), QDateEdit(), QSlider(Qt.Orientation.Horizontal)
    spin.setRange(0, 500)
    spin.setValue(120)
    combo.addItems(["Averse", "Minimal", "Cautious", "Open", "Eager"])
    combo.setCurrentIndex(2)
    slider.setRange(0, 100)
    slider.setValue(50)
    focus_sink = QLineEdit()
    for w in (focus_sink, spin, combo, date, slider):
        layout.addWidget(w)
    layout.addSpacing(3000)
    area.setWidget(body)
    area.setWidgetResizable(True)
    show(qtbot, area, 400, 300)
    focus_sink.setFocus()
    return area, focus_sink, spin, combo, date, slider


def test_the_wheel_over_unfocused_fields_scrolls_the_page_and_changes_nothing(qtbot):
    area, sink, spin, combo, date, slider = _tall_form(qtbot)
    day = date.date()
    for widget in (spin, combo, date, slider):
        wheel(widget)
    assert spin.value() == 120
    assert combo.currentText() == "Cautious"
    assert date.date() == day
    assert slider.value() == 50
    assert QApplication.focusWidget() in (sink, None)  # the wheel gave none of them the focus
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead


def test_the_wheel_still_changes_the_focused_field(qtbot):
    _area, _sink, spin, *_rest = _tall_form(qtbot)
    spin.setFocus()
    qtbot.waitUntil(lambda: spin.hasFocus() or QApplication.focusWidget() is None, timeout=1000)
    if not spin.hasFocus():  # offscreen windows are not always active
        return
    wheel(spin, 1)
    assert spin.value() == 121


def test_value_widgets_do_not_take_the_focus_from_the_wheel(qtbot):
    _area, _sink, spin, combo, date, slider = _tall_form(qtbot)
    for widget in (spin, combo, date, slider):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget


def _window(qtbot, tmp_path) -> MainWindow:
    window = MainWindow(Document(catalog.load_example("leisure")), Settings(tmp_path / "s"))
    show(qtbot, window)
    return window


def test_the_wheel_over_the_project_form_changes_no_field(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.go_to_step("project")
    page = window.current_page()
    before = window.document.project.model_copy(deep=True)
    targets = page.findChildren(QAbstractSpinBox) + page.findChildren(QComboBox)
    assert len(targets) >= 3
    for widget in targets:
        wheel(widget)
        wheel(widget, 3)
    assert window.document.project == before
    assert not window.document.undo_stack.canUndo()


def test_the_wheel_over_a_table_cell_editor_changes_nothing(qtbot, tmp_path):
    """The editors the table's delegate makes (spin box, combo) pass the wheel to the table."""
    window = _window(qtbot, tmp_path)
    window.go_to_step("risks")
    table = window.current_page().table
    view = table.view
    for header in ("Likelihood", "Category"):
        index = view.model().index(0, column_of(view, header))
        option = QStyleOptionViewItem()
        editor = table.delegate.createEditor(view.viewport(), option, index)
        table.delegate.setEditorData(editor, index)
        editor.setGeometry(view.visualRect(index))
        editor.show()
        shown = editor.value() if isinstance(editor, QSpinBox) else editor.currentText()
        table.buttons["add"].setFocus()
        wheel(editor)
        wheel(editor, 3)
        now = editor.value() if isinstance(editor, QSpinBox) else editor.currentText()
        assert now == shown, header
        assert editor.focusPolicy() == Qt.FocusPolicy.StrongFocus
        editor.deleteLater()


def _risks_page(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.go_to_step("risks")
    return window, window.current_page().table


def _type_in_table(qtbot, view: QTableView, text: str) -> QWidget:
    """Type on the table as a user would: the first key opens the cell, the rest go to it."""
    qtbot.keyClick(view, text[0])
    qtbot.waitUntil(lambda: view.state() == QTableView.State.EditingState, timeout=2000)
    editors = [w for w in view.viewport().children() if isinstance(w, QWidget) and w.isVisible()]
    editor = QApplication.focusWidget() if view.viewport().isAncestorOf(
        QApplication.focusWidget() or view) else editors[-1]
    for char in text[1:]:
        qtbot.keyClick(editor, char)
    return editor


def test_add_then_typing_fills_the_name(qtbot, tmp_path):
    window, table = _risks_page(qtbot, tmp_path)
    count = len(window.document.project.risks)
    qtbot.mouseClick(table.buttons["add"], Qt.MouseButton.LeftButton)
    new = window.document.project.risks[-1]
    assert new.id == f"R{count + 1}"
    view = table.view
    assert view.currentIndex().column() == column_of(view, "Title")
    assert view.horizontalHeader().visualIndex(column_of(view, "Title")) == 0  # first, wide
    assert view.columnWidth(column_of(view, "Title")) >= 240
    qtbot.waitUntil(lambda: view.state() == QTableView.State.EditingState, timeout=2000)
    editor = next(w for w in view.viewport().children() if isinstance(w, QLineEdit) and w.isVisible())
    qtbot.keyClicks(editor, "Carers leave for the NHS")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)
    risk = window.document.project.risks[-1]
    assert (risk.id, risk.title) == (f"R{count + 1}", "Carers leave for the NHS")
    assert cell_text(view, count, "Title") == "Carers leave for the NHS"
    assert "not a usable id" not in table.message.text()


def test_ids_are_shown_read_only_in_every_table(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    tables = [t for page in window.pages for t in page.findChildren(ItemTable)]
    assert len(tables) >= 8
    for table in tables:
        for col, column in enumerate(table.model.columns):
            if column.attr == "id" and table.model.rowCount():
                flags = table.model.flags(table.model.index(0, col))
                assert not flags & Qt.ItemFlag.ItemIsEditable, table.objectName()


def test_typing_in_a_category_cell_matches_the_whole_typed_text(qtbot, tmp_path):
    window, table = _risks_page(qtbot, tmp_path)
    view = table.view
    expected = {"dem": RiskCategory.DEMAND, "perf": RiskCategory.PERFORMANCE,
                "dat": RiskCategory.DATA_ACCURACY, "work": RiskCategory.WORKFORCE}
    for typed, category in expected.items():
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, column_of(view, "Category")))
        editor = _type_in_table(qtbot, view, typed)
        assert isinstance(editor, QComboBox)
        assert editor.currentData() == category, typed  # the box shows what it picked
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)
        assert window.document.project.risks[0].category == category, typed
    assert window.document.undo_stack.undoText() == "Change category of R1"


def test_typing_a_response_picks_treat_not_transfer(qtbot, tmp_path):
    window, table = _risks_page(qtbot, tmp_path)
    view = table.view
    response = column_of(view, "Response")
    assert view.isColumnHidden(response)  # a secondary column, behind the column chooser
    menu = table.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Response")
    assert "Title" not in [a.text() for a in menu.actions()]  # the name column always shows
    action.trigger()
    assert not view.isColumnHidden(response)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, response))
    editor = _type_in_table(qtbot, view, "trea")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)
    assert window.document.project.risks[1].response == RiskResponse.TREAT


def test_typing_that_matches_nothing_commits_nothing(qtbot, tmp_path):
    window, table = _risks_page(qtbot, tmp_path)
    view = table.view
    before = window.document.project.risks[0].category
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, column_of(view, "Category")))
    editor = _type_in_table(qtbot, view, "zzq")
    assert editor.currentData() == before
    assert "No choice matches" in editor.toolTip()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState, timeout=2000)
    assert window.document.project.risks[0].category == before
    assert not window.document.undo_stack.canUndo()


def test_match_choice_prefers_the_whole_prefix_then_a_word():
    from ui.widgets.type_ahead import match_choice

    labels = ["Environmental", "Finance availability", "Availability and quality",
              "Demand (volume)", "Data accuracy", "Transfer", "Treat"]
    assert match_choice(labels, "dem") == 3
    assert match_choice(labels, "dat") == 4
    assert match_choice(labels, "trea") == 6
    assert match_choice(labels, "avail") == 2  # a label's start before a later word
    assert match_choice(labels, "qual") == 2  # a word in the label
    assert match_choice(labels, "vol") == 3
    assert match_choice(labels, "zq") == -1


def test_choosing_a_private_bearer_makes_the_partner_chart_add_up(qtbot, tmp_path):
    from wizard.graphs.partner_load import carried
    from wizard.risk import score

    window = _window(qtbot, tmp_path)
    project = window.document.project
    public = {p.id for p in project.partners if p.kind.value == "public"}
    provider = next(p for p in project.partners if p.id not in public)
    # make R1 a shared risk the council owns, with nobody carrying the private share
    window.document.set_value(("risks", 0, "owner"), sorted(public)[0], "Change owner of R1")
    window.document.set_value(("risks", 0, "allocation"), "shared", "Change allocation of R1")
    window.document.set_value(("risks", 0, "public_share"), 40, "Change public share of R1")
    window.document.set_value(("risks", 0, "private_bearer"), None, "Change private bearer")
    window.go_to_step("risks")
    page = window.current_page()
    page.table.select_id("R1")
    total, _ = carried(window.document.project)
    assert total.get("", 0) >= score(window.document.project.risks[0]) * 0.6 - 1e-9
    combo = window.findChild(QComboBox, "risks.private_bearer")
    assert combo is not None and combo.isEnabled()
    combo.setCurrentIndex(combo.findData(provider.id))  # as choosing it in the list does
    assert window.document.project.risks[0].private_bearer == provider.id
    assert window.document.undo_stack.undoText() == "Change private bearer of R1"
    total, _ = carried(window.document.project)
    register = sum(score(r) for r in window.document.project.risks)
    assert sum(total.values()) == pytest.approx(register)
    window.go_to_step("review")
    review = window.current_page()
    review.tabs.setCurrentWidget(review.graphs["partner_load"])
    text = review.graphs["partner_load"].accessibleDescription()
    assert f"the register's total score of {register}" in text


def test_the_scheduled_start_shows_beside_the_requested_one(qtbot, tmp_path):
    from tests.ui.page_helpers import type_into_cell
    from wizard.schedule import build_schedule

    window = _window(qtbot, tmp_path)
    window.go_to_step("phasing")
    view = window.current_page().table.view
    project = window.document.project
    row, phase = next((i, p) for i, p in enumerate(project.phases) if p.depends_on)
    after = build_schedule(project).finish[phase.depends_on[0]]
    assert after > 2
    type_into_cell(qtbot, view, row, "Start month", "2")
    assert window.document.project.phases[row].start_month == 2
    assert cell_text(view, row, "Start month") == "2"
    scheduled = build_schedule(window.document.project).start[phase.id]
    assert scheduled >= after
    assert cell_text(view, row, "Scheduled start") == f"{scheduled} (moved from 2)"
    first = next(i for i, p in enumerate(window.document.project.phases) if not p.depends_on)
    assert cell_text(view, first, "Scheduled start") == str(project.phases[first].start_month)


def test_kpis_and_social_objectives_have_detail_forms(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.go_to_step("accountability")
    page = window.current_page()
    page.kpis.select_row(0)
    kpi = window.document.project.kpis[0]
    measure = window.findChild(QPlainTextEdit, "kpis.measure")
    assert measure is not None and measure.isEnabled()
    assert measure.toPlainText() == kpi.measure
    measure.setFocus()
    measure.selectAll()
    qtbot.keyClicks(measure, "Visits a year counted at the turnstiles, published monthly")
    measure.focusLost.emit()  # as leaving the field does
    assert window.document.project.kpis[0].measure == \
        "Visits a year counted at the turnstiles, published monthly"
    assert window.document.undo_stack.undoText() == f"Change measure of {kpi.id}"
    page.social.select_row(0)
    outcome = window.findChild(QLineEdit, "social_impact.outcome")
    assert outcome.text() == window.document.project.social_impact[0].outcome
    assert window.findChild(QLabel, "social_impact.detail_title").text().startswith(
        "Social impact objective S")


def test_splitters_and_columns_are_remembered(qtbot, tmp_path):
    settings = Settings(tmp_path / "s")
    window = MainWindow(Document(catalog.load_example("leisure")), settings)
    show(qtbot, window)
    window.go_to_step("risks")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.vertical.sizes()[0] > 0, timeout=2000)
    total = sum(page.vertical.sizes())
    page.vertical.setSizes([total // 4, total - total // 4])
    wanted = page.vertical.sizes()
    response = column_of(page.table.view, "Response")
    page.table.show_column(response, True)
    window.close()

    again = MainWindow(Document(catalog.load_example("leisure")), settings)
    show(qtbot, again)
    again.go_to_step("risks")
    page = again.current_page()
    qtbot.wait(50)
    assert abs(page.vertical.sizes()[0] - wanted[0]) <= 30
    assert not page.table.view.isColumnHidden(response)


def test_undo_names_keep_abbreviations_in_capitals(qtbot, tmp_path):
    from tests.ui.page_helpers import click_check

    window = _window(qtbot, tmp_path)
    window.go_to_step("partners")
    view = window.current_page().table.view
    row = 1
    partner = window.document.project.partners[row]
    before = partner.sme
    click_check(qtbot, view, row, "SME")
    qtbot.waitUntil(lambda: window.document.project.partners[row].sme is not before, timeout=2000)
    assert window.document.undo_stack.undoText() == f"Change SME of {partner.id}"


def test_edit_menu_copies_and_pastes_in_fields_and_cells(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    assert [a.text() for a in window.menus["edit"].actions() if a.text()][:5] == [
        "&Undo", "&Redo", "Cu&t", "&Copy", "&Paste"]
    window.go_to_step("risks")
    view = window.current_page().table.view
    view.setCurrentIndex(view.model().index(0, column_of(view, "Title")))
    from ui import clipboard
    assert clipboard.run("copy", view)
    title = window.document.project.risks[0].title
    assert QApplication.clipboard().text() == title
    view.setCurrentIndex(view.model().index(1, column_of(view, "Title")))
    assert clipboard.run("paste", view)
    assert window.document.project.risks[1].title == title
    assert window.document.undo_stack.undoText() == "Change title of R2"


def test_help_has_the_user_guide_and_about_the_version(qtbot, tmp_path):
    from ui.help import GUIDE, app_version

    window = _window(qtbot, tmp_path)
    assert GUIDE.is_file()
    window.actions["user_guide"].trigger()
    text = window.guide_dialog.browser.toPlainText()
    assert "Add (Insert) creates an item" in text.replace("\n", " ")
    assert app_version() == "0.1.0"


def test_the_unsaved_changes_question_has_a_discard_key(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def fake_exec(box):
        button = box.button(QMessageBox.StandardButton.Discard)
        seen["text"] = button.text()
        seen["keys"] = button.shortcut().toString()
        return QMessageBox.StandardButton.Discard

    monkeypatch.undo()  # the real question, not the autouse fixture's stand-in
    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert dialogs.ask_unsaved(None, "home care") == "discard"
    assert seen["text"] == "&Discard changes" and seen["keys"] == "Ctrl+D"


def test_file_export_from_any_step_remembers_the_folder(qtbot, tmp_path, monkeypatch):
    from ui.pages import review

    window = _window(qtbot, tmp_path)
    window.go_to_step("risks")
    asked: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def ask(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(folder / suggested.rsplit("/", 1)[-1])

    shown, told = [], []
    monkeypatch.setattr(review, "ask_export_path", ask)
    monkeypatch.setattr(review, "ask_open", lambda _p, _path: "folder")
    monkeypatch.setattr(review, "show_in_folder", shown.append)
    page = window.page("review")
    with qtbot.waitSignal(page.exportFinished, timeout=20_000):
        window.actions["export_ocds"].trigger()
    assert window.current_step() == "risks"  # exported without leaving the step
    name = asked[0]
    assert " " not in name and "(" not in name and name.endswith("-OCDS.json")
    assert len(shown) == 1 and shown[0].endswith(name)
    monkeypatch.setattr(review, "ask_open", lambda _p, _path: True)
    monkeypatch.setattr(review, "open_file", lambda _path: False)  # no viewer for .html
    monkeypatch.setattr(review, "tell_no_viewer", lambda _p, path: told.append(path))
    with qtbot.waitSignal(page.exportFinished, timeout=20_000):
        window.actions["export_html"].trigger()
    assert asked[1].startswith(str(folder))  # the last folder, remembered
    assert told and told[0].endswith(".html")
    assert [a.text() for a in window.menus["export"].actions()][0].startswith("Business case PDF")


def test_settings_live_in_the_platform_config_folder(monkeypatch, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from ui import settings as settings_module

    monkeypatch.delenv("CHANGEMAKER_DATA_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QStandardPaths.setTestModeEnabled(False)
    s = settings_module.Settings()
    assert s.path == tmp_path / "config" / "changemaker" / "settings.ini"
    assert "Changemaker/Changemaker" not in str(s.path)


def test_the_break_clauses_step_shows_the_contract_map(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    window.go_to_step("break_clauses")
    page = window.current_page()
    assert page.scene_view is not None and page.scene_view.isVisible()
    clause = window.document.project.break_clauses[0]
    page.table.select_id(clause.id)
    scene = page.scene_view.scene()
    assert scene is not None and scene.title.startswith("Contract map: ")
    assert any(getattr(shape, "item", None) == ("break_clauses", clause.id) for shape in scene.shapes)
