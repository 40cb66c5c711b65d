"""Atomic file writes that keep the previous version as ``<name>.bak``.

A save must never leave a half-written project behind: a crash, a full disk
or a pulled cable mid-write has to leave either the old file or the new one.
So the data goes to a temporary file in the *same* folder (a rename is only
atomic within one file system), is flushed and fsync'ed, the old file is kept
as ``<name>.bak`` and the temporary file is renamed over the target with
:func:`os.replace`; finally the folder itself is fsync'ed so the rename
survives a power cut. Any failure raises :class:`TranscriptError` naming the
file and the reason, removes the temporary file and leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

from editor.core.errors import TranscriptError

# Human words for the reasons a save usually fails; anything else uses strerror.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder or file is read-only)",
    errno.EPERM: "permission denied (the folder or file is read-only)",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "the path is a folder",
}


def backup_path(path: str | Path) -> Path:
    """Where :func:`atomic_write` keeps the previous version of *path*."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | Path, data: str | bytes, *, backup: bool = True,
                 encoding: str = "utf-8") -> None:
    """Replace *path* with *data* atomically; keep the old file as ``<name>.bak`` when *backup*."""
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        # (is_dir raises, not answers False, when a folder on the way may not be searched)
        is_folder = path.is_dir()
    except OSError as error:
        raise _error(path, error) from None
    if is_folder:
        raise TranscriptError("cannot save: the path is a folder", path)
    folder = path.parent if str(path.parent) else Path(".")
    temp_name = write_replacement(path, payload)
    with _temp_removed_on_failure(temp_name, path):
        if backup and path.exists():
            _keep_backup(path)
        os.replace(temp_name, path)
    fsync_folder(folder)


def write_replacement(path: str | Path, data: bytes) -> str:
    """The first half of :func:`atomic_write`, for a replace made later: *data* in a fresh temporary
    file beside *path* (a name the leftovers' cleanup knows), on the disk, with the mode *path* has or
    a new file would get. The caller renames it over *path* (``os.replace``) and then makes the rename
    durable (:func:`fsync_folder`), or removes it. Raises TranscriptError naming *path*."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temp_name = _write_temp(folder, path, data)
    with _temp_removed_on_failure(temp_name, path):
        _copy_mode(path, temp_name)
    return temp_name


def _write_temp(folder: Path, path: Path, payload: bytes) -> str:
    """Write *payload* to a fresh temporary file beside *path*; return its name."""
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _error(path, error) from None
    with _temp_removed_on_failure(temp_name, path), os.fdopen(fd, "wb") as handle:
        handle.write(payload)
        handle.flush()
        # Without fsync the rename can reach the disk before the data does, and a
        # power cut then leaves an empty file where the project was.
        os.fsync(handle.fileno())
    return temp_name


@contextlib.contextmanager
def _temp_removed_on_failure(temp_name: str, path: Path):
    """On any failure the temporary file goes; an OSError becomes a TranscriptError naming *path*."""
    try:
        yield
    except OSError as error:
        _remove_quietly(temp_name)
        raise _error(path, error) from None
    except BaseException:
        _remove_quietly(temp_name)
        raise


def _keep_backup(path: Path) -> None:
    """Make ``<name>.bak`` hold the current file, replacing an older backup atomically."""
    bak = backup_path(path)
    temp_bak = path.with_name(f".{path.name}.bak.tmp")
    _remove_quietly(str(temp_bak))
    try:
        # A hard link costs nothing and keeps the old inode: after os.replace below,
        # the .bak is exactly the previous file.
        os.link(path, temp_bak)
    except OSError:
        # File systems without hard links (FAT, some network shares): copy instead.
        shutil.copy2(path, temp_bak)
    os.replace(temp_bak, bak)


def _copy_mode(path: Path, temp_name: str) -> None:
    """Give the new file the old file's permissions (mkstemp makes it 0600)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def fsync_folder(folder: str | Path) -> None:
    """Make a rename in *folder* durable; not possible on every platform (Windows), so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    fsync_and_close(fd)


def fsync_and_close(fd: int) -> None:
    """fsync *fd* as far as the platform and file system allow (best effort), then close it."""
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _error(path: Path, error: OSError) -> TranscriptError:
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    try:
        kept = "; the previous file was left as it was" if path.exists() else ""
    except OSError:   # not even looked at: nothing was written over it either
        kept = ""
    return TranscriptError(f"cannot save: {reason}{kept}", path)
