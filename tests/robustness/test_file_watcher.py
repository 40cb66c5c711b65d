"""FileWatcher with real files and a real QFileSystemWatcher: other programs' changes only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fixture_transcript  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.ui.files.file_watcher import AUDIO, TRANSCRIPT, FileWatcher  # noqa: E402

QUIET_MS = 700   # longer than the watcher's settle time plus delivery


@pytest.fixture
def files(tmp_path):
    transcript = tmp_path / "episode.tep.json"
    project.save(fixture_transcript(), transcript)
    audio = tmp_path / "episode.mp3"
    audio.write_bytes(b"ID3" + bytes(4000))
    return transcript, audio


@pytest.fixture
def watcher(qtbot, files):
    w = FileWatcher(settle_ms=100)
    w.watch(str(files[0]), str(files[1]))
    yield w
    w.clear()


def test_another_program_rewriting_the_project_is_reported_once(qtbot, watcher, files):
    transcript, _ = files
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as blocker, \
            open(transcript, "a", encoding="utf-8") as handle:   # written in three chunks
        for chunk in ("\n", " ", "\n"):
            handle.write(chunk)
            handle.flush()
    assert blocker.args == [str(transcript), TRANSCRIPT, True]
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=QUIET_MS):
        pass


def test_our_own_save_is_not_a_change(qtbot, watcher, files):
    transcript, _ = files
    loaded = project.load(transcript).transcript
    ops.run(loaded, ops.set_text(loaded, 0, "our edit"))
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=QUIET_MS):
        project.save(loaded, transcript)    # atomic: a new file renamed over the old
        watcher.saved(str(transcript))
    # ...and the watch survived the rename: the next foreign change is still seen.
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000):
        transcript.write_text(transcript.read_text(encoding="utf-8") + " ", encoding="utf-8")


def test_a_touch_or_identical_rewrite_is_not_a_change(qtbot, watcher, files):
    transcript, _ = files
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=QUIET_MS):
        os.utime(transcript)
        transcript.write_bytes(transcript.read_bytes())


def test_replace_by_rename_then_later_changes_are_all_seen(qtbot, watcher, files):
    transcript, _ = files
    temp = transcript.with_name("other-editor.tmp")
    temp.write_text(transcript.read_text(encoding="utf-8").replace("the ", "THE ", 1), encoding="utf-8")
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as first:
        os.replace(temp, transcript)
    assert first.args[2] is True
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000):
        transcript.write_text("{}", encoding="utf-8")


def test_deleted_then_restored(qtbot, watcher, files):
    transcript, _ = files
    content = transcript.read_bytes()
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as gone:
        transcript.unlink()
    assert gone.args == [str(transcript), TRANSCRIPT, False]
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as back:
        transcript.write_bytes(content + b" ")
    assert back.args == [str(transcript), TRANSCRIPT, True]


def test_audio_replaced_is_reported_as_audio(qtbot, watcher, files):
    _, audio = files
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as blocker:
        audio.write_bytes(b"ID3" + bytes(9000))
    assert blocker.args == [str(audio), AUDIO, True]


def test_keep_mine_accepts_the_change_and_save_as_moves_the_watch(qtbot, watcher, files, tmp_path):
    transcript, audio = files
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000):
        transcript.write_text("{}", encoding="utf-8")
    watcher.accept(str(transcript))
    new = tmp_path / "renamed.tep.json"
    project.save(fixture_transcript(), new)
    watcher.saved(str(new))
    with qtbot.assertNotEmitted(watcher.changed_on_disk, wait=QUIET_MS):
        transcript.write_text("[]", encoding="utf-8")   # the old name is no longer ours
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as blocker:
        new.write_text("{}", encoding="utf-8")           # the new one is, as the transcript
    assert blocker.args == [str(new), TRANSCRIPT, True]
    with qtbot.waitSignal(watcher.changed_on_disk, timeout=3000) as blocker:
        audio.write_bytes(b"ID3" + bytes(9000))          # and the audio still is
    assert blocker.args == [str(audio), AUDIO, True]
