"""Edit the show glossary: a table of correct forms, known wrong forms and notes; CSV import/export.

Edits happen on a copy; OK writes them back into the :class:`~editor.core.glossary.Glossary`
and saves it to its file (the user data folder). Wrong forms are typed separated by ";".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, GlossaryEntry

COLUMNS = ("Correct form", "Known wrong forms (; between)", "Note")


class GlossaryDialog(QDialog):
    """The glossary of one show as an editable table."""

    def __init__(self, glossary: Glossary, parent=None):
        super().__init__(parent)
        self.glossary = glossary
        title = f"Glossary – {glossary.show}" if glossary.show else "Show Glossary"
        self.setWindowTitle(title)
        self._build()
        self.load_entries(glossary.entries)

    def _build(self) -> None:
        self.filter_edit = QLineEdit(placeholderText="Filter", clearButtonEnabled=True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(2, 160)
        self.add_button = QPushButton("&Add")
        self.remove_button = QPushButton("&Remove")
        self.import_button = QPushButton("&Import CSV…")
        self.export_button = QPushButton("&Export CSV…")
        self.status = QLabel("")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        tools = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            tools.addWidget(button)
        tools.addStretch(1)
        for button in (self.import_button, self.export_button):
            tools.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 440)

    # ------------------------------------------------------------------ table <-> entries
    def load_entries(self, entries) -> None:
        self.table.setRowCount(0)
        for entry in entries:
            self._append(entry.correct, "; ".join(entry.wrong_forms), entry.note)
        self._show_count()

    def _append(self, correct: str, wrong: str, note: str) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((correct, wrong, note)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    def entries(self) -> list[GlossaryEntry]:
        """The table as entries (rows without a correct form are dropped; duplicates merge)."""
        merged = Glossary()
        for row in range(self.table.rowCount()):
            correct, wrong, note = (self._cell(row, c) for c in range(3))
            if correct:
                merged.add(correct, [w for w in wrong.split(";") if w.strip()], note)
        return merged.entries

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def add_row(self) -> None:
        row = self._append("", "", "")
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._show_count()

    # ------------------------------------------------------------------ CSV
    def import_csv(self, path: str) -> int:
        merged = Glossary(self.entries())
        try:
            count = merged.import_csv(path)
        except TranscriptError as error:
            self.status.setText(str(error))
            return 0
        self.load_entries(merged.entries)
        self.status.setText(f"Imported {count} row{'s' if count != 1 else ''}.")
        return count

    def export_csv(self, path: str) -> None:
        try:
            Glossary(self.entries()).export_csv(path)
        except TranscriptError as error:
            self.status.setText(str(error))
            return
        self.status.setText(f"Exported to {path}.")

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import Glossary", "", "CSV (*.csv);;All files (*)")
        if path:
            self.import_csv(path)

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export Glossary", "glossary.csv", "CSV (*.csv)")
        if path:
            self.export_csv(path)

    # ------------------------------------------------------------------ closing
    def accept(self) -> None:
        """Write the table into the glossary and save it; stay open if saving fails."""
        self.glossary.entries = self.entries()
        if self.glossary.path is not None:
            try:
                self.glossary.save()
            except TranscriptError as error:
                self.status.setText(str(error))
                return
        super().accept()

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self._cell(row, c) for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)

    def _show_count(self) -> None:
        count = self.table.rowCount()
        self.status.setText(f"{count} entr{'ies' if count != 1 else 'y'}")
