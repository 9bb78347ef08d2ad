"""Fast capture driven by the keyboard, as a facilitator would in the room."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from ui.document import Document
from ui.workshop.capture import PhaseCapture, RiskCapture
from ui.workshop.decision_log import DecisionLog
from wizard.model import Phase, Project
from wizard.vocab import Allocation, WorkshopStatus


class Clock:
    """A replaceable clock: each reading one minute after the last."""

    def __init__(self):
        self.now = dt.datetime(2027, 3, 2, 9, 0)

    def __call__(self):
        self.now += dt.timedelta(minutes=1)
        return self.now


@pytest.fixture
def document():
    return Document(Project())


@pytest.fixture
def risks(qtbot, document):
    panel = RiskCapture(document, DecisionLog(document, Clock()))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def type_line(qtbot, box, text):
    """Type ``text`` and press Enter; characters beyond Latin-1 (which QTest cannot synthesise
    as key presses) arrive as an input method would deliver them."""
    for char in text:
        if ord(char) < 256:
            qtbot.keyClicks(box, char)
        else:
            box.insert(char)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def keys(qtbot, widget, sequence):
    for key in sequence:
        qtbot.keyClick(widget, key)


def test_enter_adds_a_risk_and_the_box_is_ready_for_the_next(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "Pool roof leaks")
    type_line(qtbot, risks.title_box, "Membership falls")
    assert [(r.id, r.title) for r in document.project.risks] == [
        ("R1", "Pool roof leaks"), ("R2", "Membership falls")]
    assert risks.title_box.text() == ""
    assert risks.selected_id() == "R2"
    assert document.undo_stack.text(1) == "Add risk R2"
    assert risks.list.item(1).text() == "R2  Membership falls  ·  3×3  Shared  Proposed"


def test_an_empty_title_is_refused_with_a_message(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "   ")
    assert document.project.risks == []
    assert risks.message.text() == "New risk: type a title first"
    assert risks.message.property("kind") == "error"


def test_digits_set_likelihood_then_impact_and_letters_choose(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "Pool roof leaks")
    qtbot.keyClick(risks.title_box, Qt.Key.Key_Escape)
    assert risks.list.hasFocus()
    keys(qtbot, risks.list, [Qt.Key.Key_4, Qt.Key.Key_2])
    risk = document.project.risk("R1")
    assert (risk.likelihood, risk.impact) == (4, 2)
    assert document.undo_stack.text(document.undo_stack.index() - 1) == (
        "Set impact of R1 to 2 (workshop)")
    keys(qtbot, risks.list, [Qt.Key.Key_I, Qt.Key.Key_5])
    qtbot.keyClick(risks.list, Qt.Key.Key_Slash)
    assert risks.title_box.hasFocus()
    assert risks.legend_label.isVisible()
    assert "U public  ·  P private  ·  S shared  ·  A agreed  ·  D disputed" in (
        risks.legend_label.text())
    assert document.project.risk("R1").impact == 5
    assert risks.armed_label.text() == "Next digit sets: LIKELIHOOD"
    assert "Likelihood 4 Likely" in risks.detail.text()
    assert "Impact 5 Severe" in risks.detail.text()
    assert "Score 20 (very high)" in risks.detail.text()


def test_undo_removes_the_change_and_its_log_line_together(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "Pool roof leaks")
    risks.focus_list()
    qtbot.keyClick(risks.list, Qt.Key.Key_U)
    assert document.project.risk("R1").allocation is Allocation.PUBLIC
    assert [d.change for d in document.project.decisions] == [
        "Added", "Allocation shared → public"]
    document.undo_stack.undo()
    assert document.project.risk("R1").allocation is Allocation.SHARED
    assert [d.change for d in document.project.decisions] == ["Added"]


def test_a_risk_with_no_votes_cannot_be_settled(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "Pool roof leaks")
    risks.focus_list()
    qtbot.keyClick(risks.list, Qt.Key.Key_K)
    assert risks.message.text() == "R1 has no votes yet: press V to record them"
    assert len(document.project.decisions) == 1


def test_a_bad_vote_is_explained_and_nothing_is_recorded(qtbot, document, risks):
    type_line(qtbot, risks.title_box, "Pool roof leaks")
    risks.focus_list()
    qtbot.keyClick(risks.list, Qt.Key.Key_V)
    assert risks.vote_box.isVisible() and risks.vote_box.hasFocus()
    type_line(qtbot, risks.vote_box, "Ana 9")
    assert "two digits 1–5" in risks.message.text()
    assert document.project.risk("R1").votes == []
    assert risks.vote_box.text() == "Ana 9"  # kept, to correct


def test_the_room_workflow_end_to_end(qtbot, document, risks):
    """Add five risks, score them by votes, settle, allocate, mark agreed, with notes."""
    titles = ["Pool roof leaks", "Membership falls", "Energy prices rise",
              "Operator bought by a fund", "Staff transfer disputes"]
    for title in titles:
        type_line(qtbot, risks.title_box, title)
    qtbot.keyClick(risks.title_box, Qt.Key.Key_Escape)
    votes = {
        "R1": ["Ana 4 5", "Ben 3 4", "Cllr Ŵyn 4 4"],
        "R2": ["Ana 2 3", "Ben 3 3"],
        "R3": ["Ana 5 3", "Ben 4 3", "Resident Ø 5 2"],
        "R4": ["Ana 1 5", "Ben 2 5", "Cllr Ŵyn 1 4"],
        "R5": ["Ana 3 2", "Ben 3 3", "Cllr Ŵyn 2 2", "Dee 4 3"],
    }
    allocation_keys = {"R1": Qt.Key.Key_U, "R2": Qt.Key.Key_P, "R3": Qt.Key.Key_S,
                       "R4": Qt.Key.Key_U, "R5": Qt.Key.Key_P}
    status_keys = {"R1": Qt.Key.Key_A, "R2": Qt.Key.Key_A, "R3": Qt.Key.Key_A,
                   "R4": Qt.Key.Key_D, "R5": Qt.Key.Key_A}
    qtbot.keyClick(risks.list, Qt.Key.Key_Home)
    for row, rid in enumerate(votes):
        assert risks.selected_id() == rid
        qtbot.keyClick(risks.list, Qt.Key.Key_V)
        for vote in votes[rid]:
            type_line(qtbot, risks.vote_box, vote)
        qtbot.keyClick(risks.vote_box, Qt.Key.Key_Return)  # empty Enter ends the votes
        assert risks.list.hasFocus()
        qtbot.keyClick(risks.list, Qt.Key.Key_Return)  # settle
        qtbot.keyClick(risks.list, Qt.Key.Key_N)
        type_line(qtbot, risks.note_box, f"Settled for {rid} after discussion")
        keys(qtbot, risks.list, [allocation_keys[rid], status_keys[rid]])
        qtbot.keyClick(risks.list, Qt.Key.Key_N)
        type_line(qtbot, risks.note_box, "Room agreed" if rid != "R4" else "Provider objects")
        qtbot.keyClick(risks.list, Qt.Key.Key_Down)

    project = Project.model_validate_json(document.project.model_dump_json())  # as saved
    got = {r.id: (r.likelihood, r.impact, r.allocation, r.status, len(r.votes))
           for r in project.risks}
    assert got == {
        "R1": (4, 4, Allocation.PUBLIC, WorkshopStatus.AGREED, 3),
        "R2": (3, 3, Allocation.PRIVATE, WorkshopStatus.AGREED, 2),  # 2.5 -> 3, 3
        "R3": (5, 3, Allocation.SHARED, WorkshopStatus.AGREED, 3),
        "R4": (1, 5, Allocation.PUBLIC, WorkshopStatus.DISPUTED, 3),
        "R5": (3, 3, Allocation.PRIVATE, WorkshopStatus.AGREED, 4),  # 3, 2.5 -> 3
    }
    assert [r.title for r in project.risks] == titles
    assert project.risk("R1").votes[2].participant == "Cllr Ŵyn"
    log = project.decisions
    # 5 adds, 15 votes, 5 settles, 5 allocation changes (R3 was already shared), 5 statuses
    assert len(log) == 5 + 15 + 5 + 4 + 5
    assert all(d.step == "Risks" for d in log)
    settled = [d for d in log if d.change.startswith("Settled")]
    assert [d.item for d in settled] == [f"R{n} {t}" for n, t in enumerate(titles, 1)]
    assert settled[0].change == ("Settled from 3 votes at likelihood 4, impact 4 "
                                 "(votes ranged 3–4 and 4–5; median)")
    assert [d.note for d in settled] == [f"Settled for R{n} after discussion" for n in range(1, 6)]
    r4_status = next(d for d in log if d.item.startswith("R4") and d.change.startswith("Status"))
    assert (r4_status.change, r4_status.note) == ("Status proposed → disputed", "Provider objects")
    assert log[0].time == dt.datetime(2027, 3, 2, 9, 1)
    assert [d.time for d in log] == sorted(d.time for d in log)
    assert risks.message.text() == "Noted on R5 Staff transfer disputes: “Room agreed”"


@pytest.fixture
def phases(qtbot, document):
    panel = PhaseCapture(document, DecisionLog(document, Clock()))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_phases_are_added_moved_and_resized_by_keys(qtbot, document, phases):
    type_line(qtbot, phases.title_box, "Design and build")
    type_line(qtbot, phases.title_box, "Operation")
    assert [(p.id, p.start_month, p.duration_months) for p in document.project.phases] == [
        ("P1", 0, 12), ("P2", 12, 12)]
    qtbot.keyClick(phases.title_box, Qt.Key.Key_Escape)
    assert phases.selected_id() == "P2"
    keys(qtbot, phases.list, [Qt.Key.Key_Right, Qt.Key.Key_Right])
    qtbot.keyClick(phases.list, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(phases.list, Qt.Key.Key_Left)
    keys(qtbot, phases.list, [Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus,
                              Qt.Key.Key_BracketRight])
    phase = document.project.phase("P2")
    assert (phase.start_month, phase.duration_months) == (25, 25)
    assert phases.detail.text() == (
        "P2  Operation\nFrom month 25 to month 50 (25 months), counted from the contract start")
    assert document.undo_stack.text(document.undo_stack.index() - 1) == (
        "Set duration of P2 to 25 months (workshop)")
    qtbot.keyClick(phases.list, Qt.Key.Key_N)
    type_line(qtbot, phases.note_box, "Provider needs a longer run-in")
    last = document.project.decisions[-1]
    assert (last.step, last.item, last.change, last.note) == (
        "Phasing", "P2 Operation", "Duration 13 months → 25 months",
        "Provider needs a longer run-in")


def test_a_phase_cannot_move_before_the_contract_start(qtbot, document, phases):
    document.load_project(Project(phases=[Phase(id="P1", name="Build", start_month=0)]))
    phases.focus_list()
    qtbot.keyClick(phases.list, Qt.Key.Key_Left)
    assert phases.message.text() == "Phase P1 already starts at the contract start"
    assert document.project.decisions == []
    assert not document.is_dirty


def test_a_note_without_any_change_says_so(qtbot, document, phases):
    phases.focus_list()
    qtbot.keyClick(phases.list, Qt.Key.Key_N)
    assert phases.message.text() == "No change to note yet: make a change first, then press N"
    assert not phases.note_box.isVisible()


def test_moving_a_dependent_phase_says_when_it_really_starts(qtbot, document, phases):
    document.load_project(Project(phases=[
        Phase(id="P1", name="Build", start_month=0, duration_months=24),
        Phase(id="P2", name="Operate", start_month=24, duration_months=120, depends_on=["P1"]),
    ]))
    phases.select("P2")
    phases.focus_list()
    qtbot.keyClick(phases.list, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert document.project.phase("P2").start_month == 12
    assert phases.message.text() == (
        "P2: Start month 24 → 12; it still starts at month 24, when P1 finishes")
