"""Light and dark colours that read, View ▸ Theme, and bars that docks never hide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from review_helpers import close_review_window, open_review_window
from window_helpers import panel_dock

from editor.core.transcript import MarkKind
from editor.ui import theme

LIGHT, DARK = theme.light_palette(), theme.dark_palette()
ROLE_TEXT = QPalette.ColorRole.Text


def _text(palette):
    return palette.color(ROLE_TEXT)


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_every_painted_colour_reads_on_its_palette(palette):
    contrast = theme.contrast
    base, text = palette.color(QPalette.ColorRole.Base), _text(palette)
    # Text drawn over our backgrounds: the playing turn and word, marks, message bars.
    for pair in (theme.CURRENT_TURN_BG, theme.CURRENT_WORD_BG, *theme.MARK_BG.values()):
        assert contrast(text, pair.on(palette)) >= 4.5, pair
    for pair in theme.MESSAGE_BG.values():
        assert contrast(palette.color(QPalette.ColorRole.WindowText), pair.on(palette)) >= 4.5, pair
    # Coloured text over the page and over the playing turn.
    for pair in (theme.SECONDARY_TEXT, theme.ERROR_TEXT, theme.NOTE_MARKER, *theme.STATUS_TEXT.values()):
        assert contrast(pair.on(palette), base) >= 4.5, pair
        assert contrast(pair.on(palette), theme.CURRENT_TURN_BG.on(palette)) >= 3.0, pair
    # Marks and misspellings stand out from the page.
    for pair in (*theme.MARK_BORDER.values(), theme.MISSPELT_UNDERLINE):
        assert contrast(pair.on(palette), base) >= 3.0, pair
    assert contrast(QColor("white"), theme.FOLLOW_BUTTON.on(palette)) >= 4.5
    from editor.ui.document.speaker_colors import speaker_text_color
    for index in range(-1, 8):
        assert contrast(speaker_text_color(index, palette), base) >= 3.0, index


@pytest.fixture
def window(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    yield window
    close_review_window(window)


def _pixel(widget, point: QPoint) -> QColor:
    return widget.grab().toImage().pixelColor(point)


def test_view_theme_switches_light_and_dark_and_is_remembered(window, qtbot):
    from editor.settings import Key
    actions = [window.action_table[f"theme_{t.value}"] for t in theme.Theme]
    assert [a.text() for a in window.theme_menu.actions()] == ["&System", "&Light", "&Dark"]
    assert actions[0].isChecked() and all(a.isCheckable() for a in actions)

    actions[2].trigger()
    assert theme.is_dark() and actions[2].isChecked() and not actions[0].isChecked()
    assert window.settings.get(Key.THEME) == "dark"
    # The playing turn is painted with the dark pair, and its text stays light.
    view = window.view
    window.playback.seek(13_000)
    qtbot.waitUntil(lambda: window.model.current_row == 2)
    qtbot.waitUntil(lambda: view.viewport().palette().color(QPalette.ColorRole.Base).lightness() < 80)
    rect = view.row_rect(2)
    assert _pixel(view.viewport(), QPoint(rect.right() - 40, rect.top() + 3)) == theme.CURRENT_TURN_BG.on()
    text_pixels = view.viewport().grab(rect).toImage()
    assert max(text_pixels.pixelColor(x, y).lightness() for x in range(0, 300)
               for y in range(text_pixels.height())) > 200   # light text on the dark highlight
    # Transport icons are drawn in the buttons' text colour: light on the dark bar (palette changes
    # reach widgets through the event queue).
    qtbot.waitUntil(lambda: min(c.lightness() for c in _ink("play_pause", window)) > 180)
    assert min(c.lightness() for c in _ink("skip_back", window)) > 180

    actions[1].trigger()
    assert not theme.is_dark() and window.settings.get(Key.THEME) == "light"
    qtbot.waitUntil(lambda: max(c.lightness() for c in _ink("play_pause", window)) < 80)


def _ink(name, window):
    icon = window.action_table[name].icon().pixmap(20, 20).toImage()
    return [icon.pixelColor(x, y) for x in range(icon.width()) for y in range(icon.height())
            if icon.pixelColor(x, y).alpha() > 200] or [QColor("gray")]


def test_marks_and_the_playing_turn_are_painted_with_the_palette_pair(window, qtbot):
    window.action_table["theme_dark"].trigger()
    view = window.view
    from editor.core import ops
    window.model.run(ops.add_mark(window.model.transcript, 1, MarkKind.INAUDIBLE, 0, 6, 6000))
    qtbot.waitUntil(lambda: view.viewport().palette().color(QPalette.ColorRole.Base).lightness() < 80)
    view.viewport().repaint()
    rect = view.row_rect(1)
    image = view.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.left() + 200)
               for y in range(rect.top(), rect.bottom())}
    assert theme.MARK_BG[MarkKind.INAUDIBLE].dark in colours
    assert theme.MARK_BG[MarkKind.INAUDIBLE].light not in colours


def _inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_docks_never_hide_the_bars_and_the_transcript_keeps_a_third(qtbot, tmp_path, size):
    window = open_review_window(qtbot, tmp_path, size=size)
    try:
        window.names.find.show_find()
        window.action_table["markers_panel"].trigger()
        if not window.action_table["show_suggestions"].isChecked():
            window.action_table["show_suggestions"].trigger()
        qtbot.waitUntil(lambda: window.timing.strip is not None, timeout=10_000)
        if not window.action_table["show_waveform"].isChecked():
            window.action_table["show_waveform"].trigger()
        docks = [window.names.find.dock, window.marks_dock, panel_dock(window, "Glossary Suggestions")]
        qtbot.waitUntil(lambda: all(d.isVisible() for d in docks) and window.timing.strip.isVisible())
        # Make the find panel as tall as a user could drag it.
        window.resizeDocks([window.names.find.dock], [window.height()], Qt.Orientation.Vertical)
        frame = window.rect()
        for bar in (window.transport, window.review_bar):
            assert bar.isVisible()
            top_left = bar.mapTo(window, QPoint(0, 0))
            assert _inside(frame, QRect(top_left, bar.size())), bar
            for dock in docks:
                dock_rect = QRect(dock.mapTo(window, QPoint(0, 0)), dock.size())
                assert not dock_rect.intersects(QRect(top_left, bar.size())), (bar, dock.windowTitle())
        assert window.view.height() >= window.height() / 3 - 1
    finally:
        close_review_window(window)


def _front_tab(window) -> str:
    """The title of the right-hand panel whose tab is in front ("" when the panels are not tabbed)."""
    from PySide6.QtWidgets import QTabBar
    for bar in window.findChildren(QTabBar):
        if bar.isVisible() and "Markers" in [bar.tabText(i) for i in range(bar.count())]:
            return bar.tabText(bar.currentIndex())
    return ""


def test_right_hand_panels_are_tabs_and_the_one_asked_for_comes_to_the_front(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        glossary = window.names.show_glossary
        _panel, suggestions = glossary._ensure_suggestions()
        suggestions.show()
        window.action_table["markers_panel"].trigger()
        assert window.marks_dock in window.tabifiedDockWidgets(suggestions)
        qtbot.waitUntil(lambda: _front_tab(window) == "Markers")
        # Behind another tab, the suggestions are still open: not dismissed, still ticked in View.
        assert suggestions.isVisible() and window.action_table["show_suggestions"].isChecked()
        window.action_table["chapters_panel"].trigger()
        qtbot.waitUntil(lambda: _front_tab(window) == "Chapters")
        window.hearing.show_panel()
        qtbot.waitUntil(lambda: _front_tab(window) == "Suspects")
        # Each panel keeps the side's full height: the transcript's right edge is the tabs' left.
        assert window.hearing.dock.height() == window.marks_dock.height()
        window.action_table["show_suggestions"].trigger()       # closed
        assert not suggestions.isVisible()
        window.action_table["show_suggestions"].trigger()       # asked for again: in front
        qtbot.waitUntil(lambda: _front_tab(window) == "Glossary Suggestions")
    finally:
        close_review_window(window)


def test_a_dark_system_palette_without_a_placeholder_colour_gets_one_that_reads(qapp):
    # Dark desktops often set the main roles only: Qt's half-transparent black placeholder then all
    # but vanished on the dark fields (the Publish dialog's Base URL hint).
    from PySide6.QtWidgets import QLineEdit

    before = QPalette(qapp.palette())
    system = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6")):
        system.setColor(role, QColor(color))
    qapp.setPalette(system)
    try:
        theme.ThemeSwitcher(qapp).apply(theme.Theme.SYSTEM)
        field = QLineEdit()
        palette = field.palette()
        base = palette.color(QPalette.ColorRole.Base)
        shown = theme._over(palette.color(QPalette.ColorRole.PlaceholderText), base)
        assert theme.contrast(shown, base) >= 4.5
        assert theme.contrast(shown, base) < theme.contrast(palette.color(ROLE_TEXT), base)   # still a hint
        assert theme.readable_placeholder(LIGHT) is None and theme.readable_placeholder(DARK) is None
    finally:
        qapp.setPalette(before)


def test_a_dark_system_palette_set_once_for_every_state_still_shows_a_disabled_button_as_disabled(qapp, qtbot):
    # A palette made by setting each role once gives disabled widgets the enabled text: the Suspects
    # panel's disabled Ignore looked as pressable as the enabled button beside it.
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    before = QPalette(qapp.palette())
    system = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e6e6e6"),
                        (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#e6e6e6")):
        system.setColor(role, QColor(color))
    qapp.setPalette(system)
    try:
        theme.ThemeSwitcher(qapp).apply(theme.Theme.SYSTEM)
        # The system's palette in effect (the one the application started with, once a theme was chosen
        # and left) tells disabled text apart...
        assert theme.dimmed_disabled_text(qapp.palette()) is None
        # ...and on such a palette a disabled button reads fainter than an enabled one.
        qapp.setPalette(theme.dimmed_disabled_text(system))
        row = QWidget()
        qtbot.addWidget(row)
        layout = QHBoxLayout(row)
        enabled, disabled = QPushButton("Apply all"), QPushButton("Ignore")
        disabled.setEnabled(False)
        layout.addWidget(enabled)
        layout.addWidget(disabled)
        row.show()
        qtbot.waitExposed(row)

        def ink(button):
            palette = button.palette()
            group = QPalette.ColorGroup.Active if button.isEnabled() else QPalette.ColorGroup.Disabled
            return palette.color(group, QPalette.ColorRole.ButtonText), palette.color(group, QPalette.ColorRole.Button)

        on, off = theme.contrast(*ink(enabled)), theme.contrast(*ink(disabled))
        assert off >= 3.0                  # still reads...
        assert on - off >= 3.0             # ...but clearly fainter than an enabled button's
        window_text = system.color(QPalette.ColorRole.WindowText).rgb()
        assert row.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).rgb() != window_text
        assert theme.dimmed_disabled_text(LIGHT) is None and theme.dimmed_disabled_text(DARK) is None
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize("chosen", [theme.Theme.DARK, theme.Theme.LIGHT], ids=["dark", "light"])
def test_a_panel_s_float_and_close_buttons_read_on_the_theme_s_window(qapp, qtbot, chosen):
    # Fusion draws them from fixed mid-grey pixmaps: 2.6:1 on the dark theme's window, too faint to
    # find (WCAG asks 3:1 of a control's graphic).
    from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMainWindow

    switcher = theme.ThemeSwitcher(qapp)
    switcher.apply(chosen)
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        dock = QDockWidget("Suspects", window)
        dock.setWidget(QLabel("3 passages to listen to"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.show()
        qtbot.waitExposed(window)
        background = dock.palette().color(QPalette.ColorRole.Window)
        for name in ("qt_dockwidget_floatbutton", "qt_dockwidget_closebutton"):
            button = dock.findChild(QAbstractButton, name)
            image = button.icon().pixmap(16, 16).toImage()
            ink = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
                   if image.pixelColor(x, y).alpha() > 200]
            assert ink, name
            assert max(theme.contrast(color, background) for color in ink) >= 3.0, name
    finally:
        switcher.apply(theme.Theme.SYSTEM)
