"""SRT and WebVTT readers: speakers, marks, markup, and broken files with line numbers.

Tests of what one cue holds read with ``keep_captions=True`` (one segment per
cue); merging cues into turns is tested in test_read_caption_turns.py.
"""

from pathlib import Path

import pytest

from editor.core import MarkKind, TranscriptError
from editor.formats import read_file, read_text

DATA = Path(__file__).parent / "data"


def _rows(result):
    t = result.transcript
    return [(s.start_ms, s.end_ms, t.speaker_name(s.speaker_id), s.text) for s in t.segments]


def test_srt_speaker_prefixes_carry_over_and_markup_is_dropped():
    result = read_file(DATA / "captions.srt", keep_captions=True)
    assert result.format == "srt"
    assert _rows(result) == [
        (0, 3900, "Maya Ortiz", "Welcome back to Tidewater Notes."),
        (4000, 6500, "Maya Ortiz", "Today we talk boats."),
        (9100, 10800, "Desmond Lee", "Thanks, Maya."),
        (10800, 13200, "Desmond Lee", "The hull was [inaudible] and we had to start over."),
    ]
    seg = result.transcript.segments[3]
    assert [(m.kind, seg.text[m.start:m.end], m.time_ms) for m in seg.marks] == \
        [(MarkKind.INAUDIBLE, "[inaudible]", 10800)]
    assert result.warnings == []


def test_srt_without_speakers_and_without_cue_numbers():
    result = read_text("00:00:01,000 --> 00:00:02,000\nJust words.\n\n00:00:02,500 --> 00:00:04,000\nMore.\n",
                       keep_captions=True)
    assert _rows(result) == [(1000, 2000, "", "Just words."), (2500, 4000, "", "More.")]


def test_srt_sentence_with_colon_is_not_a_speaker():
    result = read_text("1\n00:00:01,000 --> 00:00:02,000\nthe plan was simple: build it.\n")
    assert result.transcript.speakers == {}
    assert result.transcript.segments[0].text == "the plan was simple: build it."


def _untimed_warning(result, line: int) -> bool:
    return any("without a valid time line" in w and f"line {line}" in w for w in result.warnings)


def test_srt_cue_missing_its_time_line_is_kept_untimed_with_a_warning_naming_the_line():
    text = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\nNo time here.\n\n3\n00:00:05,000 --> 00:00:06,000\nBye.\n"
    result = read_text(text, "x.srt")
    assert [s.text for s in result.transcript.segments] == ["Hello.", "No time here.", "Bye."]
    assert result.transcript.segments[1].start_ms is None
    assert _untimed_warning(result, 6)


def test_srt_garbled_time_line_keeps_the_cue_untimed_naming_the_line():
    text = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:0x,000 --> 00:00:03,000\nBad.\n"
    result = read_text(text, format="srt")
    assert [s.text for s in result.transcript.segments] == ["Hello.", "Bad."]
    assert _untimed_warning(result, 6)


def test_srt_end_before_start_is_repaired_with_a_warning():
    result = read_text("1\n00:00:05,000 --> 00:00:04,000\nBackwards.\n\n2\n00:00:06,000 --> 00:00:07,000\nFine.\n")
    assert result.transcript.segments[0].end_ms == 5000
    assert any("ended before it started" in w for w in result.warnings)


def test_srt_text_after_a_stray_blank_line_is_joined_with_a_warning():
    result = read_text("1\n00:00:01,000 --> 00:00:02,000\nFirst half\n\nsecond half.\n")
    assert result.transcript.segments[0].text == "First half second half."
    assert any("joined" in w for w in result.warnings)


def test_srt_file_with_vtt_extension_is_still_srt():
    result = read_text((DATA / "captions.srt").read_text(), "mislabelled.vtt")
    assert result.format == "srt"


def test_vtt_voices_notes_styles_settings_ids():
    result = read_file(DATA / "voices.vtt", keep_captions=True)
    assert result.format == "vtt"
    assert _rows(result) == [
        (0, 3900, "Maya Ortiz", "Welcome back to Tidewater Notes."),
        (9100, 10800, "Desmond Lee", "Thanks, Maya. Happy to be here."),
        (10800, 13200, "Desmond Lee", "By then the hull was [inaudible] and we had to start over."),
        (13500, 15000, "Maya Ortiz", "Over & over?"),
    ]
    seg = result.transcript.segments[2]
    assert [(m.kind, m.time_ms) for m in seg.marks] == [(MarkKind.INAUDIBLE, 12000)]
    assert list(result.transcript.speakers) == ["spk1", "spk2"]


def test_vtt_short_timestamps_and_name_prefix():
    text = "WEBVTT\n\n00:01.000 --> 00:02.500\nMaya: Hi.\n\n00:03.000 --> 00:04.000\nStill Maya.\n"
    assert _rows(read_text(text, keep_captions=True)) == [(1000, 2500, "Maya", "Hi."),
                                                          (3000, 4000, "Maya", "Still Maya.")]


def test_vtt_escaped_inaudible_and_inline_tags():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ines>It was &lt;inaudible&gt; <c.yellow>really</c> "
            "<00:00:02.000>so.\n")
    seg = read_text(text).transcript.segments[0]
    assert seg.text == "It was [inaudible] really so."
    assert seg.marks[0].kind is MarkKind.INAUDIBLE


def test_vtt_without_header_is_read_with_a_warning():
    text = "1\n00:00:01.000 --> 00:00:02.000\n<v Maya>Hi.\n"
    result = read_text(text, "nohead.vtt")
    assert result.format == "vtt"
    assert _rows(result) == [(1000, 2000, "Maya", "Hi.")]
    assert any("WEBVTT header is missing" in w for w in result.warnings)


def test_vtt_without_header_or_cues_is_an_error():
    with pytest.raises(TranscriptError) as caught:
        read_text("this is not\na caption file\n", format="vtt")
    assert caught.value.line == 1


def test_vtt_bad_time_line_keeps_the_cue_untimed_naming_the_line():
    text = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nOk.\n\n2\n00:00:03.000 -> 00:00:04.000\nBroken arrow.\n"
    result = read_text(text)
    assert [s.text for s in result.transcript.segments] == ["Ok.", "Broken arrow."]
    assert _untimed_warning(result, 8)


def test_vtt_garbled_timestamp_keeps_the_cue_untimed_naming_the_line():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOk.\n\n00:00:03.000 --> 00:0x:04.000\nBad.\n"
    result = read_text(text)
    assert [s.text for s in result.transcript.segments] == ["Ok.", "Bad."]
    assert _untimed_warning(result, 6)


def test_ass_names_comments_override_tags_and_media():
    result = read_file(DATA / "dialogue.ass")
    t = result.transcript
    assert result.format == "ass"
    assert _rows(result) == [(0, 3900, "Maya Ortiz", "Welcome back to Tidewater Notes."),
                             (9100, 10800, "Desmond Lee", "Thanks, Maya. It was [inaudible] then.")]
    assert t.meta.title == "Tidewater Notes 42" and t.meta.audio_path == "tidewater-42.ogg"
    assert t.segments[1].marks[0].kind is MarkKind.INAUDIBLE
