"""Correct Everywhere's search, on a worker thread: :class:`CandidateSearch`.

The dialog hands it a capture of the transcript (:func:`editor.core.glossary.capture`, taken on the
GUI thread in about a millisecond, edit-proof) with the phrase; the thread runs
:func:`editor.core.corrections.find_variants` and answers ``found(candidates, index)``. Searching a
10-hour episode takes ~30 ms with a name index at hand, but building one (when the glossary scan
has none to lend yet) reads every word, ~0.4 s: the dialog is on screen at once either way.
The name index is brought up to date by the search itself, so two searches never use it at once
(:data:`_INDEX_LOCK`: a cancelled search still running finishes before the next one starts on it).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal

from editor.ui.background import ThreadRunner, WorkerThread

_INDEX_LOCK = threading.Lock()     # one search at a time reads and refreshes a name index


class _SearchThread(WorkerThread):
    found = Signal(object, object)      # list[Candidate], the NameIndex searched

    def __init__(self, captured, wrong: str, right: str, threshold: int, index):
        super().__init__()
        self._captured, self._wrong, self._right = captured, wrong, right
        self._threshold, self._index = threshold, index

    def run(self) -> None:
        from editor.core.corrections import find_variants
        from editor.core.name_index import NameIndex
        with _INDEX_LOCK:
            if self.stop.is_set():
                return
            index = self._index if self._index is not None else NameIndex(self._captured)
            found = find_variants(self._captured, self._wrong, self._right, threshold=self._threshold,
                                  index=index)
        if not self.stop.is_set():
            self.found.emit(found, index)


class CandidateSearch(ThreadRunner):
    """``start(captured, wrong, right, threshold, index)`` → ``found(candidates, index)``, then ``finished``.
    *index* None: one is built (and handed back with the candidates, to be kept)."""

    found = Signal(object, object)

    def start(self, captured, wrong: str, right: str, threshold: int, index) -> None:
        thread = _SearchThread(captured, wrong, right, threshold, index)
        thread.found.connect(self._on_thread_found)
        self.start_thread(thread)

    def _on_thread_found(self, candidates, index) -> None:
        if self.is_current():
            self.found.emit(candidates, index)
