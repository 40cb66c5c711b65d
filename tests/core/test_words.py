"""Words and marks following text edits: tokens, estimates, realignment, mark shifting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.transcript import Mark, MarkKind, Segment, Word
from editor.core.words import (
    MIN_NEW_WORD_MS,
    common_affixes,
    estimate_words,
    map_marks,
    realign,
    realign_replaced,
    shift_marks,
    spread,
    text_edit,
    token_opcodes,
    tokenize,
    word_spans,
)


def timed_words(text: str, start: int = 1000, step: int = 400, length: int = 300) -> list[Word]:
    return [Word(token, start + i * step, start + i * step + length, 0.5 + i / 100)
            for i, token in enumerate(text.split())]


# ---------------------------------------------------------------------- tokens
def test_tokenize_gives_character_spans_of_each_token():
    text = "  gull  wing\tkeel\nrope "
    spans = tokenize(text)
    assert [text[a:b] for a, b in spans] == ["gull", "wing", "keel", "rope"]
    assert spans[0] == (2, 6)


def test_word_spans_follow_words_even_when_the_list_is_stale():
    segment = Segment("s1", 0, 1000, "cedar plank, oak plank", words=timed_words("cedar plank, oak plank"))
    assert word_spans(segment) == [(0, 5), (6, 12), (13, 16), (17, 22)]
    stale = Segment("s2", 0, 1000, "cedar oak plank", words=timed_words("cedar plank"))
    assert word_spans(stale) == [(0, 5), (10, 15)]


# ---------------------------------------------------------------------- estimates
def test_estimate_words_shares_time_by_characters():
    segment = Segment("s1", 10_000, 12_000, "a harbourmaster")
    words = estimate_words(segment)
    assert [w.text for w in words] == ["a", "harbourmaster"]
    assert words[0].start_ms == 10_000 and words[-1].end_ms == 12_000
    assert words[0].end_ms == words[1].start_ms
    # "a " is 2 of 16 weighted characters.
    assert words[0].end_ms == 10_000 + 2000 * 2 // 16


def test_estimate_words_uses_the_given_end_when_the_segment_has_none():
    segment = Segment("s1", 5000, None, "tide turns")
    assert estimate_words(segment)[0].start_ms is None
    words = estimate_words(segment, end_ms=6000)
    assert words[0].start_ms == 5000 and words[-1].end_ms == 6000


def test_spread_handles_reversed_bounds_without_going_backwards():
    words = spread(["mast", "sail"], 500, 400)
    assert all(w.start_ms == 500 and w.end_ms == 500 for w in words)


# ---------------------------------------------------------------------- realign
def test_realign_keeps_unchanged_words_exactly():
    old = timed_words("we caulked the hull all winter long")
    new = realign(old, "we caulked the cedar hull all summer long", 1000, 4000)
    assert [w.text for w in new] == ["we", "caulked", "the", "cedar", "hull", "all", "summer", "long"]
    for word in (new[0], new[1], new[2], new[4], new[5], new[7]):
        match = next(o for o in old if o.text == word.text and o.start_ms == word.start_ms)
        assert (word.end_ms, word.confidence) == (match.end_ms, match.confidence)
    assert new is not old  # a new list: undo can keep the old one as it is


def test_realign_replaced_word_takes_the_old_words_time():
    old = timed_words("we caulked the hull all winter long")
    new = realign(old, "we caulked the hull all summer long", 1000, 4000)
    assert (new[5].start_ms, new[5].end_ms) == (old[5].start_ms, old[5].end_ms)
    assert new[5].confidence is None


def test_realign_inserted_words_fall_between_their_neighbours():
    old = timed_words("quiet morning tide")   # 100 ms between words
    new = realign(old, "quiet early morning tide", 1000, 2500)
    assert old[0].end_ms <= new[1].start_ms < new[1].end_ms <= old[1].start_ms
    assert new[0] is old[0] and new[2:] == old[1:]


def test_realign_words_typed_where_there_is_no_room_take_it_from_their_neighbours():
    old = timed_words("quiet morning tide")
    new = realign(old, "quiet early grey morning tide", 1000, 2500)
    times = [t for w in new for t in (w.start_ms, w.end_ms)]
    assert times == sorted(times)
    assert new[2].end_ms - new[1].start_ms >= 2 * MIN_NEW_WORD_MS
    assert all(w.end_ms > w.start_ms for w in new)
    assert new[4] is old[2]                                       # only as many neighbours as needed
    assert new[0] is old[0] and (new[3].end_ms, new[3].confidence) == (old[1].end_ms, old[1].confidence)


def test_realign_words_typed_after_a_turns_last_word_are_never_zero_length():
    old = [Word("retired", 400, 900), Word("professor", 900, 1500)]   # touching, the last ends the turn
    for text in ("retired professor one two three", "retired and very well known professor"):
        new = realign(old, text, 400, 1500)
        assert all(w.end_ms > w.start_ms for w in new), new
        assert (new[0].start_ms, new[-1].end_ms) == (400, 1500)


def test_realign_uses_segment_bounds_at_the_ends():
    old = timed_words("middle words")  # 1000-1300, 1400-1700
    new = realign(old, "first middle words last", 500, 2500)
    assert (new[0].start_ms, new[0].end_ms) == (500, 1000)
    assert (new[-1].start_ms, new[-1].end_ms) == (1700, 2500)


def test_realign_drops_deleted_words_and_handles_empty_text():
    old = timed_words("oak and ash and elm")
    new = realign(old, "oak elm", 1000, 3000)
    assert [(w.text, w.start_ms) for w in new] == [("oak", 1000), ("elm", 2600)]
    assert realign(old, "   ", 1000, 3000) == []


def test_realign_without_old_words_spreads_over_the_segment():
    new = realign([], "one two", 0, 800)
    assert [(w.start_ms, w.end_ms) for w in new] == [(0, 400), (400, 800)]


def test_realign_of_untimed_words_stays_untimed():
    old = [Word("plain"), Word("text")]
    new = realign(old, "plain new text", None, None)
    assert [w.start_ms for w in new] == [None, None, None]


def test_token_opcodes_with_repeated_words():
    old = ["the", "boat", "the", "boat", "the", "boat"]
    new = ["the", "boat", "the", "ship", "the", "boat"]
    ops = token_opcodes(old, new)
    assert [op for op in ops if op[0] != "equal"] == [("replace", 3, 4, 3, 4)]


tokens = st.lists(st.sampled_from(["oak", "elm", "ash", "the", "a", "of,", "mast", "sail"]), max_size=25)


@settings(max_examples=200, deadline=None)
@given(tokens, tokens)
def test_token_opcodes_rebuild_the_new_list(old, new):
    rebuilt = []
    for tag, i1, i2, j1, j2 in token_opcodes(old, new):
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]
            rebuilt += old[i1:i2]
        else:
            rebuilt += new[j1:j2]
    assert rebuilt == new


@settings(max_examples=200, deadline=None)
@given(tokens, tokens)
def test_realign_times_stay_ordered_and_inside_the_segment(old_tokens, new_tokens):
    old = timed_words(" ".join(old_tokens), start=1000)
    end = 1000 + 400 * len(old_tokens) + 500
    new = realign(old, " ".join(new_tokens), 1000, end)
    assert [w.text for w in new] == new_tokens
    times = [t for w in new for t in (w.start_ms, w.end_ms)]
    assert times == sorted(times)
    assert all(1000 <= t <= end for t in times)


def _replaced(text: str, old: str, new: str) -> tuple[str, list[tuple[int, int, str]]]:
    """*text* with every *old* replaced by *new*, and the replacements as ``(start, end, new)``."""
    items, at = [], text.find(old)
    while at >= 0:
        items.append((at, at + len(old), new))
        at = text.find(old, at + len(old))
    return text.replace(old, new), items


def test_realign_replaced_retimes_only_the_words_replaced_inside():
    text = "the boat bathe ship the"
    old = timed_words(text)
    new_text, items = _replaced(text, "the", "thy")
    new = realign_replaced(old, text, new_text, items, 1000, 3000)
    assert [w.text for w in new] == new_text.split()
    assert new[1] is old[1] and new[3] is old[3]                    # untouched words are shared
    assert [(w.start_ms, w.end_ms) for w in new] == [(w.start_ms, w.end_ms) for w in old]
    assert new == realign(old, new_text, 1000, 3000)


def test_realign_replaced_keeps_the_time_of_the_word_replaced_among_repeats():
    # A diff pairs the kept "bathe" with the first one; the replacement says which one changed.
    text = "x bathe bathe y"
    old = timed_words(text)
    new = realign_replaced(old, text, "x baΩ bathe y", [(4, 7, "Ω")], 1000, 3000)
    assert new[2] is old[2]
    assert (new[1].text, new[1].start_ms, new[1].end_ms) == ("baΩ", old[1].start_ms, old[1].end_ms)


def test_realign_replaced_falls_back_to_the_diff_when_words_split_or_go():
    text = "the boat the ship"
    old = timed_words(text)
    for new_word in ("t he", ""):
        new_text, items = _replaced(text, "the", new_word)
        assert realign_replaced(old, text, new_text, items, 1000, 3000) == realign(old, new_text, 1000, 3000)


@settings(max_examples=200, deadline=None)
@given(tokens, st.sampled_from(["a", "the", "of", "s"]), st.sampled_from(["Ω", "ΩΩ", "", " ", "Ω Ω"]))
def test_realign_replaced_agrees_with_realign_when_the_new_words_are_new(old_tokens, find, replacement):
    text = " ".join(old_tokens)
    old = timed_words(text)
    end = 1000 + 400 * len(old_tokens) + 500
    new_text, items = _replaced(text, find, replacement)
    new = realign_replaced(old, text, new_text, items, 1000, end)
    assert [w.text for w in new] == new_text.split()
    if "Ω" in replacement or not items:   # words no diff can pair with another: both agree
        assert new == realign(old, new_text, 1000, end)


@settings(max_examples=200, deadline=None)
@given(st.text("ab ", max_size=30), st.text("ab ", max_size=30))
def test_common_affixes_are_common_and_do_not_overlap(a, b):
    prefix, suffix = common_affixes(a, b)
    assert a[:prefix] == b[:prefix]
    assert a[len(a) - suffix:] == b[len(b) - suffix:]
    assert prefix + suffix <= min(len(a), len(b))
    edit = text_edit(a, b)
    if edit is not None:
        start, end, new_len = edit
        assert a[:start] + b[start:start + new_len] + a[end:] == b


# ---------------------------------------------------------------------- marks
TEXT = "and then [inaudible] we sailed"
MARK = Mark(MarkKind.INAUDIBLE, 9, 20, 61_000)


def covered(text: str, marks: list[Mark]) -> list[str]:
    return [text[m.start:m.end] for m in marks]


def test_marks_shift_when_text_before_them_changes():
    new = "and only then [inaudible] we sailed"
    moved = shift_marks([MARK], TEXT, new)
    assert covered(new, moved) == ["[inaudible]"] and moved[0].time_ms == 61_000


def test_marks_stay_when_text_after_them_changes():
    new = TEXT + " home"
    assert shift_marks([MARK], TEXT, new) == [MARK]


def test_typing_right_next_to_a_mark_stays_outside_it():
    before = map_marks([MARK], [(9, 9, 2)])     # typed at the mark's start
    after = map_marks([MARK], [(20, 20, 2)])    # typed at its end
    assert (before[0].start, before[0].end) == (11, 22)
    assert (after[0].start, after[0].end) == (9, 20)


def test_editing_inside_a_mark_stretches_it():
    new = "and then [inaudible bit] we sailed"
    assert covered(new, shift_marks([MARK], TEXT, new)) == ["[inaudible bit]"]


def test_a_mark_whose_text_is_deleted_disappears():
    assert shift_marks([MARK], TEXT, "and then we sailed") == []
    assert map_marks([MARK], [(5, 25, 3)]) == []


def test_a_mark_partly_deleted_keeps_what_remains():
    unclear = Mark(MarkKind.UNCLEAR, 9, 20, 5)
    moved = map_marks([unclear], [(4, 12, 0)])  # deletes "then [in"
    assert (moved[0].start, moved[0].end) == (4, 12)
    moved = map_marks([unclear], [(15, 25, 1)])  # replaces "dible] we " by one char
    assert (moved[0].start, moved[0].end) == (9, 15)


def test_map_marks_through_several_edits():
    # text = "ab [inaudible] cd [crosstalk] ef"
    marks = [Mark(MarkKind.INAUDIBLE, 3, 14), Mark(MarkKind.CROSSTALK, 18, 29)]
    edits = [(0, 2, 4), (15, 17, 0), (30, 32, 2)]  # ab->ABAB, cd->"", ef->EF
    new = "ABAB [inaudible]  [crosstalk] EF"
    assert covered(new, map_marks(marks, edits)) == ["[inaudible]", "[crosstalk]"]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(TEXT)), st.integers(0, len(TEXT)), st.text("xy ", max_size=5))
def test_edits_away_from_a_mark_keep_its_covered_text(a, b, typed):
    a, b = min(a, b), max(a, b)
    new = TEXT[:a] + typed + TEXT[b:]
    moved = map_marks([MARK], [(a, b, len(typed))])
    if b <= MARK.start or a >= MARK.end:
        assert covered(new, moved) == ["[inaudible]"]
    for mark in moved:
        assert 0 <= mark.start < mark.end <= len(new)
