"""Find and replace in the core: options, scopes, marks, keep case, contexts and times."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from editor.core import ops
from editor.core.search import (
    FindOptions,
    ReplaceSpan,
    Scope,
    SearchError,
    find_all,
    find_next,
    find_places,
    match_case_of,
    places_after_edit,
    replace_all_spans,
    replacement_for,
    rows_to_search_again,
    word_index_at_offset,
)
from editor.core.transcript import Mark, MarkKind, ReviewStatus, Segment, Speaker, Transcript, Word


def _timed_words(text: str, start: int, step: int = 400) -> list[Word]:
    return [Word(tok, start + i * step, start + i * step + 300, 0.9) for i, tok in enumerate(text.split())]


@pytest.fixture()
def episode() -> Transcript:
    """An invented episode where the recognizer mangles the host "Rolf Brekke"."""
    t = Transcript(speakers={"a": Speaker("a", "Rolf Brekke"), "b": Speaker("b", "Odile Ambrose")})
    texts = [
        ("a", "Welcome back, I'm Rolf Breck and this is Harbour Talk."),
        ("b", "And I'm Odile Embrose. Rolf, breck is not a word [inaudible] breck again."),
        ("a", "BRECK in capitals, breckland is a place, and Breck's boat sank."),
        ("b", "No name here at all."),
    ]
    for i, (spk, text) in enumerate(texts):
        seg = Segment(f"s{i + 1}", i * 10_000, i * 10_000 + 9_000, text, spk)
        t.segments.append(seg)
    # Segment 1 has an inaudible token with a mark; segment 0 has timed words.
    seg1 = t.segments[1]
    start = seg1.text.index("[inaudible]")
    seg1.marks = [Mark(MarkKind.INAUDIBLE, start, start + len("[inaudible]"), 14_000)]
    t.segments[0].words = _timed_words(t.segments[0].text, 100)
    t.segments[2].status = ReviewStatus.APPROVED
    return t


def test_case_insensitive_by_default_finds_all_forms(episode):
    matches = find_all(episode, FindOptions("breck"))
    assert [(m.index, m.text) for m in matches] == [
        (0, "Breck"), (1, "breck"), (1, "breck"), (2, "BRECK"), (2, "breck"), (2, "Breck")]


def test_match_case(episode):
    matches = find_all(episode, FindOptions("Breck", match_case=True))
    texts = [s.text for s in episode.segments]
    assert [(m.index, m.start) for m in matches] == [(0, texts[0].index("Breck")),
                                                      (2, texts[2].index("Breck'"))]


def test_whole_word_skips_breckland_but_keeps_possessive(episode):
    matches = find_all(episode, FindOptions("breck", whole_word=True))
    texts = [episode.segments[m.index].text[m.start:m.end + 2] for m in matches]
    assert len(matches) == 5
    assert "breckl" not in [t.lower() for t in texts]
    assert any(t.startswith("Breck'") for t in texts)


def test_regex_with_groups_and_replacement(episode):
    opts = FindOptions(r"(Rolf),? (breck)", regex=True)
    spans = replace_all_spans(episode, opts, r"\1 Brekke")
    t0, t1 = episode.segments[0].text, episode.segments[1].text
    assert spans == [ReplaceSpan(0, t0.index("Rolf"), t0.index(" and"), "Rolf Brekke"),
                     ReplaceSpan(1, t1.index("Rolf"), t1.index(" is not"), "Rolf Brekke")]


def test_bad_regex_raises_search_error(episode):
    with pytest.raises(SearchError, match="Invalid regular expression"):
        find_all(episode, FindOptions("(unclosed", regex=True))


def test_marks_are_never_matched_unless_asked(episode):
    assert find_all(episode, FindOptions("inaudible")) == []
    assert find_all(episode, FindOptions("dible] bre")) == []  # straddles the mark edge
    found = find_all(episode, FindOptions("inaudible", include_marks=True))
    assert [(m.index, m.text) for m in found] == [(1, "inaudible")]
    # A search that stops after a few matches still skips those in a mark (and lists the next ones).
    every = [(m.index, m.start) for m in find_all(episode, FindOptions("i"), Scope.selection({1}))]
    assert [(m.index, m.start) for m in find_all(episode, FindOptions("i"), Scope.selection({1}), limit=4)] == every[:4]
    assert episode.segments[1].text.index("again") < every[3][1]


def test_scope_selection_speaker_unreviewed(episode):
    opts = FindOptions("breck", whole_word=True)
    assert {m.index for m in find_all(episode, opts, Scope.selection({1, 3, 99}))} == {1}
    assert {m.index for m in find_all(episode, opts, Scope.speaker("a"))} == {0, 2}
    assert {m.index for m in find_all(episode, opts, Scope.unreviewed())} == {0, 1}


def test_context_and_time(episode):
    first = find_all(episode, FindOptions("Breck"))[0]
    assert first.context[first.context_start:first.context_start + 5] == "Breck"
    assert "Rolf Breck and" in first.context
    # Segment 0 has timed words: "Breck" is the 5th token -> its own start time.
    assert first.time_ms == 100 + 4 * 400
    # Segment 1 has no word times: the segment start.
    second = find_all(episode, FindOptions("Embrose"))[0]
    assert second.time_ms == 10_000


def test_long_context_is_clipped_with_ellipses():
    seg = Segment("s1", 0, 1000, " ".join(f"filler{i}" for i in range(40)) + " Kofundo " +
                  " ".join(f"tail{i}" for i in range(40)))
    t = Transcript(segments=[seg])
    m = find_all(t, FindOptions("kofundo"))[0]
    assert m.context.startswith("…") and m.context.endswith("…")
    assert len(m.context) < 90
    assert m.context[m.context_start:m.context_start + 7] == "Kofundo"


def test_keep_case_replacement(episode):
    spans = replace_all_spans(episode, FindOptions("breck", whole_word=True, keep_case=True), "brekke")
    assert [s.replacement for s in spans] == ["Brekke", "brekke", "brekke", "BREKKE", "Brekke"]


@pytest.mark.parametrize("original, replacement, expected", [
    ("breck", "Brekke", "brekke"),
    ("BRECK", "Brekke", "BREKKE"),
    ("Breck", "mcBrekke", "McBrekke"),
    ("Breck", "McKay", "McKay"),
    ("bReck", "Brekke", "Brekke"),
    ("42", "x", "x"),
    ("A", "brekke", "Brekke"),
])
def test_match_case_of(original, replacement, expected):
    assert match_case_of(original, replacement) == expected


def test_replace_all_skips_identical_and_spans_apply_cleanly(episode):
    spans = replace_all_spans(episode, FindOptions("breck", whole_word=True), "Brekke")
    # Apply right to left per segment, the way ops.replace_spans must, and check the result.
    texts = [s.text for s in episode.segments]
    for span in sorted(spans, key=lambda s: (s.index, -s.start)):
        texts[span.index] = texts[span.index][:span.start] + span.replacement + texts[span.index][span.end:]
    assert texts[0] == "Welcome back, I'm Rolf Brekke and this is Harbour Talk."
    assert texts[1] == "And I'm Odile Embrose. Rolf, Brekke is not a word [inaudible] Brekke again."
    assert texts[2] == "Brekke in capitals, breckland is a place, and Brekke's boat sank."
    # Replacing with the same text produces nothing to do.
    assert replace_all_spans(episode, FindOptions("Breck", match_case=True), "Breck") == []


def test_replacement_for_one_match_and_stale_text(episode):
    opts = FindOptions("breck", keep_case=True)
    match = find_all(episode, opts)[3]
    assert replacement_for(episode, match, opts, "brekke") == ReplaceSpan(2, 0, 5, "BREKKE")
    episode.segments[2].text = "changed"
    with pytest.raises(SearchError):
        replacement_for(episode, match, opts, "brekke")


def test_find_next_forward_backward_and_wrap(episode):
    opts = FindOptions("breck", whole_word=True)
    nxt = find_next(episode, opts, Scope.all(), 0, 0)
    assert (nxt.index, nxt.text) == (0, "Breck")
    nxt = find_next(episode, opts, Scope.all(), nxt.index, nxt.end)
    assert nxt.index == 1
    last = find_next(episode, opts, Scope.all(), 3, 0, backwards=True)
    assert (last.index, last.text) == (2, "Breck")
    wrapped = find_next(episode, opts, Scope.all(), 3, 0)
    assert (wrapped.index, wrapped.start) == (0, episode.segments[0].text.index("Breck"))
    assert find_next(episode, opts, Scope.all(), 3, 0, wrap=False) is None


def test_empty_pattern_and_empty_regex_matches(episode):
    assert find_all(episode, FindOptions("")) == []
    assert replace_all_spans(episode, FindOptions("z*", regex=True), "q") == []


def test_limit_stops_early(episode):
    assert len(find_all(episode, FindOptions("breck"), limit=2)) == 2
    assert len(find_all(episode, FindOptions("breck"), limit=None)) == 6


@settings(max_examples=300, deadline=None)
@given(st.text(" \tab\n", max_size=30), st.integers(0, 32))
def test_word_index_at_offset_is_the_token_containing_or_after_the_offset(text, offset):
    import re
    offset = min(offset, len(text))
    tokens = [m.span() for m in re.finditer(r"\S+", text)]
    expected = next((number for number, (_, end) in enumerate(tokens) if end > offset), -1)
    assert word_index_at_offset(Segment("s1", 0, 1000, text), offset) == expected


# Letters that match an ASCII letter under re.IGNORECASE without being one (dotted and dotless i,
# long s, Kelvin sign), others beyond Latin-1 and beyond the first 65,536, characters whose UTF-16
# bytes hold "t", "h" and "e", and the separator the search joins turns with.
_ODD_TEXT = st.text(st.sampled_from(list("theTHEikKsS xyz,'_") + [
    "é", "É", "Ü", "ü", "ǆ", "Ǆ", "ǅ", "’", "İ", "ı", "ſ", "\u212a", "😀", "\u7461", "\u6800", "\u6500", "\0"]),
    max_size=14)


@settings(max_examples=400, deadline=None)
@example(["a \u7461\u6800\u6500\u0100 the"], "the", False, False)   # "the" in the bytes, one byte off
@example(["\u212aick", "é"], "ki", False, False)
@given(st.lists(_ODD_TEXT, min_size=1, max_size=5),
       st.sampled_from(["the", "he", "t", "THE", "e t", "ki", "s", "ǅ", "Ü", "é t"]), st.booleans(), st.booleans())
def test_a_plain_search_finds_what_a_regex_per_turn_finds(texts, pattern, match_case, whole_word):
    """However the turns are searched (joined, lowered, as UTF-16), a plain pattern matches where
    its regular expression matches in each turn on its own."""
    import re
    transcript = Transcript(segments=[Segment(f"s{i}", None, None, text) for i, text in enumerate(texts)])
    source = re.escape(pattern)
    if whole_word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    regex = re.compile(source, 0 if match_case else re.IGNORECASE)
    expected = [(i, *m.span()) for i, text in enumerate(texts) for m in regex.finditer(text)]
    options = FindOptions(pattern, match_case=match_case, whole_word=whole_word)
    assert [(m.index, m.start, m.end) for m in find_all(transcript, options)] == expected
    for limit in (1, 2, 5):
        assert [(m.index, m.start, m.end) for m in find_all(transcript, options, limit=limit)] == expected[:limit]
    rows: set[int] = set()
    spans = replace_all_spans(transcript, options, "thy", matched_rows=rows)
    assert [span[:3] for span in spans] == [place for place in expected if texts[place[0]][place[1]:place[2]] != "thy"]
    assert rows == {place[0] for place in expected}
    # What a search found, given to Replace all, makes the same spans (a search stopped early is not taken).
    for limit in (None, 1, 3):
        assert replace_all_spans(transcript, options, "thy", places=find_places(transcript, options, limit=limit)) \
            == spans


def _replaced_all(texts: list[str], options: FindOptions, replacement: str) -> tuple[Transcript, set[int]]:
    """A transcript of *texts* after Replace all, and the rows the search found something in."""
    t = Transcript(segments=[Segment(f"s{i}", i * 1000, i * 1000 + 900, text) for i, text in enumerate(texts)])
    matched: set[int] = set()
    spans = replace_all_spans(t, options, replacement, Scope(), matched)
    if spans:
        ops.run(t, ops.replace_spans(t, spans))
    return t, matched


def test_after_a_replace_that_cannot_make_the_pattern_again_no_row_is_searched():
    options = FindOptions("the")
    t, matched = _replaced_all(["the cat, THE hat", "Then there", "no match"], options, "thy")
    assert matched == {0, 1} and rows_to_search_again(t, options, "thy", matched) == set()
    assert find_all(t, options) == []


@pytest.mark.parametrize("replacement", ["xth", "e", "", "THE", "hethe", "thethy"])
def test_a_replacement_that_may_make_the_pattern_again_is_searched_again(replacement):
    options = FindOptions("the")
    t, matched = _replaced_all(["the cat, THE hat", "Then there"], options, replacement)
    assert rows_to_search_again(t, options, replacement, matched) == matched


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text("abAB ", max_size=12), min_size=1, max_size=3),
       pattern=st.text("abAB", min_size=1, max_size=3), replacement=st.text("abAB", max_size=3),
       match_case=st.booleans())
@example(texts=["abab"], pattern="ab", replacement="b", match_case=False)
def test_what_is_left_after_replace_all_is_in_the_rows_searched_again(texts, pattern, replacement, match_case):
    options = FindOptions(pattern, match_case=match_case)
    t, matched = _replaced_all(texts, options, replacement)
    left = {match.index for match in find_all(t, options)}
    assert left <= rows_to_search_again(t, options, replacement, matched)


def test_rows_with_marks_are_searched_again():
    t = Transcript(segments=[Segment("s0", 0, 900, "the [inaudible] the")])
    t.segments[0].marks = [Mark(MarkKind.INAUDIBLE, 4, 15)]
    options = FindOptions("the")
    assert rows_to_search_again(t, options, "thy", {0}) == {0}


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text("abAB ", max_size=12), min_size=1, max_size=5),
       edits=st.lists(st.tuples(st.integers(0, 4), st.text("abAB ", max_size=12)), max_size=3),
       pattern=st.text("abAB", min_size=1, max_size=3), match_case=st.booleans(),
       scope=st.sampled_from([Scope.all(), Scope.selection({0, 2, 3}), Scope.speaker("b"), Scope.unreviewed()]))
def test_after_an_edit_searching_only_the_changed_rows_finds_what_searching_all_finds(texts, edits, pattern,
                                                                                       match_case, scope):
    """The find list refreshed after an edit (an undo of Replace all, a typed word) searches the
    changed rows alone and keeps the rest of what it found: the same places as a new search."""
    t = Transcript(speakers={"a": Speaker("a", "Rolf Brekke"), "b": Speaker("b", "Odile Ambrose")},
                   segments=[Segment(f"s{i}", i * 1000, i * 1000 + 900, text, "ab"[i % 2],
                                     status=ReviewStatus.APPROVED if i == 1 else ReviewStatus.UNREVIEWED)
                             for i, text in enumerate(texts)])
    options = FindOptions(pattern, match_case=match_case)
    before = find_places(t, options, scope)
    changed = set()
    for row, text in edits:
        if row < len(texts):
            ops.run(t, ops.set_text(t, row, text))
            changed.add(row)
    after = places_after_edit(t, options, scope, before, changed)
    assert after == find_places(t, options, scope)
    listed = after.listing(t)
    assert list(listed) == find_all(t, options, scope, timed=False) == listed


def test_a_search_stopped_at_a_limit_or_a_regex_is_searched_again_whole(episode):
    options = FindOptions("breck")
    stopped = find_places(episode, options, limit=1)
    assert not stopped.complete and places_after_edit(episode, options, Scope(), stopped, {0}) is None
    whole = find_places(episode, options)
    assert places_after_edit(episode, FindOptions("br.ck", regex=True), Scope(), whole, {0}) is None
    assert places_after_edit(episode, options, Scope(), whole, {0}, limit=2) is None    # more than the limit
