"""A dialog's own buttons with icons where its standard ones have them.

Where the style puts icons on a dialog's standard buttons (Cancel, Close: most Linux styles), a
button the app adds (Export, Publish, Replace) had none beside them. Given the style's icon for
what it does, every button of the dialog has one there, and none where the style shows none.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QStyle

Button = TypeVar("Button", bound=QAbstractButton)


def with_style_icon(button: Button, icon: QStyle.StandardPixmap) -> Button:
    """*button*, given the style's *icon* when the style puts icons on dialog buttons."""
    style = button.style()
    if style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, button):
        button.setIcon(style.standardIcon(icon, None, button))
    return button
