"""Choosing from a drop-down by typing: the whole typed text must match, never just its last key.

``match_choice(labels, typed)`` is the rule: the first label that starts with the typed text,
else the first with a word that starts with it (case and accents ignored); -1 if none.
``TypeAheadCombo`` is the combo box the table cells use: each key extends what was typed, the
box shows the choice it matches (and what was typed, in its tooltip and status line), a text
that matches nothing leaves the value as it was, and only Enter, Tab, leaving the cell or a
click in the list commits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def match_choice(labels: Sequence[str], typed: str) -> int:
    """Index of the label the typed text picks: a prefix of the label, else of one of its words."""
    wanted = _fold(typed).strip()
    if not wanted:
        return -1
    folded = [_fold(text) for text in labels]
    for i, text in enumerate(folded):
        if text.startswith(wanted):
            return i
    for i, text in enumerate(folded):
        words = re.split(r"[\s(),/–-]+", text)
        if any(word.startswith(wanted) for word in words if word):
            return i
    return -1


class TypeAheadCombo(QComboBox):
    """A combo box whose typing matches the whole typed text (see ``match_choice``)."""

    typedChanged = Signal(str)  # what has been typed so far ("" when cleared)
    commitRequested = Signal()  # Enter: keep the choice shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.typed = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def labels(self) -> list[str]:
        return [self.itemText(i) for i in range(self.count())]

    def type_text(self, text: str) -> bool:
        """Extend the typed text; show the choice it matches. False if nothing matches."""
        attempt = self.typed = self.typed + text  # kept even when it matches nothing
        found = match_choice(self.labels(), attempt)
        if found < 0:
            self._say(f"No choice matches “{attempt}”; still {self.currentText()}")
            return False
        self.setCurrentIndex(found)
        self._say(f"Typed “{attempt}”: {self.currentText()}")
        return True

    def _say(self, words: str) -> None:
        self.setToolTip(words)
        self.setStatusTip(words)
        self.typedChanged.emit(words)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitRequested.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Backspace:
            self.typed = self.typed[:-1]
            found = match_choice(self.labels(), self.typed)
            if found >= 0:
                self.setCurrentIndex(found)
            self._say(f"Typed “{self.typed}”: {self.currentText()}")
            event.accept()
            return
        text = event.text()
        printable = text and text.isprintable() and not (
            mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if printable and (text != " " or self.typed):
            self.type_text(text)
            event.accept()
            return
        if text == " ":  # Space on its own opens the list
            self.showPopup()
            event.accept()
            return
        super().keyPressEvent(event)  # arrows, Page Up/Down, Home/End, F4, Alt+Down
