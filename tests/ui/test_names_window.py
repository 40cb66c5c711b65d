"""The name tools in the real window: find/replace dock, correct everywhere, glossary
suggestions, spelling underlines and the low-confidence walk, on the bundled sample episode
with its audio in the real VLC backend."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from window_helpers import SAMPLE_AUDIO, panel_dock, press, wait_listed

from editor.core.search import FindOptions, Scope, find_all
from editor.ui.document.turn_decorations import low_confidence_format, misspelt_format

SUGGESTIONS = "Glossary Suggestions"   # the suggestions panel's title

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def own_glossary_folder(tmp_path, monkeypatch):
    """Glossaries are kept per show in the user's data folder: a fresh one per test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def texts(window) -> list[str]:
    return [s.text for s in window.model.transcript.segments]


def row_containing(window, needle: str) -> int:
    return next(i for i, text in enumerate(texts(window)) if needle in text)


def wait_for_scan(qtbot, names, at_once: bool = True) -> None:
    """Wait for the glossary scan and the dictionary; *at_once* starts the work opening defers
    (BACKGROUND_AFTER_OPEN_MS) now instead of waiting out its delay."""
    if at_once:
        names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning() and names.spelling.speller is not None, timeout=10000)


def test_ctrl_f_finds_and_choosing_a_result_selects_it_and_seeks(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    press(window, Qt.Key.Key_F, CTRL)
    assert names.find.dock.isVisible()
    qtbot.waitUntil(lambda: names.find.panel.find_edit.hasFocus())
    qtbot.keyClicks(names.find.panel.find_edit, "Soulberg")
    qtbot.waitUntil(lambda: names.find.panel.results.rowCount() == 1)
    row = row_containing(window, "Soulberg")
    time_ms = names.find.panel.results.time_ms(0)   # what the results list shows and plays from
    assert time_ms is not None   # the word's time (aligned or imported), else the turn's start
    qtbot.keyClick(names.find.panel.find_edit, Qt.Key.Key_Return)   # Enter: the next result

    editor = window.view.editor()
    assert editor is not None and editor.row == row
    assert editor.textCursor().selectedText() == "Soulberg"
    qtbot.waitUntil(lambda: abs(window.playback.position() - time_ms) < 400, timeout=5000)
    assert names.find.panel.find_edit.hasFocus()   # Enter again goes on finding, it does not type
    assert window.follow.is_following()            # the result plays: auto-follow keeps going


def test_replace_all_is_one_undo_step_and_reports_the_count(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    before = texts(window)
    expected = len(find_all(window.model.transcript, FindOptions("lens", whole_word=True), Scope.all()))
    assert expected >= 3
    press(window, Qt.Key.Key_H, CTRL)
    panel = names.find.panel
    assert panel.replace_edit.isVisible()
    panel.find_edit.setText("lens")
    panel.whole_word.setChecked(True)
    panel.replace_edit.setText("glass")
    steps = names.spans.undo_stack.count()
    qtbot.mouseClick(panel.replace_all_button, Qt.MouseButton.LeftButton)

    assert names.spans.undo_stack.count() == steps + 1
    assert f"({expected})" in names.spans.undo_stack.undoText()
    assert panel.status.text() == f"Replaced {expected} occurrences"
    after = texts(window)
    assert sum(t.count("glass") - b.count("glass") for t, b in zip(after, before, strict=False)) == expected
    names.spans.undo_stack.undo()
    assert texts(window) == before


def test_correct_everywhere_applies_the_ticked_places_as_one_undo_step(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    row = row_containing(window, "Soulberg")
    other = row_containing(window, "Sol Berg")
    editor = window.view.open_editor(row, 0)
    at = window.model.segment(row).text.index("Soulberg")
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + len("Soulberg"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    press(window, Qt.Key.Key_E, CTRL_SHIFT)

    dialog = names.correcting.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.wrong_edit.text() == "Soulberg"
    dialog.right_edit.selectAll()
    qtbot.keyClicks(dialog.right_edit, "Solberg")
    qtbot.waitUntil(lambda: {c.found for c in dialog.candidates} >= {"Soulberg", "Sol Berg"}, timeout=5000)
    dialog.set_all_ticked(True)
    steps = names.spans.undo_stack.count()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    assert names.spans.undo_stack.count() == steps + 1
    assert "Ingrid Solberg" in window.model.segment(row).text
    assert "Ingrid Solberg" in window.model.segment(other).text
    assert "Soulberg" in names.show_glossary.glossary.entry_for("Solberg").wrong_forms   # remembered for the show
    names.spans.undo_stack.undo()
    assert "Soulberg" in window.model.segment(row).text and "Sol Berg" in window.model.segment(other).text


def test_glossary_suggestions_appear_after_open_and_apply(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    # Opening leaves the dictionary and the scan for later: the episode is on screen first (the
    # panel that holds the scan is not even made yet).
    assert names.is_scanning() and names.show_glossary.suggestions is None
    wait_for_scan(qtbot, names, at_once=False)    # ...and they then run by themselves
    assert panel_dock(window, SUGGESTIONS).isVisible()
    found = {(s.found, s.replacement) for s in names.show_glossary.suggestions.suggestions}
    assert ("Thomas Rayes", "Tomas Reyes") in found   # a speaker's name, misheard in the text
    steps = names.spans.undo_stack.count()
    count = len(names.show_glossary.suggestions.suggestions)
    qtbot.mouseClick(names.show_glossary.suggestions.apply_all_button, Qt.MouseButton.LeftButton)

    assert names.spans.undo_stack.count() == steps + 1
    assert "Thomas Rayes" not in " ".join(texts(window))
    assert f"({count})" in names.spans.undo_stack.undoText()


def test_choosing_a_suggestion_shows_it_in_the_text(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    first = names.show_glossary.suggestions.suggestions[0]
    names.show_glossary.suggestions.list.setCurrentIndex(names.show_glossary.suggestions.items.index(0))
    editor = window.view.editor()
    assert editor is not None and editor.row == first.index
    assert editor.textCursor().selectedText() == first.found


def test_unknown_words_are_underlined_in_the_editor_and_in_painted_turns(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    row = row_containing(window, "Saltmarsh")
    text = window.model.segment(row).text
    at = text.index("Saltmarsh")
    # Painted turn: the decorator the view paints with gives a wavy underline over the word.
    ranges = names.spelling.decorations(row, window.model.segment(row))
    assert (at, at + len("Saltmarsh"), misspelt_format()) in ranges
    assert not any(text[s:e] == "Castellan" for s, e, _f in ranges)   # a speaker: glossary word

    editor = window.view.open_editor(row, 0)
    layout = editor.document().firstBlock().layout()
    qtbot.waitUntil(lambda: any(f.start == at for f in layout.formats()))
    underlined = [f for f in layout.formats()
                  if f.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline]
    assert [text[f.start:f.start + f.length] for f in underlined][:1] == ["Saltmarsh"]


def test_adding_a_word_to_the_glossary_removes_its_underline(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    row = row_containing(window, "Saltmarsh")
    window.view.open_editor(row, 0)
    names.spelling.spell_menu.add_to_glossary("Saltmarsh")
    assert names.show_glossary.glossary.entry_for("Saltmarsh") is not None
    assert not any(window.model.segment(row).text[s:e] == "Saltmarsh"
                   for s, e, _f in names.spelling.decorations(row, window.model.segment(row)))
    assert names.show_glossary.glossary.path.is_file()   # kept for the next episode of the show


def _whisper_episode(folder) -> str:
    """A small Whisper JSON with per-word probabilities, its audio next to it."""
    def words(start, items):
        out, t = [], start
        for word, p in items:
            out.append({"word": " " + word, "start": round(t, 2), "end": round(t + 0.4, 2), "probability": p})
            t += 0.5
        return out
    first = words(1.0, [("Quent", 0.95), ("mirrowed", 0.31), ("the", 0.99), ("harbour", 0.92), ("lamp.", 0.9)])
    second = words(20.0, [("Then", 0.97), ("Bexley", 0.42), ("came", 0.96), ("home.", 0.93)])
    segments = [{"id": i, "seek": 0, "start": w[0]["start"], "end": w[-1]["end"],
                 "text": "".join(x["word"] for x in w), "words": w} for i, w in enumerate((first, second))]
    data = {"text": "".join(s["text"] for s in segments), "segments": segments, "language": "en"}
    path = folder / "lamps.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    shutil.copy(SAMPLE_AUDIO, folder / "lamps.ogg")
    return str(path)


def test_next_low_confidence_word_walks_them_and_moves_playback(main_window, qtbot, tmp_path):
    window = main_window
    assert window.open_path(_whisper_episode(tmp_path))
    qtbot.waitUntil(lambda: window.playback.duration() > 0, timeout=5000)
    press(window, Qt.Key.Key_L, CTRL)
    editor = window.view.editor()
    assert editor is not None and (editor.row, editor.textCursor().selectedText()) == (0, "mirrowed")
    qtbot.waitUntil(lambda: abs(window.playback.position() - 1500) < 400, timeout=5000)
    press(window, Qt.Key.Key_L, CTRL)
    assert (window.view.editor().row, window.view.editor().textCursor().selectedText()) == (1, "Bexley")
    qtbot.waitUntil(lambda: abs(window.playback.position() - 20500) < 400, timeout=5000)
    press(window, Qt.Key.Key_L, CTRL)   # wraps round to the first again
    assert window.view.editor().textCursor().selectedText() == "mirrowed"


def test_low_confidence_shading_is_off_by_default_and_toggles(main_window, qtbot, tmp_path):
    window, names = main_window, main_window.names
    assert window.open_path(_whisper_episode(tmp_path))
    action = window.action_table["shade_low_confidence"]
    assert action.isCheckable() and not action.isChecked()
    segment = window.model.segment(0)
    assert not any(f is low_confidence_format() for _s, _e, f in names.spelling.decorations(0, segment))
    action.trigger()
    shaded = [segment.text[s:e] for s, e, f in names.spelling.decorations(0, segment) if f is low_confidence_format()]
    assert shaded == ["mirrowed"]
    editor = window.view.open_editor(0, 0)

    def shaded_in_editor() -> bool:
        formats = editor.document().firstBlock().layout().formats()
        return any(segment.text[f.start:f.start + f.length] == "mirrowed" and f.format.background().color().alpha()
                   for f in formats)

    # The editor's highlighter comes with the dictionary, loaded on a worker as the first editor opens.
    qtbot.waitUntil(shaded_in_editor, timeout=30_000)


def test_glossary_dialog_edits_feed_spelling_and_suggestions(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle().endswith(names.show_glossary.glossary.show)
    row = dialog.table.rowCount()
    dialog.add_row()
    dialog.table.item(row, 0).setText("Vardholm")
    dialog.table.item(row, 1).setText("Vard Home")
    dialog.accept()
    assert names.show_glossary.glossary.entry_for("Vardholm") is not None
    assert names.spelling.speller.is_known("Vardholm")
    wait_for_scan(qtbot, names)
    assert ("Vard Home", "Vardholm") in {(s.found, s.replacement) for s in names.show_glossary.suggestions.suggestions}


def test_right_click_offers_correct_everywhere_for_the_word(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    row = row_containing(window, "Rayes")
    text = window.model.segment(row).text
    editor = window.view.open_editor(row, 0)
    rect = editor.cursorRect(_cursor_at(editor, text.index("Rayes") + 2))
    menu = names.spelling.spell_menu.build_menu(rect.center())
    labels = [a.text() for a in menu.actions()]
    assert "Correct “Rayes” Everywhere…" in labels
    next(a for a in menu.actions() if a.text() == "Correct “Rayes” Everywhere…").trigger()
    assert names.correcting.dialog is not None and names.correcting.dialog.wrong_edit.text() == "Rayes"
    menu.deleteLater()


def _cursor_at(editor, position: int) -> QTextCursor:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return cursor


def test_escape_in_the_find_panel_closes_it_and_returns_to_the_text(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    press(window, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(lambda: names.find.panel.find_edit.hasFocus())
    qtbot.keyClick(names.find.panel.find_edit, Qt.Key.Key_Escape)
    assert not names.find.dock.isVisible()


def test_show_chosen_in_the_glossary_dialog_is_kept_for_the_episode(sample_window, qtbot):
    from editor.core.glossary import Glossary
    from editor.core.glossary_places import default_path, show_for_folder
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    folder_show = names.show_glossary.glossary.show
    assert folder_show == "sample"                       # by default: the transcript's folder
    Glossary([], show="Saltmarsh Radio").save(default_path("Saltmarsh Radio"))
    window.action_table["glossary"].trigger()
    dialog = names.show_glossary.dialog
    assert dialog.show_box.currentText() == "sample"
    assert {dialog.show_box.itemText(i) for i in range(dialog.show_box.count())} >= {"sample", "Saltmarsh Radio"}
    rows_before = dialog.table.rowCount()

    dialog.show_box.setCurrentText("Saltmarsh Radio")
    dialog.show_box.lineEdit().editingFinished.emit()
    assert dialog.table.rowCount() == 0 and dialog.windowTitle().endswith("Saltmarsh Radio")
    dialog.add_row()
    dialog.table.item(0, 0).setText("Vardholm")
    dialog.show_box.setCurrentText("sample")             # back and forth keeps the unsaved rows
    dialog.show_box.lineEdit().editingFinished.emit()
    assert dialog.table.rowCount() == rows_before
    dialog.show_box.setCurrentText("Saltmarsh Radio")
    dialog.show_box.lineEdit().editingFinished.emit()
    assert [e.correct for e in dialog.entries()] == ["Vardholm"]
    dialog.accept()

    glossary = names.show_glossary.glossary
    assert glossary.show == "Saltmarsh Radio" and glossary.entry_for("Vardholm") is not None
    assert names.show_glossary.glossary.entry_for("Tomas Reyes") is not None       # the episode's speakers join it
    assert names.spelling.speller.is_known("Vardholm")
    assert window.files.extra["show"] == "Saltmarsh Radio"           # saved with the project
    assert show_for_folder(Path(window.files.current_path).parent) == "Saltmarsh Radio"
    wait_for_scan(qtbot, names)                                      # suggestions from the new glossary
    assert ("Vard Home", "Vardholm") in {(s.found, s.replacement) for s in names.show_glossary.suggestions.suggestions}

    # Reopened (not a project: the folder's choice applies), the episode uses that show again.
    assert window.project.is_modified()       # the choice is unsaved work (kept in the project's extra)
    window.project.discard_changes()
    assert window.open_path(window.files.current_path)
    assert names.show_glossary.glossary.show == "Saltmarsh Radio"
    assert Glossary.for_show("Saltmarsh Radio").entry_for("Vardholm") is not None


def test_ignored_suggestions_stay_ignored_after_reopening(sample_window, qtbot):
    from editor.core.glossary import Glossary
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    panel = names.show_glossary.suggestions
    row = next(i for i, s in enumerate(panel.suggestions) if s.found == "Thomas Rayes")
    panel.list.setCurrentIndex(panel.items.index(row))
    assert panel.ignore_selected() == 1
    assert "Thomas Rayes" not in [s.found for s in panel.suggestions]

    assert window.open_path(window.files.current_path)
    wait_for_scan(qtbot, names)
    assert names.show_glossary.suggestions.suggestions                                   # others still offered
    assert "Thomas Rayes" not in [s.found for s in names.show_glossary.suggestions.suggestions]
    assert ("Thomas Rayes", "Tomas Reyes") in Glossary.load(names.show_glossary.glossary.path).ignored   # on disk


def test_a_project_opens_with_the_show_kept_in_it(main_window, tmp_path):
    from window_helpers import SAMPLE_TXT

    from editor.core import project
    from editor.formats import read_file
    path = tmp_path / "Some Folder" / "episode.tep.json"
    path.parent.mkdir()
    project.save(read_file(SAMPLE_TXT).transcript, path, extra={"show": "Saltmarsh Radio"})
    assert main_window.open_path(str(path))
    assert main_window.names.show_glossary.glossary.show == "Saltmarsh Radio"


def test_correct_everywhere_starts_from_a_copy_of_the_scans_index(sample_window, qtbot):
    window, names = sample_window, sample_window.names
    wait_for_scan(qtbot, names)
    kept = names.show_glossary._scan._kept.index
    dialog = names.correcting.correct_everywhere("Soulberg")
    wait_listed(qtbot, dialog)
    index = names.correcting._name_index
    assert index is not kept and names.correcting._indexed is window.model.transcript
    assert index.retokenised == 0                      # copied, not built: no turn was read
    assert [c.found for c in dialog.candidates] == ["Soulberg", "Sol Berg"]
    # Edits reach the copy alone; the scans' index follows at the next scan.
    row = row_containing(window, "Soulberg")
    at = window.model.segment(row).text.index("Soulberg")
    names.spans.apply([(row, at, at + len("Soulberg"), "Solberg")], "test")
    dialog.refresh()
    wait_listed(qtbot, dialog)
    assert index.retokenised == 1 and "Soulberg" not in [c.found for c in dialog.candidates]
    assert kept.positions("soulberg") != [] and index.positions("soulberg") == []


def test_opening_the_suggestions_panel_scans_at_once(sample_window, qtbot):
    names = sample_window.names
    assert names.is_scanning() and names.show_glossary.suggestions is None   # deferred after open: no panel yet
    sample_window.action_table["show_suggestions"].setChecked(True)
    assert names.show_glossary.suggestions.is_scanning()                                  # started now, not later
    wait_for_scan(qtbot, names, at_once=False)
    assert names.show_glossary.suggestions.suggestions and panel_dock(sample_window, SUGGESTIONS).isVisible()


def test_an_empty_glossary_is_not_scanned(main_window, tmp_path, qtbot):
    names = main_window.names
    path = tmp_path / "plain-show" / "episode.srt"
    path.parent.mkdir()
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nSpeaker 1: Gravel roads wander north.\n\n"
                    "2\n00:00:04,000 --> 00:00:06,000\nSpeaker 2: Lanterns hum near the pier.\n",
                    encoding="utf-8")
    assert main_window.open_path(str(path))
    assert not names.show_glossary.glossary.entries          # generic speakers are not names
    names.scan_now()
    assert names.show_glossary.suggestions is None            # nothing to scan: no panel made for it
    main_window.action_table["show_suggestions"].setChecked(True)
    assert not names.show_glossary.suggestions.is_scanning()
    assert "No glossary names" in names.show_glossary.suggestions.status.text()
    qtbot.waitUntil(lambda: names.spelling.speller is not None, timeout=10000)   # spelling still loads


def test_correct_everywhere_before_any_scan_makes_its_index_on_its_search_thread(sample_window, qtbot):
    names = sample_window.names
    dialog = names.correcting.correct_everywhere("Soulberg")
    assert names.correcting._name_index is None          # nothing to borrow yet: the search makes one
    wait_listed(qtbot, dialog)
    assert [c.found for c in dialog.candidates] == ["Soulberg", "Sol Berg"]
    made = names.correcting._name_index
    assert made is not None                              # kept for the next dialog
    dialog.close()
    again = names.correcting.correct_everywhere("Sol Berg")
    assert names.correcting._name_index is made
    wait_listed(qtbot, again)
    assert made.retokenised == 0 and {c.found for c in again.candidates} >= {"Sol Berg"}
    again.close()


def test_the_suggestions_panel_is_made_when_first_shown_not_when_read(sample_window, qtbot):
    from editor.ui.names.glossary_suggestions import SuggestionsPanel
    glossary = sample_window.names.show_glossary
    assert glossary.suggestions is None and panel_dock(sample_window, SUGGESTIONS) is None
    assert sample_window.findChildren(SuggestionsPanel) == []          # reading made nothing
    sample_window.action_table["show_suggestions"].setChecked(True)
    assert glossary.suggestions is not None and panel_dock(sample_window, SUGGESTIONS).isVisible()
    assert sample_window.findChildren(SuggestionsPanel) == [glossary.suggestions]


def _open_a_show_whose_glossary_name_is_not_said(main_window, tmp_path):
    """A one-cue episode of its own show whose glossary holds a name it never says; the glossary
    controller's messages from the opening on."""
    names = main_window.names
    path = tmp_path / "plain-show" / "episode.srt"
    path.parent.mkdir()
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nSpeaker 1: Gravel roads wander north.\n", encoding="utf-8")
    messages: list[str] = []
    names.show_glossary.message.connect(messages.append)
    assert main_window.open_path(str(path))
    names.show_glossary.glossary.add("Vardholm")
    return names, messages


def test_a_scan_that_finds_nothing_makes_no_panel(main_window, tmp_path, qtbot):
    names, messages = _open_a_show_whose_glossary_name_is_not_said(main_window, tmp_path)
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning(), timeout=10_000)
    assert names.show_glossary.suggestions is None
    assert messages[-1].startswith("0 suggestions from 1 glossary entry")


def test_the_panel_opened_after_a_scan_that_found_nothing_says_what_it_found(main_window, tmp_path, qtbot):
    names, _ = _open_a_show_whose_glossary_name_is_not_said(main_window, tmp_path)
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning(), timeout=10_000)
    main_window.action_table["show_suggestions"].setChecked(True)
    assert names.show_glossary.suggestions.status.text().startswith("0 suggestions from 1 glossary entry")


def test_a_scan_that_raises_ends_with_an_error_said_and_a_rescan_works(main_window, tmp_path, qtbot, monkeypatch):
    import editor.ui.names.glossary_scan as glossary_scan
    names, messages = _open_a_show_whose_glossary_name_is_not_said(main_window, tmp_path)

    def broken_scan(*args, **kwargs):
        raise ValueError("the index is broken")

    real_scan = glossary_scan.scan
    monkeypatch.setattr(glossary_scan, "scan", broken_scan)
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning(), timeout=10_000)
    assert "stopped on an error (ValueError: the index is broken)" in messages[-1]

    main_window.action_table["show_suggestions"].setChecked(True)
    panel = names.show_glossary.suggestions
    assert "stopped on an error" in panel.status.text()

    monkeypatch.setattr(glossary_scan, "scan", real_scan)
    panel.rescan_button.click()
    qtbot.waitUntil(lambda: not names.is_scanning(), timeout=10_000)
    assert panel.status.text().startswith("0 suggestions from 1 glossary entry")


# Two turns of an invented podcast page: words with an apostrophe and a hyphenated name.
APOSTROPHE_PAGE = ("Ferry Tales #7\n\nSpeaker 0 00:00:02 I'm Oriel Banfield-Quay and this is Ferry Tales. "
                   "Speaker 1 00:00:09 Thanks Oriel. Tomasz's boat leaves at nine.\n")


@pytest.mark.parametrize(("needle", "offset", "word"), [
    ("I'm", 1, "I'm"),                       # on the apostrophe
    ("Tomasz's", 7, "Tomasz's"),             # on the possessive "s"
    ("Banfield-Quay", 10, "Banfield-Quay"),  # on the second half of a hyphenated name
])
def test_right_click_offers_the_whole_word_around_an_apostrophe_or_hyphen(main_window, qtbot, tmp_path,
                                                                          needle, offset, word):
    """Qt's word selection stops at an apostrophe or hyphen: right-clicking "I'm" offered to correct
    “'” everywhere, and the "s" of a possessive offered “s”."""
    path = tmp_path / "ferry-tales-7.txt"
    path.write_text(APOSTROPHE_PAGE, encoding="utf-8")
    assert main_window.open_path(str(path))
    names = main_window.names
    wait_for_scan(qtbot, names)
    qtbot.waitUntil(lambda: names.spelling.speller is not None, timeout=10_000)
    row = row_containing(main_window, needle)
    text = main_window.model.segment(row).text
    editor = main_window.view.open_editor(row, 0)
    qtbot.waitUntil(lambda: names.spelling.spell_menu is not None)
    at = text.index(needle) + offset
    rect = editor.cursorRect(_cursor_at(editor, at))
    menu = names.spelling.spell_menu.build_menu(rect.center() + QPoint(2, 0))
    labels = [a.text() for a in menu.actions() if "Everywhere" in a.text()]
    assert labels == [f"Correct “{word}” Everywhere…"]
    menu.deleteLater()
    editor.setTextCursor(_cursor_at(editor, at))
    assert names.correcting.phrase_at_caret() == word


def _generic_speakers_episode(tmp_path: Path) -> Path:
    path = tmp_path / "harbour-show" / "episode.srt"
    path.parent.mkdir()
    path.write_text("1\n00:00:01,000 --> 00:00:03,000\nSpeaker 1: Welcome back, I am Ingrid Soulberg.\n\n"
                    "2\n00:00:04,000 --> 00:00:06,000\nSpeaker 2: Lanterns hum near the pier.\n",
                    encoding="utf-8")
    return path


def test_a_speaker_renamed_to_a_real_name_joins_the_glossary_and_is_looked_for(main_window, tmp_path, qtbot):
    # Recognizers label speakers "Speaker 1": the producer gives them their names in the window, and
    # the name misheard in the text is then suggested as it would be for a transcript opened with it.
    names = main_window.names
    assert main_window.open_path(str(_generic_speakers_episode(tmp_path)))
    assert not names.show_glossary.glossary.entries
    transcript = main_window.model.transcript
    first = transcript.segments[0].speaker_id
    assert main_window.edits.rename_speaker(first, "Ingrid Solberg")

    glossary = names.show_glossary.glossary
    assert glossary.entry_for("Ingrid Solberg") is not None
    assert names.spelling.speller is None or names.spelling.speller.is_known("Solberg")
    wait_for_scan(qtbot, names)
    found = {(s.found, s.replacement) for s in names.show_glossary.suggestions.suggestions}
    assert ("Ingrid Soulberg", "Ingrid Solberg") in found


def test_a_speaker_name_mistyped_and_renamed_again_leaves_no_wrong_name_behind(main_window, tmp_path):
    names = main_window.names
    assert main_window.open_path(str(_generic_speakers_episode(tmp_path)))
    first = main_window.model.transcript.segments[0].speaker_id
    assert main_window.edits.rename_speaker(first, "Ingrid Solbreg")
    assert main_window.edits.rename_speaker(first, "Ingrid Solberg")
    glossary = names.show_glossary.glossary
    assert glossary.entry_for("Ingrid Solberg") is not None and glossary.entry_for("Ingrid Solbreg") is None
    main_window.undo_stack.undo()                      # back to the typo: it is the speaker's name again
    assert glossary.entry_for("Ingrid Solbreg") is not None
