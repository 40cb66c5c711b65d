"""StatusMessages: the status bar's message area, shared by what the producer did and what runs
in the background.

An answer to something the producer did ("Restored unsaved work…: 3 turns changed", "Saved …")
is shown at once and held for its time. News from background work (word times aligned, a pass
stopped) never covers a held answer: it waits until the answer's time is up (a later answer's too:
news such as a failure is said nowhere else), and only the latest news waits. Without the hold, a
restore's result was replaced at once by the alignment that the restore started, and nobody could
read it. A problem the producer must act on (a glossary file not read or not saved) is no news:
it is said as an answer, at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

ANSWER_MS = 5000    # how long an answer stays when its sayer gives no time


class StatusMessages(QObject):
    def __init__(self, bar: QStatusBar, parent: QObject | None = None):
        super().__init__(parent)
        self._bar = bar
        self._held = QTimer(self, singleShot=True)     # runs while an answer must stay readable
        self._held.timeout.connect(self._on_hold_over)
        self._waiting: tuple[str, int] | None = None   # the latest news, shown when the hold is over

    def say(self, text: str, timeout_ms: int | None = None) -> None:
        """An answer to the producer: shown now, and held for *timeout_ms* (default ANSWER_MS)."""
        if timeout_ms is None:
            timeout_ms = ANSWER_MS
        self._bar.showMessage(text, timeout_ms)   # news waiting waits on, for this answer's time
        self._held.start(timeout_ms)

    def tell(self, text: str, timeout_ms: int = 5000) -> None:
        """News from background work: shown now, or when the answer on show has had its time."""
        if self._held.isActive():
            self._waiting = (text, timeout_ms)
        else:
            self._bar.showMessage(text, timeout_ms)

    def _on_hold_over(self) -> None:
        if self._waiting is not None:
            text, timeout_ms = self._waiting
            self._waiting = None
            self._bar.showMessage(text, timeout_ms)
