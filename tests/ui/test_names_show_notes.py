"""Names the producer already has, in the window: the show notes of a podcast page, corrections
typed in a turn, and a glossary file shared by a team (the invented fixture of tests/core)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from editor.core.glossary import Glossary
from editor.core.shared_glossary import SharedGlossaryFile
from tests.core.names_fixture import PAGE


@pytest.fixture(autouse=True)
def own_glossary_folder(tmp_path, monkeypatch):
    """Glossaries are kept per show in the user's data folder: a fresh one per test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def page_window(main_window, tmp_path, qtbot):
    """The window with the fixture's podcast page open (no audio) and its deferred work done."""
    folder = tmp_path / "harbour-lights"
    folder.mkdir()
    path = folder / "episode-42.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert main_window.open_path(str(path))
    names = main_window.names
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning() and names.spelling.speller is not None, timeout=10000)
    return main_window


def _row_containing(window, needle: str) -> int:
    return next(i for i, s in enumerate(window.model.transcript.segments) if needle in s.text)


def test_show_notes_names_are_suggested_with_an_empty_glossary(page_window):
    glossary = page_window.names.show_glossary
    assert glossary.glossary.entries == []          # "Speaker 1" is no name
    found = {(s.found, s.replacement): s for s in glossary.suggestions.suggestions}
    suggestion = found[("Dorian do valley", "Dorian Duvalle")]
    assert suggestion.source == "show-notes" and "show-notes" in suggestion.evidence and suggestion.ticked
    assert "from the show notes" in glossary.suggestions.items.index(0).data() or \
        any("from the show notes" in glossary.suggestions.items.index(i).data()
            for i in range(glossary.suggestions.items.rowCount()))


def test_with_an_empty_glossary_the_summary_says_the_names_came_from_the_show_notes(page_window):
    glossary = page_window.names.show_glossary
    assert glossary.glossary.entries == []
    said = glossary.suggestions.status.text()
    count = len(glossary.suggestions.suggestions)
    assert said == f"{count} suggestions from {len(glossary.suggestions.candidates)} show-notes names."
    assert "glossary entr" not in said          # not "from 0 glossary entries and …"


def test_glossary_dialog_adds_a_show_notes_name_with_one_click(page_window, qtbot):
    names = page_window.names
    page_window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    qtbot.waitExposed(dialog)
    chips = [dialog.candidate_list.item(i) for i in range(dialog.candidate_list.count())]
    chip = next(item for item in chips if item.text() == "+ Tamsin Oyelaran")
    rect = dialog.candidate_list.visualItemRect(chip)
    qtbot.mouseClick(dialog.candidate_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [e.correct for e in dialog.entries()] == ["Tamsin Oyelaran"]
    assert "+ Tamsin Oyelaran" not in [dialog.candidate_list.item(i).text()
                                        for i in range(dialog.candidate_list.count())]
    dialog.accept()
    entry = names.show_glossary.glossary.entry_for("Tamsin Oyelaran")
    assert entry is not None and entry.note == "from the show notes"
    assert names.spelling.speller.is_known("Oyelaran")


def test_glossary_dialog_adds_show_notes_names_by_keyboard(page_window, qtbot):
    """Alt+N goes to the names; Enter adds the one in hand (the dialog stays open) and the next is
    then in hand; Space adds too."""
    names = page_window.names
    page_window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    qtbot.waitExposed(dialog)
    offered = [dialog.candidate_list.item(i).text() for i in range(dialog.candidate_list.count())]
    assert len(offered) >= 2
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.candidate_list.hasFocus)
    qtbot.keyClick(dialog.candidate_list, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.candidate_list, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.candidate_list, Qt.Key.Key_Space)
    assert [f"+ {e.correct}" for e in dialog.entries()] == offered[:2]
    dialog.accept()


def test_a_correction_typed_in_a_turn_teaches_the_glossary(page_window, qtbot):
    names, view = page_window.names, page_window.view
    row = _row_containing(page_window, "Adeline quist")
    text = page_window.model.segment(row).text
    editor = view.open_editor(row, 0)
    cursor = editor.textCursor()
    cursor.setPosition(text.index("Adeline quist"))
    cursor.setPosition(text.index("Adeline quist") + len("Adeline quist"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, "Ada Lindqvist")
    assert "Ada Lindqvist" in page_window.model.segment(row).text
    assert names.show_glossary.glossary.entry_for("Ada Lindqvist") is None    # nothing learnt while typing
    view.close_editor()
    entry = names.show_glossary.glossary.entry_for("Ada Lindqvist")          # a show-notes name
    assert entry is not None and entry.wrong_forms == ["Adeline quist"]
    assert names.show_glossary.glossary.path.is_file()                        # kept for the next episode


def test_shared_glossary_file_is_chosen_written_merged_and_followed(page_window, qtbot, tmp_path):
    names = page_window.names
    shared_path = tmp_path / "team" / "harbour-lights.csv"
    page_window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    dialog.add_candidate("Renata Morholt")
    dialog.set_shared_file(str(shared_path))
    assert str(shared_path) in dialog.shared_label.text()
    dialog.accept()
    assert "Renata Morholt" in shared_path.read_text(encoding="utf-8")
    # Another producer adds a name to the shared file: the window merges it in by itself.
    other, other_file = Glossary(), SharedGlossaryFile(shared_path)
    other_file.pull(other)
    other.add("Corvin's Pantry", ["Corbin's pantry"])
    other_file.save(other)
    qtbot.waitUntil(lambda: names.show_glossary.glossary.entry_for("Corvin's Pantry") is not None, timeout=10000)
    assert names.show_glossary.glossary.entry_for("Renata Morholt") is not None
    assert names.show_glossary.glossary.shared_file == str(shared_path)


def test_show_notes_names_are_known_to_spelling_and_offered_on_right_click(page_window):
    speller = page_window.names.spelling.speller
    assert speller.is_known("Oyelaran") and speller.is_known("Quaintance")
    assert speller.suggestions("Duvall")[0] in ("Duvalle", "Dorian Duvalle")


def test_the_shows_own_glossary_is_saved_when_the_shared_file_cannot_be_written(page_window, qtbot, tmp_path):
    # The team's drive unmounted (here: its folder gone, a file where it was): the name added is
    # still kept in the show's own glossary, and the producer is told the shared file was not written.
    names = page_window.names
    problems = []
    names.show_glossary.problem.connect(problems.append)
    team = tmp_path / "team"
    page_window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    dialog.set_shared_file(str(team / "harbour-lights.csv"))
    dialog.accept()
    (team / "harbour-lights.csv").unlink()
    team.rmdir()
    team.write_text("not a folder", encoding="utf-8")

    glossary = names.show_glossary.glossary
    glossary.add("Renata Morholt")
    names.show_glossary.changed()
    assert problems and problems[-1].startswith("Shared glossary not written") and "harbour-lights.csv" in problems[-1]
    assert Glossary.load(glossary.path).entry_for("Renata Morholt") is not None
