"""Saving is atomic, keeps a .bak, and a failed save leaves the old file exactly as it was."""

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from editor.core import atomic, project
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript

ROOT = Path(__file__).resolve().parents[2]


def episode(text):
    return Transcript(segments=[Segment("s1", 0, 1000, text)])


def test_second_save_keeps_the_first_as_bak(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(episode("first version"), path)
    first = path.read_bytes()
    assert not atomic.backup_path(path).exists()
    project.save(episode("second version"), path)
    assert atomic.backup_path(path).read_bytes() == first
    assert project.load(path).transcript.segments[0].text == "second version"
    project.save(episode("third version"), path)
    assert project.load(atomic.backup_path(path)).transcript.segments[0].text == "second version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep.tep.json", "ep.tep.json.bak"]


def test_permissions_of_the_old_file_are_kept(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(episode("one"), path)
    os.chmod(path, 0o640)
    project.save(episode("two"), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_disk_full_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "ep.tep.json"
    project.save(episode("safe version"), path)
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(TranscriptError) as caught:
        project.save(episode("lost version"), path)
    assert "disk is full" in str(caught.value) and str(path) in str(caught.value)
    assert "previous file was left" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ep.tep.json"]


def test_saving_over_a_folder_fails_cleanly(tmp_path):
    (tmp_path / "ep.tep.json").mkdir()
    with pytest.raises(TranscriptError, match="folder"):
        project.save(episode("x"), tmp_path / "ep.tep.json")


def test_saving_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(TranscriptError, match="folder does not exist"):
        project.save(episode("x"), tmp_path / "nowhere" / "ep.tep.json")


SAVE_IN_READ_ONLY = """
import sys
from editor.core import project
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript
try:
    project.save(Transcript(segments=[Segment("s1", 0, 1, "new")]), sys.argv[1])
except TranscriptError as error:
    print(error)
    sys.exit(7)
"""


def test_read_only_folder_fails_cleanly_with_the_old_file_intact():
    # Root ignores permission bits, so as root the save runs without the capabilities that let it
    # (setpriv drops DAC override from the bounding set): a real permission check either way.
    folder = Path(tempfile.mkdtemp(prefix="te-readonly-"))
    try:
        path = folder / "ep.tep.json"
        project.save(episode("old"), path)
        before = path.read_bytes()
        os.chmod(path, 0o644)
        os.chmod(folder, 0o555)
        command = [sys.executable, "-c", SAVE_IN_READ_ONLY, str(path)]
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            assert setpriv, "running as root needs util-linux setpriv to drop DAC override"
            command = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"] + command
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 7, result.stderr
        assert "cannot save: permission denied" in result.stdout and str(path) in result.stdout
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["ep.tep.json"]
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_atomic_write_text_and_bytes(tmp_path):
    atomic.atomic_write(tmp_path / "a.txt", "héllo")
    atomic.atomic_write(tmp_path / "b.bin", b"\x00\x01")
    atomic.atomic_write(tmp_path / "a.txt", "again", backup=False)
    assert (tmp_path / "a.txt").read_text() == "again"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert not (tmp_path / "a.txt.bak").exists()
