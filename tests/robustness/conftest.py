"""Fixtures for the robustness tests that drive the real window: a fake player unless a test is marked
``real_player`` (the window's own handling of bad or replaced audio in the real VLC backend)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

from fake_player import fake_player_factory  # noqa: E402


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, request):
    """A shown MainWindow whose recovery data goes to tmp_path; unsaved work is dropped at the end
    (close() would otherwise wait behind a Save/Discard box)."""
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    from editor.ui.main_window import MainWindow
    real = request.node.get_closest_marker("real_player") is not None
    w = MainWindow(player_factory=None if real else fake_player_factory)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.project.discard_changes()
    w.close()
