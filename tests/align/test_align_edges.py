"""Word starts moved onto the sound (editor.align.edges), on real espeak-ng speech."""

import numpy as np

from editor.align.edges import onsets


def test_a_start_in_the_pause_moves_to_the_words_sound_and_one_on_sound_stays(speech):
    audio, truth = speech.speak(["so", "the", "river"], [600, 700, 100], lead_ms=500)
    so, the, river = truth
    spans = [(so.start_ms - 300, so.end_ms),          # 300 ms of the lead-in taken into "so"
             (the.start_ms + 20, the.end_ms),         # already on its sound: never moved earlier
             None,                                    # not timed: passed through
             (river.start_ms - 450, river.end_ms)]
    moved = onsets(audio, speech.RATE, spans)
    assert abs(moved[0][0] - so.start_ms) <= 10 and moved[0][1] == so.end_ms
    assert moved[1] == spans[1] and moved[2] is None
    assert abs(moved[3][0] - river.start_ms) <= 10


def test_a_span_with_no_sound_or_on_a_noise_floor_keeps_its_start(speech):
    audio, truth = speech.speak(["harbour"], [400], lead_ms=800)
    # All silence up to the word: nothing loud inside the span, nothing moves.
    assert onsets(audio, speech.RATE, [(100, 700)]) == [(100, 700)]
    # Room noise 45 dB below the speech is a pause, not a word: the start still moves.
    noisy = audio + np.random.default_rng(1).normal(0, np.abs(audio).max() / 180, len(audio)).astype(np.int16)
    (start, _), = onsets(noisy, speech.RATE, [(truth[0].start_ms - 500, truth[0].end_ms)])
    assert abs(start - truth[0].start_ms) <= 15
