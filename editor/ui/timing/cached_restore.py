"""CachedRestore: word times found in the alignment cache given back to their turns, a slice at a time.

An episode opened again (not saved as a project) finds its turns' word times in the alignment
cache. Given back in one model operation, a 10-hour episode's 2,400 turns stopped the window
for a third of a second; here each turn of the event loop restores turns for a few milliseconds
(one derived operation per slice, not an undo step), and ``finished`` follows the last. A turn
edited, split or removed meanwhile keeps what it has (its text no longer matches what was cached).
"""

from __future__ import annotations

import time
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core import ops
from editor.core.transcript import Word, WordTiming
from editor.ui.document.transcript_model import TranscriptModel

SLICE_S = 0.004      # restoring per turn of the event loop
BATCH = 20           # turns per model operation (a slice runs as many as fit in it)


class Cached(NamedTuple):
    row: int             # where the turn was when the cache was read (a hint: found again by id)
    segment_id: str
    text: str            # the text the times belong to
    words: list[Word]
    timing: WordTiming


class CachedRestore(QObject):
    """``start(cached)`` gives the turns their times in slices; ``finished(count)`` once all are back."""

    finished = Signal(int)      # turns given their times

    def __init__(self, model: TranscriptModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._pending: list[Cached] = []
        self._audio_ms: int | None = None
        self._done = 0
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)

    def start(self, cached: list[Cached], audio_ms: int | None = None) -> None:
        """*audio_ms*: the audio's length (a turn end past it ends with it, as when aligned)."""
        self._pending = list(reversed(cached))      # popped from the end: in reading order
        self._audio_ms = audio_ms
        self._done = 0
        self._step()      # the first slice now: a short episode is done before this returns

    def cancel(self) -> None:
        self._timer.stop()
        self._pending = []

    def is_running(self) -> bool:
        return bool(self._pending)

    def _step(self) -> None:
        model, transcript = self._model, self._model.transcript
        started = time.perf_counter()
        first = True
        while self._pending and (first or time.perf_counter() - started < SLICE_S):
            first = False     # at least one batch per slice, however slow the machine
            restore = []
            for _ in range(min(BATCH, len(self._pending))):
                item = self._pending.pop()
                row = model.row_of(item.segment_id, item.row)
                if row >= 0 and model.segment(row).text == item.text:
                    restore.append(ops.set_word_times(transcript, row, item.words, item.timing, self._audio_ms))
            if restore:
                # derived data, not an undo step; marks follow the restored words
                model.run_derived(ops.Group(tuple(restore)))
                self._done += len(restore)
        if self._pending:
            self._timer.start()
        else:
            self.finished.emit(self._done)
