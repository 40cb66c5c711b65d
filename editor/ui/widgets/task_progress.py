"""TaskProgress: a background pass in the status bar — what runs, how far it is (in turns), Cancel."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

SHOW_EVERY_MS = 250     # a running pass's count is shown at most this often


class TaskProgress(QWidget):
    """Hidden until :meth:`start` or :meth:`set_progress`; the owner hides it when the pass ends.

    A new count repaints the bar at once (``QProgressBar.setValue`` calls ``repaint()``), inside
    whatever slot reported it: a pass reporting every turn would add a repaint of the status bar
    to each turn's result. So while it shows, the latest count is shown at most every
    :data:`SHOW_EVERY_MS`, in a turn of the event loop of its own.
    """

    cancel_requested = Signal()

    def __init__(self, label: str, cancel_tip: str, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # Room the status bar gives beyond the hint goes before the rule, not between the pass's name and its bar.
        layout.addStretch(1)
        # A rule before the pass: the status bar's file summary sits just left of it ("… · episode.ogg"),
        # and without one the pass's name read as the end of that line.
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(separator)
        layout.addSpacing(2)
        self.label = QLabel(label)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(True)
        self.bar.setFormat("%v / %m turns")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip(cancel_tip)
        self.cancel_button.clicked.connect(self.cancel_requested)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self._count = (0, 1)      # (done, total) last reported
        self._show_later = QTimer(self, singleShot=True, interval=SHOW_EVERY_MS)
        self._show_later.timeout.connect(self._show_count)
        self.hide()

    def start(self, total: int) -> None:
        self.set_progress(0, total)

    def set_progress(self, done: int, total: int) -> None:
        self._count = (done, total)
        if not self.isVisible():      # a pass starting: its count shows with the widget
            self._show_count()
            self.show()
        elif not self._show_later.isActive():
            self._show_later.start()

    def _show_count(self) -> None:
        done, total = self._count
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def hideEvent(self, event) -> None:
        self._show_later.stop()
        super().hideEvent(event)
