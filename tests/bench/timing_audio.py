"""Test speech with known word times, made with espeak-ng one word at a time.

Each word is synthesized on its own, its leading/trailing silence is trimmed, and the
words are laid end to end with chosen gaps, so the true start and end of every word is
known to the sample. Used by the alignment/peaks benchmarks and by tests/align, tests/audio.
"""

from __future__ import annotations

import functools
import os
import random
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16000
# The female variant of espeak's US voice: PocketSphinx's US model recognizes it far
# better than the default male voice (measured: the default voice fails most alignments).
VOICE = "en-us+f2"
# espeak-ng's samples for a voice variant change with the size of its process environment (the
# tests give every test its own XDG folders), so every synthesis runs with this fixed one: the same
# text always gives the same audio, in a test and in a bench.
ESPEAK_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
# A folder where the words spoken are kept, shared by the processes of one test session (its pytest
# workers and the scripts they run; tests/conftest.py names it): each word costs an espeak-ng and a
# sox process, and every process of the session would otherwise make the same words again.
SPEECH_CACHE_VARIABLE = "TRANSCRIPT_EDITOR_TEST_SPEECH"

# Invented sentences made of ordinary dictionary words plus a few invented names.
VOCABULARY = ["the", "river", "was", "quiet", "that", "morning", "and", "we", "carried", "the", "boat", "down", "to",
              "the", "water", "every", "plank", "had", "to", "be", "steamed", "and", "bent", "by", "hand", "before",
              "the", "winter", "came", "my", "father", "built", "his", "first", "hull", "in", "a", "barn", "behind",
              "the", "market", "people", "still", "ask", "me", "why", "we", "never", "used", "a", "machine", "for",
              "the", "hard", "part", "because", "the", "timber", "tells", "you", "where", "it", "wants", "to", "go",
              "if", "you", "listen", "we", "sold", "four", "boats", "that", "summer", "and", "gave", "one", "away",
              "to", "the", "school", "the", "festival", "brought", "half", "the", "village", "down", "to", "the",
              "harbour"]
NAMES = ["Marrowby", "Quillon", "Brannagh"]


@dataclass
class SpokenWord:
    text: str
    start_ms: int
    end_ms: int


@functools.cache
def word_audio(word: str, voice: str = VOICE, speed: int = 160) -> np.ndarray:
    """int16 samples at RATE of one spoken word, silence trimmed (kept in the session's speech folder, if any)."""
    folder = os.environ.get(SPEECH_CACHE_VARIABLE)
    if not folder:
        return _spoken(word, voice, speed)
    import hashlib
    kept = Path(folder) / f"{hashlib.sha1(repr((word, voice, speed)).encode()).hexdigest()}.npy"
    if kept.exists():
        return np.load(kept)
    samples = _spoken(word, voice, speed)
    kept.parent.mkdir(parents=True, exist_ok=True)
    partial = kept.with_suffix(f".{os.getpid()}.npy")
    np.save(partial, samples)
    os.replace(partial, kept)      # whole, whichever process of the session reads it next
    return samples


def _spoken(word: str, voice: str, speed: int) -> np.ndarray:
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", word],
                         capture_output=True, check=True, env=ESPEAK_ENV).stdout
    # -D: no dither, so the same word always gives the same samples (reproducible figures).
    raw = subprocess.run(["sox", "-D", "-t", "wav", "-", "-t", "raw", "-r", str(RATE), "-e", "signed",
                          "-b", "16", "-c", "1", "-"], input=wav, capture_output=True, check=True).stdout
    samples = np.frombuffer(raw, dtype=np.int16)
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 0.02 * np.abs(samples).max())
    return samples[loud[0]:loud[-1] + 1].copy()


def speak(words: list[str], gaps_ms: list[int], lead_ms: int = 300,
          voice: str = VOICE) -> tuple[np.ndarray, list[SpokenWord]]:
    """Concatenate *words* with *gaps_ms* (one per word, after it); return samples and truth."""
    pieces = [np.zeros(lead_ms * RATE // 1000, np.int16)]
    truth: list[SpokenWord] = []
    position = len(pieces[0])
    for word, gap in zip(words, gaps_ms, strict=False):
        audio = word_audio(word, voice)
        truth.append(SpokenWord(word, position * 1000 // RATE, (position + len(audio)) * 1000 // RATE))
        silence = np.zeros(gap * RATE // 1000, np.int16)
        pieces += [audio, silence]
        position += len(audio) + len(silence)
    return np.concatenate(pieces), truth


def random_sentences(n_sentences: int, seed: int = 1, names: bool = True,
                     words_per: tuple[int, int] = (6, 14)) -> list[list[str]]:
    """Random word sequences from VOCABULARY (with an invented name now and then)."""
    rng = random.Random(seed)
    sentences = []
    for _ in range(n_sentences):
        length = rng.randint(*words_per)
        start = rng.randrange(0, len(VOCABULARY) - length)
        sentence = VOCABULARY[start:start + length]
        if names and rng.random() < 0.4:
            sentence = list(sentence)
            sentence[rng.randrange(len(sentence))] = rng.choice(NAMES)
        sentences.append(list(sentence))
    return sentences


def random_gaps(n: int, rng: random.Random, low: int = 40, high: int = 350) -> list[int]:
    return [rng.randint(low, high) for _ in range(n)]


def spoken_turns(turns: int, seed: int, words_per: tuple[int, int], start_early_ms: int):
    """Audio of *turns* random spoken sentences, one after another, and a segment for each (untimed
    end, starting *start_early_ms* before its first word): (int16 samples, segments, length in ms)."""
    from editor.core.transcript import Segment

    rng = random.Random(seed)
    pieces, segments, position = [], [], 0
    for turn, words in enumerate(random_sentences(turns, seed=seed, words_per=words_per)):
        audio, truth = speak(words, random_gaps(len(words), rng), lead_ms=500)
        segments.append(Segment(f"s{turn + 1}", position + truth[0].start_ms - start_early_ms, None, " ".join(words)))
        pieces.append(audio)
        position += len(audio) * 1000 // RATE
    return np.concatenate(pieces), segments, position


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype(np.int16).tobytes())
    return path


def encode(wav_path: Path, out_path: Path, *args: str) -> Path:
    """Re-encode with the system ffmpeg (only test material is made this way)."""
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav_path), *args, str(out_path)], check=True)
    return out_path


def long_mp3(out_path: Path, minutes: int = 60) -> Path:
    """A *minutes*-long MP3 of looped espeak speech (for the peaks benchmark)."""
    if out_path.exists():
        return out_path
    rng = random.Random(3)
    words = [w for s in random_sentences(12, seed=3) for w in s]
    samples, _ = speak(words, random_gaps(len(words), rng))
    with tempfile.TemporaryDirectory() as tmp:
        wav = write_wav(Path(tmp) / "loop.wav", samples)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(wav),
                        "-t", str(minutes * 60), "-ac", "1", "-b:a", "64k", str(out_path)], check=True)
    return out_path
