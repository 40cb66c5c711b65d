"""Words typed at the end of a turn take the silence after it, not the time of words already aligned."""

from editor.core import ops
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming


def _episode(next_start_ms: int | None) -> Transcript:
    # Sixteen aligned words whose last one runs past the turn's end (152000), as alignment leaves them.
    said = "That is all we have time for this week so thanks to you and thanks everyone."
    tokens = said.split(" ")
    words = [Word(token, 147_700 + 300 * n, 147_700 + 300 * n + 250, 0.9) for n, token in enumerate(tokens)]
    words[-1] = Word(words[-1].text, 151_843, 152_473, 0.9)
    turns = [Segment("s1", 147_700, 152_000, " ".join(tokens), "a", words=words, word_timing=WordTiming.ALIGNED)]
    if next_start_ms is not None:
        turns.append(Segment("s2", next_start_ms, next_start_ms + 3_000, "Bye now.", "a",
                             words=[Word("Bye", next_start_ms, next_start_ms + 400, 0.9),
                                    Word("now.", next_start_ms + 450, next_start_ms + 900, 0.9)],
                             word_timing=WordTiming.ALIGNED))
    return Transcript(TranscriptMeta(duration_ms=160_000), {"a": Speaker("a", "Maya")}, turns)


def _type(transcript: Transcript, text: str) -> list[Word]:
    ops.run(transcript, ops.set_text(transcript, 0, transcript.segments[0].text + text))
    return transcript.segments[0].words


def test_typing_after_the_last_turn_keeps_every_aligned_word():
    transcript = _episode(None)
    before = list(transcript.segments[0].words)
    words = _type(transcript, " today")
    assert words[:16] == before                      # "everyone." stays at 151843
    assert words[16].text == "today" and 152_473 <= words[16].start_ms < words[16].end_ms <= 160_000


def test_five_words_typed_move_none_of_the_sixteen():
    transcript = _episode(None)
    before = list(transcript.segments[0].words)
    words = _type(transcript, " and see you all next week")
    assert words[:16] == before
    added = words[16:]
    assert len(added) == 6 and all(w.end_ms > w.start_ms >= 152_473 for w in added)


def test_the_words_typed_stop_at_the_next_turns_start():
    transcript = _episode(152_900)
    before = list(transcript.segments[0].words)
    words = _type(transcript, " and see you")
    assert words[:16] == before
    assert all(152_473 <= w.start_ms < w.end_ms <= 152_900 for w in words[16:])


def test_with_no_room_after_them_the_neighbours_share_their_time():
    transcript = _episode(152_473)                  # the next turn starts where the last word ends
    words = _type(transcript, " today")
    assert words[-1].text == "today" and words[-1].end_ms - words[-1].start_ms >= 80
    assert words[-1].end_ms <= 152_473


def test_the_words_typed_stop_at_the_next_timed_turn_past_untimed_ones():
    transcript = _episode(152_900)
    for n in range(4):                              # turns not timed yet between the two
        transcript.segments.insert(1, Segment(f"u{n}", None, None, "Hm.", "a"))
    words = _type(transcript, " and see you all next week")
    assert all(w.end_ms <= 152_900 for w in words)


def test_with_the_audios_length_unknown_the_words_typed_stay_in_the_turns_time():
    transcript = _episode(None)
    transcript.meta.duration_ms = None
    words = _type(transcript, " and see you all next week")
    assert all(w.end_ms <= 152_473 for w in words)
