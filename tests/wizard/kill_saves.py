"""Helper of test_save_robustness: saves killed by SIGKILL at random moments.

    python -m tests.wizard.kill_saves FOLDER TRIALS SEED

Run in a fresh single-threaded process, so that forking is safe. For each trial a forked child
saves two versions of a project in turn, again and again, until it is killed at a random moment
(0 to 40 ms after it starts); then this process notes which version the file holds (and the
.bak), how many temporary files the kill left, saves once more itself, and notes the temporary
files left after that save. Prints one JSON object per trial.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from wizard import storage
from wizard.model import Project, ProjectInfo, Risk


def version(title: str) -> Project:
    return Project(project=ProjectInfo(title=title),
                   risks=[Risk(id=f"R{i}", title=f"{title} risk {i}", description="x" * 200)
                          for i in range(400)])


def temps(folder: Path) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))


def main(folder: Path, trials: int, seed: int) -> None:
    path = folder / "plan.changemaker.json"
    versions = [version("Old"), version("New")]
    texts = [storage.dumps(v).encode("utf-8") for v in versions]
    storage.save(versions[0], path)
    rng = random.Random(seed)
    for trial in range(trials):
        pid = os.fork()
        if pid == 0:
            try:
                n = trial
                while True:
                    storage.save(versions[n % 2], path)
                    n += 1
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0.0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        backup = storage.backup_path(path)

        def which(data: bytes | None) -> str:
            return "none" if data is None else {t: n for t, n in zip(texts, ("old", "new"))}.get(data, "other")

        seen = {
            "file": which(path.read_bytes() if path.exists() else None),
            "backup": which(backup.read_bytes() if backup.exists() else None),
            "temps_after_kill": len(temps(folder)),
        }
        storage.save(versions[trial % 2], path)  # the next save
        seen["temps_after_next_save"] = temps(folder)
        seen["file_after_next_save"] = which(path.read_bytes())
        print(json.dumps(seen), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
