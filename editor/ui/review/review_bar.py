"""The review strip under the transcript: progress, the review filter and the approve buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolButton, QWidget

from editor.ui.review.review_controller import FILTERS, Progress

_FILTER_LABELS = {"all": "All turns", "unreviewed": "Not yet approved", "flagged": "Flagged"}


class _ElidedLabel(QLabel):
    """A one-line label that ends in "…" when the bar is narrow (the whole line is its tooltip)."""

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)


class ReviewBar(QFrame):
    """Shows review progress; asks (by signal) for approve-and-next, next unreviewed and a filter."""

    filter_requested = Signal(str)

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setObjectName("ReviewBar")
        self.setStyleSheet("#ReviewBar { border-top: 1px solid palette(mid); }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(8)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(100)
        self.bar.setFixedHeight(10)
        self.label = _ElidedLabel()
        self.label.setAccessibleName("Review progress")
        # The progress line gives way (clipped, whole in its tooltip) before the buttons do:
        # the window must fit a small laptop screen with a side panel open.
        self.label.setMinimumWidth(40)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName("Show")
        for name in FILTERS:
            self.filter_box.addItem(_FILTER_LABELS[name], name)
        self.filter_box.currentIndexChanged.connect(
            lambda i: self.filter_requested.emit(self.filter_box.itemData(i)))
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        layout.addWidget(QLabel("Show:"))
        layout.addWidget(self.filter_box)
        self._buttons: list[QToolButton] = []
        for name in ("next_unreviewed", "flag", "approve_next"):
            button = QToolButton()
            button.setDefaultAction(actions[name])
            layout.addWidget(button)
            self._buttons.append(button)
        self.show_progress(Progress())

    def focus_chain(self) -> list[QWidget]:
        """What Tab reaches in the bar, left to right as shown."""
        return [self.filter_box, *self._buttons]

    def show_progress(self, progress: Progress) -> None:
        self.bar.setValue(round(progress.share * 1000))
        text = f"{progress.approved} of {progress.total} turns approved"
        if progress.share_of:
            text += f" · {progress.share:.0%} of {progress.share_of}"
        self.bar.setAccessibleName(f"Approved share of {progress.share_of or 'the turns'}")
        if progress.flagged:
            text += f" · {progress.flagged} flagged"
        self.label.setText(text)
        self.label.setToolTip(text)
        self.bar.setToolTip(text)

    def show_filter(self, name: str) -> None:
        index = self.filter_box.findData(name)
        if index >= 0 and index != self.filter_box.currentIndex():
            self.filter_box.blockSignals(True)
            self.filter_box.setCurrentIndex(index)
            self.filter_box.blockSignals(False)
