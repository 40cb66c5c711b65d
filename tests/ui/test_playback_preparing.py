"""The window while the exact-seek working copy is being made (real VLC, --aout=dummy).

The copy's decode is real but waits for the test (``decode_to_wav`` is gated), so the
state "a seek is held" lasts as long as the test needs, without timing assumptions.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from window_helpers import SAMPLE_TXT, named


@pytest.fixture
def gate(monkeypatch, tmp_path, working_copy_gate):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_CACHE", str(tmp_path / "copies"))   # nothing cached yet
    return working_copy_gate


@pytest.mark.real_player
def test_a_seek_before_exact_seeking_is_ready_says_so_and_then_plays_there(main_window, gate, qtbot):
    w = main_window
    assert w.open_path(str(SAMPLE_TXT))
    qtbot.waitUntil(lambda: w.playback.duration() > 0, timeout=5000)
    label = named(w.transport, QLabel, "Preparing exact seeking")
    target = w.model.segment(6).start_ms
    w.playback.seek(target)
    w.playback.play()
    assert not label.isHidden() and w.playback.is_playing()       # held: said at once
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    assert label.text().startswith("Preparing exact seeking…")
    # the wait is for a window around the target, not the whole copy: no copy percentage
    assert w.playback._player.hold_progress is None and "%" not in label.text()
    assert w.playback.position() == target                   # the clock shows nothing not heard
    gate.set()
    qtbot.waitUntil(label.isHidden, timeout=30_000)
    assert not label.isVisible()
    qtbot.waitUntil(lambda: w.playback.position() > target + 300, timeout=5000)
    assert w.model.row_at_time(w.playback.position()) == 6
    w.playback.pause()
