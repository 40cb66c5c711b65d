"""An append-only journal of committed edits, so a crash or a kill loses nothing.

Why and how (see :mod:`editor.session.recovery` for the reading side):

* **One line per committed edit.** The journal observes committed edits: it is
  told what each primitive of an edit did (``Change.rows`` / ``inserted`` /
  ``removed``) -- by the window's model after every edit, undo and redo
  (:meth:`Journal.record`), or by :func:`editor.core.ops.run` when a script runs
  ops through :meth:`Journal.run` -- and appends one line holding the *post-edit
  state of exactly those rows*, serialised the way the project file does
  (:func:`editor.core.project.to_dict`). It does not look inside ops, so every
  op, undo and redo is journaled the same way.
  A row-preserving edit is written sparsely (``"set": [[row, segment], ...]``,
  so a replace in 1,000 places writes 1,000 segments, not the document); an
  edit that inserts or removes rows writes the one window that covers them
  (``"rows": [first, old_count], "segments": [...]``). The speaker list, the
  chapters and the transcript's meta are written when the edit changed them (its ops say so:
  ``Change.speakers`` / ``meta`` / ``chapters``) or the app set the meta without an edit (the
  audio linked, :meth:`Journal.meta_derived`), and all three in the first line after the
  journal starts or a save, so replay never depends on the base's.
* **A replace is written as what it did.** A replace in thousands of turns
  (``Change.replaced``) is written as its spans, ``"replace": [[row, [[start, end,
  text], ...]], ...]``: replay runs the same :func:`editor.core.ops.replace_spans` on
  the same turns, which gives the same text, marks and words (a few bytes per
  replacement instead of every word time of the turn). Its undo and redo put back
  the very values the replace found or made, so they are written as a reference to
  its line, ``"restore": [seq, "before"|"after", [row, ...]]``, which replay resolves
  from the values it saw there; a reference is only written while that line is still
  in the file (not cut off by a rotation done or under way, or a save). Past that, a
  redo that finds the turns as the replace found them is written as the same spans
  again, and anything else in full.
* **A shift is written as what it did.** Shift Times moves every turn from one on
  (``Change.shifted``): its line is ``"shift": [first, delta_ms, turns, clamped]`` and
  replay runs the same :func:`editor.core.ops.shift_times` on the same turns, which
  clamps the same turns at 0:00 (the counts are checked: a line that would clamp
  otherwise does not fit). Its undo and redo are a reference to that line,
  ``"reshift": [seq, "before"|"after"]`` (every turn the shift set), under the same
  rule as a replace's. Past a cut, a redo that finds the turns as the shift did is
  that shift again, the undo of a shift later (nothing clamped) the shift back, and
  anything else in full. A journal dropped because every edit was undone (the document is
  its file again) hands what its replace and shift lines found and left to the next one
  (:meth:`Journal.follow`), where those lines count as past a cut: the redo that starts it
  is the edit again, not every turn it touched in full.
  Turns whose data the app derived without journaling it (word times from alignment,
  :attr:`Journal.unsynced`) are always written in full, so replay never rebuilds them
  from values it does not have.
* **Cheap.** O(touched rows) per edit and a single ``write`` to an
  ``O_APPEND`` descriptor before the edit returns to the producer: once ``write``
  returns the line is in the kernel, so killing the process cannot lose it.
  ``fsync`` costs 2-12 ms here (bench_journal.py), too much per keystroke on the
  GUI thread, so a background thread fsyncs at most :data:`FSYNC_INTERVAL`
  seconds after a write: a power cut loses at most that much. A write after a
  quiet spell is synced at once; the writes that follow it within the interval
  (typing) are gathered into one fsync at its end. The header's own fsyncs are
  made ahead of the first edit too (:class:`PreparedJournal`, on a worker at open).
* **Torn lines are ignored.** Each line is ``<crc32 hex> <json>\\n``; replay
  stops at the first line that is incomplete or fails its checksum (a kill in
  the middle of a write, zeros after a power cut).
* **Bound to its base.** Line 1 (the header) names the base the lines apply to:
  the saved project, the imported source file (unsaved work), or an autosave
  snapshot, each by path, size and SHA-256. Replay refuses another base.
* **Rotated.** After a save the journal restarts empty on the new project
  (:meth:`Journal.saved`); after an autosave snapshot it restarts on the
  snapshot, keeping only the lines written since the snapshot was taken
  (:meth:`Journal.snapshot_async`), so replay stays short in a long session.
  A snapshot is a delta (:mod:`editor.session.autosave_delta`) when it can be: the
  turns changed since the file :attr:`Journal.unchanged` refers to, which the header
  then names as the ``anchor`` (version 3), so the worker serializes what the edits
  touched rather than the whole document.
  Sequence numbers keep counting across rotations.

Where: ``<project>.journal`` (and ``<project>.autosave``) beside a saved
project; for unsaved work (an imported SRT, ...) in
``<user data folder>/recovery`` (:func:`editor.core.user_data.user_data_dir`, or the folder the
caller names) under a name made from the source path (:mod:`editor.session.journal_places`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from editor.core import ops
from editor.core.atomic import atomic_write, fsync_and_close, fsync_folder, write_replacement
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript
from editor.session import autosave_delta
from editor.session.autosave_delta import DeltaCapture, Unchanged
from editor.session.journal_base import BASE_PROJECT, BASE_SNAPSHOT, BaseRef, base_of_document
from editor.session.journal_compact import (
    MEMO_LINES,
    Compacted,
    Memos,
    ReplaceMemo,
    ShiftMemo,
    compact_replace,
    compact_shift,
)
from editor.session.journal_files import file_state, open_for_append, remove_quietly
from editor.session.journal_lines import (
    chapters_to_json,
    encode_line,
    header_line,
    meta_to_json,
    speakers_to_json,
)
from editor.session.journal_places import journal_path_for, journal_paths_for, new_snapshot_path, snapshot_paths_for
from editor.session.journal_rows import RowRecorder
from editor.session.snapshot_capture import Captured, capture, project_bytes

FSYNC_INTERVAL = 0.5  # seconds: the most a power cut (not a kill) can lose


# A line's parts besides its rows, each written when an edit changed it (Change.speakers, .meta, .chapters).
_SPEAKERS, _META, _CHAPTERS = "speakers", "meta", "chapters"
_OTHER_PARTS = frozenset({_SPEAKERS, _META, _CHAPTERS})


def _parts_changed(changes: Iterable[ops.Change]) -> set[str]:
    """The parts besides rows that *changes* changed."""
    parts = set()
    for change in changes:
        if change.speakers:
            parts.add(_SPEAKERS)
        if change.meta:
            parts.add(_META)
        if change.chapters:
            parts.add(_CHAPTERS)
    return parts


class Journal:
    """The journal of one open document. Create with :meth:`start` (or recovery's ``resume``)."""

    def __init__(self, path: Path, base: BaseRef, fd: int, seq: int, size: int,
                 fsync_interval: float | None = FSYNC_INTERVAL, original: str = "", anchor: BaseRef | None = None):
        self.path = Path(path)
        self.base = base
        # When the base is an autosave delta: the file it adds to (kept as long as the delta is the base).
        self.anchor = anchor
        # The turns still as a file holds them (the document opened or saved, or the last full
        # snapshot), told of every commit: what lets a snapshot be a delta. None: the next is full.
        self.unchanged: Unchanged | None = None
        self.original = original or base.path   # the project or source the work belongs to
        self.data_dir: str | Path | None = None  # where unsaved work's journals go (None: the default)
        self._fd = fd
        self._seq = seq
        self._size = size              # bytes in the file (header included)
        self._header_size = size
        # The parts besides rows the next line writes: all at first and after a save, then those
        # an edit changed, or the app set without one (meta_derived). Not compared on every commit.
        self._unwritten: set[str] = set(_OTHER_PARTS)
        # Lines up to this sequence number may be cut from the file (by a rotation, done or under
        # way, or a save): no line may refer to them.
        self._cut_seq = seq
        self._memos: Memos = {}   # seq of a replace or shift line -> its turns' values
        # Ids of segments changed by data the app derives and does not journal (word times from
        # alignment, see derived()): lines hold them in full until the next save.
        self.unsynced: set[str] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._snapshot_busy = False
        self._generation = 0           # bumped by every rotation: a stale snapshot must not rotate
        self._snapshot_seq = seq if base.kind == BASE_SNAPSHOT else -1
        self._snapshot_thread: threading.Thread | None = None
        # Called by the snapshot's worker between slices of serializing, returning once the thread that
        # edits has had its turn (the window's event loop went round): set by the window. Serializing
        # thousands of turns holds the GIL the window needs, and a repaint waiting for it at every
        # switch stalled 30-70 ms under load; a slice at a time, the window waits for one slice at most.
        self.pace: Callable[[], bool] | None = None
        self._hurry = False     # someone waits for the snapshot: no turns given meanwhile
        self._turns = False     # the snapshot being written waits for turns (until one is not given)
        self._syncer = _Syncer(self, fsync_interval) if fsync_interval is not None else None
        self.snapshot_error: TranscriptError | None = None   # the last autosave failure, for the window
        self.write_error: TranscriptError | None = None      # set when appending failed (journal stopped)
        self.on_error: Callable[[TranscriptError], None] | None = None   # told once when that happens
        # How the base file (and the file a delta base adds to) looked when the journal was bound to
        # it: a cheap stat per commit tells when another program replaced it (or its folder went), so
        # the journal takes a copy in time. Path -> stat key; swapped whole by a rotation.
        self._base_watch = _watch(base, anchor, {})
        self.relocated = False    # the journal had to move to the user data folder (its folder went)
        # A folder whose entry for the journal is not yet on the disk (a prepared journal renamed into
        # place at the first edit): fsynced with the first line, by the same background fsync.
        self._folder_unsynced: Path | None = None

    # ------------------------------------------------------------------ creating
    @classmethod
    def start(cls, path: str | Path, base: BaseRef, first_seq: int = 0,
              fsync_interval: float | None = FSYNC_INTERVAL) -> Journal:
        """A fresh journal at *path* for edits onto what *base* loads to (replacing any old one)."""
        path = Path(path)
        header = header_line(base, first_seq, base.path)
        with _starting_at(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, header, backup=False)
            fd = open_for_append(path)
        return cls(path, base, fd, first_seq, len(header), fsync_interval)

    @classmethod
    def for_document(cls, document: str | Path, *, saved: bool,
                     format: str = "", data_dir: str | Path | None = None,
                     fsync_interval: float | None = FSYNC_INTERVAL, base: BaseRef | None = None) -> Journal:
        """Start the journal of a project just loaded (*saved*) or a source file just imported.

        *base*, when given, is :func:`base_of_document` of the same arguments taken earlier (reading
        a large file whole takes a while: the window does it on a worker once the file is open).
        A project in a folder we cannot write to (read-only share, full disk)
        gets its journal in the user's data folder instead.
        """
        if base is None:
            base = base_of_document(document, saved=saved, format=format)
        journal = _at_first_place(journal_paths_for(document, saved, data_dir),
                                  lambda place: cls.start(place, base, fsync_interval=fsync_interval))
        journal.data_dir = data_dir
        return journal

    @staticmethod
    def prepare(document: str | Path, *, saved: bool, base: BaseRef,
                data_dir: str | Path | None = None) -> PreparedJournal:
        """What :meth:`for_document` would start, made ready ahead of the first edit (on a worker, when
        the document opens): see :class:`PreparedJournal`. Raises TranscriptError when no place takes it."""
        return _at_first_place(journal_paths_for(document, saved, data_dir),
                               lambda place: PreparedJournal.write(place, base, data_dir))

    # ------------------------------------------------------------------ recording edits
    @property
    def seq(self) -> int:
        """The sequence number of the last committed edit."""
        return self._seq

    def run(self, transcript: Transcript, op: ops.Op, listener: ops.Listener | None = None) -> ops.Op:
        """``ops.run`` plus one journal line; the line is written before this returns."""
        recorder = RowRecorder(transcript, listener)
        undo = ops.run(transcript, op, recorder)
        self._commit_noted(transcript, recorder)
        return undo

    def record(self, transcript: Transcript, changes: Iterable[ops.Change], count_before: int) -> int:
        """One journal line for an edit already applied: *changes* are what its primitives did
        (in order) and *count_before* the number of rows before it. The window's model tells
        its observers this after every committed edit, undo and redo."""
        return self._commit_noted(transcript, RowRecorder(transcript, count_before=count_before).noted(changes))

    def line_memos(self) -> list[ReplaceMemo | ShiftMemo]:
        """What the latest replace and shift lines found and left (oldest first), for the journal
        that follows this one on the same document (:meth:`follow`)."""
        return list(self._memos.values())

    def follow(self, memos: list[ReplaceMemo | ShiftMemo]) -> None:
        """Take over the memos of the journal this one replaces on the same document, dropped when
        every edit was undone: the redo that comes next (a Replace all's, a shift's) is then written
        as its spans or its shift again, not every turn in full. Their lines are not in this file,
        so they are keyed below every line of it, as lines past a cut are: never referred to."""
        carried = {index - len(memos): memo for index, memo in enumerate(memos)}
        self._memos = carried | self._memos

    def derived(self, segment_ids: Iterable[str]) -> None:
        """These segments were given data the app derives and does not journal (word times from
        alignment): until the next save their lines hold them in full (see :attr:`unsynced`)."""
        self.unsynced.update(segment_ids)

    def meta_derived(self) -> None:
        """The app set the transcript's meta itself, not as an edit (the audio linked, or its length
        learnt): the next line writes the meta, so replay never depends on the base's."""
        self._unwritten.add(_META)

    def _commit_noted(self, transcript: Transcript, recorder: RowRecorder) -> int:
        if self.unchanged is not None:
            self.unchanged.touched_rows(transcript.segments, recorder.written())

        def full() -> dict:
            rows = recorder.record()
            if self.unsynced:   # replay now holds these turns as they are
                segments = transcript.segments
                self.unsynced.difference_update(segments[row].id for row in recorder.written())
            return rows

        compact: Compacted | None
        compact = compact_replace(transcript, recorder.changes, self._memos, self._cut_seq, self.unsynced)
        if compact is None:
            compact = compact_shift(transcript, recorder.changes, self._memos, self._cut_seq, self.unsynced)
        if compact is None:
            return self.commit(transcript, full(), changes=recorder.changes)
        rows, refers_to, memo = compact
        before = self._seq
        seq = self.commit(transcript, rows, refers_to=refers_to, full=full, changes=recorder.changes)
        if memo is not None and seq != before:
            self._memos[seq] = memo
        for old in list(self._memos)[:-MEMO_LINES]:
            del self._memos[old]   # an undo too far back to matter: written in full if it comes
        return seq


    def commit(self, transcript: Transcript, rows: dict | None = None, refers_to: int | None = None,
               full: Callable[[], dict] | None = None, changes: Iterable[ops.Change] = ()) -> int:
        """Append one edit: *rows* (from the recorder) plus the speakers, chapters and meta when its
        *changes* (what its primitives did) changed them, or a line before could not write them.

        *rows* that refer to the line of edit *refers_to* are written as *full()* instead when that
        line may be cut from the file by now (a rotation done or under way).

        When the journal's folder was deleted or its base replaced behind our back, the
        journal then re-bases onto a copy of the document as it now stands (which holds this
        edit), so what it records stays recoverable on its own.
        """
        record: dict[str, Any] = {"seq": self._seq + 1}
        record.update(rows or {})
        parts = self._unwritten.union(_parts_changed(changes))
        if _SPEAKERS in parts:
            record[_SPEAKERS] = speakers_to_json(transcript.speakers)
        if _META in parts:
            record[_META] = meta_to_json(transcript.meta)
        if _CHAPTERS in parts:
            record[_CHAPTERS] = chapters_to_json(transcript.chapters)
        line = encode_line(record)
        with self._lock:
            healthy = self.write_error is None
            self._unwritten = parts      # until a line holds them
            if refers_to is not None and refers_to <= self._cut_seq:
                healthy = False     # the line it refers to may be gone: written in full below
            elif healthy and self._write(line):
                self._seq += 1
                self._unwritten = set()
        if refers_to is not None and not healthy and self.write_error is None and full is not None:
            return self.commit(transcript, full(), changes=changes)
        if healthy and self.write_error is not None and self.on_error is not None:
            self.on_error(self.write_error)   # outside the lock: the handler may call us
        self.keep_recoverable(transcript)
        if self._syncer is not None:
            self._syncer.poke()
        return self._seq

    def _write(self, line: bytes) -> bool:
        """Append *line* whole; on failure cut off what got written and stop journaling.

        A journal that failed (disk full, USB stick pulled) must not go on with a
        gap in it, and must not break the edit that was just made: the window
        shows :attr:`write_error` (via :attr:`on_error`) and saving is the way out;
        a successful :meth:`saved` starts a healthy journal again.
        """
        if self._closed:
            return False
        view = memoryview(line)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as error:
            with contextlib.suppress(OSError):   # the torn tail is ignored on replay anyway
                os.ftruncate(self._fd, self._size)
            self.write_error = TranscriptError(
                f"cannot write the recovery journal ({_reason(error)}); edits from now on are not "
                f"protected against a crash until you save", self.path)
            return False
        self._size += len(line)
        return True

    # ------------------------------------------------------------------ staying recoverable
    def base_at_risk(self) -> bool:
        """True when the journal file was deleted (its folder went) or its base file changed or went.

        Two or three ``stat`` calls (microseconds): cheap enough for every commit.
        """
        if self._closed or self.write_error is not None:
            return False
        try:
            if os.fstat(self._fd).st_nlink == 0:
                return True
        except OSError:
            return True
        return any(file_state(path) != known for path, known in self._base_watch.items())

    def keep_recoverable(self, transcript: Transcript, extra: dict | None = None) -> bool:
        """If :meth:`base_at_risk`, re-base onto a snapshot of *transcript* (synchronously).

        The snapshot goes beside the journal, or, when the journal's folder is gone, into
        the user data folder together with the journal (:attr:`relocated`), where the
        start page offers it. Returns True when it re-based (the document is in the snapshot).
        """
        if not self.base_at_risk():
            return False
        self.wait_snapshot()
        folder_gone = not self.path.parent.is_dir()
        try:
            unlinked = os.fstat(self._fd).st_nlink == 0
        except OSError:
            unlinked = True
        target_journal = self.path
        if folder_gone or unlinked:
            target_journal = journal_path_for(self.original, saved=False, data_dir=self.data_dir)
        with self._lock:
            self._snapshot_busy = True
            job = (self._seq, self._size, self._generation)
            self._cut_seq = self._seq
        self.unchanged = Unchanged(transcript.segments)
        ok = self._write_snapshot(capture(transcript), extra, job, None, journal_path=target_journal,
                                  keep=False, whole=self.unchanged)
        if ok and (folder_gone or unlinked):
            self.relocated = True
        if not ok and self.snapshot_error is not None:
            self.write_error = TranscriptError(f"the project's file or folder changed on disk and the recovery "
                                               f"journal could not keep a copy ({self.snapshot_error.problem}); "
                                               "save to keep your work safe", self.path)
            if self.on_error is not None:
                self.on_error(self.write_error)
        return ok

    def saving(self, project_path: str | Path, data: bytes) -> None:
        """About to replace *project_path* with *data*: note it, so a kill at any point of the save
        leaves a journal recovery can place (before the rename: the old base; after: the new file)."""
        # Not an edit: it takes no sequence number ("after" says where it falls), so sequence
        # numbers keep counting edits only.
        record = {"after": self._seq, "saving": {"path": os.path.abspath(project_path),
                                                 "sha256": hashlib.sha256(data).hexdigest(),
                                                 "size": len(data)}}
        line = encode_line(record)
        with self._lock:
            # Replay may start after this line (the save done), so no later line refers to one before.
            self._cut_seq = self._seq
            if self.write_error is None:
                self._write(line)
        if self._syncer is not None:
            self._syncer.poke()

    def save_project(self, transcript: Transcript, project_path: str | Path, extra: dict | None = None,
                     make_folder: bool = False) -> None:
        """Save the project and restart the journal on it, so that a kill at any moment of the
        save leaves a journal recovery can use: :meth:`saving` first, then the atomic write,
        then :meth:`saved`. Raises TranscriptError when the save itself fails."""
        from editor.core import project
        data = project.encode(transcript, project_path, extra)
        self.saving(project_path, data)
        project.write(project_path, data, make_folder)
        self.saved(project_path, transcript.segments)

    # ------------------------------------------------------------------ rotation
    def saved(self, project_path: str | Path, segments: list[Segment] | None = None) -> None:
        """The document was just saved to *project_path*: restart the journal empty on it.

        Also moves the journal beside the project after a Save As (or the first
        save of imported work) and removes the old journal and snapshots. *segments*: the
        document's turns as saved, which later snapshots then hold only the changes to (deltas).
        """
        self.unchanged = None
        error: TranscriptError | OSError | None = None
        try:
            base = BaseRef.of_file(BASE_PROJECT, project_path)
            for place in journal_paths_for(project_path, saved=True, data_dir=self.data_dir):
                try:
                    self._rebase(base, place, keep_from=None)
                    error = None
                    break
                except (TranscriptError, OSError) as failure:
                    error = failure
        except TranscriptError as failure:
            error = failure
        if error is not None:
            # The save itself worked; only crash protection for the next edits is missing.
            problem = error.problem if isinstance(error, TranscriptError) else _reason(error)
            self.write_error = TranscriptError(f"cannot restart the recovery journal after saving "
                                               f"({problem})", project_path)
            if self.on_error is not None:
                self.on_error(self.write_error)
            return
        for orphan in snapshot_paths_for(self.path):   # left by a crash between snapshot and rotation
            remove_quietly(orphan)
        self._unwritten = set(_OTHER_PARTS)
        self.unsynced.clear()    # the project file holds the derived data too
        if segments is not None:
            self.unchanged = Unchanged(segments, self.base)

    def _rebase(self, base: BaseRef, new_path: Path, keep_from: int | None,
                keep_seq: int | None = None, generation: int | None = None, anchor: BaseRef | None = None) -> bool:
        """Point the journal at *base* (a delta on *anchor*, when given), keeping the lines from byte
        *keep_from* on (or none).

        The new journal replaces the old one atomically, so whatever moment a
        crash picks, the journal on disk names a base that exists (and the file a delta adds to:
        the snapshots the old journal needed go after it, those the new one needs stay). With
        *generation* (a snapshot's), do nothing and return False when the journal
        was rotated since that snapshot was captured.
        """
        with self._lock:
            if self._closed or (generation is not None and generation != self._generation):
                return False
            seq0 = self._seq if keep_seq is None else keep_seq
            kept = b""
            if keep_from is not None and keep_from < self._size:
                with open(self.path, "rb") as handle:
                    handle.seek(keep_from)
                    kept = handle.read(self._size - keep_from)
            if base.kind != BASE_SNAPSHOT:
                self.original = base.path
            self._cut_seq = max(self._cut_seq, seq0)
            header = header_line(base, seq0, self.original, anchor).encode("utf-8")
            old_path, old_snapshots = self.path, self._snapshot_files()
            new_path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(new_path, header + kept, backup=False)
            fd = open_for_append(new_path)
            os.close(self._fd)
            self._fd, self.path, self.base, self.anchor = fd, new_path, base, anchor
            self._folder_unsynced = None   # atomic_write made the new name durable
            self._base_watch = _watch(base, anchor, self._base_watch)
            self._size = len(header) + len(kept)
            self._generation += 1
            self.write_error = None   # a fresh file: journaling works again
            if new_path != old_path:
                remove_quietly(old_path)
            for path in old_snapshots - self._snapshot_files():
                remove_quietly(path)   # no longer anyone's base
            return True

    def _snapshot_files(self) -> set[str]:
        """The autosave snapshots the journal needs: its base, and the file it adds to when it is a delta."""
        return {ref.path for ref in (self.base, self.anchor) if ref is not None and ref.kind == BASE_SNAPSHOT}

    def snapshot_async(self, transcript: Transcript, extra: dict | None = None,
                       done: Callable[[bool], None] | None = None) -> bool:
        """Autosave: capture *transcript* now, write it in a thread.

        Call on the thread that edits (the GUI thread). The capture is the turns changed since the
        file :attr:`unchanged` refers to (a delta: a few passes in C over the rows, and the changed
        turns' fields), or, when there is none yet or most turns changed, every turn's fields
        (O(segments), no words copied). The thread writes a new snapshot file, then rotates the
        journal onto it keeping only the lines committed since the capture. Returns False (and does
        nothing) when a snapshot is still being written or nothing changed since the last one.
        *done(ok)* runs on the worker thread.
        """
        with self._lock:
            if self._snapshot_busy or self._closed or self._snapshot_seq == self._seq:
                return False
            self._snapshot_busy = True
            job = (self._seq, self._size, self._generation)
            self._cut_seq = self._seq   # the rotation keeps only the lines after this one
        captured = self._capture(transcript)
        whole = self.unchanged if isinstance(captured, Captured) else None
        self._turns = True
        self._snapshot_thread = threading.Thread(target=self._write_snapshot, args=(captured, extra, job, done),
                                                 kwargs={"whole": whole}, name="autosave", daemon=True)
        self._snapshot_thread.start()
        return True

    def _capture(self, transcript: Transcript) -> Captured | DeltaCapture:
        """What the next snapshot holds: a delta on :attr:`unchanged`'s base when it can be, else the
        whole document, whose turns a new :class:`Unchanged` then refers to (once it is written)."""
        if self.unchanged is not None:
            delta = autosave_delta.capture(self.unchanged, transcript)
            if delta is not None:
                return delta
        self.unchanged = Unchanged(transcript.segments)
        return capture(transcript)

    def snapshot_now(self, transcript: Transcript, extra: dict | None = None) -> bool:
        """:meth:`snapshot_async` finished before returning (tests, quitting); raises on failure."""
        self.wait_snapshot()
        with self._lock:
            if self._closed:
                return False
            self._snapshot_busy = True
            job = (self._seq, self._size, self._generation)
            self._cut_seq = self._seq
        self.unchanged = Unchanged(transcript.segments)
        ok = self._write_snapshot(capture(transcript), extra, job, None, whole=self.unchanged)
        if self.snapshot_error is not None:
            raise self.snapshot_error
        return ok

    def wait_snapshot(self, timeout: float | None = None) -> None:
        worker = self._snapshot_thread
        if worker is not None and worker is not threading.current_thread():
            self._hurry = True     # the thread that would give it turns is waiting here
            try:
                worker.join(timeout)
            finally:
                self._hurry = False

    def _pace(self) -> None:
        """Between slices of a snapshot's serializing: on the autosave worker, wait for the thread that
        edits to have its turn (:attr:`pace`), unless it is waiting for the snapshot or did not answer
        (busy: then the rest of the snapshot goes without turns)."""
        pace = self.pace
        if pace is None or not self._turns or self._hurry or threading.current_thread() is not self._snapshot_thread:
            return
        if not pace():
            self._turns = False

    def _write_snapshot(self, captured: Captured | DeltaCapture, extra: dict | None, job: tuple[int, int, int],
                        done: Callable[[bool], None] | None, journal_path: Path | None = None,
                        keep: bool = True, whole: Unchanged | None = None) -> bool:
        """Write a snapshot (the whole document, or a delta) and re-base onto it, keeping the lines
        from the capture on (*keep*). *whole*: the turns of a whole document's snapshot, which refer
        to it once it is the base."""
        seq, offset, generation = job
        journal_path = journal_path or self.path
        ok = False
        # A new name each time: the journal keeps naming the previous snapshot until the
        # rotation renames the journal atomically, so a crash never leaves it without its base.
        target = new_snapshot_path(journal_path, seq)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(captured, DeltaCapture):
                anchor: BaseRef | None = captured.base
                data = autosave_delta.encode(captured, target, extra, self._pace)
            else:
                anchor = None
                data = project_bytes(captured.thaw(), target, extra, self._pace)
            atomic_write(target, data, backup=False)
            written = BaseRef.of_bytes(BASE_SNAPSHOT, target, data)
            ok = self._rebase(written, journal_path, keep_from=offset if keep else None, keep_seq=seq,
                              generation=generation, anchor=anchor)
            if ok and whole is not None:
                whole.base = written
            self.snapshot_error = None
        except TranscriptError as error:
            self.snapshot_error = error
        except OSError as error:
            self.snapshot_error = TranscriptError(f"autosave failed ({error.strerror or error})", target)
        finally:
            if not ok:
                remove_quietly(target)
            with self._lock:
                self._snapshot_busy = False
                if ok:
                    self._snapshot_seq = seq
        if done is not None:
            done(ok)
        return ok

    # ------------------------------------------------------------------ closing
    def sync(self) -> None:
        """fsync now (the background syncer does this on its own within FSYNC_INTERVAL)."""
        with self._lock:
            if not self._closed:
                os.fsync(self._fd)
        self._sync_folder()

    def close(self, closed_by: str = "") -> None:
        """Stop writing; the files stay (a later start offers them for recovery). *closed_by*: why the
        window ends with the work unsaved, when it knows
        (:data:`~editor.session.journal_lines.CLOSED_BY_SYSTEM`), written as the last
        line for the restore prompt to say; none is written after a crash, which cannot say. A snapshot
        being written is waited for: the journal left then starts from it."""
        self.wait_snapshot()
        self._stop_writing(closed_by)

    def _stop_writing(self, closed_by: str = "") -> None:
        if self._syncer is not None:
            self._syncer.stop()
        with self._lock:
            if self._closed:
                return
            if closed_by and self.write_error is None:
                # Not an edit: no sequence number ("after" says where it falls).
                self._write(encode_line({"after": self._seq, "closed": closed_by}))
            self._closed = True
            fsync_and_close(self._fd)
        # No line refers to them any more: a replace-all's memo holds thousands of turns' values,
        # which would live on with whoever still holds the closed journal (the autosaver, for its snapshot).
        self._memos = {}
        self._sync_folder()

    def discard(self) -> None:
        """Close and delete the journal and its snapshot (clean close, nothing unsaved).

        A snapshot being written is not waited for: a long episode's takes seconds, and the window
        discards the journal as the producer undoes the last edit. Its rotation finds the journal
        closed and removes the snapshot's file (one done before this is this journal's base now)."""
        self._stop_writing()
        remove_quietly(self.path)
        for path in self._snapshot_files():
            remove_quietly(path)

    def _dup_fd(self) -> int | None:
        with self._lock:
            return None if self._closed else os.dup(self._fd)

    def _sync_folder(self) -> None:
        """Make the journal's name durable if it is not yet (see :class:`PreparedJournal`)."""
        with self._lock:
            folder, self._folder_unsynced = self._folder_unsynced, None
        if folder is not None:
            fsync_folder(folder)


class PreparedJournal:
    """A journal's first line, written and on the disk ahead of the first edit under a temporary name
    beside where the journal goes (``.<name>.<8 random>.tmp``: what a kill leaves of it, recovery's
    cleanup removes).

    Starting a journal at the first edit wrote its header with two fsyncs (the file, then the folder
    for its rename): 10-100 ms on the GUI thread as the producer's first keystroke or Replace all
    happens. Prepared on a worker when the document opens, the start is a rename and nothing more: the
    header was durable before the first line is written, and the rename becomes durable with that
    line, by the journal's background fsync (a kill loses neither: both are in the kernel at once).
    The journal a crash left at the same place is replaced only then, by the first edit, as before.
    """

    def __init__(self, path: Path, base: BaseRef, temp: str, fd: int, size: int,
                 data_dir: str | Path | None) -> None:
        self.path = path
        self.base = base
        self._temp = temp
        self._fd: int | None = fd    # None once started or discarded
        self._size = size
        self._data_dir = data_dir
        self._lock = threading.Lock()

    @classmethod
    def write(cls, path: str | Path, base: BaseRef, data_dir: str | Path | None = None) -> PreparedJournal:
        """The header of a journal at *path* for edits onto *base*, written beside it (slow: fsync)."""
        path = Path(path)
        header = header_line(base, 0, base.path).encode("utf-8")
        with _starting_at(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = write_replacement(path, header)
        try:
            fd = open_for_append(temp)
        except OSError as error:
            remove_quietly(temp)
            raise TranscriptError(f"cannot start the recovery journal ({_reason(error)})", path) from None
        return cls(path, base, temp, fd, len(header), data_dir)

    def start(self, fsync_interval: float | None = FSYNC_INTERVAL) -> Journal:
        """The journal, in its place now (replacing any old one there); cheap. Raises TranscriptError
        when it can no longer be (discarded, or its temporary file removed or its folder gone since)."""
        with self._lock:
            fd, self._fd = self._fd, None
            if fd is None:
                raise TranscriptError("cannot start the recovery journal (its prepared file was dropped)", self.path)
            try:
                os.replace(self._temp, self.path)
            except OSError as error:
                os.close(fd)
                remove_quietly(self._temp)
                raise TranscriptError(f"cannot start the recovery journal ({_reason(error)})", self.path) from None
        journal = Journal(self.path, self.base, fd, 0, self._size, fsync_interval)
        journal.data_dir = self._data_dir
        journal._folder_unsynced = self.path.parent
        return journal

    def discard(self) -> None:
        """Not needed after all (another document, a save, closing): its temporary file goes."""
        with self._lock:
            fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
            remove_quietly(self._temp)



def _watch(base: BaseRef, anchor: BaseRef | None, watched: dict[str, tuple | None]) -> dict[str, tuple | None]:
    """What to watch of a journal's base (its stat key now: just written or bound to) and of the file a
    delta base adds to (as already *watched*, when it was: a change since must not go unseen)."""
    watch = {base.path: file_state(base.path)}
    if anchor is not None:
        watch[anchor.path] = watched[anchor.path] if anchor.path in watched else file_state(anchor.path)
    return watch


_Started = TypeVar("_Started")    # what a journal-starting function makes at its place


def _at_first_place(places: list[Path], start: Callable[[Path], _Started]) -> _Started:
    """``start(place)`` for the first of *places* that takes the journal (the last one's error raised)."""
    for place in places[:-1]:
        try:
            return start(place)
        except TranscriptError:
            continue
    return start(places[-1])


@contextlib.contextmanager
def _starting_at(path: Path):
    """Around writing a journal's first line at *path*: a failure raised as TranscriptError saying so."""
    try:
        yield
    except OSError as error:
        raise TranscriptError(f"cannot start the recovery journal ({_reason(error)})", path) from None
    except TranscriptError as error:
        problem = error.problem.removeprefix("cannot save: ")
        raise TranscriptError(f"cannot start the recovery journal ({problem})", path) from None


def _reason(error: OSError) -> str:
    import errno
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the folder is on a read-only file system"
    return error.strerror or str(error)


class _Syncer:
    """fsyncs the journal in the background at most *interval* seconds after a write.

    At once when the last fsync is more than *interval* ago (an edit on its own, a Replace all:
    its line is on the disk while the window is still showing it), else at the end of that
    interval (typing: one fsync per interval however many keystrokes it had).
    """

    def __init__(self, journal: Journal, interval: float):
        self._journal = journal
        self._interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="journal-fsync", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._stop.set()
        self._wake.set()
        self._thread.join(2.0)

    def _loop(self) -> None:
        synced = -self._interval   # time.monotonic() of the last fsync
        while not self._stopping:
            self._wake.wait()
            if self._stopping:
                return
            # Gather the writes of the rest of the interval since the last fsync into one.
            self._stop.wait(max(0.0, synced + self._interval - time.monotonic()))
            self._wake.clear()
            fd = self._journal._dup_fd()
            if fd is None:
                return
            fsync_and_close(fd)
            self._journal._sync_folder()
            synced = time.monotonic()