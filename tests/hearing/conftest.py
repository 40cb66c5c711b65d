"""Fixtures for the audio checks: espeak-ng lines whose wrong passages are known (tests/bench/hearing_material.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material

from editor.hearing.fit import hearing_aligner


@pytest.fixture(scope="session")
def material():
    return hearing_material


@pytest.fixture(scope="session")
def aligner():
    """The aligner the audio checks use, its dictionary and model loaded once per test process (a
    decoder's set-up is ~0.3 s of CPU). Shared as a hearing pass's worker shares its one aligner across
    every turn of an episode: what one check adds (pronunciations of guessed words, decodes kept) does
    not change what the next one finds (tests/hearing/test_decode_reuse.py)."""
    return hearing_aligner()
