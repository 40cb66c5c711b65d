"""AudioLengthCheck: does the loaded audio fit the transcript, and is it as long as it says?

When audio loads:

* a transcript without a recorded length takes the player's (``meta.duration_ms``,
  through ``ops.set_audio`` as derived data, like the audio path: saved with the next save);
* a transcript that needs clearly more audio than there is (by what its last turn needs: its
  heard words, else its own end, never a length a page only states: :mod:`editor.core.audio_fit`,
  the one measure the project's self-check uses too) gets a warning bar (the wrong episode's
  audio, or a cut download);
  word times are then not aligned against that audio by themselves, nor the audio checks
  run (:attr:`runs_past_audio`, :attr:`audio_doubted`), and the bar says so and offers
  "Align Anyway" for a producer who knows the audio is right;
* the PCM working copy (:mod:`editor.player.working_copy`) decodes the whole
  file anyway, so once it is written its length is known for free: a file that
  decodes clearly shorter than its header declares (a truncated MP3 whose
  header says 3 s and that holds 1.2 s) gets a warning naming both lengths.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.audio_fit import needed_ms, runs_past, turns_after
from editor.core.timecode import format_clock
from editor.ui.context import WindowContext
from editor.ui.widgets.message_bar import MessageBar

SHORT_MIN_MS = 1000         # "clearly shorter": by more than a second ...
SHORT_FRACTION = 0.05       # ... and by more than 5 % (VBR headers estimate a few % off)
POLL_MS = 500               # how often to look whether the working copy is finished


class AudioLengthCheck(QObject):
    # The transcript was found to run past the loaded audio's end (when it loads, or once it is
    # decoded): alignment against it must not start, or go on, unless the producer asks.
    audio_doubted = Signal()

    def __init__(self, ctx: WindowContext, bar: MessageBar, parent=None):
        """*bar*: where the warnings show (the window's audio bar)."""
        super().__init__(parent)
        self._model = ctx.model
        self._align = ctx.actions["align_words"]
        playback = self._playback = ctx.playback
        files = ctx.files
        self._bar = bar
        self._audio = ""
        self._declared = 0
        self._set_by_us = False     # meta.duration_ms came from the player, not from the file
        self._job = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        files.audio_loaded.connect(self._on_files_audio_loaded)
        playback.media_changed.connect(self._on_playback_media_changed)
        self.last_warning = ""
        self.runs_past_audio = False   # the loaded audio ends well before the transcript

    def _on_files_audio_loaded(self, path: str) -> None:
        self._audio = path
        self._declared = self._playback.duration()
        self._set_by_us = False
        self.last_warning = ""
        self.runs_past_audio = False
        meta = self._model.transcript.meta
        if self._declared > 0 and not meta.duration_ms:
            self._set_duration(self._declared)
            self._set_by_us = True
        self._check_end(self._declared)
        player = self._playback.player
        self._job = getattr(player, "working_copy_job", None)
        if self._job is not None or getattr(player, "name", "") == "vlc":
            self._timer.start()
            self._on_timer_timeout()

    def _on_playback_media_changed(self, path: str, _duration: int) -> None:
        if path != self._audio:   # unloaded or another file: stop looking at the old one's copy
            self._timer.stop()
            self._job = None

    def _on_timer_timeout(self) -> None:
        wav = self._working_copy()
        if wav is None:
            return
        self._timer.stop()
        decoded = _wav_length_ms(wav)
        if decoded is not None:
            self._check_decoded(decoded)

    def _working_copy(self) -> str | None:
        """The finished working copy's path, None while it is being written (stops when there is none)."""
        job = self._job
        if job is not None:
            if not job.ready.is_set():
                return None
            self._job = None
            if job.path is None:
                self._timer.stop()
                return None
            return str(job.path)
        from editor.player import working_copy
        try:
            path = working_copy.copy_path(self._audio)
        except OSError:
            self._timer.stop()
            return None
        if path.is_file():
            return str(path)
        self._timer.stop()   # no job and no copy: PCM source, played directly
        return None

    # ------------------------------------------------------------------ the checks
    def _check_end(self, audio_ms: int) -> None:
        if runs_past(self._model.transcript, audio_ms):
            self._warn_past_end(f"{self._runs_to()} but the audio {Path(self._audio).name} ends at "
                                f"{format_clock(audio_ms)}: {self._unplayable(audio_ms)} (the wrong episode's "
                                f"audio, or a cut file?).")

    def _runs_to(self) -> str:
        return f"The transcript runs to {format_clock(needed_ms(self._model.transcript))}"

    def _unplayable(self, audio_ms: int) -> str:
        """What of the transcript the audio does not hold: the turns starting after its end, else
        the end of the last turn."""
        transcript = self._model.transcript
        count = turns_after(transcript, audio_ms)
        if count:
            return f"{count} turn{'s' if count > 1 else ''} after that cannot be played"
        return f"the last {(needed_ms(transcript) - audio_ms) // 1000} s of its last turn cannot be played"

    def _set_duration(self, ms: int) -> None:
        from editor.core import ops
        self._model.run_derived(ops.set_audio(self._model.transcript, duration_ms=ms))

    def _check_decoded(self, decoded: int) -> None:
        declared = self._declared
        if declared <= 0 or declared - decoded <= max(SHORT_MIN_MS, SHORT_FRACTION * declared):
            return
        if self._set_by_us:
            self._set_duration(decoded)
        text = (f"The audio {Path(self._audio).name} is shorter than its header says: it holds "
                f"{format_clock(decoded, millis=True)} of the {format_clock(declared, millis=True)} declared "
                f"(a truncated download?). Playback stops at {format_clock(decoded)}.")
        if runs_past(self._model.transcript, decoded):
            self._warn_past_end(f"{text} {self._runs_to()}: {self._unplayable(decoded)}.")
        else:
            self._warn(text)

    def _warn(self, text: str) -> None:
        self.last_warning = text
        self._bar.show_message(text, "warning")

    def _warn_past_end(self, text: str) -> None:
        """The warning of a transcript the audio does not cover: word times are not aligned
        against this audio (a run under way stops) unless the producer asks."""
        doubted_before, self.runs_past_audio = self.runs_past_audio, True
        self.last_warning = text
        self._bar.show_message(f"{text} Word times are not aligned against it, and the audio checks do not run.",
                               "warning",
                               button="Align Anyway", callback=self._on_align_anyway)
        if not doubted_before:   # (a run the producer asked for since the first warning goes on)
            self.audio_doubted.emit()

    def _on_align_anyway(self) -> None:
        self._bar.show_message(self.last_warning, "warning")   # the warning stays true; the offer is taken
        self._align.trigger()


def _wav_length_ms(path: str) -> int | None:
    import wave
    try:
        with wave.open(path, "rb") as handle:
            rate = handle.getframerate()
            return handle.getnframes() * 1000 // rate if rate else None
    except (OSError, EOFError, wave.Error):
        return None

