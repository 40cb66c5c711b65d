"""The user's data folder (show glossaries, the show chosen per folder, unsaved work's journals) and
cache folder (working copies, alignments, waveform peaks, the spelling word set).

One rule for the whole app, so everything the app keeps for the user lands in one folder:
``$TRANSCRIPT_EDITOR_DATA_DIR`` when it is set (a portable setup, a second profile), else the
platform's user data folder (``$XDG_DATA_HOME/transcript-editor``, by default
``~/.local/share/transcript-editor`` on Linux). The window asks once, as it is made, and hands the
answer to its features (``WindowContext.data_dir``); the command line and the core's defaults ask here.

Caches follow the same rule, so a portable setup or a second profile moves all of them at once:
``$TRANSCRIPT_EDITOR_CACHE`` when it is set, else the platform's user cache folder
(``$XDG_CACHE_HOME/transcript-editor``, by default ``~/.cache/transcript-editor``); each cache
keeps a subfolder of its own there (:func:`cache_subdir`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "TRANSCRIPT_EDITOR_DATA_DIR"
ENV_CACHE_DIR = "TRANSCRIPT_EDITOR_CACHE"
APP_DIR_NAME = "transcript-editor"


def user_data_dir() -> Path:
    """The folder the app keeps the user's data in (not created here: writers make what they need)."""
    chosen = os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen)
    found = _xdg_folder("XDG_DATA_HOME", ".local/share")
    if found is not None:
        return found
    # Imported here: only the window and the folder-less defaults need it. It reads XDG_DATA_HOME on every call.
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_DIR_NAME))


def user_cache_dir() -> Path:
    """The folder every cache of the app lives under (not created here: writers make what they need)."""
    chosen = os.environ.get(ENV_CACHE_DIR)
    if chosen:
        return Path(chosen)
    found = _xdg_folder("XDG_CACHE_HOME", ".cache")
    if found is not None:
        return found
    import platformdirs  # reads XDG_CACHE_HOME on every call
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME))


def _xdg_folder(variable: str, under_home: str) -> Path | None:
    """The app's folder by the XDG rule platformdirs follows on Linux, found without importing it
    (~7 ms of the window's start): *variable* when it names an absolute path, else *under_home* in
    an absolute ``$HOME``. None where platformdirs decides otherwise or more (another system, an
    Android app, no usable ``HOME``): it is asked then."""
    if not sys.platform.startswith("linux") or "ANDROID_ROOT" in os.environ:
        return None
    named = os.environ.get(variable, "")
    if os.path.isabs(named):
        return Path(named, APP_DIR_NAME)
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        return None
    return Path(os.path.expanduser(f"~/{under_home}"), APP_DIR_NAME)


def cache_subdir(name: str) -> Path:
    """The folder of one cache (``working-copies``, ``alignment``, ``peaks``, ``spelling``)."""
    return user_cache_dir() / name
