"""Fast capture for a workshop: add and change risks and phases with single keys, no dialogs.

Risks (``RiskCapture``):
  type a title in the box and press Enter to add it (the box stays ready for the next one);
  Esc or Down moves to the list (/ or Insert goes back), where keys act on the selected risk:
  1–5 set the score shown as armed (likelihood first, then impact: "3" "4" = likelihood 3,
  impact 4); L / I arm likelihood / impact; U public, P private, S shared; A agreed, D disputed;
  V opens the vote row (name and two digits, Enter records, empty Enter or Esc ends);
  K or Enter settles the agreed value from the votes; N notes the last change;
  O chooses the owner and C the category from a list narrowed by typing (Enter picks, Esc
  cancels); E edits the title and M the mitigation in a one-line box (Enter saves, Esc cancels).
Phases (``PhaseCapture``): type a name and press Enter to add it; on the list, Left / Right move
the start a month (Shift: a year; months are counted from the contract start, as on the map), + / − make it a month longer / shorter (] / [ a year);
F makes it follow (depend on) the phase above, or no longer; a dependency that would close a
loop is refused with a message naming the loop; N notes the last change.

Every change is one undo step (with its decision-log line) named like
"Set likelihood of R3 to 4 (workshop)".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.document import Document, EditError
from ui.workshop.chooser import Chooser, TextRow
from ui.workshop.decision_log import DecisionLog
from wizard import formatting
from wizard.model import Project
from wizard.risk import band, score
from wizard.schedule import build_schedule
from wizard.vocab import (
    IMPACT_LABELS,
    LIKELIHOOD_LABELS,
    Allocation,
    RiskCategory,
    WorkshopStatus,
    label,
)
from wizard.workshop import (
    WorkshopError,
    add_phase,
    add_risk,
    item_label,
    move_phase,
    parse_vote,
    resize_phase,
    settle,
    toggle_dependency,
    vote_spread,
    with_vote,
)

ID_ROLE = Qt.ItemDataRole.UserRole

# The capture keys, line by line as the on-screen legend shows them; Help lists them too.
RISK_KEYS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("Enter", "add"), ("Esc", "to the list"), ("/", "back to the title box")),
    (("1–5", "score: likelihood, then impact"), ("L / I", "choose which the next digit sets")),
    (("U", "public"), ("P", "private"), ("S", "shared"), ("A", "agreed"), ("D", "disputed")),
    (("V", "votes"), ("K", "settle from votes"), ("N", "note on the last change")),
    (("O", "owner"), ("C", "category"), ("E", "edit title"), ("M", "mitigation")),
)
PHASE_KEYS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("Enter", "add"), ("Esc", "to the list"), ("/", "back to the name box")),
    (("← / →", "start a month earlier / later (Shift: a year)"),),
    (("+ / −", "a month longer / shorter"), ("] / [", "a year longer / shorter"),
     ("N", "note on the last change")),
    (("F", "follows the phase above (or no longer)"),),
)


def legend(lines: tuple[tuple[tuple[str, str], ...], ...]) -> str:
    return "\n".join("  ·  ".join(f"{keys} {what}" for keys, what in line) for line in lines)


def help_rows() -> list[tuple[str, str, str]]:
    """(where, command, keys) of the capture keys, for Help > Keyboard shortcuts."""
    return [
        (f"Workshop mode, {step}", what, keys)
        for step, lines in (("risks", RISK_KEYS), ("phasing", PHASE_KEYS))
        for line in lines
        for keys, what in line
    ]


RISK_LEGEND = legend(RISK_KEYS)
PHASE_LEGEND = legend(PHASE_KEYS)

DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}


class KeyList(QListWidget):
    """A list that offers each key press to ``handler`` first (True means handled)."""

    def __init__(self, handler: Callable[[QKeyEvent], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.handler = handler

    MIN_ROWS = 5  # at any type size the list shows at least this many items

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        rows = self.fontMetrics().lineSpacing() * 1.25 * self.MIN_ROWS + 2 * self.frameWidth()
        hint.setHeight(max(hint.height(), int(rows)))
        return hint

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self.handler(event):
            event.accept()
        else:
            super().keyPressEvent(event)


class _Entry(QLineEdit):
    """A one-line box that reports Esc and Down (to leave it) as ``left``."""

    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down):
            self.left.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CapturePanel(QWidget):
    """What the risk and phase panels share: title box, list, detail, note row, messages."""

    kind = ""  # the collection: "risks" or "phases"
    step = ""  # the step name the decision log records
    noun = ""
    legend = ""
    selectedChanged = Signal(str, str)  # (kind, id); id '' when nothing is selected

    def __init__(self, document: Document, log: DecisionLog, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.log = log
        self.setObjectName("workshopPanel")
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.step)
        self.heading.setObjectName("workshopHeading")
        self.title_box = _Entry()
        self.title_box.setObjectName(f"workshop.{self.noun}.title")
        self.title_box.setPlaceholderText(f"Type a new {self.noun} and press Enter")
        self.title_box.setAccessibleName(f"New {self.noun}: type its title and press Enter")
        self.title_box.returnPressed.connect(self._add_from_box)
        self.title_box.left.connect(self.focus_list)
        self.list = KeyList(self._list_key)
        self.list.setObjectName(f"workshop.{self.noun}.list")
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(f"{self.step}: the keys below act on the selected {self.noun}")
        self.detail = QLabel()
        self.detail.setObjectName("workshop.detail")
        self.detail.setWordWrap(True)
        self.note_box = _Entry()
        self.note_box.setObjectName("workshop.note")
        self.note_box.setPlaceholderText("Note on the last change; Enter saves, Esc cancels")
        self.note_box.setAccessibleName("Note on the last change")
        self.note_box.returnPressed.connect(self._save_note)
        self.note_box.left.connect(self._close_note)
        self.note_box.hide()
        self.message = QLabel()
        self.message.setObjectName("workshopMessage")
        self.message.setWordWrap(True)
        self.legend_label = QLabel(self.legend)
        self.legend_label.setObjectName("workshopLegend")
        self.legend_label.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.title_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.detail)
        self._add_extra_rows(layout)
        layout.addWidget(self.note_box)
        layout.addWidget(self.message)
        layout.addWidget(self.legend_label)
        self._selected = ""
        self._stale = False
        document.changed.connect(self.refresh)
        self.refresh()

    # -- for subclasses ---------------------------------------------------------------------------
    def _add_extra_rows(self, layout: QVBoxLayout) -> None:
        pass

    def _items(self) -> list:
        return list(getattr(self.document.project, self.kind))

    def _row_text(self, item) -> str:
        raise NotImplementedError

    def _detail_text(self, item) -> str:
        raise NotImplementedError

    def _add(self, project: Project, title: str) -> tuple[Project, str]:
        raise NotImplementedError

    def _keys(self, event: QKeyEvent, item) -> bool:
        raise NotImplementedError

    # -- selection --------------------------------------------------------------------------------
    def selected_id(self) -> str:
        return self._selected

    def selected(self):
        return next((i for i in self._items() if i.id == self._selected), None)

    def select(self, item_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == item_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def focus_list(self) -> None:
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def focus_title(self) -> None:
        self.title_box.setFocus()

    def _current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        new = current.data(ID_ROLE) if current is not None else ""
        if new != self._selected:
            self._selected = new
            self._on_selection()
            self._show_detail()
            self.selectedChanged.emit(self.kind, new)

    def _on_selection(self) -> None:
        pass

    # -- showing ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the list; while hidden, only note that it is out of date (big registers)."""
        if not self.isVisible() and self.list.count():
            self._stale = True
            return
        self._stale = False
        keep = self._selected
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._items():
            row = QListWidgetItem(self._row_text(item))
            row.setData(ID_ROLE, item.id)
            self.list.addItem(row)
        self.list.blockSignals(False)
        if keep and not self.select(keep):  # the selected item went (undo, delete)
            self._selected = ""
            self.selectedChanged.emit(self.kind, "")
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.selected()
        self.detail.setText(self._detail_text(item) if item is not None else
                            f"No {self.noun} selected: add one, or pick one in the list.")

    def reveal(self, widget: QWidget) -> None:
        """Scroll the panel (at large type it scrolls inside the workshop window) to show
        ``widget``, e.g. a row just opened to type in."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 8, 8)

    def show_message(self, text: str, kind: str = "ok") -> None:
        self.message.setProperty("kind", kind)
        self.message.setText(text)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    # -- changing ---------------------------------------------------------------------------------
    def apply(self, new: Project, item_id: str, change: str, undo_text: str) -> bool:
        """Apply an edited copy with its decision-log line; a refusal is shown, not raised."""
        found = next((i for i in getattr(new, self.kind) if i.id == item_id), None)
        try:
            self.log.apply(new, step=self.step, item=item_label(found) if found else item_id,
                           change=change, undo_text=undo_text,
                           item_kind=self.kind if found else "", item_id=item_id if found else "")
        except EditError as err:
            self.show_message(str(err), "error")
            return False
        self.show_message(f"{item_id}: {change}")
        return True

    def _add_from_box(self) -> None:
        try:
            new, item_id = self._add(self.document.project, self.title_box.text())
        except WorkshopError as err:
            self.show_message(str(err), "error")
            return
        if self.apply(new, item_id, "Added", f"Add {self.noun} {item_id}"):
            self.title_box.clear()
            self.select(item_id)

    def _list_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False  # leave Ctrl and Alt combinations to the window's shortcuts
        if event.key() == Qt.Key.Key_N:
            self.open_note()
            return True
        if event.key() in (Qt.Key.Key_Slash, Qt.Key.Key_Insert):
            self.focus_title()
            return True
        item = self.selected()
        if item is None:
            return False
        try:
            return self._keys(event, item)
        except WorkshopError as err:
            self.show_message(str(err), "error")
            return True

    # -- notes ------------------------------------------------------------------------------------
    def open_note(self) -> None:
        last = self.log.last()
        if last is None:
            self.show_message("No change to note yet: make a change first, then press N", "error")
            return
        self.note_box.setText(last.note)
        self.note_box.setPlaceholderText(f"Note on “{last.item}: {last.change}”; Enter saves")
        self.note_box.show()
        self.note_box.setFocus()

    def _save_note(self) -> None:
        try:
            line = self.log.note_last(self.note_box.text())
        except (ValueError, EditError) as err:
            self.show_message(str(err), "error")
            return
        self.show_message(f"Noted on {line.item}: “{line.note}”")
        self._close_note()

    def _close_note(self) -> None:
        self.note_box.hide()
        self.note_box.clear()
        self.focus_list()


class RiskCapture(CapturePanel):
    kind = "risks"
    step = "Risks"
    noun = "risk"
    legend = RISK_LEGEND

    def _add_extra_rows(self, layout: QVBoxLayout) -> None:
        self.armed = "likelihood"
        self.armed_label = QLabel()
        self.armed_label.setObjectName("workshopArmed")
        self.armed_label.setWordWrap(True)
        self.vote_box = _Entry()
        self.vote_box.setObjectName("workshop.vote")
        self.vote_box.setPlaceholderText("Name and two scores, e.g. Ana 3 4; empty Enter ends")
        self.vote_box.setAccessibleName("Vote: participant's name, likelihood and impact")
        self.vote_box.returnPressed.connect(self._record_vote)
        self.vote_box.left.connect(self._close_votes)
        self.vote_box.hide()
        layout.addWidget(self.armed_label)
        layout.addWidget(self.vote_box)
        # keyboard rows for the owner and category (chosen) and the title and mitigation (typed)
        self.chooser = Chooser("workshop.choose")
        self.chooser.chosen.connect(self._chosen)
        self.chooser.cancelled.connect(self.focus_list)
        self.text_row = TextRow("workshop.text")
        self.text_row.submitted.connect(self._typed)
        self.text_row.cancelled.connect(self.focus_list)
        self._editing = ""  # the field the chooser or the text row is setting
        layout.addWidget(self.chooser)
        layout.addWidget(self.text_row)
        self._show_armed()

    def _add(self, project: Project, title: str) -> tuple[Project, str]:
        return add_risk(project, title)

    def _row_text(self, risk) -> str:
        votes = f"  ({len(risk.votes)} votes)" if risk.votes else ""
        # the title first: it is what the room reads; the figures follow
        return (f"{risk.id}  {risk.title}  ·  {risk.likelihood}×{risk.impact}  "
                f"{label(risk.allocation)}  {label(risk.status)}{votes}")

    def _detail_text(self, risk) -> str:
        lines = [
            f"{risk.id}  {risk.title}",
            f"Likelihood {risk.likelihood} {LIKELIHOOD_LABELS[risk.likelihood]}  ·  "
            f"Impact {risk.impact} {IMPACT_LABELS[risk.impact]}  ·  "
            f"Score {score(risk)} ({band(risk)})",
            f"{label(risk.allocation)}  ·  {label(risk.status)}",
        ]
        spread = vote_spread(risk)
        if spread:
            agreed = settle(risk)
            lines.append(
                f"{len(risk.votes)} votes: likelihood {spread[0]}–{spread[1]}, impact "
                f"{spread[2]}–{spread[3]}; settles at {agreed[0]}×{agreed[1]}"
            )
            lines.append("; ".join(f"{v.participant} {v.likelihood} {v.impact}" for v in risk.votes))
        else:
            lines.append("No votes yet: press V to record them")
        return "\n".join(lines)

    def _on_selection(self) -> None:
        self.armed = "likelihood"
        self._show_armed()

    def _show_armed(self) -> None:
        self.armed_label.setText(f"Next digit sets: {self.armed.upper()}")

    def _keys(self, event: QKeyEvent, risk) -> bool:
        key = event.key()
        if key in DIGITS:
            self._set_score(risk, self.armed, DIGITS[key])
            self.armed = "impact" if self.armed == "likelihood" else "likelihood"
            self._show_armed()
            return True
        if key in (Qt.Key.Key_L, Qt.Key.Key_I):
            self.armed = "likelihood" if key == Qt.Key.Key_L else "impact"
            self._show_armed()
            return True
        allocations = {Qt.Key.Key_U: Allocation.PUBLIC, Qt.Key.Key_P: Allocation.PRIVATE,
                       Qt.Key.Key_S: Allocation.SHARED}
        if key in allocations:
            self._set(risk, "allocation", allocations[key])
            return True
        statuses = {Qt.Key.Key_A: WorkshopStatus.AGREED, Qt.Key.Key_D: WorkshopStatus.DISPUTED}
        if key in statuses:
            self._set(risk, "status", statuses[key])
            return True
        if key == Qt.Key.Key_V:
            self.open_votes()
            return True
        if key in (Qt.Key.Key_O, Qt.Key.Key_C, Qt.Key.Key_E, Qt.Key.Key_M):
            self.open_editor({Qt.Key.Key_O: "owner", Qt.Key.Key_C: "category",
                              Qt.Key.Key_E: "title", Qt.Key.Key_M: "mitigation"}[key], risk)
            return True
        if key in (Qt.Key.Key_K, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.settle_selected()
            return True
        return False

    def _set(self, risk, field: str, value) -> None:
        if getattr(risk, field) == value:
            self.show_message(f"{risk.id} is already {label(value).lower()}")
            return
        new = self.document.edited_copy()
        setattr(new.risk(risk.id), field, value)
        words = "allocation" if field == "allocation" else "status"
        self.apply(new, risk.id, f"{words.capitalize()} {label(getattr(risk, field)).lower()} → "
                   f"{label(value).lower()}",
                   f"Set {words} of {risk.id} to {label(value).lower()} (workshop)")

    def _set_score(self, risk, field: str, value: int) -> None:
        old = getattr(risk, field)
        if old == value:
            self.show_message(f"{risk.id}: {field} is already {value}")
            return
        new = self.document.edited_copy()
        setattr(new.risk(risk.id), field, value)
        names = LIKELIHOOD_LABELS if field == "likelihood" else IMPACT_LABELS
        self.apply(new, risk.id, f"{field.capitalize()} {old} → {value} ({names[value]})",
                   f"Set {field} of {risk.id} to {value} (workshop)")

    # -- owner, category, title, mitigation by keyboard -------------------------------------------
    def open_editor(self, field: str, risk) -> None:
        """Open the chooser (owner, category) or the text row (title, mitigation) for ``risk``."""
        self._editing = field
        if field == "owner":
            partners = [(p.id, f"{p.name} ({p.id})") for p in self.document.project.partners]
            self.chooser.open(f"Owner of {risk.id}: type part of a partner's name",
                              [(None, "(none)"), *partners], risk.owner)
        elif field == "category":
            self.chooser.open(f"Category of {risk.id}: type part of its name",
                              [(c, label(c)) for c in RiskCategory], risk.category)
        else:
            self.text_row.open(f"{field.capitalize()} of {risk.id}: Enter saves, Esc cancels",
                               getattr(risk, field))
        self.reveal(self.chooser if field in ("owner", "category") else self.text_row)

    def _shown(self, field: str, value) -> str:
        if value is None or value == "":
            return "(none)"
        if field == "owner":
            partner = next((p for p in self.document.project.partners if p.id == value), None)
            return f"{partner.name} ({value})" if partner else str(value)
        return label(value) if isinstance(value, RiskCategory) else f"“{value}”"

    def _chosen(self, value) -> None:
        self._set_field(self._editing, value)
        self.focus_list()

    def _typed(self, text: str) -> None:
        value = " ".join(text.split()) if self._editing == "title" else text.strip()
        if self._editing == "title" and not value:
            self.show_message("A risk needs a title: type one, or Esc to keep it", "error")
            return
        if self._set_field(self._editing, value):
            self.text_row.hide()
            self.focus_list()

    def _set_field(self, field: str, value) -> bool:
        risk = self.selected()
        if risk is None or not field:
            return False
        old = getattr(risk, field)
        if old == value:
            self.show_message(f"{risk.id}: {field} is already {self._shown(field, value)}")
            return True
        new = self.document.edited_copy()
        try:
            setattr(new.risk(risk.id), field, value)
        except ValueError as err:  # the model's bounds (e.g. a title too long)
            first = err.errors()[0]["msg"] if hasattr(err, "errors") else str(err)
            self.show_message(f"{risk.id}: the {field} was not changed: {first}", "error")
            return False
        words = f"{field.capitalize()} {self._shown(field, old)} → {self._shown(field, value)}"
        if field in ("title", "mitigation"):
            words = f"{field.capitalize()} → {self._shown(field, value)}"
        shown = value if field == "owner" else (label(value) if field == "category" else "")
        undo = (f"Set {field} of {risk.id} to {shown or '(none)'} (workshop)"
                if field in ("owner", "category") else f"Change {field} of {risk.id} (workshop)")
        return self.apply(new, risk.id, words, undo)

    # -- votes ------------------------------------------------------------------------------------
    def open_votes(self) -> None:
        self.vote_box.show()
        self.vote_box.setFocus()
        self.reveal(self.vote_box)

    def _record_vote(self) -> None:
        text = self.vote_box.text()
        if not text.strip():
            self._close_votes()
            return
        risk = self.selected()
        if risk is None:
            self.show_message("Select a risk in the list before recording votes", "error")
            return
        try:
            vote = parse_vote(text)
        except WorkshopError as err:
            self.show_message(str(err), "error")
            return
        new = self.document.edited_copy()
        new.risk(risk.id).votes = with_vote(risk, vote)
        if self.apply(new, risk.id,
                      f"Vote by {vote.participant}: likelihood {vote.likelihood}, "
                      f"impact {vote.impact}",
                      f"Record vote by {vote.participant} on {risk.id} (workshop)"):
            self.vote_box.clear()

    def _close_votes(self) -> None:
        self.vote_box.hide()
        self.vote_box.clear()
        self.focus_list()

    def settle_selected(self) -> None:
        risk = self.selected()
        if risk is None:
            return
        if not risk.votes:
            self.show_message(f"{risk.id} has no votes yet: press V to record them", "error")
            return
        likelihood, impact = settle(risk)
        low_l, high_l, low_i, high_i = vote_spread(risk)
        new = self.document.edited_copy()
        target = new.risk(risk.id)
        target.likelihood, target.impact = likelihood, impact
        self.apply(
            new, risk.id,
            f"Settled from {len(risk.votes)} votes at likelihood {likelihood}, impact {impact} "
            f"(votes ranged {low_l}–{high_l} and {low_i}–{high_i}; median)",
            f"Settle {risk.id} at {likelihood}×{impact} from votes (workshop)",
        )


class PhaseCapture(CapturePanel):
    kind = "phases"
    step = "Phasing"
    noun = "phase"
    legend = PHASE_LEGEND

    def _add(self, project: Project, title: str) -> tuple[Project, str]:
        return add_phase(project, title)

    def _row_text(self, phase) -> str:
        return (f"{phase.id}  {phase.name}  ·  months {phase.start_month}–"
                f"{phase.start_month + phase.duration_months}")

    def _detail_text(self, phase) -> str:
        # months counted from the contract start, as on the contract map's axis
        return (f"{phase.id}  {phase.name}\nFrom month {phase.start_month} to month "
                f"{phase.start_month + phase.duration_months} "
                f"({formatting.months(phase.duration_months)}), counted from the contract start")

    def _keys(self, event: QKeyEvent, phase) -> bool:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 12 if shift else 1
            self._move(phase, step if key == Qt.Key.Key_Right else -step)
            return True
        sizes = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1,
                 Qt.Key.Key_Underscore: -1, Qt.Key.Key_BracketRight: 12,
                 Qt.Key.Key_BracketLeft: -12}
        if key in sizes:
            self._resize(phase, sizes[key])
            return True
        if key == Qt.Key.Key_F:
            self._follow_above(phase)
            return True
        return False

    def _follow_above(self, phase) -> None:
        phases = self.document.project.phases
        at = next((i for i, p in enumerate(phases) if p.id == phase.id), 0)
        if at == 0:
            self.show_message(f"{phase.id} is the first phase: there is no phase above it", "error")
            return
        above = phases[at - 1]
        try:
            new, added = toggle_dependency(self.document.project, phase.id, above.id)
        except WorkshopError as err:
            self.show_message(str(err), "error")
            return
        change = (f"Depends on {above.id}" if added else f"No longer depends on {above.id}")
        self.apply(new, phase.id, change, f"{phase.id}: {change.lower()} (workshop)")

    def _move(self, phase, months: int) -> None:
        new, start = move_phase(self.document.project, phase.id, months)
        if not self.apply(new, phase.id, f"Start month {phase.start_month} → {start}",
                          f"Move start of {phase.id} to month {start} (workshop)"):
            return
        schedule = build_schedule(self.document.project)
        actual = schedule.start.get(phase.id, start)
        if actual > start:
            waits = [d for d in phase.depends_on if schedule.finish.get(d) == actual]
            what = (f"{waits[0]} finishes" if len(waits) == 1 else
                    f"{', '.join(waits)} finish" if waits else "the phases it depends on finish")
            self.show_message(f"{self.message.text()}; it still starts at month {actual}, "
                              f"when {what}")

    def _resize(self, phase, months: int) -> None:
        new, duration = resize_phase(self.document.project, phase.id, months)
        self.apply(new, phase.id, f"Duration {formatting.months(phase.duration_months)} → {formatting.months(duration)}",
                   f"Set duration of {phase.id} to {formatting.months(duration)} (workshop)")


