"""Restored work can be undone: each journal line comes back as its own undo step, and an Undo
after a restore is journaled, so a second crash restores the undone state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from message_boxes import shown_error  # noqa: E402
from restore_helpers import button, kill, killed_mid_edit, prompt, prompt_answered, type_into  # noqa: E402

# every window and journal of these tests lives in a data folder of the test's own
pytestmark = pytest.mark.usefixtures("own_data_dir")


def _reopen_and_restore(make, path, qtbot):
    window = make()
    assert window.open_path(str(path))
    button(prompt(window, qtbot), "Restore").click()
    prompt_answered(window, qtbot)
    return window


def test_each_restored_edit_is_an_undo_step_and_undo_survives_anotherkill(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    saved = [first.model.segment(row).text for row in range(2)]
    type_into(first, 0, "Late that night ")
    type_into(first, 1, "Typo ")
    typed = [first.model.segment(row).text for row in range(2)]
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    assert [second.model.segment(row).text for row in range(2)] == typed
    assert second.isWindowModified()
    undo = second.action_table["undo"]
    assert undo.isEnabled()
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing", "Typing"]   # as before the crash
    assert second.project.autosave.journal is not None

    undo.trigger()                                     # the typo made just before the crash
    assert second.model.segment(1).text == saved[1]
    assert second.model.segment(0).text == typed[0]
    assert second.isWindowModified()
    assert undo.isEnabled()                            # the edit before it is a step of its own
    kill(second)

    third = _reopen_and_restore(windows, path, qtbot)  # a second crash keeps the undo
    assert third.model.segment(1).text == saved[1]
    assert third.model.segment(0).text == typed[0]
    while third.action_table["undo"].isEnabled():           # and every restored step still undoes
        third.action_table["undo"].trigger()
    assert [third.model.segment(row).text for row in range(2)] == saved
    assert third.isWindowModified()                    # restored work stays unsaved work


def test_typing_after_a_restore_in_the_turn_last_typed_in_is_a_step_of_its_own(windows, tmp_path, qtbot):
    # The restored keystrokes are history, as a save makes them: a keystroke after the restore (here
    # pushed as the window's typing handler pushes one, as the kill test's driver does) takes no part
    # in their step, so Undo takes back only what was typed since.
    from editor.core import ops
    from editor.ui.document.commands import TypingCommand
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 0, "Before ")
    typed = first.model.segment(0).text
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    assert second.model.segment(0).text == typed
    steps = second.edits.stack.count()
    model = second.model
    second.undo_stack.push(TypingCommand(model, ops.set_text(model.transcript, 0, "After " + typed), 0))
    assert second.edits.stack.count() == steps + 1
    second.edits.undo()
    assert second.model.segment(0).text == typed
    kill(second)

    third = _reopen_and_restore(windows, path, qtbot)      # and the journal says the same
    assert third.model.segment(0).text == typed


def test_edits_before_an_autosave_are_one_step_and_the_later_ones_their_own(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    saved = first.model.segment(0).text
    type_into(first, 0, "One ")
    assert first.project.autosave.save_now()          # the snapshot the journal rotates onto
    first.project.autosave.wait()
    type_into(first, 2, "Two ")
    after_two = first.model.segment(2).text
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())][0] == "Restored Autosave"
    assert second.model.segment(2).text == after_two
    stack.undo()
    assert second.model.segment(2).text != after_two
    assert second.model.segment(0).text.startswith("One ")
    while stack.canUndo():
        stack.undo()
    assert second.model.segment(0).text == saved


def test_a_restored_replace_all_and_its_undo_and_redo_undo_again(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    unedited = [segment.text for segment in first.model.transcript.segments]
    # An edit first: every edit undone, the document is its file again and its journal goes.
    type_into(first, 0, "Ahoy. ")
    saved = [segment.text for segment in first.model.transcript.segments]
    first.names.find.show_replace()
    panel = first.names.find.panel
    panel.find_edit.setText("the")
    panel.replace_edit.setText("thy")
    panel.replace_all_button.click()
    replaced = [segment.text for segment in first.model.transcript.segments]
    assert replaced != saved
    first.edits.undo()
    first.edits.redo()                               # journaled as references to the replace's line
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    assert [segment.text for segment in second.model.transcript.segments] == replaced
    second.edits.undo()                              # the redo line
    assert [segment.text for segment in second.model.transcript.segments] == saved
    second.edits.undo()                              # the undo line: the replace again
    assert [segment.text for segment in second.model.transcript.segments] == replaced
    second.edits.undo()                              # the replace itself
    assert [segment.text for segment in second.model.transcript.segments] == saved
    second.edits.undo()                              # the typing
    assert [segment.text for segment in second.model.transcript.segments] == unedited
    assert not second.edits.stack.canUndo()


def test_restored_typing_with_the_audio_found_beside_the_project_keeps_the_audio_when_undone(
        windows, tmp_path, qtbot):
    # The window links the audio it finds without an edit, so the journal's first line holds the
    # meta with that audio's path where the saved project has none.
    path = write_project(tmp_path)
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(tmp_path / "harbour.wav"), "trim", "0", "1"],
                   check=True)
    first = windows()
    assert first.open_path(str(path))
    qtbot.waitUntil(lambda: first.model.transcript.meta.audio_path.endswith("harbour.wav"))
    audio = first.model.transcript.meta.audio_path
    saved = first.model.segment(0).text
    type_into(first, 0, "One ")
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing"]   # as it was, not a meta change
    while stack.canUndo():
        stack.undo()
    assert second.model.segment(0).text == saved
    assert second.model.transcript.meta.audio_path == audio


def test_a_restored_step_is_named_by_its_place_among_the_steps_not_the_journal_lines(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 0, "One ")                 # four keystrokes, four journal lines, one step
    first.review.approve(2)
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing", "Restored Edit 2"]


def test_a_restore_whose_base_cannot_be_loaded_leaves_the_open_documents_steps_alone(windows, tmp_path, qtbot):
    from editor.session.journal_base import BASE_PROJECT, BaseRef
    from editor.session.recovery import Pending
    path = write_project(tmp_path)
    window = windows()
    assert window.open_path(str(path))
    type_into(window, 0, "Kept ")
    typed = window.model.segment(0).text
    errors = []
    window.project.error_occurred.connect(lambda title, text: errors.append(text))
    broken = Pending(tmp_path / "other.journal", BaseRef(BASE_PROJECT, str(path), "0" * 64, 1),
                     problem="the project changed since")
    assert not window.project.recovery.restore(broken)
    assert errors
    assert window.model.segment(0).text == typed
    assert window.edits.stack.canUndo()


def _append_line_that_does_not_fit(journal_path):
    """A line after the intact ones that names a row the document does not have."""
    from editor.session.journal_lines import decode_line, encode_line
    lines = journal_path.read_bytes().splitlines(keepends=True)
    last = max(record["seq"] for record in map(decode_line, lines[1:]) if record and "seq" in record)
    with open(journal_path, "ab") as handle:
        handle.write(encode_line({"seq": last + 1, "rows": [999, 1], "segments": []}))


def test_a_journal_whose_base_cannot_be_loaded_is_kept_aside_and_not_written_over(windows, tmp_path, qtbot):
    from editor.session.journal_base import BASE_PROJECT, BaseRef
    from editor.session.recovery import Pending
    path = write_project(tmp_path)
    garbage = tmp_path / "garbage.tep.json"
    garbage.write_bytes(b"not a project")          # matches its digest, but cannot be read
    journal = Path(str(path) + ".journal")
    journal.write_bytes(b"the producer's lines\n")
    window = windows()
    assert window.open_path(str(path))
    errors = []
    window.project.error_occurred.connect(lambda title, text: errors.append(text))
    pending = Pending(journal, BaseRef.of_bytes(BASE_PROJECT, garbage, garbage.read_bytes()),
                      original_path=str(path))
    assert not window.project.recovery.restore(pending)

    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert str(kept) in errors[0]
    type_into(window, 1, "New ")              # a new journal starts where the old one was
    qtbot.waitUntil(lambda: window.project.autosave.journal is not None)
    assert kept.read_bytes() == b"the producer's lines\n"
    assert journal.read_bytes() != kept.read_bytes()


def test_a_journal_restores_up_to_a_line_that_does_not_fit_and_keeps_the_whole_of_it(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 0, "Kept ")
    typed = first.model.segment(0).text
    kill(first)
    journal = Path(str(path) + ".journal")
    fitting = journal.read_bytes()
    _append_line_that_does_not_fit(journal)
    written = journal.read_bytes()

    second = _reopen_and_restore(windows, path, qtbot)
    assert second.model.segment(0).text == typed
    bar = second.warning_bar
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert bar.isVisible() and "1 journal line could not be restored" in bar._label.text()
    assert str(kept) in bar._label.text()
    assert kept.read_bytes() == written and journal.read_bytes() == fitting
    type_into(second, 1, "More ")             # journaled after the lines that fit
    more = second.model.segment(1).text
    kill(second)

    third = _reopen_and_restore(windows, path, qtbot)
    assert (third.model.segment(0).text, third.model.segment(1).text) == (typed, more)
    assert not third.warning_bar.isVisible()
    assert kept.read_bytes() == written


def _journal_of_a_project_changed_since(windows, tmp_path):
    """A kill mid-edit, then the project saved by another program: the journal cannot be applied."""
    path, journal = killed_mid_edit(windows, tmp_path)
    written = journal.read_bytes()
    with open(path, "a") as handle:
        handle.write("\n")
    return path, journal, written


def _journal_with_a_damaged_header(windows, tmp_path):
    path, journal = killed_mid_edit(windows, tmp_path)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"{not a header\n" + b"".join(lines[1:]))
    return path, journal, journal.read_bytes()


@pytest.mark.parametrize("left", [_journal_of_a_project_changed_since, _journal_with_a_damaged_header])
def test_a_journal_that_cannot_be_restored_is_kept_aside_when_the_prompt_closes_without_a_choice(
        windows, tmp_path, qtbot, left):
    path, journal, written = left(windows, tmp_path)
    second = windows()
    assert second.open_path(str(path))
    box = prompt(second, qtbot)
    assert not button(box, "Restore").isEnabled()
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert str(kept) in box.informativeText()          # the prompt says where it is kept
    box.reject()                                       # closed: Escape or the title bar's close
    prompt_answered(second, qtbot)
    type_into(second, 1, "New ")                           # a new journal starts where the old one was
    qtbot.waitUntil(journal.exists)
    assert kept.read_bytes() == written


@pytest.mark.parametrize("left", [_journal_of_a_project_changed_since, _journal_with_a_damaged_header])
def test_only_discard_deletes_a_journal_that_cannot_be_restored(windows, tmp_path, qtbot, left):
    path, journal, _written = left(windows, tmp_path)
    second = windows()
    assert second.open_path(str(path))
    box = prompt(second, qtbot)
    assert list(tmp_path.glob(f"{path.name}.journal*"))
    button(box, "Discard").click()
    prompt_answered(second, qtbot)
    assert not list(tmp_path.glob(f"{path.name}.journal*"))


def test_a_restorable_journal_closed_without_a_choice_is_kept_aside_not_deleted(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 0, "Kept ")
    kill(first)
    journal = Path(str(path) + ".journal")
    written = journal.read_bytes()
    second = windows()
    assert second.open_path(str(path))
    box = prompt(second, qtbot)
    box.reject()
    prompt_answered(second, qtbot)
    [kept] = tmp_path.glob(f"{path.name}.journal.unrestored-*")
    assert kept.read_bytes() == written
    assert second.warning_bar.isVisible() and str(kept) in second.warning_bar._label.text()


def test_unsaved_work_with_a_damaged_header_found_at_start_is_kept_aside(windows, own_data_dir, qtbot):
    from editor.session.journal_places import recovery_dir
    folder = recovery_dir(own_data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    journal = folder / "episode-0123456789abcdef.journal"
    journal.write_bytes(b"not a header\n{\"seq\": 1}\n")
    window = windows()
    assert window.project.recovery.offer_recovery() is None     # nothing it could offer to restore
    [kept] = folder.glob(f"{journal.name}.unrestored-*")
    assert not journal.exists() and kept.read_bytes() == b"not a header\n{\"seq\": 1}\n"
    error = shown_error(window)
    assert error is not None and str(kept) in error[1]


def test_undoing_a_restored_autosave_leaves_the_audio_the_window_has(windows, tmp_path, qtbot):
    # The audio link and length are derived data the window sets as it finds the audio, not an edit:
    # taking back the autosave step must not put back the audio the document had before the restore.
    path = write_project(tmp_path)
    for name, seconds in (("harbour.wav", "1"), ("other.wav", "2")):
        subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(tmp_path / name), "trim", "0", seconds],
                       check=True)
    first = windows()
    assert first.open_path(str(path))
    qtbot.waitUntil(lambda: first.model.transcript.meta.audio_path.endswith("harbour.wav"))
    type_into(first, 0, "One ")
    assert first.project.autosave.save_now()          # the snapshot the journal rotates onto
    first.project.autosave.wait()
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Restored Autosave"]
    assert second.files.relink_audio(str(tmp_path / "other.wav"))     # Choose Audio… after the restore
    meta = second.model.transcript.meta
    linked = (meta.audio_path, meta.duration_ms)
    assert linked[0].endswith("other.wav")
    stack.undo()
    assert not second.model.segment(0).text.startswith("One ")
    meta = second.model.transcript.meta
    assert (meta.audio_path, meta.duration_ms) == linked
    stack.redo()
    assert second.model.segment(0).text.startswith("One ")
    meta = second.model.transcript.meta
    assert (meta.audio_path, meta.duration_ms) == linked



def _opened_with_two_audio_files(windows, tmp_path, qtbot):
    """A project opened with harbour.wav found beside it, and other.wav there to be chosen instead."""
    path = write_project(tmp_path)
    for name in ("harbour.wav", "other.wav"):
        subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(tmp_path / name), "trim", "0", "1"], check=True)
    first = windows()
    assert first.open_path(str(path))
    qtbot.waitUntil(lambda: first.model.transcript.meta.audio_path.endswith("harbour.wav"))
    return path, first

def _autosaved_with_chosen_audio(windows, tmp_path, qtbot):
    """A project with harbour.wav beside it, linked to other.wav (Choose Audio…) before an autosave
    and a kill."""
    path, first = _opened_with_two_audio_files(windows, tmp_path, qtbot)
    assert first.files.relink_audio(str(tmp_path / "other.wav"))
    type_into(first, 0, "One ")
    assert first.project.autosave.save_now()
    first.project.autosave.wait()
    kill(first)
    return path


def test_a_restored_autosave_plays_the_audio_the_producer_chose(windows, tmp_path, qtbot):
    # The reopened project finds harbour.wav beside it; the restored work plays the audio chosen before.
    path = _autosaved_with_chosen_audio(windows, tmp_path, qtbot)
    second = _reopen_and_restore(windows, path, qtbot)
    assert second.model.segment(0).text.startswith("One ")
    assert second.playback.media_path == str(tmp_path / "other.wav")
    assert second.model.transcript.meta.audio_path == second.playback.media_path
    while second.action_table["undo"].isEnabled():     # undone, it still names the audio it plays
        second.action_table["undo"].trigger()
    assert second.model.transcript.meta.audio_path == second.playback.media_path


def test_a_restored_autosave_whose_chosen_audio_is_gone_plays_the_one_beside_it(windows, tmp_path, qtbot):
    path = _autosaved_with_chosen_audio(windows, tmp_path, qtbot)
    (tmp_path / "other.wav").unlink()
    second = _reopen_and_restore(windows, path, qtbot)
    assert second.model.segment(0).text.startswith("One ")
    assert second.playback.media_path.endswith("harbour.wav")
    assert second.model.transcript.meta.audio_path == second.playback.media_path
    assert second.warning_bar.isVisible()
    assert str(tmp_path / "other.wav") in second.warning_bar.text() and "harbour.wav" in second.warning_bar.text()


def test_a_restored_journal_plays_the_audio_the_producer_chose(windows, tmp_path, qtbot):
    # No autosave: the journal's lines name the audio chosen before the crash, after a keystroke
    # made with the audio found beside the project.
    path, first = _opened_with_two_audio_files(windows, tmp_path, qtbot)
    type_into(first, 1, "Zero ")
    assert first.files.relink_audio(str(tmp_path / "other.wav"))
    type_into(first, 0, "One ")
    kill(first)

    second = _reopen_and_restore(windows, path, qtbot)
    assert second.model.segment(0).text.startswith("One ") and second.model.segment(1).text.startswith("Zero ")
    assert second.playback.media_path == str(tmp_path / "other.wav")
    stack = second.edits.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Typing", "Typing"]   # the keystrokes, no audio change
    while second.action_table["undo"].isEnabled():     # every step undone names the audio the window plays
        second.action_table["undo"].trigger()
        assert second.model.transcript.meta.audio_path == second.playback.media_path
