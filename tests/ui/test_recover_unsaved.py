"""File ▸ Recover Unsaved Work…: the journals kept aside are listed with their document, edits and
whether they can be restored; Restore brings one back, Delete removes one only when confirmed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from message_boxes import wait_for_box, wait_for_no_box  # noqa: E402
from restore_helpers import button, kill, prompt, prompt_answered, type_into  # noqa: E402

# every window and journal of these tests lives in a data folder of the test's own
pytestmark = pytest.mark.usefixtures("own_data_dir")


def _texts(window):
    return [segment.text for segment in window.model.transcript.segments]


def _kept_by_closing_the_prompt(windows, folder, qtbot, name="harbour.tep.json"):
    """Edits left by a kill, then the prompt closed without a choice: the journal kept aside.
    Returns (project path, the texts as edited, the window that is left open)."""
    folder.mkdir(exist_ok=True)
    path = write_project(folder, name)
    first = windows()
    assert first.open_path(str(path))
    QApplication.processEvents()     # its own look for work left behind, before there is any
    type_into(first, 0, "Kept ")
    typed = _texts(first)
    kill(first)
    second = windows()
    assert second.open_path(str(path))
    prompt(second, qtbot).reject()
    prompt_answered(second, qtbot)
    assert list(folder.glob(f"{name}.journal.unrestored-*"))
    return path, typed, second


def _open_dialog(window, qtbot):
    window.action_table["recover_unsaved"].trigger()
    dialog = window.project.recovery.recover_dialog
    # Until the journals are read, the list's place says so.
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.empty.text() != "Looking for kept work…")
    return dialog


def _row(dialog, index):
    item = dialog.list.topLevelItem(index)
    return [item.text(column) for column in range(dialog.list.columnCount())]


def test_a_kept_journal_is_listed_and_restored_from_the_file_menu(windows, tmp_path, qtbot):
    path, typed, window = _kept_by_closing_the_prompt(windows, tmp_path / "show", qtbot)
    saved = _texts(window)
    assert saved != typed
    dialog = _open_dialog(window, qtbot)
    assert dialog.list.topLevelItemCount() == 1
    kept = dialog.current()                                # its row, chosen as the dialog opens
    document, folder, edits, _last_change, _kept_since, restorable = _row(dialog, 0)
    assert (document, folder, edits, restorable) == (path.name, str(path.parent), "5", "Yes")
    assert str(kept.pending.journal_path) in dialog.details.text()
    assert dialog.restore_button.isEnabled()

    dialog.restore_button.click()
    recovery = window.project.recovery
    qtbot.waitUntil(lambda: recovery.restoring is None and recovery.recover_dialog is None)
    assert _texts(window) == typed and window.isWindowModified()
    assert not list(path.parent.glob("*.unrestored-*"))     # back in place, and journaling goes on in it
    assert window.project.autosave.journal is not None
    assert window.project.autosave.journal.path == Path(str(path) + ".journal")
    while window.edits.stack.canUndo():
        window.edits.stack.undo()
    assert _texts(window) == saved


def test_work_that_cannot_be_restored_is_listed_and_deleted_only_when_confirmed(windows, tmp_path, qtbot):
    path, _typed, window = _kept_by_closing_the_prompt(windows, tmp_path / "show", qtbot)
    other, _other_typed, _ = _kept_by_closing_the_prompt(windows, tmp_path / "other", qtbot, "other.tep.json")
    with open(path, "a") as handle:                       # saved by another program since
        handle.write("\n")
    dialog = _open_dialog(window, qtbot)
    rows = {_row(dialog, i)[0]: i for i in range(dialog.list.topLevelItemCount())}
    assert set(rows) == {path.name, other.name}           # the recent projects' folders are looked in
    dialog.list.setCurrentItem(dialog.list.topLevelItem(rows[path.name]))
    assert _row(dialog, rows[path.name])[-1] == "No"
    assert not dialog.restore_button.isEnabled()
    assert "changed on disk" in dialog.details.text()

    kept = dialog.current()                                # the row chosen above
    assert kept.document == str(path)
    files = kept.files()
    dialog.delete_button.click()
    box = wait_for_box(qtbot, "Delete Unsaved Work?", over=dialog)
    assert "cannot be undone" in box.informativeText()
    button(box, "Cancel").click()                          # not asked to: nothing goes
    wait_for_no_box(qtbot, "Delete Unsaved Work?", over=dialog)
    assert all(file.exists() for file in files) and dialog.list.topLevelItemCount() == 2

    dialog.delete_button.click()
    button(wait_for_box(qtbot, "Delete Unsaved Work?", over=dialog), "Delete").click()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    assert not any(file.exists() for file in files)
    assert path.exists() and list(other.parent.glob("*.unrestored-*"))   # the other kept work stays


def test_restoring_kept_work_asks_first_to_save_the_open_work(windows, tmp_path, qtbot):
    path, typed, window = _kept_by_closing_the_prompt(windows, tmp_path / "show", qtbot)
    type_into(window, 3, "Unsaved ")                      # this session's own unsaved work
    dialog = _open_dialog(window, qtbot)
    dialog.restore_button.click()
    box = wait_for_box(qtbot, "Unsaved changes", over=window)
    assert "before restoring other work" in box.text()
    button(box, "Discard").click()
    qtbot.waitUntil(lambda: window.project.recovery.restoring is None and _texts(window) == typed)
    assert not list(path.parent.glob("*.unrestored-*"))
    while window.edits.stack.canUndo():                   # the discarded work is not under it
        window.edits.stack.undo()
    assert "Unsaved " not in window.model.segment(3).text


def test_with_nothing_kept_the_dialog_says_so(windows, qtbot):
    window = windows()
    dialog = _open_dialog(window, qtbot)
    assert dialog.list.topLevelItemCount() == 0
    assert dialog.empty.isVisible() and dialog.empty.text() == "No unsaved work is kept."
    assert not dialog.restore_button.isEnabled() and not dialog.delete_button.isEnabled()
    # The empty state stands in the list's place in a compact dialog, with nothing to act on but Close.
    assert not dialog.list.isVisible() and not dialog.restore_button.isVisible()
    assert dialog.height() <= 8 * dialog.empty.fontMetrics().height() + dialog.empty.minimumHeight()
    below = dialog.height() - dialog.empty.geometry().bottom()
    assert below <= 3 * dialog.restore_button.sizeHint().height()
