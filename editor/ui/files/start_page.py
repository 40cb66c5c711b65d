"""The page shown when the app starts without a file: open, open sample, recent files."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class StartPage(QWidget):
    """Buttons and the recent-files list; emits what the user picked."""

    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("StartPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 50, 60, 40)
        title = QLabel("Transcript Editor")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel("Open a transcript from your recognizer (Otter, Rev, Descript, Whisper, SRT, WebVTT…), "
                          "a saved project, or drop a file here. Audio with the same name next to it opens too.")
        subtitle.setWordWrap(True)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open…")
        self.open_button.setDefault(True)
        self.sample_button = QPushButton("Open sample episode")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        recent_label = QLabel("Recent files")
        recent_label.setStyleSheet("font-weight: bold; margin-top: 18px;")
        self._recent = QListWidget()
        self._recent.setAccessibleName("Recent files")
        self._empty = QLabel("No recent files yet.")
        self._empty.setStyleSheet("color: #777;")
        outer.addWidget(title)
        outer.addWidget(subtitle)
        outer.addSpacing(12)
        outer.addLayout(buttons)
        outer.addWidget(recent_label)
        outer.addWidget(self._empty)
        outer.addWidget(self._recent, 1)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self._recent.itemActivated.connect(self._on_recent_activated)

    def set_recent_files(self, paths: list[str]) -> None:
        self._recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{os.path.basename(path)}    —    {os.path.dirname(path)}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            if not os.path.exists(path):
                item.setForeground(self._recent.palette().brush(QPalette.ColorGroup.Disabled,
                                                                QPalette.ColorRole.Text))
            self._recent.addItem(item)
        self._recent.setVisible(bool(paths))
        self._empty.setVisible(not paths)

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))
