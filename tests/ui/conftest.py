"""Fixtures for the window tests: a real MainWindow, optionally with the sample episode open.

The window plays through a fake player (:mod:`fake_player`) unless the test is marked
``real_player`` (tests of playback itself): the real VLC backend with ``--aout=dummy``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # window_helpers, edit_helpers

from edit_helpers import write_project  # noqa: E402
from fake_player import fake_player_factory  # noqa: E402
from window_helpers import SAMPLE_TXT  # noqa: E402


@pytest.fixture
def own_data_dir(tmp_path, monkeypatch):
    """A data folder of the test's own (recovery journals, settings kept per user), returned."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def windows(qtbot, own_data_dir):
    """New windows on demand (a fake player), over a data folder of the test's own: for tests of what
    one window leaves for the next (recovery journals). Each one left open is closed without saving."""
    from editor.ui.main_window import MainWindow
    made = []

    def make():
        window = MainWindow(player_factory=fake_player_factory)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window
    yield make
    for window in made:
        window.project.discard_changes()
        window.close()
    from PySide6.QtWidgets import QApplication, QMessageBox
    for widget in QApplication.topLevelWidgets():      # a prompt a test left open
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


@pytest.fixture
def main_window(qtbot, request):
    from editor.ui.main_window import MainWindow

    real = request.node.get_closest_marker("real_player") is not None
    window = MainWindow(player_factory=None if real else fake_player_factory)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # A test that typed leaves unsaved work: drop it, or close() would wait behind a Save/Discard box
    # and the window (with its player) would linger into the next test.
    window.project.discard_changes()
    window.close()


@pytest.fixture
def sample_window(main_window, qtbot):
    """The window with the bundled sample episode and its audio."""
    assert main_window.open_path(str(SAMPLE_TXT))
    assert main_window.playback.has_media()
    qtbot.waitUntil(lambda: main_window.playback.duration() > 0, timeout=5000)
    # Seeks before the exact-seek working copy is ready are held (the window says "Preparing exact
    # seeking…"); tests that time playback start once it is there, as a producer would after the hold.
    qtbot.waitUntil(lambda: _working_copy_done(main_window.playback.player), timeout=60_000)
    return main_window


def _working_copy_done(player) -> bool:
    """Whether the player's exact-seek working copy is decoded (it is adopted at the next seek or play)."""
    job = getattr(player, "working_copy_job", None)
    return job is None or job.ready.is_set()


@pytest.fixture
def timed_window(main_window, tmp_path):
    """The window with edit_helpers' small timed project (every word timed), written to tmp_path."""
    assert main_window.open_path(str(write_project(tmp_path)))
    return main_window


@pytest.fixture
def active_review_window(qtbot, tmp_path):
    """The review window (review_helpers) shown and made active, so keys typed reach it."""
    from PySide6.QtTest import QTest
    from review_helpers import close_review_window, open_review_window
    window = open_review_window(qtbot, tmp_path)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    yield window
    close_review_window(window)
