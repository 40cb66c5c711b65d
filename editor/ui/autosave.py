"""Autosave: a recovery copy of the open transcript a few seconds after each change, off the GUI thread.

Why a snapshot and a worker: serializing the 10-hour episode as a project
takes ~60 ms (measured; far more than one 16 ms frame), so the GUI thread only
takes a *snapshot* (one tuple of field references per segment, ~2 ms) and a
worker thread turns that into project JSON and writes it atomically. A
snapshot of references is consistent because the core ops never mutate a
segment's lists, words or speakers: they assign new ones (see
:mod:`editor.core.ops`), and the snapshot copies the fields that *are*
reassigned in place (text, times, status...).

Recovery files live in ``<user data dir>/recovery`` (or
``$TRANSCRIPT_EDITOR_RECOVERY_DIR``): ``<key>.tep.json`` is a complete project,
``<key>.info.json`` says which file it belongs to and when it was written.
They are removed when the work is saved or deliberately discarded, so what is
left at start-up is work a crash or kill interrupted.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Speaker, Transcript

ENV_DIR = "TRANSCRIPT_EDITOR_RECOVERY_DIR"
EXTENSION = ".tep.json"  # editor.core.EXTENSION (imported lazily: not needed at startup)
DELAY_MS = 3000
_FIELDS = tuple(f.name for f in dataclasses.fields(Segment))
_take = attrgetter(*_FIELDS)


def recovery_dir() -> Path:
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(configured)
    import platformdirs
    return Path(platformdirs.user_data_dir("transcript-editor")) / "recovery"


def recovery_key(source: str) -> str:
    """A stable file name for the recovery copy of *source* (readable stem plus a hash)."""
    import hashlib
    digest = hashlib.sha1(os.path.abspath(source).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = Path(source).name.split(".")[0][:40] or "untitled"
    return f"{stem}-{digest}"


@dataclass(frozen=True)
class Recovery:
    """A recovery copy found on disk."""

    path: Path           # the project file to restore
    source: str          # the file the work started from
    project_path: str    # where it was last saved as a project ("" if never)
    saved_at: str        # ISO 8601, UTC
    turns: int

    @property
    def info_path(self) -> Path:
        return _info_path(self.path)


def _info_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(EXTENSION) + ".info.json")


def pending_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Recovery copies left by sessions that did not end normally, newest first."""
    folder = folder or recovery_dir()
    found = []
    for info in folder.glob("*.info.json") if folder.is_dir() else ():
        try:
            data = json.loads(info.read_text("utf-8"))
            path = info.with_name(info.name.removesuffix(".info.json") + EXTENSION)
            if path.is_file():
                found.append(Recovery(path, str(data["source"]), str(data.get("project_path", "")),
                                      str(data.get("saved_at", "")), int(data.get("turns", 0))))
        except (OSError, ValueError, KeyError, TypeError):
            continue   # a half-written or foreign file: not ours to offer
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard(recovery_path: Path) -> None:
    for path in (recovery_path, _info_path(recovery_path), recovery_path.with_name(recovery_path.name + ".bak")):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


# ---------------------------------------------------------------------- snapshot (GUI thread)
@dataclass(frozen=True)
class Snapshot:
    meta: object
    speakers: tuple[Speaker, ...]
    rows: list[tuple]

    def transcript(self) -> Transcript:
        """Rebuild a transcript from the snapshot (worker thread)."""
        segments = [Segment(*row) for row in self.rows]
        return Transcript(self.meta, {s.id: s for s in self.speakers}, segments)


def snapshot(transcript: Transcript) -> Snapshot:
    """References to every field, O(segments) attribute reads, no serialization."""
    return Snapshot(dataclasses.replace(transcript.meta), tuple(transcript.speakers.values()),
                    list(map(_take, transcript.segments)))


def write_recovery(snap: Snapshot, path: Path, info: dict) -> None:
    """Serialize and write atomically (worker thread): the project, then its info file."""
    from editor.core import project
    from editor.core.atomic import atomic_write
    transcript = snap.transcript()
    data = project.to_dict(transcript, base_dir=path.parent, extra={"recovery": info})
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, project.dumps(data, path), backup=False)
    atomic_write(_info_path(path), json.dumps({**info, "turns": len(transcript.segments)}), backup=False)


# ---------------------------------------------------------------------- the scheduler
class Autosaver(QObject):
    """Schedules recovery writes after changes and runs them on one worker thread."""

    written = Signal(str)          # recovery path, after a successful write
    failed = Signal(str)           # message
    _done = Signal(object)         # from the worker: (path, error or None)

    def __init__(self, transcript_getter, delay_ms: int = DELAY_MS, parent=None):
        super().__init__(parent)
        self._transcript = transcript_getter
        self._executor = None          # one worker thread, started on the first write
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        self._done.connect(self._on_done)
        self._source = ""
        self._project_path = ""
        self._pending = None           # the last queued Future
        self.last_snapshot_ms = 0.0     # GUI-thread cost of the last snapshot (for the bench)
        self.enabled = True

    @property
    def path(self) -> Path | None:
        return recovery_dir() / (recovery_key(self._source) + EXTENSION) if self._source else None

    def set_document(self, source: str, project_path: str = "") -> None:
        """The file the open work belongs to (a new document: nothing scheduled carries over)."""
        self._timer.stop()
        self._source = source
        self._project_path = project_path

    def set_project_path(self, project_path: str) -> None:
        self._project_path = project_path

    def schedule(self) -> None:
        """A change happened: write a recovery copy a few seconds from now (restarting the wait)."""
        if self.enabled and self._source:
            self._timer.start()

    def is_scheduled(self) -> bool:
        return self._timer.isActive()

    def _submit(self, fn, *args):
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending = self._executor.submit(fn, *args)
        return self._pending

    def save_now(self):
        """Snapshot now (GUI thread, cheap) and write it on the worker."""
        import time
        self._timer.stop()
        path = self.path
        if path is None:
            return None
        started = time.perf_counter()
        snap = snapshot(self._transcript())
        self.last_snapshot_ms = (time.perf_counter() - started) * 1000
        info = {"source": self._source, "project_path": self._project_path,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        return self._submit(self._write, snap, path, info)

    def _write(self, snap: Snapshot, path: Path, info: dict) -> None:
        error = None
        try:
            write_recovery(snap, path, info)
        except (TranscriptError, OSError) as exc:
            error = str(exc)
        self._done.emit((str(path), error))

    def _on_done(self, result) -> None:
        path, error = result
        if error:
            self.failed.emit(f"Autosave failed: {error}")
        else:
            self.written.emit(path)

    def clear(self):
        """The work is saved or discarded: drop the recovery copy (after any write in flight)."""
        self._timer.stop()
        path = self.path
        if path is None:
            return None
        return self._submit(discard, path)

    def wait(self, timeout: float = 10.0) -> None:
        """Block until queued writes finish (closing, tests)."""
        if self._pending is not None:
            self._pending.result(timeout)

    def shutdown(self) -> None:
        self._timer.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
