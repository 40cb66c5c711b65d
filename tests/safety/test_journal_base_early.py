"""The journal's base (the document's SHA-256) is read on a worker when the document opens, so the
first edit does not read a large file; recovery still replays onto exactly the file edited."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fixture_transcript  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.user_data import ENV_DATA_DIR  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.journal_base import base_of_document  # noqa: E402
from tests.safety.autosaved_document import opened_with_autosave  # noqa: E402


def _opened(tmp_path, monkeypatch, qtbot):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    path = tmp_path / "ep.tep.json"
    model, autosave = opened_with_autosave(path)
    return path, model, autosave


def test_the_first_edit_journals_onto_the_file_as_opened(tmp_path, monkeypatch, qtbot):
    path, model, autosave = _opened(tmp_path, monkeypatch, qtbot)
    autosave._base[1].result()          # read on the worker before the producer's first key
    model.set_text(3, "A first edit after opening.")
    assert autosave.journal.base == base_of_document(path, saved=True, format="project")
    autosave.close()
    pending = recovery.find_for(path, True, tmp_path / "data")
    assert pending is not None and pending.recover().segments[3].text == "A first edit after opening."


def test_a_file_rewritten_before_the_first_edit_is_read_again(tmp_path, monkeypatch, qtbot):
    path, model, autosave = _opened(tmp_path, monkeypatch, qtbot)
    opened = autosave._base[1].result()[0]
    other = fixture_transcript()
    other.segments[0].text = "Another program wrote this."
    project.save(other, path)           # the window's copy is now the only one of what it shows
    model.set_text(3, "An edit after the file changed.")
    assert autosave.journal.base != opened
    assert autosave.journal.base == base_of_document(path, saved=True, format="project")
    autosave.close()
