"""The Publish dialog's and `publish`'s sentences read right for the only turn, the first turn, one turn and many."""

from editor.core.transcript import ReviewStatus, Segment, Transcript
from editor.publish import check


def untimed(*texts: str, timed_from: int | None = None) -> Transcript:
    """Turns with no time and no speaker; from row *timed_from* on they start every 5 s."""
    transcript = Transcript()
    for row, text in enumerate(texts):
        start = None if timed_from is None or row < timed_from else row * 5000
        transcript.segments.append(Segment(f"s{row + 1}", start, None if start is None else start + 4000, text,
                                           status=ReviewStatus.APPROVED))
    return transcript


def test_the_only_turn_is_named_with_its_number_and_time_in_a_sentence_that_goes_after_note():
    # "note: The turn has no speaker" said neither which turn nor where, with a capital mid-sentence.
    transcript = untimed("Un seul paragraphe, sans heure ni orateur.")
    found = check(transcript)
    assert found.problems(transcript) == ["the only turn has no time (turn 1); it is timed from the start by the "
                                          "length of its text"]
    assert found.notes(transcript) == ["the only turn has no speaker (turn 1); its captions name nobody"]
    timed = untimed("One speaker-less turn at ten seconds.", timed_from=0)
    timed.segments[0].start_ms, timed.segments[0].end_ms = 10_000, 14_000
    found = check(timed)
    assert found.notes(timed) == ["the only turn has no speaker (turn 1 at 00:00:10); its captions name nobody"]
    assert found.problems(timed) == ["the only turn has no word times (turn 1 at 00:00:10); captions and word "
                                     "highlighting share the turn's time out by length (compute word timings first)"]


def test_one_untimed_first_turn_among_many_is_timed_from_the_start():
    transcript = untimed("An untimed opening.", "Then a timed turn.", "And another.", timed_from=1)
    found = check(transcript)
    assert found.problems(transcript)[0] == ("1 of 3 turns has no time (turn 1); "
                                             "it is timed from the start by the length of its text")
    assert found.notes(transcript) == ["3 of 3 turns have no speaker (first: turn 1); their captions name nobody"]


def test_many_untimed_turns_starting_at_the_top_or_after_a_timed_one():
    from_top = untimed("One.", "Two.", "Three.")
    assert check(from_top).problems(from_top) == [
        "3 of 3 turns have no time (first: turn 1); they are timed by the length of their text, "
        "from the start or after the turn before them"]
    later = untimed("One.", "Two.", "Three.", timed_from=0)
    later.segments[1].start_ms = later.segments[1].end_ms = None
    later.segments[2].start_ms = later.segments[2].end_ms = None
    assert check(later).problems(later)[0] == ("2 of 3 turns have no time (first: turn 2); "
                                               "they are placed after the turn before them")
