"""Where a journal and its autosave snapshots live and what they are called: beside a saved project,
or for unsaved work (an imported SRT, ...) in ``<user data folder>/recovery`` under a name made from
the source path; a snapshot is ``<journal's stem>.autosave-<seq>-<6 hex>``, and a journal kept aside
(with its snapshots) has ``.unrestored-<date>-<time>`` added to its name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

JOURNAL_SUFFIX = ".journal"
SNAPSHOT_SUFFIX = ".autosave"
# Added to the name of a journal that could not be restored, kept for the producer (see
# :meth:`editor.session.recovery.Pending.keep_aside`).
UNRESTORED_SUFFIX = ".unrestored"
# What keeping a journal aside adds to the names it keeps: ".unrestored-<date>-<time>", "-<n>" for a
# second in one second.
KEPT_TAG = re.compile(rf"{re.escape(UNRESTORED_SUFFIX)}-(\d{{8}}-\d{{6}})(?:-\d+)?$")
_SNAPSHOT_TAIL = re.compile(r"\d+-[0-9a-f]{6}")


def recovery_dir(data_dir: str | Path | None = None) -> Path:
    """The folder for unsaved work's journals (in the user's data folder by default)."""
    if data_dir is None:
        from editor.core.user_data import user_data_dir
        data_dir = user_data_dir()
    return Path(data_dir) / "recovery"


def journal_path_for(document: str | Path, saved: bool = True,
                     data_dir: str | Path | None = None) -> Path:
    """Where the journal of *document* lives.

    A saved project keeps it beside itself (``<project>.journal``); unsaved
    work imported from *document* keeps it in :func:`recovery_dir`, under the
    file's name plus a hash of its full path (two ``episode.srt`` never clash).
    """
    document = Path(os.path.abspath(document))
    if saved:
        return document.with_name(document.name + JOURNAL_SUFFIX)
    key = hashlib.sha256(str(document).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return recovery_dir(data_dir) / f"{document.name}-{key}{JOURNAL_SUFFIX}"


def journal_paths_for(document: str | Path, saved: bool = True,
                      data_dir: str | Path | None = None) -> list[Path]:
    """Where the journal of *document* may be, in order of preference (see :func:`journal_path_for`)."""
    paths = [journal_path_for(document, saved, data_dir)]
    if saved:   # the fallback when the project's folder cannot be written
        paths.append(journal_path_for(document, False, data_dir))
    return paths


def journal_stem(journal_path: Path) -> str:
    """The journal's name without its suffix: what its snapshots' names start with."""
    name = journal_path.name
    return name[: -len(JOURNAL_SUFFIX)] if name.endswith(JOURNAL_SUFFIX) else name


def snapshot_paths_for(journal_path: str | Path) -> list[Path]:
    """Autosave snapshots that belong to a journal (normally one; more after a crash mid-rotation)."""
    journal_path = Path(journal_path)
    return sorted(journal_path.parent.glob(f"{_glob_escape(journal_stem(journal_path))}{SNAPSHOT_SUFFIX}-*"))


def new_snapshot_path(journal_path: Path, seq: int) -> Path:
    """A new snapshot's name for the journal at *journal_path* after edit *seq*: a new name each time,
    so the journal keeps naming the previous snapshot until its rotation renames it atomically."""
    return journal_path.with_name(f"{journal_stem(journal_path)}{SNAPSHOT_SUFFIX}-{seq}-{os.urandom(3).hex()}")


def own_snapshots(journal_path: Path) -> list[Path]:
    """The journal's snapshots, not ones an earlier :meth:`~editor.session.recovery.Pending.keep_aside`
    renamed (the glob matches those too)."""
    return [path for path in snapshot_paths_for(journal_path) if is_snapshot_name(path.name)]


def is_snapshot_name(name: str) -> bool:
    """``<stem>.autosave-<seq>-<6 hex>``: the names :func:`new_snapshot_path` gives."""
    return _SNAPSHOT_TAIL.fullmatch(name.rpartition(SNAPSHOT_SUFFIX + "-")[2]) is not None


def _glob_escape(text: str) -> str:
    import glob
    return glob.escape(text)

