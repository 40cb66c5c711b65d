"""Shared test setup: headless Qt, silent VLC, and settings that never touch the user's.

The environment must be set before anything imports Qt or vlc, hence module level.
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The VLC backend plays through this audio output: "dummy" needs no sound card.
os.environ.setdefault("TRANSCRIPT_EDITOR_AOUT", "dummy")
# Anything that falls back to QSettings' default location lands in a throw-away folder.
_CONFIG_HOME = tempfile.mkdtemp(prefix="te-test-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
os.environ["XDG_DATA_HOME"] = os.path.join(_CONFIG_HOME, "data")
# PCM working copies of test audio go to the throw-away folder too, not the user's cache.
os.environ.setdefault("TRANSCRIPT_EDITOR_CACHE", os.path.join(_CONFIG_HOME, "cache"))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test gets its own settings INI file (editor.settings reads this variable)."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("TRANSCRIPT_EDITOR_SETTINGS", str(path))
    return path
