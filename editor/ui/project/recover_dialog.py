"""File ▸ Recover Unsaved Work…: the journals kept aside from earlier sessions, to restore or delete.

Work left behind that was not restored (it could not be, the prompt was closed without a choice,
or a restore was cancelled) is moved aside as ``<name>.journal.unrestored-<time>``
(:meth:`editor.session.recovery.Pending.keep_aside`) and stays until the producer deletes it here.
The list says which document each belongs to, when it was kept and its last change, how many edits
it holds, and whether it can still be restored (its document unchanged since). Nothing is deleted
unless the producer confirms it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from editor.ui.widgets.button_icons import with_style_icon

_WHEN = "%Y-%m-%d %H:%M"


def _document_name(work) -> str:
    from editor.session.recovery import document_name
    return document_name(work.pending) or f"an unknown document ({work.pending.journal_path.name})"


def _when(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime(_WHEN)
    except OSError:
        return "?"


class RecoverDialog(QDialog):
    """Lists :class:`~editor.session.kept_work.KeptWork`; Restore asks the window to restore the chosen one."""

    restore_requested = Signal(object)     # the KeptWork to restore (the dialog closes)

    COLUMNS = ("Document", "Folder", "Edits", "Last change", "Kept since", "Can be restored")
    FOLDER = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Recover Unsaved Work")
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        intro = QLabel("Unsaved work from earlier sessions that was not restored is kept here, unchanged, "
                       "until you restore or delete it.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(self.COLUMNS)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == self.FOLDER
                                        else QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.list, 1)
        # In the list's place when there is nothing (or not yet anything) to list.
        self.empty = QLabel("Looking for kept work…")      # until set_kept()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(self.fontMetrics().height() * 4)
        layout.addWidget(self.empty, 1)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self._loaded = False
        self._compact = False    # made small once it is known there is nothing to list

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.show_button = buttons.addButton("&Show in Folder", QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button = with_style_icon(buttons.addButton("&Delete…", QDialogButtonBox.ButtonRole.DestructiveRole),
                                             QStyle.StandardPixmap.SP_TrashIcon)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText("&Close")
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.show_button.clicked.connect(self._on_show_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self._on_current_changed()

    def set_kept(self, kept: list) -> None:
        """Show the kept work found (reading the journals takes a while: the dialog opens before)."""
        for work in kept:
            self._add(work)
        self._loaded = True
        self.empty.setText("No unsaved work is kept.")
        items = self._items()
        if items:
            self.list.setCurrentItem(items[0])
        self._on_current_changed()

    def set_failed(self, problem: str) -> None:
        """Say why the kept work could not be looked for (the list stays empty)."""
        self._loaded = True
        self.empty.setText(f"Could not look for kept work: {problem}")
        self.empty.setWordWrap(True)
        self._on_current_changed()

    # ------------------------------------------------------------------ reading
    def current(self):
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    # ------------------------------------------------------------------ internals
    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _add(self, work) -> None:
        pending = work.pending
        document = _document_name(work)
        kept_at = work.kept_at.strftime(_WHEN) if work.kept_at else "?"
        # A journal damaged at the start is not read further: how many edits it holds is not known.
        edits = str(pending.edit_count) if pending.base is not None else "?"
        folder = str(Path(work.document or pending.journal_path).parent)
        item = QTreeWidgetItem([document, folder, edits, _when(pending.journal_path), kept_at,
                                "Yes" if pending.recoverable else "No"])
        item.setData(0, Qt.ItemDataRole.UserRole, work)
        item.setToolTip(0, work.document or str(pending.journal_path))
        item.setToolTip(self.FOLDER, folder)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.list.addTopLevelItem(item)

    def _on_current_changed(self, *_) -> None:
        work = self.current()
        has_any = self.list.topLevelItemCount() > 0
        self.list.setVisible(has_any)
        self.empty.setVisible(not has_any)
        for button in (self.restore_button, self.show_button, self.delete_button):
            button.setVisible(has_any or not self._loaded)
        if self._loaded and not has_any and not self._compact:
            self._compact = True
            self.details.hide()
            layout = self.layout()
            assert layout is not None
            layout.activate()
            self.resize(min(self.width(), 520), self.sizeHint().height())
        self.restore_button.setEnabled(work is not None and work.pending.recoverable)
        self.show_button.setEnabled(work is not None)
        self.delete_button.setEnabled(work is not None)
        if work is None:
            self.details.clear()
            return
        pending = work.pending
        where = f"Kept in {pending.journal_path}."
        if pending.recoverable:
            source = pending.source_path
            self.details.setText(f"{where} Restore opens {source} and puts its edits back.")
        else:
            self.details.setText(f"{where} It cannot be restored: {pending.problem}.")

    def _on_restore_clicked(self) -> None:
        work = self.current()
        if work is not None and work.pending.recoverable:
            self.accept()
            self.restore_requested.emit(work)

    def _on_show_clicked(self) -> None:
        work = self.current()
        if work is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(work.pending.journal_path.parent)))

    def _on_delete_clicked(self) -> None:
        work = self.current()
        if work is None:
            return
        pending = work.pending
        document = _document_name(work)
        edits = pending.edit_count
        count = f" ({edits} edit{'' if edits == 1 else 's'})" if pending.base is not None else ""
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete Unsaved Work?",
                          f"Delete the unsaved work on {document}{count}?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(f"{pending.journal_path} is deleted, with the autosaved copy it follows if any. "
                               f"This cannot be undone.")
        delete = with_style_icon(box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole),
                                 QStyle.StandardPixmap.SP_TrashIcon)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def on_finished(_result: int) -> None:
            if box.clickedButton() is delete:
                self._delete(work)

        box.finished.connect(on_finished)
        box.open()

    def _delete(self, work) -> None:
        from editor.session.kept_work import delete_kept
        delete_kept(work)
        for index, item in enumerate(self._items()):
            if item.data(0, Qt.ItemDataRole.UserRole) is work:
                self.list.takeTopLevelItem(index)
                break
        self._on_current_changed()
