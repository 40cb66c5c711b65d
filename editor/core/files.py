"""Reading input files safely: regular files only, in bounded chunks, never more than a limit.

A path a producer (or a script) hands us may be a FIFO (opening it for reading
would wait for a writer forever), a device such as ``/dev/zero`` (endless), a
folder, or a file that grows while we read it. Everything the program reads as
a document goes through :func:`read_regular`, which opens without blocking,
refuses anything but a regular file with a message that says what it is, and
stops at *limit* bytes whatever the file claims its size is.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from editor.core.errors import TranscriptError

# Extensions of the audio files an episode comes as: a transcript named like this is a mix-up worth a warning.
AUDIO_EXTENSIONS = (".mp3", ".m4a", ".ogg", ".opus", ".flac", ".wav", ".aac", ".oga", ".mp4")

_CHUNK = 1 << 20


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words (for messages)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _open(path: Path, prefix: str = "") -> int:
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (a hang).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise TranscriptError(f"{prefix}no such file", path) from None
    except IsADirectoryError:
        raise TranscriptError(f"{prefix}is a folder, not a file", path) from None
    except PermissionError:
        raise TranscriptError(f"{prefix}permission denied", path) from None
    except OSError as error:
        raise TranscriptError(f"cannot read the file ({error.strerror or error})", path) from None


def _check_regular(fd: int, path: Path, prefix: str = "") -> os.stat_result:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise TranscriptError(f"{prefix}is a folder, not a file", path)
    if not stat.S_ISREG(info.st_mode):
        raise TranscriptError(f"is {describe_kind(info.st_mode)}, not a file; only regular files can be opened",
                              path)
    return info


def read_regular(path: str | os.PathLike, limit: int, too_big: Callable[[int], str] | None = None,
                 open_prefix: str = "") -> bytes:
    """The bytes of the regular file at *path*, at most *limit* of them (TranscriptError beyond).

    *too_big(size)* words the refusal of a larger file; *open_prefix* starts the messages of open failures.
    """
    path = Path(path)
    too_big = too_big or (lambda size: _too_big(size, limit, "transcripts"))
    fd = _open(path, open_prefix)
    try:
        info = _check_regular(fd, path, open_prefix)
        if info.st_size > limit:
            raise TranscriptError(too_big(info.st_size), path)
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:   # the file grew while we read it
                raise TranscriptError(too_big(total), path)
        return b"".join(chunks)
    except OSError as error:
        raise TranscriptError(f"cannot read the file ({error.strerror or error})", path) from None
    finally:
        os.close(fd)


def read_head(path: str | os.PathLike, size: int) -> bytes:
    """The first *size* bytes of a regular file; b"" for anything else (or when unreadable)."""
    try:
        fd = _open(Path(path))
    except TranscriptError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, size)
    except OSError:
        return b""
    finally:
        os.close(fd)


def is_regular_file(path: str | os.PathLike) -> bool:
    """True for an existing regular file (following links); False for FIFOs, devices, folders, nothing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _too_big(size: int, limit: int, what: str) -> str:
    return (f"the file is {size / 1e6:.0f} MB; {what} over {limit // (1024 * 1024)} MB are refused "
            f"as not being {what}")
