"""The status bar's "format · N turns" follows splits and merges (and their undo), not only the load."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def file_status(window) -> str:
    """The permanent status label that names the open file's format and turn count."""
    texts = [label.text() for label in window.statusBar().findChildren(QLabel) if " turn" in label.text()]
    assert len(texts) == 1, texts
    return texts[0]


def test_turn_count_follows_merge_undo_and_split_into_parts(timed_window, qtbot):
    window = timed_window
    rows = window.model.rowCount()
    assert f"· {rows} turns" in file_status(window)
    window.model.set_current(0)
    assert window.edits.merge_with_next()
    assert f"· {rows - 1} turns" in file_status(window)
    window.edits.undo()
    assert f"· {rows} turns" in file_status(window)
    window.edits.redo()
    assert f"· {rows - 1} turns" in file_status(window)
    window.edits.undo()
    # A long turn of many sentences, cut into parts: one edit, many new rows.
    window.model.set_text(0, " ".join(f"Sentence number {n} is here." for n in range(400)))
    assert window.edits.split_into_parts(0)
    assert f"· {window.model.rowCount()} turns" in file_status(window) and window.model.rowCount() > rows
