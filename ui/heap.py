"""Short garbage-collector passes in a session with a large project.

Python's full collection visits every object alive; with a 2,000-risk register open that is
tens of milliseconds, paid at random during a graph refresh. ``settle()`` collects once, then
moves everything alive (the modules, the open project, the built pages) out of the collector's
reach (``gc.freeze``): later passes visit only what was made since. The document settles once
each project it opens is on screen (``SETTLE_AFTER_MS`` after opening it). Objects freed by
reference counting (nearly all of an old project) are freed as usual; only reference cycles
already frozen wait.
"""

from __future__ import annotations

import gc

# How long after a project is opened to settle: after its first paint (a 0 ms timer would run
# before the paint and delay the window's first view by the whole collection).
SETTLE_AFTER_MS = 300


def settle() -> None:
    gc.collect()
    gc.freeze()
