"""QA pass fixes: the show choice is unsaved, journaled work; Reload keeps the producer's place;
the transcript view tells assistive technology which turn is current; menus and transport read well."""

from __future__ import annotations

import re
import shutil

import pytest
from message_boxes import shown_error
from PySide6.QtCore import Qt
from window_helpers import SAMPLE_AUDIO, SAMPLE_TXT, last_opened

from editor.ui.dialogs.shortcuts_dialog import ShortcutsDialog


@pytest.fixture
def copied_window(main_window, tmp_path, qtbot):
    """The sample episode copied into its own folder (its own show and journal), opened with its audio."""
    folder = tmp_path / "Harbour Hours"
    folder.mkdir()
    text = folder / "episode-twelve.txt"
    shutil.copy(SAMPLE_TXT, text)
    shutil.copy(SAMPLE_AUDIO, folder / "episode-twelve.ogg")
    assert main_window.open_path(str(text))
    qtbot.waitUntil(lambda: main_window.playback.duration() > 0, timeout=5000)
    return main_window, text


# ---------------------------------------------------------------------- a. the show choice
def test_choosing_a_show_is_unsaved_work_that_survives_a_crash(copied_window, qtbot):
    from editor.session import recovery
    window, text = copied_window
    assert not window.project.is_modified()
    dialog = window.names.show_glossary.edit_glossary()
    dialog.show_box.setCurrentText("Quayside Weekly")
    dialog.show_box.lineEdit().editingFinished.emit()
    dialog.accept()
    assert window.files.extra["show"] == "Quayside Weekly"
    assert window.project.is_modified() and window.isWindowModified()

    window.project.autosave.close()     # as a kill would: the journal stays behind
    pending = recovery.find_for(str(text), saved=False, data_dir=window.context.data_dir)
    assert pending is not None and pending.recoverable, pending and pending.problem
    assert pending.load().extra.get("show") == "Quayside Weekly"


def test_choosing_the_same_show_again_is_not_a_change(copied_window):
    window, _ = copied_window
    dialog = window.names.show_glossary.edit_glossary()
    dialog.accept()                      # nothing chosen: the folder's show stays
    assert not window.project.is_modified()


# ---------------------------------------------------------------------- b. Reload keeps the place
def test_reload_keeps_playback_position_and_scroll(copied_window, qtbot):
    window, text = copied_window
    window.resize(1000, 500)
    qtbot.waitUntil(lambda: window.view.height() < 500)   # the layout followed the new size
    window.playback.seek(61_000)
    view = window.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)   # the producer scrolls away
    assert not window.follow.is_following()
    anchor = view.scroll_anchor()
    assert anchor[0] > 0

    lines = text.read_text(encoding="utf-8").splitlines()
    lines[1] = "Welcome aboard the tender, the show about people who mend buoys."
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert window.watch.reload(str(text))

    assert window.model.transcript.segments[0].text.startswith("Welcome aboard the tender")
    assert abs(window.playback.position() - 61_000) < 250
    assert view.scroll_anchor() == anchor
    assert not window.follow.is_following()          # still reading elsewhere, as before


def test_reload_while_following_keeps_following(copied_window):
    window, text = copied_window
    window.playback.seek(30_000)
    assert window.follow.is_following()
    assert window.watch.reload(str(text))
    assert window.follow.is_following()
    assert abs(window.playback.position() - 30_000) < 250


# ---------------------------------------------------------------------- c. accessibility
def test_view_describes_the_current_turn_when_it_changes_only(copied_window, qtbot):
    window, _ = copied_window
    view, model = window.view, window.model
    calls = []
    original = view._describe_current
    view._describe_current = lambda: (calls.append(1), original())
    window.playback.seek(19_000)          # inside the third turn (00:18)
    description = view.accessibleDescription()
    assert description.startswith("Turn 3 of 19: Nora Castellan, 00:18, unreviewed. Our guest today")
    calls.clear()
    for ms in range(19_100, 21_000, 100):   # playback ticks inside the same turn: no new description
        model.update_current_from_time(ms)
    assert calls == []

    editor = view.open_editor(4, 0)       # the turn being edited is the one described
    assert view.accessibleDescription().startswith("Turn 5 of 19: Tomas Reyes, 00:31")
    assert editor.accessibleDescription() == "Tomas Reyes, 00:31"
    view.close_editor()                   # the turn left stays in hand (Enter and typing go there)
    assert view.accessibleDescription().startswith("Turn 5 of 19")


def test_custom_widgets_and_transport_buttons_are_named_with_shortcut_tooltips(copied_window):
    from PySide6.QtWidgets import QToolButton
    window, _ = copied_window
    assert window.view.accessibleName() == "Transcript"
    assert window.timing.strip.accessibleName() and window.timing.strip.accessibleDescription()
    buttons = [b for b in window.transport.findChildren(QToolButton) if b.defaultAction() is not None]
    assert len(buttons) == 5
    for button in buttons:
        assert button.accessibleName(), button.defaultAction().objectName()
        assert re.search(r"\(.+\)$", button.toolTip()), button.toolTip()     # "... (Ctrl+Space; F9)"


def test_transport_replay_buttons_keep_short_labels(copied_window):
    from PySide6.QtWidgets import QToolButton
    window = copied_window[0]
    replay = (window.action_table["replay_3"], window.action_table["replay_slow"])
    buttons = [b for b in window.transport.findChildren(QToolButton) if b.defaultAction() in replay]
    texts = sorted(b.text() for b in buttons)
    assert texts == ["3 s", "5 s slower"]
    window.action_table.apply_overrides({})     # shortcuts re-applied (settings OK): labels stay short
    assert sorted(b.text() for b in buttons) == ["3 s", "5 s slower"]


# ---------------------------------------------------------------------- menus and layout
def test_menu_items_are_title_case_and_dialogs_end_with_an_ellipsis(main_window):
    small = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "s"}
    opens_dialog = {"open", "choose_audio", "save_as", "export", "settings", "change_speaker", "speakers",
                    "go_to_time", "find", "replace", "correct_everywhere", "glossary", "flag", "shortcuts",
                    "publish", "chapter_at_turn", "chapter_at_playback", "reopen_encoding", "recover_unsaved",
                    "shift_times"}
    for name in main_window.action_table.names():
        action = main_window.action_table[name]
        text = action.text().replace("&", "")
        assert text.endswith("…") == (name in opens_dialog), text
        for i, word in enumerate(re.findall(r"[A-Za-z][\w'-]*", text)):
            assert word[0].isupper() or (i and word in small), f"{text!r}: {word!r}"


def test_menus_are_grouped_by_separators(main_window):
    edit = main_window.menus["Edit"].actions()
    separators = [i for i, a in enumerate(edit) if a.isSeparator()]
    assert len(separators) == 4
    assert edit[separators[0] + 1].objectName() == "split_turn"
    assert "chapter_at_turn" in [edit[i + 1].objectName() for i in separators]   # chapters: a group of their own


def test_window_fits_a_900_pixel_wide_screen_with_the_suggestions_open(copied_window, qtbot):
    window, _ = copied_window
    _, dock = window.names.show_glossary._ensure_suggestions()
    dock.show()
    qtbot.waitUntil(lambda: window.minimumSizeHint().width() <= 900)


def test_a_filter_that_hides_every_turn_says_so(copied_window, qtbot):
    window, _ = copied_window
    window.review.set_filter("flagged")          # nothing is flagged
    qtbot.waitUntil(lambda: not any(window.view.is_row_shown(r) for r in range(window.model.rowCount())))
    image = window.view.viewport().grab().toImage()
    background = image.pixelColor(2, 2)
    centre = [image.pixelColor(x, image.height() // 2) for x in range(image.width())]
    assert any(c != background for c in centre)   # the placeholder line is painted, not a blank page


def test_escape_closes_the_markers_panel(copied_window, qtbot):
    from window_helpers import press
    window, _ = copied_window
    window.action_table["markers_panel"].trigger()
    assert window.marks_dock.isVisible()
    window.marks_dock.widget().setFocus()
    press(window, Qt.Key.Key_Escape)
    assert not window.marks_dock.isVisible()


# ---------------------------------------------------------------------- smaller findings of the walk-through
def test_opening_another_episode_drops_the_old_suggestions_at_once(copied_window, qtbot):
    window, _ = copied_window
    names = window.names
    names.scan_now()          # opening defers the scan (BACKGROUND_AFTER_OPEN_MS): start it now
    qtbot.waitUntil(lambda: not names.is_scanning() and names.show_glossary.suggestions is not None
                    and bool(names.show_glossary.suggestions.suggestions), timeout=10_000)
    other = copied_window[1].parent / "quiet-episode.txt"
    other.write_text("Speaker 1  0:00  \nThe tide tables arrived late again this week.\n", encoding="utf-8")
    window.playback.seek(40_000)
    assert window.open_path(str(other))
    assert names.show_glossary.suggestions.suggestions == [] and names.show_glossary.suggestions.items.rowCount() == 0
    assert not names.show_glossary.suggestions.apply_all_button.isEnabled()
    # No audio next to it: the transport no longer shows the old episode's time.
    assert window.playback.position() == 0 and window.transport._elapsed.text() == "00:00"


def test_load_error_headline_then_details(main_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from editor.ui.widgets.error_box import MIN_WIDTH
    bad = tmp_path / "garbled.srt"
    bad.write_bytes(bytes(range(256)) * 8)
    assert not main_window.open_path(str(bad))
    box = next(b for b in main_window.findChildren(QMessageBox) if b.isVisible())
    assert box.text() == "Could not open the transcript."
    assert "garbled.srt" in box.informativeText()
    # A short title the window manager does not cut (the headline is the first line), and room for the details.
    assert box.windowTitle() == QApplication.applicationName()
    assert box.width() >= MIN_WIDTH
    box.close()


def test_a_command_line_file_that_cannot_be_read_leaves_the_start_page_not_an_empty_transcript(qtbot, tmp_path):
    from fake_player import fake_player_factory

    from editor.ui.main_window import MainWindow
    bad = tmp_path / "cut-short.tep.json"
    bad.write_text('{"transcript_editor_project": 1, "segments": [')
    window = MainWindow(player_factory=fake_player_factory, start_page=False)   # as app.py makes it for a file
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.editor_page
    assert not window.open_path(str(bad))
    error = shown_error(window)
    assert error is not None and error[0] == "Could not open the transcript"
    assert window.stack.currentWidget() is window.start_page
    window.close()


def test_shortcuts_list_names_each_action_as_its_menu_does_with_its_description_as_tooltip(main_window):
    main_window.action_table["shortcuts"].trigger()
    dialog = last_opened(main_window, ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 1).toolTip() for r in range(table.rowCount())}
    assert rows["Play/Pause"] == "Play or pause"                        # the menu's name; the tip as tooltip
    assert rows["Merge with Next Turn"] == "Edit ▸ Merge with Next Turn"    # no tip: where it is
    assert "Play or pause" not in rows and not any("&" in name for name in rows)
    dialog.close()


def test_review_progress_line_ends_in_an_ellipsis_when_narrow(copied_window, qtbot):
    window, _ = copied_window
    label = window.review_bar.label
    label.setFixedWidth(90)
    qtbot.waitUntil(lambda: label.contentsRect().width() <= 90)
    full = label.text()
    shown = label.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, label.contentsRect().width())
    assert shown.endswith("…") and shown != full and label.toolTip() == full
    assert not label.grab().toImage().isNull()    # paints without error
