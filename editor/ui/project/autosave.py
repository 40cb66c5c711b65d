"""Crash protection for the open document: the recovery journal plus autosave snapshots.

Built on :mod:`editor.session.journal` / :mod:`editor.session.recovery`:

* **Every edit is journaled** before the interface moves on: the model tells
  its observers of every committed edit (``TranscriptModel.committed``), and
  :meth:`Autosaver.on_committed` writes one line with the touched rows (one
  ``write``), so a kill loses nothing the producer saw happen. The journal starts on the *first* edit, so merely
  opening a file never replaces a journal a crash left for it.
* **Autosave** a few seconds after the last change writes a snapshot in
  a background thread (``Journal.snapshot_async``) and rotates the journal onto it, so restoring
  replays little. The snapshot holds the turns changed since the document was opened or saved (or
  since the last full snapshot), as a delta on that file (:mod:`editor.session.autosave_delta`):
  the GUI thread captures those turns' fields and each row's place in the file in a few passes in
  C, and the worker serializes only them, so it holds the GIL the window needs for as long as the
  edits were big, not the document. This controller tells the journal which turns are still as
  the file holds them (:class:`~editor.session.autosave_delta.Unchanged`) from the moment the
  document is opened: derived data (word times) touches turns before the first edit too.
* **Saving** restarts the journal on the project; discarding deletes it.

Where the files go: beside a saved project (``<project>.journal``), else in
``<data dir>/recovery``: the folder the window hands it (``WindowContext.data_dir``), else the user
data folder (:func:`editor.core.user_data.user_data_dir`).
"""

from __future__ import annotations

import contextlib
import operator
import threading
from concurrent.futures import Future
from itertools import compress
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.errors import TranscriptError
from editor.session.autosave_delta import Unchanged

DELAY_MS = 3000
# How long a snapshot's worker waits for the window's turn between slices before it takes the window
# for busy (or blocked) and goes on without turns.
TURN_WAIT_S = 0.5
_ID = operator.attrgetter("id")


class Autosaver(QObject):
    """The journal of the open document, and the autosave timer that snapshots it."""

    written = Signal(bool)        # a snapshot finished (ok)
    # A snapshot is being serialized on a worker, and it ended (editor.ui.process_tuning
    # hands the GIL over faster meanwhile).
    snapshot_started = Signal()
    snapshot_ended = Signal()
    failed = Signal(str)          # the journal or a snapshot failed: edits are not protected
    _snapshot_done = Signal(bool)
    _turn_wanted = Signal(object)   # the snapshot's worker waits for the window's turn (a threading.Event)

    def __init__(self, transcript_getter, delay_ms: int = DELAY_MS, parent=None, extra_getter=None,
                 data_dir: str | Path | None = None):
        """*data_dir*: the user data folder unsaved work's journals go under (None: the default one)."""
        super().__init__(parent)
        self._data_dir = data_dir
        self._transcript = transcript_getter
        self._extra = extra_getter or dict    # the project's "extra" object, kept in snapshots too
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._snapshot_done.connect(self._on_snapshot_done)
        self._turn_wanted.connect(self._give_turn)
        self._document = ""        # the project or imported source
        self._format = ""
        self._saved = False        # the document is a saved project
        self.journal = None        # editor.session.journal.Journal once the first edit happened
        # Ids of turns given derived data (word times from alignment) before the journal started:
        # it writes them in full when they are edited (Journal.derived).
        self._derived: set[str] = set()
        # What the last replace and shift lines of a journal dropped because every edit was undone
        # found and left: the next journal writes a redo of one as that edit again (Journal.follow).
        self._memos: list = []
        # The journal last discarded: an autosave snapshot of it may still be being written, which
        # quitting waits for (its rotation then removes the file rather than a kill leaving it half-written).
        self._discarded = None
        self._failed = False
        # The document's identity for the journal's base (its SHA-256), taken on a worker when the
        # document is opened or saved: a 150 MB project is read whole, too long for a first keystroke.
        # The worker then prepares the journal's file (PreparedJournal: its header's fsyncs took the
        # first edit 10-100 ms): (base, the file's state when read, the prepared journal or None).
        self._base: tuple[tuple, Future] | None = None
        # The turns still as the document's file holds them, until a journal takes it over (None:
        # not known, and the first snapshot is then the whole document).
        self._unchanged: Unchanged | None = None

    # ------------------------------------------------------------------ the document
    def set_document(self, document: str, format_name: str, saved: bool) -> None:
        """A document was opened (the previous one's journal must be settled first)."""
        self._timer.stop()
        self._document, self._format, self._saved = document, format_name, saved
        self.journal = None
        self._derived = set()
        self._memos = []
        self._failed = False
        self._unchanged = self._turns_as_in_file()
        self._identify_document()

    def adopt(self, journal) -> None:
        """Go on writing a journal recovery reopened (after a restore)."""
        self._discard_prepared()
        self.journal = journal
        journal.on_error = self._on_journal_error
        journal.pace = self._take_turn

    # ------------------------------------------------------------------ recording edits
    def on_committed(self, commit) -> None:
        """The model committed an edit, undo or redo (``TranscriptModel.committed``): journal it."""
        journal = self.journal or self._start()
        if journal is not None:
            journal.record(commit.transcript, commit.changes, commit.count_before)

    def on_derived(self, commit) -> None:
        """The model applied derived data (``TranscriptModel.derived``): not journaled, but noted."""
        segments = commit.transcript.segments
        rows = {row for change in commit.changes for row in change.rows}
        ids = {segments[row].id for row in rows}
        unchanged = self.journal.unchanged if self.journal is not None else self._unchanged
        if unchanged is not None:
            unchanged.touched_rows(segments, rows)
        if self.journal is not None:
            self.journal.derived(ids)
            if any(change.meta for change in commit.changes):
                self.journal.meta_derived()    # the audio linked: else only a meta edit would write it
        else:
            self._derived |= ids     # the first line writes the meta as it is then

    def _start(self):
        if not self._document or self._failed:
            return None
        from editor.session.journal import Journal
        try:
            base, prepared = self._document_base()
            journal = None
            if prepared is not None:
                with contextlib.suppress(TranscriptError):   # gone since: started the slow way
                    journal = prepared.start()
            if journal is None:
                journal = Journal.for_document(self._document, saved=self._saved, format=self._format,
                                               data_dir=self._data_dir, base=base)
            journal.derived(self._derived)   # derived since the document was opened
            journal.follow(self._memos)
            if base is not None and self._unchanged is not None:
                # The file read at open is the journal's base: its turns, less those touched since.
                self._unchanged.base = journal.base
                journal.unchanged = self._unchanged
            self._derived, self._memos, self._unchanged = set(), [], None
            self.adopt(journal)
        except TranscriptError as error:
            self._on_journal_error(error)
            return None
        return self.journal

    def _turns_as_in_file(self) -> Unchanged | None:
        """The document's turns as its file holds them: all but those given derived data (in C)."""
        transcript = self._transcript()
        if transcript is None:
            return None
        segments = transcript.segments
        unchanged = Unchanged(segments)
        if self._derived:
            unchanged.touched(compress(segments, map(self._derived.__contains__, map(_ID, segments))))
        return unchanged

    def _identify_document(self) -> None:
        """Start reading the document's identity for the journal's base on a worker thread. It is
        the file as it is now, just opened or saved, which is what the journal's lines apply to."""
        self._drop_prepared()
        if not self._document:
            return
        from editor.session.journal import Journal
        from editor.session.journal_base import base_of_document
        from editor.session.journal_files import file_state
        key = (self._document, self._saved, self._format)
        found: Future = Future()
        folder = self._data_dir

        def identify() -> None:
            try:
                before = file_state(key[0])
                base = base_of_document(key[0], saved=key[1], format=key[2])
                state = before if file_state(key[0]) == before else None
                prepared = None
                if state is not None:
                    with contextlib.suppress(TranscriptError):   # the first edit then says why
                        prepared = Journal.prepare(key[0], saved=key[1], base=base, data_dir=folder)
                found.set_result((base, state, prepared))
            except BaseException as error:   # noqa: BLE001 — handed to the GUI thread by result()
                found.set_exception(error)

        threading.Thread(target=identify, name="journal-base", daemon=True).start()
        self._base = (key, found)

    def _document_base(self):
        """The identity read on the worker (waiting for it if the first edit came first) and the
        journal it prepared, or (None, None): the journal then reads the file itself (and reports a
        problem with it)."""
        if self._base is None or self._base[0] != (self._document, self._saved, self._format):
            return None, None
        from editor.session.journal_files import file_state
        try:
            base, state, prepared = self._base[1].result()
        except TranscriptError:
            return None, None
        if state is not None and file_state(self._document) == state:
            return base, prepared
        # Rewritten since (or while) it was read: the journal reads it again, as it always did.
        self._drop_prepared()
        return None, None

    def _drop_prepared(self) -> None:
        """Forget the identity read for the document and the journal file prepared with it."""
        self._discard_prepared()
        self._base = None

    def _discard_prepared(self) -> None:
        """Remove the journal file prepared for the document unless it was started (once the worker
        is done, if it is still at it)."""
        if self._base is None:
            return

        def discard(found: Future) -> None:
            prepared = None if found.exception() is not None else found.result()[2]
            if prepared is not None:
                prepared.discard()     # a no-op once started
        self._base[1].add_done_callback(discard)

    def _on_journal_error(self, error: TranscriptError) -> None:
        self._failed = True
        self.failed.emit(f"{error} — save to keep your work safe.")

    # ------------------------------------------------------------------ autosave snapshots
    def schedule(self) -> None:
        """A change happened: snapshot a few seconds from now (each change restarts the wait)."""
        if self.journal is not None:
            self._timer.start()

    def save_now(self) -> bool:
        """Capture now (GUI thread, ~1 ms) and write the snapshot on a worker thread."""
        self._timer.stop()
        if self.journal is None:
            return False
        self.snapshot_started.emit()
        queued = self.journal.snapshot_async(self._transcript(), extra=dict(self._extra() or {}),
                                             done=self._snapshot_done.emit)
        if not queued:
            self.snapshot_ended.emit()
        return queued

    def _take_turn(self) -> bool:
        """On the snapshot's worker, between slices: return once the window's event loop has gone round
        (what was waiting, input and repaints, done), False when it did not within TURN_WAIT_S (busy)."""
        turn = threading.Event()
        try:
            self._turn_wanted.emit(turn)
        except RuntimeError:    # the window is gone (quitting): nobody to wait for
            return False
        return turn.wait(TURN_WAIT_S)

    def _give_turn(self, turn: threading.Event) -> None:
        """The window's turn (GUI thread: a slot of this object, so a worker's signal is queued to it)."""
        turn.set()

    def _on_snapshot_done(self, ok: bool) -> None:
        self.snapshot_ended.emit()
        journal = self.journal
        if not ok and journal is not None and journal.snapshot_error is not None:
            self.failed.emit(f"Autosave failed: {journal.snapshot_error}")
        self.written.emit(ok)

    def protect(self) -> bool:
        """Snapshot the document now (starting the journal if needed), synchronously.

        After another program rewrote the file the journal's base names, the
        producer kept their version: recovery must replay onto *that* version,
        never onto the file now on disk.
        """
        self._timer.stop()
        journal = self.journal or self._start()
        if journal is None:
            return False
        try:
            return journal.snapshot_now(self._transcript(), extra=dict(self._extra() or {}))
        except TranscriptError as error:
            self.failed.emit(f"Autosave failed: {error}")
            return False

    def wait(self) -> None:
        """Block until a snapshot being written is done (tests, quitting), the discarded journal's too."""
        for journal in (self._discarded, self.journal):
            if journal is not None:
                journal.wait_snapshot()
        self._discarded = None      # its snapshot is done with

    def keep_recoverable(self) -> bool:
        """The document's file or folder changed on disk behind our back: make the journal hold a
        copy of the window's version now, before anyone answers a question about it (a kill may
        come first). Nothing to do before the first edit (nothing unsaved)."""
        if self.journal is None:
            return False
        return self.journal.keep_recoverable(self._transcript(), extra=dict(self._extra() or {}))

    # ------------------------------------------------------------------ ending
    def save_project(self, project_path: str) -> None:
        """Write the project (its folder made again if it went) with the journal re-based as part of
        the save, so a kill at any moment of it leaves a journal recovery accepts. Raises TranscriptError."""
        self._timer.stop()
        extra = dict(self._extra() or {})
        if self.journal is not None:
            self.journal.save_project(self._transcript(), project_path, extra, make_folder=True)
        else:
            from editor.core import project
            project.save(self._transcript(), project_path, extra, make_folder=True)
        self._document, self._format, self._saved = project_path, "project", True
        if self.journal is None:
            self._unchanged = self._turns_as_in_file()
            self._identify_document()   # the next edit's journal applies to the project just written

    def saved(self, project_path: str) -> None:
        """The document was saved: the journal restarts empty beside the project."""
        self._timer.stop()
        self._document, self._format, self._saved = project_path, "project", True
        if self.journal is not None:
            self.journal.saved(project_path, self._transcript().segments)
        elif self._base is None or self._base[0] != (project_path, True, "project"):
            self._unchanged = self._turns_as_in_file()
            self._identify_document()

    def discard(self) -> None:
        """Nothing to recover (saved, or the user dropped the changes): delete the journal."""
        self._timer.stop()
        self._discard_prepared()
        self._memos = []
        self._unchanged = None      # the next journal's first snapshot is the whole document
        if self.journal is not None:
            self._derived |= self.journal.unsynced   # a next journal starts from the same base
            self.journal.discard()
            self._discarded, self.journal = self.journal, None

    def drop_unchanged(self) -> None:
        """The document is what its file holds again (every edit undone): there is nothing to recover,
        so the journal goes; the next edit starts a new one, prepared again now."""
        if self.journal is None:
            return
        memos = self.journal.line_memos()
        self.discard()
        self._memos = memos     # the document is the file again: what they found, the next journal's base holds
        self._unchanged = self._turns_as_in_file()
        self._identify_document()

    def close(self, closed_by: str = "") -> None:
        """Stop writing but keep the files (they are offered at the next start); *closed_by*: see
        :meth:`Journal.close <editor.session.journal.Journal.close>`."""
        self._timer.stop()
        self._discard_prepared()
        self._unchanged = None
        if self.journal is not None:
            self.journal.close(closed_by)
            self.journal = None
