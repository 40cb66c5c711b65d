"""Finding and restoring work a crash left behind: the last save (or snapshot) plus the journal.

How the pieces fit (the design behind "never lose a producer's work"):

* **Journal per edit, for zero loss.** Every committed edit is one line in
  ``<project>.journal`` before the interface moves on (:mod:`editor.session.journal`).
  A kill, a crash or a frozen machine that is reset loses nothing the producer
  saw happen (a power cut at most the last :data:`~editor.session.journal.FSYNC_INTERVAL`).
* **Periodic snapshot, to keep replay short.** Autosave
  (:meth:`Journal.snapshot_async`, a few seconds after the last change) captures
  on the GUI thread the turns changed since the file the document came from (or the
  last whole snapshot) and writes them in a background thread as a delta on that file
  (:mod:`editor.session.autosave_delta`; the whole document when most turns changed),
  ``<project>.autosave-<seq>-<random>``, then rotates the journal onto it
  keeping only the lines committed meanwhile. Each rotation replaces the
  journal atomically, and the snapshot it names (and the whole snapshot a delta adds
  to, which the journal's header names too) is written before and deleted
  after, so on disk there is always a journal whose base exists.
* **Save ends it.** Saving writes the project atomically (``.bak`` kept) and
  restarts the journal empty on the new file (:meth:`Journal.saved`).
* **Unsaved work** (an SRT imported and edited, never saved as a project) keeps
  its journal in the user's data folder; its base is the imported file itself,
  identified by SHA-256 and re-read with the same reader, so nothing has to be
  written at import time.

On the next start :func:`find_for` (the file being opened) or :func:`find_unsaved`
(start page) return a :class:`Pending` the window offers to restore:
:meth:`Pending.recover` gives the transcript (base + replay),
:meth:`Pending.resume` continues journaling onto the restored state, and
:meth:`Pending.discard` deletes it. A journal whose base changed on disk
(edited by another program) is reported with :attr:`Pending.problem` and
never replayed onto the wrong file; a journal a running instance holds is not offered.

Beside it: :mod:`editor.session.journal_replay` turns the lines back into ops,
:mod:`editor.session.leftovers` deletes what a kill left of the program's own writes, and
:mod:`editor.session.kept_work` finds, puts back and deletes the journals :meth:`Pending.keep_aside`
set aside.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.transcript import Transcript
from editor.session import autosave_delta
from editor.session.journal import FSYNC_INTERVAL, Journal
from editor.session.journal_base import BASE_PROJECT, BASE_SNAPSHOT, BASE_SOURCE, BaseRef
from editor.session.journal_files import is_locked, open_for_append, remove_quietly
from editor.session.journal_lines import DELTA_JOURNAL_VERSION, decode_line
from editor.session.journal_places import (
    JOURNAL_SUFFIX,
    KEPT_TAG,
    UNRESTORED_SUFFIX,
    journal_paths_for,
    own_snapshots,
    recovery_dir,
)
from editor.session.journal_replay import replay
from editor.session.leftovers import clean_folder, clean_leftovers


@dataclass
class Recovered:
    """What a journal gave back: the transcript with its edits replayed, and how many."""

    transcript: Transcript
    extra: dict
    applied: int           # edits replayed onto the base
    last_seq: int          # the sequence number of the last edit restored


@dataclass
class Pending:
    """A journal left behind, read but not yet applied."""

    journal_path: Path
    base: BaseRef | None
    seq0: int = 0
    anchor: BaseRef | None = None   # the file the base adds to, when the base is an autosave delta
    records: list[dict] = field(default_factory=list, repr=False)
    good_size: int = 0     # bytes up to the end of the last intact line
    ends: list[int] = field(default_factory=list, repr=False)   # where each record's line ends (bytes)
    start: int = 0         # where the lines of :attr:`records` begin (bytes)
    torn: bool = False     # an incomplete or corrupt tail was ignored
    problem: str = ""      # why it cannot be restored, said of the work ("its journal …"; "" when it can)
    created: str = ""
    original_path: str = ""   # the project or imported source the work belongs to
    kept: list[Path] = field(default_factory=list, repr=False)   # where keep_aside moved it
    # Why the window that wrote it ended with the work unsaved, when it said so (CLOSED_BY_SYSTEM);
    # "" when it just stopped writing (a crash, a kill).
    closed_by: str = ""

    # ------------------------------------------------------------------ describing
    @property
    def recoverable(self) -> bool:
        return not self.problem

    @property
    def edit_count(self) -> int:
        return sum(1 for record in self.records if "saving" not in record)

    @property
    def last_seq(self) -> int:
        edits = [record["seq"] for record in self.records if "seq" in record]
        return edits[-1] if edits else self.seq0

    @property
    def has_changes(self) -> bool:
        """True when restoring gives something the base does not already hold."""
        return bool(self.edit_count) or (self.base is not None and self.base.kind == "snapshot")

    @property
    def source_path(self) -> str:
        """The file the work belongs to: the project, or the imported source of unsaved work."""
        if self.base is None:
            return ""
        return self.original_path or self.base.path

    def describe(self) -> str:
        """One line for the restore prompt."""
        if self.problem:
            return f"{self.journal_path}: {self.problem}"
        when = datetime.fromtimestamp(self.journal_path.stat().st_mtime).strftime("%Y-%m-%d %H:%M") \
            if self.journal_path.exists() else "?"
        name = Path(self.source_path).name
        if self.base and self.base.kind == "snapshot":
            # "0 edits after the last autosave" read as if there were nothing to restore
            after = f" and {_edits(self.edit_count)} after it" if self.edit_count else ""
            return f"Unsaved work on {name}: autosaved{after}, last change {when}"
        return f"Unsaved work on {name}: {_edits(self.edit_count)} after the last save, last change {when}"

    # ------------------------------------------------------------------ acting
    def load(self) -> Recovered:
        """The base loaded and the journal replayed onto it."""
        transcript, extra = self.load_base()
        applied = replay(transcript, self.records, self.journal_path)
        return Recovered(transcript, extra, applied, self.last_seq)

    def load_base(self) -> tuple[Transcript, dict]:
        """The transcript and project extra the journal's lines apply to (:attr:`records`, replayed
        with :func:`~editor.session.journal_replay.replay`)."""
        if self.problem or self.base is None:
            raise TranscriptError(f"cannot restore: {self.problem or 'no base'}", self.journal_path)
        return _load_base(self.base)

    def recover(self) -> Transcript:
        return self.load().transcript

    def resume(self, fsync_interval: float | None = FSYNC_INTERVAL) -> Journal:
        """Keep journaling onto the restored transcript (call after :meth:`load`).

        The torn tail, if any, is cut off first so new lines follow the last
        intact one; sequence numbers continue.
        """
        if self.problem or self.base is None:
            raise TranscriptError(f"cannot resume: {self.problem or 'no base'}", self.journal_path)
        try:
            os.truncate(self.journal_path, self.good_size)
            fd = open_for_append(self.journal_path)
        except OSError as error:
            raise TranscriptError(f"cannot reopen the recovery journal ({error.strerror or error})",
                                  self.journal_path) from None
        return Journal(self.journal_path, self.base, fd, self.last_seq, self.good_size,
                       fsync_interval, original=self.original_path, anchor=self.anchor)

    def keep_aside(self, copy: bool = False) -> Path | None:
        """Rename the journal (and its snapshots) to ``<name>.unrestored-<time>`` in the same folder,
        so the journal the next edit starts does not replace it; returns where the journal is now
        (None when there was none to keep). Raises TranscriptError when it cannot be renamed.
        With *copy*, copies are kept there and the journal goes on (see :meth:`cut`).

        Kept-aside names are ones recovery neither offers nor cleans up: they stay until the producer
        deletes them. Snapshots go first, so a kill in between leaves the journal naming a missing
        base (offered as not restorable) rather than a snapshot taken for a leftover and deleted.
        """
        if not self.journal_path.exists():
            return None
        stamp = f"{UNRESTORED_SUFFIX}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
        tag, number = stamp, 1
        while self.journal_path.with_name(self.journal_path.name + tag).exists():   # two in one second
            number += 1
            tag = f"{stamp}-{number}"
        keep: Callable[[Path, Path], object] = _copy if copy else os.replace
        moved = []
        try:
            for snapshot in own_snapshots(self.journal_path):
                keep(snapshot, snapshot.with_name(snapshot.name + tag))
                moved.append(snapshot.with_name(snapshot.name + tag))
            kept = self.journal_path.with_name(self.journal_path.name + tag)
            keep(self.journal_path, kept)
            moved.append(kept)
        except OSError as error:
            raise TranscriptError(f"cannot keep the journal aside ({error.strerror or error})",
                                  self.journal_path) from None
        finally:
            if not copy:       # moved, so Discard deletes them there
                self.kept += moved
        return kept

    def cut(self, count: int) -> None:
        """Keep only the first *count* records: :meth:`resume` then cuts the journal after them
        (the lines after a line that did not fit, kept aside first with :meth:`keep_aside`)."""
        self.good_size = self.ends[count - 1] if count else self.start
        del self.records[count:], self.ends[count:]

    def discard(self) -> None:
        """Delete the journal and the snapshots that belong to it (where :meth:`keep_aside` moved
        them too)."""
        for path in [self.journal_path, *own_snapshots(self.journal_path), *self.kept]:
            remove_quietly(path)


# ---------------------------------------------------------------------------------- finding
def inspect(journal_path: str | Path) -> Pending | None:
    """Read the journal at *journal_path* (None when there is none)."""
    journal_path = Path(journal_path)
    try:
        data = journal_path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        return Pending(journal_path, None, problem=f"its journal cannot be read ({error.strerror or error})")
    lines = data.splitlines(keepends=True)
    header = decode_line(lines[0]) if lines else None
    version = header.get("journal") if header is not None else None
    if type(version) is int and version > DELTA_JOURNAL_VERSION:
        return Pending(journal_path, None, problem="its journal was written by a newer version of Transcript "
                                                   "Editor, which can restore it")
    try:
        if header is None or type(version) is not int or version < 1:
            raise ValueError("unreadable header")
        base = BaseRef.from_json(header.get("base"))
        anchor = BaseRef.from_json(header["anchor"]) if "anchor" in header else None
        seq0 = header["seq0"]
        if type(seq0) is not int:
            raise ValueError("bad seq0")
    except (ValueError, KeyError):
        return Pending(journal_path, None, problem="its journal is damaged at the start, where it says which "
                                                   "file the edits were made on")
    pending = Pending(journal_path, base, seq0, anchor, created=str(header.get("created", "")),
                      original_path=str(header.get("original", "")))
    offset = pending.start = len(lines[0])
    expected = seq0 + 1
    closed_at = 0
    for line in lines[1:]:
        record = decode_line(line)
        if record is not None and isinstance(record.get("closed"), str) and record.get("after") == expected - 1:
            # How the window ended (the journal's last line): no edit, so not among the records.
            pending.closed_by, closed_at = record["closed"], offset
            offset += len(line)
            continue
        pending.closed_by = ""     # lines after it: written by a later window, which did not say
        if record is not None and "saving" in record and record.get("after") == expected - 1:
            pending.records.append(record)    # a save began here (not an edit: no sequence number)
            offset += len(line)
            pending.ends.append(offset)
            continue
        if record is None or record.get("seq") != expected:
            pending.torn = True   # a kill mid-write (or damage): everything before it is intact
            break
        pending.records.append(record)
        offset += len(line)
        pending.ends.append(offset)
        expected += 1
    # Journaling goes on after the last edit: the note of how the window ended is cut off then.
    pending.good_size = closed_at if pending.closed_by else offset
    _rebase_on_finished_save(pending)
    base = pending.base or base
    if is_locked(journal_path):
        pending.problem = "another running Transcript Editor is editing it"
    elif not base.matches_file():
        pending.problem = _base_changed(base)
    elif pending.anchor is not None and not pending.anchor.matches_file():
        pending.problem = _base_changed(pending.anchor)
    return pending


def document_name(pending: Pending) -> str:
    """The name of the file the work belongs to, for the producer: the journal's own word for it, else
    what the journal's name says (``<project>.journal`` beside a project, ``<name>-<hash>.journal`` in
    the recovery folder); "" when neither says (a journal damaged at the start, under another name)."""
    if pending.base is not None:
        return Path(pending.source_path).name
    name = pending.journal_path.name
    tag = KEPT_TAG.search(name)
    name = name[: tag.start()] if tag else name
    if not name.endswith(JOURNAL_SUFFIX):
        return ""
    name = name.removesuffix(JOURNAL_SUFFIX)
    hashed = _HASHED_NAME.fullmatch(name)
    return hashed.group(1) if hashed else name


# An unsaved import's journal in the recovery folder: its file's name, then a hash of its full path.
_HASHED_NAME = re.compile(r"(.+)-[0-9a-f]{16}")


def _base_changed(base: BaseRef) -> str:
    """Why edits cannot be put back onto their base, which is no longer what they were made on."""
    if base.kind == BASE_SNAPSHOT:
        return f"the autosaved copy the edits were made on ({base.path}) is gone or was changed"
    return (f"{base.path} was changed on disk or removed since the edits were made (saved by another program?), "
            f"and they only fit the version they were made on")


def _rebase_on_finished_save(pending: Pending) -> None:
    """A kill during Save, after the project was replaced but before the journal restarted on it:
    the last ``saving`` line names the new file's content; when the file holds exactly that, it is
    the base and only the lines after it are unsaved."""
    for index in range(len(pending.records) - 1, -1, -1):
        saving = pending.records[index].get("saving")
        if not isinstance(saving, dict):
            continue
        try:
            saved = BaseRef(BASE_PROJECT, str(saving["path"]), str(saving["sha256"]), int(saving["size"]))
        except (KeyError, TypeError, ValueError):
            return
        if saved.matches_file():
            pending.base, pending.anchor = saved, None
            pending.seq0 = pending.records[index]["after"]
            pending.original_path = saved.path
            pending.start = pending.ends[index]
            del pending.records[:index + 1], pending.ends[:index + 1]
        return


def find_for(document: str | Path, saved: bool = True, data_dir: str | Path | None = None) -> Pending | None:
    """Work left behind for *document*: a project (*saved*) or a transcript imported from it.

    None when there is nothing worth offering (no journal, or one that adds nothing).
    """
    for place in journal_paths_for(document, saved, data_dir):
        clean_leftovers(place)
        pending = inspect(place)
        if pending is None:
            continue
        if pending.recoverable and not pending.has_changes:
            pending.discard()   # the save already holds everything
            continue
        return pending
    return None


def find_unsaved(data_dir: str | Path | None = None) -> list[Pending]:
    """Journals of unsaved work in the user's data folder (for the start page)."""
    folder = recovery_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    clean_folder(folder)
    for path in sorted(folder.glob(f"*{JOURNAL_SUFFIX}")):
        clean_leftovers(path)
        pending = inspect(path)
        if pending is None:
            continue
        if pending.recoverable and not pending.has_changes:
            pending.discard()
            continue
        found.append(pending)
    return found


def recover(journal_path: str | Path) -> Transcript:
    """The transcript restored from the journal at *journal_path* (last save + replay)."""
    pending = inspect(journal_path)
    if pending is None:
        raise TranscriptError("no recovery journal here", journal_path)
    return pending.recover()


def _copy(source: Path, target: Path) -> None:
    """*source* copied to *target*, durably (a journal kept aside is the producer's only copy)."""
    try:
        atomic_write(target, source.read_bytes(), backup=False)
    except TranscriptError as error:
        raise OSError(error.problem) from None


def _load_base(base: BaseRef, deltas: bool = True) -> tuple[Transcript, dict]:
    """The document *base* holds: a source file read with its reader, a project, an autosave snapshot
    (with *deltas*, one that is a delta put onto the file it adds to, which is never a delta)."""
    if base.kind == BASE_SOURCE:
        from editor.formats import read_file
        fmt = base.format if base.format and base.format != "project" else None
        return read_file(base.path, fmt).transcript, {}
    from editor.core import project
    if base.kind == BASE_SNAPSHOT and deltas:
        delta = _read_delta(Path(base.path))
        if delta is not None:
            return autosave_delta.load(base.path, delta, lambda anchor: _load_base(anchor, deltas=False))
    loaded = project.load(base.path)
    return loaded.transcript, dict(loaded.extra)


def _read_delta(path: Path) -> dict | None:
    """The autosave delta at *path*, read; None when the file is a whole snapshot (or not readable:
    loading it as a project then says why)."""
    import json
    try:
        with open(path, "rb") as handle:
            if not handle.read(64).lstrip().startswith(b'{"' + autosave_delta.DELTA_KEY.encode()):
                return None
            handle.seek(0)
            data = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    return data if autosave_delta.is_delta(data) else None


def _edits(count: int) -> str:
    return f"{count} edit" if count == 1 else f"{count} edits"
