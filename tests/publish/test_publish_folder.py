"""Publishing into a folder: file names, feed tags, chapters, people, readiness, inputs never overwritten."""

import json
import xml.etree.ElementTree as ET

import pytest

from editor.core.errors import TranscriptError
from editor.core.transcript import Chapter, ReviewStatus, Segment, Transcript, TranscriptMeta, Word
from editor.publish import PublishCancelled, check, episode_file_stem, parse_formats, plan_tags, publish
from editor.publish.feed_tags import NAMESPACE, is_named

TYPES = {"vtt": "text/vtt", "srt": "application/x-subrip", "json": "application/json",
         "html": "text/html", "txt": "text/plain"}


def episode(approved=True):
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights: Épisode 7 & more", language="en"))
    nora = transcript.ensure_speaker("Nora Castellan")
    ingrid = transcript.ensure_speaker("Ingrid Solberg")
    unknown = transcript.ensure_speaker("Speaker 3")
    for n, (text, speaker) in enumerate([("Welcome to the show.", nora), ("Thanks for having me.", ingrid),
                                         ("Hello from the back.", unknown), ("Goodbye.", nora)]):
        start = n * 5_000
        words = [Word(w, start + 400 * i, start + 400 * i + 350) for i, w in enumerate(text.split())]
        segment = Segment(f"s{n + 1}", start, start + 4_000, text, speaker, words=words)
        segment.status = ReviewStatus.APPROVED if approved else ReviewStatus.UNREVIEWED
        transcript.segments.append(segment)
    return transcript


def parse_tags(text):
    return ET.fromstring(f'<item xmlns:podcast="{NAMESPACE}">{text}</item>')


def test_one_file_per_format_named_after_the_episode_and_the_feed_tags(tmp_path):
    published = publish(episode(), tmp_path / "out", base_url="https://cdn.example.com/ep7/")
    stem = "harbour-lights-episode-7-more"
    assert episode_file_stem(episode()) == stem
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [f"{stem}.{ext}" for ext in TYPES] + ["transcript-tags.xml", ".transcript-editor-published.json"])
    tags = parse_tags((tmp_path / "out" / "transcript-tags.xml").read_text())
    transcripts = tags.findall(f"{{{NAMESPACE}}}transcript")
    assert [(t.get("url"), t.get("type"), t.get("language"), t.get("rel")) for t in transcripts] == [
        (f"https://cdn.example.com/ep7/{stem}.{fmt}", mime, "en", "captions" if fmt in ("vtt", "srt", "json") else None)
        for fmt, mime in TYPES.items()]
    people = [(p.get("role"), p.text) for p in tags.findall(f"{{{NAMESPACE}}}person")]
    assert people == [("host", "Nora Castellan"), ("guest", "Ingrid Solberg")]  # "Speaker 3" is nobody's name
    assert tags.find(f"{{{NAMESPACE}}}chapters") is None
    assert published.tags == (tmp_path / "out" / "transcript-tags.xml").read_text()
    assert [f.format for f in published.files] == list(TYPES)
    assert json.loads((tmp_path / "out" / f"{stem}.json").read_text())["version"] == "1.0.0"


def test_chosen_formats_language_and_chapters(tmp_path):
    transcript = episode()
    transcript.chapters = [Chapter(5_000, "The guest"), Chapter(0, "Opening")]
    publish(transcript, tmp_path, formats=["srt", "vtt"], base_url="https://x.example/show", language="en-GB")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [".transcript-editor-published.json", "chapters.json", "harbour-lights-episode-7-more.srt",
                     "harbour-lights-episode-7-more.vtt", "transcript-tags.xml"]
    tags = parse_tags((tmp_path / "transcript-tags.xml").read_text())
    types = [t.get("type") for t in tags.findall(f"{{{NAMESPACE}}}transcript")]
    assert types == ["text/vtt", "application/x-subrip"]  # the table's order, not the order asked
    assert {t.get("language") for t in tags.findall(f"{{{NAMESPACE}}}transcript")} == {"en-GB"}
    chapters = tags.find(f"{{{NAMESPACE}}}chapters")
    assert chapters.get("url") == "https://x.example/show/chapters.json"
    assert chapters.get("type") == "application/json+chapters"
    data = json.loads((tmp_path / "chapters.json").read_text())
    assert data == {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Opening"},
                                                     {"startTime": 5, "title": "The guest"}]}


def test_without_a_base_url_the_tags_say_to_fill_the_address_in():
    tags = plan_tags(episode(), ["vtt"])
    assert 'url="harbour-lights-episode-7-more.vtt"' in tags and "full web address" in tags
    assert "language" in tags  # from the episode


def test_bad_arguments_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        parse_formats("vtt,pdf")
    with pytest.raises(ValueError, match="base URL must be a web address"):
        publish(episode(), tmp_path / "never", base_url="ftp://example.com")
    with pytest.raises(ValueError, match="language must be a code"):
        publish(episode(), tmp_path / "never", language="https://cdn.example.com/12")
    assert 'language="pt-BR"' in plan_tags(episode(), ["vtt"], language="pt_BR")
    assert not (tmp_path / "never").exists()


def test_an_input_is_never_overwritten(tmp_path):
    source = tmp_path / "harbour-lights-episode-7-more.txt"
    source.write_text("the producer's own file")
    with pytest.raises(TranscriptError, match="would overwrite the input"):
        publish(episode(), tmp_path, inputs=[source])
    assert source.read_text() == "the producer's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [source.name]  # nothing else was written either


def test_readiness_finds_unapproved_untimed_words_and_overlaps():
    assert check(episode()).ready and check(episode()).notes(episode()) == []
    transcript = episode(approved=False)
    transcript.segments[1].words = []
    transcript.segments[2].start_ms = 8_000  # turn 2 runs from 5 s to 9 s
    transcript.segments.append(Segment("u", None, None, "An untimed aside."))
    found = check(transcript)
    assert not found.ready
    assert found.unapproved == [0, 1, 2, 3, 4] and found.untimed_words == [1] and found.overlaps == [2]
    assert found.untimed == [4]
    problems = found.problems(transcript)
    assert problems[0] == "5 of 5 turns are not approved (first: turn 1 at 00:00:00)"
    assert "1 of 5 turns has no time (turn 5); it is placed after the turn before it" in problems
    assert any(p.startswith("1 of 5 turns starts before the turn above ends (turn 3 at 00:00:08); players show it")
               for p in problems)


@pytest.mark.parametrize("name, named", [("Speaker 1", False), ("SPEAKER_00", False), ("Unknown", False),
                                         ("spk2", False), ("Guest", False), ("S1", False), ("", False),
                                         ("Nora Castellan", True), ("Host Malone", True), ("Ana", True)])
def test_generic_voices_are_not_listed_as_people(name, named):
    assert is_named(name) is named


def test_progress_hears_each_file_and_a_stop_writes_nothing(tmp_path):
    heard = []
    publish(episode(), tmp_path / "all", progress=lambda done, total: heard.append((done, total)) or True)
    assert heard == [(0, 6), (1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    with pytest.raises(PublishCancelled):
        publish(episode(), tmp_path / "stopped", progress=lambda done, total: done < 3)
    assert not (tmp_path / "stopped").exists()


def test_turns_without_a_speaker_are_noted_but_do_not_stop_a_publish():
    transcript = episode()
    transcript.segments.append(Segment("n", 30_000, 31_000, "Who said this?", None,
                                       status=ReviewStatus.APPROVED,
                                       words=[Word(w, 30_000, 31_000) for w in ["Who", "said", "this?"]]))
    found = check(transcript)
    assert found.ready and found.unnamed == [4]
    assert found.notes(transcript) == ["1 of 5 turns has no speaker (turn 5 at 00:00:30); "
                                       "its captions name nobody"]


def test_a_republish_removes_its_own_earlier_files_that_no_longer_belong(tmp_path):
    transcript = episode()
    transcript.chapters = [Chapter(0, "Opening")]
    publish(transcript, tmp_path, formats=["vtt", "srt"])
    assert (tmp_path / "chapters.json").exists()
    transcript.chapters = []
    again = publish(transcript, tmp_path, formats=["vtt"])
    stem = "harbour-lights-episode-7-more"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".transcript-editor-published.json", f"{stem}.vtt",
                                                           "transcript-tags.xml"]
    assert sorted(p.name for p in again.removed) == ["chapters.json", f"{stem}.srt"]
    assert again.left_over == [] and "chapters.json" in again.cleanup_note()
    assert "chapters" not in (tmp_path / "transcript-tags.xml").read_text()


def test_an_earlier_file_edited_since_is_left_in_place_and_reported(tmp_path):
    transcript = episode()
    transcript.chapters = [Chapter(0, "Opening")]
    publish(transcript, tmp_path, formats=["vtt"])
    (tmp_path / "chapters.json").write_text('{"version": "1.2.0", "chapters": []}')   # edited by hand
    (tmp_path / "notes.txt").write_text("my own file")                                # never published
    transcript.chapters = []
    again = publish(transcript, tmp_path, formats=["vtt"])
    assert (tmp_path / "chapters.json").read_text() == '{"version": "1.2.0", "chapters": []}'
    assert (tmp_path / "notes.txt").read_text() == "my own file"
    assert again.removed == [] and again.left_over == [tmp_path / "chapters.json"]
    assert "chapters.json" in again.cleanup_note() and "edited since" in again.cleanup_note()


def test_a_file_edited_since_the_last_publish_is_replaced_only_with_leave(tmp_path):
    from editor.publish import WouldReplaceChanged

    transcript = episode()
    publish(transcript, tmp_path, formats=["vtt", "txt"])
    vtt = tmp_path / "harbour-lights-episode-7-more.vtt"
    publish(transcript, tmp_path, formats=["vtt", "txt"])   # unchanged files: no leave needed
    vtt.write_text(vtt.read_text().replace("Welcome", "Welcome, all,"))
    edited = vtt.read_text()
    transcript.segments[1].text = "Thanks so much for having me."
    with pytest.raises(WouldReplaceChanged) as refused:
        publish(transcript, tmp_path, formats=["vtt", "txt"])
    assert refused.value.files == [vtt] and "harbour-lights-episode-7-more.vtt was changed" in str(refused.value)
    assert vtt.read_text() == edited
    assert "Thanks for having me." in (tmp_path / "harbour-lights-episode-7-more.txt").read_text()   # nothing written
    done = publish(transcript, tmp_path, formats=["vtt", "txt"], replace_changed=True)
    assert done.replaced_changed == [vtt] and "Welcome, all," not in vtt.read_text()


def test_a_file_in_the_way_that_this_app_never_published_needs_leave_unless_it_is_the_same(tmp_path):
    from editor.publish import WouldReplaceChanged

    (tmp_path / "transcript-tags.xml").write_text("<my-own-tags/>")
    with pytest.raises(WouldReplaceChanged):
        publish(episode(), tmp_path, formats=["txt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["transcript-tags.xml"]
    (tmp_path / "transcript-tags.xml").unlink()
    first = publish(episode(), tmp_path / "copy", formats=["txt"])
    for path in [*(f.path for f in first.files), first.tags_path]:   # the same bytes as a publish would write
        (tmp_path / path.name).write_bytes(path.read_bytes())
    assert publish(episode(), tmp_path, formats=["txt"]).replaced_changed == []


def test_a_record_that_is_not_ours_never_reaches_outside_the_folder(tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    folder = tmp_path / "site"
    folder.mkdir()
    from editor.publish.manifest import MANIFEST_FILE, digest
    (folder / MANIFEST_FILE).write_text(json.dumps({"files": {"../precious.txt": digest(b"keep me")}}))
    publish(episode(), folder, formats=["txt"])
    assert outside.read_text() == "keep me"
    (folder / MANIFEST_FILE).write_text("not json")
    publish(episode(), folder, formats=["txt"])   # an unreadable record counts as none: same bytes, no leave needed
