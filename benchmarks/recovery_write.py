"""How long one recovery-copy write takes, against the autosave cap.

    python benchmarks/recovery_write.py [--runs 15]

Writes the recovery copy of the large generated project (2,000 risks, 200 phases, 20 partners;
see load_save.py) the way the app's AutoSaver does (``storage.write_recovery``: serialise,
atomic write with fsync) and prints the median and the slowest run, beside ``ui.autosave``'s
delay and cap: the cap bounds the work a crash can lose while editing goes on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.load_save import large_project  # noqa: E402
from wizard import storage  # noqa: E402

DELAY_MS, CAP_MS = 2_000, 5_000  # as in ui/autosave.py (not imported: that would bring in Qt)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    project = large_project()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "recovery.changemaker.json"
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            storage.write_recovery(project, target)
            times.append((time.perf_counter() - started) * 1000)
        size = target.stat().st_size
    print(f"recovery write, {len(project.risks):,} risks ({size / 1_048_576:.1f} MB): "
          f"median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms "
          f"({args.runs} runs); autosave delay {DELAY_MS} ms, cap {CAP_MS} ms")


if __name__ == "__main__":
    main()
