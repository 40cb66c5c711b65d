"""The floating "Back to playback" button over the transcript.

It shows while the window does not follow playback and the playing turn is out of sight (the view
says when), bottom right of the text, and moves out of the way of the turn being edited.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QToolButton, QWidget

from editor.ui.theme import FOLLOW_BUTTON

_MARGIN = 16      # from the text's edges
_CLEARANCE = 8    # kept free above and below the turn being edited


class FollowButton(QToolButton):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._over = parent     # the view it floats over, whose palette it follows
        self.setText("↓ Back to playback")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName("Back to playback")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        """Its colours from the palette of the view it floats over (light or dark)."""
        self.setStyleSheet(f"QToolButton {{ background: {FOLLOW_BUTTON.on(self._over.palette()).name()}; "
                           "color: white; border-radius: 12px; padding: 5px 12px; }")

    def show_over(self, visible: bool, text: QRect, edited: QRect | None) -> None:
        """Show or hide it; shown, placed over *text* (the view's viewport, in the view's
        coordinates) clear of *edited* (the turn editor's rectangle there, when one is open)."""
        if visible:
            self.place(text, edited)
        if visible != self.isVisible():
            self.setVisible(visible)
            if visible:
                self.raise_()

    def place(self, text: QRect, edited: QRect | None) -> None:
        """Bottom right of the text, or top right when the turn being edited is down there."""
        hint = self.sizeHint()
        rect = QRect(text.right() - hint.width() - _MARGIN, text.bottom() - hint.height() - _MARGIN,
                     hint.width(), hint.height())
        if edited is not None:
            edited = edited.adjusted(0, -_CLEARANCE, 0, _CLEARANCE)
            if edited.intersects(rect):
                rect.moveTop(text.top() + _MARGIN)
            if edited.intersects(rect):   # a tall turn: just above or below it, where there is more room
                above = edited.top() - text.top() > text.bottom() - edited.bottom()
                top = edited.top() - hint.height() - 4 if above else edited.bottom() + 4
                rect.moveTop(max(text.top(), min(top, text.bottom() - hint.height())))
        if self.geometry() != rect:
            self.setGeometry(rect)
