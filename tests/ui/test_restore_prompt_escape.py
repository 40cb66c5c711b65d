"""Escape closes the "Restore unsaved work?" prompt with the choice that loses nothing: the work is kept
aside, unchanged (never discarded, never restored over the open document)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from restore_helpers import button, killed_mid_edit, prompt, prompt_answered  # noqa: E402

pytestmark = pytest.mark.usefixtures("own_data_dir")


def test_escape_keeps_the_work_aside(windows, tmp_path, qtbot):
    path, journal = killed_mid_edit(windows, tmp_path)
    written = journal.read_bytes()
    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    assert box.escapeButton() is button(box, "Keep Aside")
    assert "Keep Aside keeps it, unchanged" in box.informativeText()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    prompt_answered(window, qtbot, timeout=10_000)
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert kept.read_bytes() == written                              # the edits, as they were left
    assert not window.model.transcript.segments[0].text.startswith("Lost? ")   # not restored
    assert str(kept) in window.warning_bar.text() and window.warning_bar.isVisible()   # the window says where


def test_escape_at_start_up_is_not_now(windows, tmp_path, qtbot):
    path, journal = killed_mid_edit(windows, tmp_path)
    written = journal.read_bytes()
    window = windows()
    assert window.project.recovery.offer_recovery() is not None     # at start-up: offered for later too
    box = prompt(window, qtbot)
    assert box.escapeButton() is button(box, "Not Now")
    QTest.keyClick(box, Qt.Key.Key_Escape)
    prompt_answered(window, qtbot, timeout=10_000)
    assert journal.read_bytes() == written                           # where the next start finds it
