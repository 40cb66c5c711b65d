"""What the restore prompt and the start-up message say about work left behind: plain wording for
each case, and one message for all the unrestorable work found at start-up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from message_boxes import wait_for_error  # noqa: E402
from restore_helpers import button, killed_mid_edit, prompt, prompt_answered, restore_prompt  # noqa: E402

# every window and journal of these tests lives in a data folder of the test's own
pytestmark = pytest.mark.usefixtures("own_data_dir")


def _damage_header(journal):
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"{not a header\n" + b"".join(lines[1:]))


def test_a_damaged_header_is_said_plainly(windows, tmp_path, qtbot):
    path, journal = killed_mid_edit(windows, tmp_path)
    _damage_header(journal)
    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert box.windowTitle() == "Unsaved work cannot be restored"
    assert box.text() == (f"Unsaved work on {path.name} was left behind, but it cannot be restored: its journal "
                          f"is damaged at the start, where it says which file the edits were made on.")
    assert box.informativeText() == (f"It is kept, unchanged, in {kept}. Keep leaves it there (File ▸ Recover "
                                     f"Unsaved Work… lists it); Discard deletes it.")
    assert not button(box, "Restore").isEnabled()


def test_a_changed_document_is_said_plainly(windows, tmp_path, qtbot):
    path, _journal = killed_mid_edit(windows, tmp_path)
    with open(path, "a") as handle:               # another program saved it since
        handle.write("\n")
    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    assert box.text().startswith(f"Unsaved work on {path.name} was left behind, but it cannot be restored: "
                                 f"{path} was changed on disk or removed since the edits were made")
    assert box.text().endswith("they only fit the version they were made on.")
    assert box.informativeText().endswith("Discard deletes it.")


def test_a_restorable_journal_says_what_each_button_does(windows, tmp_path, qtbot):
    path, _journal = killed_mid_edit(windows, tmp_path)
    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    assert box.windowTitle() == "Restore unsaved work?"
    assert f"Unsaved work on {path.name}: 6 edits after the last save" in box.text()
    assert box.informativeText() == ("Restore brings it back; Discard deletes it. Keep Aside keeps it, unchanged "
                                     "(File ▸ Recover Unsaved Work… lists it).")
    assert button(box, "Restore").isEnabled()


def test_unrestorable_work_found_at_start_is_listed_in_one_message(windows, own_data_dir, qtbot):
    from editor.session.journal_places import recovery_dir
    folder = recovery_dir(own_data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    left = {}
    # An unsaved import's journal is named after its file and a hash of its path.
    for name, document in (("episode.srt-0123456789abcdef.journal", "episode.srt"),
                           ("interview.vtt-fedcba9876543210.journal", "interview.vtt")):
        (folder / name).write_bytes(f"not a header of {name}\n".encode())
        left[name] = (document, (folder / name).read_bytes())
    window = windows()
    errors = []
    window.project.error_occurred.connect(lambda title, text: errors.append((title, text)))
    assert window.project.recovery.offer_recovery() is None
    assert len(errors) == 1                          # one message, not one box each
    title, text = errors[0]
    assert title == "2 pieces of unsaved work left behind cannot be restored"
    for name, (document, written) in left.items():
        [kept] = folder.glob(f"{name}.unrestored-*")
        assert kept.read_bytes() == written and not (folder / name).exists()
        assert f"• {document}: its journal is damaged at the start" in text and str(kept) in text
    assert "File ▸ Recover Unsaved Work… lists what is kept." in text


def test_at_start_a_recent_project_is_offered_whatever_its_file_is_named(windows, tmp_path, qtbot):
    # A project is told by its content, never by its extension: one saved as "harbour.json" is a
    # project the producer worked on, and the work a crash left on it is offered at start-up too.
    path, journal = killed_mid_edit(windows, tmp_path, "harbour.json")
    assert journal.exists()
    window = windows()
    assert window.project.recovery.offer_recovery() is not None
    box = prompt(window, qtbot)
    assert path.name in box.text()
    button(box, "Not Now").click()


def test_at_start_the_message_about_unrestorable_work_waits_until_the_restore_prompt_is_answered(
        windows, tmp_path, own_data_dir, qtbot):
    from editor.session.journal_places import recovery_dir
    path, _journal = killed_mid_edit(windows, tmp_path)        # a recent project with work to restore
    folder = recovery_dir(own_data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "episode.srt-0123456789abcdef.journal").write_bytes(b"not a header\n")
    window = windows()
    errors = []
    window.project.error_occurred.connect(lambda title, text: errors.append(title))
    assert window.project.recovery.offer_recovery() is not None
    box = prompt(window, qtbot)
    assert path.name in box.text() and not errors             # one box at a time
    assert list(folder.glob("episode.srt-0123456789abcdef.journal.unrestored-*"))   # kept aside already
    button(box, "Not Now").click()
    qtbot.waitUntil(lambda: errors == ["Unsaved work left behind cannot be restored"])


def test_the_journal_is_read_off_the_gui_thread_and_nothing_edits_the_document_meanwhile(
        windows, tmp_path, qtbot, monkeypatch):
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from restore_helpers import type_into

    from editor.session import recovery
    path, journal = killed_mid_edit(windows, tmp_path)
    left = journal.read_bytes()
    read_on_gui, reading, go_on = [], threading.Event(), threading.Event()
    inspect = recovery.inspect

    def held_inspect(journal_path):
        """The real reading, held until the test has tried to edit (when it runs on a worker)."""
        if threading.current_thread() is threading.main_thread():
            read_on_gui.append(journal_path)
        else:
            reading.set()
            go_on.wait(30)
        return inspect(journal_path)

    monkeypatch.setattr(recovery, "inspect", held_inspect)
    window = windows()
    assert window.open_path(str(path))
    opened = window.model.segment(0).text
    try:
        qtbot.waitUntil(reading.is_set)
        assert restore_prompt(window) is None                    # not asked yet: still reading
        window.view.setFocus()
        QTest.keyClick(window.view, Qt.Key.Key_Return)           # to open the turn's editor
        type_into(window, 0, "Overwritten? ")                    # typed into the turn while reading
    finally:
        go_on.set()
    assert read_on_gui == []
    assert window.model.segment(0).text == opened and not window.edits.stack.canUndo()
    box = prompt(window, qtbot)
    assert journal.read_bytes() == left
    button(box, "Restore").click()
    prompt_answered(window, qtbot)
    assert window.model.segment(0).text.startswith("Lost? ")


def test_a_journal_that_cannot_be_read_is_kept_aside_before_the_next_edit_replaces_it(
        windows, tmp_path, qtbot, monkeypatch):
    """Reading the work left behind fails (a fault in the reading, not in the file): the producer is
    told, and the journal is kept aside at once, so that the journal the next edit starts does not
    replace it."""
    from restore_helpers import type_into

    from editor.session import recovery
    path, journal = killed_mid_edit(windows, tmp_path)
    left = journal.read_bytes()

    def failing_inspect(journal_path):
        raise RuntimeError("reading failed")

    monkeypatch.setattr(recovery, "inspect", failing_inspect)
    window = windows()
    assert window.open_path(str(path))
    title, message = wait_for_error(qtbot, window)
    assert title == "Could not read the unsaved work left behind"
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert kept.read_bytes() == left and str(kept) in message
    monkeypatch.undo()
    type_into(window, 0, "New ")                 # starts this window's own journal
    assert kept.read_bytes() == left


def test_a_journal_slow_to_read_shows_its_progress_and_cancel_keeps_it_aside(
        windows, tmp_path, qtbot, monkeypatch):
    """Reading the work left behind hangs (a network drive): after a while its progress shows with
    Cancel; Cancel keeps the journal aside, where the next edit's journal cannot replace it, and gives
    the window's input back; the read's late end asks nothing."""
    import threading

    from PySide6.QtWidgets import QPushButton
    from restore_helpers import type_into

    from editor.session import recovery
    path, journal = killed_mid_edit(windows, tmp_path)
    left = journal.read_bytes()
    go_on, read = threading.Event(), threading.Event()
    inspect = recovery.inspect

    def hanging_inspect(journal_path):
        go_on.wait(30)
        try:
            return inspect(journal_path)
        finally:
            read.set()

    monkeypatch.setattr(recovery, "inspect", hanging_inspect)
    window = windows()
    warnings = []
    window.project.recovery.warning.connect(warnings.append)
    try:
        assert window.open_path(str(path))
        qtbot.waitUntil(lambda: window.project.recovery.reading_dialog is not None)
        dialog = window.project.recovery.reading_dialog
        assert dialog.isVisible() and dialog.labelText() == "Reading the unsaved work left behind…"
        dialog.findChild(QPushButton).click()                  # Cancel
        [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
        assert kept.read_bytes() == left
        assert len(warnings) == 1 and str(kept) in warnings[0] and "cancelled" in warnings[0]
        type_into(window, 0, "New ")                          # the input is back: this window's own journal
        assert window.model.segment(0).text.startswith("New ")
    finally:
        go_on.set()
    qtbot.waitUntil(read.is_set)
    qtbot.waitUntil(lambda: window.project.recovery.reading is None)
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()                               # the late end of the read arrives
    assert restore_prompt(window) is None and kept.read_bytes() == left


def test_a_window_closed_while_its_journal_is_slow_to_read_lets_go_and_leaves_the_journal_where_it_was(
        windows, tmp_path, qtbot, monkeypatch):
    """Closing the window while the work left behind is still being read (a network drive): its input
    is no longer held, the reading's progress goes, and the read's late end (here a failure) neither
    asks anything nor keeps the journal aside: it stays where it was, offered next time."""
    import threading

    import shiboken6

    from editor.session import recovery
    from editor.ui.project.restore_job import InputHold
    path, journal = killed_mid_edit(windows, tmp_path)
    left = journal.read_bytes()
    go_on = threading.Event()

    def hanging_then_failing_inspect(journal_path):
        go_on.wait(30)
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(recovery, "inspect", hanging_then_failing_inspect)
    window = windows()
    recovery_controller = window.project.recovery
    try:
        assert window.open_path(str(path))
        qtbot.waitUntil(lambda: recovery_controller.reading_dialog is not None)
        dialog, reading = recovery_controller.reading_dialog, recovery_controller.reading
        assert window.findChildren(InputHold)
        window.close()
        assert recovery_controller.reading is None and recovery_controller.reading_dialog is None
        qtbot.waitUntil(lambda: not window.findChildren(InputHold))     # the hold is gone with its filter
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()     # closed (and deleted with it)
        failures = []
        reading.failed.connect(failures.append)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)   # the late end of the read has arrived
    assert isinstance(failures[0], OSError)
    assert restore_prompt(window) is None
    assert journal.read_bytes() == left and not list(tmp_path.glob(f"{path.name}.journal.unrestored-*"))
