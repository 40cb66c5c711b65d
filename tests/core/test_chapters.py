"""Chapters in the core: reversible ops, the project file (old files still load), journal and snapshot."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import ops, project
from editor.core.errors import TranscriptError
from editor.core.ops.chapters import chapter_index
from editor.core.transcript import Chapter, Segment, Transcript, TranscriptMeta
from editor.session import recovery
from editor.session.journal import Journal
from editor.session.snapshot_capture import capture


def episode():
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights"))
    host = transcript.ensure_speaker("Nora Castellan")
    for n in range(4):
        transcript.segments.append(Segment(f"s{n + 1}", n * 10_000, n * 10_000 + 9_000, f"Turn {n + 1}.", host))
    return transcript


def test_add_keeps_chapters_sorted_and_undo_redo_restore_each_state():
    transcript = episode()
    undo_b = ops.run(transcript, ops.add_chapter(transcript, 20_000, "  The   crates "))
    undo_a = ops.run(transcript, ops.add_chapter(transcript, 0, "Welcome", url="https://example.com/a"))
    assert transcript.chapters == [Chapter(0, "Welcome", "https://example.com/a"), Chapter(20_000, "The crates")]
    redo_a = ops.run(transcript, undo_a)
    assert transcript.chapters == [Chapter(20_000, "The crates")]
    ops.run(transcript, redo_a)
    assert [c.title for c in transcript.chapters] == ["Welcome", "The crates"]
    ops.run(transcript, undo_b)  # the first undo record restores the state before any chapter
    assert transcript.chapters == []


def test_edit_moves_a_chapter_to_its_place_and_remove_takes_it_out():
    transcript = episode()
    for start, title in ((0, "Welcome"), (10_000, "Crates"), (30_000, "Winter")):
        ops.run(transcript, ops.add_chapter(transcript, start, title))
    before = list(transcript.chapters)
    undo = ops.run(transcript, ops.edit_chapter(transcript, 0, start_ms=35_000, title="Goodbye",
                                                image="https://example.com/bye.jpg"))
    assert [c.title for c in transcript.chapters] == ["Crates", "Winter", "Goodbye"]
    assert transcript.chapters[2].image == "https://example.com/bye.jpg"
    assert chapter_index(transcript.chapters, 35_000) == 2
    ops.run(transcript, undo)
    assert transcript.chapters == before
    undo = ops.run(transcript, ops.remove_chapter(transcript, 1))
    assert [c.title for c in transcript.chapters] == ["Welcome", "Winter"]
    ops.run(transcript, undo)
    assert transcript.chapters == before


@pytest.mark.parametrize("call, message", [
    (lambda t: ops.add_chapter(t, 5_000, "   "), "needs a title"),
    (lambda t: ops.add_chapter(t, -1, "Early"), "zero or more"),
    (lambda t: ops.add_chapter(t, 0, "Again"), "already starts at 00:00:00"),
    (lambda t: ops.add_chapter(t, 1, "Link", url="javascript:alert(1)"), "web address"),
    (lambda t: ops.add_chapter(t, 1, "Pic", image="cover.jpg"), "web address"),
    (lambda t: ops.edit_chapter(t, 3, title="Nope"), "no chapter number 4"),
    (lambda t: ops.remove_chapter(t, -1), "no chapter number 0"),
])
def test_impossible_chapter_edits_are_refused_with_a_reason(call, message):
    transcript = episode()
    ops.run(transcript, ops.add_chapter(transcript, 0, "Welcome"))
    with pytest.raises(ValueError, match=message):
        call(transcript)


def test_chapters_survive_a_save_and_a_project_without_chapters_has_no_key(tmp_path):
    transcript = episode()
    path = tmp_path / "ep.tep.json"
    project.save(transcript, path)
    assert "chapters" not in json.loads(path.read_text())
    transcript.chapters = [Chapter(0, "Welcome"), Chapter(12_500, "Crates", "https://example.com/c",
                                                              "https://example.com/c.png")]
    project.save(transcript, path)
    data = json.loads(path.read_text())
    assert data["chapters"] == [{"start_ms": 0, "title": "Welcome"},
                                {"start_ms": 12_500, "title": "Crates", "url": "https://example.com/c",
                                 "image": "https://example.com/c.png"}]
    assert data[project.SCHEMA_KEY] == 1  # same schema: older versions simply ignore the key
    assert project.load(path).transcript.chapters == transcript.chapters


def test_an_older_project_loads_with_no_chapters_and_bad_chapters_are_named(tmp_path):
    path = tmp_path / "old.tep.json"
    path.write_text('{"transcript_editor_project": 1, "speakers": [], "segments": '
                    '[{"id": "s1", "start_ms": 0, "end_ms": 900, "speaker": null, "text": "Ahoy."}]}')
    assert project.load(path).transcript.chapters == []
    path.write_text('{"transcript_editor_project": 1, "segments": [], '
                    '"chapters": [{"start_ms": "soon", "title": "x"}]}')
    with pytest.raises(TranscriptError, match=r"old.tep.json: chapters\[0\].start_ms: expected an integer"):
        project.load(path)


def test_chapter_edits_are_journaled_and_restored_after_a_crash(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(episode(), path)
    transcript = project.load(path).transcript
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.add_chapter(transcript, 10_000, "Crates"))
    journal.run(transcript, ops.set_text(transcript, 0, "Turn one, edited."))
    journal.run(transcript, ops.add_chapter(transcript, 0, "Welcome"))
    journal.close()  # the process dies here without saving
    restored = recovery.find_for(path).recover()
    assert restored.chapters == [Chapter(0, "Welcome"), Chapter(10_000, "Crates")]
    assert restored.segments[0].text == "Turn one, edited."


def test_an_autosave_snapshot_keeps_the_chapters():
    transcript = episode()
    ops.run(transcript, ops.add_chapter(transcript, 0, "Welcome"))
    captured = capture(transcript)
    ops.run(transcript, ops.add_chapter(transcript, 5_000, "Later"))  # after the capture: not in it
    assert capture(transcript).thaw().chapters[-1].title == "Later"
    assert captured.thaw().chapters == [Chapter(0, "Welcome")]


@given(st.lists(st.tuples(st.integers(0, 40 * 3600 * 1000), st.text(min_size=1, max_size=30).filter(str.strip),
                          st.sampled_from(["", "https://example.com/p?q=1"]),
                          st.sampled_from(["", "https://example.com/i.png"])), max_size=8, unique_by=lambda c: c[0]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_chapters_come_back_from_the_project_file_as_saved(tmp_path, items):
    transcript = episode()
    for start, title, url, image in items:
        ops.run(transcript, ops.add_chapter(transcript, start, title, url, image))
    path = tmp_path / "any.tep.json"
    project.save(transcript, path)
    assert project.load(path).transcript.chapters == transcript.chapters
    assert [c.start_ms for c in transcript.chapters] == sorted(c.start_ms for c in transcript.chapters)
