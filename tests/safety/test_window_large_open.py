"""A large transcript is read on a worker thread: the window stays live, shows progress, and can cancel."""

from __future__ import annotations

import gc

import pytest
from message_boxes import wait_for_error
from PySide6.QtWidgets import QApplication

from editor.ui.files.background_read import BACKGROUND_BYTES


@pytest.fixture
def large(tmp_path):
    path = tmp_path / "long.srt"
    cue = ("{n}\n{h:02d}:{m:02d}:{s:02d},000 --> {h:02d}:{m:02d}:{s:02d},900\n"
           "Turn {n} about the slipway and the ketch.\n\n")
    parts, size, n = [], 0, 0
    while size < BACKGROUND_BYTES + 1000:
        n += 1
        h, rest = divmod(n * 2, 3600)
        text = cue.format(n=n, h=h, m=rest // 60, s=rest % 60)
        parts.append(text)
        size += len(text)
    path.write_text("".join(parts), encoding="utf-8")
    return path, n


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "short.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nThe first file.\n", encoding="utf-8")
    return path


def test_a_large_file_opens_in_the_background_with_progress(window, large, small, qtbot):
    path, cues = large
    assert window.open_path(str(small))
    assert window.open_path(str(path))               # begun, not done
    progress = window.files.read_progress
    assert progress is not None and progress.isVisible() and "long.srt" in progress.labelText()
    assert window.model.transcript.segments[0].text == "The first file."   # still the old one, live
    qtbot.waitUntil(lambda: window.files.current_path == str(path), timeout=60000)
    assert len(window.model.transcript.segments) == cues
    assert window.files.read_progress is None
    assert gc.isenabled()      # paused only while the worker read


def test_cancel_leaves_the_window_as_it_was(window, large, small, qtbot):
    path, _ = large
    assert window.open_path(str(small))
    assert window.open_path(str(path))
    job = window.files.reading
    from PySide6.QtWidgets import QPushButton
    window.files.read_progress.findChild(QPushButton).click()   # the Cancel button
    assert window.files.read_progress is None and window.files.reading is None
    qtbot.waitUntil(lambda: not job._thread.is_alive(), timeout=60000)
    QApplication.processEvents()   # the dead thread's queued 'finished' is delivered now; it must be ignored
    assert window.files.current_path == str(small)
    assert window.model.transcript.segments[0].text == "The first file."


def test_a_broken_large_file_shows_the_error_after_reading(window, tmp_path, qtbot):
    path = tmp_path / "broken.json"
    path.write_text('{"segments": [' + '{"start": 0, "end": 1, "text": "x"},' * 200_000 + '{"start": "soon"}]}',
                    encoding="utf-8")
    assert window.open_path(str(path))
    _title, message = wait_for_error(qtbot, window, timeout=60000)
    assert "broken.json" in message and window.files.read_progress is None
    assert gc.isenabled()
