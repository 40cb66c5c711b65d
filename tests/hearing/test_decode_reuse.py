"""The same search over the same samples is decoded once, and a verdict the caller cannot use
aligns no original (real PocketSphinx on espeak-ng speech): the hearing pass asks the same
question of a turn's audio more than once (a candidate and the original, a passage judged for
two names), and the answer must be the one a fresh decoder gives."""

import numpy as np
import pytest
import timing_audio

from editor.align.aligner import RATE, Aligner
from editor.hearing.fit import HEARING_OPTIONS
from editor.hearing.verdict import UNSURE, Region, compare

WORDS = ["the", "lighthouse", "keeper", "climbed", "the", "stairs", "at", "dawn"]


@pytest.fixture(scope="module")
def spoken():
    return timing_audio.speak(WORDS, [80] * len(WORDS))[0]


def _counting(aligner: Aligner) -> list[int]:
    """How many utterances *aligner* decodes from now on (one count per PocketSphinx run)."""
    runs = [0]
    decode = aligner._run

    def counted(decoder, data):
        runs[0] += 1
        decode(decoder, data)

    aligner._run = counted
    return runs


def _choice(aligner: Aligner, audio):
    return aligner.decode_choice(audio, WORDS[:2], [[WORDS[2]], ["sweeper"], ["creeper"]], WORDS[3:])


def test_a_search_over_the_same_samples_is_decoded_once_and_finds_what_a_fresh_one_does(spoken):
    aligner = Aligner(HEARING_OPTIONS)
    aligner.prepare(WORDS + ["sweeper", "creeper"])
    runs = _counting(aligner)
    first = aligner.decode(spoken, WORDS)
    again = aligner.decode(spoken.copy(), WORDS)        # equal samples in another array
    choice, choice_again = _choice(aligner, spoken), _choice(aligner, spoken.copy())
    assert runs[0] == 2, "one decode for the alignment, one for the choice"
    fresh = Aligner(HEARING_OPTIONS)
    fresh.prepare(WORDS + ["sweeper", "creeper"])
    assert first and first == again == fresh.decode(spoken, WORDS)
    assert choice == choice_again == _choice(fresh, spoken) == WORDS
    # Other samples, or other words over the same samples, are searched anew.
    other = np.concatenate([spoken, np.zeros(RATE // 10, np.int16)])
    assert aligner.decode(other, WORDS) == fresh.decode(other, WORDS)
    assert runs[0] >= 3
    before = runs[0]
    assert aligner.decode(spoken, WORDS[:-1] + ["noon"]) == fresh.decode(spoken, WORDS[:-1] + ["noon"])
    assert runs[0] > before


def test_a_pronunciation_added_has_the_same_samples_searched_again(spoken):
    aligner = Aligner(HEARING_OPTIONS)
    aligner.prepare(WORDS)
    aligner.decode(spoken, WORDS)
    runs = _counting(aligner)
    assert aligner.add_pronunciation("keeper", "K IY P ER Z")
    found = aligner.decode(spoken, WORDS)
    assert runs[0] == 1
    fresh = Aligner(HEARING_OPTIONS)
    fresh.prepare(WORDS)
    fresh.add_pronunciation("keeper", "K IY P ER Z")
    assert found == fresh.decode(spoken, WORDS)


def test_the_noise_floor_is_the_one_drawn_before():
    aligner = Aligner()
    rng = np.random.default_rng(7)
    for length in (1, 1601, 16000, 80001):
        samples = rng.normal(0, 3000, length).clip(-32768, 32767).astype(np.int16)
        rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
        noise = np.random.default_rng(length).normal(0.0, max(1.0, 0.05 * rms), length)
        expected = np.clip(samples + noise, -32768, 32767).astype(np.int16)
        assert np.array_equal(aligner._with_noise_floor(samples), expected)


def test_a_verdict_too_weak_to_use_aligns_no_original(spoken):
    where = Region("", " ".join(WORDS), "", 0, len(spoken) * 1000 // RATE, len(spoken) * 1000 // RATE)
    candidate = " ".join(WORDS[:-1] + ["noon"])
    full = compare(spoken, where, candidate, Aligner(HEARING_OPTIONS))
    aligner = Aligner(HEARING_OPTIONS)
    runs = _counting(aligner)
    # Usable from any fit: the same verdict as without the bar.
    assert compare(spoken, where, candidate, aligner, usable_from=(-99.0, 0.0)) == full
    assert runs[0] == 2
    # Not usable unless it fits perfectly: only the candidate is aligned, its fit and coverage kept.
    weak = compare(spoken, where, candidate, Aligner(HEARING_OPTIONS), usable_from=(0.0, 0.0))
    assert (weak.label, weak.margin, weak.fit, weak.coverage) == (UNSURE, 0.0, full.fit, full.coverage)
    counted = Aligner(HEARING_OPTIONS)
    runs = _counting(counted)
    compare(spoken, where, candidate, counted, usable_from=(0.0, 0.0))
    assert runs[0] == 1


def test_a_words_pronunciations_are_the_dictionarys_and_follow_those_added():
    aligner = Aligner(HEARING_OPTIONS)
    assert aligner.pronunciations("read") == ["R EH D", "R IY D"]     # the dictionary's "read(2)" too
    assert aligner.pronunciations("vardholm") == []                 # unknown until prepared
    aligner.prepare(["vardholm"])
    guessed = aligner.pronunciations("vardholm")
    assert len(guessed) == 1 and guessed == [aligner.lookup("vardholm")]
    assert aligner.add_pronunciation("read", "R EY D")
    assert aligner.pronunciations("read") == ["R EH D", "R IY D", "R EY D"]
    assert aligner.add_pronunciation("vardholm", "V AA R D HH OW L M")
    assert aligner.pronunciations("vardholm") == guessed + ["V AA R D HH OW L M"]
    # What a caller does with the list it is given is no change to the aligner's.
    aligner.pronunciations("read").append("R AA D")
    assert aligner.pronunciations("read") == ["R EH D", "R IY D", "R EY D"]
