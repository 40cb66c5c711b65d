"""How a project file is told apart: its extension, its schema key, and a look at its first bytes.

Apart from :mod:`editor.core.project` (the schema itself) so the format registry, the command line
and the window's save dialogs can name and recognise projects without importing the schema's code.
"""

from __future__ import annotations

EXTENSION = ".tep.json"                  # suggested, never required: projects are told by content
SCHEMA_KEY = "transcript_editor_project"
HEAD_CHARS = 4096                        # the key is written first; a file's head is enough to tell


def looks_like_project(head: bytes | str) -> bool:
    """Whether *head*, a file's first bytes or characters, starts a project: a JSON object (after a
    byte order mark and white space) with the schema key near its start, where saving writes it."""
    if isinstance(head, str):
        text = head[:HEAD_CHARS].lstrip("\ufeff \t\r\n")
        return text.startswith("{") and f'"{SCHEMA_KEY}"' in text
    data = head[:HEAD_CHARS].lstrip(b"\xef\xbb\xbf \t\r\n")
    return data.startswith(b"{") and f'"{SCHEMA_KEY}"'.encode() in data
