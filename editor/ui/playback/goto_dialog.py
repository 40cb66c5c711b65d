"""Go to time: a small dialog that accepts 1:02:03, 62:03, 3723 or 12.5 (seconds)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from editor.core.timecode import format_clock, parse_clock
from editor.ui.theme import ERROR_TEXT


def parse_time(text: str) -> int | None:
    """Milliseconds for a clock time or a number of seconds; None when neither."""
    text = text.strip()
    ms = parse_clock(text)
    if ms is not None:
        return ms
    try:
        seconds = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(seconds * 1000) if seconds >= 0 else None


class GoToTimeDialog(QDialog):
    def __init__(self, current_ms: int, duration_ms: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Go to Time")
        layout = QVBoxLayout(self)
        hint = f" (0:00 – {format_clock(duration_ms)})" if duration_ms else ""
        layout.addWidget(QLabel(f"Time as h:mm:ss, mm:ss or seconds{hint}:"))
        self._edit = QLineEdit(format_clock(current_ms))
        self._edit.selectAll()
        self._edit.setAccessibleName("Time")
        layout.addWidget(self._edit)
        self._error = QLabel("")
        self._error.setStyleSheet(f"color: {ERROR_TEXT.on(self.palette()).name()};")
        layout.addWidget(self._error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._duration = duration_ms

    def time_ms(self) -> int | None:
        return parse_time(self._edit.text())

    def _on_accept(self) -> None:
        ms = self.time_ms()
        if ms is None:
            self._error.setText("Not a time. Try 12:30 or 1:02:03.")
            return
        self.accept()
