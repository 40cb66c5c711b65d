"""The interface every playback backend implements.

Backends are plain objects driven from the GUI thread. They never touch
widgets; the UI's PlaybackController polls :meth:`Player.position_ms` on a
timer (the interpolated clock makes that cheap and smooth) and listens to
``on_state`` for play/pause/end changes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Protocol


class PlayerState(str, enum.Enum):
    EMPTY = "empty"      # nothing loaded
    STOPPED = "stopped"  # loaded, not started
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


class PlayerError(Exception):
    """The backend cannot play (libvlc missing, file unreadable); message is for the user."""


class Player(Protocol):
    name: str  # "vlc" or "qt"

    # Called (possibly from another thread: only emit a Qt signal from it) on state changes.
    on_state: Callable[[PlayerState], None] | None

    def load(self, path: str) -> None:
        """Open *path*; raise PlayerError with a clear message when it cannot be played."""

    def unload(self) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def toggle(self) -> None: ...

    def seek_ms(self, ms: int) -> None:
        """Jump to *ms*; what is heard afterwards starts within 50 ms of it."""

    def position_ms(self) -> int:
        """The interpolated playback position (±30 ms of what is heard)."""

    def duration_ms(self) -> int: ...
    def state(self) -> PlayerState: ...
    def set_rate(self, rate: float) -> None:
        """0.5–2.0, pitch kept."""

    def rate(self) -> float: ...
    def set_volume(self, percent: int) -> None: ...
    def volume(self) -> int: ...
    def close(self) -> None: ...
