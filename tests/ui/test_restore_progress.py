"""A long restore shows its progress in a window-modal dialog with Cancel; Cancel leaves the document
as it was opened and the journal kept, unchanged; a short restore is back at once with no dialog."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from restore_helpers import button, kill, prompt, restore_prompt, type_into  # noqa: E402

from editor.ui.project import restore_job  # noqa: E402

# every window and journal of these tests lives in a data folder of the test's own
pytestmark = pytest.mark.usefixtures("own_data_dir")


@pytest.fixture
def long_restores(monkeypatch):
    """Every restore taken for a long one, its dialog shown at once (real long journals take seconds
    to write and restore)."""
    monkeypatch.setattr(restore_job, "SYNC_BUDGET_MS", -1.0)
    monkeypatch.setattr(restore_job, "SHOW_AFTER_MS", 0)


def _texts(window):
    return [segment.text for segment in window.model.transcript.segments]


def _left_behind(windows, tmp_path, qtbot, typing=(("Late that night ", 0), ("Typo ", 1))):
    """A project, and the journal a window killed after *typing* left; (path, saved texts, typed texts)."""
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    saved = _texts(first)
    for text, row in typing:
        type_into(first, row, text)
    typed = _texts(first)
    kill(first)
    return path, saved, typed


def _click_restore(windows, path, qtbot):
    window = windows()
    assert window.open_path(str(path))
    button(prompt(window, qtbot), "Restore").click()
    return window


def test_a_short_restore_is_back_at_once_without_a_progress_dialog(windows, tmp_path, qtbot):
    path, _saved, typed = _left_behind(windows, tmp_path, qtbot)
    window = _click_restore(windows, path, qtbot)
    assert window.project.recovery.restoring is None          # back before the click returned
    assert _texts(window) == typed
    assert not window.findChildren(QProgressDialog)


def test_a_long_restore_shows_progress_and_brings_every_step_back(windows, tmp_path, qtbot, long_restores):
    path, saved, typed = _left_behind(windows, tmp_path, qtbot)
    window = _click_restore(windows, path, qtbot)
    job = window.project.recovery.restoring
    assert job is not None and job.dialog.isVisible()
    assert job.dialog.windowModality() == Qt.WindowModality.WindowModal   # no typing into it meanwhile
    assert "harbour.tep.json" in job.dialog.labelText()
    qtbot.waitUntil(lambda: window.project.recovery.restoring is None)
    assert not job.dialog
    assert _texts(window) == typed
    stack = window.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing", "Typing"]
    assert window.isWindowModified() and window.action_table["undo"].isEnabled()
    type_into(window, 2, "More ")                    # journaled after the restored lines
    more = _texts(window)
    kill(window)

    again = _click_restore(windows, path, qtbot)
    qtbot.waitUntil(lambda: again.project.recovery.restoring is None)
    assert _texts(again) == more
    while again.edits.stack.canUndo():
        again.edits.stack.undo()
    assert _texts(again) == saved


def test_a_restore_over_before_its_dialog_would_show_shows_none_and_holds_input_meanwhile(
        windows, tmp_path, qtbot, monkeypatch):
    monkeypatch.setattr(restore_job, "SYNC_BUDGET_MS", -1.0)   # on the worker
    monkeypatch.setattr(restore_job, "SHOW_AFTER_MS", 60_000)  # and over long before its dialog would show
    path, _saved, typed = _left_behind(windows, tmp_path, qtbot)
    window = _click_restore(windows, path, qtbot)
    job = window.project.recovery.restoring
    assert job is not None
    dialog = job.dialog
    # Typed while it runs: the edit would start a journal in place of the one being restored, and be
    # lost when the restored document replaces the open one. Held.
    QTest.keyClicks(window.view.open_editor(3, 0), "zq")
    shown = []

    def over() -> bool:
        if window.project.recovery.restoring is not None:
            shown.append(dialog.isVisible())
        return window.project.recovery.restoring is None
    qtbot.waitUntil(over)
    assert _texts(window) == typed
    assert not any(shown)
    type_into(window, 2, "zq")                                  # input goes through again
    assert "zq" in window.model.segment(2).text
    more = _texts(window)
    kill(window)                                                # and the journal holds it all
    again = _click_restore(windows, path, qtbot)
    qtbot.waitUntil(lambda: again.project.recovery.restoring is None)
    assert _texts(again) == more


def test_a_long_restore_after_an_autosave_has_the_autosave_as_its_first_step(windows, tmp_path, qtbot,
                                                                             long_restores):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    saved = _texts(first)
    type_into(first, 0, "One ")
    assert first.project.autosave.save_now()
    first.project.autosave.wait()
    type_into(first, 2, "Two ")
    typed = _texts(first)
    kill(first)

    window = _click_restore(windows, path, qtbot)
    qtbot.waitUntil(lambda: window.project.recovery.restoring is None)
    assert _texts(window) == typed
    stack = window.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Restored Autosave", "Typing"]
    while stack.canUndo():
        stack.undo()
    assert _texts(window) == saved


def _assert_as_opened_with_the_journal_kept(window, tmp_path, path, saved, written, qtbot):
    assert window.project.recovery.restoring is None
    assert _texts(window) == saved
    assert window.edits.stack.count() == 0 and not window.isWindowModified()
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert kept.read_bytes() == written
    assert window.warning_bar.isVisible() and str(kept) in window.warning_bar.text()
    type_into(window, 3, "New ")                     # a new journal where the old one was
    journal = Path(str(path) + ".journal")
    qtbot.waitUntil(journal.exists)
    assert kept.read_bytes() == written


def test_cancel_while_the_journal_is_replayed_leaves_the_document_as_opened(windows, tmp_path, qtbot,
                                                                            long_restores):
    path, saved, _typed = _left_behind(windows, tmp_path, qtbot)
    written = Path(str(path) + ".journal").read_bytes()
    window = _click_restore(windows, path, qtbot)
    dialog = window.project.recovery.restoring.dialog
    dialog.findChild(QPushButton).click()           # before the worker's end reaches the window
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _assert_as_opened_with_the_journal_kept(window, tmp_path, path, saved, written, qtbot)


def test_cancel_while_the_undo_steps_are_put_back_leaves_the_document_as_opened(windows, tmp_path, qtbot,
                                                                                long_restores, monkeypatch):
    monkeypatch.setattr(restore_job, "SLICE_S", 0.0)     # 32 steps a slice
    typing = [(f"w{n} ", n % 5) for n in range(20)]      # 70 keystrokes, a journal line each
    path, saved, _typed = _left_behind(windows, tmp_path, qtbot, typing)
    written = Path(str(path) + ".journal").read_bytes()
    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    cancelled = []

    def cancel_after_the_first_slice(_index):
        if window.project.recovery.restoring is not None and window.edits.stack.count() and not cancelled:
            cancelled.append(window.edits.stack.count())
            window.project.recovery.restoring.dialog.findChild(QPushButton).click()
    window.edits.stack.indexChanged.connect(cancel_after_the_first_slice)
    button(box, "Restore").click()
    qtbot.waitUntil(lambda: window.project.recovery.restoring is None)
    assert cancelled                                   # some steps were back when it was cancelled
    _assert_as_opened_with_the_journal_kept(window, tmp_path, path, saved, written, qtbot)


def test_work_restored_from_the_start_page_waits_for_a_large_documents_background_read(windows, tmp_path, qtbot,
                                                                                      monkeypatch):
    from editor.ui.files import preload
    path, _saved, typed = _left_behind(windows, tmp_path, qtbot)
    monkeypatch.setattr(preload, "BACKGROUND_BYTES", 1)    # every file read as a large one is
    window = windows()                                     # started without a document
    assert window.project.recovery.offer_recovery() is not None
    button(prompt(window, qtbot), "Restore").click()
    assert window.files.reading is not None                # the restore waits for the read
    qtbot.waitUntil(lambda: window.files.current_path == str(path) and window.project.recovery.restoring is None)
    qtbot.waitUntil(lambda: _texts(window) == typed)
    assert restore_prompt(window) is None                            # the document's own offer was not made again
    assert window.project.autosave.journal is not None and window.isWindowModified()


def test_closing_the_window_during_a_long_restore_leaves_the_journal_for_next_time(windows, tmp_path, qtbot,
                                                                                  long_restores):
    path, _saved, typed = _left_behind(windows, tmp_path, qtbot)
    journal = Path(str(path) + ".journal")
    written = journal.read_bytes()
    window = _click_restore(windows, path, qtbot)
    assert window.project.recovery.restoring is not None
    window.close()
    assert journal.read_bytes() == written and not list(tmp_path.glob("*.unrestored-*"))

    again = _click_restore(windows, path, qtbot)                   # offered again, and restored whole
    qtbot.waitUntil(lambda: again.project.recovery.restoring is None)
    assert _texts(again) == typed


def test_the_audio_length_learnt_during_a_long_restore_is_kept_by_the_restored_document(
        windows, tmp_path, qtbot, long_restores):
    from editor.core import ops
    path, _saved, typed = _left_behind(windows, tmp_path, qtbot)
    window = _click_restore(windows, path, qtbot)
    assert window.project.recovery.restoring is not None
    # The audio's length arrives (the decoded working copy tells a truncated file's real length),
    # set on the open document as the window does, not as an edit.
    window.model.run_derived(ops.set_audio(window.model.transcript, duration_ms=123_456))
    qtbot.waitUntil(lambda: window.project.recovery.restoring is None)
    assert _texts(window) == typed
    assert window.model.transcript.meta.duration_ms == 123_456


def _project_with_audio(tmp_path):
    """A project of timed turns linked to its audio (silence as long as its turns); (project, audio)."""
    from edit_helpers import END_MS, timed_transcript
    from silent_audio import silence

    from editor.core import project
    wav = silence(tmp_path / "harbour.wav", END_MS / 1000 + 1)
    transcript = timed_transcript()
    transcript.meta.audio_path = str(wav)
    path = tmp_path / "harbour.tep.json"
    project.save(transcript, path)
    return path, wav


def _approved_with_audio(windows, tmp_path):
    """A project with its audio (silence as long as its turns), and the journal a window killed after
    one approval left (an edit that leaves every turn's words timed); (project, audio)."""
    path, wav = _project_with_audio(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    assert first.review.approve(1)
    kill(first)
    return path, wav


def _words_ready_and_resets(window) -> list:
    events = []
    window.model.modelReset.connect(lambda: events.append("reset"))
    window.timing.words_ready.connect(lambda audio: events.append(("ready", audio)))
    return events


def test_a_long_restore_from_the_start_page_has_the_restored_documents_words_ready(windows, tmp_path, qtbot,
                                                                                  long_restores):
    # The words are ready (times known, the suspects pass may start) for the document the window
    # shows once the restore is over, not only for the one opened before it: its reset took them away.
    from editor.core.transcript import ReviewStatus
    path, wav = _approved_with_audio(windows, tmp_path)
    window = windows()
    events = _words_ready_and_resets(window)
    assert window.project.recovery.offer_recovery() is not None
    button(prompt(window, qtbot), "Restore").click()
    qtbot.waitUntil(lambda: window.files.current_path == str(path) and window.project.recovery.restoring is None)
    assert window.model.segment(1).status is ReviewStatus.APPROVED
    qtbot.waitUntil(lambda: events[-1] == ("ready", str(wav)))


def test_a_restore_cancelled_before_its_end_leaves_the_words_ready_as_they_were(windows, tmp_path, qtbot,
                                                                               long_restores):
    path, wav = _approved_with_audio(windows, tmp_path)
    window = windows()
    events = _words_ready_and_resets(window)
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    qtbot.waitUntil(lambda: ("ready", str(wav)) in events)     # the opened document's, while the box is up
    button(box, "Restore").click()
    window.project.recovery.restoring.dialog.findChild(QPushButton).click()
    assert window.project.recovery.restoring is None and window.edits.stack.count() == 0
    ready = events.count(("ready", str(wav)))
    QApplication.processEvents()
    assert events.count(("ready", str(wav))) == ready           # not announced again: nothing changed


def test_work_restored_after_a_background_read_keeps_its_audio_through_undo(windows, tmp_path, qtbot,
                                                                            monkeypatch):
    # The restore waits for the read and starts as the document opens: the audio the window links
    # to it then is the base's too, so the restored keystrokes are "Typing" steps, and undoing them
    # does not unlink the audio.
    from editor.ui.files import preload
    path, wav = _project_with_audio(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 1, "Typo ")
    typed = _texts(first)
    kill(first)

    monkeypatch.setattr(preload, "BACKGROUND_BYTES", 1)    # every file read as a large one is
    window = windows()
    assert window.project.recovery.offer_recovery() is not None
    button(prompt(window, qtbot), "Restore").click()
    qtbot.waitUntil(lambda: window.files.current_path == str(path) and window.project.recovery.restoring is None)
    qtbot.waitUntil(lambda: _texts(window) == typed)
    stack = window.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing"]
    stack.undo()
    assert window.model.transcript.meta.audio_path == str(wav)
