"""The fallback player: QtMultimedia (QMediaPlayer + QAudioOutput), for when libVLC cannot be loaded.

Same contract as the VLC backend: a PCM working copy for exact seeks (decoded in
the background, adopted when ready), the interpolated :class:`PlaybackClock`,
pitch kept at rates != 1 (``QMediaPlayer.setPitchCompensation``, Qt >= 6.10,
used when the backend offers it).

Everything here runs on the GUI thread (Qt delivers the player's signals there),
so ``on_state`` is called on the GUI thread. Needs a QCoreApplication.

Every call into the engine goes through :meth:`QtPlayer._engine_call`, never straight from
Python: PySide keeps the GIL during a C++ call, and Qt's FFmpeg backend may then wait for its
audio thread, which may be waiting for the GIL (see there).

Without an audio device Qt's FFmpeg backend prints "No audio device detected" and
plays against the system clock: positions advance as if heard, which is what the
tests on a headless machine rely on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from editor.player.backend_base import MAX_RATE, MIN_RATE, BackendBase
from editor.player.base import PlayerError, PlayerState

try:
    from PySide6.QtCore import Q_ARG, QCoreApplication, QEventLoop, QMetaObject, QObject, Qt, QTimer, QUrl, Slot
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
except ImportError as _exc:  # PySide6-Addons missing
    _IMPORT_ERROR: Exception | None = _exc
else:
    _IMPORT_ERROR = None

__all__ = ["QtPlayer", "MIN_RATE", "MAX_RATE"]

ADOPT_POLL_MS = 200     # how often to look whether the working copy is ready


if _IMPORT_ERROR is None:
    class _QueuedEnd(QObject):
        """Ends a quiet section from the event queue, after the engine calls queued before it."""

        def __init__(self, end) -> None:
            super().__init__()
            self._end = end

        @Slot()
        def run(self) -> None:
            self._end()


class QtPlayer(BackendBase):
    """:class:`editor.player.base.Player` over QtMultimedia."""

    name = "qt"

    def __init__(self, *, working_copy: bool = True, cache_folder: Path | None = None) -> None:
        if _IMPORT_ERROR is not None:
            raise PlayerError(f"QtMultimedia is not available ({_IMPORT_ERROR}).")
        if QCoreApplication.instance() is None:
            raise PlayerError("The Qt player needs a running QApplication.")
        super().__init__(working_copy=working_copy, cache_folder=cache_folder)
        self._pending_ms: int | None = None   # a position to apply once the medium has loaded
        self._pending_play = False
        self._in_engine_call = 0              # >0 while _engine_call's local event loop runs

        self._mp = QMediaPlayer()
        self._out = QAudioOutput()
        self._mp.setAudioOutput(self._out)
        if hasattr(self._mp, "setPitchCompensation"):
            self._mp.setPitchCompensation(True)
        self._mp.positionChanged.connect(self._on_position)
        self._mp.playbackStateChanged.connect(self._on_playback_state)
        self._mp.mediaStatusChanged.connect(self._on_media_status)
        self._mp.errorOccurred.connect(self._on_error)
        self._mp.durationChanged.connect(self._length_reported)
        self._adopt_timer = QTimer()
        self._adopt_timer.setInterval(ADOPT_POLL_MS)
        self._adopt_timer.timeout.connect(self._adopt)
        self._quiet_end = _QueuedEnd(self._end_queued_quiet)

    # -- engine hooks (see BackendBase) -------------------------------------------------
    def _open_media(self, path: str) -> None:
        if self._job is not None:
            self._adopt_timer.start()
        self._set_source(path)

    def _drop_media(self) -> None:
        self._adopt_timer.stop()
        with self._quietly():
            self._engine_call("stop")
            self._engine_call("setSource", Q_ARG(QUrl, QUrl()))
        self._pending_ms, self._pending_play = None, False

    def _engine_call(self, slot: str, *args, target=None) -> None:
        """Call one of the media player's (or *target*'s) C++ slots from a local event loop, not
        from Python.

        PySide holds the GIL during a C++ call. Stopping, replacing the source (and possibly
        more) makes Qt's FFmpeg backend wait for its audio thread (a mutex, the thread's end)
        while that thread may be destroying or re-wiring an object whose signals ask Python
        (via PySide) for overrides, i.e. waiting for the GIL: a deadlock, seen in test teardown
        and, under load, when the working copy was adopted from the timer. Queued calls run by
        ``QEventLoop.exec`` happen with the GIL released. User input waits for the window's
        own loop, so no click runs in the middle of a call.

        A call made while such a loop runs (a signal handled there asking for another call) is
        only queued: it runs after the calls queued before it, and no loop runs inside another,
        so no timer or queued signal re-enters the player half-way through a call.
        """
        QMetaObject.invokeMethod(target or self._mp, slot, Qt.ConnectionType.QueuedConnection, *args)
        if self._in_engine_call:
            return
        loop = QEventLoop()
        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)
        self._in_engine_call += 1
        try:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            self._in_engine_call -= 1

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Quiet for the engine calls made in the section (see BackendBase). Made while an engine
        call's loop runs (a signal handler loading another file), those calls are only queued and
        run after the section: it ends once they have run, by a call queued behind them."""
        if not self._in_engine_call:
            with super()._quietly():
                yield
            return
        self._quiet += 1
        try:
            yield
        finally:
            QMetaObject.invokeMethod(self._quiet_end, "run", Qt.ConnectionType.QueuedConnection)

    def _end_queued_quiet(self) -> None:
        self._quiet -= 1

    def _set_position(self, ms: int) -> None:
        self._engine_call("setPosition", Q_ARG("qint64", int(ms)))

    def _start(self) -> None:
        if self._state == PlayerState.ENDED:
            self._clock.reset(0)
            self._set_position(0)
        if self._pending_ms is not None:
            self._pending_play = True      # starts once the medium has loaded
        else:
            self._engine_call("play")

    def _pause_engine(self) -> None:
        self._pending_play = False
        if self._pending_ms is None:
            # (while a medium loads nothing plays; Qt would apply a pause sent now after the
            # play that _on_media_status sends once it has loaded, and stand still)
            self._engine_call("pause")

    def _seek_engine(self, ms: int) -> None:
        if self._pending_ms is not None:
            self._pending_ms = ms
        else:
            self._set_position(ms)

    def _apply_rate(self) -> None:
        self._engine_call("setPlaybackRate", Q_ARG(float, self._rate))

    def _apply_volume(self) -> None:
        self._engine_call("setVolume", Q_ARG("float", self._volume / 100), target=self._out)

    def _release(self) -> None:
        self._mp.deleteLater()
        self._out.deleteLater()
        self._quiet_end.deleteLater()

    def _adopt(self) -> None:
        # Not from inside an engine call's loop (a timer firing there): half-way through an
        # adoption the hold would end on the original. The next call or tick adopts.
        if not self._in_engine_call:
            super()._adopt()

    def _adopt_working_copy(self) -> None:
        copy = self._take_finished_copy()
        if self._job is None:
            self._adopt_timer.stop()     # nothing (left) to poll for
        if copy is None:
            return
        pos = self._clock.position_ms()
        was_playing = self._state == PlayerState.PLAYING
        with self._quietly():
            self._engine_call("stop")
        self._set_source(copy, at_ms=pos, play=was_playing)
        self._clock.reset(pos)

    def _resume_from_hold(self, ms: int, play: bool) -> None:
        self._seek_engine(ms)
        self._clock.reset(ms)
        if play:
            self._start()

    # -- internals ------------------------------------------------------------------------
    def _set_source(self, path: str, at_ms: int | None = None, play: bool = False) -> None:
        # Qt ignores setPosition until the medium has loaded: keep positions until then. Set
        # before the call: the medium may report it has loaded while the call's loop runs.
        self._pending_ms = at_ms if at_ms is not None else 0
        self._pending_play = play
        self._playing_path = path
        with self._quietly():
            self._engine_call("setSource", Q_ARG(QUrl, QUrl.fromLocalFile(path)))

    def _on_media_status(self, status) -> None:
        if self._quiet and self._mp.source() != QUrl.fromLocalFile(self._playing_path or ""):
            return      # the medium being dropped (stopped: "loaded" again), not the one to play next
        if status in (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia) \
                and self._pending_ms is not None:
            ms, self._pending_ms = self._pending_ms, None
            self._set_position(ms)
            self._apply_rate()
            if self._pending_play:
                self._pending_play = False
                self._engine_call("play")
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._ended()
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
            self._ended()
        else:
            self._clock.paused()
            self._set_state(PlayerState.STOPPED)

    def _on_position(self, ms: int) -> None:
        if self._state == PlayerState.PLAYING and self._pending_ms is None:
            self._clock.update(ms)

    def _on_error(self, _error, message: str) -> None:
        self._failed(message or f"{self._source}: Qt cannot play this file")
