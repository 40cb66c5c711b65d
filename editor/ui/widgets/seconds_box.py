"""SecondsBox: a length of time kept in milliseconds, shown and typed in seconds ("1.0 s", "0.25 s")."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox


class SecondsBox(QDoubleSpinBox):
    """Seconds to the hundredth, written with one decimal unless a second decimal is needed, so
    lengths side by side read alike ("5.0 s" next to "1.25 s"). ``milliseconds()`` and
    ``set_milliseconds()`` take what the settings store."""

    def __init__(self, minimum_ms: int, maximum_ms: int, step_ms: int, value_ms: int, parent=None):
        super().__init__(parent)
        self.setDecimals(2)
        self.setSuffix(" s")
        self.setRange(minimum_ms / 1000, maximum_ms / 1000)
        self.setSingleStep(step_ms / 1000)
        self.set_milliseconds(value_ms)

    def milliseconds(self) -> int:
        return round(self.value() * 1000)

    def set_milliseconds(self, ms: int) -> None:
        self.setValue(ms / 1000)

    def textFromValue(self, value: float) -> str:  # noqa: N802  (Qt's name)
        hundredths = round(value * 100)
        return self.locale().toString(value, "f", 2 if hundredths % 10 else 1)
