"""One-word slips the language model does not ask about, found because the audio leads (real
PocketSphinx trigram model and aligner on espeak-ng speech): a consonant of a cluster dropped
("fee" for "free"), a -teen/-ty number swapped, a three-letter word's vowel ("mac" for "mic"); and
right sentences holding those words left alone."""

import pytest

from editor.align.text import spoken_words
from editor.hearing.context import context_model
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line

CLUSTERS = [("real word", "Entry to the museum is {fee|free} on Sundays."),
            ("real word", "The kids {pay|play} football after school.")]
CLUSTERS_RIGHT = ["Admission is free for children.", "The kids play chess on Thursday evenings."]
NUMBERS = [("real word", "The club has {fifty|fifteen} players this season.")]
NUMBERS_RIGHT = ["She turned eighteen last spring.", "Fifteen people fled the fire in the night."]


def _not_less_likely(aligner, sentence, word):
    words = [w for token in sentence.lower().split() for w in spoken_words(token)]
    return [x.word for x in context_model().not_less_likely(words, words.index(word), aligner.pronunciations(word))]


def test_the_audio_is_asked_about_words_the_model_does_not_rule_out_but_not_about_a_plural_s(aligner):
    # "flight" makes "our fight to dublin" no likelier by the model's bar for asking, but no less likely.
    assert "flight" in _not_less_likely(aligner, "our fight to dublin was delayed", "fight")
    # A word's end is said softly: "evening" is never put to the audio for "evenings", nor "argue" for "argued".
    assert "evening" not in _not_less_likely(aligner, "they play chess on thursday evenings", "evenings")
    assert "argue" not in _not_less_likely(aligner, "they argued about the budget", "argued")


def test_a_dropped_cluster_consonant_is_found_where_the_audio_says_it(material, aligner):
    episode = material.episode(CLUSTERS, CLUSTERS_RIGHT, voice="en-us+f2", speed=165)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    assert found == {"fee": ["audio", "context"], "pay": ["audio", "context"]}, found
    # Said as written (the control), and the same sentences written right: nothing to doubt.
    assert episode_context_suspects(material.episode(CLUSTERS, CLUSTERS_RIGHT, audio="wrong", voice="en-us+f2",
                                              speed=165), aligner) == []
    assert episode_context_suspects(material.episode(CLUSTERS, CLUSTERS_RIGHT, text="right", voice="en-us+f2",
                                              speed=165), aligner) == []


def test_a_teen_said_where_the_text_has_its_ty_number_is_found_and_right_numbers_are_not(material, aligner):
    episode = material.episode(NUMBERS, NUMBERS_RIGHT, voice="en-us+f2", speed=165)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    assert found == {"fifty": ["audio"]}, found
    assert episode_context_suspects(material.episode(NUMBERS, NUMBERS_RIGHT, audio="wrong", voice="en-us+f2",
                                              speed=165), aligner) == []
    assert episode_context_suspects(material.episode(NUMBERS, NUMBERS_RIGHT, text="right", voice="en-us+f2",
                                              speed=165), aligner) == []


R_COLOURED = [("real word", "Our neighbours {walked|worked} on the farm for years.")]
R_COLOURED_RIGHT = ["They walked home along the river after lunch."]


def test_a_plain_vowel_where_the_audio_has_the_r_coloured_one_is_found_and_right_words_are_not(material, aligner):
    # An accent drops an r's colour but does not add one: "worked" said where the text has
    # "walked" needs no more than a high vowel for a low one.
    episode = material.episode(R_COLOURED, R_COLOURED_RIGHT, voice="en-us+f2", speed=165)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    assert found == {"walked": ["audio", "context"]}, found
    assert episode_context_suspects(material.episode(R_COLOURED, R_COLOURED_RIGHT, audio="wrong", voice="en-us+f2",
                                              speed=165), aligner) == []
    assert episode_context_suspects(material.episode(R_COLOURED, R_COLOURED_RIGHT, text="right", voice="en-us+f2",
                                              speed=165), aligner) == []


# A word of three letters said with another vowel, in full ("mac" where the audio says "mic"): the
# model barely wants "mic" there, so only the audio leads; right sentences holding either word are
# left alone, and the same sentences said as written (the control).
SHORT_VOWELS = [("real word", "The band could not hear the {mac|mic} over the drums."),
                ("real word", "We keep a spare {mac|mic} in the cupboard for guests.")]


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
@pytest.mark.parametrize("line", SHORT_VOWELS)
def test_a_three_letter_word_said_with_another_vowel_is_found_and_the_words_said_are_not(material, line, voice,
                                                                                          speed):
    _, heard = heard_line(material, line, (), voice=voice, speed=speed)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("mac", ["audio", "context"])]
    for options in ({"audio": "wrong"}, {"text": "right"}):
        _, heard = heard_line(material, line, (), voice=voice, speed=speed, **options)
        assert heard.suspects == [], options
