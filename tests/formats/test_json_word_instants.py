"""Word-level Podcasting 2.0 JSON has no zero-length segment: an "[inaudible]" tag the aligner found no
pause for (its time an instant between two words) is published with the word beside it."""

import json

from editor.core.transcript import Mark, MarkKind, Segment, Transcript, Word, WordTiming
from editor.formats.base import ExportOptions
from editor.formats.writers.podcast_json import PodcastJsonWriter

PUBLISHING = ExportOptions(word_level=True, sorted_times=True)


def _turn(text: str, times: list[tuple[int, int]]) -> Transcript:
    """One aligned turn of *text* whose words have *times*; "[inaudible]" in it is a mark."""
    transcript = Transcript()
    maya = transcript.ensure_speaker("Maya Ortiz")
    at = text.index("[inaudible]")
    words = [Word(token, start, end) for token, (start, end) in zip(text.split(), times, strict=True)]
    transcript.segments.append(Segment("s1", times[0][0], times[-1][1], text, maya, words=words,
                                       marks=[Mark(MarkKind.INAUDIBLE, at, at + 11)],
                                       word_timing=WordTiming.ALIGNED))
    return transcript


def _segments(transcript: Transcript) -> list[dict]:
    return json.loads(PodcastJsonWriter().write(transcript, PUBLISHING))["segments"]


def test_an_instant_inaudible_tag_is_published_with_the_word_before_it():
    # as aligned: "David" ends at 119.923 s, "who" starts there, and the tag between them has no time
    times = [(118_783, 118_963), (118_963, 119_403), (119_563, 119_923), (119_923, 119_923), (119_923, 120_123)]
    segments = _segments(_turn("our friend, David [inaudible], who", times))
    assert all(s["endTime"] > s["startTime"] for s in segments)
    assert [s["body"] for s in segments] == ["our", "friend,", "David [inaudible],", "who"]
    assert (segments[2]["startTime"], segments[2]["endTime"]) == (119.563, 119.923)


def test_an_instant_tag_first_in_its_turn_goes_with_the_word_after_it():
    segments = _segments(_turn("[inaudible] the ketch left", [(5_000, 5_000), (5_000, 5_300), (5_300, 5_700),
                                                                (5_700, 6_100)]))
    assert [s["body"] for s in segments] == ["[inaudible] the", "ketch", "left"]
    assert segments[0]["startTime"] == 5.0 and segments[0]["endTime"] == 5.3


def test_a_tag_heard_in_a_pause_keeps_a_segment_of_its_own():
    times = [(1_000, 1_400), (1_400, 2_600), (2_600, 2_900)]
    segments = _segments(_turn("quiet [inaudible] and", times))
    assert [s["body"] for s in segments] == ["quiet", "[inaudible]", "and"]
    assert (segments[1]["startTime"], segments[1]["endTime"]) == (1.4, 2.6)


def test_word_timed_webvtt_lights_the_instant_tag_with_the_same_word():
    from editor.formats.writers.webvtt import WebVttWriter

    times = [(118_783, 118_963), (118_963, 119_403), (119_563, 119_923), (119_923, 119_923), (119_923, 120_123)]
    vtt = WebVttWriter().write(_turn("our friend, David [inaudible], who", times), ExportOptions(word_timed_vtt=True))
    cue = " ".join(vtt.split("\n\n")[-1].splitlines()[1:])
    assert "<00:01:59.563><c>David</c> <c>[inaudible],</c> <00:01:59.923><c>who</c>" in cue
