"""A name the dictionary lacks whose last syllable is spelled like an unstressed one ("-el", "-en",
"-on") is said with a schwa there, as English says a name's end: the letter rules' full vowel
("VOSS-ell") left the everyday word the recognizer wrote for it ("fossil") too far in sound to be
put to the audio as the name. Real PocketSphinx on espeak-ng speech."""

import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.sayings import phone_sayings, teach
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, sound_alikes
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
# Written for these tests (not lines of the evaluation episodes); Vossel is a made-up surname.
NAMED = ("sound-alike", "Professor {Fossil|Vossel} wrote the chapter on rivers.")
RIGHT_WORD = ("clean", "The museum found a fossil on the beach near the cliffs.")


def _tokens(text):
    return [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]


def test_a_guessed_name_is_also_said_with_a_schwa_in_its_unstressed_end():
    aligner = hearing_aligner()
    teach(aligner, ["Vossel", "Vossick"])
    assert ["V", "AA", "S", "AH", "L"] in phone_sayings(aligner, "Vossel")
    # A last syllable spelled otherwise ("-ick") is not taken for an unstressed end.
    assert not any(saying[-2:] == ["AH", "K"] for saying in phone_sayings(aligner, "Vossick"))


def test_the_everyday_word_written_for_it_is_a_sound_alike():
    aligner = hearing_aligner()
    teach(aligner, ["Vossel"])
    found = sound_alikes(_tokens("Professor Fossil wrote the chapter on rivers."), ["Vossel"], PhoneSpeller(aligner))
    assert [(a.first, a.last, a.name) for a in found] == [(1, 1, "Vossel")]
    assert found[0].distance <= MAX_DISTANCE


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_name_written_as_an_everyday_word_is_a_suspect(material, voice, speed):
    _, heard = heard_line(material, NAMED, ("Vossel",), voice=voice, speed=speed)
    assert [(s.found, s.name) for s in heard.spotted] == [("Fossil", "Vossel")]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("Fossil", True)]


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_everyday_word_in_its_sentence_is_left_alone(material, voice, speed):
    _, heard = heard_line(material, RIGHT_WORD, ("Vossel",), voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []
