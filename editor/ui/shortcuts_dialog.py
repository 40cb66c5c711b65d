"""Help ▸ Keyboard Shortcuts: every action with the keys in effect, grouped by menu."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from editor.ui.actions import Actions


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Actions, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("These keys work while you type in the transcript. "
                                "Change them in File ▸ Settings."))
        names = [n for n in actions.names() if actions.shortcut_text(n)]
        table = QTableWidget(len(names), 3)
        table.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, name in enumerate(names):
            spec = actions.specs[name]
            text = (spec.tip or spec.text).replace("&", "").replace("…", "")
            for column, value in enumerate((spec.menu, text, actions.shortcut_text(name))):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
