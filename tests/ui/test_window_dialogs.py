"""Go to time, keyboard shortcuts help, settings (shortcut changes) on the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QTableWidget
from window_helpers import last_opened, named, press

from editor.settings import Key
from editor.ui.dialogs.settings_dialog import SettingsDialog
from editor.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from editor.ui.playback.goto_dialog import GoToTimeDialog, parse_time


def test_parse_time_accepts_clock_and_seconds():
    assert parse_time("1:09") == 69_000
    assert parse_time("1:02:03") == 3_723_000
    assert parse_time("12.5") == 12_500
    assert parse_time("soon") is None


def test_go_to_time_moves_playback_and_highlight(sample_window, qtbot):
    w = sample_window
    press(w, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = last_opened(w, GoToTimeDialog)
    assert dialog.isVisible()
    field = named(dialog, QLineEdit, "Time")
    field.setText("1:10")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert abs(w.playback.position() - 70_000) <= 100
    assert w.model.segment(w.model.current_row).start_ms == 69_000


def test_shortcuts_help_lists_the_keys_in_effect(main_window):
    main_window.action_table["shortcuts"].trigger()
    table = last_opened(main_window, ShortcutsDialog).table
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert any("Play/Pause" in k and "Ctrl+Space" in v for k, v in rows.items())
    assert any("Skip Forward" in k and "F8" in v for k, v in rows.items())


def test_shortcuts_help_lists_each_menu_together_in_the_menu_bars_order(main_window):
    main_window.action_table["shortcuts"].trigger()
    table = last_opened(main_window, ShortcutsDialog).table
    menus = [table.item(r, 0).text() for r in range(table.rowCount())]
    blocks = [m for i, m in enumerate(menus) if i == 0 or menus[i - 1] != m]
    bar = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert blocks == [m for m in bar if m in menus]      # one block a menu, File first and Help last
    assert blocks[0] == "File" and blocks[-1] == "Help"
    # Within a menu, the rows keep the menu's own order.
    view = [table.item(r, 1).text() for r in range(table.rowCount()) if menus[r] == "View"]
    in_menu = [a.text().replace('&', '').replace('…', '')
               for a in main_window.menus["View"].actions() if a.shortcuts()]
    assert view == in_menu


def test_changed_shortcut_is_saved_and_works_in_the_text(sample_window, qtbot):
    w = sample_window
    w.action_table["settings"].trigger()
    dialog = last_opened(w, SettingsDialog)
    first, second = _key_fields(dialog, w.action_table.specs["skip_forward"].text)
    first.setKeySequence(QKeySequence("Ctrl+K"))
    second.clear()
    dialog.skip.setValue(2)
    # Until the closed dialog is deleted, its key editors hold the shortcut state.
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.accept()
    assert w.settings.get(Key.SKIP_MS) == 2000
    assert w.settings.shortcut_overrides() == {"skip_forward": "Ctrl+K"}
    w.view.open_editor(1, 0)
    w.playback.seek(10_000)
    press(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert abs(w.playback.position() - 12_000) <= 150
    press(w, Qt.Key.Key_F8)   # the old key no longer skips
    assert abs(w.playback.position() - 12_000) <= 150


def _key_fields(dialog: SettingsDialog, action_text: str):
    """The key and alternative key fields of the shortcuts table's row for the action named *action_text*."""
    table = dialog.findChild(QTableWidget)
    label = action_text.replace("&", "").replace("…", "")
    row = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == label)
    return table.cellWidget(row, 1), table.cellWidget(row, 2)


def test_settings_show_skip_and_rewind_in_seconds_and_keep_the_milliseconds_stored(sample_window, qtbot):
    w = sample_window
    w.settings.set(Key.AUTO_REWIND_MS, 1500)      # as a settings file saved before reads
    w.action_table["settings"].trigger()
    dialog = last_opened(w, SettingsDialog)
    assert (dialog.skip.text(), dialog.rewind.text()) == ("5.0 s", "1.5 s")
    dialog.rewind.stepDown()
    assert dialog.rewind.text() == "1.25 s"
    dialog.rewind.stepBy(3)
    assert dialog.rewind.text() == "2.0 s"
    dialog.skip.setValue(2)
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):
        dialog.accept()
    assert (w.settings.get(Key.SKIP_MS), w.settings.get(Key.AUTO_REWIND_MS)) == (2000, 2000)
    w.action_table["settings"].trigger()
    again = last_opened(w, SettingsDialog)
    assert (again.skip.text(), again.rewind.text()) == ("2.0 s", "2.0 s")
    again.reject()
