"""An optional step timer for the workshop screen: start, pause, reset; shown as mm:ss.

Hidden until first started. ``now`` is a monotonic clock in seconds that tests replace; the
display ticks from a QTimer once a second while running.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget


def format_elapsed(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class StepTimer(QLabel):
    """A count-up timer label: 'Step time 04:12' (with 'paused' when stopped)."""

    def __init__(self, now: Callable[[], float] = time.monotonic, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workshopTimer")
        self.now = now
        self._elapsed = 0.0  # seconds counted before the current run
        self._started: float | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.update_text)
        self.hide()
        self.update_text()

    @property
    def running(self) -> bool:
        return self._started is not None

    def elapsed(self) -> float:
        extra = self.now() - self._started if self._started is not None else 0.0
        return self._elapsed + extra

    def start(self) -> None:
        if self._started is None:
            self._started = self.now()
            self._tick.start()
        self.show()
        self.update_text()

    def pause(self) -> None:
        if self._started is not None:
            self._elapsed = self.elapsed()
            self._started = None
            self._tick.stop()
        self.update_text()

    def toggle(self) -> None:
        """Start (showing the timer) or pause."""
        if self.running:
            self.pause()
        else:
            self.start()

    def restart(self) -> None:
        """Back to zero for a new step; keeps running (and shown) if it was running."""
        running = self.running
        self._elapsed = 0.0
        self._started = self.now() if running else None
        self.update_text()

    def reset(self) -> None:
        """Stop, back to zero, and hide."""
        self._tick.stop()
        self._started = None
        self._elapsed = 0.0
        self.update_text()
        self.hide()

    def update_text(self) -> None:
        state = "" if self.running else "  (paused)"
        self.setText(f"Step time {format_elapsed(self.elapsed())}{state}")
