"""Graph refresh after a single edit: scene build plus paint onto a 1920×1080 image.

For the `leisure` example and a generated project of 200 phases and 2,000 risks, change one
risk's likelihood, rebuild each graph's scene and paint it (offscreen, fitted to 1920×1080),
N times; print p50 and p95 in milliseconds. Targets: p95 ≤ 16 ms (leisure), ≤ 50 ms (big).
The heap is settled first (``ui.heap.settle``), as the app does once a project is open.

    QT_QPA_PLATFORM=offscreen python benchmarks/graph_refresh.py [repetitions]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import heap  # noqa: E402
from ui.widgets.scene_view import paint_scene  # noqa: E402
from wizard.catalog import load_example  # noqa: E402
from wizard.graphs import partner_load, phase_map, risk_matrix  # noqa: E402
from wizard.graphs.sample import generated_project  # noqa: E402

TARGETS = {"leisure": 16.0, "generated 200 phases / 2,000 risks": 50.0}


def refresh_times(project, builder, repetitions: int) -> list[float]:
    # the pixel format of the screen's backing store (plain ARGB32 paints about 5× slower)
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    risk = project.risks[len(project.risks) // 2]
    for i in range(repetitions + 3):
        risk.likelihood = 1 + (i % 5)  # the edit (validated by pydantic on assignment)
        start = time.perf_counter()
        scene = builder(project)
        painter = QPainter(image)
        zoom = min(1920 / scene.width, 1080 / scene.height)
        painter.scale(zoom, zoom)
        paint_scene(painter, scene)
        painter.end()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= 3:  # the first runs warm caches (fonts, text widths)
            times.append(elapsed)
    return times


def main() -> int:
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts need an application
    projects = {"leisure": load_example("leisure"),
                "generated 200 phases / 2,000 risks": generated_project(200, 2000)}
    heap.settle()  # as the app does once a project is open (ui/heap.py)
    failed = False
    print(f"Graph refresh after one edit (build + paint at 1920×1080), {repetitions} runs")
    for label, project in projects.items():
        for builder in (phase_map, risk_matrix, partner_load):
            times = refresh_times(project, builder, repetitions)
            p50 = statistics.median(times)
            p95 = statistics.quantiles(times, n=20)[18]
            ok = p95 <= TARGETS[label]
            failed |= not ok
            print(f"  {label:36} {builder.__name__:13} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
                  f"(target p95 ≤ {TARGETS[label]:.0f} ms: {'met' if ok else 'MISSED'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
