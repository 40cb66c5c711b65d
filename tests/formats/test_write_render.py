"""Marks rendered per inaudible style, word pieces, and times for untimed segments."""

import pytest

from editor.core.transcript import Mark, MarkKind, Segment, Word
from editor.formats.base import InaudibleStyle
from editor.formats.writers.render import render_segment, render_text, segment_times, units

REV, PLAIN, OMIT = InaudibleStyle.REV, InaudibleStyle.PLAIN, InaudibleStyle.OMIT


def marked(text, token, kind=MarkKind.INAUDIBLE, time_ms=723_000, start_ms=700_000):
    at = text.index(token)
    return Segment("s1", start_ms, start_ms + 9000, text, marks=[Mark(kind, at, at + len(token), time_ms)])


@pytest.mark.parametrize("style, expected", [
    (REV, "The keel was [inaudible 00:12:03] by spring."),
    (PLAIN, "The keel was [inaudible] by spring."),
    (OMIT, "The keel was by spring."),
])
def test_inaudible_in_each_style(style, expected):
    assert render_segment(marked("The keel was [inaudible] by spring.", "[inaudible]"), style) == expected


def test_rev_time_falls_back_to_the_segment_start_then_to_plain():
    segment = marked("So [inaudible] then.", "[inaudible]", time_ms=None, start_ms=3_723_000)
    assert render_segment(segment, REV) == "So [inaudible 01:02:03] then."
    segment.start_ms = None
    assert render_segment(segment, REV) == "So [inaudible] then."


@pytest.mark.parametrize("style, expected", [
    (REV, "[crosstalk] Wait, how?"), (PLAIN, "[crosstalk] Wait, how?"), (OMIT, "Wait, how?")])
def test_crosstalk(style, expected):
    assert render_segment(marked("[crosstalk] Wait, how?", "[crosstalk]", MarkKind.CROSSTALK), style) == expected


@pytest.mark.parametrize("style, expected", [
    (REV, "It was [unclear 00:12:03: Marrowby oak] all along."),
    (PLAIN, "It was [unclear: Marrowby oak] all along."),
    (OMIT, "It was Marrowby oak all along."),  # the guess is speech: only the marker goes
])
def test_unclear_keeps_the_best_guess(style, expected):
    assert render_segment(marked("It was Marrowby oak all along.", "Marrowby oak", MarkKind.UNCLEAR), style) == expected


@pytest.mark.parametrize("text, token, expected", [
    ("[inaudible] and then we sailed.", "[inaudible]", "and then we sailed."),
    ("We sailed [inaudible].", "[inaudible]", "We sailed."),
    ("We sailed, [inaudible], and rowed.", "[inaudible]", "We sailed, and rowed."),
    ("[inaudible], and rowed.", "[inaudible]", "and rowed."),
    ("[inaudible]", "[inaudible]", ""),
    ("Then   [inaudible]   anyway.", "[inaudible]", "Then anyway."),
])
def test_omit_tidies_spaces_and_orphaned_commas(text, token, expected):
    assert render_segment(marked(text, token), OMIT) == expected


def test_several_marks_and_a_zero_width_mark():
    text = "Ahoy [inaudible] there [crosstalk] friend"
    marks = [Mark(MarkKind.INAUDIBLE, 5, 16, 1000), Mark(MarkKind.CROSSTALK, 23, 34, None),
             Mark(MarkKind.INAUDIBLE, len(text), len(text), 2000)]
    assert render_text(text, marks, PLAIN) == "Ahoy [inaudible] there [crosstalk] friend[inaudible]"
    assert render_text(text, marks, OMIT) == "Ahoy there friend"


def test_units_follow_word_times_and_join_a_mark_over_several_words():
    text = "It was Marrowby oak all along."
    words = [Word(t, 1000 * i, 1000 * i + 800) for i, t in enumerate(text.split())]
    segment = Segment("s1", 0, 6000, text, words=words, marks=[Mark(MarkKind.UNCLEAR, 7, 19, 2000)])
    pieces = units(segment, PLAIN)
    assert [(p.text, p.start_ms, p.end_ms) for p in pieces] == [
        ("It", 0, 800), ("was", 1000, 1800), ("[unclear: Marrowby oak]", 2000, 3800),
        ("all", 4000, 4800), ("along.", 5000, 5800)]


def test_units_drop_omitted_marks_and_leave_untimed_words_untimed():
    segment = marked("We [inaudible] rowed home.", "[inaudible]")
    assert [(p.text, p.start_ms) for p in units(segment, OMIT)] == [("We", None), ("rowed", None), ("home.", None)]


def test_untimed_segments_get_times_after_the_previous_one_and_are_never_dropped():
    segments = [Segment("s1", 0, 2000, "Timed."), Segment("s2", None, None, "Untimed, twenty chars"),
                Segment("s3", None, None, "Also untimed."), Segment("s4", 60_000, None, "Open end."),
                Segment("s5", None, None, "Tail.")]
    times = segment_times(segments)
    assert times[0] == (0, 2000)
    assert times[1][0] == 2000 and times[1][1] > 2000  # starts where the previous one ended
    assert times[2][0] == times[1][1]
    assert times[3] == (60_000, 60_000 + 1000)           # open end: reading time of its text
    assert times[4][0] == times[3][1]


def test_untimed_segments_squeeze_into_a_short_gap():
    segments = [Segment("s1", 0, 2000, "Timed."), Segment("s2", None, None, "x" * 200),
                Segment("s3", 2500, 3000, "Next.")]
    times = segment_times(segments)
    assert times[1] == (2000, 2500)
