"""Workshop mode on the main window: F11, full screen, type size, findings, timer, the graph."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from ui import dialogs
from ui.document import Document
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.workshop.mode import SCALE_KEY, WorkshopMode
from ui.workshop.theme import DEFAULT_SCALE
from wizard import catalog, storage
from wizard.scene import Rect


class Ticker:
    """A replaceable monotonic clock."""

    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


def _clock():
    return dt.datetime(2027, 3, 2, 9, 30)


def _install(qtbot, folder, ticker=None):
    win = MainWindow(Document(), Settings(folder))
    qtbot.addWidget(win)
    mode = getattr(win, "workshop", None) or WorkshopMode(win, clock=_clock, now=ticker or Ticker())
    if ticker is not None:
        mode.now = ticker
    mode.log.clock = _clock
    win.show()
    qtbot.waitExposed(win)
    return win, mode


@pytest.fixture
def ticker():
    return Ticker()


@pytest.fixture
def setup(qtbot, tmp_path, ticker, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")  # on closing
    win, mode = _install(qtbot, tmp_path / "settings", ticker)
    win.document.open_project(catalog.load_example("leisure"), None)
    yield win, mode
    if mode.window is not None:
        mode.window.close()


def key(qtbot, sequence: str):
    """Press a shortcut on the focused widget of the active window, as a user does."""
    combo = QKeySequence(sequence)[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


def _enter(qtbot, win, mode):
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    key(qtbot, "F11")
    assert mode.active
    qtbot.waitExposed(mode.window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is mode.window)


def _to_1080p(qtbot, mode):
    """The workshop window at 1920×1080, as on a projector, laid out."""
    mode.window.showNormal()
    mode.window.setGeometry(0, 0, 1920, 1080)
    qtbot.wait(50)


def test_f11_opens_full_screen_on_the_current_step_and_leaves_again(qtbot, setup):
    win, mode = setup
    action = win.actions["workshop"]
    assert action in win.menus["view"].actions()
    assert action.text() == "&Workshop mode" and action.shortcut().toString() == "F11"
    win.go_to_step("risks")
    _enter(qtbot, win, mode)
    assert action.isChecked() and mode.window.isFullScreen()
    assert mode.view.heading.text() == "Workshop · step 4 · Risks"
    assert mode.view.capture() is mode.view.risks
    assert mode.view.risks.title_box.hasFocus()
    key(qtbot, "Ctrl+3")  # the main window's step keys work here too
    assert mode.view.heading.text() == "Workshop · step 3 · Phasing"
    assert mode.view.capture() is mode.view.phases and win.current_step() == "phasing"
    key(qtbot, "Esc")  # from the title box to the list
    key(qtbot, "F11")
    assert not mode.active and not action.isChecked()


def test_type_size_changes_with_ctrl_plus_and_minus_and_is_remembered(qtbot, setup, tmp_path):
    win, mode = setup
    _enter(qtbot, win, mode)
    assert mode.view.scale == DEFAULT_SCALE
    assert "font-size: 19pt" in mode.view.styleSheet()
    key(qtbot, "Ctrl+=")
    key(qtbot, "Ctrl+=")
    assert mode.view.scale == pytest.approx(DEFAULT_SCALE + 0.2)
    assert "font-size: 22pt" in mode.view.styleSheet()
    key(qtbot, "Ctrl+-")
    assert mode.view.scale == pytest.approx(DEFAULT_SCALE + 0.1)
    mode.window.close()
    assert not win.actions["workshop"].isChecked()  # closing the window leaves the mode
    assert Settings(tmp_path / "settings").value(SCALE_KEY, 0.0) == pytest.approx(1.7)

    again, mode2 = _install(qtbot, tmp_path / "settings")
    mode2.enter()
    assert mode2.view.scale == pytest.approx(1.7)
    mode2.window.close()


def test_f9_shows_the_findings_on_request(qtbot, setup):
    win, mode = setup
    win.go_to_step("phasing")
    _enter(qtbot, win, mode)
    _to_1080p(qtbot, mode)
    assert mode.view.findings is None  # built on first request
    key(qtbot, "F9")
    findings = mode.view.findings
    assert findings.isVisible() and mode.view.log_view.isVisible()  # side by side
    assert findings.step == "phasing"
    assert findings.list.count() == len(findings.shown) >= 1  # checked at once, not "none yet"
    key(qtbot, "Ctrl+4")
    assert findings.step == "risks"
    key(qtbot, "F9")
    assert not findings.isVisible()


def test_at_the_largest_type_the_findings_take_the_logs_place_and_the_window_fits(qtbot, setup):
    from ui.workshop.theme import MAX_SCALE

    win, mode = setup
    win.go_to_step("risks")
    mode.set_scale(MAX_SCALE)
    _enter(qtbot, win, mode)
    _to_1080p(qtbot, mode)
    view = mode.view
    key(qtbot, "F9")
    qtbot.wait(20)
    assert view.findings.isVisible() and not view.log_view.isVisible()
    assert mode.window.width() <= 1920  # nothing widens the window past the screen
    assert view.graph.height() >= 1080 * 2 // 5 - 40  # the graph keeps its share
    key(qtbot, "F9")
    assert not view.findings.isVisible() and view.log_view.isVisible()


def test_t_starts_and_pauses_the_step_timer(qtbot, setup, ticker):
    win, mode = setup
    win.go_to_step("risks")
    _enter(qtbot, win, mode)
    timer = mode.view.timer
    assert not timer.isVisible()
    mode.view.risks.focus_list()
    key(qtbot, "T")
    assert timer.isVisible() and timer.running
    ticker.t += 125
    timer.update_text()
    assert timer.text() == "Step time 02:05"
    key(qtbot, "T")
    ticker.t += 600
    assert timer.text() == "Step time 02:05  (paused)"
    key(qtbot, "T")
    ticker.t += 3600
    timer.update_text()
    assert timer.text() == "Step time 1:02:05"
    key(qtbot, "Shift+T")
    assert not timer.isVisible() and timer.elapsed() == 0


def test_typing_t_in_a_title_does_not_touch_the_timer(qtbot, setup):
    win, mode = setup
    win.go_to_step("risks")
    _enter(qtbot, win, mode)
    box = mode.view.risks.title_box
    qtbot.keyClicks(box, "Tt")
    assert box.text() == "Tt" and not mode.view.timer.isVisible()


def test_the_risk_graph_follows_the_room_and_shows_the_vote_spread(qtbot, setup):
    win, mode = setup
    win.go_to_step("risks")
    _enter(qtbot, win, mode)
    panel = mode.view.risks
    rid = win.document.project.risks[0].id
    panel.select(rid)
    panel.focus_list()
    key(qtbot, "V")
    for vote in ("Ana 2 3", "Ben 4 5"):
        qtbot.keyClicks(panel.vote_box, vote)
        qtbot.keyClick(panel.vote_box, Qt.Key.Key_Return)
    ranges = [s for s in mode.view.scene().shapes
              if isinstance(s, Rect) and s.item == ("risks", rid) and s.dash]
    assert [r.tooltip for r in ranges] == [
        f"{rid}: votes range over likelihood 2–4 and impact 3–5"]
    key(qtbot, "Esc")
    key(qtbot, "K")  # settle: median 3, 4
    risk = win.document.project.risk(rid)
    assert (risk.likelihood, risk.impact) == (3, 4)
    assert win.document.project.decisions[-1].change.startswith("Settled from 2 votes")
    # local wall-clock times, like the example's own log: the whole log sorts by time
    times = [d.time for d in win.document.project.decisions]
    assert sorted(times)[-1] == _clock() and times[0] < _clock()
    key(qtbot, "Ctrl+Z")  # the main window's undo works in the workshop window
    assert win.document.project.decisions[-1].change.startswith("Vote by Ben")


def test_leaving_selects_the_same_item_in_the_main_window(qtbot, setup):
    win, mode = setup
    win.go_to_step("phasing")
    _enter(qtbot, win, mode)
    pid = win.document.project.phases[1].id
    mode.view.phases.select(pid)
    key(qtbot, "F11")
    assert win.current_step() == "phasing"


def test_a_workshop_session_by_keyboard_is_saved_with_its_decisions(qtbot, tmp_path, monkeypatch):
    """F11, five risks added, scored by votes, settled, allocated, agreed, noted; Ctrl+S."""
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_args: "discard")
    target = tmp_path / "workshop.changemaker.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_args: str(target))
    win, mode = _install(qtbot, tmp_path / "settings", Ticker())
    win.go_to_step("risks")
    _enter(qtbot, win, mode)
    titles = ["Pool roof leaks", "Membership falls", "Energy prices rise",
              "Operator bought by a fund", "Staff transfer disputes"]
    for title in titles:
        qtbot.keyClicks(QApplication.focusWidget(), title)
        key(qtbot, "Return")
    key(qtbot, "Esc")
    key(qtbot, "Home")
    plan = [  # votes, allocation key, status key, note
        (["Ana 4 5", "Ben 3 4"], "U", "A", "Council keeps the building"),
        (["Ana 2 3", "Ben 3 3", "Dee 3 2"], "P", "A", "Operator's commercial risk"),
        (["Ana 5 3", "Ben 4 4"], "S", "A", "Shared with an energy index"),
        (["Ana 1 5", "Ben 2 5"], "U", "D", "Provider wants contingent support"),
        (["Ana 3 2", "Ben 3 3"], "P", "A", "TUPE advice taken"),
    ]
    for votes, allocation, status, note in plan:
        key(qtbot, "V")
        for vote in votes:
            qtbot.keyClicks(QApplication.focusWidget(), vote)
            key(qtbot, "Return")
        key(qtbot, "Return")  # an empty vote ends the voting
        for k in ("K", allocation, status, "N"):
            key(qtbot, k)
        qtbot.keyClicks(QApplication.focusWidget(), note)
        key(qtbot, "Return")
        key(qtbot, "Down")
    key(qtbot, "Ctrl+S")
    assert target.exists()

    saved = storage.load(target)
    got = [(r.id, r.title, r.likelihood, r.impact, r.allocation.value, r.status.value,
            len(r.votes)) for r in saved.risks]
    assert got == [
        ("R1", "Pool roof leaks", 4, 5, "public", "agreed", 2),  # medians 3.5 -> 4, 4.5 -> 5
        ("R2", "Membership falls", 3, 3, "private", "agreed", 3),
        ("R3", "Energy prices rise", 5, 4, "shared", "agreed", 2),
        ("R4", "Operator bought by a fund", 2, 5, "public", "disputed", 2),
        ("R5", "Staff transfer disputes", 3, 3, "private", "agreed", 2),
    ]
    notes = [(d.item, d.change, d.note) for d in saved.decisions if d.note]
    assert notes == [
        ("R1 Pool roof leaks", "Status proposed → agreed", "Council keeps the building"),
        ("R2 Membership falls", "Status proposed → agreed", "Operator's commercial risk"),
        ("R3 Energy prices rise", "Status proposed → agreed", "Shared with an energy index"),
        ("R4 Operator bought by a fund", "Status proposed → disputed",
         "Provider wants contingent support"),
        ("R5 Staff transfer disputes", "Status proposed → agreed", "TUPE advice taken"),
    ]
    assert all(d.step == "Risks" and d.time == _clock() for d in saved.decisions)
    assert len(saved.decisions) == 5 + 11 + 5 + 4 + 5  # adds, votes, settles, allocations, status
    assert mode.view.log_view.lines()[0] == (
        f"{_clock():%H:%M}  R5 Staff transfer disputes — Status proposed → agreed  "
        "“TUPE advice taken”")
    mode.window.close()


def test_the_step_timer_restarts_on_each_step(qtbot, setup, ticker):
    window, mode = setup
    window.go_to_step("risks")
    mode.enter()
    timer = mode.view.timer
    timer.start()
    ticker.t += 125
    timer.update_text()
    assert timer.text() == "Step time 02:05"
    window.go_to_step("phasing")
    assert timer.running and timer.elapsed() == 0
    assert timer.text() == "Step time 00:00"
    ticker.t += 5
    window.go_to_step("phasing")  # the same step again: the count goes on
    assert timer.elapsed() == 5


def test_titles_come_first_and_the_list_keeps_rows_at_the_largest_type(qtbot, setup):
    from ui.workshop.theme import MAX_SCALE

    window, mode = setup
    mode.set_scale(MAX_SCALE)
    mode.enter()
    window.go_to_step("risks")
    panel = mode.view.risks
    risk = window.document.project.risks[0]
    assert panel.list.item(0).text().startswith(f"{risk.id}  {risk.title}  ·  ")
    rows = panel.list.fontMetrics().lineSpacing() * 4
    assert panel.list.minimumSizeHint().height() >= rows


def test_at_1080p_with_larger_type_the_list_log_and_legend_keep_their_room(qtbot, setup):
    from ui.workshop.theme import DEFAULT_SCALE, SCALE_STEP

    window, mode = setup
    window.go_to_step("risks")
    mode.set_scale(DEFAULT_SCALE + 2 * SCALE_STEP)  # Ctrl+= twice
    mode.enter()
    mode.window.showNormal()
    mode.window.setGeometry(0, 0, 1920, 1080)
    view = mode.view
    if view.findings is None or not view.findings.isVisible():
        view.toggle_findings()  # F9
    qtbot.wait(50)
    panel = view.risks
    row_h = panel.list.visualItemRect(panel.list.item(0)).height()
    assert panel.list.viewport().height() // row_h >= 5
    last = panel.list.count() - 1
    panel.select(window.document.project.risks[-1].id)
    shown = panel.list.visualItemRect(panel.list.item(last))
    assert 0 <= shown.top() and shown.bottom() <= panel.list.viewport().height()  # scrolled to
    legend = panel.legend_label
    assert legend.height() >= legend.heightForWidth(legend.width()) - 2  # not cut
    # ... and on screen: the findings sit beside the log, not in the capture panel's height
    viewport = view.panel_scroll.viewport()
    bottom = legend.mapTo(viewport, legend.rect().bottomLeft()).y()
    assert 0 <= legend.mapTo(viewport, legend.rect().topLeft()).y() and bottom <= viewport.height()
    assert view.findings.isVisible() and not view.panel_scroll.isAncestorOf(view.findings)
    log = view.log_view.list
    assert log.viewport().height() >= log.fontMetrics().lineSpacing() * 5


def test_owner_category_title_and_mitigation_by_keyboard_each_one_undo_step(qtbot, setup):
    from wizard.vocab import RiskCategory, label

    window, mode = setup
    window.go_to_step("risks")
    _enter(qtbot, window, mode)
    panel = mode.view.risks
    panel.focus_list()
    doc = window.document
    risk = doc.project.risks[0]
    panel.select(risk.id)
    owner = next(p for p in doc.project.partners if p.id != risk.owner)
    category = next(c for c in RiskCategory if c is not risk.category)
    decisions = len(doc.project.decisions)

    def press(key, text=""):
        qtbot.keyClick(panel.list, key)
        target = QApplication.focusWidget()
        assert target is not panel.list  # a row opened to type in
        if text:
            target.selectAll() if hasattr(target, "selectAll") else None
            qtbot.keyClicks(target, text)
        qtbot.keyClick(target, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list, timeout=1000)

    steps = [
        (Qt.Key.Key_O, owner.name, lambda r: r.owner == owner.id, "owner"),
        (Qt.Key.Key_C, label(category), lambda r: r.category is category, "category"),
        (Qt.Key.Key_E, "Council loses the pool site", lambda r: r.title ==
         "Council loses the pool site", "title"),
        (Qt.Key.Key_M, "Title search before tender", lambda r: r.mitigation ==
         "Title search before tender", "mitigation"),
    ]
    for key_, text, holds, field in steps:
        press(key_, text)
        now = doc.project.risk(risk.id)
        assert holds(now), field
        assert f"{field} of {risk.id}" in doc.undo_stack.undoText()
        assert len(doc.project.decisions) == decisions + 1
        assert doc.project.decisions[-1].item_id == risk.id
        decisions += 1
    for key_, text, holds, field in reversed(steps):
        qtbot.keyClick(panel.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert not holds(doc.project.risk(risk.id)), field
    back = doc.project.risk(risk.id)
    assert (back.owner, back.category, back.title, back.mitigation) == \
        (risk.owner, risk.category, risk.title, risk.mitigation)


def test_the_owner_chooser_narrows_by_the_whole_typed_text_and_esc_changes_nothing(qtbot, setup):
    window, mode = setup
    window.go_to_step("risks")
    _enter(qtbot, window, mode)
    panel = mode.view.risks
    panel.focus_list()
    risk = window.document.project.risks[0]
    panel.select(risk.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_C)
    qtbot.keyClicks(panel.chooser.box, "dem")
    shown = [panel.chooser.list.item(i).text() for i in range(panel.chooser.list.count())]
    assert shown and all("dem" in t.lower() for t in shown)
    qtbot.keyClick(panel.chooser.box, Qt.Key.Key_Escape)
    assert window.document.project.risks[0].category is risk.category
    assert QApplication.focusWidget() is panel.list


def _at_1080p(qtbot, window, mode, step, scale):
    """Workshop mode on ``step`` at type ``scale``, its window 1920×1080 as on a projector."""
    window.go_to_step(step)
    mode.set_scale(scale)
    mode.enter()
    _to_1080p(qtbot, mode)


@pytest.mark.parametrize("steps_larger", [0, 2])
def test_risk_matrix_text_is_at_least_the_room_type_size_at_1080p(qtbot, setup, steps_larger):
    from wizard.scene import Text
    from ui.workshop.theme import DEFAULT_SCALE, SCALE_STEP

    window, mode = setup
    _at_1080p(qtbot, window, mode, "risks", DEFAULT_SCALE + steps_larger * SCALE_STEP)
    view = mode.view
    graph = view.graph
    graph.fit()
    scene = graph._scene
    texts = [shape for shape in scene.shapes if isinstance(shape, Text)]
    assert texts
    shown = min(t.size for t in texts) * graph.zoom  # pixels on the projector
    assert shown >= 24
    # the whole matrix is on screen: fitted, not cut
    assert scene.width * graph.zoom <= graph.scroll.viewport().width() + 1
    assert scene.height * graph.zoom <= graph.scroll.viewport().height() + 1


@pytest.mark.parametrize("steps_larger", [0, 2])
def test_contract_map_text_is_the_room_type_size_and_the_selected_phase_is_scrolled_to(
        qtbot, setup, steps_larger):
    """The contract map cannot fit whole with its text at the room's size, so it fits the
    width, its text at least 24 px on a 1080p projector, and scrolls down to the phase picked."""
    from wizard.scene import Text
    from ui.workshop.theme import DEFAULT_SCALE, SCALE_STEP

    window, mode = setup
    _at_1080p(qtbot, window, mode, "phasing", DEFAULT_SCALE + steps_larger * SCALE_STEP)
    view = mode.view
    graph = view.graph
    scene = graph.scene()
    texts = [shape for shape in scene.shapes if isinstance(shape, Text)]
    assert min(t.size for t in texts) * graph.zoom >= 24  # pixels on the projector
    viewport = graph.scroll.viewport()
    assert scene.width * graph.zoom <= viewport.width() + 1  # its whole width: no sideways
    assert scene.height * graph.zoom > viewport.height()  # and it is taller than the view
    assert graph.scroll.verticalScrollBar().value() == 0

    last = window.document.project.phases[-1]  # the lowest lane
    view.phases.select(last.id)
    qtbot.wait(20)
    lane = next(shape for shape in graph.scene().shapes  # the frame round the selected lane
                if isinstance(shape, Rect) and shape.item == ("phases", last.id)
                and shape.fill == "none")
    top = lane.y * graph.zoom - graph.scroll.verticalScrollBar().value()
    bottom = (lane.y + lane.h) * graph.zoom - graph.scroll.verticalScrollBar().value()
    assert graph.scroll.verticalScrollBar().value() > 0
    assert 0 <= top and bottom <= viewport.height()


def test_the_workshop_graph_title_stays_on_one_line_at_the_largest_type(qtbot, setup):
    from ui.workshop.theme import MAX_SCALE

    window, mode = setup
    _at_1080p(qtbot, window, mode, "risks", MAX_SCALE)
    title = mode.view.graph.title_label
    full = f"Risk matrix: {window.document.project.project.title}"
    assert title.toolTip() == full and title.accessibleName() == full
    assert title.text() != full and title.text().endswith("…")  # shortened, not wrapped
    assert title.height() < title.fontMetrics().lineSpacing() * 2
