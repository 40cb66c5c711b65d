"""The real window when its files change behind its back, and when the audio does not fit the transcript.

Another program (``cp``, a child process) rewrites, deletes or replaces the
open project or its audio; the window must say so in a bar and offer Reload /
Keep mine, ignore its own saves, and keep the producer's version when asked.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from window_helpers import bar_button, bar_buttons

from editor.core import project
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta
from editor.session import recovery

LINES = ["the ketch left the slipway at dawn", "Vessik caulked the sternpost with oakum",
         "Brindle held the tiller until noon"]


def _transcript(lines=LINES, step_ms=1500) -> Transcript:
    return Transcript(TranscriptMeta(title="Slipway"), {"a": Speaker("a", "Ada Quist"), "b": Speaker("b", "Bram Holt")},
                      [Segment(f"t{i}", i * step_ms, (i + 1) * step_ms, text, "ab"[i % 2])
                       for i, text in enumerate(lines)])


def _other_program_writes(source: Path, target: Path) -> None:
    """Another process rewrites *target* in place (cp truncates and writes the same inode)."""
    subprocess.run(["cp", str(source), str(target)], check=True)


def _ffmpeg_tone(path: Path, seconds: float, codec: list[str]) -> Path:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"sine=frequency=330:duration={seconds}",
                    *codec, str(path)], check=True)
    return path


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    """Working copies of this test's audio go to its own cache (set before the window exists)."""
    monkeypatch.setenv("TRANSCRIPT_EDITOR_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def opened(window, tmp_path):
    path = tmp_path / "slipway.tep.json"
    project.save(_transcript(), path)
    assert window.open_path(str(path))
    return window, path


def _theirs(tmp_path) -> Path:
    other = tmp_path / "theirs.tep.json"
    project.save(_transcript(["the yawl left the slipway at dusk"] + LINES[1:]), other)
    return other


def test_reload_takes_the_other_programs_version(opened, tmp_path, qtbot):
    w, path = opened
    QTest.keyClicks(w.view.open_editor(2, 0), "Then ")
    qtbot.waitUntil(w.project.is_modified)
    _other_program_writes(_theirs(tmp_path), path)
    bar = w.watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "slipway.tep.json changed on disk" in bar.text()
    assert bar_buttons(bar) == ["Reload", "Keep mine"]
    bar_button(bar, "Reload").click()
    assert not bar.isVisible()
    assert w.model.transcript.segments[0].text == "the yawl left the slipway at dusk"
    assert w.model.transcript.segments[2].text == LINES[2]      # the unsaved edit was dropped, as asked
    assert not w.project.is_modified() and not w.isWindowModified()
    assert recovery.find_for(path) is None                      # nothing left to offer at the next start


def test_keep_mine_keeps_the_window_version_modified_and_save_writes_it(opened, tmp_path, qtbot):
    w, path = opened
    QTest.keyClicks(w.view.open_editor(1, 0), "Then ")
    _other_program_writes(_theirs(tmp_path), path)
    bar = w.watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar_button(bar, "Keep mine").click()
    assert not bar.isVisible()
    assert w.model.transcript.segments[1].text == "Then " + LINES[1]
    assert w.model.transcript.segments[0].text == LINES[0]
    assert w.project.is_modified() and w.isWindowModified()
    # Crash now: recovery replays onto the window's version, not onto the file the other program wrote.
    w.project.autosave.close()     # as a kill would: the journal stays behind, unlocked
    pending = recovery.find_for(path)
    assert pending is not None and pending.recoverable and pending.base.kind == "snapshot", pending.problem
    assert [s.text for s in pending.recover().segments] == [s.text for s in w.model.transcript.segments]
    # The same change is not reported twice; our own save is not a change either.
    with qtbot.assertNotEmitted(w.watch.watcher.changed_on_disk, wait=700):   # past the watcher's settle time
        assert w.project.save()
    assert not bar.isVisible()
    saved = json.loads(path.read_text(encoding="utf-8"))["segments"]
    assert saved[0]["text"] == LINES[0] and saved[1]["text"] == "Then " + LINES[1]
    assert not w.isWindowModified()


def test_own_saves_are_not_reported(opened, qtbot, tmp_path):
    w, path = opened
    for word in ("So ", "And "):
        QTest.keyClicks(w.view.open_editor(0, 0), word)
        with qtbot.assertNotEmitted(w.watch.watcher.changed_on_disk, wait=600):   # past the settle time
            assert w.project.save()
        assert not w.watch.bar.isVisible()
    with qtbot.assertNotEmitted(w.watch.watcher.changed_on_disk, wait=600):
        assert w.project.save_as(str(path.with_name("copy.tep.json")))
    assert not w.watch.bar.isVisible()
    _other_program_writes(_theirs(tmp_path), path.with_name("copy.tep.json"))   # the copy is watched now
    qtbot.waitUntil(w.watch.bar.isVisible, timeout=5000)
    assert "copy.tep.json changed on disk" in w.watch.bar.text()


def test_deleted_project_says_so_and_keep_mine_leaves_it_unsaved(opened, qtbot):
    w, path = opened
    path.unlink()
    bar = w.watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "slipway.tep.json was deleted or moved" in bar.text()
    assert bar_buttons(bar) == ["Keep mine"]
    bar_button(bar, "Keep mine").click()
    assert w.isWindowModified()
    assert w.project.save() and path.is_file()                  # Save writes it again


def test_unreadable_rewrite_keeps_the_window_version(opened, tmp_path, qtbot):
    w, path = opened
    broken = tmp_path / "broken.tep.json"
    broken.write_bytes(path.read_bytes()[:120])                 # a half-written file
    _other_program_writes(broken, path)
    bar = w.watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar_button(bar, "Reload").click()
    assert "cannot be read" in bar.text() and bar.isVisible()
    assert [s.text for s in w.model.transcript.segments] == LINES


@pytest.mark.real_player     # the real VLC backend loads the replaced file again
def test_audio_replaced_offers_reload(window, tmp_path, qtbot):
    audio = _ffmpeg_tone(tmp_path / "slipway.wav", 5, ["-c:a", "pcm_s16le"])
    path = tmp_path / "slipway.tep.json"
    project.save(_transcript(), path)
    assert window.open_path(str(path), str(audio))
    assert window.playback.has_media()
    _ffmpeg_tone(tmp_path / "new.wav", 6, ["-c:a", "pcm_s16le"])
    subprocess.run(["mv", str(tmp_path / "new.wav"), str(audio)], check=True)   # replaced by rename
    bar = window.watch.bar
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert "The audio slipway.wav changed on disk" in bar.text()
    bar_button(bar, "Reload").click()
    assert window.playback.has_media() and not bar.isVisible()
    qtbot.waitUntil(lambda: abs(window.playback.duration() - 6000) < 100, timeout=5000)


# ---------------------------------------------------------------------------------- audio length
def test_transcript_past_the_audio_end_warns_and_duration_is_taken(window, tmp_path):
    audio = _ffmpeg_tone(tmp_path / "short.wav", 2, ["-c:a", "pcm_s16le"])
    path = tmp_path / "long.tep.json"
    project.save(_transcript(step_ms=2000), path)               # runs to 6 s; the audio is 2 s
    assert window.open_path(str(path), str(audio))
    assert window.model.transcript.meta.duration_ms == pytest.approx(2000, abs=60)
    assert window.audio_bar.isVisible()
    assert "runs to 00:06 but the audio short.wav ends at 00:02" in window.audio_bar.text()


def test_audio_that_fits_gives_no_warning(window, tmp_path):
    audio = _ffmpeg_tone(tmp_path / "fits.wav", 5, ["-c:a", "pcm_s16le"])
    path = tmp_path / "fits.tep.json"
    project.save(_transcript(), path)                           # ends at 4.5 s
    assert window.open_path(str(path), str(audio))
    assert not window.audio_bar.isVisible() and window.audio_check.last_warning == ""


@pytest.mark.real_player     # the length is known once the real player's working copy is decoded
def test_truncated_mp3_warns_once_decoded(window, tmp_path, qtbot):
    full = _ffmpeg_tone(tmp_path / "full.mp3", 3, ["-c:a", "libmp3lame", "-b:a", "64k"])
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(full.read_bytes()[: int(full.stat().st_size * 0.4)])
    srt = tmp_path / "cut.srt"
    srt.write_text("1\n00:00:00,200 --> 00:00:01,000\nthe ketch left the slipway\n", encoding="utf-8")
    assert window.open_path(str(srt), str(cut))
    qtbot.waitUntil(lambda: window.audio_check.last_warning != "", timeout=15000)
    text = window.audio_bar.text()
    assert window.audio_bar.isVisible() and "cut.mp3 is shorter than its header says" in text
    assert "00:01.1" in text and "00:03.000 declared" in text, text
