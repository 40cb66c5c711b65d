"""Otter and Rev-style transcripts whose first turn is long, or which hold a single turn.

Detection looks at the head of a file; a monologue can push the second turn header far past it,
and a solo episode has only one. Such files must still be read with their speakers and times,
while prose that merely opens with a name and a time stays plain text.
"""

from __future__ import annotations

from editor.formats import read_text


def _words(count: int) -> str:
    return " ".join(f"word{n}" for n in range(count))


def _rows(result):
    t = result.transcript
    return [(s.start_ms, t.speaker_name(s.speaker_id)) for s in t.segments]


def test_otter_file_whose_first_turn_runs_past_the_head_keeps_speakers_and_times():
    text = f"Maya Ortiz  0:00  \n{_words(20_000)}\n\nDesmond Lee  0:30  \nShort.\n"
    result = read_text(text, "episode.txt")
    assert result.format == "otter"
    assert _rows(result) == [(0, "Maya Ortiz"), (30_000, "Desmond Lee")]
    assert result.transcript.segments[0].text.endswith("word19999")


def test_rev_file_whose_first_turn_runs_past_the_head_keeps_speakers_and_times():
    text = f"Maya Ortiz (00:00):\n{_words(12_000)}\n\nDesmond Lee (00:30):\nShort.\n"
    result = read_text(text, "episode.txt")
    assert result.format == "rev"
    assert _rows(result) == [(0, "Maya Ortiz"), (30_000, "Desmond Lee")]


def test_solo_episodes_with_a_single_header_are_otter_and_rev_not_plain_text():
    otter = read_text(f"Maya Ortiz  0:00  \n{_words(80)}\n", "solo.txt")
    assert otter.format == "otter" and _rows(otter) == [(0, "Maya Ortiz")]
    assert otter.transcript.segments[0].text.startswith("word0 ")   # the header is not spoken text
    rev = read_text(f"Maya Ortiz (00:00):\n{_words(80)}\n", "solo.txt")
    assert rev.format == "rev" and _rows(rev) == [(0, "Maya Ortiz")]
    assert rev.transcript.segments[0].text.startswith("word0 ")


def test_a_single_header_after_a_title_line_is_still_a_transcript():
    result = read_text(f"Harbour Lights Episode 12\n\nMaya Ortiz  0:00  \n{_words(20_000)}\n", "solo.txt")
    assert result.format == "otter" and _rows(result) == [(0, "Maya Ortiz")]
    assert result.transcript.meta.title == "Harbour Lights Episode 12"


def test_prose_opening_with_a_name_and_a_time_stays_plain_text():
    body = _words(20_000)
    for opening in ("Monday 9:30", "Notes from the call  10:30", "the meeting (10:00): who came"):
        result = read_text(f"{opening}\n{body}\n", "notes.txt")
        assert result.format == "text", opening
