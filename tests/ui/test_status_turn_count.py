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


def test_the_format_is_named_as_a_producer_knows_it_and_the_audio_without_the_player(main_window, qtbot, tmp_path):
    from pathlib import Path
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample"
    assert main_window.open_path(str(sample / "sample-episode.txt"))
    qtbot.waitUntil(lambda: "sample-episode.ogg" in file_status(main_window))
    # Not the registry's key ("otter"), nor the shape the Open dialog explains, nor the player in use.
    assert file_status(main_window) == "Otter.ai text · 19 turns · sample-episode.ogg"


def test_a_project_is_called_a_project(timed_window):
    assert file_status(timed_window).startswith("Transcript Editor project · ")
