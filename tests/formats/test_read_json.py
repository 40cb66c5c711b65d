"""Whisper (openai-whisper, WhisperX, whisper.cpp, OpenAI API) and Podcasting 2.0 JSON readers."""

import json
from pathlib import Path

import pytest

from editor.core import MarkKind, TranscriptError, WordTiming
from editor.formats import read_file, read_text

DATA = Path(__file__).parent / "data"


def _words(segment):
    return [(w.text, w.start_ms, w.end_ms, w.confidence) for w in segment.words]


def test_openai_whisper_words_and_confidence():
    result = read_file(DATA / "whisper.json")
    t = result.transcript
    assert result.format == "whisper-json" and t.meta.language == "en"
    first, second = t.segments
    assert (first.start_ms, first.end_ms, first.text) == (0, 3900, "Welcome back to Tidewater Notes.")
    assert _words(first)[3] == ("Tidewater", 1840, 2610, 0.38)
    assert first.word_timing is WordTiming.IMPORTED
    # words are the whitespace tokens of the text, in order
    assert [w.text for w in first.words] == first.text.split()
    assert [(m.kind, second.text[m.start:m.end], m.time_ms) for m in second.marks] == \
        [(MarkKind.INAUDIBLE, "[inaudible]", 9900)]
    assert t.speakers == {}


def test_whisperx_speakers_score_and_untimed_words():
    t = read_file(DATA / "whisperx.json").transcript
    assert [s.name for s in t.speakers.values()] == ["SPEAKER_00", "SPEAKER_01"]
    assert [t.speaker_name(s.speaker_id) for s in t.segments] == ["SPEAKER_00", "SPEAKER_01"]
    assert _words(t.segments[0])[0] == ("Welcome", 31, 460, 0.97)
    assert _words(t.segments[1])[1] == ("1987", None, None, None)
    assert t.segments[1].text == "In 1987 we built it."


def test_whisper_cpp_offsets():
    result = read_file(DATA / "whisper_cpp.json")
    rows = [(s.start_ms, s.end_ms, s.text) for s in result.transcript.segments]
    assert rows == [(0, 3900, "Welcome back to Tidewater Notes."), (9100, 10800, "Thanks, Maya.")]
    assert result.transcript.meta.language == "en"


def test_whisper_cpp_full_tokens_become_words():
    seg = read_file(DATA / "whisper_cpp_full.json").transcript.segments[0]
    assert seg.text == "Welcome to Tidewater."
    assert _words(seg) == [("Welcome", 0, 460, 0.97), ("to", 460, 900, 0.99), ("Tidewater.", 1840, 3900, 0.4)]


def test_openai_verbose_json_shares_top_level_words_and_duration():
    t = read_file(DATA / "openai_verbose.json").transcript
    assert t.meta.duration_ms == 12500 and t.meta.language == "en"
    assert [[w.text for w in s.words] for s in t.segments] == [["Welcome", "back."], ["Thanks,", "Maya."]]


def test_podcasting_word_level_merged_into_turns():
    result = read_file(DATA / "podcasting_words.json")
    t = result.transcript
    assert result.format == "podcasting-json"
    rows = [(s.start_ms, s.end_ms, t.speaker_name(s.speaker_id), s.text) for s in t.segments]
    assert rows == [(0, 3900, "Maya Ortiz", "Welcome back to Tidewater."),  # "\n" ends the turn
                    (4200, 5100, "Maya Ortiz", "Today boats."),
                    (9100, 10800, "Desmond Lee", "Thanks, [inaudible] Maya.")]
    assert _words(t.segments[0])[3] == ("Tidewater.", 1840, 3900, None)
    assert t.segments[2].marks[0].time_ms == 9500


def test_podcasting_turn_level_merges_phrases_of_one_speaker_until_a_gap():
    t = read_file(DATA / "podcasting_turns.json").transcript
    rows = [(s.start_ms, s.end_ms, t.speaker_name(s.speaker_id), s.text) for s in t.segments]
    assert rows[0] == (0, 6500, "Maya Ortiz", "Welcome back to Tidewater Notes. Today we talk boats.")
    assert rows[1][:3] == (9100, 10800, "Desmond Lee")
    assert rows[2][0] == 20000 and rows[2][1] > 20000  # no endTime: estimated
    assert t.segments[1].words == [] and t.segments[1].marks[0].kind is MarkKind.INAUDIBLE


def test_truncated_json_names_line_and_character():
    text = (DATA / "whisper.json").read_text()[:400]
    with pytest.raises(TranscriptError) as caught:
        read_text(text, "cut.json")
    assert caught.value.line is not None and "truncated" in str(caught.value)
    assert "character" in str(caught.value)


def test_json_cut_inside_a_string_is_called_truncated_in_plain_words():
    # The parser reports where the open string started, not the end of the text: still a cut file.
    text = '{"segments": [{"start": 0.0, "end": 1.0, "text": "Welcome back to Tide'
    with pytest.raises(TranscriptError) as caught:
        read_text(text, "cut.json")
    message = str(caught.value)
    assert "truncated" in message and caught.value.line == 1
    assert " at at " not in message, message


@pytest.mark.parametrize("document, where", [
    ({"segments": [{"start": "soon", "end": 1.0, "text": "x"}]}, "segments[0].start"),
    ({"segments": [{"start": 0.0, "end": 1.0, "text": 5}]}, "segments[0].text"),
    ({"segments": {"start": 0}}, "segments"),
    ({"segments": [{"start": 0.0, "end": 1.0, "words": [{"word": 3, "start": 0.0, "end": 1.0}]}]},
     "segments[0].words[0].word"),
    ({"segments": [{"start": 0.0, "end": 1.0, "words": [{"word": "a", "start": True, "end": 1.0}]}]},
     "segments[0].words[0].start"),
    ({"segments": [{"start": 0.0, "end": 1.0, "text": "a", "speaker": 7}]}, "segments[0].speaker"),
    ({"transcription": [{"offsets": {"from": "0", "to": 10}, "text": "a"}]}, "transcription[0].offsets.from"),
    ({"version": "1.0.0", "segments": [{"startTime": "x", "body": "a"}]}, "segments[0].startTime"),
    ({"version": "1.0.0", "segments": [{"startTime": 0.0, "body": ["a"]}]}, "segments[0].body"),
    ({"version": "1.0.0", "segments": [{"startTime": 0.0, "body": "a", "speaker": {}}]}, "segments[0].speaker"),
])
def test_right_keys_wrong_types_name_the_value(document, where):
    with pytest.raises(TranscriptError) as caught:
        read_text(json.dumps(document), "bad.json")
    assert where in str(caught.value)


def test_unknown_json_shape_is_a_clear_error():
    with pytest.raises(TranscriptError) as caught:
        read_text('{"title": "not a transcript", "items": []}', "other.json")
    assert "not a Whisper transcript" in str(caught.value)


def test_numeric_strings_are_accepted_as_times():
    t = read_text('{"version": "1.0.0", "segments": [{"startTime": "1.5", "endTime": "2", "body": "Hi there."}]}')
    assert (t.transcript.segments[0].start_ms, t.transcript.segments[0].end_ms) == (1500, 2000)
