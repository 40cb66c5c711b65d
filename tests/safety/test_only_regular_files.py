"""Pipes, devices and folders given as transcripts are refused at once, never waited on or read forever."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from editor.core import project
from editor.core.errors import TranscriptError
from editor.formats import read_file

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "episode.srt"
    os.mkfifo(path)
    return path


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo):
    with pytest.raises(TranscriptError, match="pipe"):
        read_file(fifo)
    with pytest.raises(TranscriptError, match="pipe"):
        project.load(fifo)
    assert not project.is_project(fifo)


def test_dev_zero_is_refused_not_read_forever():
    with pytest.raises(TranscriptError, match="device"):
        read_file("/dev/zero")


def _cli(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    # timeout: a hang guard only (the refusal is immediate); a hang would fail the test, not block the run.
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


def test_check_refuses_a_fifo_and_dev_zero_naming_each(fifo):
    done = _cli("check", fifo, "/dev/zero")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines == [f"{fifo}: is a pipe (FIFO), not a file; only regular files can be opened",
                     "/dev/zero: is a device, not a file; only regular files can be opened"]


def test_check_warns_when_an_audio_named_file_holds_a_transcript(tmp_path):
    path = tmp_path / "episode.mp3"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n", encoding="utf-8")
    done = _cli("check", "--json", path)
    assert done.returncode == 0
    import json
    warnings = json.loads(done.stdout)["warnings"]
    assert any("*.mp3" in w and "audio" in w and "transcript" in w for w in warnings)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path, monkeypatch):
    from editor.core import files
    path = tmp_path / "ep.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(TranscriptError, match="refused"):
        files.read_regular(path, 100)
    assert files.read_regular(path, 5000) == b"word " * 1000


def test_export_refuses_to_write_onto_its_input_even_through_a_link(tmp_path):
    source = tmp_path / "episode.srt"
    original = "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n"
    source.write_text(original, encoding="utf-8")
    link = tmp_path / "same.srt"
    link.symlink_to(source)
    done = _cli("export", source, "--to", "srt", "-o", link)
    assert done.returncode == 2 and "overwrite the input" in done.stderr
    assert source.read_text(encoding="utf-8") == original
