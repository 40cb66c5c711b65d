"""The fallback player: QtMultimedia (QMediaPlayer + QAudioOutput), for when libVLC cannot be loaded.

Same contract as the VLC backend: a PCM working copy for exact seeks (decoded in
the background, adopted when ready), the interpolated :class:`PlaybackClock`,
pitch kept at rates != 1 (``QMediaPlayer.setPitchCompensation``, Qt >= 6.10,
used when the backend offers it).

Everything here runs on the GUI thread (Qt delivers the player's signals there),
so ``on_state`` is called on the GUI thread. Needs a QCoreApplication.

Without an audio device Qt's FFmpeg backend prints "No audio device detected" and
plays against the system clock: positions advance as if heard, which is what the
tests on a headless machine rely on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from editor.player.base import PlayerError, PlayerState
from editor.player.clock import PlaybackClock
from editor.player import working_copy as wc

try:
    from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
except ImportError as _exc:  # PySide6-Addons missing
    QMediaPlayer = None
    _IMPORT_ERROR: Exception | None = _exc
else:
    _IMPORT_ERROR = None

MIN_RATE, MAX_RATE = 0.5, 2.0
ADOPT_POLL_MS = 200     # how often to look whether the working copy is ready


class QtPlayer:
    """:class:`editor.player.base.Player` over QtMultimedia."""

    name = "qt"

    def __init__(self, *, working_copy: bool = True, cache_folder: Path | None = None) -> None:
        if QMediaPlayer is None:
            raise PlayerError(f"QtMultimedia is not available ({_IMPORT_ERROR}).")
        if QCoreApplication.instance() is None:
            raise PlayerError("The Qt player needs a running QApplication.")
        self.on_state: Callable[[PlayerState], None] | None = None
        self.error_message = ""
        self._clock = PlaybackClock()
        self._state = PlayerState.EMPTY
        self._use_working_copy = working_copy
        self._cache_folder = cache_folder
        self._source: str | None = None
        self._playing_path: str | None = None
        self._source_is_pcm = False
        self._job: wc.WorkingCopyJob | None = None
        self._duration_ms = 0
        self._rate = 1.0
        self._volume = 100
        self._pending_ms: int | None = None   # a position to apply once the medium has loaded
        self._pending_play = False
        self._quiet = False

        self._mp = QMediaPlayer()
        self._out = QAudioOutput()
        self._mp.setAudioOutput(self._out)
        if hasattr(self._mp, "setPitchCompensation"):
            self._mp.setPitchCompensation(True)
        self._mp.positionChanged.connect(self._on_position)
        self._mp.playbackStateChanged.connect(self._on_playback_state)
        self._mp.mediaStatusChanged.connect(self._on_media_status)
        self._mp.errorOccurred.connect(self._on_error)
        self._mp.durationChanged.connect(self._on_duration)
        self._adopt_timer = QTimer()
        self._adopt_timer.setInterval(ADOPT_POLL_MS)
        self._adopt_timer.timeout.connect(self._adopt_working_copy)

    # -- Player protocol ------------------------------------------------------------------
    def load(self, path: str) -> None:
        path = str(path)
        if not os.path.isfile(path):
            raise PlayerError(f"{path}: the audio file does not exist (moved or renamed?)")
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
                self._adopt_timer.start()
        self._set_source(playing)
        self._set_state(PlayerState.STOPPED)

    def unload(self) -> None:
        self._adopt_timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._quiet = True
        self._mp.stop()
        self._mp.setSource(QUrl())
        self._quiet = False
        self._source = self._playing_path = None
        self._duration_ms = 0
        self._pending_ms, self._pending_play = None, False
        self._clock.set_duration(0)
        self._clock.reset(0)
        self._set_state(PlayerState.EMPTY)

    def play(self) -> None:
        self._adopt_working_copy()
        if self._state in (PlayerState.EMPTY, PlayerState.ERROR):
            return
        if self._state == PlayerState.ENDED:
            self._clock.reset(0)
            self._mp.setPosition(0)
        if self._pending_ms is not None:
            self._pending_play = True      # starts once the medium has loaded
        else:
            self._mp.play()
        self._set_state(PlayerState.PLAYING)

    def pause(self) -> None:
        self._adopt_working_copy()
        if self._state == PlayerState.PLAYING:
            self._pending_play = False
            self._mp.pause()
            self._clock.paused()
            self._set_state(PlayerState.PAUSED)

    def toggle(self) -> None:
        if self._state == PlayerState.PLAYING:
            self.pause()
        else:
            self.play()

    def seek_ms(self, ms: int) -> None:
        self._adopt_working_copy()
        if self._state == PlayerState.EMPTY:
            return
        ms = max(0, int(ms))
        if self._duration_ms:
            ms = min(ms, self._duration_ms)
        self._clock.seek(ms)
        if self._pending_ms is not None:
            self._pending_ms = ms
        else:
            self._mp.setPosition(ms)
        if self._state == PlayerState.ENDED:
            self._set_state(PlayerState.STOPPED)

    def position_ms(self) -> int:
        return self._clock.position_ms()

    def duration_ms(self) -> int:
        return self._duration_ms

    def state(self) -> PlayerState:
        return self._state

    def set_rate(self, rate: float) -> None:
        self._rate = min(MAX_RATE, max(MIN_RATE, float(rate)))
        self._mp.setPlaybackRate(self._rate)
        self._clock.set_rate(self._rate)

    def rate(self) -> float:
        return self._rate

    def set_volume(self, percent: int) -> None:
        self._volume = min(100, max(0, int(percent)))
        self._out.setVolume(self._volume / 100)

    def volume(self) -> int:
        return self._volume

    def close(self) -> None:
        if self._mp is None:
            return
        self.on_state = None
        self.unload()
        self._mp.deleteLater()
        self._out.deleteLater()
        self._mp = None

    # -- extras for the UI ----------------------------------------------------------------
    @property
    def precise_seeking(self) -> bool:
        return self._playing_path is not None and (
            self._playing_path != self._source or self._source_is_pcm)

    @property
    def working_copy_job(self) -> wc.WorkingCopyJob | None:
        return self._job

    # -- internals ------------------------------------------------------------------------
    def _set_source(self, path: str, at_ms: int | None = None) -> None:
        self._quiet = True
        self._mp.setSource(QUrl.fromLocalFile(path))
        self._quiet = False
        self._playing_path = path
        # Qt ignores setPosition until the medium has loaded: keep positions until then.
        self._pending_ms = at_ms if at_ms is not None else 0

    def _adopt_working_copy(self) -> None:
        job = self._job
        if job is None or not job.ready.is_set():
            return
        self._job = None
        self._adopt_timer.stop()
        if job.path is None:
            if job.error != "cancelled":
                self.error_message = job.error or ""
            return
        pos = self._clock.position_ms()
        was_playing = self._state == PlayerState.PLAYING
        self._quiet = True
        self._mp.stop()
        self._quiet = False
        self._set_source(str(job.path), at_ms=pos)
        self._pending_play = was_playing
        self._clock.reset(pos)

    def _set_state(self, state: PlayerState) -> None:
        if state == self._state:
            return
        self._state = state
        if self.on_state is not None:
            self.on_state(state)

    def _on_media_status(self, status) -> None:
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia) \
                and self._pending_ms is not None:
            ms, self._pending_ms = self._pending_ms, None
            self._mp.setPosition(ms)
            self._mp.setPlaybackRate(self._rate)
            if self._pending_play:
                self._pending_play = False
                self._mp.play()
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._clock.ended()
            self._set_state(PlayerState.ENDED)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._on_error(None, f"{self._source}: Qt cannot play this file")

    def _on_playback_state(self, state) -> None:
        if self._quiet:
            return
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self._clock.started()
            self._set_state(PlayerState.PLAYING)
        elif state == QMediaPlayer.PlaybackState.PausedState:
            self._clock.paused()
            self._set_state(PlayerState.PAUSED)
        elif self._state in (PlayerState.ENDED, PlayerState.EMPTY):
            pass
        elif self._mp.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia or (
                self._duration_ms and self._mp.position() >= self._duration_ms - 100):
            # Qt reports StoppedState just before EndOfMedia: one ENDED, no STOPPED flicker
            self._clock.ended()
            self._set_state(PlayerState.ENDED)
        else:
            self._clock.paused()
            self._set_state(PlayerState.STOPPED)

    def _on_position(self, ms: int) -> None:
        if self._state == PlayerState.PLAYING and self._pending_ms is None:
            self._clock.update(ms)

    def _on_duration(self, ms: int) -> None:
        exact = self._playing_path != self._source or self._source_is_pcm
        if ms > 0 and (exact or not self._duration_ms):
            self._duration_ms = ms
            self._clock.set_duration(ms)

    def _on_error(self, _error, message: str) -> None:
        self.error_message = message or f"{self._source}: Qt cannot play this file"
        self._clock.paused()
        self._set_state(PlayerState.ERROR)
