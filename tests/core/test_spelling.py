"""Spell checking: dictionary, glossary names, ignore list, skipped tokens and suggestions."""

from __future__ import annotations

import time

import pytest

from editor.core.spelling import Misspelling, Speller, english
from editor.core.transcript import Mark, MarkKind, Segment, Transcript

TEXT = ("Welcome back, I'm Rolf Breck, join us on kofundo at www.kofundo.example or "
        "https://kofundo.example/harbour, mail rolf@harbour.example, since the 1990s, 3rd time, "
        "DSA, [inaudible], Brekke's boatt recieve tomorow, Kofundo's co-host don’t")


@pytest.fixture()
def speller() -> Speller:
    return Speller(["Rolf Brekke", "Kofundo", "Odile Ambrose"])


def _words(found):
    return [m.word for m in found]


def test_unknown_words_skip_urls_numbers_acronyms_marks_and_glossary(speller):
    assert _words(speller.unknown_words(TEXT)) == ["Breck", "boatt", "recieve", "tomorow"]


def test_offsets_point_at_the_words(speller):
    for m in speller.unknown_words(TEXT):
        assert TEXT[m.start:m.end] == m.word


def test_marks_are_skipped_even_over_real_words(speller):
    text = "the hull was blue grene and the sael"
    start = text.index("blue")
    mark = Mark(MarkKind.UNCLEAR, start, start + len("blue grene"))
    assert _words(speller.unknown_words(text, [mark])) == ["sael"]
    seg = Segment("s1", 0, 100, text, marks=[mark])
    assert speller.check_segment(seg) == [Misspelling(text.index("sael"), len(text), "sael")]


def test_ignore_and_glossary_updates(speller):
    assert not speller.is_known("Breck")
    speller.ignore("breck")
    assert speller.is_known("Breck") and "breck" in speller.ignored
    assert not speller.is_known("Tamsin")
    speller.set_glossary_names(["Tamsin Oyelaran"])
    assert speller.is_known("tamsin") and speller.is_known("Oyelaran's")
    assert not speller.is_known("Kofundo")  # the glossary was replaced


def test_suggestions_put_glossary_names_first(speller):
    suggestions = speller.suggestions("Breck")
    assert suggestions[:2] == ["Rolf Brekke", "Brekke"]
    assert "Break" in suggestions or "Brick" in suggestions
    assert speller.suggestions("Kofunda")[0] == "Kofundo"


def test_suggestions_follow_case_and_frequency(speller):
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("Tomorow")[0] == "Tomorrow"
    assert speller.suggestions("zzzzqx") == []


def test_whole_transcript_and_incremental_cost(speller):
    segments = [Segment(f"s{i}", i, i + 1, f"the boatt sailed past the harbor number {i} quietly") for i in range(2000)]
    transcript = Transcript(segments=segments)
    started = time.perf_counter()
    result = speller.check_transcript(transcript)
    whole = time.perf_counter() - started
    assert len(result) == 2000 and all(_words(v) == ["boatt"] for v in result.values())
    # Checking one segment again is cached word lookups: far cheaper than the whole pass.
    started = time.perf_counter()
    speller.check_segment(segments[5])
    assert time.perf_counter() - started < whole / 50


def test_dictionary_loaded_in_pieces_is_the_library_dictionary():
    from spellchecker import SpellChecker

    from editor.core.spelling import load_in_pieces
    ours, theirs = load_in_pieces("en").word_frequency, SpellChecker(language="en").word_frequency
    assert ours.dictionary == theirs.dictionary and len(ours.dictionary) > 100_000
    assert (ours.total_words, ours.unique_words, ours.longest_word_length) == \
        (theirs.total_words, theirs.unique_words, theirs.longest_word_length)
    assert ours.letters == theirs.letters
    checker = english()
    assert checker.candidates("recieve") == SpellChecker(language="en").candidates("recieve")
    assert checker.word_usage_frequency("the") > checker.word_usage_frequency("aardvark") > 0


def test_contractions_of_known_words_are_known():
    from editor.core.spelling import Speller
    speller = Speller([])
    assert speller.is_known("there'd") and speller.is_known("they’ll") and speller.is_known("Odile's") is False
    assert not speller.is_known("zorbly'd")
