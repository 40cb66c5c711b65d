"""Journals kept aside (:meth:`~editor.session.recovery.Pending.keep_aside`: work that could not be
restored, or that the producer set aside), for the producer to find, put back and restore, or delete."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.core.errors import TranscriptError
from editor.session import recovery
from editor.session.journal_base import BASE_SNAPSHOT, BaseRef
from editor.session.journal_files import remove_quietly
from editor.session.journal_places import JOURNAL_SUFFIX, KEPT_TAG, SNAPSHOT_SUFFIX, UNRESTORED_SUFFIX, is_snapshot_name


@dataclass
class KeptWork:
    """A journal :meth:`~editor.session.recovery.Pending.keep_aside` moved out of the way, for the
    producer to restore or delete."""

    pending: recovery.Pending       # read where it is kept (its journal_path is the kept file)
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
    pending = recovery.inspect(path)
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


def put_back(kept: KeptWork) -> recovery.Pending:
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
    pending = recovery.inspect(kept.live_path)
    if pending is None:
        raise TranscriptError("it is gone", kept.live_path)
    return pending


def delete_kept(kept: KeptWork) -> None:
    """Delete a kept journal and its snapshots (the producer asked to)."""
    for path in kept.files():
        remove_quietly(path)

