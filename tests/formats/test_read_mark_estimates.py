"""A mark in a turn given only its start is placed by where it sits in the turn's text.

Podcast-page transcripts give each turn a start and nothing else: the turn ends where the next
one starts, and there are no word times until alignment. A mark 40 % into the text is put 40 %
into the turn (by character share, as estimated words are spread), not at the turn's start;
once alignment gives word times, the mark takes the time of its words as before.
"""

from editor.core import ops, project
from editor.core.transcript import Mark, MarkKind, Segment, Word, WordTiming
from editor.core.words import marks_at_estimated_times
from editor.formats import read_text, writer
from editor.formats.base import ExportOptions, InaudibleStyle

_BEFORE = ("Right, so the first boat we took on was a little clinker dinghy that had sat behind the sail "
           "loft for nineteen long wet winters, and when we finally dragged it out into the light the "
           "transom was")
_AFTER = ("and half the ribs came away in our hands, so we spent the whole season steaming new oak, "
          "riveting copper nails one by one, arguing about the sheer line, sanding until our shoulders "
          "gave up, and then arguing again about whether the paint should be the old green or a new "
          "cream, which took longer than the planking did.")

PAGE = f"""Saltmarsh Boatworks - Episode 7

Episode Transcript

Speaker 1 00:00:05 Welcome to Saltmarsh Boatworks, where we talk about old hulls.

Speaker 2 00:01:02 {_BEFORE} <inaudible> {_AFTER}

Speaker 1 00:02:48 That is a lot of green paint.
"""

TURN_START, TURN_END = 62_000, 168_000   # the next turn's start ends it: 106 s


def _long_turn(page: str = PAGE) -> Segment:
    result = read_text(page, "episode.txt")
    assert result.format == "podcast-page"
    return result.transcript.segments[1]


def _share_of_turn(text: str, offset: int) -> int:
    """Where *offset* falls in the turn, by its share of the characters (each word and its space)."""
    return TURN_START + (TURN_END - TURN_START) * offset // (len(text) + 1)


def test_a_mark_in_a_start_only_turn_is_placed_by_its_share_of_the_text():
    turn = _long_turn()
    assert (turn.start_ms, turn.end_ms, turn.words) == (TURN_START, TURN_END, [])
    [mark] = turn.marks
    assert turn.text[mark.start:mark.end] == "[inaudible]"
    assert mark.time_ms == _share_of_turn(turn.text, mark.start)
    assert abs(mark.time_ms - 102_000) < 2_000          # about 00:01:42, not the turn's 00:01:02
    assert not turn.is_changed                          # as read: the recognizer's mark, not an edit


def test_rev_style_export_prints_the_estimated_time():
    transcript = read_text(PAGE, "episode.txt").transcript
    rev = ExportOptions(inaudible_style=InaudibleStyle.REV)
    text = writer("txt").write(transcript, rev)
    clock = _share_of_turn(transcript.segments[1].text, transcript.segments[1].marks[0].start) // 1000
    assert f"was [inaudible 00:01:{clock - 60:02d}] and half" in text
    assert "[inaudible 00:01:02]" not in text


def test_a_marks_own_time_is_kept():
    turn = _long_turn(PAGE.replace("<inaudible>", "[inaudible 00:01:30]"))
    assert [m.time_ms for m in turn.marks] == [90_000]


def test_every_kind_is_placed_and_a_mark_at_the_start_keeps_the_start():
    page = PAGE.replace("<inaudible>", "[crosstalk]").replace("Speaker 2 00:01:02 Right,", "Speaker 2 00:01:02 "
                                                                                              "(inaudible) Right,")
    turn = _long_turn(page)
    assert [(m.kind, m.time_ms) for m in turn.marks] == [
        (MarkKind.INAUDIBLE, TURN_START), (MarkKind.CROSSTALK, _share_of_turn(turn.text, turn.marks[1].start))]


def test_alignment_times_the_mark_by_its_words_and_a_guess_does_not():
    result = read_text(PAGE, "episode.txt")
    transcript, turn = result.transcript, result.transcript.segments[1]
    estimated = turn.marks[0].time_ms
    tokens = turn.text.split()
    at = tokens.index("[inaudible]")
    guessed = [Word(t, TURN_START + i * 100, TURN_START + i * 100 + 80) for i, t in enumerate(tokens)]
    ops.run(transcript, ops.set_word_times(transcript, 1, guessed, WordTiming.ESTIMATED))
    assert turn.marks[0].time_ms == estimated           # a guess by proportion does not move it
    heard = [Word(t, 70_000 + i * 500, 70_000 + i * 500 + 400) for i, t in enumerate(tokens)]
    ops.run(transcript, ops.set_word_times(transcript, 1, heard, WordTiming.ALIGNED))
    assert turn.marks[0].time_ms == heard[at].start_ms  # the time the aligner heard it at


def test_the_estimated_time_is_saved_and_read_back(tmp_path):
    transcript = read_text(PAGE, "episode.txt").transcript
    estimated = transcript.segments[1].marks[0].time_ms
    path = tmp_path / "episode.tep.json"
    project.save(transcript, path)
    assert project.load(path).transcript.segments[1].marks[0].time_ms == estimated


def test_untimed_turns_and_turns_with_no_end_fall_back_as_before():
    plain = read_text("We hauled the [inaudible] nets in at dawn.\n\nThen breakfast.\n", "notes.txt")
    assert [m.time_ms for m in plain.transcript.segments[0].marks] == [None]
    turn = _long_turn()
    [mark] = turn.marks
    no_end = Segment("s9", TURN_START, None, turn.text, marks=[Mark(MarkKind.INAUDIBLE, mark.start, mark.end)])
    assert [m.time_ms for m in marks_at_estimated_times(no_end)] == [TURN_START]
