"""What a kill left of this program's own writes, found and deleted: the temporary files of its atomic
writes and autosave snapshots no journal names. Only names this program makes are touched, and
nothing another running instance holds or may be writing now."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from editor.session.journal_base import BASE_SNAPSHOT, BaseRef
from editor.session.journal_files import is_locked, remove_quietly
from editor.session.journal_lines import decode_line
from editor.session.journal_places import JOURNAL_SUFFIX, SNAPSHOT_SUFFIX, is_snapshot_name

# A running instance writes a new snapshot a moment before the journal that names it: only
# snapshots older than this are taken for a kill's leftovers.
ORPHAN_AGE_S = 60.0


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


def clean_folder(folder: Path) -> list[Path]:
    """Delete what a kill left in the recovery folder that no journal there names: snapshots whose
    journal is gone and journals prepared for a first edit that never came; return what went."""
    removed = _orphans(folder) + _stray_prepared(folder)
    for path in removed:
        remove_quietly(path)
    return removed


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


