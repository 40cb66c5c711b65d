"""Real-word slips the sentence does not want but does not rule out, where the word clearly misfits
its turn (real PocketSphinx aligner and trigram model on espeak-ng speech): the audio, offered every
word a phone away, hears the right one; and the right words, said or written right, are left alone."""

import pytest

from editor.hearing.misfit_slips import neighbours_not_less_likely
from editor.hearing.unwanted_slips import (
    UNWANTED_MARGIN,
    UNWANTED_VOWEL_MARGIN,
    neighbours_not_ruled_out,
    unwanted_bar,
    unwanted_slip_suspects,
)
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line


def test_a_neighbour_the_model_finds_somewhat_less_likely_is_offered_to_the_audio(aligner):
    words = ["after", "lunch", "we", "walked", "up", "to", "the", "village", "hall", "above", "the", "church"]
    at = words.index("hall")
    sayings = aligner.pronunciations("hall")
    # The model finds "village hill" about ten times less likely than "village hall": the checks that
    # offer only the neighbours it wants never ask about it.
    assert "hill" not in neighbours_not_less_likely(words, at, sayings)
    assert "hill" in neighbours_not_ruled_out(words, at, sayings)
    # Only a phone changed: one added or dropped is how a voice glides or ends a word ("halls").
    assert "halls" not in neighbours_not_ruled_out(words, at, sayings)
    words = ["the", "moon", "rose", "over", "the", "trees"]
    assert "rolls" not in neighbours_not_ruled_out(words, 2, aligner.pronunciations("rose"))


def test_only_a_vowel_a_voice_does_not_move_that_far_or_a_clear_consonant_counts(aligner):
    def bar(word, other):
        return unwanted_bar(aligner.pronunciations(word), aligner.pronunciations(other))

    assert bar("hall", "hill") == UNWANTED_VOWEL_MARGIN      # a low vowel for a high one
    assert bar("bell", "bail") is None                       # a vowel to its neighbour: a voice's
    assert bar("wall", "well") is None
    assert bar("door", "gore") == UNWANTED_MARGIN            # a consonant: a high bar


SLIP = ("real word", "After lunch we walked up to the village {hall|hill} above the church to see the view.")
# The two words of the pair, each where it belongs, and words a voice says near a neighbour.
RIGHT = ["The village hall was full for the harvest supper.", "We climbed the hill behind the church at dawn.",
         "She rang the bell twice and waited by the door.", "The old wall along the lane is covered in moss."]
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_hearing_pass_doubts_a_slip_the_sentence_prefers_and_not_the_same_words_said(material, voice, speed):
    # "village hall" is ten times likelier than "village hill" to the model: only the audio, offered
    # "hill" among every word a phone from "hall", hears it.
    _, heard = heard_line(material, SLIP, (), voice=voice, speed=speed)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("hall", ["audio"])]
    for options in ({"audio": "wrong"}, {"text": "right"}):
        _, heard = heard_line(material, SLIP, (), voice=voice, speed=speed, **options)
        assert heard.suspects == [], options


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_right_words_said_as_a_voice_says_them_are_left_alone(material, aligner, voice, speed):
    episode = material.episode([], RIGHT, voice=voice, speed=speed)
    assert episode_context_suspects(episode, aligner, check=unwanted_slip_suspects) == []
