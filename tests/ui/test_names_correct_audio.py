"""Correct Everywhere asks the audio: real alignment and real PocketSphinx on espeak-ng speech.

The text says "BSA" twice; the audio says "EPA" in the first turn and "BSA" in the second. Asked
to correct "BSA" to "EPA" everywhere, the dialog shows the audio's verdict beside each place,
lists the one the audio agrees with first, and unticks the one it rejects (both are exact
matches the text alone would tick)."""

from __future__ import annotations

import pytest
from heard_episode import open_aligned, write_episode  # noqa: E402
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from window_helpers import wait_listed

from editor.ui.names.correct_dialog import AUDIO_COLUMN  # noqa: E402

LINES = [("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
CLEAN = ["The BSA ran the summer camp by the lake."]


@pytest.fixture(scope="module")
def episode_folder(tmp_path_factory):
    """The episode's files and a cache folder, shared by this module's tests: the first one aligns
    the words, the others find them in the alignment cache (as a producer reopening it would)."""
    folder = tmp_path_factory.mktemp("correct-audio")
    write_episode(folder, LINES, CLEAN)
    return folder


@pytest.fixture(autouse=True)
def own_folders(episode_folder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(episode_folder / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def aligned_window(main_window, qtbot, episode_folder):
    open_aligned(main_window, qtbot, episode_folder / "episode.srt", episode_folder / "episode.wav")
    return main_window


def _searched(qtbot, dialog):
    """Wait for the dialog's search (on its worker thread) to list its places."""
    wait_listed(qtbot, dialog)
    return dialog


def _checked_dialog(window, qtbot):
    dialog = window.names.correcting.correct_everywhere("BSA")
    dialog.right_edit.setText("EPA")
    dialog.refresh()
    _searched(qtbot, dialog)
    assert dialog.is_checking_audio() and not dialog.stop_check_button.isHidden()
    qtbot.waitUntil(lambda: not dialog.is_checking_audio(), timeout=60_000)
    return dialog


def test_each_place_shows_the_audios_verdict_ranked_and_a_rejected_one_is_not_ticked(aligned_window, qtbot):
    window = aligned_window
    dialog = _checked_dialog(window, qtbot)
    assert [(c.index, c.found) for c in dialog.candidates] == [(0, "BSA"), (1, "BSA")]
    audio = [dialog.table.model().index(row, AUDIO_COLUMN).data() for row in range(2)]
    assert audio == ["audio agrees", "audio prefers the original"]
    assert [c.score for c in dialog.candidates] == [100, 100]     # the text alone would tick both
    assert [c.index for c in dialog.ticked()] == [0]
    assert dialog.stop_check_button.isHidden()
    assert dialog.audio_status.text() == ("2 places checked against the audio: 1 matches the audio "
                                          "and for 1 the original text fits it better.")
    assert dialog.apply_ticked() == 1
    first, second = (s.text for s in window.model.transcript.segments)
    assert "the EPA before" in first and "The BSA ran" in second
    window.undo_stack.undo()
    assert "the BSA before" in window.model.transcript.segments[0].text
    dialog.close()


def test_the_producers_tick_stands_and_verdicts_are_not_asked_twice(aligned_window, qtbot):
    window = aligned_window
    dialog = _checked_dialog(window, qtbot)
    dialog.set_ticked(1, True)              # the producer knows better than the audio
    dialog.sensitivity.setValue(75)         # the list is found again: the tick stays
    dialog.refresh()
    _searched(qtbot, dialog)
    assert not dialog.is_checking_audio()   # every place was judged already
    assert [c.index for c in dialog.ticked()] == [0, 1]
    dialog.close()
    again = window.names.correcting.correct_everywhere("BSA")
    again.right_edit.setText("EPA")
    again.refresh()
    _searched(qtbot, again)
    assert not again.is_checking_audio()    # the verdicts were kept for this transcript
    audio = [again.table.model().index(row, AUDIO_COLUMN).data() for row in range(2)]
    assert audio == ["audio agrees", "audio prefers the original"]
    assert [c.index for c in again.ticked()] == [0]
    again.close()


def test_closing_the_dialog_stops_its_check(aligned_window, qtbot):
    window = aligned_window
    dialog = window.names.correcting.correct_everywhere("BSA")
    dialog.right_edit.setText("EPA")
    dialog.refresh()
    _searched(qtbot, dialog)
    assert dialog.is_checking_audio()
    dialog.stop_check_button.click()
    assert not dialog.is_checking_audio() and dialog.stop_check_button.isHidden()
    dialog.refresh()
    _searched(qtbot, dialog)
    assert dialog.is_checking_audio()
    dialog.close()
    assert not dialog.is_checking_audio()


def _type_over(window, row: int, old: str, new: str) -> None:
    """Select *old* in turn *row*'s editor, type *new* over it, and leave the turn."""
    text = window.model.segment(row).text
    editor = window.view.open_editor(row, 0)
    cursor = editor.textCursor()
    cursor.setPosition(text.index(old))
    cursor.setPosition(text.index(old) + len(old), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    QTest.keyClicks(editor, new)
    window.view.close_editor()


def test_a_typed_correction_is_checked_against_the_audio(aligned_window, qtbot):
    window = aligned_window
    typed = window.names.typed
    said, verdicts = [], []
    typed.message.connect(said.append)
    typed.judged.connect(lambda wrong, right, verdict: verdicts.append((wrong, right, verdict.label)))
    _type_over(window, 0, "BSA", "EPA")          # the audio says EPA here
    qtbot.waitUntil(lambda: bool(verdicts), timeout=60_000)
    assert verdicts == [("BSA", "EPA", "agrees")] and said[-1] == "The audio agrees with “EPA”"
    _type_over(window, 1, "BSA", "EPA")          # and BSA here
    qtbot.waitUntil(lambda: len(verdicts) == 2, timeout=60_000)
    assert verdicts[1] == ("BSA", "EPA", "prefers original")
    assert said[-1].startswith("The audio prefers the original “BSA” to “EPA”")
    qtbot.waitUntil(lambda: not typed.checks.is_running(), timeout=10_000)   # its thread ends after the verdict
    _type_over(window, 1, "summer", "Summer")     # capitals only: nothing to ask the audio
    assert not typed.checks.is_running()


def test_once_the_player_has_a_working_copy_the_stretches_are_read_from_it(aligned_window, qtbot, monkeypatch):
    from editor.player import working_copy
    audio = aligned_window.names.correcting.audio_path
    copy = working_copy.decode_to_wav(audio, working_copy.copy_path(audio))

    def no_second_decoder(*_args, **_kwargs):
        raise AssertionError("the whole file was decoded although the working copy is there")

    monkeypatch.setattr("editor.hearing.suggest.region_audio", no_second_decoder)
    try:
        dialog = _checked_dialog(aligned_window, qtbot)
        assert [dialog.table.model().index(row, AUDIO_COLUMN).data() for row in range(2)] == \
            ["audio agrees", "audio prefers the original"]
        dialog.close()
    finally:
        copy.unlink()      # the module's other tests decode the file


def test_opening_another_transcript_closes_the_dialog_and_forgets_the_audio(aligned_window, qtbot, tmp_path):
    correcting = aligned_window.names.correcting
    _checked_dialog(aligned_window, qtbot)
    assert correcting.audio_path and correcting.verdicts
    other = tmp_path / "other.srt"
    other.write_text("1\n00:00:01,000 --> 00:00:03,000\nHost: The BSA ran the camp.\n\n", encoding="utf-8")
    assert aligned_window.open_path(str(other))
    qtbot.waitUntil(lambda: correcting.dialog is None, timeout=5000)
    assert correcting.audio_path == "" and correcting.verdicts == {}


def test_with_the_words_aligned_the_audio_column_is_shown(aligned_window, qtbot):
    dialog = aligned_window.names.correcting.correct_everywhere("BSA")
    assert not dialog.table.isColumnHidden(AUDIO_COLUMN)
