"""What one structural undo step keeps, beside the two whole-project snapshots it used to keep.

On the generated project of 200 phases and 2,000 risks, make 100 structural edits (delete a
risk, duplicate a phase, rename a phase that risks and phases refer to, move a risk) through the
document's undo stack; print the bytes each step keeps (pickled) and, as the baseline from the
same run, the bytes of the two project copies a step kept before (old and new project).

    QT_QPA_PLATFORM=offscreen python benchmarks/undo_memory.py
"""

from __future__ import annotations

import os
import pickle
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.document import Document  # noqa: E402
from wizard import edits  # noqa: E402
from wizard.graphs.sample import generated_project  # noqa: E402


def main() -> None:
    _app = QApplication.instance() or QApplication([])
    original = generated_project()
    doc = Document(original.model_copy(deep=True))
    snapshots = []
    for n in range(100):
        project = doc.project
        if n % 4 == 0:
            edit = edits.delete(project, ("risks",), (n * 7) % len(project.risks), "risk")
        elif n % 4 == 1:
            edit = edits.duplicate(project, ("phases",), (n * 3) % len(project.phases), "phase",
                                   "PH")
        elif n % 4 == 2:
            edit = edits.rename(project, ("phases",), n % len(project.phases), f"NEW{n}", "phase")
        else:
            edit = edits.move(project, ("risks",), n, 1, "risk")
        snapshots.append(len(pickle.dumps((project, edit.project))))  # the old way: two copies
        doc.replace_project(edit.project, edit.text)
    kept = [doc.undo_stack.command(i).kept_size() for i in range(doc.undo_stack.count())]
    print("undo step, 200 phases / 2,000 risks, 100 structural edits (bytes, pickled)")
    print(f"  two project snapshots (before): median {statistics.median(snapshots):>10,.0f}"
          f"  max {max(snapshots):>10,}  total {sum(snapshots):>12,}")
    print(f"  the change only (now):          median {statistics.median(kept):>10,.0f}"
          f"  max {max(kept):>10,}  total {sum(kept):>12,}")


if __name__ == "__main__":
    main()
