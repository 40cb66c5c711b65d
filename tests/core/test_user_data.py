"""Everything the app keeps for the user (show glossaries, the show chosen per folder, unsaved
work's journals) lands in one folder, chosen by one rule (editor.core.user_data)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from editor.core.glossary import Glossary
from editor.core.glossary_places import choose_show_for_folder, show_for_folder
from editor.core.user_data import APP_DIR_NAME, ENV_CACHE_DIR, ENV_DATA_DIR, user_cache_dir, user_data_dir
from editor.session.journal_places import recovery_dir


def test_the_folder_the_environment_names_holds_glossaries_show_choices_and_journals(tmp_path, monkeypatch):
    portable = tmp_path / "portable"
    monkeypatch.setenv(ENV_DATA_DIR, str(portable))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))   # not this one: the named folder wins

    assert user_data_dir() == portable
    saved = Glossary.for_show("Harbour Lights").save()
    assert saved.parent == portable / "glossaries"
    choose_show_for_folder(tmp_path / "episodes", "Harbour Lights")
    assert show_for_folder(tmp_path / "episodes", portable) == "Harbour Lights"
    assert recovery_dir() == portable / "recovery"
    assert not (tmp_path / "xdg").exists()


def test_without_it_the_platform_s_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    assert user_data_dir() == tmp_path / "xdg" / "transcript-editor"
    assert Glossary.for_show("Harbour Lights").save().parent == tmp_path / "xdg" / "transcript-editor" / "glossaries"
    assert recovery_dir() == tmp_path / "xdg" / "transcript-editor" / "recovery"


@pytest.mark.parametrize("xdg", [None, "", "   ", "relative/data", "{tmp}/xdg", "{tmp}/xdg/"])
@pytest.mark.parametrize("home", [None, "", "relative-home", "{tmp}/home", "{tmp}/home/"])
def test_the_platform_s_folders_are_the_ones_platformdirs_names(tmp_path, monkeypatch, xdg, home):
    """The folders are found without importing platformdirs where its rule is plain (an absolute XDG
    folder, else one under an absolute HOME), and are the ones it names, however the environment is set."""
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    for variable, value in (("XDG_DATA_HOME", xdg), ("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value.format(tmp=tmp_path))

    assert user_data_dir() == Path(platformdirs.user_data_dir(APP_DIR_NAME))
    assert user_cache_dir() == Path(platformdirs.user_cache_dir(APP_DIR_NAME))
