"""Every cache the app keeps (working copies, alignments, waveform peaks, the spelling word set)
lands under one folder, chosen by one rule (editor.core.user_data.user_cache_dir):
$TRANSCRIPT_EDITOR_CACHE, else the platform's user cache folder."""

from __future__ import annotations

import math
import os
import struct
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from editor.core.user_data import ENV_CACHE_DIR, user_cache_dir

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: the word set is loaded once per process, so a test that ran before
# in this one would leave nothing for it to write.
WRITE_EVERY_CACHE = """
import sys
from editor.audio import peaks
from editor.core import spelling
from editor.core.transcript import Word, WordTiming
from editor.player.working_copy import WorkingCopyJob
from editor.ui.timing.alignment_cache import AlignmentCache, default_path, entry_key

audio = sys.argv[1]
job = WorkingCopyJob(audio).start()
assert job.wait(60) and job.error is None, job.error
assert peaks.load_or_compute(audio) is not None
cache = AlignmentCache(audio, default_path(audio))
cache.add(entry_key("hello there", 0, 500), [Word("hello", 0, 200), Word("there", 250, 500)], WordTiming.ALIGNED)
cache.save(background=False)
spelling.known_words()
"""

CACHES = ("working-copies", "alignment", "peaks", "spelling")


def _tone(path: Path) -> Path:
    rate = 16000
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * n / rate)))
                                 for n in range(rate)))
    return path


def _write_every_cache(tmp_path: Path, **env: str) -> None:
    audio = _tone(tmp_path / "tone.wav")
    environment = {k: v for k, v in os.environ.items() if k != ENV_CACHE_DIR}
    environment.update(env, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", WRITE_EVERY_CACHE, str(audio)], env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def _files_in(folder: Path) -> dict[str, list[str]]:
    return {cache: sorted(p.name for p in (folder / cache).iterdir()) if (folder / cache).is_dir() else []
            for cache in CACHES}


def test_the_folder_the_environment_names_holds_every_cache(tmp_path):
    named, xdg = tmp_path / "portable-cache", tmp_path / "xdg-cache"
    _write_every_cache(tmp_path, **{ENV_CACHE_DIR: str(named)}, XDG_CACHE_HOME=str(xdg))

    found = _files_in(named)
    assert all(found.values()), f"caches written elsewhere than {named}: {found}"
    assert not xdg.exists()


def test_without_it_every_cache_is_in_the_platform_s_user_cache_folder(tmp_path):
    xdg = tmp_path / "xdg-cache"
    _write_every_cache(tmp_path, XDG_CACHE_HOME=str(xdg))

    found = _files_in(xdg / "transcript-editor")
    assert all(found.values()), f"caches written elsewhere than {xdg}: {found}"


@pytest.mark.parametrize("named", [True, False])
def test_the_root_follows_the_rule(tmp_path, monkeypatch, named):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if named:
        monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "named"))
    else:
        monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    assert user_cache_dir() == (tmp_path / "named" if named else tmp_path / "xdg" / "transcript-editor")
