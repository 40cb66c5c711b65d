"""Correct Everywhere opened on an everyday word: nothing prefilled, nothing ticked, nothing to apply."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from window_helpers import wait_listed

from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.correct_dialog import CorrectDialog


def _transcript() -> Transcript:
    lines = ["And then the harbour master said no.", "And we left with Kvillon at dawn.",
             "And Kvillon brought the maps.", "And the tide turned and we waited.",
             "And so on, and so forth, and then home.",
             "Senator Marsh, a retired activist, spoke of flux in sociology and leadership.",
             "We waited for hours.\nThen the tide turned."]      # a turn of two lines
    speakers = {"S1": Speaker("S1", "Host")}
    segments = [Segment(id=f"t{i}", start_ms=i * 4000, end_ms=i * 4000 + 3500, speaker_id="S1", text=text)
                for i, text in enumerate(lines)]
    return Transcript(meta=TranscriptMeta(title="Harbour"), speakers=speakers, segments=segments)


def _searched(qtbot, dialog):
    qtbot.addWidget(dialog)
    wait_listed(qtbot, dialog)
    return dialog


def test_right_equal_to_wrong_ticks_nothing_and_cannot_apply(qtbot):
    dialog = _searched(qtbot, CorrectDialog(TranscriptModel(_transcript()), "And", "And"))
    assert len(dialog.candidates) >= 5            # listed, to look at
    assert not any(dialog.rows.ticks)
    assert not dialog.apply_button.isEnabled()
    assert dialog.apply_button.text() == "&Apply ticked (0)"


def test_an_empty_right_form_ticks_nothing(qtbot):
    dialog = _searched(qtbot, CorrectDialog(TranscriptModel(_transcript()), "Kvillon", "Kvillan"))
    assert all(dialog.rows.ticks) and dialog.apply_button.isEnabled()
    dialog.right_edit.setText("")
    dialog.refresh()
    _searched(qtbot, dialog)
    assert dialog.candidates and not any(dialog.rows.ticks)
    assert not dialog.apply_button.isEnabled()
    dialog.right_edit.setText("Kvillan")         # typed: the text's ticks come back
    dialog.refresh()
    _searched(qtbot, dialog)
    assert all(dialog.rows.ticks) and dialog.apply_button.isEnabled()


def _caret_on(window, row: int, word: str, select: bool = False) -> None:
    editor = window.view.open_editor(row, 0)
    cursor = editor.textCursor()
    at = window.model.segment(row).text.index(word)
    cursor.setPosition(at + (0 if select else 1))
    if select:
        cursor.setPosition(at + len(word), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def _opened_from_caret(window, qtbot):
    window.action_table["correct_everywhere"].trigger()
    dialog = window.names.correcting.dialog
    wait_listed(qtbot, dialog)
    return dialog


def _open(window, tmp_path) -> None:
    from editor.core import project
    path = tmp_path / "harbour.tep.json"
    project.save(_transcript(), path)
    assert window.open_path(str(path))


def test_the_caret_on_an_everyday_word_prefills_nothing(main_window, qtbot, tmp_path):
    _open(main_window, tmp_path)
    _caret_on(main_window, 0, "And")
    dialog = _opened_from_caret(main_window, qtbot)
    assert dialog.wrong_edit.text() == "" and dialog.right_edit.text() == ""
    assert not dialog.apply_button.isEnabled()
    assert dialog.wrong_edit.hasFocus() or not dialog.isActiveWindow()


def test_the_caret_on_a_misspelt_name_or_a_selection_prefills_it(main_window, qtbot, tmp_path):
    _open(main_window, tmp_path)
    _caret_on(main_window, 1, "Kvillon")
    dialog = _opened_from_caret(main_window, qtbot)
    assert dialog.wrong_edit.text() == "Kvillon"
    assert not any(dialog.rows.ticks) and not dialog.apply_button.isEnabled()   # until the right form is typed
    dialog.close()
    _caret_on(main_window, 3, "And", select=True)    # chosen by the producer: taken as it is
    dialog = _opened_from_caret(main_window, qtbot)
    assert dialog.wrong_edit.text() == "And"


def test_the_caret_on_a_word_nothing_doubts_prefills_nothing(main_window, qtbot, tmp_path):
    """Less common words the dictionary knows are not names to correct everywhere, capitalised or not."""
    _open(main_window, tmp_path)
    for word in ("Senator", "retired", "activist", "flux", "sociology", "leadership"):
        _caret_on(main_window, 5, word)
        dialog = _opened_from_caret(main_window, qtbot)
        assert dialog.wrong_edit.text() == "", word
        dialog.close()


def _tide_suggested(window, qtbot, tmp_path) -> None:
    """The episode open, with the glossary scan suggesting "Tyde" for "tide" in turns 3 and 6."""
    _open(window, tmp_path)
    names = window.names
    names.show_glossary.glossary.add("Tyde")
    window.action_table["show_suggestions"].setChecked(True)
    panel = names.show_glossary.suggestions
    names.scan_now()
    qtbot.waitUntil(lambda: {s.index for s in panel.suggestions if s.found == "tide"} == {3, 6}, timeout=10_000)


def test_the_caret_in_a_glossary_suggestion_prefills_its_word(main_window, qtbot, tmp_path):
    """Dictionary words the glossary scan suggests replacing ("tide" → "Tyde") may be a misheard name."""
    _tide_suggested(main_window, qtbot, tmp_path)
    _caret_on(main_window, 3, "tide")
    dialog = _opened_from_caret(main_window, qtbot)
    assert dialog.wrong_edit.text() == "tide"
    dialog.close()
    _caret_on(main_window, 3, "waited")                # the same turn, outside the suggestion
    assert _opened_from_caret(main_window, qtbot).wrong_edit.text() == ""


def test_the_caret_on_a_turns_second_line_is_placed_in_the_turn(main_window, qtbot, tmp_path):
    """The word's offset counts from the turn's start, not from the start of the line it is on."""
    _tide_suggested(main_window, qtbot, tmp_path)
    _caret_on(main_window, 6, "tide")
    assert _opened_from_caret(main_window, qtbot).wrong_edit.text() == "tide"
