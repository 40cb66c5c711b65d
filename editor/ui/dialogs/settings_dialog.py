"""File ▸ Settings: playback habits, reviewer name, player backend and keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.settings import Key, Settings
from editor.ui.actions import Actions
from editor.ui.widgets.seconds_box import SecondsBox


class SettingsDialog(QDialog):
    """Edits settings in place; ``accept()`` writes them and the shortcut overrides."""

    def __init__(self, settings: Settings, actions: Actions, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.resize(560, 520)
        self._settings = settings
        self._actions = actions
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), "General")
        tabs.addTab(self._shortcuts_tab(), "Keyboard Shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        s = self._settings
        # Both lengths in seconds, as a producer thinks of them; the settings keep milliseconds.
        self.skip = SecondsBox(1000, 60_000, 1000, s.get(Key.SKIP_MS))
        self.rewind = SecondsBox(0, 5000, 250, s.get(Key.AUTO_REWIND_MS))
        self.pause_typing = QCheckBox("Pause playback while I type, resume when I stop")
        self.pause_typing.setChecked(s.get(Key.PAUSE_WHILE_TYPING))
        self.reviewer = QLineEdit(s.get(Key.REVIEWER_NAME))
        self.reviewer.setPlaceholderText("Recorded with each approval; the author of DOCX exports")
        self.backend = QComboBox()
        self.backend.addItem("VLC (recommended)", "vlc")
        self.backend.addItem("Qt Multimedia", "qt")
        self.backend.setCurrentIndex(max(0, self.backend.findData(s.get(Key.PLAYER_BACKEND))))
        form.addRow("Skip back/forward by:", self.skip)
        form.addRow("Rewind when resuming:", self.rewind)
        form.addRow("", self.pause_typing)
        form.addRow("Reviewer name:", self.reviewer)
        form.addRow("Audio player:", self.backend)
        form.addRow("", QLabel("The player choice applies the next time the app starts."))
        return page

    def _shortcuts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Click a key field and press the new keys (up to two per action)."))
        names = self._actions.names()
        table = QTableWidget(len(names), 3)
        table.setHorizontalHeaderLabels(["Action", "Key", "Alternative"])
        table.verticalHeader().hide()
        self._key_edits: dict[str, tuple[QKeySequenceEdit, QKeySequenceEdit]] = {}
        for row, name in enumerate(names):
            spec = self._actions.specs[name]
            table.setItem(row, 0, QTableWidgetItem(spec.text.replace("&", "").replace("…", "")))
            current = self._actions[name].shortcuts()
            edits = []
            for column in (1, 2):
                edit = QKeySequenceEdit()
                edit.setMaximumSequenceLength(1)
                edit.setClearButtonEnabled(True)
                if len(current) >= column:
                    edit.setKeySequence(current[column - 1])
                table.setCellWidget(row, column, edit)
                edits.append(edit)
            self._key_edits[name] = (edits[0], edits[1])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(table)
        return page

    def _restore_defaults(self) -> None:
        for name, (first, second) in self._key_edits.items():
            defaults = self._actions.specs[name].shortcuts
            first.setKeySequence(QKeySequence(defaults[0]) if defaults else QKeySequence())
            second.setKeySequence(QKeySequence(defaults[1]) if len(defaults) > 1 else QKeySequence())

    def overrides(self) -> dict[str, str]:
        """Only the actions whose keys differ from their defaults."""
        result = {}
        for name, edits in self._key_edits.items():
            keys = [e.keySequence().toString() for e in edits if not e.keySequence().isEmpty()]
            defaults = [QKeySequence(k).toString() for k in self._actions.specs[name].shortcuts]
            if keys != defaults:
                result[name] = "; ".join(keys)
        return result

    def accept(self) -> None:
        s = self._settings
        s.set(Key.SKIP_MS, self.skip.milliseconds())
        s.set(Key.AUTO_REWIND_MS, self.rewind.milliseconds())
        s.set(Key.PAUSE_WHILE_TYPING, self.pause_typing.isChecked())
        s.set(Key.REVIEWER_NAME, self.reviewer.text().strip())
        s.set(Key.PLAYER_BACKEND, self.backend.currentData())
        s.set_shortcut_overrides(self.overrides())
        super().accept()
