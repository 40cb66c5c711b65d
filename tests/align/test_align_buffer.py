"""The decode buffer of align_transcript: true sample times after jumps, and no decoding past the last job."""

import numpy as np

from editor.align import batch
from editor.align.aligner import RATE
from editor.align.batch import AlignJob, _Buffer, align_transcript, apply_alignment, plan_jobs
from editor.core.transcript import Segment, WordTiming


def _ramp(first: int, count: int) -> np.ndarray:
    """Samples whose value is their own index (mod 2**15): where a slice came from is visible."""
    return (np.arange(first, first + count) % 32768).astype(np.int16)


def _job(start_ms: int, end_ms: int) -> AlignJob:
    return AlignJob(0, "s1", "word", [], start_ms, end_ms)


def test_drop_before_past_the_kept_audio_keeps_later_samples_at_their_true_time():
    buffer = _Buffer()
    buffer.append(_ramp(0, RATE))            # 0..1 s decoded
    buffer.drop_before(5_000)                # the next job starts at 5 s: drop all we have, no more
    assert buffer.base == RATE and buffer.end_ms == 1_000
    buffer.append(_ramp(RATE, 2 * RATE))     # 1..3 s decoded
    job = buffer.take(_job(1_200, 1_500), pad_ms=0)
    assert job.audio_start_ms == 1_200
    assert np.array_equal(job.audio, _ramp(RATE * 12 // 10, RATE * 3 // 10))


def test_take_spans_chunks_and_drop_releases_whole_and_part_chunks():
    buffer = _Buffer()
    for first in range(0, 3 * RATE, RATE // 2):   # six half-second chunks
        buffer.append(_ramp(first, RATE // 2))
    job = buffer.take(_job(400, 1_700), pad_ms=100)   # 0.3 .. 1.8 s: four chunks
    assert job.audio_start_ms == 300
    assert np.array_equal(job.audio, _ramp(RATE * 3 // 10, RATE * 15 // 10))
    buffer.drop_before(1_250)
    assert buffer.base == RATE * 125 // 100 and buffer.end_ms == 3_000
    assert len(buffer._chunks) == 4             # 0..1 s released, 1.0..1.25 s cut off the next chunk
    # asking for audio already released never relabels what is kept as earlier audio
    job = buffer.take(_job(1_000, 1_400), pad_ms=0)
    assert job.audio_start_ms == 1_250 and job.audio[0] == RATE * 125 // 100 % 32768


def _late_turn(speech, tmp_path, silence_s: int = 25, tail_s: int = 0):
    """A WAV: *silence_s* of silence (more than two decode chunks), one spoken turn, *tail_s* of silence."""
    words = speech.random_sentences(1, seed=5, words_per=(6, 8))[0]
    audio, truth = speech.speak(words, [120] * len(words), lead_ms=400)
    lead = np.zeros(silence_s * RATE, np.int16)
    tail = np.zeros(tail_s * RATE, np.int16)
    wav = speech.write_wav(tmp_path / "late.wav", np.concatenate([lead, audio, tail]))
    offset = silence_s * 1000
    segment = Segment("s2", offset + truth[0].start_ms - 200, offset + truth[-1].end_ms + 300, " ".join(words))
    return wav, [Segment("s1", 0, offset - 1_000, "before"), segment], [t.start_ms + offset for t in truth]


def test_a_turn_aligned_alone_after_a_jump_is_aligned_against_its_own_audio(speech, tmp_path):
    wav, segments, truth = _late_turn(speech, tmp_path)
    jobs = plan_jobs(segments, indices=[1])
    results = list(align_transcript(wav, jobs, workers=1))
    assert len(results) == 1 and apply_alignment(segments[1], results[0])
    assert segments[1].word_timing == WordTiming.ALIGNED
    errors = [abs(w.start_ms - t) for w, t in zip(segments[1].words, truth, strict=False)]
    assert np.median(errors) <= 50


def test_decoding_stops_once_every_job_has_its_audio(speech, tmp_path, monkeypatch):
    wav, segments, _ = _late_turn(speech, tmp_path, silence_s=2, tail_s=80)   # a short turn, then 80 s more
    decoded, real_decode = [], batch.iter_decode

    def counting_decode(*args, **kwargs):
        for chunk in real_decode(*args, **kwargs):
            decoded.append(len(chunk))
            yield chunk

    monkeypatch.setattr(batch, "iter_decode", counting_decode)
    results = list(align_transcript(wav, plan_jobs(segments, indices=[1]), workers=1))
    assert [r.segment_id for r in results] == ["s2"]
    assert sum(decoded) <= 2 * 10 * RATE   # about 10 s of a 90 s file, not all of it
