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
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from editor.core import ops
from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Speaker, Transcript
from editor.session import autosave_delta
from editor.session.journal import FSYNC_INTERVAL, Journal
from editor.session.journal_base import BASE_PROJECT, BASE_SNAPSHOT, BASE_SOURCE, BaseRef
from editor.session.journal_compact import AFTER, BEFORE, ReplaceMemo, ShiftMemo, text_state, times_state
from editor.session.journal_files import is_locked, open_for_append, remove_quietly
from editor.session.journal_lines import (
    DELTA_JOURNAL_VERSION,
    chapters_to_json,
    decode_line,
    meta_to_json,
    segments_from_json,
    speakers_to_json,
)
from editor.session.journal_places import (
    JOURNAL_SUFFIX,
    KEPT_TAG,
    SNAPSHOT_SUFFIX,
    UNRESTORED_SUFFIX,
    is_snapshot_name,
    journal_paths_for,
    own_snapshots,
    recovery_dir,
)


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
        with :func:`replay`)."""
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
    for orphan in _orphans(folder) + _stray_prepared(folder):
        remove_quietly(orphan)
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


# ---------------------------------------------------------------------------------- kept aside


@dataclass
class KeptWork:
    """A journal :meth:`Pending.keep_aside` moved out of the way, for the producer to restore or delete."""

    pending: Pending       # read where it is kept (its journal_path is the kept file)
    live_path: Path        # where it was, and goes back to for a restore
    tag: str               # what keeping it added to its name (and its snapshots')

    @property
    def kept_at(self) -> datetime | None:
        match = KEPT_TAG.search(self.tag)
        try:
            return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None
        except ValueError:
            return None

    @property
    def document(self) -> str:
        """The file the work belongs to ("" when its journal does not say and nothing beside it does)."""
        if self.pending.base is not None:
            return self.pending.source_path
        beside = self.live_path.with_name(self.live_path.name.removesuffix(JOURNAL_SUFFIX))
        return str(beside) if beside != self.live_path and beside.is_file() else ""

    def snapshots(self) -> list[Path]:
        """The autosave snapshots kept with it (renamed with the same tag)."""
        folder, stem = self.live_path.parent, self.live_path.name.removesuffix(JOURNAL_SUFFIX)
        prefix = f"{stem}{SNAPSHOT_SUFFIX}-"
        try:
            names = os.listdir(folder)
        except OSError:
            return []
        return [folder / name for name in sorted(names) if name.startswith(prefix) and name.endswith(self.tag)
                and is_snapshot_name(name[: -len(self.tag)])]

    def files(self) -> list[Path]:
        return [self.pending.journal_path, *self.snapshots()]


def inspect_kept(path: str | Path) -> KeptWork | None:
    """The kept journal at *path* (None when it is not one, or gone). Its base is checked where it is
    now: an autosave snapshot it follows was kept under the same tag."""
    path = Path(path)
    match = KEPT_TAG.search(path.name)
    if match is None or not path.name[: match.start()].endswith(JOURNAL_SUFFIX):
        return None
    pending = inspect(path)
    if pending is None:
        return None
    kept = KeptWork(pending, path.with_name(path.name[: match.start()]), match.group(0))
    needed = [ref for ref in (pending.base, pending.anchor) if ref is not None]
    if pending.problem and needed and all(ref.matches_file() or (ref.kind == BASE_SNAPSHOT and BaseRef(
            ref.kind, ref.path + kept.tag, ref.sha256, ref.size, ref.format).matches_file()) for ref in needed):
        pending.problem = ""
    return kept


def find_kept(folders) -> list[KeptWork]:
    """Journals kept aside in *folders* (and nothing else there is touched), the latest kept first."""
    found = []
    seen: set[Path] = set()
    for folder in folders:
        folder = Path(folder)
        if folder in seen or not folder.is_dir():
            continue
        seen.add(folder)
        for path in sorted(folder.glob(f"*{JOURNAL_SUFFIX}{UNRESTORED_SUFFIX}-*")):
            kept = inspect_kept(path)
            if kept is not None:
                found.append(kept)
    return sorted(found, key=lambda kept: kept.kept_at or datetime.min, reverse=True)


def put_back(kept: KeptWork) -> Pending:
    """Move a kept journal (and its snapshots) back where it was, to be restored; returns it read
    there. Raises TranscriptError when another journal is in its place (unsaved work of a later
    session) or it cannot be moved."""
    if kept.live_path.exists():
        raise TranscriptError("another journal of the same document is in its place (unsaved work of a later "
                              "session): restore or discard that one first", kept.live_path)
    try:
        # The journal first: a kill before its snapshots follow leaves them under their kept names,
        # which no clean-up deletes, never a snapshot the journal does not name yet.
        os.replace(kept.pending.journal_path, kept.live_path)
        for snapshot in kept.snapshots():
            os.replace(snapshot, snapshot.with_name(snapshot.name[: -len(kept.tag)]))
    except OSError as error:
        raise TranscriptError(f"cannot move it back ({error.strerror or error})", kept.pending.journal_path) from None
    pending = inspect(kept.live_path)
    if pending is None:
        raise TranscriptError("it is gone", kept.live_path)
    return pending


def delete_kept(kept: KeptWork) -> None:
    """Delete a kept journal and its snapshots (the producer asked to)."""
    for path in kept.files():
        remove_quietly(path)


# ---------------------------------------------------------------------------------- leftovers
def clean_leftovers(journal_path: str | Path) -> list[Path]:
    """Delete what a kill left of this program's own writes for one document; return what went.

    Only names this program makes are touched: the temporary files of its atomic writes
    (``.<name>.<8 random>.tmp``, ``.<name>.bak.tmp``, for the project, its journal and its
    snapshots) and autosave snapshots the journal no longer names. Nothing is touched while
    another running instance holds the journal.
    """
    journal_path = Path(journal_path)
    folder = journal_path.parent
    try:
        names = os.listdir(folder)   # once, for the snapshots and the temporary files alike
    except OSError:
        return []   # no folder (nothing was ever journaled there), or one that cannot be read
    if not names or (journal_path.exists() and is_locked(journal_path)):
        return []
    keep = {Path(base.path) for base in _header_bases(journal_path) if base.kind == BASE_SNAPSHOT}
    stem = journal_path.name.removesuffix(JOURNAL_SUFFIX)
    snapshot_prefix = f"{stem}{SNAPSHOT_SUFFIX}-"   # the names snapshot_paths_for globs for
    removed = [folder / n for n in sorted(names) if n.startswith(snapshot_prefix)
               and folder / n not in keep and is_snapshot_name(n)]
    temp_prefix = f".{stem}"
    removed += [folder / n for n in names if n.startswith(temp_prefix)
                and _TEMP_TAIL.fullmatch(n, len(temp_prefix))
                and _older_than(folder / n, ORPHAN_AGE_S)    # not one being written now
                and not is_locked(folder / n)]   # nor a journal another instance prepared (it holds it)
    for path in removed:
        remove_quietly(path)
    return removed


# What follows ``.<stem>`` in the name of an atomic write's temporary file: the project's own,
# its journal's, or a snapshot's (``write_replacement`` makes them).
_TEMP_TAIL = re.compile(rf"(?:{re.escape(JOURNAL_SUFFIX)}|{re.escape(SNAPSHOT_SUFFIX)}-\d+-[0-9a-f]{{6}})?"
                        rf"\.(?:[a-z0-9_]{{8}}|bak)\.tmp")


# A running instance writes a new snapshot a moment before the journal that names it: only
# snapshots older than this are taken for a kill's leftovers.
ORPHAN_AGE_S = 60.0


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _orphans(folder: Path) -> list[Path]:
    """Snapshots in the recovery folder whose journal is gone (a kill between rotation steps)."""
    orphans = []
    for snapshot in folder.glob(f"*{SNAPSHOT_SUFFIX}-*"):
        stem = snapshot.name.rpartition(SNAPSHOT_SUFFIX + "-")[0]
        if is_snapshot_name(snapshot.name) and not (folder / f"{stem}{JOURNAL_SUFFIX}").exists() \
                and _older_than(snapshot, ORPHAN_AGE_S):
            orphans.append(snapshot)
    return orphans


def _stray_prepared(folder: Path) -> list[Path]:
    """Journal files prepared ahead of a first edit that never came (``.<name>.journal.<8>.tmp``, see
    ``PreparedJournal``) by an instance that is gone: no journal of that name may exist for
    :func:`clean_leftovers` to find them by. A running instance holds its own locked."""
    return [path for path in folder.glob(f".*{JOURNAL_SUFFIX}.*.tmp")
            if _PREPARED_TAIL.fullmatch(path.name.rpartition(JOURNAL_SUFFIX)[2])
            and _older_than(path, ORPHAN_AGE_S) and not is_locked(path)]


_PREPARED_TAIL = re.compile(r"\.[a-z0-9_]{8}\.tmp")


def _header_bases(journal_path: Path) -> list[BaseRef]:
    """The files the journal's lines need: its base, and the file that adds to when it is a delta."""
    try:
        with open(journal_path, "rb") as handle:
            header = decode_line(handle.readline(1 << 16))
        if not header:
            return []
        return [BaseRef.from_json(header[key]) for key in ("base", "anchor") if key in header]
    except (OSError, ValueError):
        return []


def _copy(source: Path, target: Path) -> None:
    """*source* copied to *target*, durably (a journal kept aside is the producer's only copy)."""
    try:
        atomic_write(target, source.read_bytes(), backup=False)
    except TranscriptError as error:
        raise OSError(error.problem) from None


# ---------------------------------------------------------------------------------- replay
def replay(transcript: Transcript, records: list[dict], journal_path: str | Path | None = None,
           run: Callable[[ops.Op], object] | None = None) -> int:
    """Apply journal *records* to *transcript*, each through *run* (see :func:`apply_record`);
    returns how many were applied. Raises TranscriptError at the first line that does not fit."""
    applied, misfit = replay_fitting(transcript, records, journal_path, run)
    if misfit is not None:
        raise misfit
    return applied


def replay_fitting(transcript: Transcript, records: list[dict], journal_path: str | Path | None = None,
                   run: Callable[[ops.Op], object] | None = None) -> tuple[int, TranscriptError | None]:
    """:func:`replay` up to the first line that does not fit: how many records were applied, and
    why the next one does not fit (None when all did). A line is planned whole before it is applied,
    so the one that does not fit changes nothing."""
    memos: dict[int, ReplaceMemo | ShiftMemo] = {}   # what each replace or shift line found and left
    for index, record in enumerate(records):
        try:
            apply_record(transcript, record, memos, run)
        except (TranscriptError, ValueError, TypeError, IndexError, KeyError) as error:
            problem = error.problem if isinstance(error, TranscriptError) else str(error)
            return index, TranscriptError(f"journal entry {record.get('seq')} does not fit the base: {problem}",
                                          journal_path, line=index + 2)
    return len(records), None


def apply_record(transcript: Transcript, record: dict, memos: dict[int, ReplaceMemo | ShiftMemo] | None = None,
                 run: Callable[[ops.Op], object] | None = None) -> None:
    """One journal line, as the reversible op :func:`record_op` plans from it.

    *run* applies that op (default: straight onto *transcript*); the window passes its undo stack's
    push, so each restored line is an undo step as the edit was before the crash. *memos* gathers
    what each ``replace`` line found and left, for the ``restore`` lines of its undo and redo
    (see :mod:`editor.session.journal`)."""
    rows = [row for row, _ in record.get("replace", ())]
    segments = transcript.segments
    op = record_op(transcript, record, memos)
    found = {row: text_state(segments[row]) for row in rows}
    shift = _set_times(op) if "shift" in record else None
    if shift is not None:
        before = times_state(segments, shift.first, shift.columns, len(shift))
    if run is None:
        ops.run(transcript, op)
    else:
        run(op)
    if rows and memos is not None:
        segments = transcript.segments
        memos[record["seq"]] = ReplaceMemo({BEFORE: found, AFTER: {row: text_state(segments[row]) for row in rows}})
    if shift is not None and memos is not None:
        memos[record["seq"]] = ShiftMemo(shift.first, {BEFORE: before, AFTER: dict(shift.columns)})


def _set_times(op: ops.Op) -> ops.SetTimes | None:
    """The turns' times a shift line's op sets."""
    if isinstance(op, ops.SetTimes):
        return op
    if isinstance(op, ops.Group):
        return next(filter(None, map(_set_times, op.ops)), None)
    return None


def record_op(transcript: Transcript, record: dict, memos: dict[int, ReplaceMemo | ShiftMemo] | None = None) -> ops.Op:
    """The op that does what journal line *record* did to *transcript* (not applied yet).

    Speakers, meta and chapters come first (segments refer to speakers), then the rows; a line
    that does not fit *transcript* raises IndexError, ValueError or KeyError."""
    parts: list[ops.Op] = []
    speakers = transcript.speakers
    # A journal's first line holds speakers and meta even when they did not change: left out then,
    # so that line is the edit alone (typing merges with the keystrokes after it).
    if "speakers" in record and record["speakers"] != speakers_to_json(speakers):
        speakers = {sid: Speaker(sid, name) for sid, name in record["speakers"]}
        parts.append(ops.SetSpeakers(tuple(speakers.values())))
    if "meta" in record and record["meta"] != meta_to_json(transcript.meta):
        meta = record["meta"]
        parts.append(ops.SetMeta({"title": meta["title"], "audio_path": meta["audio_path"],
                                  "duration_ms": meta["duration_ms"], "language": meta["language"]}))
    chapters: list[ops.Op] = []
    if "chapters" in record and record["chapters"] != chapters_to_json(transcript.chapters):
        from editor.core.project import chapters_from_list
        chapters.append(ops.SetChapters(tuple(chapters_from_list(record["chapters"]))))
    if "shift" not in record:
        parts += chapters
    count = len(transcript.segments)
    if "set" in record:
        rows = [row for row, _ in record["set"]]
        new = segments_from_json([data for _, data in record["set"]], speakers)
        for row, segment in zip(rows, new, strict=False):
            _check_row(row, count)
            parts.append(ops.ReplaceSegments(row, 1, (segment,)))
    if "replace" in record:
        replaced = record["replace"]
        for row, _ in replaced:
            _check_row(row, count)
        parts.append(ops.replace_spans(transcript, [(row, start, end, text) for row, spans in replaced
                                                    for start, end, text in spans]))
    if "shift" in record:
        first, delta_ms, turns, clamped = record["shift"]
        _check_row(first, count)
        shift = ops.shift_times(transcript, delta_ms, first)
        if (shift.turns, shift.clamped) != (turns, clamped):
            raise ValueError(f"it shifts {turns} turns ({clamped} clamped at 0:00) from turn {first + 1}, "
                             f"here {shift.turns} ({shift.clamped} clamped)")
        parts.append(shift.op)
        parts += chapters    # after the shift's own: the line holds the chapters as they were left
    if "reshift" in record:
        seq, side = record["reshift"]
        shift_memo = memos.get(seq) if memos is not None else None
        if not isinstance(shift_memo, ShiftMemo):
            raise ValueError(f"it puts back the turns of shift entry {seq}, which is not in the journal")
        put_back = ops.SetTimes(shift_memo.first, shift_memo.states[side])
        _check_row(shift_memo.first + len(put_back) - 1, count)
        parts.append(put_back)
    if "restore" in record:
        seq, side, rows = record["restore"]
        memo = memos.get(seq) if memos is not None else None
        if not isinstance(memo, ReplaceMemo):
            raise ValueError(f"it puts back the turns of entry {seq}, which is not in the journal")
        states = memo.states[side]
        edits = []
        for row in rows:
            _check_row(row, count)
            text, words, marks = states[row]
            edits.append((row, {"text": text, "words": words, "marks": marks}))
        parts.append(ops.SetFields(tuple(edits)))
    if "rows" in record:
        first, removed = record["rows"]
        if not (first >= 0 and removed >= 0 and first + removed <= count):
            raise IndexError(f"rows {first}..{first + removed} are beyond the {count} segments")
        parts.append(ops.ReplaceSegments(first, removed, tuple(segments_from_json(record["segments"], speakers))))
    return parts[0] if len(parts) == 1 else ops.Group(tuple(parts))   # no parts: a line marking a save


# What typing sets (word_timing: words typed into a turn with heard times make its times estimated;
# ignored: the passages said right there move along with the text typed before them).
_TYPED_FIELDS = frozenset({"text", "words", "marks", "word_timing", "status", "approved_by", "approved_at",
                           "ignored"})


def typed_row(transcript: Transcript, op: ops.Op) -> int | None:
    """The row when *op* (from :func:`record_op`) only changes one turn's text, as typing does (an
    approved turn typed in is reopened too), else None: consecutive ones were one undo step."""
    if not isinstance(op, ops.ReplaceSegments) or op.count != 1 or len(op.segments) != 1:
        return None
    old, new = transcript.segments[op.index], op.segments[0]
    same = all(getattr(old, name) == getattr(new, name) for name in Segment.__slots__
               if name not in _TYPED_FIELDS)
    return op.index if same and old.text != new.text else None


def document_op(transcript: Transcript, target: Transcript) -> ops.Op:
    """The op that makes *transcript* what *target* holds (an autosave snapshot restored over the
    file it was taken of: the edits before it are one step).

    The audio's link and length are left as they are: the window sets them as it finds the audio
    (derived data, never an edit), so undoing the restore must not put back the audio the document
    had before it while the window plays another, or a length learnt since."""
    meta = target.meta
    return ops.Group((ops.SetSpeakers(tuple(target.speakers.values())),
                      ops.SetMeta({"title": meta.title, "language": meta.language}),
                      ops.SetChapters(tuple(target.chapters)),
                      ops.ReplaceSegments(0, len(transcript.segments), tuple(target.segments))))


def _check_row(row, count: int) -> None:
    if type(row) is not int or not 0 <= row < count:
        raise IndexError(f"row {row} is beyond the {count} segments")


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
