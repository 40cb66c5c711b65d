"""Fixtures for the word-timing window tests: the window (fake player unless a test is marked
``real_player``) with its timing messages kept, and a fresh cache folder per test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # timing_helpers


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    """Peaks and alignment caches go to the user's cache folder: a fresh one per test, so
    every test sees a first open (and the 'never twice' test sees its own second one)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def window(main_window):
    main_window.timing_messages = []   # the status bar is shared with other tools: keep our own
    main_window.timing.message.connect(main_window.timing_messages.append)
    yield main_window
    project = getattr(main_window, "project", None)
    if project is not None:   # retimes are unsaved edits: drop them so the window closes
        project.discard_changes()
