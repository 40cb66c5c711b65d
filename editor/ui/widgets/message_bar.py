"""A dismissable bar above the transcript for load warnings, missing-audio and changed-on-disk prompts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from editor.ui.theme import MESSAGE_BG, MESSAGE_BORDER


class MessageBar(QFrame):
    """One message with up to two action buttons and a close button."""

    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("MessageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 6, 5)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._button = QPushButton()
        self._button.hide()
        self._button2 = QPushButton()   # a second choice ("Reload" / "Keep mine")
        self._button2.hide()
        self._close = QToolButton()
        self._close.setText("✕")
        self._close.setAccessibleName("Dismiss")
        self._close.setAutoRaise(True)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._button)
        layout.addWidget(self._button2)
        layout.addWidget(self._close)
        self._kind = "info"
        self._callback: Callable[[], object] | None = None
        self._callback2: Callable[[], object] | None = None
        self._button.clicked.connect(self._on_button_clicked)
        self._button2.clicked.connect(self._on_button2_clicked)
        self._close.clicked.connect(self.dismiss)
        self.hide()

    def show_message(self, text: str, kind: str = "warning", details: list[str] | None = None,
                     button: str = "", callback: Callable[[], object] | None = None,
                     button2: str = "", callback2: Callable[[], object] | None = None) -> None:
        self._kind = kind if kind in MESSAGE_BG else "info"
        self._apply_colors()
        self._label.setText(text)
        self._label.setToolTip("\n".join(details or []))
        self._callback = callback
        self._button.setText(button)
        self._button.setVisible(bool(button))
        self._callback2 = callback2
        self._button2.setText(button2)
        self._button2.setVisible(bool(button2))
        self.show()

    def _apply_colors(self) -> None:
        palette = self.palette()
        sheet = (f"#MessageBar {{ background: {MESSAGE_BG[self._kind].on(palette).name()}; "
                 f"border-bottom: 1px solid {MESSAGE_BORDER[self._kind].on(palette).name()}; }}")
        if sheet != self.styleSheet():   # setting a style sheet sends a palette change of its own
            self.setStyleSheet(sheet)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self._apply_colors()   # light or dark: the bar follows

    def text(self) -> str:
        return self._label.text()

    def set_text(self, text: str) -> None:
        """Say the message shown in other words (its buttons and what they do stay)."""
        self._label.setText(text)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def _on_button_clicked(self) -> None:
        if self._callback is not None:
            self._callback()

    def _on_button2_clicked(self) -> None:
        if self._callback2 is not None:
            self._callback2()


def warnings_text(path_name: str, warnings: list[str]) -> str:
    """One readable line for the bar; the full list goes to the tooltip."""
    shown = warnings[:3]
    text = f"{path_name} opened with {len(warnings)} warning{'s' if len(warnings) != 1 else ''}: " + "; ".join(shown)
    if len(warnings) > 3:
        text += f" … and {len(warnings) - 3} more (hover to see all)"
    return text
