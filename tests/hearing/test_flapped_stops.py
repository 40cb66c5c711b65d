"""A d written for a t that American English says as a flap ("a pint of bidder" where the audio says
"bitter"), or a t for such a d: the flap is the same short voiced tap either way, so the audio cannot
tell the two words apart and the context decides, as for a homophone (real PocketSphinx trigram model
and aligner on espeak-ng speech)."""

import pytest

from editor.align.text import spoken_words
from editor.hearing.context import context_model
from tests.hearing.heard_line import assert_left_to_the_context

SLIPS = [("real word", "She ordered a pint of {bidder|bitter} and sat down by the fire."),
         ("real word", "He climbed the {latter|ladder} to the roof."),
         ("real word", "The {medal|metal} gate was painted black.")]
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def test_a_t_and_a_d_said_as_a_flap_are_said_alike_and_only_there(aligner):
    def alike(word):
        return context_model().heard_alike(aligner.pronunciations(word))

    assert {"bitter", "bidder"} <= alike("bidder")
    assert {"metal", "medal"} <= alike("metal")
    assert "rider" in alike("writer")
    # Not a t before a stressed vowel ("attack"), at a word's end ("bat"/"bad") or after a
    # consonant ("winter"/"winder"): those keep their own sound.
    assert alike("attack") == {"attack"}
    assert "bad" not in alike("bat")
    assert "winder" not in alike("winter")


def test_right_words_with_a_flap_are_not_wanted_otherwise(aligner):
    for sentence, word in (("a glass of bitter costs less here", "bitter"), ("the highest bidder won", "bidder"),
                           ("she won a gold medal", "medal"), ("we were seated near the window", "seated"),
                           ("he is a writer for the local paper", "writer")):
        words = [w for token in sentence.split() for w in spoken_words(token)]
        i = words.index(word)
        wanted = context_model().likelier(words, i, aligner.pronunciations(word), False, homophones_only=True)
        assert wanted == [], (sentence, wanted)


@pytest.mark.parametrize(("voice", "speed"), VOICES)
@pytest.mark.parametrize("line", SLIPS)
def test_a_flap_written_as_the_other_stop_is_doubted_by_the_context_and_the_right_sentence_is_not(
        material, voice, speed, line):
    # As for a homophone, the audio saying "bidder" does not clear it: it fits "bitter" as well.
    wrong = line[1].split("{", 1)[1].split("|", 1)[0]
    assert_left_to_the_context(material, line, wrong, voice=voice, speed=speed)
