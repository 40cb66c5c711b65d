"""Spell checking: dictionary, glossary names, ignore list, skipped tokens and suggestions."""

from __future__ import annotations

import sys

import pytest

from editor.core.spelling import Misspelling, Speller, english
from editor.core.transcript import Mark, MarkKind, Segment, Transcript

TEXT = ("Welcome back, I'm Rolf Breck, join us on kofundo at www.kofundo.example or "
        "https://kofundo.example/harbour, mail rolf@harbour.example, since the 1990s, 3rd time, "
        "NASA, BQX, NEVER, [inaudible], Brekke's boatt recieve tomorow, Kofundo's co-host don’t")


@pytest.fixture()
def speller() -> Speller:
    return Speller(["Rolf Brekke", "Kofundo", "Odile Ambrose"])


def _words(found):
    return [m.word for m in found]


def test_unknown_words_skip_urls_numbers_common_acronyms_marks_and_glossary(speller):
    # "BQX" is neither a common acronym nor a glossary word: recognizers write garbled names so.
    assert _words(speller.unknown_words(TEXT)) == ["Breck", "BQX", "boatt", "recieve", "tomorow"]


def test_offsets_point_at_the_words(speller):
    for m in speller.unknown_words(TEXT):
        assert TEXT[m.start:m.end] == m.word


def test_japanese_and_chinese_are_not_checked_against_a_word_list_without_them(speller):
    """Written without spaces, a whole sentence would be one unknown word; the English beside it is checked."""
    text = "今日は港の話をします。我们谈到了港口。 wrold 항구"
    assert [m.word for m in speller.unknown_words(text)] == ["wrold"]


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


def test_a_real_word_gets_the_words_it_may_have_been_misheard_for(speller):
    """Spelling suggestions skip a known word; a word the audio doubts still needs alternatives."""
    assert speller.suggestions("mayor") == []
    alternatives = speller.alternatives("mayor")
    assert "major" in alternatives and "mayor" not in alternatives
    assert speller.alternatives("Mayor")[0][0].isupper()
    assert speller.alternatives("Brekk")[0] == "Brekke"       # glossary names first
    assert all(len(word) >= 3 for word in speller.alternatives("at"))


def test_whole_transcript_then_one_segment_again(speller):
    # How long each takes is printed by tests/bench/bench_names.py (spell checking).
    segments = [Segment(f"s{i}", i, i + 1, f"the boatt sailed past the harbor number {i} quietly") for i in range(2000)]
    transcript = Transcript(segments=segments)
    result = speller.check_transcript(transcript)
    assert len(result) == 2000 and all(_words(v) == ["boatt"] for v in result.values())
    assert _words(speller.check_segment(segments[5])) == ["boatt"]


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


def test_word_set_knows_exactly_the_library_words_and_round_trips_through_its_cache(tmp_path):
    from spellchecker import SpellChecker

    from editor.core.spelling import COMMON_COUNT, WordSet
    library = SpellChecker(language="en").word_frequency.dictionary
    words = WordSet.build("en")
    assert len(words) == len(library)
    assert all(word in words for word in list(library)[::97])
    assert "zorbly" not in words and "recieve" not in words and "Aardvark" in words
    assert words.common == frozenset(w for w, n in library.items() if n >= COMMON_COUNT)
    path = tmp_path / "cache" / "en.words"
    words.save(path)
    again = WordSet.load(path)
    assert len(again) == len(words) and again.common == words.common and "aardvark" in again
    path.write_bytes(path.read_bytes()[:1000])          # a torn write is refused, not half-used
    with pytest.raises(ValueError):
        WordSet.load(path)


def test_speller_checks_without_the_full_dictionary_and_loads_it_for_suggestions():
    from editor.core.spelling import Speller
    speller = Speller([])
    assert speller._full is None
    assert speller.unknown_words("we recieve the parcel") == [Misspelling(3, 10, "recieve")]
    assert speller._full is None                          # checking never needed the ~28 MB checker
    assert "receive" in speller.suggestions("recieve")
    assert speller._full is english()


def test_british_spellings_of_known_words_are_not_underlined(speller):
    text = "The neighbours organised their defences; the colours of the harbour's metres-long banner, colurs"
    assert _words(speller.unknown_words(text)) == ["colurs"]


def test_the_word_set_built_holds_each_library_word_s_word_hash_and_nothing_else(tmp_path):
    from array import array

    from spellchecker import SpellChecker

    from editor.core.spelling import WordSet, word_hash
    library = SpellChecker(language="en").word_frequency.dictionary
    path = tmp_path / "en.words"
    WordSet.build("en").save(path)
    expected = array("q", sorted({word_hash(word.lower()) for word in library}))
    saved = array("q")
    saved.frombytes(path.read_bytes()[8:8 + 8 * len(expected)])
    if sys.byteorder == "big":
        saved.byteswap()         # the file is little-endian
    assert saved == expected
