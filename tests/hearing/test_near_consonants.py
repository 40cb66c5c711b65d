"""Real-word slips a near consonant apart ("sold" where the audio says "told"), found because the
turn fits clearly better with the word the audio says (real PocketSphinx aligner and trigram model
on espeak-ng speech), and right words with such neighbours of their own left alone."""

import pytest

from editor.hearing.near_consonants import near_consonant_suspects, near_consonants
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line

# Each slip fits as well as the turn's other words (the acoustic fit alone does not doubt it), and
# the model does not ask about it: "coat"/"goat" and "pear"/"bear" differ in voicing, "sold"/"told"
# a stop for a fricative.
SLIPS = [("real word", "The {coat|goat} ate the flowers by the fence."),
         ("real word", "The {pear|bear} came out of the woods at night."),
         ("real word", "He {sold|told} us the story of the shipwreck.")]
# Right words with a near-consonant neighbour the model does not rule out ("leads"/"reads",
# "coat"/"goat", "told"/"sold", "wrote"/"road", "dried"/"tried"; "marsh"/"march" and
# "carries"/"carried" are no such pairs).
RIGHT = ["The coat was too big for him.", "She leads the choir on Sundays.",
         "The old captain told stories about the sea.", "He wrote to the plumber about the leaking pipe.",
         "He dried his hands on a towel.", "Geese came back to the marsh in March.",
         "The ferry carries forty cars at a time."]
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def test_near_consonants_are_one_place_and_one_voicing_or_a_stop_for_its_fricative_or_l_for_r():
    assert near_consonants(["S OW L D"], ["T OW L D"])        # sold / told: fricative and stop, one place
    assert near_consonants(["R OW D"], ["R OW T"])            # rode / wrote: voicing
    assert near_consonants(["G L AE S"], ["G R AE S"])        # glass / grass
    assert near_consonants(["CH IH P"], ["JH IH P"])          # chip / gyp: voicing
    assert not near_consonants(["M AA R SH"], ["M AA R CH"])  # marsh / march: an affricate has its fricative in it
    assert not near_consonants(["K EH R IY Z"], ["K EH R IY D"])  # carries / carried: a last consonant's voicing only
    assert near_consonants(["B AE D"], ["B AE T"])            # bad / bat
    assert not near_consonants(["W AO L"], ["M AO L"])        # wall / mall: a glide and a nasal
    assert not near_consonants(["T AY D"], ["T AY P"])        # tide / type: two places
    assert not near_consonants(["T EY P S"], ["T EY K S"])    # tapes / takes: place alone
    assert near_consonants(["S IH P"], ["Z IH P"])            # sip / zip: voicing
    assert not near_consonants(["D IH P"], ["T IH P S"])      # not one phone changed
    assert not near_consonants(["HH IH L"], ["HH AO L"])      # hill / hall: a vowel
    assert not near_consonants(["F IY"], ["F R IY"])          # fee / free: a consonant put back, no change


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_slip_a_near_consonant_apart_is_found_and_right_words_are_not(material, aligner, voice, speed):
    episode = material.episode(SLIPS, RIGHT, voice=voice, speed=speed)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner, check=near_consonant_suspects)}
    # (en-us+f3's "told" fits "sold" only a little worse: not by the bar.)
    expected = {"coat": ["audio"], "pear": ["audio"]} | ({"sold": ["audio"]} if voice == "en-us+f2" else {})
    assert found == expected, found
    # Said as written (the control), and the same sentences written right: nothing to doubt.
    for options in ({"audio": "wrong"}, {"text": "right"}):
        episode = material.episode(SLIPS, RIGHT, voice=voice, speed=speed, **options)
        assert episode_context_suspects(episode, aligner, check=near_consonant_suspects) == [], options


def test_the_hearing_pass_doubts_a_near_consonant_slip_and_not_the_same_words_said(material):
    _, heard = heard_line(material, SLIPS[0], (), voice="en-us+f2", speed=165)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("coat", ["audio"])]
    _, heard = heard_line(material, SLIPS[0], (), audio="wrong", voice="en-us+f2", speed=165)
    assert heard.suspects == []


def test_a_last_t_or_d_before_a_vowel_is_not_asked_about_its_other_voicing(material, aligner):
    # American speech says "seed is" and "seat is" with one flap: a right "seed" there fitted
    # "seat" better in both voices, and was doubted, before such pairs were left alone.
    for voice, speed in VOICES:
        episode = material.episode([], ["The old seed is in the shed."], voice=voice, speed=speed)
        assert episode_context_suspects(episode, aligner, check=near_consonant_suspects) == [], voice
