"""An everyday word the recognizer wrote for a one-word name it does not know ("offset" for Ofsted,
said "OF-sted") is listened for as that name: the audio alone decides, and a right everyday word
near a name (audio saying the word) is never offered. Real PocketSphinx on espeak-ng speech."""

import json
import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import NEAR_DISTANCE
from editor.hearing.sayings import teach
from editor.hearing.sound_match import PhoneSpeller, words_near_names
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
# Written for these tests (not lines of the evaluation episodes).
NAMED = ("acronym", "The report from {offset|Ofsted} came out on Monday.")
RIGHT_WORD = ("clean", "A rise in fares will offset the cost of the new trains.")


def _near(text, names):
    aligner = hearing_aligner()
    teach(aligner, names)
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]
    return [(tokens[a.first].text, a.name) for a in words_near_names(tokens, list(names), PhoneSpeller(aligner),
                                                                     NEAR_DISTANCE)]


def test_an_everyday_word_is_near_a_one_word_name_once_its_vowels_count_half():
    # offset (AO F S EH T) and Ofsted (AA F S T EH D) differ in a vowel and in where the t is.
    assert _near("The report from offset came out on Monday.", ("Ofsted",)) == [("offset", "Ofsted")]
    # Acronyms said letter by letter are compared so already; names of few phones are near too
    # many everyday words ("new" for NEH); the name written in full is nothing to listen for.
    assert _near("He played the oboe for the Ofsted team.", ("ABO", "NEH", "Ofsted")) == []


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_an_everyday_word_said_as_the_name_is_heard_as_the_name(material, voice, speed):
    _, heard = heard_line(material, NAMED, ("Ofsted",), voice=voice, speed=speed)
    assert [(s.found, s.name, s.how, s.agrees) for s in heard.spotted] == [("offset", "Ofsted", "audio", True)]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("offset", True)]


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_everyday_word_said_as_written_is_left_alone(material, voice, speed):
    _, heard = heard_line(material, NAMED, ("Ofsted",), audio="wrong", voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_right_everyday_word_near_a_name_is_not_offered(material, voice, speed):
    _, heard = heard_line(material, RIGHT_WORD, ("Ofsted",), voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []


@pytest.mark.slow
def test_suggest_offers_the_name_the_audio_prefers_unticked_and_not_the_right_word(material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode([NAMED], [RIGHT_WORD[1]], voice="en-us+f2")
    srt, wav, glossary = material.write_episode(tmp_path, episode, "Ofsted,,\n")

    assert main(["suggest", str(srt), "--glossary", str(glossary), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["suggestions"] == []    # the text alone offers nothing
    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    offered = [(s["segment"], s["found"], s["replacement"], s["ticked"], "audio" in s["evidence"])
               for s in report["suggestions"]]
    # One everyday word: a voice saying it oddly fits a name better now and then, so unticked.
    assert offered == [(0, "offset", "Ofsted", False, True)]
    assert [(s["segment"], s["text"]) for s in report["suspects"]] == [(0, "offset")]
