"""Decoding real files of every common podcast format, and clear errors for bad ones."""

import numpy as np
import pytest

from editor.audio.decode import decode, duration_ms, iter_decode
from editor.core.errors import TranscriptError


@pytest.fixture(scope="module")
def wav(speech, tmp_path_factory):
    words = ["the", "festival", "brought", "half", "the", "village", "down", "to", "the", "harbour"]
    samples, _ = speech.speak(words, [150] * len(words), lead_ms=250)
    return speech.write_wav(tmp_path_factory.mktemp("audio") / "speech.wav", samples), samples


@pytest.mark.parametrize("suffix,args", [
    (".mp3", ["-b:a", "64k"]), (".m4a", ["-c:a", "aac", "-b:a", "64k"]),
    (".ogg", ["-c:a", "libvorbis"]), (".flac", []), (".opus", ["-c:a", "libopus"]),
])
def test_every_format_decodes_to_the_same_length(speech, wav, suffix, args):
    path, samples = wav
    encoded = speech.encode(path, path.with_suffix(suffix), *args)
    decoded = decode(encoded, 16000)
    assert decoded.dtype == np.int16
    # encoders add up to a few tens of ms of priming/padding
    assert abs(len(decoded) - len(samples)) < 16000 * 0.08
    assert abs(duration_ms(encoded) - len(samples) / 16) < 120


def _one_frame_at_a_time(path, rate: int, sample_format: str) -> np.ndarray:
    """Every frame through PyAV's own AudioResampler as it comes (what the decoder must equal)."""
    import av
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format=sample_format, layout="mono", rate=rate)
        out = [o.to_ndarray().reshape(-1) for frame in container.decode(audio=0) for o in resampler.resample(frame)]
        out += [o.to_ndarray().reshape(-1) for o in resampler.resample(None)]
    return np.concatenate(out)


@pytest.fixture(scope="module")
def long_encoded(speech, wav):
    """The speech eight times over (long enough for many reads of the converter, which reads every
    PULL_EVERY frames, and a chunk), encoded once per format for every rate it is decoded at."""
    path, samples = wav
    long = speech.write_wav(path.with_name("long.wav"), np.tile(samples, 8))
    made = {}

    def encoded(suffix, args):
        if suffix not in made:
            made[suffix] = speech.encode(long, path.with_name(f"long-{suffix[1:]}{suffix}"), *args)
        return made[suffix]
    return encoded


@pytest.mark.parametrize("suffix,args", [
    (".mp3", ["-ar", "44100", "-ac", "2", "-b:a", "128k"]), (".m4a", ["-c:a", "aac", "-ac", "2"]),
    (".opus", ["-c:a", "libopus"]), (".wav", ["-ar", "44100", "-ac", "2"]),
])
@pytest.mark.parametrize("rate,dtype,sample_format", [(16000, "int16", "s16"), (8000, "float32", "flt")])
def test_decoded_samples_are_the_resamplers_frame_by_frame(long_encoded, suffix, args, rate, dtype, sample_format):
    encoded = long_encoded(suffix, args)
    expected = _one_frame_at_a_time(encoded, rate, sample_format)
    np.testing.assert_array_equal(decode(encoded, rate, dtype), expected)


def test_wav_decodes_exactly_and_spans_are_slices(wav):
    path, samples = wav
    whole = decode(path, 16000)
    np.testing.assert_array_equal(whole, samples)
    span = decode(path, 16000, start_ms=500, end_ms=1250)
    np.testing.assert_array_equal(span, samples[8000:20000])
    as_float = decode(path, 8000, dtype="float32")
    assert as_float.dtype == np.float32 and abs(len(as_float) - len(samples) // 2) <= 1
    assert np.abs(as_float).max() <= 1.0


def test_progress_reaches_one_and_cancel_stops(wav):
    path, _ = wav
    seen = []
    list(iter_decode(path, 16000, progress=seen.append))
    assert seen[-1] == 1.0
    assert list(iter_decode(path, 16000, cancelled=lambda: True))  # at most the first chunk


def test_missing_file(tmp_path):
    with pytest.raises(TranscriptError, match="not found") as error:
        decode(tmp_path / "nope.mp3")
    assert "nope.mp3" in str(error.value)


def test_zero_length_file(tmp_path):
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    with pytest.raises(TranscriptError, match="empty") as error:
        decode(empty)
    assert str(empty) in str(error.value)


def test_text_pretending_to_be_audio(tmp_path):
    fake = tmp_path / "episode.mp3"
    fake.write_text("Speaker 1  0:00\nThis is a transcript, not audio.\n" * 20)
    with pytest.raises(TranscriptError) as error:
        decode(fake)
    assert str(fake) in str(error.value)


def test_truncated_file_keeps_what_decodes_or_fails_clearly(speech, wav, tmp_path):
    path, samples = wav
    mp3 = speech.encode(path, tmp_path / "full.mp3", "-b:a", "64k")
    data = mp3.read_bytes()
    half = tmp_path / "half.mp3"
    half.write_bytes(data[: len(data) // 2])
    decoded = decode(half, 16000)
    assert 0.3 * len(samples) < len(decoded) < 0.7 * len(samples)
    header_only = tmp_path / "header.wav"
    header_only.write_bytes(path.read_bytes()[:44])
    with pytest.raises(TranscriptError) as error:
        decode(header_only)
    assert "header.wav" in str(error.value)
