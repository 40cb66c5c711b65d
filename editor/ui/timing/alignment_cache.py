"""Word times already computed for an audio file, so forced alignment never runs twice.

The project file holds the words once the producer saves; this cache covers the rest:
a transcript opened (from .txt, .srt...) and closed without saving, a crash, the same
audio opened with another export of the transcript. Entries are keyed by what the
alignment depends on -- the turn's text and its audio span -- and the file by the audio's
identity (path, size, mtime: :func:`editor.audio.peaks.cache_key`), so a re-encoded or
replaced file never gets stale times.

Plain Python (no Qt). Writes are atomic (temp file + rename); a damaged or missing file
only costs a re-run.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from editor.align.batch import DONE_TIMINGS
from editor.audio.peaks import cache_key
from editor.core.transcript import Segment, Word, WordTiming

VERSION = 1
_TIMINGS = {t.value: t for t in WordTiming}
DUMP_ENTRIES = 200    # entries turned into JSON at a time (the C encoder keeps the GIL for a whole call)


def entry_key(text: str, start_ms: int, end_ms: int) -> str:
    """What an alignment depends on: the text and the span of audio it was matched in."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]
    return f"{start_ms}:{end_ms}:{digest}"


def span_end(segments: list[Segment], row: int, duration_ms: int | None) -> int | None:
    """Where a turn's audio ends for alignment: its end, else the next timed start, else the audio's end
    (the same rule as :func:`editor.align.batch.plan_jobs`)."""
    segment = segments[row]
    if segment.end_ms is not None:
        return segment.end_ms
    for later in segments[row + 1:]:
        if later.start_ms is not None:
            return later.start_ms
    return duration_ms


def needs_alignment(segment: Segment) -> bool:
    """A timed turn without word times of its own (FAILED counts as tried: re-sync redoes it)."""
    if segment.start_ms is None:
        return False
    if segment.word_timing in DONE_TIMINGS or segment.word_timing is WordTiming.FAILED:
        return len(segment.words) != len(segment.text.split())
    return True


def default_path(audio_path: str | os.PathLike, cache_dir: str | os.PathLike | None = None) -> Path:
    if cache_dir is None:
        from editor.core.user_data import cache_subdir
        cache_dir = cache_subdir("alignment")
    digest = hashlib.sha1(str(Path(audio_path).resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / f"{digest}.json"


def _json_parts(head: dict, name: str, entries: dict):
    """The JSON of ``{**head, name: entries}`` in parts of :data:`DUMP_ENTRIES` entries: the save runs
    on a helper thread, and one ``json.dumps`` of a long episode's entries would hold the GIL (and the
    window with it) for as long as it takes."""
    compact = (",", ":")
    yield json.dumps(head, separators=compact)[:-1] + f",{json.dumps(name)}:{{"
    items = list(entries.items())
    for at in range(0, len(items), DUMP_ENTRIES):
        part = json.dumps(dict(items[at:at + DUMP_ENTRIES]), separators=compact)[1:-1]
        yield part if at == 0 else "," + part
    yield "}}"


class AlignmentCache:
    """``lookup(key)`` / ``add(key, words, timing)`` for one audio file; ``save()`` writes it."""

    def __init__(self, audio_path: str | os.PathLike, path: str | os.PathLike):
        self.path = Path(path)
        try:
            self._key = cache_key(audio_path)
        except OSError:
            self._key = ""
        self._entries: dict[str, list] = {}
        self._dirty = False
        self._lock = threading.Lock()    # one writer at a time (saves run on a helper thread)
        self._thread: threading.Thread | None = None
        self._load()

    def __len__(self) -> int:
        return len(self._entries)

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == VERSION and data.get("key") == self._key and self._key:
                self._entries = dict(data["entries"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self._entries = {}   # missing, stale or damaged: align again

    def lookup(self, key: str) -> tuple[list[Word], WordTiming] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        try:
            timing, words = entry
            return [Word(w[0], w[1], w[2]) for w in words], _TIMINGS[timing]
        except (ValueError, KeyError, TypeError, IndexError):
            return None

    def add(self, key: str, words: list[Word], timing: WordTiming) -> None:
        # A new list per entry, never mutated afterwards: a save on another thread may read it.
        self._entries[key] = [timing.value, [[w.text, w.start_ms, w.end_ms] for w in words]]
        self._dirty = True

    def save(self, background: bool = True) -> None:
        """Write the entries if anything was added (on a helper thread unless *background* is False)."""
        if not self._dirty or not self._key:
            return
        self._dirty = False
        snapshot = dict(self._entries)   # O(turns) reference copy; the JSON dump runs off the GUI thread
        if background:
            self._thread = threading.Thread(target=self._write, args=(snapshot,), name="alignment-cache",
                                            daemon=True)
            self._thread.start()
        else:
            self._write(snapshot)

    def _write(self, entries: dict) -> None:
        with self._lock:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
                with open(tmp, "w", encoding="utf-8") as out:
                    for part in _json_parts({"version": VERSION, "key": self._key}, "entries", entries):
                        out.write(part)
                os.replace(tmp, self.path)
            except OSError:
                pass   # a full or read-only disk only costs a re-run next time

    def wait(self) -> None:
        """Block until a background save has finished (closing, tests)."""
        if self._thread is not None:
            self._thread.join()
