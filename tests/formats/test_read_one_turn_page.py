"""A podcast-page transcript with a single turn ("Speaker 1 00:00:05 text") is read as a turn, its speaker
and time out of the words; ordinary plain text that starts with a name and a time stays plain text."""

from __future__ import annotations

import pytest

from editor.formats import read_text
from editor.formats.readers._build import SNIFF_CHARS


def _turns(result):
    return [(result.transcript.speaker_name(s.speaker_id), s.start_ms, s.text) for s in result.transcript.segments]


def test_a_single_generic_turn_is_a_turn():
    result = read_text("Speaker 1 00:00:05 hello there friends.\n")
    assert result.format == "podcast-page"
    assert _turns(result) == [("Speaker 1", 5000, "hello there friends.")]


def test_a_single_turn_under_the_page_title_is_a_turn():
    result = read_text("Episode 12: Harbour lights\n\nSpeaker 0 00:00:01 welcome aboard, everyone.\n")
    assert result.format == "podcast-page"
    assert _turns(result) == [("Speaker 0", 1000, "welcome aboard, everyone.")]


def test_a_single_turn_with_a_real_name_opening_the_text_is_a_turn():
    result = read_text("Maya Ortiz 00:00:05 Welcome to the show, everyone.\n")
    assert result.format == "podcast-page"
    assert _turns(result) == [("Maya Ortiz", 5000, "Welcome to the show, everyone.")]


def test_a_first_turn_longer_than_the_sniffed_head_still_reads_as_turns():
    first = "word " * (SNIFF_CHARS // 5 + 1000)
    result = read_text(f"Speaker 0 00:00:01 {first}Speaker 1 00:09:05 and that is all for today.\n")
    assert result.format == "podcast-page"
    turns = _turns(result)
    assert [(name, start) for name, start, _ in turns] == [("Speaker 0", 1000), ("Speaker 1", 545_000)]
    assert turns[1][2] == "and that is all for today."


@pytest.mark.parametrize("text", [
    "Maya Ortiz 10:30 arrived late, and the meeting began without her.\nWe talked for an hour.\n",
    "Monday 09:00:00 the doors open and the first guests arrive.\n",
    "Tom Reyes 01:15:00 into the race, the leaders broke away.\n",
    "The call began at 00:00:05 and ended an hour later.\n",
])
def test_plain_text_starting_with_a_name_and_a_time_stays_plain_text(text):
    result = read_text(text)
    assert result.format == "text"
    assert [s.text for s in result.transcript.segments] == [line for line in text.splitlines() if line]
