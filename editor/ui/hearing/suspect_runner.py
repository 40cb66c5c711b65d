"""SuspectRunner: the audio checks of every turn (or a few) in the background.

:func:`editor.hearing.listen.hear_transcript` (two worker processes, the audio decoded once) runs
in a low-priority process of its own (:mod:`editor.ui.episode_pass`; a whole episode is planned
there too, :mod:`~editor.ui.hearing.listening_pass`), waited on by a worker thread that holds no
GIL while it waits; each checked turn comes back to the GUI thread as a queued signal and goes
into the :class:`SuspectStore`. The GUI thread only takes a snapshot of the turns
(:func:`~editor.ui.hearing.listening_pass.snapshot`, one C call a turn; of a few edited turns and
their neighbours only, when those are checked again): the worker thread pickles and sends it, and
the turns are planned as they were when the check started. A few turns checked
again after an edit go to the window's audio process instead (:mod:`editor.ui.audio_process`): no
pool to start, each turn's audio read at the turn there, and no PocketSphinx decoding in this
process (it would hold the GIL, and with it the GUI thread). Nothing here edits the transcript.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from editor.core.errors import TranscriptError
from editor.core.transcript import Segment
from editor.ui.background import ThreadRunner, WorkerThread

if TYPE_CHECKING:
    from editor.hearing.episode_words import EpisodeWords
    from editor.ui.hearing.listening_pass import Turn

# The snapshot's and the checks' modules (listening_pass, the audio process) are imported by the first
# check, not with the window: an episode opened without audio is never listened to.

FEW_TURNS = 4      # this many turns or fewer are checked one by one in the audio process


class _HearThread(WorkerThread):
    heard = Signal(object)             # editor.hearing.listen.Heard
    counted = Signal(object, object)   # a whole pass's EpisodeWords, and the text of each turn (by id) it counted

    def __init__(self, audio_path: str, turns: Sequence[Turn], duration_ms: int | None,
                 names: list[str], rows: list[int] | None, workers: int, names_only: bool = False,
                 notes: str = "", vocabulary: EpisodeWords | None = None, parent=None):
        super().__init__(parent)
        self._args = (audio_path, turns, duration_ms, names, rows, workers)
        self._names_only = names_only
        self._notes, self._vocabulary = notes, vocabulary

    def run(self) -> None:
        from editor.ui.audio_process import JobFailed
        from editor.ui.hearing import listening_pass
        audio_path, turns, duration_ms, names, rows, workers = self._args
        try:
            if rows is None and listening_pass.more_timed_than(turns, FEW_TURNS):
                # Every turn: planned in the pass's own process too (planning is Python work
                # proportional to the episode: here it would take turns with the GUI thread for the GIL).
                self._hear_in_pass(listening_pass.plan_and_hear, audio_path, turns, duration_ms, names,
                                   workers=workers, names_only=self._names_only, notes=self._notes)
                return
            from editor.hearing.listen import hear_transcript, plan
            vocabulary = self._vocabulary
            if rows is None:     # an episode of a few timed turns, counted here
                vocabulary = listening_pass.episode_words(turns, self._notes, names)
                self.counted.emit(vocabulary, listening_pass.texts_by_id(turns))
            jobs = plan(listening_pass.thawed(turns), duration_ms, names, rows, names_only=self._names_only,
                        vocabulary=vocabulary)
            if not jobs or self.stop.is_set():
                return
            self.progressed.emit(0, len(jobs))
            if len(jobs) <= FEW_TURNS:
                self._hear_one_by_one(audio_path, jobs)
            else:
                self._hear_in_pass(hear_transcript, audio_path, jobs, workers=workers)
        except (TranscriptError, JobFailed) as error:     # unreadable audio; the audio process or the pass failed
            self.failed.emit(str(error))

    def _hear_in_pass(self, function, *args, **kwargs) -> None:
        """What *function* hears, run in a pass process of its own (:func:`editor.ui.episode_pass.run`)."""
        from editor.hearing.episode_words import EpisodeWords
        from editor.ui import episode_pass
        from editor.ui.hearing.listening_pass import texts_by_id
        for item in episode_pass.run(function, *args, progress=self.progressed.emit, cancelled=self.stop.is_set,
                                     leaving=self.leaving.is_set, **kwargs):
            if isinstance(item, EpisodeWords):
                self.counted.emit(item, texts_by_id(self._args[1]))   # the whole episode's turns
            else:
                self.heard.emit(item)

    def _hear_one_by_one(self, audio_path: str, jobs) -> None:
        from editor.ui import audio_process
        for done, job in enumerate(jobs, 1):
            # Its audio read in the audio process too: this process only waits.
            heard = audio_process.result(audio_process.shared().submit(audio_process.hear, job, audio_path),
                                         self.stop.is_set)
            if heard is None or self.stop.is_set():
                return
            self.heard.emit(heard)
            self.progressed.emit(done, len(jobs))


class SuspectRunner(ThreadRunner):
    """``start(audio, segments)`` checks the turns as they are then; results arrive as ``heard(Heard)``,
    and a whole pass's count of the episode's words, before them, as ``counted(EpisodeWords, texts by id)``."""

    heard = Signal(object)
    counted = Signal(object, object)

    def __init__(self, workers: int = 2, parent=None):
        super().__init__(parent)
        self._workers = workers

    def start(self, audio_path: str, segments: list[Segment], duration_ms: int | None,
              names: Sequence[str] = (), rows: list[int] | None = None, names_only: bool = False,
              notes: str = "", vocabulary: EpisodeWords | None = None) -> None:
        """*names_only*: listen for the glossary's *names* only (see
        :attr:`~editor.hearing.listen.HearJob.names_only`). The context check counts the episode's
        words: for every turn, those of *segments*, the page's *notes* and the *names*; for some
        *rows*, as *vocabulary* counts them (their snapshot holds no other turns)."""
        from editor.ui.hearing import listening_pass
        turns = listening_pass.snapshot(segments) if rows is None else listening_pass.snapshot_around(segments, rows)
        thread = _HearThread(str(audio_path), turns, duration_ms, list(names), rows, self._workers, names_only,
                             notes, vocabulary)
        thread.heard.connect(self._on_thread_heard)
        thread.counted.connect(self._on_thread_counted)
        self.start_thread(thread)

    def _on_thread_heard(self, heard) -> None:
        if self.is_current():
            self.heard.emit(heard)

    def _on_thread_counted(self, words, texts) -> None:
        if self.is_current():
            self.counted.emit(words, texts)
