"""A Player that plays nothing: for window tests that are not about playback.

It follows the :class:`editor.player.base.Player` protocol with the real interpolated clock
(:class:`editor.player.clock.PlaybackClock`): the position moves with the wall clock while
"playing", seeks land exactly, the end of the file ends playback. The audio file is only
opened to read its length (PyAV), so a missing or unreadable file fails as it would with VLC.
No libVLC instance, no audio thread, no working copy: window tests start fast and cannot
hang in a media engine. Tests of playback itself use the real backend (``real_player`` marker).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from editor.core.errors import TranscriptError
from editor.player.base import PlayerError, PlayerState
from editor.player.clock import PlaybackClock


class FakePlayer:
    name = "fake"

    def __init__(self) -> None:
        self.on_state: Callable[[PlayerState], None] | None = None
        self._clock = PlaybackClock()
        self._state = PlayerState.EMPTY
        self._duration = 0
        self._rate = 1.0
        self._volume = 100

    def load(self, path: str) -> None:
        from editor.audio.decode import duration_ms
        if not os.path.isfile(path):
            raise PlayerError(f"{path}: the audio file does not exist (moved or renamed?)")
        try:
            self._duration = duration_ms(path) or 0
        except (TranscriptError, IndexError) as error:   # unreadable, or no audio stream
            raise PlayerError(f"{path}: {error}") from None
        self._clock.reset(0)
        self._clock.set_duration(self._duration)
        self._set_state(PlayerState.STOPPED)

    def unload(self) -> None:
        self._clock.reset(0)
        self._duration = 0
        self._set_state(PlayerState.EMPTY)

    def play(self) -> None:
        if self._state in (PlayerState.EMPTY, PlayerState.ERROR):
            return
        if self._state == PlayerState.ENDED:
            self._clock.seek(0)
        self._clock.started()
        self._set_state(PlayerState.PLAYING)

    def pause(self) -> None:
        if self._state == PlayerState.PLAYING:
            self._clock.paused()
            self._set_state(PlayerState.PAUSED)

    def toggle(self) -> None:
        self.pause() if self._state == PlayerState.PLAYING else self.play()

    def seek_ms(self, ms: int) -> None:
        self._clock.seek(ms)

    def position_ms(self) -> int:
        position = self._clock.position_ms()
        if self._state == PlayerState.PLAYING and self._duration and position >= self._duration:
            self._clock.ended()
            self._set_state(PlayerState.ENDED)
            return self._duration
        return position

    def duration_ms(self) -> int:
        return self._duration

    def state(self) -> PlayerState:
        return self._state

    def set_rate(self, rate: float) -> None:
        self._rate = min(2.0, max(0.5, float(rate)))
        self._clock.set_rate(self._rate)

    def rate(self) -> float:
        return self._rate

    def set_volume(self, percent: int) -> None:
        self._volume = min(100, max(0, int(percent)))

    def volume(self) -> int:
        return self._volume

    def close(self) -> None:
        self.on_state = None
        self._state = PlayerState.EMPTY

    def _set_state(self, state: PlayerState) -> None:
        self._state = state
        if self.on_state is not None:
            self.on_state(state)


def fake_player_factory(_preferred: str) -> tuple[FakePlayer, str]:
    """For ``MainWindow(player_factory=...)``: a fake player and no notice."""
    return FakePlayer(), ""
