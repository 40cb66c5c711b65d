"""A past tense the pronunciation dictionary lacks ("snipped") is said as its dictionary stem with the
regular ending (a t after a voiceless consonant), not as a compound ending in the name "Ed": so a right
"snipped" fits its turn as well as its right neighbours (real PocketSphinx aligner on espeak-ng speech)."""

import pytest

from editor.align.aligner import RATE
from editor.align.g2p import pronounce
from editor.align.text import segment_tokens
from editor.hearing.fit import fit_tokens
from editor.hearing.suspects import word_doubts

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def test_a_regular_past_tense_is_its_stem_and_the_ending_said_after_it(aligner):
    lookup = aligner.in_dictionary
    assert lookup("snipped") is None and pronounce("snipped", lookup) == "S N IH P T"    # snip + t
    assert pronounce("podcasted", lookup).endswith("T IH D")                              # after a t: a syllable
    assert pronounce("blogged", lookup).endswith("G D")                                   # after a voiced sound: d


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_right_past_tense_the_dictionary_lacks_fits_its_turn(material, aligner, voice, speed):
    episode = material.episode([], ["The leader snipped a string in the first movement."], voice=voice, speed=speed)
    segment = episode.transcript.segments[0]
    lo, hi = segment.start_ms - 200, segment.end_ms + 200
    tokens = segment_tokens(segment)
    fitted = fit_tokens(episode.audio[lo * RATE // 1000:hi * RATE // 1000], tokens, aligner, lo)
    assert fitted is not None
    doubts = word_doubts(segment.text, fitted.tokens)
    # Said as "snip" + "Ed", it fitted 0.7 to 0.9 per frame under the turn's typical word.
    assert doubts[2].below < 0.5, doubts[2]
