"""Edit the show glossary: a table of correct forms, known wrong forms and notes; CSV import/export.

Edits happen on a copy; Save writes them back into the :class:`~editor.core.glossary.Glossary`
and saves it to its file (the user data folder). Wrong forms are typed separated by ";".

The "Show" field at the top picks which show's glossary the episode uses (by default the
transcript's folder name): choosing another loads that show's glossary into the table (a new
name starts an empty one); Save keeps every glossary edited here and leaves the chosen one in
:attr:`GlossaryDialog.glossary` for the window to switch to.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, GlossaryEntry, known_shows

COLUMNS = ("Correct form", "Known wrong forms (; between)", "Note")


class GlossaryDialog(QDialog):
    """The glossary of one show as an editable table."""

    def __init__(self, glossary: Glossary, parent=None, data_dir=None, folder_show: str = ""):
        """*data_dir*: where show glossaries are kept (None: the user data folder); *folder_show*:
        the show guessed from the transcript's folder name, when that is where the show came from."""
        super().__init__(parent)
        self.glossary = glossary
        self._data_dir = data_dir
        self._folder_show = folder_show
        # Shows looked at in this dialog: casefolded name -> (glossary, the table's entries).
        self._drafts: dict[str, tuple[Glossary, list[GlossaryEntry]]] = {}
        self._forget_ignored: set[int] = set()   # id() of glossaries whose ignored list Save clears
        self._build()
        self.load_entries(glossary.entries)
        self._show_title()

    def _build(self) -> None:
        self.show_box = QComboBox(editable=True)
        self.show_box.setAccessibleName("Show")
        self.show_box.setToolTip("The show this episode belongs to: its glossary is used for names, "
                                 "suggestions and spelling. Pick another or type a new name.")
        self.show_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.show_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        shows = known_shows(self._data_dir)
        if self.glossary.show and self.glossary.show.casefold() not in {s.casefold() for s in shows}:
            shows.append(self.glossary.show)
        self.show_box.addItems(sorted(shows, key=str.casefold))
        self.show_box.setCurrentText(self.glossary.show)
        self.show_box.activated.connect(lambda _index: self.set_show(self.show_box.currentText()))
        self.show_box.lineEdit().editingFinished.connect(lambda: self.set_show(self.show_box.currentText()))
        show_row = QHBoxLayout()
        show_label = QLabel("&Show:")
        show_label.setBuddy(self.show_box)
        show_row.addWidget(show_label)
        show_row.addWidget(self.show_box, 1)
        # Which glossary this episode uses, said in words (it was once silently the folder's name).
        self.show_hint = QLabel()
        self.show_hint.setWordWrap(True)
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
        self.forget_ignored_button = QPushButton()
        self.forget_ignored_button.setToolTip("Offer the suggestions ignored in this show's episodes again")
        self.forget_ignored_button.clicked.connect(self.forget_ignored)
        self.add_button.clicked.connect(self.add_row)
        self.table.itemChanged.connect(lambda _item: self._show_count())
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)
        tools = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            tools.addWidget(button)
        tools.addStretch(1)
        for button in (self.forget_ignored_button, self.import_button, self.export_button):
            tools.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(show_row)
        layout.addWidget(self.show_hint)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 440)

    # ------------------------------------------------------------------ table <-> entries
    def load_entries(self, entries) -> None:
        self.table.blockSignals(True)   # one count at the end, not one per cell
        self.table.setRowCount(0)
        for entry in entries:
            self._append(entry.correct, "; ".join(entry.wrong_forms), entry.note)
        self.table.blockSignals(False)
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

    # ------------------------------------------------------------------ the show
    def set_show(self, show: str) -> bool:
        """Show the glossary of *show* in the table (this dialog's unsaved edits of each show are kept)."""
        show = show.strip()
        if not show or show.casefold() == (self.glossary.show or "").casefold():
            if not show:
                self.show_box.setCurrentText(self.glossary.show)
            return True
        draft = self._drafts.get(show.casefold())
        if draft is None:
            try:
                loaded = Glossary.for_show(show, self._data_dir)
            except TranscriptError as error:
                self.status.setText(str(error))
                self.show_box.setCurrentText(self.glossary.show)
                return False
            draft = (loaded, loaded.entries)
        self._drafts[(self.glossary.show or "").casefold()] = (self.glossary, self.entries())
        self.glossary = draft[0]
        self.filter_edit.clear()
        self.load_entries(draft[1])
        self.show_box.setCurrentText(self.glossary.show)
        self._show_title()
        count = self._entry_count()
        self.status.setText(f"Glossary of {self.glossary.show}: {count} entr{'ies' if count != 1 else 'y'}"
                            + ("" if count else " (new)"))
        return True

    def _show_title(self) -> None:
        self.setWindowTitle(f"Glossary – {self.glossary.show}" if self.glossary.show else "Show Glossary")
        show = self.glossary.show or ""
        if show and show.casefold() == self._folder_show.casefold():
            hint = (f"This episode uses the glossary of “{show}”, the name of its folder. "
                    "If it belongs to another show, choose or type that show above.")
        elif show:
            hint = f"This episode uses the glossary of the show “{show}”."
        else:
            hint = "Choose the show this episode belongs to: its glossary is used for names and spelling."
        self.show_hint.setText(hint)
        ignored = 0 if id(self.glossary) in self._forget_ignored else len(self.glossary.ignored)
        self.forget_ignored_button.setText(f"Offer {ignored} &ignored suggestion{'s' if ignored != 1 else ''} again")
        self.forget_ignored_button.setVisible(bool(ignored))

    def forget_ignored(self) -> None:
        """On Save, the suggestions ignored for this show are offered again."""
        self._forget_ignored.add(id(self.glossary))
        self._show_title()
        self.status.setText("Ignored suggestions will be offered again after Save.")

    # ------------------------------------------------------------------ closing
    def accept(self) -> None:
        """Write the table into the chosen show's glossary and save every glossary edited here;
        stay open if saving fails."""
        if not self.set_show(self.show_box.currentText()):
            return
        self._drafts[(self.glossary.show or "").casefold()] = (self.glossary, self.entries())
        for glossary, entries in self._drafts.values():
            glossary.entries = entries
            if id(glossary) in self._forget_ignored:
                glossary.ignored.clear()
            if glossary.path is not None:
                try:
                    glossary.save()
                except TranscriptError as error:
                    self.status.setText(str(error))
                    return
        super().accept()

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.table.rowCount()):
            cells = " ".join(self._cell(row, c) for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(needle) and needle not in cells)

    def _entry_count(self) -> int:
        """Rows with a correct form (what Save keeps), counted as the table is edited."""
        return sum(1 for row in range(self.table.rowCount()) if self._cell(row, 0))

    def _show_count(self) -> None:
        count = self._entry_count()
        self.status.setText(f"{count} glossary entr{'ies' if count != 1 else 'y'}")
