"""Suspect passages in the real window: after the real aligner gives word times, every turn is
checked against the audio in the background (real PocketSphinx on espeak-ng speech), suspects
are underlined with a margin marker and listed by doubt, Next Suspect walks to one and plays
it, and editing or approving a turn clears its suspects."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from heard_episode import share_cache, spoken_once
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from window_helpers import press

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

from editor.core.transcript import ReviewStatus  # noqa: E402

LINES = [("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
CLEAN = ["It rained all afternoon so the market closed early."]
# A hang guard: a pass over these few turns takes seconds, but the first test of an episode aligns it
# too, and both run in niced processes that wait for the CPU on a loaded machine (seen: over 90 s).
PASS_TIMEOUT_MS = 180_000


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def heard_episode(tmp_path_factory):
    """The episode of LINES and CLEAN, spoken and aligned once for the module's windows (each still
    checks every turn against the audio itself)."""
    return spoken_once(tmp_path_factory, LINES, CLEAN)


@pytest.fixture(scope="module")
def longer_episode(tmp_path_factory):
    """LINES with more clean turns, for a pass long enough to act on while it runs; spoken and aligned
    once for the module's windows, as :func:`heard_episode`."""
    return spoken_once(tmp_path_factory, LINES, CLEAN * 5)


@pytest.fixture
def heard_window(main_window, qtbot, heard_episode, monkeypatch):
    srt, wav, cache = heard_episode
    share_cache(monkeypatch, cache)
    messages = []
    main_window.hearing.message.connect(messages.append)
    assert main_window.open_path(str(srt), str(wav))
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages), timeout=PASS_TIMEOUT_MS)
    main_window.heard_messages = messages
    return main_window


def test_suspects_are_shown_listed_and_walked_and_playing_rechecks_no_turn(heard_window, qtbot):
    window = heard_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    # Playback moving from turn to turn (the current turn set, as the clock does) checks nothing again.
    for row in (1, 0, 1):
        window.model.set_current(row)
    assert not hearing._recheck.isActive() and not hearing.runner.is_running()
    found = hearing.store.all(segments)
    # The wrong word, and maybe the word after it that the misfit pushed off its sound too.
    assert [(row, s.text.split()[0]) for row, s in found] == [(0, "BSA")]
    suspect = found[0][1]
    assert not hearing.progress.isVisible()
    # Shown without relying on colour: a dotted underline and a "?" in the margin.
    ranges = hearing._decorate(0, segments[0])
    assert [(a, b) for a, b, _ in ranges] == [(segments[0].text.index("BSA"), suspect.char_end)]
    assert ranges[0][2].underlineStyle().name == "DotLine"
    assert hearing._marker(0, segments[0]) == "?" and hearing._marker(1, segments[1]) is None
    window.action_table["suspects_panel"].trigger()
    assert hearing.panel.list.count() == 1 and "BSA" in hearing.panel.list.item(0).text()
    # Shown, the list has its first passage chosen (not played); the walk chooses from the current turn.
    assert hearing.panel.list.selectedItems() == [hearing.panel.list.item(0)] and not window.playback.is_playing()
    window.model.set_current(1)
    window.action_table["next_suspect"].trigger()
    assert window.model.current_row == 0
    assert hearing.panel.list.currentRow() == 0      # the list shows where the walk is
    assert hearing.panel.list.item(0).isSelected()
    assert window.playback.is_playing()
    assert abs(window.playback.position() - (found[0][1].start_ms - 400)) < 300
    window.review.approve(0)
    assert segments[0].status is ReviewStatus.APPROVED
    qtbot.waitUntil(lambda: hearing.panel.list.count() == 0, timeout=10_000)
    assert hearing._marker(0, segments[0]) is None


def test_an_edit_clears_the_turns_suspects_and_the_audio_vouches_for_the_fix_and_other_turns_quietly(
        heard_window, qtbot):
    """The fix of the suspect's turn is re-checked, its suspect cleared and the producer told the audio
    takes it. Only an edit that took suspects away is reported on: a turn the audio had no doubt
    about (the other one) is checked again (a new doubt shows in the text) without a word in the
    status bar."""
    window = heard_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    rechecked, shown = [], []
    hearing.runner.heard.connect(rechecked.append)
    hearing.runner.progressed.connect(lambda *_: shown.append(hearing.progress.isVisible()))
    said = len(window.heard_messages)
    window.model.set_text(0, segments[0].text.replace("BSA", "EPA"))
    assert hearing.store.all(segments) == [] and hearing._marker(0, segments[0]) is None
    qtbot.waitUntil(lambda: any(h.index == 0 for h in rechecked), timeout=60_000)
    (heard,) = [h for h in rechecked if h.index == 0]
    assert heard.text == segments[0].text and "EPA" in heard.text
    assert heard.aligned and heard.suspects == []     # the audio says the fix is right
    assert hearing.store.checked[segments[0].id] == segments[0].text
    qtbot.waitUntil(lambda: not hearing.runner.is_running(), timeout=10_000)
    # A re-check is no pass to follow: no progress bar. The edit here is no typed correction (the
    # producer applied a suggestion, or Correct Everywhere did), so no check of its own says
    # whether the audio takes it: the re-check that cleared the turn says it, as a typed one's would.
    assert shown and not any(shown)
    assert window.heard_messages[said:] == ["The audio says this is right: the edited turn at 00:00 fits it"]

    said = len(window.heard_messages)
    window.model.set_text(1, segments[1].text.replace("early.", "early!"))
    qtbot.waitUntil(lambda: any(h.index == 1 for h in rechecked), timeout=60_000)
    qtbot.waitUntil(lambda: not hearing.runner.is_running(), timeout=10_000)
    assert len(window.heard_messages) == said


def test_an_edit_that_leaves_the_passage_doubted_says_so(heard_window, qtbot):
    """An edit beside the suspect passage takes its suspect away until the re-check, which finds it
    again: the producer is told the audio still doubts it rather than left to think it is fixed."""
    window = heard_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    said = len(window.heard_messages)
    window.model.set_text(0, segments[0].text.replace("office.", "office!"))
    assert hearing.store.all(segments) == []
    qtbot.waitUntil(lambda: len(window.heard_messages) > said, timeout=60_000)
    # The wrong word, and maybe the word after it that the misfit pushed off its sound too.
    (message,) = window.heard_messages[said:]
    assert message.startswith("The audio still doubts “BSA") and message.endswith(
        "” in the edited turn at 00:00 (Next Suspect goes there)")
    assert [s.text.split()[0] for _, s in hearing.store.all(segments)] == ["BSA"]


def test_by_keyboard_a_walk_opens_the_suspects_turn_with_the_passage_selected(heard_window, qtbot):
    """View ▸ Suspects gives the list the keyboard: Enter plays the passage chosen and opens its turn,
    the keyboard staying in the list. Walking from a turn being edited takes the caret to the passage
    walked to (selected), so the fix typed next lands there, never in the turn left."""
    window = heard_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    ((row, suspect),) = hearing.store.all(segments)
    passage = segments[row].text[suspect.char_start:suspect.char_end]
    other = 1 - row

    press(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = hearing.panel
    qtbot.waitUntil(panel.list.hasFocus)
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.playback.is_playing() and window.view.editor().row == row
    assert window.view.editor().textCursor().selectedText() == passage
    assert panel.list.hasFocus()

    window.playback.pause()
    editor = window.view.open_editor(other, 3)
    qtbot.waitUntil(editor.hasFocus)
    press(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    editor = window.view.editor()
    assert editor is not None and editor.isVisible() and editor.row == row
    assert editor.textCursor().selectedText() == passage
    assert window.view.current_turn() == row and window.playback.is_playing()
    qtbot.keyClicks(QApplication.focusWidget(), "EPA")
    window.view.close_editor()
    assert segments[row].text.startswith("She spent ten years at the EPA")
    assert segments[other].text == CLEAN[0]


def test_a_walk_selects_the_passage_without_the_sentences_full_stop(main_window, qtbot, tmp_path):
    """A passage found by the audio is made of whole tokens, "BSA." with its full stop: the suspect
    and the walk hold the words only, so the fix typed over them keeps the sentence's punctuation."""
    episode = hearing_material.episode([("acronym", "Before she ran for office she worked at the {BSA.|EPA.}")], CLEAN)
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(tmp_path / "episode.srt", episode.transcript)
    messages = []
    main_window.hearing.message.connect(messages.append)
    assert main_window.open_path(str(srt), str(wav))
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages), timeout=PASS_TIMEOUT_MS)
    segments = main_window.model.transcript.segments
    ((row, suspect),) = main_window.hearing.store.all(segments)
    assert suspect.text == "BSA" and segments[row].text[suspect.char_start:suspect.char_end] == "BSA"
    main_window.action_table["next_suspect"].trigger()
    editor = main_window.view.editor()
    assert editor.textCursor().selectedText() == "BSA"
    qtbot.keyClicks(editor, "EPA")
    main_window.view.close_editor()
    assert segments[row].text.endswith("worked at the EPA.")


def test_ignore_in_the_menu_takes_the_suspect_away_at_once_and_for_good(heard_window, qtbot):
    """Ignore on a suspect word (right-click) says the passage is right: underline, margin marker,
    list entry and walk go at once. It is an edit of its own (Undo brings the suspect back, Redo
    takes it away again), and the passage stays ignored when the audio doubts it again after an
    edit elsewhere in the turn, and after that edit is undone."""
    window = heard_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    text = segments[0].text
    window.action_table["suspects_panel"].trigger()
    assert hearing.panel.list.count() == 1
    spelling = window.names.spelling
    spelling.ensure_speller()
    editor = window.view.open_editor(0, 0)
    qtbot.waitUntil(lambda: spelling.spell_menu is not None and spelling.spell_menu.editor is editor, timeout=10_000)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(text.index("BSA") + 1)
    menu = spelling.spell_menu.build_menu(editor.cursorRect(cursor).center())
    steps = window.edits.stack.count()
    next(a for a in menu.actions() if a.text() == "Ignore “BSA”").trigger()
    menu.deleteLater()
    assert hearing.store.all(segments) == []
    assert hearing._decorate(0, segments[0]) == [] and hearing._marker(0, segments[0]) is None
    assert hearing.panel.list.count() == 0
    answers = []
    hearing.answer.connect(answers.append)
    window.action_table["next_suspect"].trigger()
    assert answers == ["No suspect passages"]
    assert window.edits.stack.count() == steps + 1
    assert window.edits.stack.text(steps).startswith("Ignore “BSA")
    window.edits.undo()
    assert [s.text.split()[0] for _, s in hearing.store.all(segments)] == ["BSA"]
    assert hearing._marker(0, segments[0]) == "?"
    window.edits.redo()
    assert hearing.store.all(segments) == [] and hearing._marker(0, segments[0]) is None

    rechecked = []
    hearing.runner.heard.connect(rechecked.append)
    editor = window.view.open_editor(0, len(text) - 1)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "!")
    window.view.close_editor()
    assert segments[0].text == text[:-1] + "!"
    qtbot.waitUntil(lambda: any(h.index == 0 and h.text == segments[0].text for h in rechecked), timeout=60_000)
    heard = next(h for h in rechecked if h.index == 0 and h.text == segments[0].text)
    assert any("BSA" in s.text for s in heard.suspects)      # the audio doubts it again...
    assert hearing.store.all(segments) == [] and hearing._marker(0, segments[0]) is None   # ...it stays ignored
    window.edits.undo()
    assert segments[0].text == text
    assert hearing.store.all(segments) == [] and hearing._marker(0, segments[0]) is None


def test_a_glossary_name_heard_in_a_suspect_is_offered_and_applied_as_one_undo_step(heard_window, qtbot, tmp_path):
    window = heard_window
    hearing = window.hearing
    glossary = window.names.show_glossary.glossary
    glossary.add("EPA")
    messages = window.heard_messages
    before = len(messages)
    window.action_table["find_suspects"].trigger()
    qtbot.waitUntil(lambda: len(messages) > before and messages[-1].startswith("Audio checked"),
                    timeout=PASS_TIMEOUT_MS)
    window.action_table["suspects_panel"].trigger()
    panel = hearing.panel
    assert panel.list.count() == 1 and "→ EPA" in panel.list.item(0).text()
    window.action_table["next_suspect"].trigger()    # walking to it chooses it in the list
    assert panel.list.currentRow() == 0 and panel.apply.isEnabled()
    panel.apply.click()
    text = window.model.transcript.segments[0].text
    assert "the EPA before" in text and "BSA" not in text
    assert panel.list.count() == 0 or hearing.store.all(window.model.transcript.segments) == []
    window.undo_stack.undo()
    assert "the BSA before" in window.model.transcript.segments[0].text


@pytest.mark.slow
def test_a_turn_edited_while_the_pass_runs_is_checked_as_it_reads_now(main_window, qtbot, longer_episode,
                                                                        monkeypatch):
    """Its result, heard from the text the pass started with, is dropped and the turn is heard again
    (never checked before, so no re-check of an edited turn would pick it up otherwise); the pass's
    summary is said all the same, with the turn still to be checked."""
    srt, wav, cache = longer_episode
    share_cache(monkeypatch, cache)
    hearing = main_window.hearing
    edited = []

    def edit_a_turn_not_heard_yet(heard) -> None:
        # As the pass's first result comes in: every other turn's is still to come (or waits in the queue).
        hearing.runner.heard.disconnect(edit_a_turn_not_heard_yet)
        segments = main_window.model.transcript.segments
        row = len(segments) - 1 if heard.index != len(segments) - 1 else len(segments) - 2
        main_window.model.set_text(row, segments[row].text.replace("market", "shop"))
        edited.append(segments[row])

    hearing.runner.heard.connect(edit_a_turn_not_heard_yet)
    messages = []
    hearing.message.connect(messages.append)
    assert main_window.open_path(str(srt), str(wav))
    qtbot.waitUntil(lambda: bool(edited), timeout=PASS_TIMEOUT_MS)
    (turn,) = edited
    assert "shop" in turn.text
    qtbot.waitUntil(lambda: hearing.store.checked.get(turn.id) == turn.text, timeout=PASS_TIMEOUT_MS)
    (summary,) = [m for m in messages if m.startswith("Audio checked")]
    assert summary.endswith(" (1 edited turn is being checked again)")


def test_audio_found_too_short_while_the_pass_runs_stops_it(main_window, qtbot, longer_episode, monkeypatch):
    """The audio warning says the audio checks do not run against audio the transcript runs past (the
    decoded length of a truncated file is known only once its working copy is written, after a pass
    may have started): a pass under way stops, as an alignment does."""
    srt, wav, cache = longer_episode
    share_cache(monkeypatch, cache)
    hearing = main_window.hearing
    doubted = []

    def doubt_the_audio(_heard) -> None:
        # As the pass's first result comes in, the window finds the audio shorter than the transcript.
        hearing.runner.heard.disconnect(doubt_the_audio)
        main_window.audio_check.audio_doubted.emit()
        doubted.append(True)

    hearing.runner.heard.connect(doubt_the_audio)
    messages = []
    hearing.message.connect(messages.append)
    assert main_window.open_path(str(srt), str(wav))
    qtbot.waitUntil(lambda: bool(doubted), timeout=PASS_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not hearing.runner.is_running(), timeout=30_000)
    assert not [m for m in messages if m.startswith("Audio checked")]
    assert len(hearing.store.checked) < len(main_window.model.transcript.segments)
    segments = main_window.model.transcript.segments
    row = next(row for row, segment in enumerate(segments) if segment.id in hearing.store.checked)
    main_window.model.set_text(row, segments[row].text + " Really.")
    assert not hearing._recheck.isActive() and not hearing.runner.is_running()   # nor an edited turn
