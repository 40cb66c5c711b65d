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


@pytest.fixture(scope="module")
def aligner():
    """The aligner the audio checks use (its dictionary and model loaded once a file)."""
    return hearing_aligner()
