"""Editing in the real window: typing, undo/redo, split/merge with word times, speakers, revert."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import press  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _texts(window):
    return [s.text for s in window.model.transcript.segments]


def test_typing_is_one_undo_step_and_undo_redo_restore_it(timed_window, qtbot):
    w = timed_window
    editor = w.view.open_editor(1, len("we hauled"))
    QTest.keyClicks(editor, " all")
    segment = w.model.segment(1)
    assert segment.text == "we hauled all the nets before the rain started falling"
    assert w.edits.stack.count() == 1 and w.edits.stack.undoText() == "Typing"
    # The new word got a time between its neighbours; the others kept theirs.
    times = {word.text: (word.start_ms, word.end_ms) for word in segment.words}
    assert times["we"] == (4000, 4555) and times["falling"][1] == 9000
    assert times["hauled"][1] <= times["all"][0] <= times["the"][0]
    assert w.isWindowModified()

    press(w, Qt.Key.Key_Z, CTRL)                      # the window's Undo, with the caret in the text
    assert w.model.segment(1).text == "we hauled the nets before the rain started falling"
    assert editor.toPlainText() == w.model.segment(1).text
    assert [x.start_ms for x in w.model.segment(1).words][:3] == [4000, 4555, 5110]
    assert not w.isWindowModified()                   # back at the saved state

    press(w, Qt.Key.Key_Z, CTRL | SHIFT)               # Redo
    assert w.model.segment(1).text == "we hauled all the nets before the rain started falling"
    assert w.action_table["undo"].isEnabled() and not w.action_table["redo"].isEnabled()


def test_typing_in_another_turn_is_a_new_step(timed_window):
    w = timed_window
    QTest.keyClicks(w.view.open_editor(0, 0), "so ")
    QTest.keyClicks(w.view.open_editor(2, 0), "and ")
    assert w.edits.stack.count() == 2
    w.edits.undo()
    assert w.model.segment(2).text.startswith("then") and w.model.segment(0).text.startswith("so the")


def test_split_at_caret_and_merge_keep_word_times(timed_window):
    w = timed_window
    before = [(x.text, x.start_ms, x.end_ms) for x in w.model.segment(1).words]
    w.view.open_editor(1, len("we hauled the nets "))
    press(w, Qt.Key.Key_Return, ALT)                   # Split at caret
    assert w.model.rowCount() == 6
    left, right = w.model.segment(1), w.model.segment(2)
    assert left.text == "we hauled the nets" and right.text == "before the rain started falling"
    assert right.start_ms == before[4][1] == left.end_ms    # starts at the word's own time
    assert [(x.text, x.start_ms, x.end_ms) for x in left.words + right.words] == before
    assert w.view.editor().row == 2 and w.view.editor().caret() == 0

    w.view.open_editor(1, 0)
    press(w, Qt.Key.Key_M, CTRL)                       # Merge with next
    merged = w.model.segment(1)
    assert merged.text == "we hauled the nets before the rain started falling"
    assert [(x.text, x.start_ms, x.end_ms) for x in merged.words] == before
    assert (merged.start_ms, merged.end_ms) == (4000, 9000)

    w.edits.undo()
    w.edits.undo()
    assert w.model.rowCount() == 5 and [(x.text, x.start_ms) for x in w.model.segment(1).words] == \
        [(t, s) for t, s, _ in before]


def test_rename_speaker_everywhere_is_one_undo_step(timed_window):
    w = timed_window
    assert w.edits.rename_speaker("a", "Maren Holte")
    names = [w.model.data(w.model.index(r), _role("SPEAKER_NAME")) for r in range(5)]
    assert names == ["Maren Holte", "Petter Lund", "Maren Holte", "Petter Lund", "Maren Holte"]
    assert w.edits.stack.count() == 1
    w.edits.undo()
    assert [w.model.transcript.speaker_name(s.speaker_id) for s in w.model.transcript.segments].count(
        "Maren Holt") == 3


def test_speakers_dialog_renames_and_adds(timed_window, qtbot):
    from editor.ui.document.speaker_dialog import SpeakersDialog
    w = timed_window
    dialog = SpeakersDialog(w.model.transcript, w.edits, w)
    qtbot.addWidget(dialog)
    dialog.table.topLevelItem(1).setText(0, "Petter Lunde")   # as if edited in place
    assert w.model.transcript.speakers["b"].name == "Petter Lunde"
    dialog.add_button.click()
    assert len(w.model.transcript.speakers) == 3 and dialog.table.topLevelItemCount() == 3
    assert w.edits.stack.count() == 2


def test_change_speaker_of_a_turn_by_new_name(timed_window):
    w = timed_window
    w.view.open_editor(3, 0)
    assert w.edits.set_speaker_by_name("Harbour Master")
    segment = w.model.segment(3)
    assert w.model.transcript.speaker_name(segment.speaker_id) == "Harbour Master"
    w.edits.undo()                                      # one step: speaker added and assigned
    assert w.model.segment(3).speaker_id == "b" and len(w.model.transcript.speakers) == 2


def test_revert_turn_to_original_and_changed_marker(timed_window):
    w = timed_window
    QTest.keyClicks(w.view.open_editor(4, 0), "and ")
    assert w.model.data(w.model.index(4), _role("CHANGED")) is True
    w.edits.revert_to_original()
    assert w.model.segment(4).text == "so we waited by the slipway with cold tea"
    assert w.model.data(w.model.index(4), _role("CHANGED")) is False


def test_set_start_to_playback_position(sample_window):
    w = sample_window
    w.playback.seek(12_500)
    w.view.open_editor(1, 0)
    w.action_table["set_start"].trigger()
    assert abs(w.model.segment(1).start_ms - 12_500) <= 60
    assert w.model.segment(0).end_ms == w.model.segment(1).start_ms


def test_undo_of_a_thousand_place_replace_is_one_step(timed_window):
    from editor.core import ops
    w = timed_window
    spans = [(row, 0, 3, "THE") for row in range(5) if w.model.segment(row).text.startswith("the")]
    w.edits.push(ops.replace_spans(w.model.transcript, spans), "Replace all")
    assert w.model.segment(0).text.startswith("THE")
    w.edits.undo()
    assert w.model.segment(0).text.startswith("the tide")


def _role(name):
    from editor.ui.document.transcript_model import Role
    return getattr(Role, name)
