"""User settings: typed keys with declared defaults over QSettings.

Every key lives in :class:`Key` with its default in ``DEFAULTS``, so nothing
else in the app invents setting names. Tests (and anyone who wants a portable
setup) point the store at an INI file by setting ``TRANSCRIPT_EDITOR_SETTINGS``
or passing *path*.
"""

from __future__ import annotations

import enum
import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTimer

ENV_PATH = "TRANSCRIPT_EDITOR_SETTINGS"
MAX_RECENT = 10
MAX_AUDIO_LINKS = 500
# How long after a change the settings file is written (Qt writes it on the event loop's next turn).
WRITE_AFTER_MS = 1000


class Key(str, enum.Enum):
    SKIP_MS = "playback/skip_ms"
    AUTO_REWIND_MS = "playback/auto_rewind_ms"
    PAUSE_WHILE_TYPING = "playback/pause_while_typing"
    VOLUME = "playback/volume"
    PLAYER_BACKEND = "playback/backend"        # "vlc" or "qt"
    REVIEWER_NAME = "review/reviewer_name"
    RECENT_FILES = "files/recent"
    LAST_DIR = "files/last_dir"
    SHORTCUTS = "shortcuts/overrides"          # action name -> key sequence text
    WINDOW_GEOMETRY = "window/geometry"
    WINDOW_STATE = "window/state"              # QMainWindow.saveState(): where the panels are docked
    OPEN_PANELS = "window/open_panels"         # the panels (dock object names) shown at the last close
    PUBLISH_BASE_URL = "publish/base_url"      # where the show's files are served
    PUBLISH_FORMATS = "publish/formats"        # the formats last published, e.g. ["vtt", "json"]
    PUBLISH_LANGUAGES = "publish/languages"    # show -> the language last published for it ("": any show)
    THEME = "window/theme"                     # "system", "light" or "dark"
    AUDIO_LINKS = "files/audio_links"          # episode key (folder + stem) -> the audio used with it


DEFAULTS: dict[Key, Any] = {
    Key.SKIP_MS: 5000,
    Key.AUTO_REWIND_MS: 1000,
    Key.PAUSE_WHILE_TYPING: False,
    Key.VOLUME: 100,
    Key.PLAYER_BACKEND: "vlc",
    Key.REVIEWER_NAME: "",
    Key.RECENT_FILES: [],
    Key.LAST_DIR: "",
    Key.SHORTCUTS: {},
    Key.WINDOW_GEOMETRY: b"",
    Key.WINDOW_STATE: b"",
    Key.OPEN_PANELS: [],
    Key.PUBLISH_BASE_URL: "",
    Key.PUBLISH_FORMATS: [],
    Key.PUBLISH_LANGUAGES: {},
    Key.THEME: "system",
    Key.AUDIO_LINKS: {},
}


class Settings:
    """Read and write :class:`Key` values with their declared types and defaults."""

    def __init__(self, path: str | None = None):
        path = path or os.environ.get(ENV_PATH)
        if path:
            self._store = _Store(path, QSettings.Format.IniFormat)
        else:
            self._store = _Store("transcript-editor", "Transcript Editor")

    def get(self, key: Key) -> Any:
        default = DEFAULTS[key]
        value = self._store.value(key.value, default)
        return _coerce(value, default)

    def set(self, key: Key, value: Any) -> None:
        self._store.setValue(key.value, value)

    def reset(self, key: Key) -> None:
        self._store.remove(key.value)

    def sync(self) -> None:
        self._store.sync()

    # ------------------------------------------------------------------ helpers
    def recent_files(self) -> list[str]:
        return [p for p in self.get(Key.RECENT_FILES) if p]

    def add_recent_file(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [p for p in self.recent_files() if p != path]
        self.set(Key.RECENT_FILES, [path, *files][:MAX_RECENT])

    def audio_links(self) -> dict[str, str]:
        value = self.get(Key.AUDIO_LINKS)
        return dict(value) if isinstance(value, dict) else {}

    def remember_audio_link(self, episode: str, audio: str) -> None:
        """Remember *audio* for *episode* (newest last; the oldest go beyond MAX_AUDIO_LINKS)."""
        links = self.audio_links()
        links.pop(episode, None)
        links[episode] = audio
        self.set(Key.AUDIO_LINKS, dict(list(links.items())[-MAX_AUDIO_LINKS:]))

    def shortcut_overrides(self) -> dict[str, str]:
        return dict(self.get(Key.SHORTCUTS))

    def set_shortcut_overrides(self, overrides: dict[str, str]) -> None:
        self.set(Key.SHORTCUTS, dict(overrides))


class _Store(QSettings):
    """QSettings writing its file :data:`WRITE_AFTER_MS` after a change rather than on the event loop's
    next turn, and when the application quits. Opening a file records it among the recent ones: written
    at once, the file's two flushes to disk (its lock, its text; ~15-30 ms of waiting on a busy disk)
    came before the transcript's first paint. The values themselves change at once; only the writing waits."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._timer: QTimer | None = None
        app = QCoreApplication.instance()
        if app is not None:   # what changed in the last moment is written as the application ends
            app.aboutToQuit.connect(self.sync)

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.UpdateRequest:
            return super().event(event)
        # Qt asks for no other write until this one is done (sync() does it), and writes what is
        # still unwritten when the store is destroyed.
        if self._timer is None:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(WRITE_AFTER_MS)
            self._timer.timeout.connect(self.sync)
        if not self._timer.isActive():
            self._timer.start()
        return True


def _coerce(value: Any, default: Any) -> Any:
    """QSettings' INI format gives strings back; restore the default's type."""
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if value is None or value == "":
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]
    if isinstance(default, dict):
        return dict(value) if isinstance(value, dict) else {}
    if isinstance(default, bytes):
        return bytes(value) if value is not None else b""
    return "" if value is None else str(value)
