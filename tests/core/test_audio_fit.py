"""What a transcript needs of its audio: one measure, for the window's warning and the project's self-check;
and word times found in the audio end a turn that claimed more of it."""

from editor.core import ops
from editor.core.audio_fit import PAST_END_MS, needed_ms, runs_past, turns_after
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming


def _transcript(last_end_ms, stated_ms=None, words=None, timing=WordTiming.NONE):
    turns = [Segment("t1", 0, 4_000, "The ketch left the slipway.", "a"),
             Segment("t2", 4_000, last_end_ms, "At dawn.", "a", words=words or [], word_timing=timing)]
    return Transcript(TranscriptMeta(duration_ms=stated_ms), {"a": Speaker("a", "Maya Ortiz")}, turns)


def test_a_stated_length_is_no_need_but_a_turns_own_end_is():
    assert needed_ms(_transcript(60_000, stated_ms=60_000)) == 4_000          # a page's length, given to its last turn
    assert needed_ms(_transcript(7_000)) == 7_000                             # a caption's own end


def test_heard_words_say_what_the_last_turn_needs_whatever_its_stated_end():
    heard = [Word("At", 4_200, 4_500), Word("dawn.", 4_500, 5_100)]
    assert needed_ms(_transcript(60_000, stated_ms=6_000, words=heard, timing=WordTiming.ALIGNED)) == 5_100
    assert not runs_past(_transcript(60_000, stated_ms=6_000, words=heard, timing=WordTiming.ALIGNED), 6_000)
    # estimated words only share out the stated span: they say nothing of the audio
    assert needed_ms(_transcript(60_000, stated_ms=6_000, words=heard, timing=WordTiming.ESTIMATED)) == 60_000


def test_the_tolerance_and_the_turns_that_start_after_the_audio():
    assert not runs_past(_transcript(7_000), 7_000 - PAST_END_MS)
    assert runs_past(_transcript(7_000), 7_000 - PAST_END_MS - 1)
    assert not runs_past(_transcript(7_000), 0)                  # the audio's length unknown
    assert turns_after(_transcript(7_000), 2_000) == 1 and turns_after(_transcript(7_000), 3_000) == 0


def test_word_times_found_in_the_audio_end_the_turn_with_it():
    transcript = _transcript(60_000, stated_ms=60_000)
    words = [Word("At", 4_200, 4_500), Word("dawn.", 4_500, 5_100)]
    undo = ops.run(transcript, ops.set_word_times(transcript, 1, words, WordTiming.ALIGNED, audio_ms=6_000))
    assert transcript.segments[1].end_ms == 6_000
    ops.run(transcript, undo)
    assert transcript.segments[1].end_ms == 60_000
    # without the audio's length, or for a turn starting after the audio ends, the end stays
    ops.run(transcript, ops.set_word_times(transcript, 1, words, WordTiming.ALIGNED))
    assert transcript.segments[1].end_ms == 60_000
    ops.run(transcript, ops.set_word_times(transcript, 1, words, WordTiming.ALIGNED, audio_ms=3_000))
    assert transcript.segments[1].end_ms == 60_000


def test_a_turn_starting_where_the_audio_ends_is_not_made_zero_length():
    # Clipped, it would publish as a segment that starts and ends at once (word-level JSON never
    # has one); like a turn starting after the audio, it keeps its times (a sign of the wrong audio).
    transcript = _transcript(60_000, stated_ms=60_000)
    words = [Word("At", None, None), Word("dawn.", None, None)]
    ops.run(transcript, ops.set_word_times(transcript, 1, words, WordTiming.ALIGNED, audio_ms=4_000))
    assert transcript.segments[1].end_ms == 60_000


def test_turns_after_the_audio_are_counted_wherever_they_stand():
    """Starts out of order (a hand-edited time, an edit since the file was read): every turn that
    starts past the audio counts, not only those at the end."""
    turns = [Segment("t1", 0, 4_000, "The ketch left.", "a"),
             Segment("t2", 90_000, 95_000, "A time typed wrong.", "a"),
             Segment("t3", 8_000, 12_000, "At dawn.", "a"),
             Segment("t4", None, None, "Untimed.", "a"),
             Segment("t5", 80_000, 85_000, "Later.", "a")]
    transcript = Transcript(TranscriptMeta(), {"a": Speaker("a", "Maya Ortiz")}, turns)
    assert turns_after(transcript, 20_000) == 2
    assert turns_after(transcript, 85_000) == 1
