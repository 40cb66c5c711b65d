"""TimingController: the window side of word timing, wired in one place.

MainWindow constructs it with what it needs and adds almost nothing else:

* the waveform strip sits under the transcript in a vertical splitter (between the
  transcript and the transport bar), fed incrementally from the model: a keystroke or an
  alignment result costs O(rows changed), never a re-read of the document (see
  :class:`editor.ui.timing.strip_feed.StripFeed`); the strip and the workers are built when the
  first transcript opens, so the start page pays none of their imports;
* when audio loads, peaks are computed (or read from the cache) on a worker thread with
  progress drawn in the strip;
* when a transcript whose turns have no word times is opened with its audio, forced
  alignment runs in the background (two worker processes), with a progress bar and a
  Cancel button in the status bar; each aligned turn is stored through the model as it
  arrives, so the view repaints that turn at once. Results are kept in the transcript (the
  project file holds them once saved) and in an :class:`AlignmentCache` beside the user's
  caches, so an episode is never aligned twice, saved or not;
* "Re-sync word times of this turn" re-aligns the turn being edited or played (after a
  text edit) without stopping a whole-episode run;
* dragging a boundary in the strip is one undoable "Retime Turn" on the window's undo stack;
* the Timing menu's edits (Set Start/End to the playback position, nudges, Shift Times…) are
  :class:`editor.ui.timing.turn_times.TurnTimes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.transcript import WordTiming
from editor.ui.context import WindowContext
from editor.ui.timing.turn_times import TurnTimes
from editor.ui.widgets.task_progress import TaskProgress

if TYPE_CHECKING:
    from editor.ui.timing.alignment_cache import AlignmentCache
    from editor.ui.timing.alignment_runner import AlignmentRunner
    from editor.ui.timing.cached_restore import CachedRestore
    from editor.ui.timing.strip_feed import StripFeed
    from editor.ui.timing.timing_parts import TurnResyncer
    from editor.ui.timing.waveform import WaveformStrip
    from editor.ui.timing.waveform_loader import PeaksLoader

STRIP_HEIGHT = 140
# Alignment processes: one per core of the 2-core machines the app is tuned for (PocketSphinx holds
# its process's GIL, so more than the cores only queue), as the command line's `align --workers` default.
ALIGN_WORKERS = 2
# A transcript opened without audio gets its strip (boundaries, speakers) this long after
# opening: building it imports numpy, PyAV and PocketSphinx (~0.2 s, ~45 MB) and walks every
# turn, none of which the first look at the episode needs. Audio arriving builds it at once.
STRIP_WITHOUT_AUDIO_AFTER_MS = 2500
MESSAGE_MS = 6000


@dataclass(frozen=True)
class _Parts:
    """What the controller builds on first use."""

    strip: WaveformStrip
    feed: StripFeed
    peaks: PeaksLoader
    aligner: AlignmentRunner     # the whole episode
    resyncer: TurnResyncer       # one turn on demand


class TimingController(QObject):
    """Waveform strip, peaks, forced alignment and retiming in the window."""

    message = Signal(str)        # also shown in the status bar
    # An alignment run that could not be done (a model missing, unreadable audio, a worker crashed):
    # why, in a sentence, for the window to keep on show with Align Again (align_pending).
    failed = Signal(str)
    words_ready = Signal(str)    # audio path: every turn that can be aligned has its word times

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._model, self._playback, self._files = ctx.model, ctx.playback, ctx.files
        self.undo_stack, self._actions, self._layout = ctx.undo_stack, ctx.actions, ctx.layout
        self._current_row = ctx.edits.current_row           # the turn an action applies to
        self._seek = ctx.follow.seek                         # a click in the strip plays from there
        # No alignment by itself against audio that ends well before the transcript (the check is
        # made after this controller, and asked when alignment would start).
        self._audio_too_short = lambda: ctx.audio_check.runs_past_audio
        project = ctx.project
        self._project_path = lambda: project.project_path    # peaks are cached beside a saved project
        self._project_restore_ended = project.restore_ended
        self._audio = ""
        self._duration = 0
        self.cache: AlignmentCache | None = None   # the alignments kept for the loaded audio
        self._keys: dict[str, str] = {}       # segment id -> cache key of the alignment under way
        # Cached word times given back to their turns a slice at a time (made with the runners); then,
        # when asked, words_ready.
        self._restore: CachedRestore | None = None
        self._restored_alone = False          # the turns restored are all there was to align
        self._ready_when_restored = False

        # Made by _start() when the first transcript opens (numpy, PocketSphinx, PyAV imports).
        self._parts: _Parts | None = None
        self.strip: WaveformStrip | None = None
        self.feed: StripFeed | None = None
        self.peaks: PeaksLoader | None = None
        self.aligner: AlignmentRunner | None = None
        self.resyncer: TurnResyncer | None = None
        self._start_timer = QTimer(self, singleShot=True, interval=STRIP_WITHOUT_AUDIO_AFTER_MS)
        self._start_timer.timeout.connect(self._start_without_audio)
        # Alignment (or words_ready) for the document shown, in a turn of the event loop of its own:
        # asked when audio loads and again when a restore has replaced the opened document (the
        # reset dropped what was done for that one); asked twice in one turn, it runs once.
        self._align_soon = QTimer(self, singleShot=True, interval=0)
        self._align_soon.timeout.connect(self._align_after_open)
        self._reset_since_asked = False    # the model was reset since _align_after_open last ran
        # The window puts it in the status bar.
        self.progress = TaskProgress("Aligning word times", "Stop aligning; turns aligned so far keep their word times")
        # Turns added (a split) less those taken away (a merge) while the whole-episode run goes on:
        # its count names the turns there are now, and the turns it could not align (the halves of a
        # split turn are new turns) are aligned when it ends.
        self._rows_added_in_run = 0
        self._rows_changed_in_run = False
        self._run_count = (0, 0)     # (done, total) the run last reported
        # Why the run under way could not be done: said once its thread has ended, so that Align
        # Again, clicked at once, finds no run still ending and starts the next.
        self._run_failure: str | None = None
        # A child: it lives as long as the controller and is reached through its actions (Set Start, Nudge, Shift).
        TurnTimes(ctx, lambda text: self._layout.show_status(text, MESSAGE_MS), self)
        self._connect()

    # ------------------------------------------------------------------ building
    def _start(self) -> _Parts:
        """Build the strip, its feed, the peaks loader and the runners (once, on first use)."""
        self._start_timer.stop()
        if self._parts is not None:
            return self._parts
        from editor.ui.timing.alignment_runner import AlignmentRunner
        from editor.ui.timing.cached_restore import CachedRestore
        from editor.ui.timing.strip_feed import StripFeed
        from editor.ui.timing.timing_parts import TurnResyncer
        from editor.ui.timing.waveform import WaveformStrip
        from editor.ui.timing.waveform_loader import PeaksLoader

        strip = WaveformStrip()
        self._layout.place_under_transcript(strip, STRIP_HEIGHT)   # before setVisible: no window of its own
        strip.setVisible(self._actions["show_waveform"].isChecked())
        feed = StripFeed(self._model, strip)
        feed.rebuild()
        parts = self._parts = _Parts(strip, feed, PeaksLoader(self),
                                     AlignmentRunner(self._model, workers=ALIGN_WORKERS, parent=self),
                                     TurnResyncer(self._model, parent=self))
        self.strip, self.feed, self.peaks = parts.strip, parts.feed, parts.peaks
        self.aligner, self.resyncer = parts.aligner, parts.resyncer
        self._restore = CachedRestore(self._model, self)
        self._restore.finished.connect(self._on_restore_finished)

        strip.seek_requested.connect(self._on_strip_seek_requested)
        strip.retime_requested.connect(self._on_strip_retime_requested)
        self._playback.position_changed.connect(strip.set_position)
        self._actions["show_waveform"].toggled.connect(strip.setVisible)
        parts.peaks.progressed.connect(strip.set_progress)
        parts.peaks.loaded.connect(strip.set_peaks)
        parts.peaks.failed.connect(self._on_peaks_failed)
        parts.aligner.progressed.connect(self._on_aligner_progressed)
        parts.aligner.segment_aligned.connect(self._on_segment_aligned)
        parts.aligner.finished.connect(self._on_aligner_finished)
        parts.aligner.failed.connect(self._on_aligner_failed)
        parts.resyncer.segment_aligned.connect(self._on_resync_segment_aligned)
        parts.resyncer.failed.connect(self._on_resyncer_failed)
        parts.resyncer.finished.connect(self._on_resyncer_finished)
        return parts

    def _connect(self) -> None:
        a = self._actions
        a["align_words"].triggered.connect(self.align_pending)
        a["resync_turn"].triggered.connect(lambda: self.resync())
        self.progress.cancel_requested.connect(self.cancel_alignment)
        self._playback.media_changed.connect(self._on_playback_media_changed)
        self._files.audio_loaded.connect(self._on_files_audio_loaded)
        self._files.transcript_opened.connect(self._on_files_transcript_opened)
        self._model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self._model.rowsInserted.connect(lambda _parent, first, last: self._on_rows_changed(last - first + 1))
        self._model.rowsRemoved.connect(lambda _parent, first, last: self._on_rows_changed(first - last - 1))
        self._project_restore_ended.connect(self._on_project_restore_ended)

    def _say(self, text: str, background: bool = False) -> None:
        """*background*: news of the whole-episode alignment, which never covers an answer the
        producer is reading (a restore's result, when the restore started the alignment)."""
        self._layout.show_status(text, MESSAGE_MS, background=background)
        self.message.emit(text)

    # ------------------------------------------------------------------ audio
    def _on_files_transcript_opened(self, *_) -> None:
        if self.strip is None and not self._start_timer.isActive():
            self._start_timer.start()      # audio (media_changed, audio_loaded) starts it sooner

    def _start_without_audio(self) -> None:
        parts = self._start()
        if not self._audio:
            self._show_no_audio(parts.strip)

    def _on_playback_media_changed(self, path: str, duration: int) -> None:
        if not path and self.strip is None:    # nothing built yet, so nothing to clear
            self._audio, self._duration = "", 0
            return
        parts = self._start()
        parts.peaks.cancel()
        if not path:
            self._audio, self._duration = "", 0
            self._show_no_audio(parts.strip)
            return
        if duration <= 0:
            duration = _declared_duration(path)
        self._duration = duration
        slim = parts.strip.is_slim()
        parts.strip.set_peaks(None)
        parts.strip.set_duration(duration)
        parts.strip.set_progress(0.0)
        if slim:     # its height again, as when it was first placed
            self._layout.place_under_transcript(parts.strip, STRIP_HEIGHT)
        parts.aligner.set_duration(duration or None)
        parts.resyncer.set_duration(duration or None)
        parts.peaks.load(path, self._project_path() or None)

    def _show_no_audio(self, strip) -> None:
        strip.show_no_audio()
        self._layout.place_under_transcript(strip, strip.sizeHint().height())   # the transcript takes the room

    def _on_files_audio_loaded(self, path: str) -> None:
        from editor.ui.timing.alignment_cache import AlignmentCache, default_path
        self._start()
        self._audio = path
        self.cache = AlignmentCache(path, default_path(path))
        # After the window has painted the opened transcript: planning reads every turn.
        self._align_soon.start()

    def _align_after_open(self) -> None:
        self._reset_since_asked = False
        if self._audio_too_short():
            return   # the wrong or a cut audio, by its length: its warning offers alignment (Align Anyway)
        # Nothing left to align (a saved project, a cached alignment): the words are ready now, or
        # once the cached ones are back in their turns.
        if self._audio and self._files.has_transcript() and not self.is_aligning() and not self.align_pending():
            if self._restoring():
                self._ready_when_restored = True
            else:
                self.words_ready.emit(self._audio)

    def _on_project_restore_ended(self) -> None:
        # Only when the restore reset the model (one cancelled before its end changed nothing: the
        # words ready, or the alignment under way, are still the document's).
        if self._audio and self._reset_since_asked:
            self._align_soon.start()

    def _on_peaks_failed(self, message: str) -> None:
        self._start().strip.set_message(f"No waveform: {message}")

    def _on_model_about_to_be_reset(self) -> None:
        # Another transcript is coming: results of this one must not land in it.
        self._ready_when_restored = False
        self._reset_since_asked = True
        if self._parts is None:
            return
        if self._restore is not None:
            self._restore.cancel()
        self._parts.resyncer.cancel()
        self._parts.aligner.cancel()

    # ------------------------------------------------------------------ alignment
    def align_pending(self) -> int:
        """Align every timed turn still without word times; returns how many turns are queued.

        Turns aligned before (same text, same audio span, same audio file) take their
        times from the cache at once; only the rest go to the aligner.
        """
        if not self._audio or self.aligner is None or self._restore is None or self.aligner.is_running() \
                or self._restore.is_running():
            return 0
        from editor.ui.timing.alignment_cache import entry_key, needs_alignment, span_end
        from editor.ui.timing.cached_restore import Cached
        segments = self._model.transcript.segments
        cached: list[Cached] = []
        rows = []
        self._keys.clear()
        for row, segment in enumerate(segments):
            if not needs_alignment(segment) or segment.start_ms is None:
                continue
            end = span_end(segments, row, self._duration or None)
            if end is None or end <= segment.start_ms:
                continue
            key = entry_key(segment.text, segment.start_ms, end)
            hit = self.cache.lookup(key) if self.cache is not None else None
            if hit is not None and len(hit[0]) == len(segment.text.split()):
                cached.append(Cached(row, segment.id, segment.text, *hit))
            else:
                self._keys[segment.id] = key
                rows.append(row)
        if cached:
            self._restored_alone = not rows      # said once they are back (with a run under way, it says its own)
            # in slices: a long episode's turns are not all given back at once
            self._restore.start(cached, self._duration or None)
        if not rows:
            return 0
        if not self.aligner.start(self._audio, rows):
            return 0
        self._rows_added_in_run, self._rows_changed_in_run = 0, False
        self._run_failure = None
        self._run_count = (0, len(rows))
        self.progress.start(len(rows))   # it says "Aligning word times" with its count: no message repeats it
        return len(rows)

    def cancel_alignment(self) -> None:
        if self.aligner is not None:
            self.aligner.cancel()

    def doubt_audio(self) -> None:
        """The audio is doubted (the transcript runs past its end: the wrong or a cut file, found
        once its length is decoded): a run under way stops, and cached word times still being
        given back no longer announce the words ready (a listening pass would start against this
        audio). Align Anyway aligns, and announces them, again."""
        self._ready_when_restored = False
        self.cancel_alignment()

    def _restoring(self) -> bool:
        return self._restore is not None and self._restore.is_running()

    def is_aligning(self) -> bool:
        return self.aligner is not None and self.aligner.is_running()

    def _remember(self, row: int) -> None:
        """Keep the turn's new word times in the cache (key planned when its job started)."""
        if self.cache is None or not 0 <= row < self._model.rowCount():
            return
        segment = self._model.segment(row)
        key = self._keys.pop(segment.id, None)
        if key is not None:
            self.cache.add(key, segment.words, segment.word_timing)

    def _on_segment_aligned(self, row: int) -> None:
        self._remember(row)

    def _on_aligner_progressed(self, done: int, total: int) -> None:
        self._run_count = (done, total)
        self._show_run_count()

    def _show_run_count(self) -> None:
        done, total = self._run_count
        self.progress.set_progress(done, max(done, total + self._rows_added_in_run))

    def _on_rows_changed(self, added: int) -> None:
        """A split or merge while the whole episode is being aligned: the count follows the turns."""
        if self.is_aligning():
            self._rows_added_in_run += added
            self._rows_changed_in_run = True
            self._show_run_count()

    def _on_aligner_finished(self, completed: bool) -> None:
        self.progress.hide()
        if self.cache is not None:
            self.cache.save()
        if self._run_failure is not None:     # the words are not ready, nor is there more to say
            why, self._run_failure = self._run_failure, None
            self.failed.emit(f"Aligning the word times failed: {why.rstrip('.')}.")
            return
        changed, self._rows_changed_in_run = self._rows_changed_in_run, False
        if completed and changed and self.align_pending():
            return    # the turns split (or merged) meanwhile are aligned now; that run says when done
        segments = self._model.transcript.segments
        failed = sum(1 for s in segments if s.word_timing is WordTiming.FAILED)
        if completed:
            extra = f" ({failed} turns kept estimated times)" if failed else ""
            self._say(f"Word times aligned{extra}", background=True)
            if self._restoring():      # some turns' cached times are still being given back
                self._ready_when_restored = True
            else:
                self.words_ready.emit(self._audio)
        else:
            self._say("Alignment stopped; turns aligned so far keep their word times", background=True)

    def _on_restore_finished(self, count: int) -> None:
        if self._restored_alone and count:
            self._say(f"Word times of {count} turns restored from the last alignment", background=True)
        if self._ready_when_restored:
            self._ready_when_restored = False
            if self._audio:
                self.words_ready.emit(self._audio)

    def _on_aligner_failed(self, message: str) -> None:
        self._run_failure = message
        self.progress.hide()

    # ------------------------------------------------------------------ re-sync one turn
    def resync(self, row: int | None = None) -> bool:
        """Re-align one turn (default: the one being edited or played) against the audio."""
        from editor.ui.timing.alignment_cache import entry_key, span_end
        row = self._current_row() if row is None else row
        if not self._audio or self.resyncer is None or not 0 <= row < self._model.rowCount():
            self._say("Re-sync needs a turn and the episode's audio")
            return False
        segments = self._model.transcript.segments
        segment = segments[row]
        end = span_end(segments, row, self._duration or None)
        if segment.start_ms is None or end is None or end <= segment.start_ms:
            self._say("This turn has no time span to align against")
            return False
        self._keys[segment.id] = entry_key(segment.text, segment.start_ms, end)
        if not self.resyncer.resync(self._audio, row):
            return False
        self._say(f"Re-syncing the word times of turn {row + 1}…")
        return True

    def _on_resync_segment_aligned(self, row: int) -> None:
        self._remember(row)
        timing = self._model.segment(row).word_timing
        if timing is WordTiming.ALIGNED:
            self._say(f"Word times of turn {row + 1} re-synced")
        else:
            self._say(f"Turn {row + 1} could not be aligned: its words keep estimated times")

    def _on_resyncer_failed(self, message: str) -> None:
        self._say(f"Re-sync failed: {message}")

    def _on_resyncer_finished(self, completed: bool) -> None:
        if completed and self.cache is not None:
            self.cache.save()

    # ------------------------------------------------------------------ strip
    def _on_strip_seek_requested(self, ms: int) -> None:
        if self._playback.has_media():
            self._seek(ms)

    def _on_strip_retime_requested(self, changes: list) -> None:
        from editor.ui.timing.waveform_retime import push_retime
        push_retime(self.undo_stack, self._model, changes)

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """Stop the background work and write what was aligned (the window is closing)."""
        if self._parts is None:
            return
        self._parts.resyncer.cancel(wait=True)
        self._parts.aligner.cancel(wait=True)
        self._parts.peaks.cancel()
        if self.cache is not None:
            self.cache.save(background=False)


def _declared_duration(path: str) -> int:
    """The container's declared length when the player does not know it yet (0 if unknown)."""
    from editor.audio.decode import duration_ms
    from editor.core.errors import TranscriptError
    try:
        return duration_ms(path) or 0
    except TranscriptError:
        return 0

