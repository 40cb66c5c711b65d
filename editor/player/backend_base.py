"""What the VLC and QtMultimedia players share: the bookkeeping around the medium.

Both backends follow one contract (:class:`editor.player.base.Player`): a PCM working
copy for exact seeks (:mod:`editor.player.working_copy`), the interpolated
:class:`PlaybackClock`, the same state rules and the same rate/volume ranges. This
class holds that logic once; a backend fills in the hooks that talk to its engine
(``_open_media``, ``_drop_media``, ``_start``, ``_pause_engine``, ``_seek_engine``,
``_apply_rate``, ``_apply_volume``, ``_release``, ``_adopt_working_copy``).
Imports neither ``vlc`` nor Qt, so each backend stays the only place of its engine.

**Holding.** Until the working copy is ready, the engine plays the compressed original,
whose seeks land anywhere from 30 ms to 28 s away from the target. So a seek then (or a
play from anywhere but the very start) is *held*: the engine pauses, the clock shows the
target without running (nothing is heard, so no time passes), :attr:`holding` is True
(the window says "Preparing exact seeking…") and the position and the wish to play are
kept; once the copy is adopted, playback starts exactly there. Playing from the start
needs no seek and starts at once. A backend may end a hold sooner (``_prepare_exact``,
``_exact_at``): the VLC one decodes a window of the copy around the target and plays that.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from editor.player import working_copy as wc
from editor.player.base import PlayerError, PlayerState
from editor.player.clock import PlaybackClock

MIN_RATE, MAX_RATE = 0.5, 2.0


class BackendBase:
    """Shared state and Player-protocol methods; subclasses create ``self._mp`` (their engine)."""

    name = ""

    def __init__(self, *, working_copy: bool, cache_folder: Path | None) -> None:
        self.on_state: Callable[[PlayerState], None] | None = None
        self.error_message = ""            # why the state became ERROR
        self._clock = PlaybackClock()
        self._state = PlayerState.EMPTY
        self._use_working_copy = working_copy
        self._cache_folder = cache_folder
        self._source: str | None = None    # the file the user opened
        self._playing_path: str | None = None   # what the engine plays: the source or its working copy
        self._source_is_pcm = False
        self._job: wc.WorkingCopyJob | None = None
        self._duration_ms = 0
        self._rate = 1.0
        self._volume = 100
        self._quiet = 0                    # >0 while we stop/replace media ourselves: no state noise
        self._hold_ms: int | None = None   # a position waiting for the working copy (see Holding)
        self._hold_play = False            # ...and whether to play from there once it is ready
        self._lock = threading.RLock()     # _set_state may run on an engine's event thread

    # -- Player protocol ------------------------------------------------------------------
    def load(self, path: str) -> None:
        path = str(path)
        from editor.audio.check import why_not_audio
        problem = why_not_audio(path)      # before FFmpeg: a FIFO would block it, text confuses it
        if problem is not None:
            raise PlayerError(f"{path}: {problem}")
        try:
            info = wc.probe(path)
        except wc.WorkingCopyError as exc:
            raise PlayerError(str(exc)) from exc
        self.unload()
        self._source = path
        self._source_is_pcm = info.is_pcm
        self._duration_ms = info.duration_ms
        self._clock.set_duration(info.duration_ms)
        playing = path
        if self._use_working_copy and not info.is_pcm:
            cached = wc.cached_copy(path, self._cache_folder)
            if cached is not None:
                playing = str(cached)
            else:
                self._job = wc.WorkingCopyJob(path, self._cache_folder).start()
        self._open_media(playing)
        self._set_state(PlayerState.STOPPED)

    def unload(self) -> None:
        self._hold_ms, self._hold_play = None, False
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._drop_media()
        self._source = self._playing_path = None
        self._duration_ms = 0
        self._clock.set_duration(0)
        self._clock.reset(0)
        self._set_state(PlayerState.EMPTY)

    def play(self) -> None:
        self._adopt()
        if self._state in (PlayerState.EMPTY, PlayerState.ERROR):
            return
        start = self._start_position()
        if self._hold_ms is not None or (self._must_hold(start) and (start > 0 or self.precise_seeking)):
            self._hold(start if self._hold_ms is None else self._hold_ms, play=True)
            self._set_state(PlayerState.PLAYING)
            return
        self._start()
        self._set_state(PlayerState.PLAYING)

    def pause(self) -> None:
        self._adopt()
        if self._hold_ms is not None:
            self._hold_play = False
            if self._state == PlayerState.PLAYING:
                self._set_state(PlayerState.PAUSED)
            return
        if self._state == PlayerState.PLAYING:
            self._pause_engine()
            self._clock.paused()
            self._set_state(PlayerState.PAUSED)

    def toggle(self) -> None:
        if self._state == PlayerState.PLAYING:
            self.pause()
        else:
            self.play()

    def seek_ms(self, ms: int) -> None:
        self._adopt()
        if self._state == PlayerState.EMPTY:
            return
        ms = max(0, int(ms))
        if self._duration_ms:
            ms = min(ms, self._duration_ms)
        if self._must_hold(ms):
            self._hold(ms, play=self._state == PlayerState.PLAYING)
            if self._state == PlayerState.ENDED:
                self._set_state(PlayerState.STOPPED)
            return
        self._clock.seek(ms)
        self._seek_engine(ms)
        if self._state == PlayerState.ENDED:
            # the clock holds the position for the next play()
            self._set_state(PlayerState.STOPPED)

    def position_ms(self) -> int:
        return self._clock.position_ms()

    @property
    def holding(self) -> bool:
        """True while a seek waits for the working copy (nothing plays; the clock shows the target)."""
        return self._hold_ms is not None

    def duration_ms(self) -> int:
        return self._duration_ms

    def state(self) -> PlayerState:
        return self._state

    def set_rate(self, rate: float) -> None:
        self._rate = min(MAX_RATE, max(MIN_RATE, float(rate)))
        self._apply_rate()
        self._clock.set_rate(self._rate)

    def rate(self) -> float:
        return self._rate

    def set_volume(self, percent: int) -> None:
        self._volume = min(100, max(0, int(percent)))
        self._apply_volume()

    def volume(self) -> int:
        return self._volume

    def close(self) -> None:
        if self._mp is None:
            return
        self.on_state = None
        self.unload()
        self._release()
        self._mp = None

    # -- extras for the UI ----------------------------------------------------------------
    @property
    def precise_seeking(self) -> bool:
        """True when what plays is PCM (a WAV source or the working copy): seeks are exact."""
        return self._playing_path is not None and (
            self._playing_path != self._source or self._source_is_pcm)

    @property
    def working_copy_job(self) -> wc.WorkingCopyJob | None:
        """The background decode, if one is running (progress, error); None once adopted."""
        return self._job

    @property
    def hold_progress(self) -> float | None:
        """How far what a hold waits for has got (0-1); None when that cannot be told."""
        job = self._job
        return float(job.progress) if job is not None else None

    # -- shared internals -----------------------------------------------------------------
    def _must_hold(self, ms: int) -> bool:
        """Whether playing from *ms* now could play the wrong place: a working copy is being
        made, and what the engine has does not hold *ms* exactly."""
        return self._job is not None and not self._exact_at(ms)

    def _exact_at(self, ms: int) -> bool:
        """Whether the engine's medium plays *ms* exactly (backends that play parts of the working
        copy before it is finished say so per position)."""
        return self.precise_seeking

    def _prepare_exact(self, ms: int) -> None:
        """A hold at *ms* begins: a backend may start getting *ms* ready sooner than the whole copy."""

    def _start_position(self) -> int:
        """Where a play() from a stopped, paused or ended state starts."""
        if self._state == PlayerState.ENDED:
            return 0
        position = self._clock.position_ms()
        return 0 if self._duration_ms and position >= self._duration_ms else position

    def _hold(self, ms: int, play: bool) -> None:
        """Wait for the working copy at *ms*: the engine is paused, the clock stands at *ms*."""
        if self._hold_ms is None and self._state == PlayerState.PLAYING:
            with self._quietly():
                self._pause_engine()
        self._hold_ms, self._hold_play = ms, play
        self._clock.seek(ms)
        self._clock.paused()
        self._prepare_exact(ms)

    def _adopt(self) -> None:
        """Adopt a finished working copy (backend hook), then end a hold: exactly at its
        position once the copy plays, or on the original if the copy failed (nothing better
        is coming)."""
        self._adopt_working_copy()
        if self._hold_ms is None or self._must_hold(self._hold_ms):
            return
        ms, play = self._hold_ms, self._hold_play
        self._hold_ms, self._hold_play = None, False
        if not self.precise_seeking:
            # The copy failed: the original is all there is (the adoption above restarted
            # nothing). Approximate, but better than waiting for ever.
            self._resume_from_hold(ms, play)
        # else the backend's adoption restarted at the clock's position (the hold's) in the
        # state the hold left (PLAYING when it was to play)

    def _resume_from_hold(self, ms: int, play: bool) -> None:
        """Start (or stand paused) at *ms* on the original after its working copy failed."""
        raise NotImplementedError

    def _take_finished_copy(self) -> str | None:
        """The working copy's path once its decode has finished (the job is then dropped);
        None while it runs, or when it failed (the original keeps playing, approximately)."""
        job = self._job
        if job is None or not job.ready.is_set():
            return None
        self._job = None
        if job.path is None:
            if job.error != "cancelled":
                self.error_message = job.error or ""
            return None
        return str(job.path)

    def _set_state(self, state: PlayerState) -> None:
        with self._lock:
            if state == self._state:
                return
            self._state = state
            callback = self.on_state
        if callback is not None:
            callback(state)

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _length_reported(self, ms: int) -> None:
        """The engine's length: a WAV's is exact; a compressed file's container estimate
        (probe) is kept unless nothing was known."""
        exact = self._playing_path != self._source or self._source_is_pcm
        if ms > 0 and (exact or not self._duration_ms):
            self._duration_ms = int(ms)
            self._clock.set_duration(self._duration_ms)

    def _ended(self) -> None:
        self._clock.ended()
        self._set_state(PlayerState.ENDED)

    def _failed(self, message: str) -> None:
        self.error_message = message
        self._clock.paused()
        self._set_state(PlayerState.ERROR)

    # -- engine hooks ---------------------------------------------------------------------
    _mp: Any = None    # the engine (libVLC's MediaPlayer or a QMediaPlayer); None once closed

    def _open_media(self, path: str) -> None:
        raise NotImplementedError

    def _drop_media(self) -> None:
        raise NotImplementedError

    def _start(self) -> None:
        """Start playing from a stopped, paused or ended state (the state becomes PLAYING)."""
        raise NotImplementedError

    def _pause_engine(self) -> None:
        raise NotImplementedError

    def _seek_engine(self, ms: int) -> None:
        raise NotImplementedError

    def _apply_rate(self) -> None:
        raise NotImplementedError

    def _apply_volume(self) -> None:
        raise NotImplementedError

    def _release(self) -> None:
        raise NotImplementedError

    def _adopt_working_copy(self) -> None:
        raise NotImplementedError
