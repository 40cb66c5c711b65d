"""The transport bar's icons are drawn in the buttons' text colour, again only when that colour changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_NAMES = ("skip_back", "play_pause", "skip_forward", "replay_3", "replay_slow")


def _icon_keys(window) -> list[int]:
    return [window.action_table[name].icon().cacheKey() for name in _NAMES]


def test_a_palette_change_in_the_same_colours_draws_no_icons_again(main_window):
    transport = main_window.transport
    drawn = _icon_keys(main_window)
    QApplication.sendEvent(transport, QEvent(QEvent.Type.PaletteChange))
    assert _icon_keys(main_window) == drawn


def test_new_button_text_colours_draw_the_icons_in_them(main_window):
    transport = main_window.transport
    drawn = _icon_keys(main_window)
    palette = QPalette(transport.palette())
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText, QColor("#ff0000"))
    transport.setPalette(palette)   # sends the bar a PaletteChange
    keys = _icon_keys(main_window)
    assert all(key != before for key, before in zip(keys, drawn, strict=True))
    image = main_window.action_table["play_pause"].icon().pixmap(20, 20).toImage()
    ink = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
           if image.pixelColor(x, y).alpha() > 200]
    assert ink and all(c.red() > 200 and c.green() < 60 for c in ink)
