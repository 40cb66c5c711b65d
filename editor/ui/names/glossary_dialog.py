"""Edit the show glossary: a table of correct forms, known wrong forms and notes; CSV import/export.

Edits happen on a copy; Save writes them back into the :class:`~editor.core.glossary.Glossary`
and saves it to its file (the user data folder). Wrong forms are typed separated by ";".

The "Show" field at the top picks which show's glossary the episode uses (by default the show the
podcast page names, else the transcript's folder name; the hint below it says which): choosing
another loads that show's glossary into the table (a new name starts an empty one); Save keeps
every glossary edited here and leaves the chosen one in :attr:`GlossaryDialog.glossary` for the
window to switch to.

"From the show notes" lists names found in the page text around the transcript and the
speakers' names that the glossary lacks: one click adds a name to the table. "Shared file"
chooses a CSV file the team shares for the show (kept in :attr:`Glossary.shared_file`; the
window merges with it on save and re-reads it when it changes).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, GlossaryEntry
from editor.core.glossary_places import known_shows
from editor.core.show_guess import ShowGuess

COLUMNS = ("Correct form", "Known wrong forms (; between)", "Note")
_KINDS = {"name": "a name", "brand": "a brand or title", "acronym": "an acronym", "web": "a web address",
          "speaker": "a speaker"}


class GlossaryDialog(QDialog):
    """The glossary of one show as an editable table."""

    def __init__(self, glossary: Glossary, parent=None, data_dir=None, guessed_show: ShowGuess | None = None,
                 candidates=()):
        """*data_dir*: where show glossaries are kept (None: the user data folder); *guessed_show*:
        the show guessed for the episode (from its podcast page or folder) and where from, said
        while that show is the one in use; *candidates*: :class:`~editor.core.show_notes.NameCandidate`
        names offered "from the show notes"."""
        super().__init__(parent)
        self.glossary = glossary
        self._data_dir = data_dir
        self._guess = guessed_show if guessed_show is not None else ShowGuess("", "")
        self._candidates = list(candidates)
        self.shared_file = glossary.shared_file
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
        show_edit = self.show_box.lineEdit()
        assert show_edit is not None   # the box is editable
        show_edit.editingFinished.connect(lambda: self.set_show(self.show_box.currentText()))
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
        self.candidate_list = QListWidget()
        self.candidate_list.setAccessibleName("Names from the show notes")
        self.candidate_list.setToolTip("Click a name to add it to the glossary")
        self.candidate_list.setFlow(QListWidget.Flow.LeftToRight)
        self.candidate_list.setWrapping(True)
        self.candidate_list.setSpacing(2)
        self.candidate_list.setMaximumHeight(84)
        self.candidate_list.itemClicked.connect(self._on_candidate_clicked)
        # By keyboard: Enter or Space on a name adds it (and Enter must not also press Save).
        self.candidate_list.installEventFilter(self)
        self.candidate_label = QLabel("From the show &notes (click, or Enter, to add):")
        self.candidate_label.setBuddy(self.candidate_list)
        self.shared_label = QLabel()
        self.shared_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shared_button = QPushButton("S&hared file…")
        self.shared_button.setToolTip("Keep this show's glossary in a CSV file the team shares "
                                      "(merged with others' additions on save, re-read when it changes)")
        self.shared_button.clicked.connect(self._on_shared_clicked)
        self.unshare_button = QPushButton("Stop sharing")
        self.unshare_button.clicked.connect(lambda: self.set_shared_file(""))
        shared_row = QHBoxLayout()
        shared_row.addWidget(self.shared_label, 1)
        shared_row.addWidget(self.shared_button)
        shared_row.addWidget(self.unshare_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(show_row)
        layout.addWidget(self.show_hint)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.candidate_label)
        layout.addWidget(self.candidate_list)
        layout.addLayout(shared_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self._show_shared()

    # ------------------------------------------------------------------ names from the show notes
    def _fill_candidates(self) -> None:
        """The candidates the table lacks, as one-click chips."""
        have = {e.correct.casefold() for e in self.entries()}
        self.candidate_list.clear()
        for candidate in self._candidates:
            if candidate.text.casefold() in have:
                continue
            item = QListWidgetItem(f"+ {candidate.text}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.text)
            item.setToolTip(f"{candidate.text}: {_KINDS.get(candidate.kind, candidate.kind)}; click to add")
            self.candidate_list.addItem(item)
        visible = self.candidate_list.count() > 0
        self.candidate_list.setVisible(visible)
        self.candidate_label.setVisible(visible)

    def add_candidate(self, name: str) -> None:
        """Add *name* to the table (noted as from the show notes) and drop it from the candidates."""
        self._append(name, "", "from the show notes")
        self._fill_candidates()
        self._show_count()
        self.status.setText(f"Added {name}.")

    def _on_candidate_clicked(self, item: QListWidgetItem) -> None:
        self.add_candidate(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.candidate_list and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            row = self.candidate_list.currentRow()
            if row >= 0:
                self._on_candidate_clicked(self.candidate_list.item(row))
                # The next name is in hand, so Enter again adds it.
                self.candidate_list.setCurrentRow(min(row, self.candidate_list.count() - 1))
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ the shared file
    def set_shared_file(self, path: str) -> None:
        """Keep the show's glossary in *path* ("" : only on this computer) once saved."""
        self.shared_file = path
        self._show_shared()

    def _show_shared(self) -> None:
        if self.shared_file:
            self.shared_label.setText(f"Shared file: {self.shared_file}")
        else:
            self.shared_label.setText("Shared file: none (kept on this computer only)")
        self.unshare_button.setVisible(bool(self.shared_file))

    def _on_shared_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Shared Glossary File", self.shared_file or "glossary.csv",
                                              "CSV (*.csv)", options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.set_shared_file(path)

    # ------------------------------------------------------------------ table <-> entries
    def load_entries(self, entries) -> None:
        self.table.blockSignals(True)   # one count at the end, not one per cell
        self.table.setRowCount(0)
        for entry in entries:
            self._append(entry.correct, "; ".join(entry.wrong_forms), entry.note)
        self.table.blockSignals(False)
        self._show_count()
        self._fill_candidates()

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
        item = self.table.item(row, 0)
        if item is not None:
            self.table.editItem(item)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._show_count()
        self._fill_candidates()

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
        self.glossary.shared_file = self.shared_file
        self.glossary = draft[0]
        self.shared_file = self.glossary.shared_file
        self._show_shared()
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
        guessed = bool(show) and show.casefold() == self._guess.name.casefold()
        if guessed and self._guess.where == "its folder":
            hint = (f"This episode uses the glossary of “{show}”, the name of its folder. "
                    "If it belongs to another show, choose or type that show above.")
        elif guessed and self._guess.where:
            hint = (f"This episode uses the glossary of “{show}”, the show named in {self._guess.where}. "
                    "If it belongs to another show, choose or type that show above.")
        elif guessed:
            hint = (f"Nothing names this episode's show (its folder is not a show's), so it uses the glossary "
                    f"“{show}”: type the show's name above.")
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
        self.glossary.shared_file = self.shared_file
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
