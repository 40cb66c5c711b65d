"""Shift Times…: by how much (+15, -2.5 or -1:30) and from where (every turn, or the turn in hand on).

The dialog says before the shift what it will do, and what it cannot: times that would fall
before 0:00 (they start at 0:00), or a shift that would put a turn before the one above it.
Its preview reads only the turns' starts (a few milliseconds for 200,000 turns); the shift
itself is planned once, when accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from editor.core.timecode import format_clock, parse_offset
from editor.core.transcript import Transcript
from editor.ui.theme import ERROR_TEXT


class ShiftTimesDialog(QDialog):
    def __init__(self, transcript: Transcript, current_row: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Shift Times")
        self._transcript = transcript
        segments = transcript.segments
        self._current = current_row if 0 <= current_row < len(segments) else 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Move turn times, word times, marks and chapters by the same amount\n"
                                "(an intro added at the start: +15; one cut: -15)."))
        form = QFormLayout()
        self._amount = QLineEdit()
        self._amount.setPlaceholderText("+15, -2.5 or -1:30")
        self._amount.setAccessibleName("Shift by (seconds)")
        label = QLabel("Shift &by (seconds or m:ss):")
        label.setBuddy(self._amount)
        form.addRow(label, self._amount)
        layout.addLayout(form)
        self._all = QRadioButton("&Every turn")
        current = segments[self._current] if segments else None
        here = f" ({format_clock(current.start_ms)})" if current is not None and current.start_ms is not None else ""
        self._from_here = QRadioButton(f"&From turn {self._current + 1}{here} to the end")
        self._all.setChecked(True)
        self._from_here.setEnabled(self._current > 0)
        layout.addWidget(self._all)
        layout.addWidget(self._from_here)
        self._preview = QLabel("")
        self._preview.setWordWrap(True)
        self._preview.setAccessibleName("What the shift will do")
        layout.addWidget(self._preview)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Shift")
        ok.setDefault(True)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout.addWidget(self._buttons)
        self._error_colour = ERROR_TEXT.on(self.palette()).name()
        for changed in (self._amount.textChanged, self._all.toggled):
            changed.connect(self._update_preview)
        self._update_preview()

    def delta_ms(self) -> int:
        return parse_offset(self._amount.text()) or 0

    def first_row(self) -> int:
        return self._current if self._from_here.isChecked() else 0

    def _update_preview(self, *_) -> None:
        text, ok = self._describe()
        self._preview.setText(text)
        self._preview.setStyleSheet("" if ok else f"color: {self._error_colour};")
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _describe(self) -> tuple[str, bool]:
        """What the shift will do, and whether it can."""
        raw = self._amount.text().strip()
        delta = parse_offset(raw) if raw else 0
        if delta is None:
            return "Not an amount of time: try +15, -2.5 or -1:30.", False
        if delta == 0:
            return "Type how far to move the times: + later, - earlier.", False
        segments = self._transcript.segments
        first = self.first_row()
        way = "later" if delta > 0 else "earlier"
        which = "Every turn" if first == 0 else f"Turns {first + 1}–{len(segments)}"
        text = f"{which} will start {abs(delta) / 1000:g} s {way}."
        if delta < 0:
            head, prev = segments[first].start_ms, segments[first - 1] if first else None
            if prev is not None and prev.start_ms is not None and head is not None and head + delta < prev.start_ms:
                most = (head - prev.start_ms) / 1000
                return (f"Turn {first + 1} would start before turn {first} ({format_clock(prev.start_ms)}): "
                        f"shift by at most {most:g} s earlier, or from an earlier turn."), False
            # Only the starts are read: cheap enough to say on every keystroke, even for a long episode.
            below = -delta
            clamped = sum(1 for s in segments[first:] if s.start_ms is not None and s.start_ms < below)
            if clamped:
                text += (f" {clamped} turn{'s' if clamped != 1 else ''} would start before 0:00: "
                         f"{'they start' if clamped != 1 else 'it starts'} at 0:00 instead.")
        return text, True
