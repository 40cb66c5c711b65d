"""GlossaryScan: the glossary scan of the open transcript, in the background; no widget.

:meth:`GlossaryScan.start` captures the transcript on the GUI thread (~1 ms) and scans it on a
``QThreadPool`` worker against a name index kept between scans (a rescan re-reads only the turns
changed since the last), so the window stays responsive; a newer scan cancels the older one
through its flag, and a cancelled scan finishing late says nothing. The window's scan runs
before the suggestions panel exists: the panel is made when it is first shown, or when a scan
has something to list (:class:`~editor.ui.names.glossary_controller.GlossaryController`).
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from editor.core.glossary import Glossary, Suggestion, capture, scan
from editor.ui import process_tuning

if TYPE_CHECKING:
    from editor.core.name_index import NameIndex


def scan_summary(count: int, entries: int, candidates: int) -> str:
    """What a scan found, said in the panel's status (and the status bar): what and from which names,
    not how long it took (a figure for benches, not for the producer)."""
    notes = f"{candidates} show-notes name{'' if candidates == 1 else 's'}" if candidates else ""
    glossary = f"{entries} glossary entr{'y' if entries == 1 else 'ies'}"
    # A page's first episode has no glossary yet: its names come from the show notes alone.
    sources = glossary if not notes else notes if not entries else f"{glossary} and {notes}"
    return f"{count} suggestion{'s' if count != 1 else ''} from {sources}."


class _ScanSignals(QObject):
    finished = Signal(int, list)          # scan id, suggestions
    failed = Signal(int, str)             # scan id, what went wrong


class _KeptIndex:
    """One :class:`NameIndex` per open transcript, kept between scans and used by one scan at a time.

    Building it reads all 90,000 words of a 10-hour episode (~0.1 s); kept, a rescan
    re-reads only the turns changed since the last one.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.index: NameIndex | None = None


class ScanWorker(QRunnable):
    """Runs :func:`editor.core.glossary.scan` off the GUI thread; touches no widget."""

    def __init__(self, scan_id: int, transcript, glossary: Glossary, kept: _KeptIndex | None = None,
                 candidates: tuple[str, ...] = ()):
        super().__init__()
        self._candidates = candidates
        self.scan_id = scan_id
        self.signals = _ScanSignals()
        self.cancel_flag = threading.Event()
        self._transcript, self._glossary = transcript, glossary
        self._kept = kept or _KeptIndex()
        self.setAutoDelete(False)  # its GlossaryScan keeps it (and its signals object) alive

    def run(self) -> None:
        # Pure Python for up to seconds: the GUI thread must not wait a whole switch interval for the GIL.
        with self._kept.lock, process_tuning.python_on_worker():   # an older, cancelled scan may still be finishing
            if self.cancel_flag.is_set():
                return
            try:
                if self._kept.index is None:
                    from editor.core.name_index import NameIndex  # rapidfuzz, Metaphone: on the worker
                    self._kept.index = NameIndex(self._transcript)
                found = distinct(scan(self._transcript, self._glossary, cancelled=self.cancel_flag.is_set,
                                      index=self._kept.index, candidates=self._candidates))
            except Exception as error:   # a fault in the scan must not leave the window "Scanning…" for good
                self._kept.index = None   # it may be half-built
                traceback.print_exc()
                if not self.cancel_flag.is_set():
                    with contextlib.suppress(RuntimeError):
                        self.signals.failed.emit(self.scan_id, f"{type(error).__name__}: {error}")
                return
        if not self.cancel_flag.is_set():
            # RuntimeError: the application is shutting down; its objects are gone, nobody waits.
            with contextlib.suppress(RuntimeError):
                self.signals.finished.emit(self.scan_id, found)


class GlossaryScan(QObject):
    """``start(glossary, candidates)`` scans the model's transcript; ``finished(suggestions)``,
    or ``failed(message)`` when the scan raised."""

    finished = Signal(list)
    failed = Signal(str)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._scan_id = 0
        self._worker: ScanWorker | None = None
        self._kept = _KeptIndex()
        self._indexed = None                 # the transcript self._kept indexes
        self._pool = QThreadPool.globalInstance()
        self._asked: tuple[Glossary, tuple[str, ...]] | None = None   # what the running scan looks for
        # Rows came, went or were replaced whole since the running scan captured the text: what it
        # finds names turns by rows that may now hold others, so it is scanned again when it ends.
        self._rows_moved = False
        model.committed.connect(self._on_model_committed)

    def start(self, glossary: Glossary, candidates: tuple[str, ...] = ()) -> None:
        """Scan the current transcript for *glossary*'s names and *candidates* (an older scan is cancelled)."""
        self.cancel()
        transcript = self._model.transcript
        if transcript is not self._indexed:     # another episode: its own index
            self._kept, self._indexed = _KeptIndex(), transcript
        self._asked, self._rows_moved = (glossary, tuple(candidates)), False
        worker = ScanWorker(self._scan_id, capture(transcript), glossary, self._kept, tuple(candidates))
        worker.signals.finished.connect(self._on_worker_finished, Qt.ConnectionType.QueuedConnection)
        worker.signals.failed.connect(self._on_worker_failed, Qt.ConnectionType.QueuedConnection)
        self._worker = worker
        self._pool.start(worker)

    def cancel(self) -> None:
        """Stop the running scan; its result, should it still come, is ignored."""
        if self._worker is not None:
            self._worker.cancel_flag.set()
            self._worker = None
        self._scan_id += 1

    def is_scanning(self) -> bool:
        return self._worker is not None

    def borrow_index(self, transcript):
        """A copy of the scans' name index brought up to date with *transcript* (the live one),
        or None when there is none for it yet or a scan is using it right now."""
        kept = self._kept
        if transcript is not self._indexed or kept.index is None or not kept.lock.acquire(blocking=False):
            return None
        try:
            twin = kept.index.clone()
        finally:
            kept.lock.release()
        twin.refresh(transcript)
        return twin

    def _on_model_committed(self, commit) -> None:
        # Typing sets fields in place (no row moves: O(1) a keystroke); what a stale offset inside
        # a turn would do, Apply catches (it drops a suggestion whose text changed).
        if self._worker is not None and not self._rows_moved:
            self._rows_moved = any(change.moves_rows() for change in commit.changes)

    def _on_worker_finished(self, scan_id: int, found: list[Suggestion]) -> None:
        if scan_id != self._scan_id:
            return  # an older scan finishing late
        if self._rows_moved and self._asked is not None:
            self.start(*self._asked)     # the index refreshes only the turns changed: a short scan
            return
        self._worker = None
        self.finished.emit(found)

    def _on_worker_failed(self, scan_id: int, message: str) -> None:
        if scan_id != self._scan_id:
            return
        self._worker = None
        self.failed.emit(message)


def distinct(found: list[Suggestion]) -> list[Suggestion]:
    """*found* without repeats of a suggestion already found (the same text at the same place to the
    same replacement: a name both in the glossary and in the show notes is found twice). Done on the
    scan's worker thread: over thousands of suggestions it is milliseconds of the GUI thread."""
    seen: set[tuple] = set()
    kept = []
    for s in found:
        place = (s.index, s.start, s.end, s.tail_end, s.found, s.replacement)
        if place not in seen:
            seen.add(place)
            kept.append(s)
    return kept
