"""A mark takes the time of the words around it whenever word times change."""

import json
from pathlib import Path

from editor.core import ops, project
from editor.core.transcript import Mark, MarkKind, Segment, Transcript, Word, WordTiming
from editor.core.words import marks_at_word_times
from editor.formats import writer
from editor.formats.base import ExportOptions, InaudibleStyle

TEXT = "so we pulled the hull [inaudible] and then the Marrowby oak split"


def _turn(time_ms=62_000):
    at = TEXT.index("[inaudible]")
    unclear = TEXT.index("Marrowby oak")
    marks = [Mark(MarkKind.INAUDIBLE, at, at + 11, time_ms),
             Mark(MarkKind.UNCLEAR, unclear, unclear + len("Marrowby oak"), time_ms)]
    return Segment("s1", 62_000, 140_000, TEXT, "spk1", marks=marks)


def _heard_words():
    """Word times as alignment finds them: the inaudible bit is heard at 02:11."""
    starts = [120_000, 120_400, 120_800, 127_000, 127_300, 131_000, 133_000, 133_400, 133_700, 134_000,
              134_800, 135_500]
    tokens = TEXT.split()
    return [Word(t, s, s + 300) for t, s in zip(tokens, starts, strict=False)]


def _transcript():
    transcript = Transcript(segments=[_turn()])
    transcript.ensure_speaker("Maya Ortiz")
    return transcript


def test_marks_take_the_time_of_the_words_they_cover():
    segment = _turn()
    timed = marks_at_word_times(segment.text, segment.marks, _heard_words())
    assert [m.time_ms for m in timed] == [131_000, 134_000]
    assert [(m.kind, m.start, m.end) for m in timed] == [(m.kind, m.start, m.end) for m in segment.marks]


def test_an_empty_mark_sits_where_the_word_before_it_ends():
    words = [Word("one", 1000, 1400), Word("two", 2000, 2300)]
    assert marks_at_word_times("one two", [Mark(MarkKind.CROSSTALK, 4, 4, 0)], words)[0].time_ms == 1400
    assert marks_at_word_times("one two", [Mark(MarkKind.CROSSTALK, 0, 0, 0)], words)[0].time_ms == 1000


def test_unchanged_times_keep_the_same_list():
    segment = _turn()
    words = _heard_words()
    once = marks_at_word_times(segment.text, segment.marks, words)
    assert marks_at_word_times(segment.text, once, words) is once


def test_set_word_times_moves_marks_is_not_an_edit_and_undoes():
    transcript = _transcript()
    segment = transcript.segments[0]
    undo = ops.run(transcript, ops.set_word_times(transcript, 0, _heard_words(), WordTiming.ALIGNED))
    assert [m.time_ms for m in segment.marks] == [131_000, 134_000]
    assert not segment.is_changed                 # a new time is not the producer's edit
    ops.run(transcript, ops.revert_to_original(transcript, 0))
    assert segment.marks[0].time_ms == 131_000    # revert keeps the heard time
    transcript = _transcript()
    undo = ops.run(transcript, ops.set_word_times(transcript, 0, _heard_words(), WordTiming.ALIGNED))
    ops.run(transcript, undo)
    assert [m.time_ms for m in transcript.segments[0].marks] == [62_000, 62_000]


def test_estimated_word_times_leave_a_marks_own_time():
    transcript = _transcript()
    ops.run(transcript, ops.set_word_times(transcript, 0, _heard_words(), WordTiming.ESTIMATED))
    assert [m.time_ms for m in transcript.segments[0].marks] == [62_000, 62_000]


def test_project_file_and_every_export_agree_on_the_mark_time(tmp_path):
    transcript = _transcript()
    ops.run(transcript, ops.set_word_times(transcript, 0, _heard_words(), WordTiming.ALIGNED))
    path = tmp_path / "episode.tep.json"
    project.save(transcript, path)
    saved = json.loads(path.read_text("utf-8"))["segments"][0]
    assert saved["marks"][0] == ["inaudible", TEXT.index("[inaudible]"), TEXT.index("[inaudible]") + 11, 131_000]
    rev = ExportOptions(inaudible_style=InaudibleStyle.REV)
    assert "[inaudible 00:02:11]" in writer("txt").write(transcript, rev)
    assert "[unclear 00:02:14: Marrowby oak]" in writer("txt").write(transcript, rev)
    srt = writer("srt").write(transcript, ExportOptions())
    cue = next(block for block in srt.split("\n\n") if "[inaudible]" in block)
    assert cue.splitlines()[1].startswith("00:02:")
    segments = json.loads(writer("json").write(transcript, ExportOptions(word_level=True)))["segments"]
    assert next(s["startTime"] for s in segments if "[inaudible]" in s["body"]) == 131.0


OLD_PROJECT = Path(__file__).resolve().parents[1] / "fixtures" / "old-marks-project.tep.json"


def test_a_project_saved_before_marks_followed_words_opens_with_the_heard_times(tmp_path):
    before = OLD_PROJECT.read_bytes()
    transcript = project.load(OLD_PROJECT).transcript
    aligned, estimated, edited = transcript.segments
    assert [m.time_ms for m in aligned.marks] == [79_500]       # the "[inaudible]" word, not the turn's 01:14
    assert not aligned.is_changed                                # no edit for the producer to undo
    assert [m.time_ms for m in estimated.marks] == [90_000]     # estimated times say nothing of the audio
    assert [m.time_ms for m in edited.marks] == [104_000]
    assert [m.time_ms for m in edited.original_marks] == [99_000]   # the recognizer's text differs: kept
    assert OLD_PROJECT.read_bytes() == before
    path = tmp_path / "resaved.tep.json"
    project.save(transcript, path)
    data = json.loads(path.read_text("utf-8"))
    assert data[project.MARK_TIMES_KEY] == "words"
    assert data["segments"][0]["marks"][0][3] == 79_500
    assert "original_marks" not in data["segments"][0]


def test_a_current_project_keeps_a_marks_own_time():
    # A mark made at the playback position, saved by this version: opening never moves it.
    transcript = _transcript()
    ops.run(transcript, ops.set_word_times(transcript, 0, _heard_words(), WordTiming.ALIGNED))
    segment = transcript.segments[0]
    segment.marks = [Mark(m.kind, m.start, m.end, m.time_ms + 700) for m in segment.marks]
    loaded = project.loads(project.dumps(project.to_dict(transcript))).transcript
    assert [m.time_ms for m in loaded.segments[0].marks] == [131_700, 134_700]
