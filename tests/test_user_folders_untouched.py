"""Tests never write into the user's own folders: every place the app keeps data, settings or
caches resolves, in a test, to a throw-away folder (tests/conftest.py moves them all)."""

from __future__ import annotations

import os

import platformdirs

from editor.core.glossary_places import default_path
from editor.core.user_data import user_cache_dir, user_data_dir
from editor.formats.clean_verbatim import fillers_dir
from editor.player.working_copy import cache_dir
from editor.session.journal_places import recovery_dir
from editor.settings import ENV_PATH


def _inside(path: str | os.PathLike, folders) -> list[str]:
    real = os.path.realpath(path)
    return [folder for folder in folders if os.path.commonpath([real, folder]) == folder]


def test_every_folder_the_app_writes_to_is_outside_the_user_s_own(user_folders):
    places = {
        "user data": user_data_dir(),
        "show glossaries": default_path("Any Show").parent,
        "recovery journals": recovery_dir(),
        "filler lists": fillers_dir(),
        "working copies": cache_dir(),
        "caches": user_cache_dir(),
        "settings": os.environ[ENV_PATH],
        "Qt's settings": platformdirs.user_config_dir("transcript-editor"),
    }
    wrong = {name: str(place) for name, place in places.items() if _inside(place, user_folders)}
    assert not wrong, f"tests would write into the user's folders: {wrong}"

