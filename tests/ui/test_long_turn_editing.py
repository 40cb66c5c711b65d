"""A turn too long to edit in place (a whole episode as one turn): keys never loop, the producer is
told why and offered the split that makes it editable; a one-paragraph plain text opens cut into turns."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import bar_button, bar_buttons, click, press  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.long_text import PART_CHARS  # noqa: E402
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming  # noqa: E402
from editor.ui.document.turn_painter import LAYOUT_LIMIT  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
_SENTENCE = "the lighthouse keeper counted every ship that passed the point that winter. "


def _long_turn_project(folder: Path) -> tuple[Path, str]:
    """A project whose second turn runs past the editor's limit (a whole evening's talk as one turn)."""
    long_text = (_SENTENCE * (LAYOUT_LIMIT // len(_SENTENCE) + 40)).strip()
    segments = [Segment("s1", 0, 5000, "good evening and welcome aboard", "a"),
                Segment("s2", 5000, 3_600_000, long_text, "a")]
    path = folder / "evening.tep.json"
    project.save(Transcript(TranscriptMeta(title="Evening"), {"a": Speaker("a", "Ines Varga")}, segments), path)
    return path, long_text


def _type(text: str) -> None:
    """Keys as a user types them: each to whatever has the keyboard focus."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def test_typing_into_a_turn_too_long_to_edit_offers_the_split_and_the_parts_edit(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    view = w.view
    view.ensure_visible(1)
    click(view.viewport(), view.word_rect(1, 3).center())             # on "keeper"
    editor = view.editor()
    assert editor is not None and editor.row == 1 and editor.hasFocus()
    _type("xyz")                                     # into the open turn: refused (each key looped), no change
    press(w, Qt.Key.Key_Escape)
    _type("q")                                       # with the view focused: handed to the turn, refused
    assert w.model.segment(1).text == long_text and w.edits.stack.count() == 0
    assert view.editor() is not None and view.editor().row == 1
    # Told why, with the way out a click away.
    assert w.notice_bar.isVisible() and "too long to edit in place" in w.notice_bar.text()
    assert bar_button(w.notice_bar, "Split into Parts").isVisible()

    bar_button(w.notice_bar, "Split into Parts").click()
    parts = [w.model.segment(row) for row in range(1, w.model.rowCount())]
    assert len(parts) > 60 and all(len(p.text) <= PART_CHARS for p in parts)
    assert " ".join(p.text for p in parts) == long_text
    assert all(p.text.endswith("winter.") for p in parts)     # cut between sentences
    starts = [p.start_ms for p in parts]
    assert starts[0] == 5000 and starts == sorted(starts) and parts[-1].end_ms == 3_600_000
    assert not w.notice_bar.isVisible()
    editor = view.editor()
    assert editor is not None and editor.row == 1 and not editor.isReadOnly()

    _type("so ")                                     # the parts edit like any turn
    assert w.model.segment(1).text.startswith("so the lighthouse keeper")
    w.edits.undo()
    w.edits.undo()                                   # one step takes the split back
    assert w.model.rowCount() == 2 and w.model.segment(1).text == long_text


def test_split_long_turn_is_an_edit_menu_action_on_the_turn_in_hand(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible()                  # the offer
    w.action_table["split_long_turn"].trigger()      # taken from the Edit menu instead: the offer goes too
    assert w.model.rowCount() > 60 and w.model.segment(0).text == "good evening and welcome aboard"
    assert not w.notice_bar.isVisible()
    w.view.set_current_turn(0)
    w.action_table["split_long_turn"].trigger()      # short enough already: said so, nothing changes
    assert w.statusBar().currentMessage() and w.model.segment(0).text == "good evening and welcome aboard"


def test_a_one_paragraph_plain_text_opens_as_turns_that_edit(main_window, tmp_path):
    w = main_window
    phrase = "we talked about the harbour and the long winter nights out on the water "
    text = (phrase * 1430).strip() + ".\n"                # no sentence end before the last word
    path = tmp_path / "pasted.txt"
    path.write_text(text, encoding="utf-8")
    assert w.open_path(str(path))
    assert w.model.rowCount() > 60
    assert all(len(s.text) <= PART_CHARS for s in w.model.transcript.segments)
    assert " ".join(s.text for s in w.model.transcript.segments) == text.strip()
    assert w.warning_bar.isVisible() and "too long to edit as one turn" in w.warning_bar.text()
    view = w.view
    click(view.viewport(), view.word_rect(0, 2).center())
    _type("xyz")
    assert "xyz" in w.model.segment(0).text


def test_the_turn_too_long_to_edit_splits_at_its_caret_and_refuses_a_paste(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    QApplication.clipboard().setText("pasted words")
    at = long_text.index("winter.", 2000) + len("winter. ")
    editor = w.view.open_editor(1, at)
    press(w, Qt.Key.Key_V, CTRL)                    # refused, and said so
    assert w.model.segment(1).text == long_text and w.notice_bar.isVisible()
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)   # Split Turn at Caret
    assert w.model.segment(1).text == long_text[:at].strip() and w.model.segment(2).text == long_text[at:]
    assert editor.row == 2 and editor.isReadOnly()   # the rest is still too long: still refused, never lost


def test_a_caret_in_the_note_of_a_turn_too_long_splits_at_the_last_character_shown(main_window, tmp_path):
    """The note after the text shown ("… [N more characters: …]") is no text of the turn: a caret or a
    selection there stands for the end of what is shown, never for hidden text at the same offset."""
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    editor = w.view.open_editor(1, 0)
    press(editor, Qt.Key.Key_End, CTRL)              # the end of the note
    assert editor.caret() == LAYOUT_LIMIT
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)   # Split Turn at Caret
    left, right = w.model.segment(1).text, w.model.segment(2).text
    assert len(left) <= LAYOUT_LIMIT and long_text.startswith(left) and f"{left} {right}" == long_text


def test_the_offer_splits_the_turn_it_named_after_rows_above_it_moved(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible()                  # the offer, for the long turn (row 1 then)
    w.view.open_editor(0, len("good evening"))
    assert w.edits.split_at_caret()                  # a turn above it split: the long turn is row 2 now
    assert w.model.segment(2).text == long_text
    bar_button(w.notice_bar, "Split into Parts").click()
    assert w.model.rowCount() > 60 and w.model.segment(1).text == "and welcome aboard"
    assert " ".join(w.model.segment(row).text for row in range(2, w.model.rowCount())) == long_text


def test_the_offer_names_the_turn_by_its_number_after_rows_above_it_moved(main_window, tmp_path):
    w = main_window
    path, _long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    w.view.open_editor(1, 0)
    assert w.notice_bar.text().startswith("Turn 2 ")
    w.view.open_editor(0, len("good evening"))
    assert w.edits.split_at_caret()                  # a turn above it split: the long turn is turn 3 now
    assert w.notice_bar.isVisible() and w.notice_bar.text().startswith("Turn 3 ")
    assert "Split into Parts" in bar_buttons(w.notice_bar)
    w.edits.undo()                                   # merged back: turn 2 again
    assert w.notice_bar.isVisible() and w.notice_bar.text().startswith("Turn 2 ")


def test_a_mark_in_the_hidden_text_of_a_turn_too_long_is_not_drawn_over_the_note(main_window, tmp_path):
    from editor.core.transcript import MarkKind
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    at = long_text.index("keeper", LAYOUT_LIMIT + 10)          # hidden: past the text shown
    assert w.edits.push(ops.add_mark(w.model.transcript, 1, MarkKind.INAUDIBLE, at, at + len("keeper")), "Mark", 1)
    editor = w.view.open_editor(1, 0)
    assert editor.isReadOnly() and editor.extraSelections() == []


def test_a_run_with_no_space_inside_a_turn_is_cut_hard_and_every_part_edits(main_window, tmp_path):
    w = main_window
    blob = "x" * (LAYOUT_LIMIT + 10_000)               # no space to cut it at
    text = " ".join(["the tide came in"] * 200 + [blob] + ["and went out"] * 200)
    path = tmp_path / "blob.tep.json"
    project.save(Transcript(TranscriptMeta(title="Blob"), {"a": Speaker("a", "Ines Varga")},
                            [Segment("s1", 0, 60_000, text, "a")]), path)
    assert w.open_path(str(path))
    assert w.edits.split_into_parts(0)
    texts = [w.model.segment(row).text for row in range(w.model.rowCount())]
    assert all(len(t) <= PART_CHARS for t in texts) and "".join(texts).replace(" ", "") == text.replace(" ", "")
    assert "each short enough to edit" in w.statusBar().currentMessage()


def test_the_offer_goes_once_split_turn_at_caret_makes_the_turn_it_named_short_enough(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    editor = w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible() and w.notice_bar.text().startswith("Turn 2 ")
    press(editor, Qt.Key.Key_End, CTRL)              # the last character shown
    press(w, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)   # Split Turn at Caret
    assert all(len(w.model.segment(row).text) <= LAYOUT_LIMIT for row in (1, 2))   # both halves edit
    assert not w.notice_bar.isVisible()
    w.edits.undo()                                   # long again: offered when it is opened again
    w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible() and w.notice_bar.text().startswith("Turn 2 ")


def test_the_offer_goes_once_the_turn_it_named_is_merged_away(main_window, tmp_path):
    w = main_window
    path, long_text = _long_turn_project(tmp_path)
    assert w.open_path(str(path))
    w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible() and w.notice_bar.text().startswith("Turn 2 ")
    w.view.open_editor(0, 0)
    assert w.edits.merge_with_next()                  # Turn 2 is part of turn 1 now
    assert w.model.rowCount() == 1
    assert not w.notice_bar.isVisible()


def test_a_turn_with_no_space_splits_at_the_limit_and_a_refusal_names_the_turn(main_window, tmp_path):
    """A turn of one 150,000-character run with no spaces (a pasted blob, Japanese or Chinese without
    sentence ends) is cut hard at the part limit; a refusal names the turn as the producer sees it."""
    w = main_window
    run = "x" * 150_000
    segments = [Segment("s1", 0, 5000, "intro words here", "a"), Segment("s2", 5000, 600_000, run, "a")]
    path = tmp_path / "blob.tep.json"
    project.save(Transcript(TranscriptMeta(title="Blob"), {"a": Speaker("a", "Ines Varga")}, segments), path)
    assert w.open_path(str(path))
    w.view.open_editor(1, 0)
    assert w.notice_bar.isVisible()
    bar_button(w.notice_bar, "Split into Parts").click()
    parts = [w.model.segment(row).text for row in range(1, w.model.rowCount())]
    assert len(parts) == 100 and all(len(p) == PART_CHARS for p in parts) and "".join(parts) == run
    assert not w.notice_bar.isVisible() and not w.view.editor().isReadOnly()
    assert "each short enough to edit" in w.statusBar().currentMessage()
    assert not w.edits.split_into_parts(0)           # short enough: said of "turn 1", no internal id
    message = w.statusBar().currentMessage()
    assert message.startswith("turn 1:") and "s1" not in message


def test_splitting_a_timed_word_with_no_space_across_parts_tells_the_producer_its_time_is_shared(main_window,
                                                                                                tmp_path):
    """No audio says where inside a word a part starts: the split says the pieces' times are shared
    by length, an estimate, and each part still starts at its piece's time."""
    w = main_window
    run = "x" * 150_000
    words = [Word("Hello", 5000, 5400, 0.9), Word(run, 5400, None, 0.9)]     # the recognizer gave a start alone
    segments = [Segment("s1", 5000, 600_000, f"Hello {run}", "a", words=words, word_timing=WordTiming.IMPORTED)]
    path = tmp_path / "timed-blob.tep.json"
    project.save(Transcript(TranscriptMeta(title="Blob"), {"a": Speaker("a", "Ines Varga")}, segments), path)
    assert w.open_path(str(path))
    assert w.edits.split_into_parts(0)
    message = w.statusBar().currentMessage()
    assert "1 timed word had no space to cut at and was cut across turns" in message
    assert "shared between the pieces by length, an estimate" in message
    starts = [w.model.segment(row).start_ms for row in range(w.model.rowCount())]
    assert None not in starts and starts == sorted(starts) and starts[-1] < 600_000
