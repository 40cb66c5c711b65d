"""The least-cost caption layout used for published captions (editor.formats.writers.caption_layout)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.formats.writers.caption_layout import lay_out_run
from editor.formats.writers.render import Unit


def units(text):
    return [Unit(word, 0, 0) for word in text.split()]


def texts(cues):
    return [[" ".join(u.text for u in line) for line in cue] for cue in cues]


def test_no_cue_ends_in_a_dangling_line_where_a_better_break_fits():
    cues = texts(lay_out_run(units("We counted every one of the old lenses twice."), 32, 2))
    assert len(cues) == 1 and len(cues[0][1].split()) >= 3


def test_a_run_does_not_end_in_a_card_of_one_or_two_spilled_words():
    run = "one two three four five six seven eight nine ten eleven thirteen fourteen"
    cues = texts(lay_out_run(units(run), 32, 2))
    assert all(len(" ".join(cue).split()) >= 3 for cue in cues)
    assert " ".join(" ".join(cue) for cue in cues) == run


def test_lines_break_after_clauses_when_one_is_near():
    run = "When the lens came back, we cleaned every prism by hand and nobody complained about it."
    with_clauses = texts(lay_out_run(units(run), 32, 2))
    assert with_clauses[0][0] == "When the lens came back,"
    without = texts(lay_out_run(units(run), 32, 2, prefer_clauses=False))
    assert without[0][0] != "When the lens came back,"


def test_a_whole_short_sentence_may_stand_alone_but_the_name_is_no_clause_end():
    cues = texts(lay_out_run(units("Maya: Right. So the crates came in February, all eleven of them at once."),
                             32, 2, no_break_after=frozenset({0})))
    assert cues[0][0].startswith("Maya: Right.")


def test_a_word_longer_than_a_line_gets_a_line_of_its_own():
    long = "x" * 40
    cues = texts(lay_out_run(units(f"a {long} b c d"), 32, 2))
    assert [long] in [[line] for cue in cues for line in cue if long in line]


@given(st.lists(st.text("abcdefghij,.", min_size=1, max_size=14), min_size=1, max_size=60),
       st.integers(8, 70), st.integers(1, 3))
@settings(max_examples=150, deadline=None)
def test_any_run_keeps_its_words_in_order_within_the_limits(words, max_chars, max_lines):
    run = [Unit(w, 0, 0) for w in words]
    cues = lay_out_run(run, max_chars, max_lines)
    assert [u for cue in cues for line in cue for u in line] == run
    for cue in cues:
        assert 1 <= len(cue) <= max_lines
        for line in cue:
            assert line and (len(" ".join(u.text for u in line)) <= max_chars or len(line) == 1)
