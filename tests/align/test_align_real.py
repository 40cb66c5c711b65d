"""Real PocketSphinx alignment of espeak-ng speech whose word times are known."""

import random
import re
import threading

import numpy as np

from editor.align.aligner import Aligner, align_segment
from editor.align.batch import align_transcript, apply_alignment, plan_jobs
from editor.core.transcript import Mark, MarkKind, Segment, WordTiming

SENTENCE = ["my", "father", "built", "his", "first", "hull", "in", "a", "barn", "behind", "the", "market"]


def test_sentence_word_starts_within_tolerance(speech):
    rng = random.Random(4)
    audio, truth = speech.speak(SENTENCE, speech.random_gaps(len(SENTENCE), rng), lead_ms=400)
    start, end = truth[0].start_ms - 150, truth[-1].end_ms + 150
    result = align_segment(audio, SENTENCE, start, end, audio_start_ms=0)
    assert result.timing == WordTiming.ALIGNED
    errors = [abs(w.start_ms - t.start_ms) for w, t in zip(result.words, truth, strict=False)]
    assert np.median(errors) <= 50 and max(errors) <= 150, errors
    assert all(w.start_ms < w.end_ms <= n.start_ms for w, n in zip(result.words, result.words[1:], strict=False))


def test_unknown_name_and_inaudible_token(speech):
    spoken = ["the", "Marrowby", "river", "was", "quiet"]
    gaps = [120, 180, 900, 150, 200]  # the 900 ms pause stands in for the inaudible bit
    audio, truth = speech.speak(spoken, gaps, lead_ms=300)
    text = "the Marrowby river [inaudible] was quiet"
    at = text.index("[inaudible]")
    segment = Segment("s1", 200, truth[-1].end_ms + 100, text,
                      marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, 2000)])
    from editor.align.text import segment_tokens

    result = align_segment(audio, segment_tokens(segment), segment.start_ms, segment.end_ms, audio_start_ms=0)
    assert result.timing == WordTiming.ALIGNED
    assert result.unknown == ["marrowby"]
    by_text = {w.text: w for w in result.words}
    assert abs(by_text["Marrowby"].start_ms - truth[1].start_ms) <= 100
    inaudible = by_text["[inaudible]"]
    # interpolated inside the pause between "river" and "was"
    assert by_text["river"].end_ms <= inaudible.start_ms <= inaudible.end_ms <= by_text["was"].start_ms
    assert abs(by_text["was"].start_ms - truth[3].start_ms) <= 100


def _episode(speech, tmp_path, n_turns=6):
    rng = random.Random(8)
    pieces, segments, truths, position = [], [], [], 0
    for turn, words in enumerate(speech.random_sentences(n_turns, seed=8, words_per=(5, 9))):
        audio, truth = speech.speak(words, speech.random_gaps(len(words), rng), lead_ms=600)
        segments.append(Segment(f"s{turn + 1}", position + truth[0].start_ms - 200, None, " ".join(words)))
        truths.append([t.start_ms + position for t in truth])
        pieces.append(audio)
        position += len(audio) * 1000 // speech.RATE
    wav = speech.write_wav(tmp_path / "episode.wav", np.concatenate(pieces))
    mp3 = speech.encode(wav, tmp_path / "episode.mp3", "-b:a", "64k")
    return mp3, segments, truths, position


def test_transcript_on_two_worker_processes_gives_every_segment(speech, tmp_path):
    mp3, segments, truths, duration = _episode(speech, tmp_path)
    seen, progress = [], []
    for result in align_transcript(mp3, plan_jobs(segments, duration), workers=2,
                                   progress=lambda done, total: progress.append((done, total))):
        assert apply_alignment(segments[result.index], result)
        seen.append(result.index)
    assert sorted(seen) == list(range(len(segments)))
    assert progress[-1] == (len(segments), len(segments))
    errors = []
    for segment, truth in zip(segments, truths, strict=False):
        assert segment.word_timing == WordTiming.ALIGNED
        errors += [abs(w.start_ms - t) for w, t in zip(segment.words, truth, strict=False)]
    assert np.median(errors) <= 50  # MP3 (64 kbps) decoded by PyAV, not the WAV
    assert not plan_jobs(segments, duration)  # nothing left to do: never runs twice


def test_cancel_stops_early(speech, tmp_path):
    mp3, segments, _, duration = _episode(speech, tmp_path)
    stop = threading.Event()
    got = []
    for result in align_transcript(mp3, plan_jobs(segments, duration), workers=1, cancelled=stop.is_set):
        got.append(result)
        stop.set()
    assert len(got) == 1


def test_mark_takes_the_time_it_is_heard_at_after_alignment(speech, tmp_path):
    spoken = "we carried the boat down to the water and my father built his first hull".split()  # noqa: SIM905
    gaps = [150] * len(spoken)
    gaps[7] = 1500                 # the mumbled bit after "water"
    audio, truth = speech.speak(spoken, gaps, lead_ms=400)
    wav = speech.write_wav(tmp_path / "turn.wav", audio)
    text = " ".join(spoken[:8] + ["[inaudible]"] + spoken[8:])
    at = text.index("[inaudible]")
    segment = Segment("s1", 100, truth[-1].end_ms + 200, text,
                      marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, 100)])    # imported at the turn's start
    (result,) = align_transcript(wav, plan_jobs([segment], truth[-1].end_ms + 400), workers=1)
    assert apply_alignment(segment, result)
    mark_time = segment.marks[0].time_ms
    assert truth[7].end_ms - 150 <= mark_time <= truth[8].start_ms   # in the pause, not at 00:00.1
    assert not segment.is_changed



def test_the_turn_grammar_reaches_its_end_with_some_of_the_next_turns_words_heard(speech):
    # The padded audio of a turn holds the previous turn's last words and the first one or
    # two of the next turn's: the grammar with both neighbours' words must still find a
    # path (a chain of separately skippable context words did not, and the turn was then
    # aligned on its text alone, whose first words took the previous turn's last sound).
    previous = "the festival brought half the village down to the".split()  # noqa: SIM905
    turn = "the river was quiet that morning".split()  # noqa: SIM905
    following = "the boat down to the water".split()  # noqa: SIM905
    words = previous + turn + following
    audio, truth = speech.speak(words, [150] * len(words), lead_ms=300)
    first, last = len(previous), len(previous) + len(turn) - 1
    aligner = Aligner()
    decoder = aligner._decoder(0)
    for heard in (0, 1, 2):
        lo, hi = truth[first - 2].start_ms - 100, truth[last + heard].end_ms + 400
        aligner._set_grammar(decoder, turn, previous[-5:], following[:5])
        aligner._run(decoder, aligner._with_noise_floor(audio[lo * speech.RATE // 1000:hi * speech.RATE // 1000])
                     .tobytes())
        said = [re.sub(r"\(\d+\)$", "", s.word) for s in decoder.seg() or () if decoder.hyp() is not None]
        assert [w for w in said if w in turn] == turn, (heard, said)
        # The neighbours' words heard were taken as context, not as this turn's.
        before_turn, after_turn = said[:said.index(turn[0])], said[said.index(turn[-1]) + 1:]
        assert f"{previous[-1]}|context" in before_turn, (heard, said)
        assert [w for w in after_turn if w.endswith("|context")][:heard] == [
            f"{w}|context" for w in following[:heard]], (heard, said)
