"""A silent WAV of a given length, for window tests that need audio of a length but not its sound."""

from __future__ import annotations

import wave


def silence(path, seconds: float):
    """Write *seconds* of 16 kHz mono silence to *path*; returns *path*."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * int(16000 * seconds))
    return path
