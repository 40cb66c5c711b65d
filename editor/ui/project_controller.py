"""ProjectController: Save / Save As, unsaved-changes state, close confirmation, autosave and recovery.

"Unsaved" is the undo stack's clean state (plus a restored session, which
is unsaved work without undo steps). Saving writes the project file
(``.tep.json``, :mod:`editor.core.project`, atomic with a ``.bak``); a
transcript opened from another format is saved as a project next to it.
Every change schedules an :class:`~editor.ui.autosave.Autosaver` write; at
start-up :meth:`offer_recovery` offers what a crash or kill left behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.core.errors import TranscriptError
from editor.settings import Key, Settings
from editor.ui.autosave import EXTENSION, Autosaver, Recovery, discard, pending_recoveries
from editor.ui.file_controller import FileController
from editor.ui.transcript_model import TranscriptModel

_PROJECT_FILTER = "Transcript Editor project (*.tep.json);;All files (*)"


def project_path_for(source: str) -> str:
    """Where a transcript opened from *source* is saved as a project: next to it, same stem."""
    path = Path(source)
    if path.name.lower().endswith(EXTENSION):
        return str(path)
    return str(path.with_name(path.name.split(".")[0] + EXTENSION))


class ProjectController(QObject):
    title_changed = Signal(str, bool)      # document name, modified
    saved = Signal(str)                    # project path
    error_occurred = Signal(str, str)      # title, message
    message = Signal(str)

    def __init__(self, model: TranscriptModel, files: FileController, stack: QUndoStack,
                 settings: Settings, window: QWidget, parent=None):
        super().__init__(parent)
        self._model = model
        self._files = files
        self._stack = stack
        self._settings = settings
        self._window = window
        self.source_path = ""      # the file the work was opened from
        self.project_path = ""     # where Save writes ("" until saved as a project)
        self._restored = False     # a restored session is unsaved even with a clean stack
        self._restoring: Recovery | None = None
        self.close_box: QMessageBox | None = None
        self._answered = False     # the user just answered ask_to_save: the retried action goes ahead
        self.recovery_box: QMessageBox | None = None
        self.autosave = Autosaver(lambda: self._model.transcript, parent=self)
        self.autosave.failed.connect(self.message)
        stack.cleanChanged.connect(self._emit_title)
        stack.indexChanged.connect(self._on_stack_index_changed)
        files.transcript_opened.connect(self._on_files_transcript_opened)

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        return self._restored or not self._stack.isClean()

    def document_name(self) -> str:
        path = self.project_path or self.source_path
        return Path(path).name if path else ""

    def _emit_title(self, *_) -> None:
        self.title_changed.emit(self.document_name(), self.is_modified())

    def _on_files_transcript_opened(self, path: str, format_name: str, warnings: list) -> None:
        recovery, self._restoring = self._restoring, None
        if recovery is not None:
            self.source_path = recovery.source
            self.project_path = recovery.project_path
            self._restored = True
        else:
            self.source_path = path
            self.project_path = path if format_name == "project" else ""
            self._restored = False
        self.autosave.set_document(self.source_path, self.project_path)
        self._emit_title()

    def _on_stack_index_changed(self, _index: int) -> None:
        if self.is_modified():
            self.autosave.schedule()
        else:
            self.autosave.clear()   # undone back to the saved state: nothing to recover
        self._emit_title()

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        if not self._files.has_transcript():
            return False
        if not self.project_path:
            return self.save_as()
        return self.write(self.project_path)

    def save_as(self, path: str | None = None) -> bool:
        """Save to *path* (asked for when None); later saves go there."""
        if not self._files.has_transcript():
            return False
        if path is None:
            suggested = self.project_path or project_path_for(self.source_path)
            path, _ = QFileDialog.getSaveFileName(self._window, "Save Project", suggested, _PROJECT_FILTER)
            if not path:
                return False
            if not path.lower().endswith(EXTENSION):
                path = path.removesuffix(".json") + EXTENSION
        return self.write(path)

    def write(self, path: str) -> bool:
        from editor.core import project
        path = os.path.abspath(path)
        try:
            project.save(self._model.transcript, path)
        except TranscriptError as error:
            self.error_occurred.emit("Could not save the project", str(error))
            return False
        self.project_path = path
        self._restored = False
        self.autosave.set_project_path(path)
        self.autosave.clear()
        self._settings.add_recent_file(path)
        self._stack.setClean()
        self._emit_title()
        self.saved.emit(path)
        self.message.emit(f"Saved {Path(path).name}")
        return True

    # ------------------------------------------------------------------ closing
    def ask_to_save(self, action: str, then: Callable[[], None]) -> bool:
        """Before *action* ("closing", ...): True when nothing is unsaved (go ahead now).

        Otherwise a window-modal box asks Save / Discard / Cancel and *then* runs
        after a successful save or a discard; the caller stops for now (False).
        The box does not block (``open``, not ``exec``), so scripts and tests
        driving the window keep running.
        """
        if self._answered:
            self._answered = False   # the caller is coming back after the user answered
            return True
        if not self._files.has_transcript() or not self.is_modified():
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to {self.document_name()} before {action}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self._window)
        box.setInformativeText("Corrections and approvals since the last save are lost if you don't save them.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def on_finished(_result: int) -> None:
            self.close_box = None
            answer = box.standardButton(box.clickedButton()) if box.clickedButton() else None
            if answer == QMessageBox.StandardButton.Save and self.save():
                self._answered = True
                then()
            elif answer == QMessageBox.StandardButton.Discard:
                self.discard_recovery()
                self._answered = True
                then()
            self._answered = False

        box.finished.connect(on_finished)
        self.close_box = box
        box.open()
        return False

    def discard_changes(self) -> None:
        """Treat the open work as not needing a save (the user dropped it; scripts and tests closing)."""
        self._restored = False
        self._stack.setClean()
        self.discard_recovery()

    def discard_recovery(self) -> None:
        """The user chose to drop the unsaved work: no recovery copy should survive it."""
        self.autosave.clear()
        self.autosave.wait()

    def shutdown(self) -> None:
        self.autosave.shutdown()

    # ------------------------------------------------------------------ recovery
    def offer_recovery(self) -> Recovery | None:
        """At start-up: offer the newest recovery copy a crash left (non-blocking box)."""
        found = pending_recoveries()
        if not found:
            return None
        recovery = found[0]
        when = recovery.saved_at.replace("T", " ").replace("+00:00", " UTC")
        box = QMessageBox(QMessageBox.Icon.Question, "Restore unsaved work?",
                          f"Transcript Editor did not close normally. Unsaved work on "
                          f"{Path(recovery.source).name} ({recovery.turns} turns, autosaved {when}) "
                          "can be restored.", QMessageBox.StandardButton.NoButton, self._window)
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setInformativeText("Discard deletes the recovery copy; Not Now keeps it for the next start.")

        def on_finished(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is restore:
                self.restore(recovery)
            elif clicked is not later and clicked is not None:
                discard(recovery.path)

        box.finished.connect(on_finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        self.recovery_box = box
        return recovery

    def restore(self, recovery: Recovery) -> bool:
        """Open the recovery copy as unsaved work belonging to its original file."""
        recent = self._settings.get(Key.RECENT_FILES)
        self._restoring = recovery
        opened = self._files.open_transcript(str(recovery.path))
        self._restoring = None
        self._settings.set(Key.RECENT_FILES, recent)   # the recovery file is no document to reopen
        self._files.recent_changed.emit()
        if opened:
            self.message.emit(f"Restored unsaved work on {Path(recovery.source).name}")
        return opened
