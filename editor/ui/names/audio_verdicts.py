"""The audio's verdict on each glossary suggestion, found off the GUI thread.

:class:`AudioCheckWorker` runs :func:`editor.hearing.suggest.verdicts` (the audio decoded once,
each suggestion's stretch aligned with the original and with the replacement) on a
``QThreadPool`` worker and reports each verdict as it comes, keyed so the panel can match it
to a suggestion even after the list was scanned again. Touches no widget; a newer check, a
new transcript or Stop cancels it through its flag.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QRunnable, Signal

from editor.core.errors import TranscriptError

if TYPE_CHECKING:
    from editor.hearing.verdict import Region


class CheckItem(NamedTuple):
    key: tuple            # what the verdict is about (see SuggestionsPanel._audio_key)
    where: Region         # the stretch of audio and the original text in it
    replacement: str


class _CheckSignals(QObject):
    judged = Signal(int, object, object)   # check id, CheckItem.key, editor.hearing.verdict.Verdict
    progressed = Signal(int, int, int)     # check id, done, total
    failed = Signal(int, str)              # check id, why (the audio could not be read)
    finished = Signal(int, bool)           # check id, True: every item was judged


class AudioCheckWorker(QRunnable):
    def __init__(self, check_id: int, audio_path: str, items: list[CheckItem]):
        super().__init__()
        self.check_id = check_id
        self.signals = _CheckSignals()
        self.cancel_flag = threading.Event()
        self._audio_path, self._items = audio_path, items
        self.setAutoDelete(False)   # the panel keeps it (and its signals object) alive

    def run(self) -> None:
        from editor.hearing.suggest import verdicts  # PocketSphinx: loaded when first needed

        done = 0
        # RuntimeError: the application is shutting down; its objects are gone, nobody waits.
        with contextlib.suppress(RuntimeError):
            try:
                for i, verdict in verdicts(self._audio_path, [item.where for item in self._items],
                                           [item.replacement for item in self._items], self.cancel_flag.is_set):
                    done += 1
                    self.signals.judged.emit(self.check_id, self._items[i].key, verdict)
                    self.signals.progressed.emit(self.check_id, done, len(self._items))
            except TranscriptError as error:
                self.signals.failed.emit(self.check_id, str(error))
            self.signals.finished.emit(self.check_id, done == len(self._items) and not self.cancel_flag.is_set())
