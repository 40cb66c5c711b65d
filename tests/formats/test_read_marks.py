"""Inaudible / crosstalk / unclear markers in every spelling -> canonical tokens and marks."""

import pytest

from editor.core import MarkKind, Word
from editor.formats.marks import extract_marks, has_marker, marker_kind, marks_from_words


@pytest.mark.parametrize("raw, kind, time_ms", [
    ("<inaudible>", MarkKind.INAUDIBLE, 500),
    ("[inaudible]", MarkKind.INAUDIBLE, 500),
    ("[Inaudible 00:12:03]", MarkKind.INAUDIBLE, 723000),
    ("[inaudible at 12:03]", MarkKind.INAUDIBLE, 723000),
    ("(inaudible)", MarkKind.INAUDIBLE, 500),
    ("{Inaudible}", MarkKind.INAUDIBLE, 500),
    ("[unintelligible]", MarkKind.INAUDIBLE, 500),
    ("[unintelligible 00:02:12]", MarkKind.INAUDIBLE, 132000),
    ("[indiscernible]", MarkKind.INAUDIBLE, 500),
    ("[unclear]", MarkKind.INAUDIBLE, 500),
    ("[crosstalk]", MarkKind.CROSSTALK, 500),
    ("[cross-talk 01:00:00]", MarkKind.CROSSTALK, 3600000),
    ("(overlapping speech)", MarkKind.CROSSTALK, 500),
])
def test_spellings_become_canonical_tokens(raw, kind, time_ms):
    text, marks = extract_marks(f"so it was {raw}, then", 500)
    assert text == f"so it was {kind.token}, then"
    assert marks == [marks[0].__class__(kind, 10, 10 + len(kind.token), time_ms)]


def test_unclear_guesses_keep_the_words_under_the_mark():
    text, marks = extract_marks("ask [unclear: Brannagh Quay] or [Esk?] today", 0)
    assert text == "ask Brannagh Quay or Esk today"
    assert [(m.kind, text[m.start:m.end]) for m in marks] == [(MarkKind.UNCLEAR, "Brannagh Quay"),
                                                              (MarkKind.UNCLEAR, "Esk")]


@pytest.mark.parametrize("plain", [
    "a question (why not?) in prose", "[laughs] and [music]", "(inaudible]", "<b>bold</b>", "no brackets",
    "[a very long bracketed aside that goes on and on with many words?]",
])
def test_other_brackets_are_left_alone(plain):
    assert extract_marks(plain, 0) == (plain, [])
    assert not has_marker(plain)


def test_default_time_none_for_untimed_text():
    assert extract_marks("[inaudible]", None)[1][0].time_ms is None


def test_word_lists_with_markers_spanning_tokens():
    tokens = ["so", "[inaudible", "00:00:12]", "and", "[crosstalk],", "[unclear:", "big", "hull]", "yes"]
    words = [Word(t, i * 100, i * 100 + 50, 0.9) for i, t in enumerate(tokens)]
    text, out, marks = marks_from_words(words)
    assert text == "so [inaudible] and [crosstalk], big hull yes"
    assert [w.text for w in out] == text.split()
    assert (out[1].start_ms, out[1].end_ms) == (100, 250)  # two tokens merged into one word
    assert [(m.kind, text[m.start:m.end], m.time_ms) for m in marks] == [
        (MarkKind.INAUDIBLE, "[inaudible]", 12000), (MarkKind.CROSSTALK, "[crosstalk]", 400),
        (MarkKind.UNCLEAR, "big hull", 500)]
    assert [(w.start_ms) for w in out[4:6]] == [600, 700]  # the guess keeps its words' times


def test_word_lists_without_markers_are_returned_as_is():
    words = [Word("plain", 0, 10), Word("(words)", 10, 20)]
    text, out, marks = marks_from_words(words)
    assert (text, out, marks) == ("plain (words)", words, [])


@pytest.mark.parametrize("token, kind", [
    ("[inaudible]", MarkKind.INAUDIBLE), ("<inaudible>,", MarkKind.INAUDIBLE), ("[crosstalk].", MarkKind.CROSSTALK),
    ("[Esk?]", MarkKind.UNCLEAR), ("word", None), ("[laughs]", None), ("(why?)", None), ("", None),
])
def test_marker_kind_of_one_token(token, kind):
    assert marker_kind(token) is kind
