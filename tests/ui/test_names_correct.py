"""Correct-everywhere dialog on the real sample episode: candidates, play buttons, ticks, glossary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from window_helpers import wait_listed

from editor.core import ops
from editor.core.glossary import Glossary
from editor.formats import read_file
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.candidate_table import PLAY_COLUMN, TICK_COLUMN
from editor.ui.names.correct_dialog import AUDIO_COLUMN, CONTEXT_COLUMN, CorrectDialog

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample-episode.txt"


@pytest.fixture()
def model():
    return TranscriptModel(read_file(SAMPLE).transcript)


def _dialog(qtbot, model, glossary=None, wrong="Ingrid Soulberg", right="Ingrid Solberg"):
    dialog = CorrectDialog(model, wrong, right, glossary=glossary)
    qtbot.addWidget(dialog)
    dialog.apply_requested.connect(lambda spans, text: model.run(ops.replace_spans(model.transcript, spans)))
    return _searched(qtbot, dialog)


def _searched(qtbot, dialog):
    """Wait for the dialog's search (on its worker thread) to list its places."""
    wait_listed(qtbot, dialog)
    return dialog


def test_lists_exact_and_sound_alike_places_with_context(qtbot, model):
    dialog = _dialog(qtbot, model)
    assert [c.found for c in dialog.candidates] == ["Ingrid Soulberg", "Ingrid Sol Berg"]
    assert dialog.table.model().index(1, 4).data().endswith("sounds alike")
    assert "two years" in dialog.table.model().index(1, CONTEXT_COLUMN).data()
    assert dialog.apply_button.text() == "&Apply ticked (2)"


def test_without_audio_to_ask_the_audio_column_is_not_shown(qtbot, model):
    dialog = _dialog(qtbot, model)
    dialog.show()
    assert dialog.table.isColumnHidden(AUDIO_COLUMN)
    assert not dialog.table.isColumnHidden(CONTEXT_COLUMN)


def test_play_button_emits_the_place_time(qtbot, model):
    dialog = _dialog(qtbot, model)
    dialog.show()
    play = dialog.table.visualRect(dialog.table.model().index(1, PLAY_COLUMN)).center()
    with qtbot.waitSignal(dialog.seek_requested) as blocker:
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=play)
    assert blocker.args == [dialog.candidates[1].time_ms]
    assert blocker.args[0] == model.transcript.segments[dialog.candidates[1].index].start_ms


def test_apply_only_ticked_and_remember_wrong_form(qtbot, model, tmp_path):
    glossary = Glossary(path=tmp_path / "show.json")
    dialog = _dialog(qtbot, model, glossary)
    dialog.set_ticked(1, False)
    assert dialog.apply_button.text() == "&Apply ticked (1)"
    relisted = qtbot.waitSignal(dialog.table.model().modelReset, timeout=10_000)   # the list follows
    with qtbot.waitSignal(dialog.glossary_changed):
        assert dialog.apply_ticked() == 1
    assert dialog.summary.text() == "Corrected 1 place."
    relisted.wait()
    assert dialog.summary.text() == "Corrected 1 place."        # still said once the list follows
    texts = " ".join(s.text for s in model.transcript.segments)
    assert "Ingrid Soulberg" not in texts and "Ingrid Sol Berg" in texts
    assert [c.found for c in dialog.candidates] == ["Ingrid Sol Berg"]  # refreshed
    assert Glossary.load(tmp_path / "show.json").entry_for("Ingrid Solberg").wrong_forms == ["Ingrid Soulberg"]


def test_typing_a_new_phrase_refreshes_after_a_pause(qtbot, model):
    dialog = _dialog(qtbot, model, wrong="", right="")
    assert dialog.candidates == [] and not dialog.apply_button.isEnabled()
    qtbot.keyClicks(dialog.wrong_edit, "Thomas Rayes")
    qtbot.keyClicks(dialog.right_edit, "Tomas Reyes")
    qtbot.waitUntil(lambda: len(dialog.candidates) == 1)
    assert dialog.candidates[0].found == "Thomas Rayes"
    dialog.set_all_ticked(False)
    assert dialog.apply_ticked() == 0



def test_list_follows_the_right_form_as_it_is_typed(qtbot, model):
    # Opened on a selection, the right field starts equal to the wrong phrase: its own places are listed.
    dialog = _dialog(qtbot, model, wrong="Ingrid Soulberg", right="")
    assert dialog.right_edit.text() == "Ingrid Soulberg"
    assert [c.found for c in dialog.candidates] == ["Ingrid Soulberg", "Ingrid Sol Berg"]
    assert dialog.candidates[0].how == "exact"
    assert not dialog.apply_button.isEnabled()   # nothing to write yet
    assert "Type the right form" in dialog.summary.text()

    # Typing a right form relists after a pause without being asked: a place already
    # equal to it ("Ingrid Sol Berg" here) drops out.
    dialog.right_edit.selectAll()
    qtbot.keyClicks(dialog.right_edit, "Ingrid Sol Berg")
    qtbot.waitUntil(lambda: [c.found for c in dialog.candidates] == ["Ingrid Soulberg"], timeout=3000)
    dialog.set_ticked(0, False)                  # the producer's choice survives relisting
    assert dialog.ticked() == [] and not dialog.apply_button.isEnabled()

    dialog.right_edit.selectAll()
    qtbot.keyClicks(dialog.right_edit, "Ingrid Solberg")
    qtbot.waitUntil(lambda: [c.found for c in dialog.candidates] == ["Ingrid Soulberg", "Ingrid Sol Berg"],
                    timeout=3000)
    assert [c.found for c in dialog.ticked()] == ["Ingrid Sol Berg"]
    assert dialog.apply_button.text() == "&Apply ticked (1)"
    assert dialog.apply_ticked() == 1
    texts = " ".join(s.text for s in model.transcript.segments)
    assert "Ingrid Soulberg" in texts and "Sol Berg" not in texts


def test_a_click_on_a_tick_box_unticks_that_place(qtbot, model):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
    dialog = _dialog(qtbot, model)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    tick = table.model().index(0, TICK_COLUMN)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(tick)
    table.itemDelegate().initStyleOption(option, tick)
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert [c.found for c in dialog.ticked()] == ["Ingrid Sol Berg"]
    assert dialog.apply_button.text() == "&Apply ticked (1)"
    assert tick.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_opened_without_a_phrase_the_wrong_field_takes_the_typing(qtbot, model):
    dialog = _dialog(qtbot, model, wrong="", right="")
    assert dialog.focusWidget() is dialog.wrong_edit


def test_opened_on_a_phrase_the_right_field_takes_the_typing(qtbot, model):
    dialog = _dialog(qtbot, model)
    assert dialog.focusWidget() is dialog.right_edit
    assert dialog.right_edit.selectedText() == "Ingrid Solberg"
