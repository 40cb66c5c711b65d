"""A rare right word is not doubted on the context alone for a commoner word the model wants
nearly anywhere ("on the quay": "key"), while a homophone the context wants for its place is
(real PocketSphinx trigram model and aligner on espeak-ng speech)."""

import pytest

from editor.align.text import spoken_words
from editor.hearing.context import context_model, wishes_count
from editor.hearing.suspects import WordDoubt
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line

ERRORS = [("real word", "I could {here|hear} the rain on the roof all night.")]
RIGHT = ["Fishing boats unload at the quay every morning.",
         "The kettle boiled while we read the paper."]


def _homophones(aligner, sentence, word):
    words = [w for token in sentence.lower().split() for w in spoken_words(token)]
    i = words.index(word)
    found = context_model().likelier(words, i, aligner.pronunciations(word), short=False, homophones_only=True)
    return {x.word: round(x.net, 2) for x in found}


def test_a_homophone_is_wanted_net_of_how_common_it_is(aligner):
    # "key" makes "on the quay" likelier only as much as it is commoner anywhere.
    assert _homophones(aligner, "we tied the boat to the quay and went ashore", "quay") == {}
    # "bread" is wanted here for this place, well beyond being the commoner word.
    assert "bread" in _homophones(aligner, "the bakery sells fresh bred every day", "bred")


def test_right_sentences_with_rare_words_are_left_alone_and_a_homophone_slip_is_found(material, aligner):
    episode = material.episode(ERRORS, RIGHT, voice="en-us+f2", speed=165)
    found = episode_context_suspects(episode, aligner)
    assert [(s.text, s.evidence) for s in found] == [("here", ["context"])]


SLIP = [("real word", "The members will {boat|vote} on the new rules tomorrow.")]
COMMON_WISH = ["She painted the gate green and the door red."]


def _sound_alikes(aligner, sentence, word):
    words = [w for token in sentence.lower().split() for w in spoken_words(token)]
    i = words.index(word)
    return {x.word for x in context_model().likelier(words, i, aligner.pronunciations(word), short=False)}


def test_a_sound_alike_is_put_to_the_audio_only_when_wanted_beyond_being_a_commoner_word(material, aligner):
    # "the more red" is likelier than "the door red" because "more" is common anywhere.
    assert "more" not in _sound_alikes(aligner, COMMON_WISH[0], "door")
    assert "vote" in _sound_alikes(aligner, "the members will boat on the new rules tomorrow", "boat")
    # This voice's "door" fits "more" a little better: asked, the audio would have agreed.
    right = material.episode([], COMMON_WISH, voice="en-us+f3", speed=150)
    assert episode_context_suspects(right, aligner) == []
    slip = material.episode(SLIP, [], voice="en-us+f3", speed=150)
    assert [s.text for s in episode_context_suspects(slip, aligner)] == ["boat"]


# Dictionary words PocketSphinx's language model lacks: it scores them at its floor, so any word it
# knows ("screen", "barn") would make the context thousands of orders of magnitude likelier.
LACKED = "He twisted his ankle on the scree above the tarn."


def test_the_model_s_wishes_do_not_count_for_a_dictionary_word_it_lacks(aligner):
    model = context_model()
    words = LACKED.lower().rstrip(".").split()
    # On the model's floor: "screen" makes the context thousands of orders of magnitude likelier.
    assert model.likelier(words, words.index("scree"), ["S K R IY"], short=False)[0].gain > 1000

    def doubt(evidence):
        return WordDoubt(0, 0, 5, 0, 100, 0.0, evidence)

    assert not wishes_count(model, "scree", doubt([])) and not wishes_count(model, "tarn", doubt([]))
    # A word the spelling dictionary lacks too is a recognizer's fragment ("mack eye vur" for MacIver).
    assert wishes_count(model, "vur", doubt(["spelling"]))
    assert wishes_count(model, "boat", doubt([]))


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_right_word_the_model_lacks_is_left_alone(material, voice, speed):
    # The sentence's own words said: the context wished "screen" and "barn" on the model's floor,
    # and the audio did not rule them out (nor prefer them by an audio-led margin).
    _, heard = heard_line(material, ("clean", LACKED), (), voice=voice, speed=speed)
    assert heard.suspects == [], [(s.text, s.evidence) for s in heard.suspects]


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_fragment_neither_dictionary_knows_is_still_doubted_on_the_context(material, voice, speed):
    line = ("split name", "The exhibition was curated by {Fenella mack eye vur|Fenella MacIver} and two volunteers.")
    _, heard = heard_line(material, line, (), voice=voice, speed=speed)
    assert "vur" in [s.text for s in heard.suspects], [(s.text, s.evidence) for s in heard.suspects]
