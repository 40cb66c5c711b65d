"""The glossary dialog says which show it uses and counts as you type; suggestions read cleanly."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidgetItem
from review_helpers import close_review_window, open_review_window

from editor.core.glossary import Glossary


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "work"
    folder.mkdir()
    window = open_review_window(qtbot, folder)
    yield window
    close_review_window(window)


def test_the_dialog_names_the_folder_show_and_lets_another_be_chosen(window, qtbot):
    dialog = window.names.show_glossary.edit_glossary()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.show_box.currentText() == "work"
    assert "“work”, the name of its folder" in dialog.show_hint.text()
    dialog.show_box.setCurrentText("Harbour Hours")
    dialog.show_box.lineEdit().editingFinished.emit()
    assert dialog.windowTitle() == "Glossary – Harbour Hours"
    assert "the show “Harbour Hours”" in dialog.show_hint.text()
    dialog.accept()
    assert window.names.show_glossary.glossary.show == "Harbour Hours"
    assert window.files.extra.get("show") == "Harbour Hours"   # kept with the episode before any save


def test_entry_count_follows_the_table_and_uses_plurals(window, qtbot):
    dialog = window.names.show_glossary.edit_glossary()
    start = dialog.table.rowCount()
    dialog.add_row()
    dialog.table.setItem(dialog.table.rowCount() - 1, 0, QTableWidgetItem("Okafor"))
    assert dialog.status.text() == f"{start + 1} glossary entr{'y' if start + 1 == 1 else 'ies'}"
    dialog.add_row()                               # an empty row is not an entry
    assert dialog.status.text().startswith(f"{start + 1} glossary entr")
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    dialog.remove_selected()
    dialog.table.selectRow(dialog.table.rowCount() - 1)
    dialog.remove_selected()
    assert dialog.status.text() == f"{start} glossary entr{'y' if start == 1 else 'ies'}"
    dialog.reject()


def test_suggestions_without_a_speaker_read_cleanly_and_count_in_the_singular(window, qtbot):
    from editor.core import ops
    from editor.core.glossary import Suggestion
    from editor.core.search import time_at
    from editor.core.timecode import format_clock
    model, names = window.model, window.names.show_glossary
    model.run(ops.set_speaker(model.transcript, 4, None))
    names._ensure_suggestions()
    panel = names.suggestions
    context = "Okafo has a question"
    heard_at = time_at(model.transcript.segments[4], 0)     # where the list places its words
    panel.set_suggestions([Suggestion(4, 0, 5, "Okafo", "Okafor", 90, "spelling", context, 0, heard_at)])
    # where (no speaker: nothing left dangling), then why
    assert [line.strip() for line in panel.items.index(0).data().split("\n")[1:3]] == \
        [f"{format_clock(heard_at)} · 90%", "spelled alike"]
    panel.glossary = Glossary()
    panel.glossary.add("Okafor", [])
    panel.show_scan([])
    assert panel.status.text().endswith("from 1 glossary entry.")


def test_changes_of_capitals_only_are_listed_after_the_real_fixes(window):
    from editor.core.glossary import Suggestion
    names = window.names.show_glossary
    names._ensure_suggestions()
    panel = names.suggestions
    case = Suggestion(0, 0, 5, "okafo", "Okafo", 40, "case", "okafo said", 0, 1_000)
    real = Suggestion(4, 0, 5, "Okafo", "Okafor", 90, "spelling", "Okafo has a question", 0, 54_000)
    panel.set_suggestions([case, real])
    assert [s.replacement for s in panel.suggestions] == ["Okafor", "Okafo"]
    assert panel.items.index(0).data().startswith("✓ Okafo  →  Okafor")
