"""An acronym written as the words its letters sound like ("and be a" for NBA) is near it in
sound: one vowel for another counts half there (the real aligner's dictionary and letter names)."""

import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import NEAR_DISTANCE
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, sound_alikes


@pytest.fixture(scope="module")
def phones():
    return PhoneSpeller(hearing_aligner())


def _alikes(text, names, phones, distance=MAX_DISTANCE):
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]
    return {" ".join(t.text for t in tokens[a.first:a.last + 1]): a.name for a in sound_alikes(tokens, names, phones,
                                                                                                 distance)}


def test_letters_written_as_words_sound_like_the_acronym(phones):
    assert _alikes("He watched the and be a finals", ["NBA"], phones).get("and be a") == "NBA"
    assert _alikes("The you and voted on it", ["UN"], phones).get("you and") == "UN"


def test_a_name_said_as_a_word_keeps_every_vowel(phones):
    # "Enbeeay" is said with NBA's phones, but as a word: its vowels count in full, and "and be
    # a" is not near enough to be listened for it.
    assert _alikes("He watched the and be a finals", ["Enbeeay"], phones, NEAR_DISTANCE) == {}
