"""What the word-timing window tests ask of the window: its last timing message, the sample open."""

from __future__ import annotations

from window_helpers import SAMPLE_TXT


def said(window, words: str) -> bool:
    """Whether the timing tool's last message contains *words*."""
    return bool(window.timing_messages) and words in window.timing_messages[-1]


def open_sample(window, qtbot) -> None:
    """The bundled sample episode open with its audio (alignment starts by itself)."""
    assert window.open_path(str(SAMPLE_TXT))
    assert window.playback.has_media()
    qtbot.waitUntil(lambda: window.playback.duration() > 0, timeout=5000)


def segments(window):
    return window.model.transcript.segments
