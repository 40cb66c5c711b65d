"""Fixtures for the window tests of this folder."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A shown MainWindow whose recovery data goes to tmp_path; unsaved work is dropped at the end."""
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    from editor.ui.main_window import MainWindow
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.project.discard_changes()
    w.close()
