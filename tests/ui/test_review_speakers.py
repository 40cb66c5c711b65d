"""The Speakers dialog: counts, first words, ▶, rename keeping the selection, merge, reassign; Correct Everywhere ▶."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from review_helpers import close_review_window, open_review_window
from window_helpers import last_opened

from editor.ui.document.speaker_dialog import SpeakersDialog


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path, audio=True)    # a stub beside it, played by the fake
    qtbot.waitUntil(window.playback.has_media)
    yield window
    close_review_window(window)


def _dialog(window, qtbot):
    window.action_table["speakers"].trigger()
    dialog = last_opened(window, SpeakersDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _rows(dialog):
    table = dialog.table
    return [(table.topLevelItem(i).text(0), table.topLevelItem(i).text(1), table.topLevelItem(i).text(3))
            for i in range(table.topLevelItemCount())]


def test_speakers_show_turn_counts_and_first_words_and_play(window, qtbot):
    dialog = _dialog(window, qtbot)
    assert _rows(dialog) == [
        ("Ana Ruiz", "4", "Good morning and welcome to the harbour show."),
        ("Tom Okafor", "3", "Thanks for having me, it is good to …"),
        ("SPEAKER_02", "1", "I have a question from the audience about …"),
    ]
    play = dialog.table.itemWidget(dialog.table.topLevelItem(1), 2)
    assert isinstance(play, QToolButton) and play.text() == "▶"
    play.click()
    player = window.fake_players[-1]
    assert player.plays and player.plays[-1] == 6000          # Tom's first turn, heard
    assert window.playback.is_playing()


def test_rename_keeps_the_selection_and_undoes_in_one_step(window, qtbot):
    dialog = _dialog(window, qtbot)
    _click_speaker(dialog, window, "spk3")
    dialog.table.topLevelItem(2).setText(0, "Mara Lind")      # as if edited in place
    assert window.model.transcript.speaker_name("spk3") == "Mara Lind"
    assert dialog.selected_speaker() == "spk3"
    window.edits.undo()
    assert window.model.transcript.speaker_name("spk3") == "SPEAKER_02"
    assert _rows(dialog)[2][0] == "SPEAKER_02" and dialog.selected_speaker() == "spk3"


def test_merge_two_speakers_into_one(window, qtbot):
    dialog = _dialog(window, qtbot)
    _click_speaker(dialog, window, "spk3")
    dialog.merge_target.setCurrentIndex(dialog.merge_target.findData("spk2"))
    dialog.merge_button.click()
    transcript = window.model.transcript
    assert "spk3" not in transcript.speakers
    assert transcript.segments[4].speaker_id == "spk2"
    assert _rows(dialog)[1][:2] == ("Tom Okafor", "4") and len(_rows(dialog)) == 2
    assert dialog.selected_speaker() == "spk2"
    window.edits.undo()                                        # one step back: both speakers again
    assert transcript.segments[4].speaker_id == "spk3" and len(_rows(dialog)) == 3


def test_reassign_a_selection_of_turns_at_once(window, qtbot):
    dialog = _dialog(window, qtbot)
    _click_speaker(dialog, window, "spk1")
    assert dialog.turns.count() == 4
    dialog.turns.item(1).setSelected(True)                     # 00:12 and 00:34
    dialog.turns.item(2).setSelected(True)
    dialog.reassign_target.setCurrentIndex(dialog.reassign_target.findData("spk3"))
    dialog.reassign_button.click()
    speakers = [s.speaker_id for s in window.model.transcript.segments]
    assert speakers[2] == "spk3" and speakers[5] == "spk3" and speakers[0] == "spk1"
    assert dialog.selected_speaker() == "spk1" and dialog.turns.count() == 2
    assert window.edits.stack.undoText().startswith("Give 2 Turns to")
    window.edits.undo()
    assert [s.speaker_id for s in window.model.transcript.segments] != speakers
    assert window.model.transcript.segments[2].speaker_id == "spk1"


def test_correct_everywhere_play_button_plays_the_passage(window, qtbot):
    dialog = window.names.correcting.correct_everywhere("pier")
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() > 0)
    play = dialog.table.model().index(0, 1)
    assert play.data() == "▶"
    player = window.fake_players[-1]
    before = len(player.plays)
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=dialog.table.visualRect(play).center())
    assert len(player.plays) == before + 1 and window.playback.is_playing()
    assert 12_000 <= player.plays[-1] < 28_000                # "pier" is said in turns 3 and 4
    dialog.reject()


def _click_speaker(dialog, window, speaker_id: str) -> None:
    """Click the table's row showing *speaker_id*'s name."""
    from PySide6.QtTest import QTest
    name = window.model.transcript.speaker_name(speaker_id)
    item = next(dialog.table.topLevelItem(i) for i in range(dialog.table.topLevelItemCount())
                if dialog.table.topLevelItem(i).text(0) == name)
    QTest.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     dialog.table.visualItemRect(item).center())
