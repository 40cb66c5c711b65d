"""ProjectController: Save / Save As, unsaved-changes state, close confirmation, autosave; recovery
through the :class:`~editor.ui.project.recovery_controller.RecoveryController` it owns.

"Unsaved" is the undo stack's clean state (plus a restored session, which
stays unsaved work even with its restored undo steps undone). Saving writes the project file
(``.tep.json``, :mod:`editor.core.project`, atomic with a ``.bak``); a
transcript opened from another format is saved as a project next to it.
Every edit is journaled as it happens and snapshotted a few seconds later
(:class:`~editor.ui.project.autosave.Autosaver` over :mod:`editor.session.journal`); with every
edit undone the document is its file again and the journal goes, so a kill leaves nothing to offer.
Opening a document with a journal left behind, or starting with unsaved work left behind, offers to
restore it (the recovery controller, over :mod:`editor.session.recovery`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.core.errors import TranscriptError
from editor.core.project_file import EXTENSION
from editor.ui.context import WindowContext
from editor.ui.project.autosave import Autosaver
from editor.ui.project.recovery_controller import RecoveryController

# The boxes and the file dialog are imported where they are shown: importing QStyle and QMessageBox
# makes PySide build their enums (~10 ms of CPU), which the window's start would pay for nothing.

_PROJECT_FILTER = f"Transcript Editor project (*{EXTENSION});;All files (*)"


def project_path_for(source: str) -> str:
    """Where a transcript opened from *source* is saved as a project: next to it, same stem."""
    path = Path(source)
    if path.name.lower().endswith(EXTENSION):
        return str(path)
    return str(path.with_name(path.name.split(".")[0] + EXTENSION))


class ProjectController(QObject):
    title_changed = Signal(str, bool)      # document name, modified
    about_to_save = Signal()               # features put what they keep in files.extra now
    saved = Signal(str)                    # project path
    error_occurred = Signal(str, str)      # title, message
    message = Signal(str)
    warning = Signal(str)                  # for the window's warning bar: work kept aside or back in part
    restore_ended = Signal()               # a restore is over (see RecoveryController.restore_ended)

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        model = self._model = ctx.model
        files = self._files = ctx.files
        stack = self._stack = ctx.undo_stack
        self._settings = ctx.settings
        self._window = ctx.window
        self.source_path = ""      # the file the work was opened from
        self.project_path = ""     # where Save writes ("" until saved as a project)
        self._restored = False     # a restored session is unsaved even with a clean stack
        self._answered = False     # the user just answered ask_to_save: the retried action goes ahead
        self._closed_by = ""       # why the window closes with unsaved work, when it knows (closing_by_system)
        # Another program wrote the project since we opened or saved it, and the producer has not
        # said which version to keep: Save asks before replacing theirs.
        self.other_version_on_disk = False
        self.autosave = Autosaver(lambda: self._model.transcript, parent=self,
                                  extra_getter=lambda: files.extra,   # a project's "extra" survives
                                  data_dir=ctx.data_dir)
        self.autosave.failed.connect(self.message)
        model.committed.connect(self.autosave.on_committed)   # every edit, undo and redo is journaled
        model.derived.connect(self.autosave.on_derived)       # derived data is not, but the journal hears of it
        stack.cleanChanged.connect(self._emit_title)
        stack.indexChanged.connect(self._on_stack_index_changed)
        files.transcript_opened.connect(self._on_files_transcript_opened)
        ctx.actions["save"].triggered.connect(self.save)
        ctx.actions["save_as"].triggered.connect(lambda: self.save_as())
        # Work a crash left: offered, restored, and the work kept aside (File ▸ Recover Unsaved Work…).
        self.recovery = RecoveryController(ctx, self, self)
        self.recovery.error_occurred.connect(self.error_occurred)
        self.recovery.message.connect(self.message)
        self.recovery.warning.connect(self.warning)
        self.recovery.restore_ended.connect(self.restore_ended)

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        return self._restored or not self._stack.isClean()

    def document_name(self) -> str:
        path = self.project_path or self.source_path
        return Path(path).name if path else ""

    def _emit_title(self, *_) -> None:
        self.title_changed.emit(self.document_name(), self.is_modified())

    def mark_restored(self) -> None:
        """Work was restored into the document: it is unsaved even when every restored step is undone."""
        self._restored = True
        self._emit_title()

    def _on_files_transcript_opened(self, path: str, format_name: str, warnings: list) -> None:
        self.autosave.discard()    # the previous document was saved or discarded before this
        self.source_path = path
        self.project_path = path if format_name == "project" else ""
        self._restored = False
        self.other_version_on_disk = False
        self.autosave.set_document(path, format_name, saved=format_name == "project")
        self._emit_title()
        if not self.recovery.opening_to_restore:
            QTimer.singleShot(0, lambda: self.recovery.offer_recovery_for(path, format_name == "project"))

    def _on_stack_index_changed(self, _index: int) -> None:
        if self.is_modified():
            self.autosave.schedule()
        elif not self.other_version_on_disk:
            # Every edit undone: the document is its file again, and a journal left by a kill now
            # would offer to restore "1 edit" that changes nothing.
            self.autosave.drop_unchanged()
        self._emit_title()

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        if not self._files.has_transcript():
            return False
        if not self.project_path:
            return self.save_as()
        if self.other_version_on_disk and os.path.exists(self.project_path):
            self._ask_to_replace_other_version()
            return False
        return self.write(self.project_path)

    def save_as(self, path: str | None = None) -> bool:
        """Save to *path* (asked for when None); later saves go there."""
        if not self._files.has_transcript():
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog
            suggested = self.project_path or project_path_for(self.source_path)
            path, _ = QFileDialog.getSaveFileName(self._window, "Save Project", suggested, _PROJECT_FILTER)
            if not path:
                return False
            if not path.lower().endswith(EXTENSION):
                path = path.removesuffix(".json") + EXTENSION
        return self.write(path)

    def write(self, path: str) -> bool:
        path = os.path.abspath(path)
        folder_was_gone = not os.path.isdir(os.path.dirname(path))
        self.about_to_save.emit()
        try:
            self.autosave.save_project(path)
        except TranscriptError as error:
            self.error_occurred.emit("Could not save the project", str(error))
            return False
        self.project_path = path
        self._restored = False
        self.other_version_on_disk = False
        self._settings.add_recent_file(path)
        self._stack.setClean()
        self._emit_title()
        self.saved.emit(path)
        self.message.emit(f"Saved {Path(path).name}" +
                          (f" (its folder {os.path.dirname(path)} was gone and was made again)"
                           if folder_was_gone else ""))
        return True

    # ------------------------------------------------------------------ another program's version
    def note_changed_on_disk(self, path: str, exists: bool) -> None:
        """The open document's file changed or went behind our back (the watcher saw it).

        The journal takes a copy of the window's version at once, so a kill before the producer
        answers loses nothing; and Save will ask before replacing the other program's version.
        """
        if os.path.abspath(path) != os.path.abspath(self.project_path or self.source_path):
            return
        self.autosave.keep_recoverable()
        if exists and self.project_path:
            self.other_version_on_disk = True

    def _ask_to_replace_other_version(self) -> None:
        from PySide6.QtWidgets import QMessageBox, QStyle

        from editor.ui.widgets.button_icons import with_style_icon
        name = Path(self.project_path).name
        box = QMessageBox(QMessageBox.Icon.Warning, "Replace the other version?",
                          f"{name} was changed on disk by another program since you opened it.",
                          QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText("Replace replaces it with your version (theirs is kept as "
                               f"{name}.bak); Save As writes yours to a new file and leaves theirs alone.")
        # Both write the producer's version (over theirs, or to a new file): the Save icon, as the
        # Export dialog's Replace has it, beside the style's Cancel icon.
        replace = with_style_icon(box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole),
                                  QStyle.StandardPixmap.SP_DialogSaveButton)
        save_as = with_style_icon(box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole),
                                  QStyle.StandardPixmap.SP_DialogSaveButton)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def on_finished(_result: int) -> None:
            if box.clickedButton() is replace:
                self.write(self.project_path)
            elif box.clickedButton() is save_as:
                self.save_as()

        box.finished.connect(on_finished)
        box.open()

    # ------------------------------------------------------------------ closing
    def ask_to_save(self, action: str, then: Callable[[], object]) -> bool:
        """Before *action* ("closing", ...): True when nothing is unsaved (go ahead now).

        Otherwise a window-modal box asks Save / Discard / Cancel and *then* runs
        after a successful save or a discard; the caller stops for now (False).
        The box does not block (``open``, not ``exec``): no nested event loop runs
        under the caller, which returns at once.
        """
        if self._answered:
            self._answered = False   # the caller is coming back after the user answered
            return True
        if not self._files.has_transcript() or not self.is_modified():
            return True
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved changes",
                          f"Save the changes to {self.document_name()} before {action}?",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self._window)
        lost = "Corrections and approvals since the last save are lost if you don't save them."
        if not self.project_path and self.source_path:
            # Not a project yet: Save asks where to make one (beside the transcript, it proposes);
            # the recognizer's file stays.
            lost = (f"Save keeps them in a project (it proposes {Path(project_path_for(self.source_path)).name}); "
                    f"{Path(self.source_path).name} itself is not changed. {lost}")
        box.setInformativeText(lost)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def on_finished(_result: int) -> None:
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
        box.open()
        return False

    def keep_unsaved(self) -> None:
        """The file on disk is no longer what the window shows (another program wrote it and the
        producer kept their version): the document is unsaved, and its recovery base is a snapshot
        of the window's version."""
        self._restored = True      # unsaved without undo steps, as a restored session is
        self.other_version_on_disk = False   # the producer chose: Save writes theirs over it
        self.autosave.protect()
        self._emit_title()

    def discard_changes(self) -> None:
        """Treat the open work as not needing a save (the user dropped it; scripts and tests closing)."""
        self._restored = False
        self._stack.setClean()
        self.discard_recovery()

    def discard_recovery(self) -> None:
        """The user chose to drop the unsaved work: no recovery journal should survive it."""
        self.autosave.discard()

    def closing_by_system(self) -> None:
        """The window is about to close without asking because the system ends it (SIGTERM: a logout,
        a shutdown): unsaved work is kept, and its journal says so, for the restore prompt to tell."""
        from editor.session.journal_lines import CLOSED_BY_SYSTEM
        self._closed_by = CLOSED_BY_SYSTEM

    def shutdown(self) -> None:
        """The window closes (after Save or Discard when there was unsaved work)."""
        self.recovery.shutdown()
        self.autosave.wait()     # a snapshot being written, even of a journal discarded: finished, not cut off
        if self.is_modified():
            self.autosave.close(self._closed_by)    # kept: offered at the next start
        else:
            self.autosave.discard()
