"""Caption times whose minutes or seconds run past 59 are broken time lines, not later times.

Such a cue is kept untimed where it stands, with a warning naming its line; untimed cues keep
their place in reading order when the timed ones around them are sorted.
"""

from __future__ import annotations

from editor.core.transcript import Segment, Transcript
from editor.core.validate import repair
from editor.formats import read_text

# Cue 3's minutes are 61 (typed for 01), cue 4's time line is garbage.
BAD_MINUTES_SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n"
    "2\n00:00:03,500 --> 00:00:05,000\nSecond.\n\n"
    "3\n00:61:03,500 --> 00:00:07,000\nBad minutes.\n\n"
    "4\nabc --> def\nGarbage time.\n\n"
    "5\n00:00:09,000 --> 00:00:10,000\nLast.\n"
)


def _cues(result):
    return [(s.start_ms, s.text) for s in result.transcript.segments]


def test_srt_minutes_past_59_keep_the_cue_untimed_in_place_naming_the_line():
    result = read_text(BAD_MINUTES_SRT, "bad.srt", keep_captions=True)
    assert _cues(result) == [(1000, "Hello there."), (3500, "Second."), (None, "Bad minutes."),
                             (None, "Garbage time."), (9000, "Last.")]
    assert any("line 10" in w and "00:61:03,500" in w for w in result.warnings), result.warnings
    assert not any("sorted" in w or "ended before" in w for w in result.warnings), result.warnings


def test_srt_seconds_past_59_merged_into_turns_stay_in_reading_order():
    text = BAD_MINUTES_SRT.replace("00:61:03,500", "00:00:75,000")
    result = read_text(text, "bad.srt")
    texts = " ".join(s.text for s in result.transcript.segments)
    assert texts.index("Bad minutes.") < texts.index("Garbage time.") < texts.index("Last.")
    assert result.transcript.end_ms == 10_000   # no cue moved to 1:15 or later
    assert any("line 10" in w for w in result.warnings), result.warnings


def test_a_well_formed_srt_with_a_bad_second_is_checked_too():
    # The whole-file fast path reads files of well-formed cues; a time out of range is not one.
    text = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:02,000 --> 00:00:60,000\nTwo.\n"
    result = read_text(text, "one.srt", keep_captions=True)
    assert _cues(result) == [(1000, "One."), (None, "Two.")]
    assert any("line 6" in w for w in result.warnings), result.warnings


def test_hourless_minutes_past_59_are_still_a_time():
    # "75:10,000" has no hours field to carry into: 75 minutes, as long MM:SS files write them.
    text = "1\n75:10,000 --> 75:12,000\nLate.\n"
    assert _cues(read_text(text, "late.srt", keep_captions=True)) == [(4_510_000, "Late.")]


def test_vtt_minutes_or_seconds_past_59_keep_the_cue_untimed_naming_the_line():
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOne.\n\n"
            "00:00:02.000 --> 00:00:61.000\nTwo.\n\n"
            "01:60:00.000 --> 01:60:01.000\nThree.\n\n"
            "00:00:04.000 --> 00:00:05.000\nFour.\n")
    result = read_text(text, "bad.vtt", keep_captions=True)
    assert _cues(result) == [(1000, "One."), (None, "Two."), (None, "Three."), (4000, "Four.")]
    assert any("line 6" in w and "line 9" in w for w in result.warnings), result.warnings


def test_sbv_seconds_past_59_keep_the_cue_untimed_naming_the_line():
    text = "0:00:01.000,0:00:02.000\nOne.\n\n0:00:99.000,0:01:40.000\nTwo.\n\n0:00:03.000,0:00:04.000\nThree.\n"
    result = read_text(text, "bad.sbv")
    assert _cues(result) == [(1000, "One."), (None, "Two."), (3000, "Three.")]
    assert any("line 4" in w for w in result.warnings), result.warnings


def test_sorting_timed_segments_leaves_untimed_ones_where_they_stood():
    segments = [Segment("s1", 1000, 2000, "one"), Segment("s2", 50_000, 51_000, "late"),
                Segment("s3", None, None, "untimed"), Segment("s4", 5000, 6000, "four"),
                Segment("s5", 9000, 10_000, "five")]
    transcript = Transcript(segments=segments)
    warnings = repair(transcript)
    assert [s.id for s in transcript.segments] == ["s1", "s4", "s3", "s5", "s2"]
    assert any("sorted" in w for w in warnings)


def test_ass_minutes_past_59_keep_the_line_untimed_naming_it():
    text = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
            "Dialogue: 0,0:00:01.00,0:00:03.00,Default,A,0,0,0,,Hello\n"
            "Comment: 0,0:00:03.00,0:00:04.00,Default,A,0,0,0,,a note\n"
            "Dialogue: 0,0:61:03.00,0:00:07.00,Default,B,0,0,0,,Bad minutes\n"
            "Dialogue: 0,0:00:08.00,0:00:09.00,Default,A,0,0,0,,Last\n")
    result = read_text(text, "bad.ass")
    assert _cues(result) == [(1000, "Hello"), (None, "Bad minutes"), (8000, "Last")]
    assert any("line 8" in w and "0:61:03.00" in w for w in result.warnings), result.warnings


def test_podcast_page_header_with_minutes_past_59_keeps_the_turn_untimed_naming_the_line():
    text = ("Episode 12\n\nSpeaker 1 00:00:05 Hello there.\nSpeaker 2 00:75:10 Bad minutes.\n"
            "Speaker 1 00:00:20 After.\n")
    result = read_text(text, "page.txt")
    assert result.format == "podcast-page"
    assert _cues(result) == [(5000, "Hello there."), (None, "Bad minutes."), (20_000, "After.")]
    assert any("line 4" in w and "00:75:10" in w for w in result.warnings), result.warnings
