"""A glossary person's first name or surname written as another name the recognizer knows ("Gaskell"
for Petra Haskell, said alone) is offered where the audio prefers the glossary's word, never ticked;
a right name a sound away from a guest's ("Gaskell" said, in an episode with Petra Haskell) is left
alone. Real PocketSphinx on espeak-ng speech."""

import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.sayings import teach
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, name_words_near
from editor.hearing.suggest import Suggested
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
# Written for these tests (not lines of the evaluation episodes); the people are made up.
NAMED = ("split name", "Our thanks go to {Gaskell|Haskell} for the photographs.")
GLOSSARY = ("Petra Haskell", "Tobin Marsh")
RIGHT_NAME = ("clean", "Thanks Gaskell, that was a lovely story about the harbour.")


def _near(text, names=GLOSSARY):
    aligner = hearing_aligner()
    teach(aligner, names)
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]
    return [(tokens[a.first].text, a.name) for a in name_words_near(tokens, list(names), PhoneSpeller(aligner),
                                                                     MAX_DISTANCE)]


def test_a_known_name_near_a_word_of_a_glossary_name_is_put_to_the_audio():
    assert _near("Our thanks go to Gaskell for the photographs.") == [("Gaskell", "Haskell")]
    assert _near("We spoke to Mrs. Gaskell about it.") == [("Gaskell", "Haskell")]
    assert _near(RIGHT_NAME[1]) == [("Gaskell,", "Haskell")]
    # Not a capital that may be the sentence's, a glossary name's own word, an everyday word in
    # lower case, nor a one-word name (those are compared whole by the sound-alike search).
    assert _near("Gaskell came too. Haskell and Tobin spoke to gaskell.") == []
    assert _near("Our thanks go to Gaskell.", ("Haskell",)) == []


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_name_said_is_offered_where_the_audio_prefers_it_unticked(material, voice, speed):
    episode, heard = heard_line(material, NAMED, GLOSSARY, voice=voice, speed=speed)
    assert [(s.found, s.name, s.agrees) for s in heard.spotted] == [("Gaskell", "Haskell", True)]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("Gaskell", True)]
    # A name for a name, a consonant apart: the producer decides.
    offered = Suggested.from_spot(heard.spotted[0], 0, episode.transcript.segments[0].start_ms)
    assert (offered.replacement, "audio" in offered.evidence, offered.ticked) == ("Haskell", True, False)


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_known_name_said_as_written_is_left_alone(material, voice, speed):
    _, heard = heard_line(material, NAMED, GLOSSARY, audio="wrong", voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_right_name_near_a_guests_is_not_offered(material, voice, speed):
    _, heard = heard_line(material, RIGHT_NAME, GLOSSARY, voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []
