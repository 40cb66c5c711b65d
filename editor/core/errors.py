"""The one error type the core and the formats raise for bad input.

Callers (the CLI, the window) catch only this and show ``str(error)``, which
always names the file and the problem, with a line or byte offset when known.
"""

from __future__ import annotations

from pathlib import Path


class TranscriptError(Exception):
    """A file could not be read or written; the message is for the user."""

    def __init__(self, problem: str, path: str | Path | None = None,
                 line: int | None = None, offset: int | None = None):
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        self.offset = offset
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f", line {self.line}"
        elif self.offset is not None:
            where += f", byte {self.offset}"
        return f"{where}: {self.problem}"

    def __reduce__(self):
        # Pickled whole (a worker process's error comes back to the window so): by default only
        # the formatted message would travel, and come back as the problem of an unnamed file.
        return TranscriptError, (self.problem, self.path, self.line, self.offset)

    def with_path(self, path: str | Path) -> TranscriptError:
        """The same error, naming *path* (readers often work on text, not files)."""
        return TranscriptError(self.problem, path, self.line, self.offset)
