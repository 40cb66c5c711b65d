"""PlaybackController: the Player behind Qt signals, plus the transcription-tool conveniences.

The backend is polled by a QTimer on the GUI thread only while playing (every
33 ms); when paused the timer stops, so the app uses no CPU. Backend state
callbacks may come from libVLC's thread, so they only emit a queued signal.

Until the PCM working copy is ready, the player holds a seek instead of playing the
compressed original from a wrong place (:attr:`editor.player.backend_base.BackendBase.holding`);
``preparing_changed`` says so, with the decode's progress, and a slow timer polls the
player meanwhile so the hold ends (and playback starts) as soon as the copy is ready.

On top of play/pause/seek it does what transcription tools do: auto-rewind
on resume, skip back/forward, replay the last 3 s, replay the last 5 s
slower and then return to the previous speed, and pause while typing.
Without audio it still keeps a position, so clicks move the highlight.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.player.base import Player, PlayerError, PlayerState
from editor.settings import Key
from editor.ui.actions import Actions
from editor.ui.context import WindowContext

TICK_MS = 33
RATES = (0.5, 0.6, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
SLOW_REPLAY_RATE = 0.75
TYPING_RESUME_MS = 1200
HOLD_POLL_MS = 200


def _default_factory(preferred: str) -> tuple[Player, str]:
    """VLC, or QtMultimedia with a notice when libVLC cannot load (imported lazily: fast startup)."""
    from editor.player import create_player
    return create_player(preferred)


class PlaybackController(QObject):
    """Owns the player; everything else listens to its signals."""

    position_changed = Signal(int)        # ms, on every tick while playing and after each seek
    state_changed = Signal(object)        # PlayerState
    media_changed = Signal(str, int)      # path ("" when unloaded), duration ms
    rate_changed = Signal(float)
    volume_changed = Signal(int)
    notice = Signal(str)                  # something the user should know (backend fallback)
    # While a seek waits for the exact-seek working copy: (holding, decode progress 0..1).
    preparing_changed = Signal(bool, float)
    _backend_state = Signal(object)       # hop from libVLC's thread to ours

    def __init__(self, ctx: WindowContext, backend: str | None = None,
                 player_factory: Callable[[str], tuple[Player, str]] | None = None, parent=None):
        super().__init__(parent)
        settings = self._settings = ctx.settings
        self._backend = backend or settings.get(Key.PLAYER_BACKEND)
        self._factory = player_factory or _default_factory
        self._player: Player | None = None
        self._media = ""
        self._position = 0
        self._state = PlayerState.EMPTY
        self._seeked_since_pause = False
        self._restore_rate: tuple[float, int] | None = None   # (rate, at ms) after a slow replay
        self._typing_paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(TYPING_RESUME_MS)
        self._typing_timer.timeout.connect(self._on_typing_timer_timeout)
        self._backend_state.connect(self._on_backend_state, Qt.ConnectionType.QueuedConnection)
        self._holding = False
        self._hold_timer = QTimer(self)       # polls a held player (also while paused)
        self._hold_timer.setInterval(HOLD_POLL_MS)
        self._hold_timer.timeout.connect(self._on_hold_timer_timeout)
        self._connect_actions(ctx.actions)

    def _connect_actions(self, a: Actions) -> None:
        a["play_pause"].triggered.connect(self.toggle)
        a["skip_back"].triggered.connect(lambda: self.skip(-1))
        a["skip_forward"].triggered.connect(lambda: self.skip(1))
        a["replay_3"].triggered.connect(lambda: self.replay(3.0))
        a["replay_slow"].triggered.connect(lambda: self.replay_slowly(5.0))
        a["slower"].triggered.connect(lambda: self.step_rate(-1))
        a["faster"].triggered.connect(lambda: self.step_rate(1))
        a["normal_speed"].triggered.connect(lambda: self.set_rate(1.0))
        a["volume_up"].triggered.connect(lambda: self.set_volume(self.volume() + 10))
        a["volume_down"].triggered.connect(lambda: self.set_volume(self.volume() - 10))

    # ------------------------------------------------------------------ media
    @property
    def player(self) -> Player | None:
        return self._player

    @property
    def media_path(self) -> str:
        return self._media

    def has_media(self) -> bool:
        return bool(self._media)

    def load(self, path: str) -> None:
        """Open *path* for playback; raises PlayerError (message for the user)."""
        player = self._ensure_player()
        self.pause()
        player.load(path)
        self._media = path
        self._position = 0
        self._restore_rate = None
        player.set_volume(self._settings.get(Key.VOLUME))
        self._set_state(player.state())
        self.media_changed.emit(path, player.duration_ms())
        self.position_changed.emit(0)
        self._check_holding()

    def unload(self) -> None:
        self._hold_timer.stop()
        if self._holding:
            self._holding = False
            self.preparing_changed.emit(False, -1.0)
        if self._player is not None:
            self._player.unload()
        self._media = ""
        self._position = 0
        self._timer.stop()
        self._set_state(PlayerState.EMPTY)
        self.media_changed.emit("", 0)
        self.position_changed.emit(0)   # the transport and waveform stop showing the old episode's time

    def close(self) -> None:
        self._timer.stop()
        if self._player is not None:
            self._player.on_state = None
            self._player.close()
            self._player = None

    def _ensure_player(self) -> Player:
        if self._player is None:
            player, notice = self._factory(self._backend)
            player.on_state = self._backend_state.emit
            self._player = player
            if notice:
                self.notice.emit(notice)
        return self._player

    def duration(self) -> int:
        return self._player.duration_ms() if self._player is not None and self._media else 0

    # ------------------------------------------------------------------ transport
    def state(self) -> PlayerState:
        return self._state

    def is_playing(self) -> bool:
        return self._state == PlayerState.PLAYING

    def position(self) -> int:
        if self._player is not None and self._media:
            return self._player.position_ms()
        return self._position

    def play(self) -> None:
        if not self._media:
            return
        if self._state == PlayerState.PAUSED and not self._seeked_since_pause:
            rewind = self._settings.get(Key.AUTO_REWIND_MS)
            if rewind > 0:
                self._seek(max(0, self.position() - rewind))
        if self._state == PlayerState.ENDED:
            self._seek(0)
        self._typing_paused = False
        self._ensure_player().play()
        self._set_state(PlayerState.PLAYING)
        self._check_holding()

    def pause(self) -> None:
        if self._player is not None and self._media and self._state == PlayerState.PLAYING:
            self._player.pause()
            self._set_state(PlayerState.PAUSED)
            self._seeked_since_pause = False

    def play_from(self, ms: int) -> None:
        """Hear the audio from *ms* (the ▶ buttons of dialogs)."""
        if self._media:
            self.seek(ms)
            self.play()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Jump to *ms* (clamped to the media); the highlight follows at once."""
        self._seek(ms)
        if self._restore_rate is not None:
            self._finish_slow_replay()

    def _seek(self, ms: int) -> None:
        ms = max(0, int(ms))
        duration = self.duration()
        if duration:
            ms = min(ms, max(0, duration - 1))
        self._position = ms
        if self._player is not None and self._media:
            self._player.seek_ms(ms)
            self._seeked_since_pause = True
            self._check_holding()
        self.position_changed.emit(ms)

    def skip(self, direction: int) -> None:
        """Skip back (-1) or forward (+1) by the configured interval."""
        self.seek(self.position() + direction * self._settings.get(Key.SKIP_MS))

    def replay(self, seconds: float = 3.0) -> None:
        """Play the last *seconds* again (and keep playing)."""
        self.seek(self.position() - int(seconds * 1000))
        self.play()

    def replay_slowly(self, seconds: float = 5.0, rate: float = SLOW_REPLAY_RATE) -> None:
        """Replay the last *seconds* at *rate*, then return to the speed before."""
        if not self._media:
            return
        here = self.position()
        previous = self._restore_rate[0] if self._restore_rate else self.rate()
        self.seek(here - int(seconds * 1000))
        self._apply_rate(rate)
        self._restore_rate = (previous, here)
        self.play()

    # ------------------------------------------------------------------ speed and volume
    def rate(self) -> float:
        return self._player.rate() if self._player is not None else 1.0

    def set_rate(self, rate: float) -> None:
        self._restore_rate = None   # an explicit choice wins over a pending slow-replay restore
        self._apply_rate(rate)

    def _apply_rate(self, rate: float) -> None:
        rate = min(2.0, max(0.5, round(rate, 2)))
        if self._player is not None:
            self._player.set_rate(rate)
        self.rate_changed.emit(rate)

    def step_rate(self, direction: int) -> None:
        """One step slower (-1) or faster (+1) along RATES."""
        current = self.rate()
        if direction > 0:
            candidates = [r for r in RATES if r > current + 1e-6]
            target = candidates[0] if candidates else RATES[-1]
        else:
            candidates = [r for r in RATES if r < current - 1e-6]
            target = candidates[-1] if candidates else RATES[0]
        self.set_rate(target)

    def volume(self) -> int:
        return self._settings.get(Key.VOLUME)

    def set_volume(self, percent: int) -> None:
        percent = max(0, min(100, int(percent)))
        self._settings.set(Key.VOLUME, percent)
        if self._player is not None:
            self._player.set_volume(percent)
        self.volume_changed.emit(percent)

    # ------------------------------------------------------------------ typing
    def notify_typing(self) -> None:
        """The user typed in the transcript: pause for a moment if the option is on."""
        if not self._settings.get(Key.PAUSE_WHILE_TYPING):
            return
        if self.is_playing():
            self._ensure_player().pause()
            self._set_state(PlayerState.PAUSED)
            self._typing_paused = True
        if self._typing_paused:
            self._typing_timer.start()

    def _on_typing_timer_timeout(self) -> None:
        if self._typing_paused and self._state == PlayerState.PAUSED:
            self._typing_paused = False
            self._ensure_player().play()   # no auto-rewind: it would replay the same words after every burst
            self._set_state(PlayerState.PLAYING)

    # ------------------------------------------------------------------ internals
    def _set_state(self, state: PlayerState) -> None:
        if state == PlayerState.PLAYING:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
            if state != PlayerState.PLAYING and self._media:
                self.position_changed.emit(self.position())

    def _on_backend_state(self, state: PlayerState) -> None:
        if self._player is None:
            return
        ended = state in (PlayerState.ENDED, PlayerState.ERROR, PlayerState.STOPPED)
        started = state == PlayerState.PLAYING and self._state != PlayerState.PLAYING and not self._typing_paused
        paused = state == PlayerState.PAUSED and self._state == PlayerState.PLAYING
        if ended or started or paused:
            self._set_state(state)

    def _check_holding(self) -> None:
        player = self._player
        holding = bool(player is not None and self._media and getattr(player, "holding", False))
        known = getattr(player, "hold_progress", None) if holding else None
        progress = -1.0 if known is None else float(known)   # -1: how long is not known
        if holding:
            if not self._hold_timer.isActive():
                self._hold_timer.start()
        else:
            self._hold_timer.stop()
        if holding or holding != self._holding:
            self._holding = holding
            self.preparing_changed.emit(holding, progress)

    def _on_hold_timer_timeout(self) -> None:
        if self._player is not None and self._media:
            self._player.position_ms()          # the player adopts the copy (and ends the hold) here
        self._check_holding()

    def _on_timer_timeout(self) -> None:
        ms = self._ensure_player().position_ms()   # the timer runs while a player plays
        if ms != self._position:
            self._position = ms
            self.position_changed.emit(ms)
        if self._restore_rate is not None and ms >= self._restore_rate[1]:
            self._finish_slow_replay()

    def _finish_slow_replay(self) -> None:
        if self._restore_rate is None:
            return
        rate, _ = self._restore_rate
        self._restore_rate = None
        self._apply_rate(rate)


__all__ = ["PlaybackController", "PlayerError", "RATES"]
