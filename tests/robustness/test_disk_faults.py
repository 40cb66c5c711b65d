"""Saving onto a full disk or into a read-only folder: a clear error, the previous file intact.

Real file systems where the machine allows it (we run as root in CI): a 64 KiB
tmpfs for "disk full", a read-only bind mount for EROFS, and a process that
dropped root (uid 65534) for a chmod 0555 folder, since root ignores permissions.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fixture_transcript  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import ten_hour_episode  # noqa: E402

from editor.core import atomic, ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.core.transcript import Segment, Transcript  # noqa: E402
from editor.session.journal import Journal  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture
def full_disk(tmp_path, monkeypatch):
    """A folder on a 64 KiB tmpfs ("real"), or one whose writes fail with ENOSPC ("simulated")."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() == 0 and _mount("-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)):
        yield folder, "real"
        subprocess.run(["umount", "-l", str(folder)], check=False)
        return
    # No mount rights: fail every write of more than 32 KiB the way a full disk does.
    real_write = os.write

    def write(fd, data):
        if len(data) > 32 * 1024:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)
    monkeypatch.setattr(atomic.os, "write", write, raising=False)
    yield folder, "simulated"


def _small() -> Transcript:
    t = Transcript()
    t.segments.append(Segment("s1", 0, 1000, "a short first save"))
    return t


def test_save_on_a_full_disk_fails_clearly_and_keeps_the_previous_file(full_disk):
    folder, kind = full_disk
    path = folder / "episode.tep.json"
    project.save(_small(), path)
    before = path.read_bytes()
    big = ten_hour_episode(turns=200, words=6000)   # ~230 KB of project: does not fit
    with pytest.raises(TranscriptError) as caught:
        project.save(big, path)
    message = str(caught.value)
    assert str(path) in message and "disk is full" in message, message
    assert "previous file was left as it was" in message
    assert path.read_bytes() == before
    assert project.load(path).transcript.segments[0].text == "a short first save"
    leftovers = [p.name for p in folder.iterdir() if p.name not in ("episode.tep.json", "episode.tep.json.bak")]
    assert leftovers == [], f"temporary files left on the full disk ({kind}): {leftovers}"


def test_journal_on_a_full_disk_reports_once_and_never_breaks_the_edit(full_disk):
    folder, kind = full_disk
    if kind != "real":
        pytest.skip("needs a real full file system (journal writes are small)")
    path = folder / "episode.tep.json"
    transcript = _small()
    project.save(transcript, path)
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle:   # take the rest of the space
        try:
            while True:
                handle.write(b"\0" * 1024)
                handle.flush()
        except OSError:
            pass
    errors = []
    journal.on_error = errors.append
    for n in range(50):
        journal.run(transcript, ops.set_text(transcript, 0, "a long line of typing " * 40 + str(n)))
    assert transcript.segments[0].text.endswith("49")          # every edit happened
    assert len(errors) == 1 and "disk is full" in str(errors[0]) and "save" in str(errors[0])
    journal.close()
    from editor.session import recovery
    pending = recovery.find_for(path)   # what did get written is intact and restorable
    assert pending.recoverable and not pending.torn
    assert pending.recover().segments[0].text == ("a long line of typing " * 40 + str(pending.last_seq - 1)
                                                  if pending.last_seq else "a short first save")


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder holding a saved project, then bind-mounted read-only over itself (EROFS)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    project.save(_small(), folder / "episode.tep.json")
    if os.geteuid() != 0 or not _mount("--bind", str(folder), str(folder)):
        pytest.skip("needs root to bind-mount; the setuid test below covers permissions")
    if not _mount("-o", "remount,ro,bind", str(folder)):
        subprocess.run(["umount", "-l", str(folder)], check=False)
        pytest.skip("cannot remount read-only here")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_save_into_a_read_only_file_system(read_only_folder):
    path = read_only_folder / "episode.tep.json"
    before = path.read_bytes()
    with pytest.raises(TranscriptError) as caught:
        project.save(fixture_transcript(), path)
    assert str(path) in str(caught.value) and "read-only" in str(caught.value)
    assert path.read_bytes() == before
    # The journal cannot live beside it: it goes to the user's data folder instead.
    data_dir = read_only_folder.parent / "data"
    transcript = project.load(path).transcript
    journal = Journal.for_document(path, saved=True, data_dir=data_dir, fsync_interval=None)
    assert journal.path.parent == data_dir / "recovery"
    journal.run(transcript, ops.set_text(transcript, 0, "edited on a read-only share"))
    journal.close()
    from editor.session import recovery
    pending = recovery.find_for(path, data_dir=data_dir)
    assert pending.recover().segments[0].text == "edited on a read-only share"
    with pytest.raises(TranscriptError, match="cannot start the recovery journal .*read-only"):
        Journal.start(read_only_folder / "x.journal", journal.base)


_AS_NOBODY = r"""
import os, sys
sys.path.insert(0, sys.argv[2])
from editor.core import project   # import first: the interpreter's files are root's
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript
import encodings.idna, json, tempfile, shutil, stat, errno
os.setgid(65534); os.setuid(65534)
t = Transcript(); t.segments.append(Segment("s1", 0, 1000, "this must not land"))
try:
    project.save(t, sys.argv[1])
except TranscriptError as error:
    print(error)
    sys.exit(3)
sys.exit(0)
"""


def test_save_into_a_chmod_0555_folder_as_an_ordinary_user(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("we are an ordinary user already: covered by chmod below")
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "episode.tep.json"
    project.save(_small(), path)
    before = path.read_bytes()
    os.chmod(path, 0o644)
    os.chmod(folder, 0o555)
    for parent in (tmp_path, *tmp_path.parents):   # let uid 65534 reach the folder
        if parent == Path("/"):
            break
        os.chmod(parent, os.stat(parent).st_mode | 0o005)
    result = subprocess.run([sys.executable, "-c", _AS_NOBODY, str(path), str(ROOT)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stdout and "permission denied" in result.stdout, result.stdout
    assert path.read_bytes() == before


def test_save_behind_a_folder_an_ordinary_user_may_not_enter(tmp_path):
    """Where even looking at the path is refused (a folder on the way without x for this user),
    the save says so, naming the file, instead of a traceback from the look."""
    if os.geteuid() != 0:
        pytest.skip("we are an ordinary user already: this needs switching to one")
    outer = tmp_path / "private"
    (outer / "inner").mkdir(parents=True)
    path = outer / "inner" / "episode.tep.json"
    for parent in (tmp_path, *tmp_path.parents):   # let uid 65534 reach tmp_path
        if parent == Path("/"):
            break
        os.chmod(parent, os.stat(parent).st_mode | 0o005)
    os.chmod(outer, 0o700)                          # but not into private/
    result = subprocess.run([sys.executable, "-c", _AS_NOBODY, str(path), str(ROOT)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert str(path) in result.stdout and "permission denied" in result.stdout, result.stdout
