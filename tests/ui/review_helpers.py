"""A fake player and small caption/transcript files for the review-window tests.

The fake stands in for VLC where a test is not about playback: it keeps a
position, records what was asked of it and never makes a sound.
"""

from __future__ import annotations

from pathlib import Path

from editor.player.base import PlayerState


class FakePlayer:
    name = "fake"

    def __init__(self, duration_ms: int = 120_000):
        self.on_state = None
        self._duration = duration_ms
        self._position = 0
        self._state = PlayerState.EMPTY
        self._rate = 1.0
        self._volume = 100
        self.plays: list[int] = []   # the position at each play()

    def load(self, path: str) -> None:
        self._state = PlayerState.STOPPED
        self._position = 0

    def unload(self) -> None:
        self._state = PlayerState.EMPTY

    def play(self) -> None:
        self.plays.append(self._position)
        self._set(PlayerState.PLAYING)

    def pause(self) -> None:
        if self._state is PlayerState.PLAYING:
            self._set(PlayerState.PAUSED)

    def toggle(self) -> None:
        self.pause() if self._state is PlayerState.PLAYING else self.play()

    def seek_ms(self, ms: int) -> None:
        self._position = max(0, min(ms, self._duration))

    def position_ms(self) -> int:
        return self._position

    def duration_ms(self) -> int:
        return self._duration

    def state(self) -> PlayerState:
        return self._state

    def set_rate(self, rate: float) -> None:
        self._rate = rate

    def rate(self) -> float:
        return self._rate

    def set_volume(self, percent: int) -> None:
        self._volume = percent

    def volume(self) -> int:
        return self._volume

    def close(self) -> None:
        self._state = PlayerState.EMPTY

    def _set(self, state: PlayerState) -> None:
        self._state = state
        if self.on_state is not None:
            self.on_state(state)


def fake_factory(players: list):
    """A ``player_factory`` for MainWindow that keeps the players it made in *players*."""
    def make(_preferred: str):
        player = FakePlayer()
        players.append(player)
        return player, ""
    return make


def write_rev(folder: Path, turns: list[tuple[str, int, str]], name: str = "episode.txt") -> Path:
    """A Rev-layout transcript (``Name (MM:SS):`` then the text) of *turns* (speaker, seconds, text)."""
    blocks = [f"{who} ({s // 60:02d}:{s % 60:02d}):\n{text}\n" for who, s, text in turns]
    path = folder / name
    path.write_text("\n".join(blocks), encoding="utf-8")
    return path


def write_audio_stub(path: Path) -> Path:
    """A file with an audio name; the fake player never reads it."""
    path.write_bytes(b"\0" * 64)
    return path


TURNS = [
    ("Ana Ruiz", 0, "Good morning and welcome to the harbour show."),
    ("Tom Okafor", 6, "Thanks for having me, it is good to be here."),
    ("Ana Ruiz", 12, "Tell us about the new pier and when it opens."),
    ("Tom Okafor", 20, "The pier opens in June if the weather holds up."),
    ("SPEAKER_02", 28, "I have a question from the audience about parking."),
    ("Ana Ruiz", 34, "Go ahead, we have a few minutes left."),
    ("Tom Okafor", 40, "Parking will be free for the first month."),
    ("Ana Ruiz", 47, "That is good news for everyone. Thank you."),
]


def open_review_window(qtbot, folder: Path, turns=TURNS, size=(1280, 720), audio: bool = False):
    """A real MainWindow with a fake player, showing a Rev transcript of *turns* written into *folder*."""
    from editor.ui.main_window import MainWindow

    players: list[FakePlayer] = []
    window = MainWindow(player_factory=fake_factory(players))
    window.fake_players = players
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    path = write_rev(folder, turns)
    if audio:
        write_audio_stub(folder / "episode.mp3")
    assert window.open_path(str(path))
    return window


def close_review_window(window) -> None:
    from editor.ui.theme import Theme
    window.themes.apply(Theme.SYSTEM)   # the application outlives the window: leave its palette as found
    window.project.discard_changes()
    window.close()
