"""File ▸ Export never proposes or writes over the transcript it came from, and asks before replacing."""

from __future__ import annotations

from pathlib import Path

from message_boxes import button, shown_box, wait_for_no_box
from PySide6.QtWidgets import QMessageBox
from window_helpers import choose, open_export

_OTTER = "Maya Ortiz  0:00\nWelcome back to the boatyard.\n\nTom Reed  0:05\nThanks, good to be here.\n"


def _opened_txt(window, tmp_path) -> Path:
    source = tmp_path / "episode.txt"
    source.write_text(_OTTER, encoding="utf-8")
    assert window.open_path(str(source))
    return source


def test_plain_text_export_of_a_txt_transcript_proposes_a_new_name_beside_it(window, tmp_path, qtbot):
    source = _opened_txt(window, tmp_path)
    dialog = open_export(window, qtbot)
    choose(dialog.format_box, "txt")
    proposed = Path(dialog.path_edit.text())
    assert proposed.parent == tmp_path and proposed != source and proposed.suffix == ".txt"
    choose(dialog.format_box, "srt")
    assert Path(dialog.path_edit.text()) == tmp_path / "episode.srt"
    dialog.reject()


def test_export_onto_the_opened_transcript_is_refused_and_it_stays_intact(window, tmp_path, qtbot):
    source = _opened_txt(window, tmp_path)
    dialog = open_export(window, qtbot)
    choose(dialog.format_box, "txt")
    dialog.path_edit.setText(str(source))
    assert not dialog.export()
    assert dialog.error_label.isVisible() and "episode.txt" in dialog.error_label.text()
    assert source.read_text(encoding="utf-8") == _OTTER
    dialog.reject()


def test_export_over_an_existing_file_asks_first(window, tmp_path, qtbot):
    _opened_txt(window, tmp_path)
    existing = tmp_path / "episode.srt"
    existing.write_text("mine, keep me", encoding="utf-8")
    dialog = open_export(window, qtbot)
    choose(dialog.format_box, "srt")
    assert Path(dialog.path_edit.text()) == existing
    assert not dialog.export()
    box = shown_box("Replace the file?", over=dialog)
    assert box is not None and box.isVisible() and "episode.srt" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_for_no_box(qtbot, "Replace the file?", over=dialog)
    assert existing.read_text(encoding="utf-8") == "mine, keep me"
    dialog.export()
    box = shown_box("Replace the file?", over=dialog)
    assert box is not None
    button(box, "Replace").click()
    qtbot.waitUntil(lambda: "-->" in existing.read_text(encoding="utf-8"))
    assert dialog.exported_path == str(existing.resolve())
