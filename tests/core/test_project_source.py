"""A project remembers the transcript file it was made from, so that nothing writes over it later."""

import json

from editor.core import project
from editor.formats import read_file

REV = "Maya Ortiz (00:00):\nWelcome back to Tidewater Notes.\n\nDesmond Lee (00:09):\nThanks, Maya.\n"


def test_reading_a_transcript_names_it_as_the_source_and_its_project_keeps_it(tmp_path):
    source = tmp_path / "recognizer" / "short.txt"
    source.parent.mkdir()
    source.write_text(REV, encoding="utf-8")
    transcript = read_file(source).transcript
    assert transcript.meta.source_path == str(source)
    saved = tmp_path / "work" / "short.tep.json"
    saved.parent.mkdir()
    project.save(transcript, saved)
    meta = json.loads(saved.read_text(encoding="utf-8"))["meta"]
    assert meta["source_path"] == "../recognizer/short.txt"          # relative, as the audio is
    assert meta["source_path_absolute"] == str(source)
    assert read_file(saved).transcript.meta.source_path == str(source)


def test_a_moved_project_finds_its_source_where_it_was(tmp_path):
    source = tmp_path / "short.txt"
    source.write_text(REV, encoding="utf-8")
    saved = tmp_path / "a" / "short.tep.json"
    saved.parent.mkdir()
    project.save(read_file(source).transcript, saved)
    moved = tmp_path / "b" / "c" / "short.tep.json"
    moved.parent.mkdir(parents=True)
    saved.rename(moved)
    assert read_file(moved).transcript.meta.source_path == str(source)


def test_a_project_saved_before_sources_were_kept_still_loads(tmp_path):
    source = tmp_path / "short.txt"
    source.write_text(REV, encoding="utf-8")
    saved = tmp_path / "short.tep.json"
    project.save(read_file(source).transcript, saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["meta"]["source_path"], data["meta"]["source_path_absolute"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    loaded = read_file(saved).transcript
    assert loaded.meta.source_path == ""
    assert [s.text for s in loaded.segments] == ["Welcome back to Tidewater Notes.", "Thanks, Maya."]
    project.save(loaded, tmp_path / "again.tep.json")   # and saves without inventing one
    assert "source_path" not in json.loads((tmp_path / "again.tep.json").read_text(encoding="utf-8"))["meta"]
