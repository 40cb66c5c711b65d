"""A voice's picture across the whole episode: pairs of right words that misfit only because of how
the voice says their phones are no suspects, pairs around a real error still are (real PocketSphinx
on espeak-ng speech, the turns planned, padded and fitted as the audio checks do)."""

import pytest

from editor.align.batch import align_transcript
from editor.hearing.fit import HEARING_OPTIONS
from editor.hearing.listen import HEAR_PAD_MS, Heard, HearJob, fit_turn, plan, turn_doubts
from editor.hearing.suggest import align_missing
from editor.hearing.suspects import WordDoubt, runs
from editor.hearing.voice import VoicePicture, pairs_judged_at_the_end, voice_explained

pytestmark = pytest.mark.slow


def _first_step(job: HearJob, aligner) -> Heard:
    """A turn's word doubts and the suspects the pair rule makes of them (a worker's first step)."""
    job, fitted = fit_turn(job, aligner)
    assert fitted is not None, job.text
    doubts = turn_doubts(job, fitted, aligner)
    return Heard(job.index, job.segment_id, job.text, doubts, runs(job.text, doubts, job.index, job.segment_id))


@pytest.fixture(scope="module")
def heard_f3(material, tmp_path_factory):
    """fresh12 in en-us+f3, which says its short e and r-coloured vowels in a way the model hears
    badly in every turn: each turn as the audio checks' first step hears it, and the wrong passages."""
    episode = material.episode(material.FRESH12_LINES, material.FRESH12_CLEAN, voice="en-us+f3", speed=150)
    wav = material.write_wav(tmp_path_factory.mktemp("voice") / "episode.wav", episode.audio)
    transcript = episode.transcript
    align_missing(transcript, wav, workers=1)
    heard = list(align_transcript(wav, plan(transcript.segments, transcript.end_ms), workers=1, task=_first_step,
                                  options=HEARING_OPTIONS, pad_ms=HEAR_PAD_MS, pad_after_ms=HEAR_PAD_MS))
    return sorted(heard, key=lambda h: h.index), episode.passages


def _wrong(suspect, passages):
    return any(p.index == suspect.segment and p.start < suspect.char_end and suspect.char_start < p.end
               for p in passages)


def test_right_words_a_voice_says_badly_are_explained_by_its_phones_and_errors_are_not(heard_f3):
    heard, passages = heard_f3
    pairs = [s for h in heard for s in h.suspects if s.from_fits]
    right = {s.text for s in pairs if not _wrong(s, passages)}
    errors = {s.text for s in pairs if _wrong(s, passages)}
    # "tells you whether" and "session are" misfit their turns as a pair of errors would.
    assert {"tells you whether", "session are"} <= right
    assert "telephone plays records" in errors       # "gramophone": a real error only the pair rule finds
    picture = VoicePicture.learn(d for h in heard for d in h.doubts)
    explained = {s.text for s in voice_explained(pairs, {h.index: h.doubts for h in heard}, picture)}
    assert explained & right == {"tells you whether", "session are"}
    assert explained & errors == set()


def test_a_pass_shows_the_pairs_once_every_turn_is_heard_and_only_those_the_voice_does_not_explain(heard_f3):
    heard, passages = heard_f3
    shown: dict[int, list[str]] = {}
    firsts = []
    for turn in pairs_judged_at_the_end(iter(heard)):
        if turn.index not in shown:
            firsts.append(turn)
        shown[turn.index] = [s.text for s in turn.suspects]     # a turn given again replaces what it showed
    assert len(firsts) == len(heard)
    assert not any(s.from_fits for turn in firsts for s in turn.suspects)
    everything = {text for texts in shown.values() for text in texts}
    assert "telephone plays records" in everything
    assert not everything & {"tells you whether", "session are"}


def _doubt(token: int, phones: str, fit_vs_turn: float, frames: int = 30) -> WordDoubt:
    return WordDoubt(token, 10 * token, 10 * token + 5, None, None, 0.0, below=max(0.0, -fit_vs_turn),
                     fit_vs_turn=fit_vs_turn, frames=frames, phones=tuple(phones.split()))


@pytest.mark.parametrize("doubts", [[], [_doubt(0, "HH ER", -2.0)], [_doubt(0, "", -2.0, frames=0)]],
                         ids=["no words", "one word", "nothing spoken"])
def test_a_picture_of_too_few_words_expects_no_more_than_it_has_seen(doubts):
    picture = VoicePicture.learn(doubts)
    assert 0.0 <= picture.expected_below(("HH", "ER")) <= 2.0
    assert picture.expected_below(()) == 0.0
