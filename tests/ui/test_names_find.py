"""Find/replace panel on the real sample episode: results, choosing, replace one/all as one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor.core import ops
from editor.formats import read_file
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.find_panel import FindPanel

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample-episode.txt"


class SpansCommand(QUndoCommand):
    """What the window does with a span list: one undo step through the model."""

    def __init__(self, model, spans, text):
        super().__init__(text)
        self._model, self._op = model, ops.replace_spans(model.transcript, spans)

    def redo(self):
        self._op = self._model.run(self._op)

    def undo(self):
        self._op = self._model.run(self._op)


@pytest.fixture()
def setup(qtbot):
    model = TranscriptModel(read_file(SAMPLE).transcript)
    stack = QUndoStack()
    panel = FindPanel(model)
    qtbot.addWidget(panel)
    panel.replace_requested.connect(lambda spans, text: stack.push(SpansCommand(model, spans, text)))
    panel.show()
    return model, stack, panel


def test_typing_searches_after_a_pause_and_lists_context(setup, qtbot):
    model, _, panel = setup
    qtbot.keyClicks(panel.find_edit, "ingrid")
    qtbot.waitUntil(lambda: panel.results.rowCount() == 3)
    assert panel.status.text() == "3 matches"
    contexts = [panel.results.index(r, 2).data() for r in range(3)]
    assert any("Sol Berg" in c for c in contexts)
    assert panel.results.index(0, 0).data() == "00:18"


def test_enter_chooses_next_result_and_emits_position(setup, qtbot):
    model, _, panel = setup
    panel.find_edit.setText("Soulberg")
    with qtbot.waitSignal(panel.match_chosen) as blocker:
        qtbot.keyClick(panel.find_edit, Qt.Key.Key_Return)
    index, start, end, ms = blocker.args
    assert model.transcript.segments[index].text[start:end] == "Soulberg"
    assert ms == model.transcript.segments[index].start_ms


def test_replace_all_is_one_undo_step_with_count(setup):
    model, stack, panel = setup
    panel.show_replace()
    panel.find_edit.setText("Ingrid")
    panel.match_case.setChecked(True)
    panel.replace_edit.setText("INGRID")
    before = [s.text for s in model.transcript.segments]
    assert panel.replace_all() == 3
    assert panel.status.text() == "Replaced 3 occurrences"
    assert stack.count() == 1 and "(3)" in stack.undoText()
    assert sum(s.text.count("INGRID") for s in model.transcript.segments) == 3
    stack.undo()
    assert [s.text for s in model.transcript.segments] == before


def test_replace_one_then_results_refresh(setup, qtbot):
    model, stack, panel = setup
    panel.show_replace()
    panel.find_edit.setText("Sol Berg")
    panel.replace_edit.setText("Solberg")
    panel.search()
    panel.choose(0)
    panel.replace_current()
    assert stack.count() == 1
    assert panel.results.rowCount() == 0
    assert any("Ingrid Solberg, two years" in s.text for s in model.transcript.segments)


def test_inaudible_mark_is_not_matched_unless_asked(setup):
    _, _, panel = setup
    panel.find_edit.setText("inaudible")
    assert panel.search() == []
    panel.include_marks.setChecked(True)
    assert len(panel.search()) == 1


def test_scope_by_speaker_and_selection(setup):
    model, _, panel = setup
    panel.find_edit.setText("lens")
    everything = panel.search()
    speaker_row = panel.scope.findText("Speaker: Ingrid Solberg")
    panel.scope.setCurrentIndex(speaker_row)
    ingrid = panel.search()
    assert 0 < len(ingrid) < len(everything)
    assert all(model.transcript.segments[m.index].speaker_id == "spk3" for m in ingrid)
    panel.scope.setCurrentIndex(panel.scope.findData("selection"))
    panel.set_selection({everything[0].index})
    assert {m.index for m in panel.search()} == {everything[0].index}


def test_bad_regex_is_reported_not_raised(setup):
    _, _, panel = setup
    panel.regex.setChecked(True)
    panel.find_edit.setText("(lens")
    assert panel.search() == []
    assert "Invalid regular expression" in panel.status.text()
    assert panel.replace_all() == 0


def test_escape_asks_to_close_and_ctrl_f_mode_hides_replace(setup, qtbot):
    _, _, panel = setup
    panel.show_find()
    assert not panel.replace_edit.isVisible()
    with qtbot.waitSignal(panel.close_requested):
        qtbot.keyClick(panel.find_edit, Qt.Key.Key_Escape)


def test_escape_closes_the_panel_even_where_window_shortcuts_do_not_fire(setup, qtbot):
    panel = setup[2]
    panel.hide()   # a hidden (or inactive) panel gets no shortcuts, only the key event
    with qtbot.waitSignal(panel.close_requested, timeout=10_000):
        qtbot.keyClick(panel.find_edit, Qt.Key.Key_Escape)


def test_edits_elsewhere_never_search_per_keystroke(setup, qtbot):
    model, _stack, panel = setup
    panel.set_find_text("the")
    panel.search()
    calls = []
    original = panel.search
    panel.search = lambda *a, **k: (calls.append(1), original(*a, **k))
    panel.hide()
    for _ in range(5):   # typing in a turn while the panel is closed
        model.set_text(0, model.segment(0).text + "x")
    assert calls == [] and not panel._timer.isActive()   # nothing searched or scheduled while hidden
    panel.show()
    panel.show_find()    # opening it again catches up once
    assert calls == [1]
    for _ in range(5):   # visible: one refresh after the typing pause, not five
        model.set_text(0, model.segment(0).text + "y")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)
    assert calls == [1, 1] and not panel._timer.isActive()   # and no other refresh is due


def _replace_all(panel, word: str, replacement: str) -> int:
    """Replace all of *word* (case matched) by *replacement* from the Replace panel."""
    panel.show_replace()
    panel.find_edit.setText(word)
    panel.match_case.setChecked(True)
    panel.replace_edit.setText(replacement)
    return panel.replace_all()


def test_after_replace_all_later_refreshes_keep_saying_what_was_replaced(setup, qtbot):
    model, stack, panel = setup
    assert _replace_all(panel, "Ingrid", "INGRID") == 3
    # Another edit re-searches the old word (after a pause): no "No matches" over the count.
    model.set_text(0, model.transcript.segments[0].text + " Later.")
    qtbot.waitUntil(lambda: not panel._timer.isActive())
    panel.search()
    assert panel.status.text() == "Replaced 3 occurrences"
    # Undo brings the word back: its count is what matters now.
    stack.undo()
    panel.search()
    assert panel.status.text() == "3 matches"
    # A new search says its own result.
    panel.find_edit.setText("Zebulon")
    qtbot.waitUntil(lambda: panel.status.text() == "No matches")


def test_replace_all_whose_replacement_holds_the_word_says_how_many_are_left(setup):
    model, stack, panel = setup
    assert _replace_all(panel, "Ingrid", "Ingrid Sol") == 3
    assert panel.status.text() == "Replaced 3 occurrences; 3 matches left"


def test_replace_all_after_the_list_replaces_what_is_there_now(setup, qtbot):
    """Replace all of the search just listed takes what it found only while that is still true: an
    edit since, other options or another scope make it search again."""
    model, stack, panel = setup
    panel.show_replace()
    qtbot.keyClicks(panel.find_edit, "ingrid")
    qtbot.waitUntil(lambda: panel.status.text() == "3 matches")
    # An edit after the list was made: one more Ingrid (at the start of the last turn).
    last = len(model.transcript.segments) - 1
    model.run(ops.replace_spans(model.transcript, [(last, 0, 0, "Ingrid ")]))
    panel.replace_edit.setText("Ingrid Solberg")
    assert panel.replace_all() == 4
    assert model.transcript.segments[last].text.startswith("Ingrid Solberg ")
    stack.undo()
    # Listed again, then another scope: only the turns of the selection.
    panel.search()
    assert panel.status.text() == "4 matches"
    rows = sorted({m.index for m in panel.results.matches})
    panel.set_selection(rows[:1])
    panel.scope.setCurrentIndex(panel.scope.findData("selection"))
    expected = model.transcript.segments[rows[0]].text.lower().count("ingrid")
    assert panel.replace_all() == expected
    stack.undo()
    # And other options: match case finds none of "INGRID".
    panel.scope.setCurrentIndex(panel.scope.findData("all"))
    panel.search()
    panel.find_edit.setText("INGRID")
    panel.match_case.setChecked(True)
    assert panel.replace_all() == 0


def test_tab_goes_from_the_find_field_to_the_replace_field(setup, qtbot):
    """Find, Tab, replacement: the producer's typing lands in Replace, not on the Find button."""
    panel = setup[2]
    panel.show_replace()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.find_edit.setFocus()
    qtbot.waitUntil(panel.find_edit.hasFocus)
    qtbot.keyClick(panel.find_edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(panel.replace_edit.hasFocus)
    qtbot.keyClick(panel.replace_edit, Qt.Key.Key_Backtab)
    qtbot.waitUntil(panel.find_edit.hasFocus)


def test_after_undo_of_replace_all_and_a_typed_edit_the_list_is_what_a_new_search_lists(setup, qtbot):
    """The list refreshed after edits searches only the turns they changed: it lists what searching
    the whole transcript again lists, speakers and contexts included."""
    model, stack, panel = setup
    panel.show_replace()
    qtbot.keyClicks(panel.find_edit, "the")
    qtbot.waitUntil(lambda: panel.results.rowCount() > 0)
    panel.replace_edit.setText("thy")
    assert panel.replace_all() > 3
    stack.undo()
    qtbot.waitUntil(lambda: panel.results.rowCount() > 0)
    undone = panel.results.rowCount()
    model.set_text(1, "The one the other " + model.transcript.segments[1].text)     # three more
    qtbot.waitUntil(lambda: panel.results.rowCount() == undone + 3)

    def listed():
        return [[panel.results.index(row, column).data() for column in range(3)]
                for row in range(panel.results.rowCount())], panel.status.text()

    refreshed = listed()
    fresh = FindPanel(model)
    qtbot.addWidget(fresh)
    panel = fresh
    panel.find_edit.setText("the")
    panel.search()
    assert refreshed == listed()
