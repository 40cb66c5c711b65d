"""Whether a file can be audio at all, before any decoder or player opens it.

A decoder handed a FIFO waits for a writer forever, and one handed a text file
answers with an FFmpeg error nobody understands. These checks cost one
``stat`` and one 4 KB read and say in words what the file is instead.
"""

from __future__ import annotations

import os
import stat

from editor.core.files import describe_kind, read_head

_TEXT_SAMPLE = 4096


def why_not_audio(path: str | os.PathLike) -> str | None:
    """Why *path* cannot be an audio file (a sentence for the producer), or None when it may be."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "the audio file does not exist (moved or renamed?)"
    except OSError as error:
        return f"the audio file cannot be read ({error.strerror or error})"
    if not stat.S_ISREG(info.st_mode):
        return f"is {describe_kind(info.st_mode)}, not an audio file"
    if info.st_size == 0:
        return "is empty (0 bytes), not an audio file"
    head = read_head(path, _TEXT_SAMPLE)
    if head and _is_text(head):
        return "holds text, not audio (a transcript saved under an audio name?)"
    return None


def _is_text(head: bytes) -> bool:
    """Text files have no NUL bytes and decode as UTF-8; every audio container has binary headers."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3   # a character cut at the end of the sample
    return True
