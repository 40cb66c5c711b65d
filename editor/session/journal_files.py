"""A journal's files as other processes see them: opened for appending under a lock that tells another
instance the journal is live (:func:`is_locked` probes it), what changes when a file is replaced, and a
file removed when it is there."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def open_for_append(path: str | Path) -> int:
    """An O_APPEND descriptor on *path*, locked so another instance sees the journal is live."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
    try:
        import fcntl
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)   # released by the kernel when we die
    except (ImportError, OSError):
        pass   # no flock (Windows) or already locked: journaling matters more than the lock
    return fd


def is_locked(path: str | Path) -> bool:
    """True when a running process holds the journal at *path* open (see :func:`open_for_append`).

    The probe takes a *shared* lock, which only the writer's exclusive one refuses: two probes at
    once (two windows, or two instances starting, reading the same journal left behind) must not
    take each other for a writer, or the work left behind would not be offered."""
    try:
        import fcntl
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except (ImportError, OSError):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)   # closing drops the probe's own lock
    return False


def file_state(path: str | Path) -> tuple | None:
    """What changes when a file is replaced or rewritten (None: it is gone)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns



def remove_quietly(path: str | Path) -> None:
    """Delete *path*; one already gone (or that cannot be deleted) is left as it is."""
    with contextlib.suppress(OSError):
        os.unlink(path)
