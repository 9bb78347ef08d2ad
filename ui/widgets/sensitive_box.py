"""The 'withhold from the public edition' box shown on phases, risks and break clauses."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from ui.document import Document, Path
from ui.widgets.forms import CheckField, DateField, LineField


class SensitiveBox(QGroupBox):
    """Sensitive checkbox, the reason for withholding and the date until which it is withheld.

    ``set_item(path)`` binds it to one withholdable item (e.g. ``("risks", 2)``) or to nothing.
    The reason and date are enabled only while the item is marked sensitive.
    """

    def __init__(self, document: Document, name: str, parent: QWidget | None = None):
        super().__init__("Publication", parent)
        self.document = document
        self.item_path: Path | None = None
        self.sensitive = CheckField(
            document, None, f"{name}.sensitive",
            "Commercially sensitive: withhold from the public edition",
        )
        self.sensitive.undo_words = "sensitive"
        self.reason = LineField(document, None, f"{name}.withheld_reason", "Reason for withholding")
        self.reason.editor.setPlaceholderText("e.g. commercial confidentiality (FOI s.43)")
        self.until = DateField(document, None, f"{name}.withheld_until", "Withheld until",
                               optional=True)
        self.until.editor.setToolTip("The date the withheld content can be published; "
                                     "the earliest date (shown as —) means no date set")
        layout = QFormLayout(self)
        layout.addRow(self.sensitive)
        layout.addRow("Reason", self.reason)
        layout.addRow("Withheld until", self.until)
        self.sensitive.committed.connect(self._update_enabled)

    def fields(self) -> list:
        return [self.sensitive, self.reason, self.until]

    def set_item(self, path: Path | None) -> None:
        self.item_path = path
        for fld, attr in zip(self.fields(), ("sensitive", "withheld_reason", "withheld_until")):
            fld.set_path(None if path is None else (*path, attr))
        self._update_enabled()

    def refresh(self) -> None:
        for fld in self.fields():
            fld.refresh()
        self._update_enabled()

    def _update_enabled(self) -> None:
        on = self.item_path is not None and bool(self.sensitive.value())
        self.reason.editor.setEnabled(on)
        self.until.editor.setEnabled(on)
