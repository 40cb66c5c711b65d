"""RecoveryController: the work a crash left behind, offered and restored.

When a document opens, or at start-up with nothing open, a journal left behind
(:mod:`editor.session.recovery`) is offered in a restore prompt (Restore / Discard, Not Now at
start-up); work that cannot be restored is moved aside, where the next edit's journal cannot replace
it. Restoring opens its document and replays the journal (:class:`~editor.ui.project.restore_job.RestoreJob`,
on a worker with progress and Cancel when long), then the project's autosaver goes on writing it.
File ▸ Recover Unsaved Work… lists the journals kept aside (:class:`~editor.ui.project.recover_dialog.RecoverDialog`).

The :class:`~editor.ui.project.project_controller.ProjectController` owns it (as ``project.recovery``)
and gives it what it needs of the open work: the autosaver, Save/Discard before restoring other
work, and the unsaved state a restore leaves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QTimer, Signal

from editor.core.errors import TranscriptError
from editor.core.files import read_head
from editor.core.project_file import HEAD_CHARS, looks_like_project
from editor.ui.context import WindowContext
from editor.ui.project.on_worker import OnWorker

READING_SHOWN_AFTER_MS = 1000    # a journal still being read by then shows its progress, with Cancel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

    from editor.ui.project.project_controller import ProjectController
    from editor.ui.project.recover_dialog import RecoverDialog
    from editor.ui.project.restore_job import RestoreJob


class RecoveryController(QObject):
    error_occurred = Signal(str, str)      # title, message
    message = Signal(str)
    warning = Signal(str)                  # work kept aside or back in part
    # A restore is over (done, failed or cancelled): the document shown was reset, and what features
    # had worked out for the document as opened (word times, the words ready) went with it.
    restore_ended = Signal()

    def __init__(self, ctx: WindowContext, project: ProjectController, parent=None):
        super().__init__(parent)
        self._project = project
        self._model = ctx.model
        self._view = ctx.view
        self._files = ctx.files
        self._stack = ctx.undo_stack
        self._settings = ctx.settings
        self._window = ctx.window
        self._data_dir = ctx.data_dir   # where unsaved work's journals are
        self.opening_to_restore = False    # opening a document in order to restore work into it
        self.reading: OnWorker | None = None   # the open document's journal being read for its prompt
        self._give_input_back: Callable[[], None] = lambda: None   # ...and the window's input, held meanwhile
        self.reading_dialog: QProgressDialog | None = None   # that reading's progress, once it takes a while
        self.restoring: RestoreJob | None = None   # a long restore under way
        self.recover_dialog: RecoverDialog | None = None     # File ▸ Recover Unsaved Work… while open
        ctx.actions["recover_unsaved"].triggered.connect(self.show_kept)

    def shutdown(self) -> None:
        """The window closes: a restore under way stops, and a journal still being read for its prompt
        is no longer waited for; either journal stays untouched where it is (offered next time)."""
        if self.restoring is not None:
            self.restoring.abandon()
            self.restoring = None
        if self.reading is not None:
            # The read cannot be interrupted (a blocking read of a slow drive): its late end is
            # dropped (_on_left_read), and even a failure keeps nothing aside for a closed window.
            self.reading = None
            self._close_reading_dialog()
            self._give_input_back()

    def offer_recovery_for(self, document: str, saved: bool) -> None:
        """After opening *document*: offer the work a crash left for it (Restore or Discard).

        A journal left behind is read on a worker (4,000 lines took 0.2 s on the GUI thread). The
        window's input is held until the prompt shows: an edit meanwhile would start a journal in
        place of the one to offer."""
        from editor.session import recovery
        from editor.session.journal_places import journal_paths_for
        if self._files.current_path != document:
            return
        folder = self._data_dir
        places = journal_paths_for(document, saved, folder)
        if not any(path.exists() for path in places):
            recovery.find_for(document, saved, folder)     # only cleans up what a kill left of its writes
            return
        from editor.ui.project.restore_job import InputHold
        hold = InputHold(self._window)
        _application().installEventFilter(hold)
        held = [hold]

        def give_input_back() -> None:     # once: by the reading's end, its Cancel or the window's close
            if held:
                _application().removeEventFilter(held.pop())
                hold.deleteLater()
        self._close_reading_dialog()       # (another document's reading, dropped)
        self._give_input_back = give_input_back
        reading = self.reading = OnWorker(lambda: _offerable(document, saved, folder), "read-journal", self)
        reading.done.connect(lambda pending: self._on_left_read(reading, give_input_back, document, pending, places))
        reading.failed.connect(lambda error: self._on_left_read(reading, give_input_back, document, error, places))
        # A read still going after a while (a journal on a network drive): its progress, with Cancel.
        slow = QTimer(reading, singleShot=True, interval=READING_SHOWN_AFTER_MS)
        slow.timeout.connect(lambda: self._show_reading(reading, give_input_back, places))
        reading.start()
        slow.start()

    def _show_reading(self, reading: OnWorker, give_input_back: Callable[[], None], places) -> None:
        from PySide6.QtWidgets import QProgressDialog
        if reading is not self.reading:
            return
        dialog = QProgressDialog("Reading the unsaved work left behind…", "&Cancel", 0, 0, self._window)
        dialog.setWindowTitle("Reading Unsaved Work")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(380)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.canceled.connect(lambda: self._cancel_reading(reading, give_input_back, places))
        self.reading_dialog = dialog
        dialog.open()

    def _close_reading_dialog(self) -> None:
        dialog, self.reading_dialog = self.reading_dialog, None
        if dialog is not None:
            dialog.close()     # (its canceled signal then finds no reading of its own: nothing more)

    def _cancel_reading(self, reading: OnWorker, give_input_back: Callable[[], None], places) -> None:
        """The producer stopped waiting for the journal to be read: it is moved aside first (the next
        edit's journal would replace it), then the input goes back; the read's late end is dropped."""
        if reading is not self.reading:
            return
        self.reading = None
        self._close_reading_dialog()
        kept = _kept_aside(places)
        give_input_back()
        self.warning.emit(f"Reading the unsaved work left behind was cancelled. {kept}")

    def _on_left_read(self, reading: OnWorker, give_input_back: Callable[[], None], document: str, pending,
                      places) -> None:
        give_input_back()
        reading.deleteLater()
        if reading is not self.reading:
            return              # cancelled, or another document's (or the same one opened again) came since
        self.reading = None
        self._close_reading_dialog()
        if isinstance(pending, Exception):
            # Kept aside before the input goes back: the journal the next edit starts would replace it.
            self.error_occurred.emit("Could not read the unsaved work left behind",
                                     f"{document}: {type(pending).__name__}: {pending}. {_kept_aside(places)}")
        elif pending is not None and self._window.isVisible() and self._files.current_path == document:
            self._ask_restore(pending, later=False)

    def offer_recovery(self):
        """At start-up: offer unsaved work a crash left (imported files, or recent projects)."""
        from editor.session import recovery
        from editor.session.journal_files import is_locked
        found, unrestorable = [], []
        for pending in recovery.find_unsaved(self._data_dir):
            if pending.recoverable:
                found.append(pending)
            elif not is_locked(pending.journal_path):   # not another window's
                unrestorable.append(pending)
        said = self._keep_unoffered(unrestorable)
        # Projects are told by their content, whatever their name: a look at each recent file's head.
        for path in self._settings.recent_files():
            if looks_like_project(read_head(path, HEAD_CHARS)):
                pending = recovery.find_for(path, True, self._data_dir)
                if pending is not None and pending.recoverable:
                    found.append(pending)   # one that is not is offered when its project opens
        if not found:
            if said is not None:
                self.error_occurred.emit(*said)
            return None
        # What was kept aside is said once the prompt is answered: one box at a time.
        self._ask_restore(found[0], later=True, then=None if said is None else lambda: self.error_occurred.emit(*said))
        return found[0]

    def _keep_unoffered(self, found) -> tuple[str, str] | None:
        """Unsaved work that cannot be restored and that no prompt offers (nothing says which file it
        belongs to, or that file changed): moved aside, where importing its file again and editing
        cannot replace it. Returns the one message (headline, details) that tells the producer where
        (None when nothing was left)."""
        lines, failed = [], False
        for pending in found:
            what = _work_name(pending)
            try:
                kept = pending.keep_aside()
            except TranscriptError as error:
                failed = True
                lines.append(f"• {what}: {pending.problem}. It could not be kept aside ({error.problem}); "
                             f"it is still in {pending.journal_path}.")
                continue
            if kept is not None:
                lines.append(f"• {what}: {pending.problem}. It is kept, unchanged, in {kept}.")
        if not lines:
            return None
        # Said in a dialog: the start page has no warning bar
        count = len(lines)
        headline = ("Unsaved work left behind cannot be restored" if count == 1 else
                    f"{count} pieces of unsaved work left behind cannot be restored")
        if failed and count == 1:
            headline = "Could not keep the unsaved work aside"
        return headline, "\n\n".join(lines) + "\n\nFile ▸ Recover Unsaved Work… lists what is kept."

    def _ask_restore(self, pending, later: bool, then: Callable[[], object] | None = None) -> None:
        """The restore prompt for *pending* (*later*: at start-up, Not Now keeps it for the next);
        *then* runs once it is answered."""
        from PySide6.QtWidgets import QMessageBox  # (its enums cost the start-up ~2 ms: imported when asked)
        # No base (a damaged header): only offered for the open document, the one it was found for
        name = Path(pending.source_path).name if pending.base is not None else self._project.document_name()
        if not pending.recoverable:
            title, icon = "Unsaved work cannot be restored", QMessageBox.Icon.Warning
            text = f"Unsaved work on {name} was left behind, but it cannot be restored: {pending.problem}."
            # Restore is off and the document's next edit starts a journal in its place: moved aside
            # now, so that only Discard deletes it (a kill with the prompt open keeps it as well).
            try:
                kept = pending.keep_aside()
            except TranscriptError as error:
                informative = f"It could not be kept aside ({error.problem}). Discard deletes it."
            else:
                informative = (f"It is kept, unchanged, in {kept}. Keep leaves it there (File ▸ Recover Unsaved "
                               f"Work… lists it); Discard deletes it."
                               if kept is not None else "Discard deletes it.")
        else:
            title, icon = "Restore unsaved work?", QMessageBox.Icon.Question
            text = f"{_how_it_ended(pending)} {pending.describe()}."
            informative = "Restore brings it back; Discard deletes it."
            informative += (" Not Now keeps it for the next start." if later else
                            " Keep Aside keeps it, unchanged (File ▸ Recover Unsaved Work… lists it).")
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self._window)
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        restore.setEnabled(pending.recoverable)
        discard_button = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        # Escape is always the choice that loses nothing: Keep, Not Now or Keep Aside, never Discard.
        if not pending.recoverable:
            keep = box.addButton("Keep", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
        else:
            keep = box.addButton("Not Now" if later else "Keep Aside", QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
        box.setEscapeButton(keep)
        box.setInformativeText(informative)

        def on_finished(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is restore:
                self.restore(pending)
            elif clicked is discard_button:
                pending.discard()
            elif pending.recoverable and not later:
                # Closed without a choice while its document is open: the next edit would replace it.
                self._keep_unchosen(pending)
            if then is None:
                return
            job = self.restoring
            if job is None:
                then()
            else:                    # after the progress dialog of a long restore
                for ended in (job.done, job.failed, job.cancelled):
                    ended.connect(lambda *_: then())

        box.finished.connect(on_finished)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    def _keep_unchosen(self, pending) -> None:
        try:
            kept = pending.keep_aside()
        except TranscriptError as error:
            self.warning.emit(f"The unsaved work left behind could not be kept aside: {error}")
            return
        if kept is not None:
            self.warning.emit(f"The unsaved work left behind was neither restored nor discarded; "
                              f"it is kept, unchanged, in {kept} (File ▸ Recover Unsaved Work… restores it).")

    # ------------------------------------------------------------------ work kept aside
    def kept_folders(self) -> list[str]:
        """Where journals kept aside may be: the recovery folder (unsaved imports) and the folders of
        the open document and the recent projects (a project's journal is beside it)."""
        from editor.session.journal_places import recovery_dir
        documents = [self._project.project_path, self._project.source_path, *self._settings.recent_files()]
        folders = [str(recovery_dir(self._data_dir))]
        for document in documents:
            if document and os.path.dirname(document) not in folders:
                folders.append(os.path.dirname(document))
        return folders

    def show_kept(self) -> None:
        """File ▸ Recover Unsaved Work…: the journals kept aside, to restore or delete. They are read on
        a worker (a long journal takes a second): the dialog opens at once and fills when they are."""
        from editor.session.kept_work import find_kept
        from editor.ui.project.recover_dialog import RecoverDialog
        dialog = RecoverDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.restore_requested.connect(self.restore_kept)
        dialog.finished.connect(lambda _result: setattr(self, "recover_dialog", None))
        self.recover_dialog = dialog
        folders = self.kept_folders()
        # Its parent outlives the dialog: the worker may end after the dialog closed.
        finder = OnWorker(lambda: find_kept(folders), "find-kept", self)
        finder.done.connect(lambda kept: self._on_kept_found(finder, dialog, kept))
        finder.failed.connect(lambda error: self._on_kept_found(finder, dialog, error))
        finder.start()
        dialog.open()

    def _on_kept_found(self, finder, dialog: RecoverDialog, kept) -> None:
        finder.deleteLater()
        if self.recover_dialog is not dialog:     # closed meanwhile
            return
        if isinstance(kept, Exception):
            dialog.set_failed(f"{type(kept).__name__}: {kept}")
        else:
            dialog.set_kept(kept)

    def restore_kept(self, kept) -> bool:
        """Put a journal kept aside back where it was and restore it (after Save or Discard of the open
        work, if any). False when it could not be (said in an error box)."""
        if not self._project.ask_to_save("restoring other work", lambda: self.restore_kept(kept)):
            return False
        own = self._project.autosave.journal
        if own is not None and own.path == kept.live_path:
            self._project.autosave.discard()    # this session's own, of the same document, with nothing unsaved in it
        from editor.session.kept_work import put_back
        try:
            pending = put_back(kept)
        except TranscriptError as error:
            self.error_occurred.emit("Could not restore the unsaved work", str(error))
            return False
        if not pending.recoverable:
            return self._restore_failed(pending, TranscriptError(f"cannot restore it: {pending.problem}",
                                                                 pending.journal_path))
        return self.restore(pending, reopen=True)

    def restore(self, pending, reopen: bool = False) -> bool:
        """Open the document the work belongs to (again if it is open and *reopen*: the open work was
        just saved or discarded), replay the journal onto it and keep journaling.

        False when that failed at once (said in an error box). A long journal is replayed on a
        worker behind a progress dialog with Cancel (:attr:`restoring` until it ends); a short one
        is back when this returns."""
        source = pending.source_path
        if reopen or self._files.current_path != source:
            self.opening_to_restore = True
            try:
                found = self._files.open_transcript(source)
            finally:
                self.opening_to_restore = False
            if not found:
                return False
            if self._files.reading is not None:   # a large file, read in the background first
                self._restore_once_read(pending)
                return True
        return self._start_restore(pending)

    def _restore_once_read(self, pending) -> None:
        """Restore *pending* once the background read of its document has opened it (the document's
        own offer to restore is not made meanwhile); nothing when the read is cancelled or fails,
        and the journal stays where it is, offered when the document is opened again."""
        files = self._files
        self.opening_to_restore = True
        connections: list[QMetaObject.Connection] = []

        def finish(start: bool) -> None:
            for connection in connections:
                QObject.disconnect(connection)
            self.opening_to_restore = False
            if start and files.current_path == pending.source_path:
                self._start_restore_once_opened(pending)

        connections += [files.transcript_opened.connect(lambda *_: finish(True)),
                        files.read_cancelled.connect(lambda *_: finish(False)),
                        files.error_occurred.connect(lambda *_: finish(False))]

    def _start_restore_once_opened(self, pending) -> None:
        """Start restoring *pending* once the opening of its document (told by transcript_opened) is
        over: the audio the window links to it comes after that signal, and the journal's lines hold
        the meta with it (replayed without it, the first keystroke came back as a change of the audio,
        whose undo unlinked it). The window's input is held meanwhile: an edit would start a journal
        in place of the one to restore."""
        from editor.ui.project.restore_job import InputHold
        application = QCoreApplication.instance()
        assert application is not None      # (a window exists)
        hold = InputHold(self._window)
        application.installEventFilter(hold)

        def start() -> None:
            application.removeEventFilter(hold)
            hold.deleteLater()
            if self._window.isVisible() and self._files.current_path == pending.source_path:   # not closed meanwhile
                self._start_restore(pending)
        QTimer.singleShot(0, self, start)

    def _start_restore(self, pending) -> bool:
        from editor.ui.project.restore_job import RestoreJob
        source = pending.source_path
        job = self.restoring = RestoreJob(pending, self._model, self._stack, self._restored_commands,
                                          Path(source).name, self._window)
        outcome: list[bool] = []
        job.done.connect(lambda replayed: outcome.append(self._take_restored(pending, replayed, job.opened)))
        job.failed.connect(lambda error: outcome.append(self._restore_failed(pending, error)))
        job.cancelled.connect(lambda: self._keep_cancelled(pending))
        for ended in (job.done, job.failed, job.cancelled):
            ended.connect(lambda *_: self.restore_ended.emit())
        job.start()
        return outcome != [False]

    def _take_restored(self, pending, replayed, opened) -> bool:
        """The model shows the replayed transcript with its undo steps: go on journaling where the
        journal's intact lines end. If the journal cannot be reopened, the document is shown as it
        was opened (*opened*) again."""
        self.restoring = None
        source = pending.source_path
        applied, misfit = replayed.applied, replayed.misfit
        lost = len(pending.records) - applied
        try:
            if misfit is not None:
                # The edits up to the line that does not fit are back; the whole journal is kept
                # aside first, for the lines after it, before the live one is cut after them.
                kept = pending.keep_aside(copy=True)
                pending.cut(applied)
            journal = pending.resume()
        except TranscriptError as error:
            self._model.set_transcript(opened)    # and no steps left
            return self._restore_failed(pending, error)
        if replayed.extra:
            self._files.extra = dict(replayed.extra)
        self._project.autosave.adopt(journal)
        self._project.mark_restored()    # unsaved even when every restored step is undone
        self._end_restored_typing()
        edits = f"{applied} edit{'' if applied == 1 else 's'}"
        if replayed.last_row >= 0:
            self._view.set_current_turn(replayed.last_row)   # where the producer was working
        # What came back, counted as the producer sees it (journal lines are keystrokes, and the
        # edits an autosave snapshot holds have no lines): the turns that differ from the file.
        turns = replayed.turns_changed
        changed = f": {turns} turn{'' if turns == 1 else 's'} changed" if turns else ""
        self.message.emit(f"Restored unsaved work on {Path(source).name}{changed}")
        self._play_restored_audio(replayed, opened)
        if misfit is not None:
            lines = f"{lost} journal line{'' if lost == 1 else 's'}"
            self.warning.emit(f"Restored {edits} on {Path(source).name}, but {lines} could not be restored "
                              f"({misfit.problem}). The whole journal is kept in {kept}.")
        return True

    def _play_restored_audio(self, replayed, opened) -> None:
        """Play the audio the restored work names (the producer's Choose Audio… before the crash) in
        place of the one found on opening the file; say so when that audio is gone."""
        found = opened.meta.audio_path
        if replayed.audio and replayed.audio != found:
            self._files.relink_audio(replayed.audio)   # the document names it already: no edit
        if replayed.audio_gone:
            instead = (f"playing {Path(found).name}, found for {Path(self._files.current_path).name}, instead"
                       if found else "choose the audio with File ▸ Choose Audio…")
            self.warning.emit(f"The audio chosen before, {replayed.audio_gone}, is not there any more; {instead}.")

    def _end_restored_typing(self) -> None:
        """The restored steps are history, as a save makes them: keystrokes after the restore are a step
        of their own, even in the turn the last restored ones were typed in. Merged into that step, an
        Undo would take back the restored keystrokes with the new ones."""
        from editor.ui.document.commands import TypingCommand
        top = self._stack.command(self._stack.count() - 1)
        if isinstance(top, TypingCommand):
            top.seal()

    def _restored_commands(self, steps):
        """Each restored line an undo step, as each edit was before the crash (pushed as they come)."""
        from editor.ui.document.commands import OpCommand, TypingCommand
        for step in steps:
            if step.typed_row is not None:    # keystrokes in one turn merge into one step, as they did
                yield TypingCommand(self._model, step.undo, step.typed_row, applied=True)
            else:                             # named by its place among the steps (Undo's menu item says it)
                yield OpCommand(self._model, step.undo, step.label or f"Restored Edit {self._stack.count() + 1}",
                                applied=True)

    def _keep_cancelled(self, pending) -> None:
        """The producer cancelled a restore: the document is as it was opened, and the journal is moved
        aside, where the document's next edit cannot replace it (File ▸ Recover Unsaved Work… lists it)."""
        self.restoring = None
        try:
            kept = pending.keep_aside()
        except TranscriptError as error:
            self.warning.emit(f"The restore was cancelled, and the unsaved work left behind could not be "
                              f"kept aside: {error}")
            return
        if kept is not None:
            self.warning.emit(f"The restore was cancelled; the document is as it was opened. The unsaved "
                              f"work is kept, unchanged, in {kept} (File ▸ Recover Unsaved Work… restores it).")

    def _restore_failed(self, pending, error: TranscriptError) -> bool:
        """Say why the work could not be restored, with the journal moved aside first: the next edit
        starts a new journal in its place, which would lose every line of it that did fit."""
        self.restoring = None
        try:
            kept = pending.keep_aside()
        except TranscriptError as keep_error:
            kept, error = None, TranscriptError(f"{error.problem}; and {keep_error.problem}", error.path, error.line)
        if kept is not None and error.path == str(pending.journal_path):
            error = error.with_path(kept)         # the line it names is in the kept file now
        where = f"\n\nThe unsaved work is kept, unchanged, in {kept}." if kept else ""
        self.error_occurred.emit("Could not restore the unsaved work", f"{error}{where}")
        return False


def _offerable(document: str, saved: bool, folder):
    """The work left behind for *document* to offer (None: none, or another window is editing it; a
    journal that cannot be read is offered as work that cannot be restored)."""
    from editor.session import recovery
    from editor.session.journal_files import is_locked
    pending = recovery.find_for(document, saved, folder)
    if pending is None or is_locked(pending.journal_path):
        return None
    return pending


def _kept_aside(places) -> str:
    """Keep the journals at *places* that could not be read aside (File ▸ Recover Unsaved Work… lists
    them); what became of them, for the producer."""
    from editor.session import recovery
    said = []
    for place in places:
        try:
            kept = recovery.Pending(place, None).keep_aside()
        except TranscriptError as error:
            said.append(f"It could not be kept aside, and the next edit replaces it: {error}")
            continue
        if kept is not None:
            said.append(f"It is kept, unchanged, in {kept} (File ▸ Recover Unsaved Work… lists it).")
    return " ".join(said)


def _application() -> QCoreApplication:
    application = QCoreApplication.instance()
    assert application is not None          # a window exists
    return application


def _how_it_ended(pending) -> str:
    """The restore prompt's first words: a window the system closed (a logout, a shutdown) kept its
    unsaved work on purpose, which is no failure; any other journal left behind is a crash's."""
    from editor.session.journal_lines import CLOSED_BY_SYSTEM
    if pending.closed_by == CLOSED_BY_SYSTEM:
        return "Transcript Editor was closed by the system (a logout or shutdown) with unsaved work."
    return "Transcript Editor did not close normally."


def _work_name(pending) -> str:
    """What a piece of work left behind is called for the producer: its document, else its journal."""
    from editor.session.recovery import document_name
    return document_name(pending) or pending.journal_path.name
