"""Write, then read back with editor.formats.read_text: every format that can carry it keeps it.

HTML and DOCX are publishing formats with no reader, so they are checked by
their own tests; the project file's round trip is in tests/core.
"""

import pytest

from editor.core.transcript import Mark, MarkKind, Segment, Transcript, Word
from editor.formats import read_text
from editor.formats.base import ExportOptions
from editor.formats.writers import writer_named

LONG = ("By then the hull was [inaudible] and we started over, which was slow going for all of us "
        "in that cold winter by the harbour wall.")


def episode():
    transcript = Transcript()
    maya = transcript.ensure_speaker("Maya Ortiz")
    ines = transcript.ensure_speaker("Inês Ferreira-Lund")
    at = LONG.index("[inaudible]")
    words = [Word(w, 9000 + 300 * k, 9000 + 300 * k + 250, 0.5) for k, w in enumerate(LONG.split())]
    transcript.segments += [
        Segment("s1", 0, 3000, "Welcome back to Tidewater Notes.", maya),
        Segment("s2", 9000, 9000 + 300 * len(words), LONG, ines, words=words,
                marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, 11_000)]),
        Segment("s3", 20_000, 23_000, "It was Marrowby oak.", maya, marks=[Mark(MarkKind.UNCLEAR, 7, 15, 20_000)]),
        Segment("s4", 24_000, 26_000, "[crosstalk] Wait, how?", ines, marks=[Mark(MarkKind.CROSSTALK, 0, 11, 24_000)]),
        Segment("s5", 3_723_000, 3_725_000, "An hour later, still here.", maya),
    ]
    return transcript


def roundtrip(name, options=None):
    writer = writer_named(name)
    text = writer.write(episode(), options or ExportOptions())
    result = read_text(text, "episode" + writer.EXTENSION)
    return result


def speaker_names(transcript):
    return [transcript.speaker_name(s.speaker_id) for s in transcript.segments]


def marks_of(transcript):
    return [(m.kind, s.text[m.start:m.end]) for s in transcript.segments for m in s.marks]


def test_plain_text_keeps_turns_speakers_times_and_marks():
    result = roundtrip("txt")
    assert result.format == "rev" and result.warnings == []
    back, original = result.transcript, episode()
    assert [s.text for s in back.segments] == [s.text for s in original.segments]
    assert speaker_names(back) == speaker_names(original)
    assert [s.start_ms for s in back.segments] == [s.start_ms for s in original.segments]
    assert marks_of(back) == marks_of(original)
    assert [m.time_ms for s in back.segments for m in s.marks if m.kind is MarkKind.INAUDIBLE] == [11_000]


@pytest.mark.parametrize("name", ["srt", "vtt"])
def test_captions_keep_every_word_speaker_and_mark(name):
    result = roundtrip(name)
    assert result.format == name and result.warnings == []
    back, original = result.transcript, episode()
    assert " ".join(s.text for s in back.segments).split() == " ".join(s.text for s in original.segments).split()
    assert marks_of(back) == marks_of(original)
    for segment in back.segments:  # each cue sits inside its turn and carries its speaker
        turn = next(s for s in original.segments if s.start_ms <= segment.start_ms < s.end_ms)
        assert back.speaker_name(segment.speaker_id) == original.speaker_name(turn.speaker_id)
        assert segment.end_ms <= turn.end_ms
    assert back.segments[0].start_ms == 0 and back.segments[-1].end_ms == 3_725_000


@pytest.mark.parametrize("word_level", [False, True])
def test_podcasting_json_keeps_turns_and_word_times(word_level):
    result = roundtrip("json", ExportOptions(word_level=word_level))
    assert result.format == "podcasting-json" and result.warnings == []
    back, original = result.transcript, episode()
    assert [s.text for s in back.segments] == [s.text for s in original.segments]
    assert speaker_names(back) == speaker_names(original)
    # Word-level files end a turn with its last word (the pause after it is not in the file).
    ends = [s.words[-1].end_ms if word_level and s.words else s.end_ms for s in original.segments]
    starts = [s.start_ms for s in original.segments]
    assert [(s.start_ms, s.end_ms) for s in back.segments] == list(zip(starts, ends, strict=True))
    assert [m.kind for s in back.segments for m in s.marks] == [m.kind for s in original.segments for m in s.marks]
    if word_level:
        assert [(w.text, w.start_ms, w.end_ms) for w in back.segments[1].words] == \
               [(w.text, w.start_ms, w.end_ms) for w in original.segments[1].words]
