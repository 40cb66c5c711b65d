"""A voice's picture across the whole episode: pairs of right words that misfit only because of how
the voice says their phones are no suspects, pairs around a real error still are (real PocketSphinx
on espeak-ng speech, the turns planned, padded and fitted as the audio checks do)."""

import pytest

from editor.align.batch import align_transcript
from editor.hearing.fit import HEARING_OPTIONS
from editor.hearing.listen import HEAR_PAD_MS, HearJob, fit_turn, plan, turn_doubts
from editor.hearing.suggest import align_missing
from editor.hearing.suspects import WordDoubt, runs
from editor.hearing.voice import VoicePicture, voice_explained


def _fitted(job: HearJob, aligner):
    """Each turn's word doubts and the suspects the pair rule makes of them (a worker's first step)."""
    job, fitted = fit_turn(job, aligner)
    assert fitted is not None, job.text
    doubts = turn_doubts(job, fitted, aligner)
    return job.index, doubts, runs(job.text, doubts, job.index, job.segment_id)


def _pairs_and_explained(material, tmp_path, voice, speed):
    episode = material.episode(material.FRESH12_LINES, material.FRESH12_CLEAN, voice=voice, speed=speed)
    wav = material.write_wav(tmp_path / "episode.wav", episode.audio)
    transcript = episode.transcript
    align_missing(transcript, wav, workers=1)
    doubts_of: dict[int, list[WordDoubt]] = {}
    suspects = []
    for index, doubts, found in align_transcript(wav, plan(transcript.segments, transcript.end_ms), workers=1,
                                                 task=_fitted, options=HEARING_OPTIONS, pad_ms=HEAR_PAD_MS,
                                                 pad_after_ms=HEAR_PAD_MS):
        doubts_of[index] = doubts
        suspects += found
    picture = VoicePicture.learn(d for doubts in doubts_of.values() for d in doubts)
    pairs = [s for s in suspects if s.from_fits]

    def wrong(s):
        return any(p.index == s.segment and p.start < s.char_end and s.char_start < p.end for p in episode.passages)

    explained = voice_explained(pairs, doubts_of, picture)
    return ({s.text for s in pairs if not wrong(s)}, {s.text for s in pairs if wrong(s)},
            {s.text for s in explained})


@pytest.mark.slow
def test_right_words_a_voice_says_badly_are_explained_by_its_phones_and_errors_are_not(material, tmp_path):
    # en-us+f3 says its short e and its r-coloured vowels in a way the model hears badly, in every
    # turn: "tells you whether" and "session are" both misfit their turns as a pair of errors would.
    right, errors, explained = _pairs_and_explained(material, tmp_path, "en-us+f3", 150)
    assert {"tells you whether", "session are"} <= right
    assert "telephone plays records" in errors       # "gramophone": a real error, only the pair rule finds it
    assert explained & right == {"tells you whether", "session are"}
    assert explained & errors == set()
