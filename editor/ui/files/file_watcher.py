"""FileWatcher: notices the open project/transcript or its audio changing on disk behind our back.

A ``QFileSystemWatcher`` wrapper that reports only *real* changes by other programs:

* our own saves are ignored: after saving, the window calls :meth:`FileWatcher.saved`,
  which records the new file's state; a notification that finds that state is ours;
* bursts (a program writing in chunks, or write-temp-then-rename) are gathered
  for :data:`SETTLE_MS` and reported once;
* content is compared, not just times, for transcripts (a sync tool rewriting
  identical bytes is no change); audio is compared by size, time and inode
  (hashing a 300 MB file on every touch would freeze the window);
* a file replaced by rename (most editors' save) is watched again under its
  name; a deleted file is reported with ``exists=False`` and its folder watched,
  so its reappearance is reported too.

The window turns :attr:`changed_on_disk` into a bar: "changed on disk: Reload / Keep mine";
"Keep mine" calls :meth:`accept` so the same change is not reported again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 250
_HASH_LIMIT = 64 * 1024 * 1024   # transcripts are far smaller; bigger files are compared by stat only

TRANSCRIPT = "transcript"
AUDIO = "audio"


class FileWatcher(QObject):
    """Watches the open document's files; emits only changes made by someone else."""

    changed_on_disk = Signal(str, str, bool)   # path, TRANSCRIPT or AUDIO, whether it exists now

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._kinds: dict[str, str] = {}           # path -> kind
        self._known: dict[str, tuple | None] = {}  # path -> the state we last accepted (None: missing)
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    # ------------------------------------------------------------------ what to watch
    def watch(self, transcript: str | None, audio: str | None = None) -> None:
        """Watch these files (and stop watching whatever was watched before)."""
        self.clear()
        for path, kind in ((transcript, TRANSCRIPT), (audio, AUDIO)):
            if path:
                self._add(os.path.abspath(path), kind)

    def watch_audio(self, audio: str | None) -> None:
        """Replace the watched audio (after relinking) and keep the transcript."""
        for path, kind in list(self._kinds.items()):
            if kind == AUDIO:
                self._remove(path)
        if audio:
            self._add(os.path.abspath(audio), AUDIO)

    def clear(self) -> None:
        for path in list(self._kinds):
            self._remove(path)
        self._dirty.clear()
        self._timer.stop()

    # ------------------------------------------------------------------ our own writes
    def saved(self, path: str) -> None:
        """We just wrote *path* (Save / Save As): its new state is ours, not a change.

        A Save As to a new name starts watching that name as the transcript.
        """
        path = os.path.abspath(path)
        if path not in self._kinds:
            for old, kind in list(self._kinds.items()):
                if kind == TRANSCRIPT:
                    self._remove(old)
            self._add(path, TRANSCRIPT)
            return
        self.accept(path)

    def accept(self, path: str) -> None:
        """Take the file's current state as known ("Keep mine", or after a reload)."""
        path = os.path.abspath(path)
        if path in self._kinds:
            self._known[path] = _state(path, self._kinds[path])
            self._dirty.discard(path)
            self._rewatch(path)

    # ------------------------------------------------------------------ internals
    def _add(self, path: str, kind: str) -> None:
        self._kinds[path] = kind
        self._known[path] = _state(path, kind)
        self._rewatch(path)

    def _remove(self, path: str) -> None:
        self._kinds.pop(path, None)
        self._known.pop(path, None)
        self._dirty.discard(path)
        if path in self._watcher.files():
            self._watcher.removePath(path)
        folder = os.path.dirname(path)
        if folder in self._watcher.directories() and \
                not any(os.path.dirname(p) == folder for p in self._kinds):
            self._watcher.removePath(folder)

    def _rewatch(self, path: str) -> None:
        """Watch *path* itself when it exists, else its folder (to see it come back)."""
        if os.path.exists(path):
            if path not in self._watcher.files():
                self._watcher.addPath(path)
        else:
            folder = os.path.dirname(path)
            if os.path.isdir(folder) and folder not in self._watcher.directories():
                self._watcher.addPath(folder)

    def _on_watcher_file_changed(self, path: str) -> None:
        if path in self._kinds:
            self._dirty.add(path)
            self._timer.start()   # (re)start: wait until the writer is done

    def _on_watcher_directory_changed(self, folder: str) -> None:
        for path in self._kinds:
            if os.path.dirname(path) == folder and (path not in self._watcher.files()):
                self._dirty.add(path)
        if self._dirty:
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        dirty, self._dirty = self._dirty, set()
        for path in sorted(dirty):
            kind = self._kinds.get(path)
            if kind is None:
                continue
            self._rewatch(path)   # a rename-over drops the watch; a deletion needs the folder
            now = _state(path, kind)
            if now == self._known.get(path):
                continue          # our own save, or a touch that changed nothing
            self._known[path] = now
            self.changed_on_disk.emit(path, kind, now is not None)


def _state(path: str, kind: str) -> tuple | None:
    """What we compare: content hash for transcripts, (size, mtime, inode) for audio; None if missing."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if kind == AUDIO or info.st_size > _HASH_LIMIT:
        return (info.st_size, info.st_mtime_ns, info.st_ino)
    try:
        return (info.st_size, hashlib.sha256(Path(path).read_bytes()).hexdigest())
    except OSError:
        return None
