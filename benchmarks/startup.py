"""Cold start to the first painted window: Changemaker on the leisure example vs a bare QWizard.

Each run is a fresh Python process, timed from just before it is started to the first paint
event of its main window (the process prints the time of that paint and quits). The two kinds
of run alternate, N of each, in the same session. Prints the medians and their ratio
(target: Changemaker at most 2× the bare wizard).

A third kind of run, the floor, is the bare wizard that first reads the leisure example as the
app does (``wizard.catalog.load_example``: pydantic, the model's schemas, the file validated)
and shows its title. No window that shows a checked project can start faster than that.

Usage: python benchmarks/startup.py [N]   (QT_QPA_PLATFORM defaults to offscreen)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A one-page QWizard; ``%(label)s`` is the expression its page shows, ``%(before)s`` what runs
# before it imports Qt.
_WIZARD = r"""
%(before)s
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"PAINTED {time.time():.6f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv[:1])
wizard = QWizard()
page = QWizardPage()
page.setTitle("Project")
QVBoxLayout(page).addWidget(QLabel(%(label)s))
wizard.addPage(page)
wizard.resize(1280, 800)
probe = FirstPaint()
wizard.installEventFilter(probe)
wizard.show()
sys.exit(app.exec())
"""


BARE_WIZARD = _WIZARD % {"before": "", "label": '"A bare one-page wizard"'}
# The bare wizard, after reading and validating the example as the app does before its window.
FLOOR = _WIZARD % {"before": "from wizard import catalog\n"
                             "title = catalog.load_example('leisure').project.title",
                   "label": "title"}


def time_to_first_paint(command: list[str], env: dict[str, str]) -> float:
    start = time.time()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    for line in result.stdout.splitlines():
        if line.startswith("PAINTED "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no paint reported by {command[1:]}: {result.stderr[-500:]}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 5
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, CHANGEMAKER_EXIT_ON_PAINT="1", CHANGEMAKER_DATA_DIR=data,
                   PYTHONPATH=str(ROOT))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Measure starts as on a user's machine, where Python caches compiled modules: with
        # PYTHONDONTWRITEBYTECODE set, every start would compile the app's own modules again.
        # The warm-up runs below write the cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app_cmd = [sys.executable, "-m", "ui.app", "--example", "leisure"]
        bare_cmd = [sys.executable, "-c", BARE_WIZARD]
        floor_cmd = [sys.executable, "-c", FLOOR]
        for command in (bare_cmd, floor_cmd, app_cmd):  # warm the OS file cache for each
            time_to_first_paint(command, env)
        app_times, bare_times, floor_times = [], [], []
        for _ in range(runs):
            bare_times.append(time_to_first_paint(bare_cmd, env))
            floor_times.append(time_to_first_paint(floor_cmd, env))
            app_times.append(time_to_first_paint(app_cmd, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    floor_median = statistics.median(floor_times)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {runs} each, alternating, "
          "compiled modules cached")
    print(f"bare QWizard, one page:        median {bare_median * 1000:7.0f} ms  "
          f"({', '.join(f'{t * 1000:.0f}' for t in bare_times)})")
    print(f"floor: bare + example read:    median {floor_median * 1000:7.0f} ms  "
          f"({', '.join(f'{t * 1000:.0f}' for t in floor_times)})  "
          f"{floor_median / bare_median:.2f}× the bare wizard")
    print(f"Changemaker, leisure example:  median {app_median * 1000:7.0f} ms  "
          f"({', '.join(f'{t * 1000:.0f}' for t in app_times)})")
    print(f"ratio: {app_median / bare_median:.2f}× (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
