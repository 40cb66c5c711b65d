"""An f written for a th ("a fin crescent moon" where the audio says "thin"), or a v for the th of
"this": the acoustic model hears the two fricatives made at the teeth alike, so the audio cannot
tell such words apart and the context decides, as for a homophone (real PocketSphinx trigram model
and aligner on espeak-ng speech)."""

import pytest

from editor.align.text import spoken_words
from editor.hearing.context import context_model
from tests.hearing.heard_line import assert_left_to_the_context

SLIPS = [("real word", "The ice on the lake was too {fin|thin} for skating."),
         ("real word", "A {fin|thin} crescent moon hung low in the west after sunset.")]
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def _heard_alike_wanted(aligner, sentence, word, short):
    words = [w for token in sentence.lower().split() for w in spoken_words(token)]
    i = words.index(word)
    return {x.word for x in context_model().likelier(words, i, aligner.pronunciations(word), short,
                                                     homophones_only=True)}


def test_a_word_an_f_for_a_th_away_is_said_alike_and_wanted_only_where_the_context_wants_it(aligner):
    assert "thin" in context_model().heard_alike(aligner.pronunciations("fin"))
    assert "fought" in context_model().heard_alike(aligner.pronunciations("thought"))
    assert "thin" in _heard_alike_wanted(aligner, "the ice on the lake was too fin for skating", "fin", True)
    # Right words with an f or a th are left alone.
    for sentence, word in (("a thin layer of frost covered the car", "thin"),
                           ("the fish swam in the pond", "fish"), ("we have three children", "three"),
                           ("he thought the tickets were free", "free"), ("she fought for her rights", "fought")):
        assert _heard_alike_wanted(aligner, sentence, word, len(word) <= 3) == set(), sentence


@pytest.mark.parametrize(("voice", "speed"), VOICES)
@pytest.mark.parametrize("line", SLIPS)
def test_an_f_for_a_th_is_doubted_by_the_context_and_the_right_sentence_is_not(material, voice, speed, line):
    # As for a homophone, the audio saying "fin" does not clear it: it fits "thin" as well.
    assert_left_to_the_context(material, line, "fin", voice=voice, speed=speed)
