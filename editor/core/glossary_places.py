"""Where show glossaries are kept (``<user data>/glossaries/<show>.json``), which shows have one, and
the show chosen for the transcripts of each folder (``<user data>/show-folders.json``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.user_data import user_data_dir


def default_path(show: str, data_dir: str | Path | None = None) -> Path:
    """Where the glossary of *show* is kept: ``<user data>/glossaries/<show>.json``."""
    base = _data_base(data_dir)
    slug = re.sub(r"[^\w.-]+", "-", show.strip()).strip("-.").lower() or "default"
    return base / "glossaries" / f"{slug}.json"


def _data_base(data_dir: str | Path | None) -> Path:
    return Path(data_dir) if data_dir is not None else user_data_dir()


def known_shows(data_dir: str | Path | None = None) -> list[str]:
    """Shows that have a stored glossary, by name (for a chooser); damaged files are skipped."""
    shows = set()
    for path in sorted((_data_base(data_dir) / "glossaries").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        show = str(data.get("show", "")).strip() if isinstance(data, dict) else ""
        shows.add(show or path.stem)
    return sorted(shows, key=str.casefold)


def _folder_shows_path(data_dir: str | Path | None) -> Path:
    return _data_base(data_dir) / "show-folders.json"


def show_for_folder(folder: str | Path, data_dir: str | Path | None = None) -> str | None:
    """The show chosen for transcripts in *folder* (None: none chosen; unreadable counts as none)."""
    try:
        data = json.loads(_folder_shows_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    show = data.get(str(Path(folder).resolve())) if isinstance(data, dict) else None
    return show if isinstance(show, str) and show.strip() else None


def choose_show_for_folder(folder: str | Path, show: str | None, data_dir: str | Path | None = None) -> None:
    """Remember *show* for transcripts in *folder* (None or "": forget the choice)."""
    path = _folder_shows_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        data = {}
    key = str(Path(folder).resolve())
    if show and show.strip():
        data[key] = show.strip()
    else:
        data.pop(key, None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TranscriptError(f"cannot create the data folder: {error.strerror}", path) from None
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", backup=False)

