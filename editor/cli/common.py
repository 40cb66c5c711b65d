"""What every command shares: exit codes, loading any input, one-line error messages, writing output."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from editor.core.errors import TranscriptError
from editor.core.transcript import Transcript

EXIT_OK = 0
EXIT_WRITE = 1
EXIT_READ = 2
EXIT_NOT_APPROVED = 3
EXIT_INTERRUPTED = 130     # Ctrl+C (128 + SIGINT, as shells report a command it ended)
EXIT_TERMINATED = 143      # SIGTERM (128 + SIGTERM)


@dataclass
class Loaded:
    transcript: Transcript
    format: str
    label: str
    warnings: list[str] = field(default_factory=list)
    merged_cues: int = 0  # caption cues the reader merged into turns (0: none)
    extra: dict = field(default_factory=dict)   # what the reader kept beside the text (a page's show notes)


def load(path: str, encoding: str | None = None) -> Loaded:
    """Read a project or any transcript format; TranscriptError when impossible.

    Only regular files are read (a FIFO or a device is refused, never waited on).
    """
    from editor.formats import all_readers, read_file

    result = read_file(path, encoding=encoding)
    if result.format == "project":
        return Loaded(result.transcript, "project", "Transcript Editor project", list(result.warnings),
                      extra=dict(result.extra))
    labels = {reader.NAME: reader.LABEL for reader in all_readers()}
    return Loaded(result.transcript, result.format, labels.get(result.format, result.format),
                  list(result.warnings), result.merged_cues, dict(result.extra))


def load_or_report(path: str, encoding: str | None = None) -> Loaded | None:
    try:
        return load(path, encoding)
    except TranscriptError as error:
        say(str(error))
    except OSError as error:
        say(f"{path}: cannot read the file: {error.strerror or error}")
    except Exception as error:  # a reader bug must still not show the user a traceback
        if os.environ.get("TRANSCRIPT_EDITOR_DEBUG"):
            raise
        say(f"{path}: cannot be read ({type(error).__name__}: {error})")
    return None


def add_encoding_argument(parser) -> None:
    parser.add_argument("--encoding", metavar="NAME",
                        help="read the input in this encoding (e.g. gb18030, cp1251) instead of the detected one")


def say(message: str) -> None:
    print(" ".join(message.split()) if "\n" in message else message, file=sys.stderr)




def write_output(output: str, data: str | bytes) -> int:
    """Write an export atomically (or to stdout for ``-``); returns the exit code."""
    from editor.core.atomic import atomic_write

    if isinstance(data, str):
        # A lone surrogate pasted into the text must not abort the export: write U+FFFD instead.
        data = data.encode("utf-8", "replace")
    if output == "-":
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return EXIT_OK
    try:
        # Exports are regenerated at will, so no .bak beside them (projects keep one).
        atomic_write(output, data, backup=False)
    except TranscriptError as error:
        say(str(error))
        return EXIT_WRITE
    return EXIT_OK


def same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
