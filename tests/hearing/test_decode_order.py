"""A turn is heard the same whatever the same process decoded before it (real PocketSphinx on
espeak-ng speech): the episode pass spreads turns over worker processes in no fixed order, so
any state a decoder carried from one utterance into the next would make a turn's scores, and
its suspects, depend on the number of workers."""

import pytest
import timing_audio

from editor.align.aligner import Aligner, AlignOptions
from editor.hearing.fit import HEARING_OPTIONS
from editor.hearing.listen import NAMES_OPTIONS

SENTENCES = [s.split() for s in (
    "the lighthouse keeper climbed the stairs at dawn",
    "she took a bath of warm sea water after the storm",
    "my uncle sold fresh fish in the market every monday",
    "zebras and giraffes shared the shade near the river",
)]


@pytest.fixture(scope="module")
def spoken():
    return [timing_audio.speak(words, [80] * len(words))[0] for words in SENTENCES]


def _fit(aligner: Aligner, audio, words):
    return [(p.word, p.start_frame, p.end_frame, p.log_score) for p in aligner.decode(audio, words)]


def _choice(aligner: Aligner, audio, words):
    """Which of its third word and two others the audio takes there."""
    return aligner.decode_choice(audio, words[:2], [[words[2]], ["bass"], ["path"]], words[3:])


def _phones(aligner: Aligner, audio, words):
    return aligner.phones(audio, words)


@pytest.mark.parametrize("options", [AlignOptions(), HEARING_OPTIONS, NAMES_OPTIONS],
                         ids=["align", "hearing", "names"])
def test_each_turn_is_heard_the_same_in_any_order(spoken, options):
    every = [w for words in SENTENCES for w in words] + ["bass", "path"]
    results = []
    # Each sentence follows a different one (or none) in the two orders.
    for order in ((0, 1, 2, 3), (3, 0, 2, 1)):
        aligner = Aligner(options)
        aligner.prepare(every)
        # Each check over every sentence in turn: what a decoder carried over would come from
        # the same kind of search on another sentence.
        results.append({(check.__name__, i): check(aligner, spoken[i], SENTENCES[i])
                        for check in (_fit, _choice, _phones) for i in order})
    forwards, backwards = results
    assert all(forwards["_fit", i] for i in range(len(SENTENCES))), "every sentence is fitted"
    for key in forwards:
        assert forwards[key] == backwards[key], key


def test_a_word_is_guessed_the_same_whatever_was_guessed_before():
    # "vard" guessed first made "vardholm" "vard" + "holm" instead of its own reading.
    fresh = Aligner()
    fresh.prepare(["vardholm"])
    after = Aligner()
    after.prepare(["vard"])
    after.prepare(["vardholm"])
    assert after.lookup("vardholm") == fresh.lookup("vardholm")


def test_a_neighbours_unknown_words_are_context_whether_or_not_their_turn_came_first():
    words = SENTENCES[1]
    audio = timing_audio.speak(["zorvik", *words], [80] * (len(words) + 1))[0]
    fresh = Aligner()
    first = _fit_with_context(fresh, audio, words)
    seen = Aligner()
    seen.prepare(["zorvik"])       # the previous turn, aligned here first
    assert _fit_with_context(seen, audio, words) == first


def _fit_with_context(aligner: Aligner, audio, words):
    aligner.prepare(words)
    return [(p.word, p.start_frame, p.end_frame, p.log_score) for p in aligner.decode(audio, words, before=["zorvik"])]
