"""Right words whose misfit comes from a sound the acoustic model hears weakly in any voice, left alone,
while slips of the same shape that the audio does hear are still found (real PocketSphinx aligner,
recognizer and trigram model on espeak-ng speech in two voices):

* a t or d said as a flap between vowels, which the model hears as a short n or th ("rudder");
* an h at a word's start, breath alone, which a voiceless stop's release fits too ("hold"/"cold");
* an l or r right after a vowel, the vowel's glide or colour ("herons"/"helens");
* a rare word whose near-consonant neighbour the model wants only for being common ("tonne"/"son");
* a word the recognizer, asked again, hears in the place of a badly said one that shares none of
  its consonants ("money" for a right "rudder").
"""

import pytest

from editor.hearing.context import _breath_for_stop, _flap_heard_otherwise
from editor.hearing.lone_misfits import shares_a_consonant
from editor.hearing.near_consonants import liquid_after_vowel
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]

RUDDER_NAMED = ("sound-alike", "The {Tardy big|Tardebigge} Canal Society paid for the new oak rudder.")
RUDDER_SCRAPED = ("clean", "A scrape of the rudder on the bottom told us the water was low.")
HOLD = ("clean", "A fishing boat can capsize in seconds if the catch shifts in the hold.")
HERONS = ("clean", "Through the cabin windows you can watch the herons on the bank.")
TONNE = ("clean", "The tenor bell was cast in seventeen fifty two and weighs nearly a tonne.")

FLAP_SLIP = ("real word", "We did it in the same {matter|manner} as last year.")
BREATH_SLIP = ("real word", "We left the milk out in the {hold|cold} all night.")
LONE_SLIP = ("real word", "The old changing {cupboards|cubicles} were painted blue and white.")
NEAR_SLIP = ("real word", "The {coat|goat} ate the flowers by the fence.")


def _suspects(material, line, **options):
    _, heard = heard_line(material, line, (), **options)
    return [(s.text, s.evidence) for s in heard.suspects]


def test_the_sound_shapes_are_told_by_their_phones(aligner):
    said = aligner.pronunciations
    assert _flap_heard_otherwise(said("rudder"), said("runner"))
    assert _flap_heard_otherwise(said("rudder"), said("rather"))
    assert not _flap_heard_otherwise(said("manner"), said("matter"))   # the nasal said, the flap written
    assert not _flap_heard_otherwise(said("winter"), said("winner"))   # a t after n is no flap
    assert _breath_for_stop(said("hold"), said("cold"))
    assert not _breath_for_stop(said("hold"), said("gold"))
    assert liquid_after_vowel(said("herons"), said("helens"))
    assert not liquid_after_vowel(said("glass"), said("grass"))
    assert not liquid_after_vowel(said("light"), said("right"))
    assert not shares_a_consonant(said("rudder"), said("money"))
    assert shares_a_consonant(said("cupboards"), said("cubicle"))


@pytest.mark.parametrize("line", [RUDDER_SCRAPED, HOLD, HERONS, RUDDER_NAMED],
                         ids=["rudder", "hold", "herons", "named"])
@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_right_word_with_a_flap_an_h_or_a_liquid_after_a_vowel_is_left_alone(material, voice, speed, line):
    # (The name's line has a wrong passage of its own, "Tardy big", which no glossary names here.)
    found = _suspects(material, line, voice=voice, speed=speed)
    assert [text for text, _ in found if text != "Tardy big"] == [], found


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_slips_of_the_same_shapes_are_still_found(material, voice, speed):
    for line, word in ((FLAP_SLIP, "matter"), (BREATH_SLIP, "hold"), (LONE_SLIP, "cupboards"), (NEAR_SLIP, "coat")):
        found = _suspects(material, line, voice=voice, speed=speed)
        assert [text for text, evidence in found if "audio" in evidence] == [word], (line, found)
        assert _suspects(material, line, voice=voice, speed=speed, text="right") == [], line


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_rare_right_word_is_not_asked_about_a_common_near_consonant_the_model_wants_for_its_rarity(
        material, voice, speed):
    # "a tonne" fits "a son" better in both voices; the model wants "son" there only for being common.
    assert [text for text, _ in _suspects(material, TONNE, voice=voice, speed=speed) if text == "tonne"] == []
