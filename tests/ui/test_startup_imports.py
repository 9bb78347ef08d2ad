"""The first step paints without the graph, scheduling and calendar libraries: the Project step
and the window around it import none of them (they load after the first paint, or when a step
that draws a graph is opened)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_FIRST_STEP = """
import json, sys
import ui.app, ui.main_window, ui.pages.project
heavy = ("networkx", "numpy", "holidays", "wizard.graphs", "wizard.schedule", "wizard.checks")
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in heavy or
                        any(m == h or m.startswith(h + ".") for h in heavy))))
"""


@pytest.mark.timeout(120)
def test_the_project_step_and_window_import_no_graph_or_schedule_library():
    result = subprocess.run([sys.executable, "-c", _FIRST_STEP], cwd=ROOT, capture_output=True,
                            text=True, timeout=110, env={"QT_QPA_PLATFORM": "offscreen",
                                                         "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
