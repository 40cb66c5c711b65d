"""A few minutes of invented speech (espeak-ng) encoded the ways podcasts arrive (bench helper).

The episode starts with 3 s of digital silence, so a capture that plays from 0 and then
jumps shows exactly where the jump's audio begins (see heard.py).
"""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
from timing_audio import ESPEAK_ENV

LEAD_SILENCE_S = 3.0

# Invented lines, spoken in turn by three voices.
LINES = [
    "The ferry to Brannock Island leaves at seven, unless the fog comes in over the point.",
    "We counted forty-two seals on the sandbar this morning, which is a record for March.",
    "Every winter the harbour master repaints the channel markers in red and green.",
    "My aunt kept bees behind the chapel, and the honey tasted faintly of heather.",
    "Nobody remembers who planted the crooked pine at the end of the pier.",
    "The lifeboat crew trains on Thursday evenings, whatever the weather does.",
    "A storm in nineteen fifty three moved the whole dune thirty metres inland.",
    "If you listen carefully at low tide you can hear the old bell buoy off the reef.",
    "The bakery on Quay Street sells a saffron bun that people queue for at dawn.",
    "Our cartographer insists the island shrinks a little every single year.",
]
VOICES = ["en-us+m3", "en-gb+f2", "en+m7"]

ENCODINGS = {
    "MP3 CBR": ("mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]),
    "MP3 VBR": ("mp3", ["-c:a", "libmp3lame", "-q:a", "4"]),
    "M4A": ("m4a", ["-c:a", "aac", "-b:a", "64k"]),
    "OGG": ("ogg", ["-c:a", "libvorbis", "-q:a", "3"]),
    "FLAC": ("flac", ["-c:a", "flac"]),
    "WAV": ("wav", ["-c:a", "pcm_s16le"]),
}


def make_speech_wav(folder: Path, minutes: float = 3.0) -> Path:
    """A mono 22.05 kHz WAV of *minutes* of speech after LEAD_SILENCE_S of silence."""
    pcm = bytearray(b"\0\0" * int(LEAD_SILENCE_S * 22050))
    i = 0
    while len(pcm) / 2 / 22050 < LEAD_SILENCE_S + minutes * 60:
        clip = folder / f"line{i % 30}.wav"
        if not clip.exists():
            subprocess.run(["espeak-ng", "-v", VOICES[i % 3], "-s", str(150 + 10 * (i % 3)), "-w", str(clip),
                            LINES[i % len(LINES)]], check=True, stdout=subprocess.DEVNULL, env=ESPEAK_ENV)
        with wave.open(str(clip)) as w:
            pcm += w.readframes(w.getnframes())
        pcm += b"\0\0" * int(0.3 * 22050)
        i += 1
    out = folder / "speech.wav"
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050)
        w.writeframes(bytes(pcm))
    return out


def encode_all(source: Path, folder: Path) -> dict[str, Path]:
    """The speech in each podcast format, as 44.1 kHz stereo (what producers usually get)."""
    out = {}
    for label, (ext, codec) in ENCODINGS.items():
        dest = folder / f"speech-{label.replace(' ', '-').lower()}.{ext}"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-ar", "44100", "-ac", "2", *codec,
                        str(dest)], check=True)
        out[label] = dest
    return out


def loud_targets(ref: np.ndarray, rate: int, fractions=(0.07, 0.3, 0.55, 0.8)) -> list[int]:
    """Seek targets (ms) inside speech: sound in the 100 ms before and after each one."""
    win = int(0.1 * rate)
    targets = []
    for f in fractions:
        i = int(len(ref) * f)
        while i + win < len(ref):
            if np.sqrt((ref[i - win:i] ** 2).mean()) > 0.03 and np.sqrt((ref[i:i + win] ** 2).mean()) > 0.03:
                break
            i += win // 4
        targets.append(int(i * 1000 / rate))
    return targets
