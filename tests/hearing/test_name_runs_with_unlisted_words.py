"""A run of words the recognizer wrote for a one-word name may hold a word the aligner's dictionary
lacks ("Ash cosh" for Oshkosh: "cosh" is a word, read by the letter rules): the run is weighed as a
run of everyday words is, its vowels counting half, and put to the audio as the name. Real
PocketSphinx on espeak-ng speech."""

import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import NEAR_DISTANCE
from editor.hearing.sayings import teach
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, words_near_names
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
# Written for these tests (not a line of the evaluation episodes).
NAMED = ("sound-alike", "They opened a second bakery in {Ash cosh|Oshkosh} last spring.")
# A show's glossary of places and people: with many names to choose from, the one a run of words sounds
# like is not what the audio picks over the text unless the run is put to it as that name.
GLOSSARY = ("Oshkosh", "Hazlehurst", "Pennyfather", "Brasenose", "Whittlesey", "Ressler", "Kandel", "Kassel",
            "Kettell", "Vossel", "Kenosha", "Lostwithiel", "Saxondale", "Tamsin Belloway", "Portaferry", "Greystoke")


def _runs(text, names):
    aligner = hearing_aligner()
    teach(aligner, names)
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]
    return [(" ".join(t.text for t in tokens[a.first:a.last + 1]), a.name, a.distance <= MAX_DISTANCE)
            for a in words_near_names(tokens, list(names), PhoneSpeller(aligner), NEAR_DISTANCE)]


def test_a_run_with_a_word_the_dictionary_lacks_is_near_the_name():
    assert hearing_aligner().lookup("cosh") is None
    assert ("Ash cosh", "Oshkosh", True) in _runs("They opened a second bakery in Ash cosh last spring.",
                                                  ("Oshkosh",))
    # A run whose word the dictionary lacks is written as a name ("Cosh") is no such run.
    assert not any(" " in run for run, _, _ in _runs("They opened a bakery in Ash Cosh last spring.", ("Oshkosh",)))


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_run_said_as_the_name_is_a_suspect_offered_unticked(material, voice, speed):
    _, heard = heard_line(material, NAMED, GLOSSARY, voice=voice, speed=speed)
    assert [(s.found, s.name, s.how, s.sure) for s in heard.spotted] == [("Ash cosh", "Oshkosh", "sound", False)]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("Ash cosh", True)]
