"""The user's data folder: show glossaries, the show chosen per folder, unsaved work's journals.

One rule for the whole app, so everything the app keeps for the user lands in one folder:
``$TRANSCRIPT_EDITOR_DATA_DIR`` when it is set (a portable setup, a second profile), else the
platform's user data folder (``$XDG_DATA_HOME/transcript-editor``, by default
``~/.local/share/transcript-editor`` on Linux). The window asks once, as it is made, and hands the
answer to its features (``WindowContext.data_dir``); the command line and the core's defaults ask here.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "TRANSCRIPT_EDITOR_DATA_DIR"
APP_DIR_NAME = "transcript-editor"


def user_data_dir() -> Path:
    """The folder the app keeps the user's data in (not created here: writers make what they need)."""
    chosen = os.environ.get(ENV_DATA_DIR)
    if chosen:
        return Path(chosen)
    # Imported here: only the window and the folder-less defaults need it. It reads XDG_DATA_HOME on every call.
    import platformdirs
    return Path(platformdirs.user_data_dir(APP_DIR_NAME))
