"""The file a journal's lines apply to (:class:`BaseRef`), identified by its content: the saved
project, the imported source file (unsaved work), or an autosave snapshot, each by path, size and
SHA-256. Replay refuses another base."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.errors import TranscriptError

BASE_PROJECT = "project"     # a saved project file
BASE_SOURCE = "source"       # the transcript file an unsaved session was imported from
BASE_SNAPSHOT = "snapshot"   # an autosave snapshot written by the journal


def file_digest(path: str | Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in 1 MiB blocks (``hashlib.file_digest`` is 3.11+)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def base_of_document(document: str | Path, *, saved: bool, format: str = "") -> BaseRef:
    """What a journal of *document* (a project if *saved*, else a source file) applies to: its
    content as on disk now. Reads the whole file; safe on any thread. Raises TranscriptError."""
    return BaseRef.of_file(BASE_PROJECT if saved else BASE_SOURCE, document, format)


@dataclass(frozen=True)
class BaseRef:
    """The file a journal's lines apply to, identified by content (not by name or time)."""

    kind: str          # BASE_PROJECT, BASE_SOURCE or BASE_SNAPSHOT
    path: str          # absolute
    sha256: str
    size: int
    format: str = ""   # the reader that read a BASE_SOURCE file

    @classmethod
    def of_file(cls, kind: str, path: str | Path, format: str = "") -> BaseRef:
        path = os.path.abspath(path)
        try:
            digest, size = file_digest(path)
        except OSError as error:
            raise TranscriptError(f"cannot read the file to start its recovery journal "
                                  f"({error.strerror or error})", path) from None
        return cls(kind, path, digest, size, format)

    @classmethod
    def of_bytes(cls, kind: str, path: str | Path, data: bytes, format: str = "") -> BaseRef:
        return cls(kind, os.path.abspath(path), hashlib.sha256(data).hexdigest(), len(data), format)

    def matches_file(self) -> bool:
        """True when the file at :attr:`path` still holds exactly the base's bytes."""
        try:
            if os.path.getsize(self.path) != self.size:
                return False
            return file_digest(self.path)[0] == self.sha256
        except OSError:
            return False

    def to_json(self) -> dict:
        return {"kind": self.kind, "path": self.path, "sha256": self.sha256, "size": self.size,
                "format": self.format}

    @classmethod
    def from_json(cls, data: Any) -> BaseRef:
        if not isinstance(data, dict):
            raise ValueError("base is not an object")
        kind, path, sha, size = data.get("kind"), data.get("path"), data.get("sha256"), data.get("size")
        fmt = data.get("format", "")
        if kind not in (BASE_PROJECT, BASE_SOURCE, BASE_SNAPSHOT) or not isinstance(path, str) \
                or not isinstance(sha, str) or type(size) is not int or not isinstance(fmt, str):
            raise ValueError("base is missing kind/path/sha256/size")
        return cls(kind, path, sha, size, fmt)

