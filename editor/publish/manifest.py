"""The record, kept in a publish folder, of the files the last publish wrote there.

A publish folder is regenerated on every publish, but a producer may have
edited a file in it by hand (a caption fixed in a text editor) or keep other
files there. The record (``.transcript-editor-published.json``: each file's
name and the SHA-256 of what was written) tells which files are still exactly
as this app wrote them: those may be replaced without asking, and those a
republish no longer writes (``chapters.json`` once the chapters are gone, the
files of a format left out, the old names after a new title) are removed. Any
other file is the producer's: it is replaced only with leave (the window asks,
the command wants ``--force``) and never removed.

Written by hand as a small JSON file; a record that cannot be read counts as
none (every file in the folder is then the producer's).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from editor.core.atomic import atomic_write

MANIFEST_FILE = ".transcript-editor-published.json"
_WRITER = "Transcript Editor"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What the last publish wrote into a folder: file name -> SHA-256 of its bytes."""

    files: dict[str, str]

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        try:
            data = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
            files = data["files"]
            if isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
                # Only plain names in the folder itself: the record never reaches outside it.
                return cls({name: sha for name, sha in files.items() if name == Path(name).name
                            and name not in ("", ".", "..") and "\\" not in name})
        except (OSError, ValueError, KeyError, TypeError):
            pass   # missing or not ours: nothing in the folder counts as written by us
        return cls({})

    def write(self, folder: Path) -> None:
        text = json.dumps({"writer": _WRITER, "files": dict(sorted(self.files.items()))}, indent=1)
        atomic_write(folder / MANIFEST_FILE, text + "\n", backup=False)

    def as_written(self, path: Path) -> bool:
        """True when *path* holds exactly what the last publish wrote there (False when absent)."""
        recorded = self.files.get(path.name)
        if recorded is None:
            return False
        try:
            return digest(path.read_bytes()) == recorded
        except OSError:
            return False

