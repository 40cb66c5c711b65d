"""When the audio alone makes a suspect: two words near each other fitting worse than their turn's
usual, not one word a voice says oddly (real PocketSphinx on espeak-ng speech, and the rule on
fits written out)."""

import re

import pytest

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.fit import TokenFit, fit_tokens, hearing_aligner
from editor.hearing.suspects import runs, word_doubts

# The audio says the second word where the text has the first: the words after it are pushed off
# their sounds too.
CAT = ("real word", "Our {cat|car} broke down on the way to the coast.")
RED = ("real word", "I {red|read} the letter twice before I answered it.")
# Right words some espeak-ng voices say in a way the model hears badly ("river", "school").
RIGHT = ["They planted two hundred trees along the river path.",
         "The school board promised to fix the heating before winter."]


def _audio_suspects(episode):
    aligner = hearing_aligner()
    found = []
    for index, segment in enumerate(episode.transcript.segments):
        lo, hi = segment.start_ms - 200, segment.end_ms + 200
        fitted = fit_tokens(episode.audio[lo * RATE // 1000:hi * RATE // 1000], segment_tokens(segment), aligner, lo)
        assert fitted is not None, segment.text
        found += runs(segment.text, word_doubts(segment.text, fitted.tokens), index, segment.id)
    return found


# en-us+f4 fits every word worse than en-us+m3 (a turn's typical word about -1.8 against -1.4):
# the turn's own typical word is the reference, so a wrong word stands out in either voice and
# the right words in neither.
@pytest.mark.parametrize(("voice", "line"), [("en-us+m3", CAT), ("en-us+f4", CAT), ("en-us+f4", RED)])
def test_a_wrong_word_is_heard_by_its_misfit_and_its_neighbours_and_right_words_are_not(material, voice, line):
    episode = material.episode([line], RIGHT, voice=voice, speed=160)
    suspects = _audio_suspects(episode)
    [passage] = episode.passages
    assert [(s.segment, "audio" in s.evidence) for s in suspects] == [(passage.index, True)], \
        [s.text for s in suspects]
    assert suspects[0].char_start <= passage.start < suspects[0].char_end
    assert _audio_suspects(material.episode([line], RIGHT, voice=voice, speed=160, audio="wrong")) == []


def _fits(text, shortfalls):
    """Token fits of *text* whose typical word fits -1.2 and the words of *shortfalls* that much worse."""
    fits = []
    for i, m in enumerate(re.finditer(r"\S+", text)):
        fit = -1.2 - shortfalls.get(m.group(), 0.0)
        fits.append(TokenFit(i, m.start(), m.end(), 100 * i, 100 * i + 90, 30, fit, 0.0))
    return fits


def test_one_word_fitting_badly_alone_is_no_suspect_but_two_near_each_other_are():
    text = "The council will boat on zoning plans next week"
    alone = runs(text, word_doubts(text, _fits(text, {"zoning": 1.9})), 0, "s1")
    assert alone == []
    pair = runs(text, word_doubts(text, _fits(text, {"boat": 1.9, "on": 0.2, "zoning": 1.5})), 0, "s1")
    assert [(s.text, "audio" in s.evidence, s.doubt >= 0.5) for s in pair] == [("boat on zoning", True, True)]
    far = runs(text, word_doubts(text, _fits(text, {"council": 1.9, "zoning": 1.9})), 0, "s1")
    assert far == []        # four tokens apart: two words a voice says oddly, each on its own


def test_short_words_fitting_badly_make_no_pair_on_their_own():
    text = "She sold it to him for a song in the end"
    assert runs(text, word_doubts(text, _fits(text, {"it": 2.5, "to": 2.5, "him": 2.5})), 0, "s1") == []
    # A short word counts with a longer one when it is far enough off.
    pair = runs(text, word_doubts(text, _fits(text, {"sold": 1.6, "to": 3.5})), 0, "s1")
    assert [s.text for s in pair] == ["sold it to"]


def test_spelling_doubt_and_a_clear_misfit_make_one_word_a_suspect():
    text = "The grant came from the ANH last autumn"
    fits = _fits(text, {"ANH": 1.5})
    assert runs(text, word_doubts(text, fits), 0, "s1") == []
    doubted = runs(text, word_doubts(text, fits, is_known=lambda word: word != "ANH"), 0, "s1")
    assert [(s.text, "spelling" in s.evidence) for s in doubted] == [("ANH", True)]


# "St" is said "saint" before a name and "street" after one, never its letters.
SAINT_AND_STREET = ["Our malt comes from a farm just outside Bury St Edmunds in Suffolk.",
                    "The bakery on Church St opens at seven every morning."]


def test_st_is_heard_as_saint_or_street_not_as_its_letters(material):
    # Read as the letters "s t", the abbreviation fitted 4 per frame worse than its turn's typical
    # word and pushed the name before it off its sounds: a pair of misfits on right words.
    episode = material.episode([], SAINT_AND_STREET, voice="en-us+f3", speed=150)
    assert _audio_suspects(episode) == []
