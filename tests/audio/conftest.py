"""Fixtures for audio tests: espeak-ng speech with known word times (tests/bench/timing_audio.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import timing_audio  # noqa: E402


@pytest.fixture(scope="session")
def speech():
    """The helper module: speak(words, gaps) -> (int16 samples at 16 kHz, true word times)."""
    return timing_audio
