"""Autosave deltas: a snapshot that holds only the turns changed since a file that holds the rest.

Why: an autosave snapshot of the whole document made a worker thread serialize every turn (and make
the words of every caption still holding its recipe) while holding the GIL the window needs: 0.4 s of
CPU and 40-190 ms stalls of the window per snapshot on a 12,000-cue file, after a one-word edit. A
delta costs what the edits since its base touched, and the window's own part is a few passes in C.

* **Which turns are unchanged** (:class:`Unchanged`): the turn objects of the document as a file
  holds them (the document just opened or saved, or a full snapshot just taken), each with its row
  in that file, less every turn an edit or derived data touched since. The journal tells it of every
  committed edit (the rows its line writes) and the autosaver of derived data (word times), the same
  account the journal's own lines rely on. Turn objects are kept alive by it, so ``id()`` stays theirs.
* **The delta file** is JSON: ``"autosave_delta"``, the base it applies to (path, size, SHA-256, as
  a journal names its base) and, for every row of the document, the row of the base it is (a number)
  or ``null`` (the next of its own turns); and ``"changed"``, a project document
  (:mod:`editor.core.project`) holding those turns and the speakers, meta, chapters and extra in
  full. Not a project itself (no schema key at the top): opened as one it is refused, never taken
  for a document of its changed turns alone. Its base is never a delta.
* **Loading** (:func:`load`) refuses a delta whose base is gone or holds other content, or whose rows
  do not fit the base, with a :class:`~editor.core.errors.TranscriptError` naming the file.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path
from typing import Any

from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript
from editor.session.journal_base import BaseRef
from editor.session.snapshot_capture import Captured, capture_rows, project_bytes

DELTA_KEY = "autosave_delta"
# Past this share of turns changed since the base, a full snapshot is written (and becomes the base
# deltas refer to): a delta would hold most of the document anyway, and replaying one onto a base it
# mostly replaces only costs the restore time.
MOST_CHANGED = 0.5

_IS = operator.is_


class Unchanged:
    """The turns still as a base file holds them, and their rows in it (see the module's docstring).

    Used on the thread that edits (the GUI thread); :attr:`base` is set by whoever learns which file
    holds those turns (the journal's base, or a full snapshot once written), and read as one value.
    """

    def __init__(self, segments: list[Segment], base: BaseRef | None = None):
        self.base = base
        # Keeps each unchanged object alive, so its id() stays its own; a touched turn's slot is
        # emptied, so the old versions of edited turns live only as long as the undo history keeps them.
        self._kept: list[Segment | None] = list(segments)
        self._rows: dict[int, int] = dict(zip(map(id, self._kept), range(len(self._kept)), strict=True))

    @property
    def base_rows(self) -> int:
        return len(self._kept)

    def touched(self, segments: Iterable[Segment]) -> None:
        """These turns were changed (an edit, derived data): they are no longer as the base holds them."""
        pop, kept = self._rows.pop, self._kept
        for segment in segments:
            row = pop(id(segment), None)
            if row is not None:
                kept[row] = None

    def touched_rows(self, segments: list[Segment], rows: Iterable[int]) -> None:
        """:meth:`touched` for the turns at *rows* of *segments*."""
        self.touched(map(segments.__getitem__, rows))

    def mostly_changed(self, transcript: Transcript) -> bool:
        """True when a delta would hold most of the document (a full snapshot is due)."""
        return len(self._rows) < (1 - MOST_CHANGED) * max(len(transcript.segments), self.base_rows)

    def order(self, segments: list[Segment]) -> tuple[list[int | None], list[Segment]]:
        """For every turn of *segments*, its row in the base or None, and the turns that are None
        (changed or new), in order. A few passes in C: ~1 ms for 12,000 turns."""
        order = list(map(self._rows.get, map(id, segments)))
        return order, list(compress(segments, map(_IS, order, repeat(None))))


@dataclass(frozen=True)
class DeltaCapture:
    """What a delta holds, captured on the thread that edits: the base, each row's place in it,
    and the changed turns with the rest of the document (:class:`~editor.session.snapshot_capture.Captured`)."""

    base: BaseRef
    base_rows: int
    order: list[int | None]
    changed: Captured


def capture(unchanged: Unchanged, transcript: Transcript) -> DeltaCapture | None:
    """The delta of *transcript* on *unchanged*'s base, or None when there is no base to refer to yet
    or a full snapshot is due (:meth:`Unchanged.mostly_changed`)."""
    base = unchanged.base
    if base is None or unchanged.mostly_changed(transcript):
        return None
    order, changed = unchanged.order(transcript.segments)
    return DeltaCapture(base, unchanged.base_rows, order, capture_rows(transcript, changed))


def encode(delta: DeltaCapture, target: Path, extra: dict | None, pace: Callable[[], None]) -> bytes:
    """The delta file's bytes (run on the worker: it builds the changed turns' project form, a slice at
    a time with ``pace()`` between slices: see :func:`~editor.session.snapshot_capture.project_bytes`)."""
    changed = project_bytes(delta.changed.thaw(), target, extra, pace).decode("utf-8")
    head = json.dumps({"base": delta.base.to_json(), "rows": delta.base_rows, "order": delta.order})
    return f'{{"{DELTA_KEY}": {head},\n"changed": {changed}}}\n'.encode()


def is_delta(data: Any) -> bool:
    return isinstance(data, dict) and DELTA_KEY in data and isinstance(data.get("changed"), dict)


def load(path: str | Path, data: dict,
         load_base: Callable[[BaseRef], tuple[Transcript, dict]]) -> tuple[Transcript, dict]:
    """The document a delta file (*data*, read from *path*) holds: its base loaded with *load_base*
    (which refuses a delta: a project document is what a snapshot base must be) and its rows put in
    place. Raises TranscriptError when the base is gone or changed, or the rows do not fit it."""
    from editor.core import project
    path = Path(path)
    delta = data[DELTA_KEY]
    try:
        base = BaseRef.from_json(delta["base"])
        base_rows, order = delta["rows"], delta["order"]
        if type(base_rows) is not int or not isinstance(order, list):
            raise ValueError("rows")
    except (KeyError, TypeError, ValueError):
        raise TranscriptError("the autosaved copy is damaged: it does not say which file it adds to", path) from None
    if not base.matches_file():
        raise TranscriptError(f"the autosaved copy adds to {base.path}, which is gone or was changed since", path)
    changed = project.from_dict(data["changed"], base_dir=path.resolve().parent, source=path)
    transcript, extra = changed.transcript, dict(changed.extra)
    base_transcript, _ = load_base(base)
    base_segments, own = base_transcript.segments, iter(transcript.segments)
    if len(base_segments) != base_rows:
        raise TranscriptError(f"the autosaved copy does not fit {base.path} ({base_rows} turns expected, "
                              f"{len(base_segments)} found)", path)
    segments: list[Segment] = []
    try:
        for row in order:
            if row is None:
                segments.append(next(own))
            elif type(row) is int and 0 <= row < base_rows:
                segments.append(base_segments[row])
            else:
                raise ValueError(row)
    except (StopIteration, ValueError):
        raise TranscriptError("the autosaved copy is damaged: its turns do not fit the file it adds to", path) from None
    if next(own, None) is not None:
        raise TranscriptError("the autosaved copy is damaged: it holds turns it does not place", path)
    transcript.segments = segments
    return transcript, extra
