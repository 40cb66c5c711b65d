"""The window when its project's file or folder changes behind its back: nothing is lost, nothing of
another program's is overwritten without asking."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from message_boxes import button, shown_box, wait_for_no_box
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from restore_helpers import restore_prompt

from editor.core import project
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta
from editor.session import recovery

OVERWRITE = "Replace the other version?"   # the question Save asks when another program wrote the file
LINES = ["the ketch left the slipway at dawn", "Vessik caulked the sternpost with oakum",
         "Brindle held the tiller until noon"]


def _transcript(lines=LINES) -> Transcript:
    return Transcript(TranscriptMeta(title="Slipway"), {"a": Speaker("a", "Ada Quist")},
                      [Segment(f"t{i}", i * 1500, (i + 1) * 1500, text, "a") for i, text in enumerate(lines)])


@pytest.fixture
def opened(window, tmp_path):
    folder = tmp_path / "show"
    folder.mkdir()
    path = folder / "slipway.tep.json"
    project.save(_transcript(), path)
    assert window.open_path(str(path))
    return window, path


def _type(w, row, text, qtbot):
    QTest.keyClicks(w.view.open_editor(row, 0), text)
    qtbot.waitUntil(w.project.is_modified)


def _replace_on_disk(path: Path, first_line: str) -> None:
    """Another program writes its own version (to a temporary file, then renames it over ours)."""
    tmp = path.with_name("theirs.tmp")
    project.save(_transcript([first_line] + LINES[1:]), tmp)
    os.replace(tmp, path)


def _texts(path: Path) -> list[str]:
    return [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["segments"]]


def test_save_after_another_program_wrote_the_project_asks_first(opened, qtbot):
    w, path = opened
    _type(w, 1, "Then ", qtbot)
    _replace_on_disk(path, "their first line")
    qtbot.waitUntil(w.watch.bar.isVisible, timeout=5000)
    assert not w.project.save()                     # not written: a question instead
    box = shown_box(OVERWRITE, over=w)
    assert box is not None and box.isVisible()
    assert _texts(path)[0] == "their first line"
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    cancel.click()
    wait_for_no_box(qtbot, OVERWRITE, over=w)
    assert _texts(path)[0] == "their first line" and w.project.is_modified()
    w.project.save()
    box = shown_box(OVERWRITE, over=w)
    assert box is not None
    button(box, "Replace").click()
    qtbot.waitUntil(lambda: not w.project.is_modified())
    assert _texts(path) == [LINES[0], "Then " + LINES[1], LINES[2]]
    assert _texts(path.with_name(path.name + ".bak"))[0] == "their first line"


def test_a_kill_before_answering_the_changed_on_disk_bar_loses_nothing(opened, qtbot):
    w, path = opened
    _type(w, 2, "Later ", qtbot)
    expected = [s.text for s in w.model.transcript.segments]
    _replace_on_disk(path, "their first line")
    qtbot.waitUntil(w.watch.bar.isVisible, timeout=5000)
    w.project.autosave.close()                      # as a kill would: the journal stays, unlocked
    pending = recovery.find_for(path, True, os.environ["TRANSCRIPT_EDITOR_DATA_DIR"])
    assert pending is not None and pending.recoverable, pending and pending.problem
    assert [s.text for s in pending.recover().segments] == expected


def test_deleted_folder_edits_are_offered_at_the_next_start_and_save_makes_the_folder_again(opened, qtbot):
    w, path = opened
    _type(w, 0, "So ", qtbot)
    shutil.rmtree(path.parent)
    qtbot.waitUntil(w.watch.bar.isVisible, timeout=5000)
    _type(w, 1, "And ", qtbot)
    expected = [s.text for s in w.model.transcript.segments]
    journal = w.project.autosave.journal
    journal.close()                                 # a kill: nothing more is written
    found = [p for p in recovery.find_unsaved(os.environ["TRANSCRIPT_EDITOR_DATA_DIR"]) if p.recoverable]
    assert len(found) == 1 and [s.text for s in found[0].recover().segments] == expected
    # the next start offers it
    pending = w.project.recovery.offer_recovery()
    box = restore_prompt(w)
    assert pending is not None and box is not None
    assert "slipway.tep.json" in box.text()
    box.close()
    # and Save makes the folder again rather than failing
    w.project.autosave.journal = None
    assert w.project.write(str(path))
    assert _texts(path) == expected


def test_the_replace_box_buttons_all_have_icons_where_the_style_shows_them(opened, qtbot):
    """Replace and Save As… beside Cancel: where the style puts an icon on Cancel, they have one too."""
    from tests.ui.window_helpers import style_with_button_icons

    w, path = opened
    with style_with_button_icons():
        _type(w, 1, "Then ", qtbot)
        _replace_on_disk(path, "their first line")
        qtbot.waitUntil(w.watch.bar.isVisible, timeout=5000)
        assert not w.project.save()
        box = shown_box(OVERWRITE, over=w)
        assert box is not None
        assert sorted(b.text().replace("&", "") for b in box.buttons()) == ["Cancel", "Replace", "Save As…"]
        assert [b.text() for b in box.buttons() if b.icon().isNull()] == []
        box.button(QMessageBox.StandardButton.Cancel).click()
        wait_for_no_box(qtbot, OVERWRITE, over=w)
