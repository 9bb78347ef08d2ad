"""Once a project is open the app settles the heap, so the collector's full passes (tens of
milliseconds with a large register) visit only what was made since."""

from __future__ import annotations

import gc

from PySide6.QtWidgets import QApplication

from ui.document import Document
from wizard.graphs.sample import generated_project


def test_opening_a_project_settles_the_heap(qtbot):
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    document = Document()
    document.open_project(generated_project(20, 200), None)
    QApplication.processEvents()  # the events queued with the project, the first paint among them
    assert gc.get_freeze_count() == 0  # the whole collection waits until after the first paint
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=2000)
    assert gc.get_freeze_count() > 1000  # the open project's objects among them
    gc.unfreeze()  # leave the test process as it was
