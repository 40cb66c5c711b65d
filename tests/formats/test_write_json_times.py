"""Podcasting 2.0 JSON, exported or published: segments in time order, none of them zero-length."""

import json

import pytest

from editor.core.transcript import Segment, Transcript, TranscriptMeta, Word
from editor.formats.base import ExportOptions
from editor.formats.writers.podcast_json import PodcastJsonWriter
from editor.publish.rules import publish_options


def _timed(segment_id, speaker, text, start, end):
    tokens = text.split()
    step = (end - start) // len(tokens)
    words = [Word(t, start + step * i, start + step * (i + 1)) for i, t in enumerate(tokens)]
    return Segment(segment_id, start, end, text, speaker, words=words)


def _overlapping() -> Transcript:
    transcript = Transcript()
    ana, ben = transcript.ensure_speaker("Ana"), transcript.ensure_speaker("Ben")
    transcript.segments += [_timed("s1", ana, "the tide came in over the sandbar quickly", 500, 3000),
                            _timed("s2", ben, "yes it did", 2000, 4000)]
    return transcript


OPTIONS = [ExportOptions(), ExportOptions(word_level=False), ExportOptions(word_level=True),
           publish_options("json")]
IDS = ["export", "turns", "words", "publish"]


def _segments(transcript, options):
    return json.loads(PodcastJsonWriter().write(transcript, options))["segments"]


@pytest.mark.parametrize("options", OPTIONS, ids=IDS)
def test_overlapping_turns_are_written_in_time_order(options):
    segments = _segments(_overlapping(), options)
    starts = [s["startTime"] for s in segments]
    assert starts == sorted(starts), starts
    words = " ".join(s["body"] for s in segments).split()
    said = " ".join(segment.text for segment in _overlapping().segments).split()
    assert sorted(words) == sorted(said)


@pytest.mark.parametrize("options", OPTIONS, ids=IDS)
def test_a_turn_said_in_no_time_gets_time_as_a_caption_cue_does(options):
    transcript = Transcript(meta=TranscriptMeta(duration_ms=20_000))
    ana, ben = transcript.ensure_speaker("Ana"), transcript.ensure_speaker("Ben")
    transcript.segments += [Segment("s1", 1000, 3000, "Morning all.", ana),
                            Segment("s2", 5000, 5000, "Quick one.", ben),
                            Segment("s3", 5400, 7000, "Go on.", ana),
                            Segment("s4", 9000, 9000, "Last.", ben)]
    segments = _segments(transcript, options)
    assert all(s["endTime"] > s["startTime"] for s in segments), segments
    assert all(a["endTime"] <= b["startTime"] for a, b in zip(segments, segments[1:], strict=False)), segments
    quick = [s for s in segments if s["body"] in ("Quick one.", "Quick", "one.")]
    assert quick[0]["startTime"] == 5.0 and quick[-1]["endTime"] == 5.4   # up to the next turn
    assert segments[-1]["startTime"] == 9.0 and segments[-1]["endTime"] == 10.0   # a second
