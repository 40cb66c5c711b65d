"""Ignore on a suspect in the window: one undo step (Undo brings the suspect back, Redo hides it
again), kept when the audio doubts the same words again at the same place (after typing elsewhere
in the turn moved them, after the project is saved and opened again, after a crash and Restore),
dropped when the producer edits those words; the Suspects panel lists the ignored passages on
demand and takes one back.

The window plays through the fake player (no playback is tested here) and is given what a pass
over the turns hears (:meth:`SuspectStore.put`, as the runner's results are put): the audio itself
is judged in test_hearing_window.py, with real PocketSphinx.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from restore_helpers import button, kill, prompt, prompt_answered, type_into  # noqa: E402

from editor.hearing.suspects import Suspect  # noqa: E402

ROW = 1     # "we hauled the nets before the rain started falling"


def _heard(window, words: str, row: int = ROW, doubt: float = 0.8) -> Suspect:
    """What a check of turn *row* as it reads now finds: a suspect over *words*."""
    segment = window.model.segment(row)
    start = segment.text.index(words)
    suspect = Suspect(row, segment.id, start, start + len(words), words, segment.words[0].start_ms,
                      segment.words[-1].end_ms, doubt, ["audio"])
    window.hearing.store.put(segment.id, segment.text, [suspect], row=row)
    window.view.update_row(row)
    return suspect


def _listed(window) -> list[str]:
    panel = window.hearing.panel
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def _shown(window, row: int = ROW) -> list[str]:
    """The suspect passages of turn *row* as the text shows them (underline and margin marker)."""
    segment = window.model.segment(row)
    underlined = [segment.text[a:b] for a, b, _ in window.hearing._decorate(row, segment)]
    assert (window.hearing._marker(row, segment) == "?") == bool(underlined)
    return underlined


def _choose(window, qtbot, text: str) -> None:
    panel = window.hearing.panel
    at = next(i for i in range(panel.list.count()) if text in panel.list.item(i).text())
    panel.list.setCurrentRow(at)
    qtbot.waitUntil(lambda: panel.ignore.isEnabled())


def _panel_shows(window, qtbot, count: int) -> None:
    qtbot.waitUntil(lambda: window.hearing.panel.list.count() == count, timeout=5000)


def test_ignore_is_an_undo_step_and_outlives_a_check_after_typing_elsewhere_in_the_turn(timed_window, qtbot):
    window = timed_window
    hearing = window.hearing
    _heard(window, "the nets")
    window.action_table["suspects_panel"].trigger()
    _panel_shows(window, qtbot, 1)
    assert _shown(window) == ["the nets"]
    _choose(window, qtbot, "the nets")
    assert hearing.panel.ignore.text() == "Ign&ore"
    hearing.panel.ignore.click()
    assert _shown(window) == [] and hearing.panel.list.count() == 0
    stack = window.edits.stack
    assert stack.text(stack.index() - 1) == "Ignore “the nets”" and window.isWindowModified()

    window.edits.undo()           # the suspect comes back...
    assert _shown(window) == ["the nets"]
    _panel_shows(window, qtbot, 1)
    window.edits.redo()           # ...and goes again
    assert _shown(window) == []
    _panel_shows(window, qtbot, 0)

    # Typing before the passage moves it; the re-check that follows doubts the same words again.
    type_into(window, ROW, "Well, ")
    assert window.model.segment(ROW).text.startswith("Well, we hauled the nets")
    _heard(window, "the nets")
    assert _shown(window) == []
    # A doubt elsewhere in the turn still shows.
    _heard(window, "rain")
    assert _shown(window) == ["rain"]


def test_editing_the_ignored_words_gives_the_audio_its_say_again(timed_window, qtbot):
    window = timed_window
    _heard(window, "the nets")
    assert window.hearing.ignore_suspect(ROW, 0, len(window.model.segment(ROW).text))
    text = window.model.segment(ROW).text
    window.model.set_text(ROW, text.replace("the nets", "the net"))
    assert window.model.segment(ROW).ignored == ()
    _heard(window, "the net")
    assert _shown(window) == ["the net"]


def test_show_ignored_lists_them_and_stop_ignoring_takes_one_back_as_an_undo_step(timed_window, qtbot):
    window = timed_window
    hearing = window.hearing
    panel = hearing.panel
    _heard(window, "quiet", row=2, doubt=0.6)
    _heard(window, "the nets", doubt=0.9)
    window.action_table["suspects_panel"].trigger()
    _panel_shows(window, qtbot, 2)
    _choose(window, qtbot, "the nets")
    panel.ignore.click()
    _panel_shows(window, qtbot, 1)
    assert not panel.show_ignored.isChecked()
    panel.show_ignored.setChecked(True)
    _panel_shows(window, qtbot, 2)
    item = panel.list.item(1)
    assert "“the nets”  ignored" in item.text() and "the audio doubts it (90 %: sounds different)" in item.text()
    assert item.foreground().color() != panel.list.item(0).foreground().color()     # greyed, and said so
    assert "ignored" in panel.summary.text()
    _choose(window, qtbot, "“the nets”  ignored")
    assert panel.ignore.text() == "Stop Ign&oring"
    panel.ignore.click()
    assert _shown(window) == ["the nets"]
    _panel_shows(window, qtbot, 2)
    assert not any("ignored" in text for text in _listed(window))
    stack = window.edits.stack
    assert stack.text(stack.index() - 1) == "Stop Ignoring “the nets”"
    window.edits.undo()
    assert _shown(window) == []
    qtbot.waitUntil(lambda: any("“the nets”  ignored" in text for text in _listed(window)), timeout=5000)
    # Double-clicking (activating) an ignored one goes to its passage, as a suspect's does.
    at = next(i for i, text in enumerate(_listed(window)) if "ignored" in text)
    panel.list.itemActivated.emit(panel.list.item(at))
    assert window.model.current_row == ROW
    panel.show_ignored.setChecked(False)
    _panel_shows(window, qtbot, 1)


def test_the_project_keeps_what_was_ignored(windows, tmp_path, qtbot, own_data_dir):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    _heard(first, "the nets")
    assert first.hearing.ignore_suspect(ROW, *_span(first, "the nets"))
    assert first.project.save()
    first.close()

    second = windows()
    assert second.open_path(str(path))
    assert [p.words for p in second.model.segment(ROW).ignored] == ["the nets"]
    _heard(second, "the nets")           # the pass after opening doubts the same words again
    assert _shown(second) == []
    assert second.hearing.store.all(second.model.transcript.segments) == []


@pytest.mark.usefixtures("own_data_dir")
def test_an_ignore_comes_back_after_a_crash_and_restore(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    _heard(first, "the nets")
    assert first.hearing.ignore_suspect(ROW, *_span(first, "the nets"))
    kill(first)

    second = windows()
    assert second.open_path(str(path))
    button(prompt(second, qtbot), "Restore").click()
    prompt_answered(second, qtbot)
    assert [p.words for p in second.model.segment(ROW).ignored] == ["the nets"]
    _heard(second, "the nets")
    assert _shown(second) == []
    second.edits.undo()                  # restored as a step of its own
    assert second.model.segment(ROW).ignored == ()
    assert _shown(second) == ["the nets"]


def _span(window, words: str) -> tuple[int, int]:
    start = window.model.segment(ROW).text.index(words)
    return start, start + len(words)


def test_the_panels_ignore_button_waits_for_a_choice(timed_window, qtbot):
    window = timed_window
    _heard(window, "the nets")
    window.action_table["suspects_panel"].trigger()
    _panel_shows(window, qtbot, 1)
    panel = window.hearing.panel
    panel.list.setCurrentRow(-1)
    assert not panel.ignore.isEnabled()
    panel.list.setCurrentRow(0)
    assert panel.list.item(0).isSelected() and panel.ignore.isEnabled()
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole) == (ROW, *_span(window, "the nets"))


def test_ignore_in_the_panel_chooses_the_next_passage_so_the_keys_go_on(timed_window, qtbot):
    window = timed_window
    panel = window.hearing.panel
    _heard(window, "the nets", doubt=0.9)
    _heard(window, "quiet", row=2, doubt=0.7)
    _heard(window, "foghorn", row=3, doubt=0.6)
    window.action_table["suspects_panel"].trigger()
    _panel_shows(window, qtbot, 3)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    _choose(window, qtbot, "the nets")
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)   # Ignore's Alt+O
    _panel_shows(window, qtbot, 2)
    # The passage listed after the one ignored is chosen, and Alt+O is ready for it.
    assert "“quiet”" in panel.list.currentItem().text() and panel.list.currentItem().isSelected()
    assert panel.ignore.isEnabled()
    qtbot.waitUntil(panel.list.hasFocus, timeout=5000)
    qtbot.keyClick(panel.list, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    _panel_shows(window, qtbot, 1)
    assert "“foghorn”" in panel.list.currentItem().text() and panel.list.currentItem().isSelected()
    # The last one ignored leaves nothing to choose.
    panel.ignore.click()
    _panel_shows(window, qtbot, 0)
    assert not panel.ignore.isEnabled()


def test_view_suspects_chooses_the_first_passage_and_keeps_a_choice_made(timed_window, qtbot):
    from PySide6.QtTest import QTest

    window = timed_window
    panel = window.hearing.panel
    _heard(window, "quiet", row=2, doubt=0.6)
    _heard(window, "the nets", doubt=0.9)
    window.action_table["suspects_panel"].trigger()
    _panel_shows(window, qtbot, 2)
    # The item drawn as current is the one chosen: its buttons act on it, and nothing plays.
    assert panel.list.currentRow() == 0 and panel.list.item(0).isSelected()
    assert "“the nets”" in panel.list.item(0).text() and panel.ignore.isEnabled()
    assert not window.playback.is_playing()
    qtbot.waitUntil(panel.list.hasFocus, timeout=5000)
    QTest.keyClick(panel.list, Qt.Key.Key_Down)       # the keys move on from it
    assert panel.list.currentRow() == 1 and panel.list.item(1).isSelected()
    # Shown again, the producer's choice stays.
    window.hearing.dock.hide()
    window.action_table["suspects_panel"].trigger()
    assert panel.list.currentRow() == 1 and panel.list.item(1).isSelected() and not panel.list.item(0).isSelected()
    panel.ignore.click()
    assert _shown(window, 2) == [] and _shown(window) == ["the nets"]
