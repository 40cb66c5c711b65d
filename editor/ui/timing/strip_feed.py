"""StripFeed: keeps the waveform strip's per-turn picture in step with the transcript model.

Its own module, apart from :mod:`editor.ui.timing.timing_parts`, so that a strip without audio (built
a few seconds after a transcript opens) imports neither numpy, PyAV nor PocketSphinx: together
about 25-30 MB of resident memory the session would otherwise carry for nothing.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from itertools import chain, compress
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor.core.transcript import same_words
from editor.ui.document.transcript_model import Role, TranscriptModel
from editor.ui.timing.waveform_bounds import Bounds, inaudible_spans

if TYPE_CHECKING:
    from editor.ui.timing.waveform import WaveformStrip

_HIGHLIGHT_ROLES = frozenset({int(Role.CURRENT), int(Role.CURRENT_WORD)})
# What the strip draws of a turn, by the roles that tell it changed.
_BOUNDS_ROLES = frozenset({int(Role.START), int(Role.END)})
_LABEL_ROLES = frozenset({int(Role.SPEAKER_ID), int(Role.SPEAKER_NAME)})
_MARKS_ROLE = int(Role.MARKS)
_SPEAKER_ID = attrgetter("speaker_id")
_BOUNDS = attrgetter("start_ms", "end_ms")
_MARKS = attrgetter("marks")


class _Labels(dict):
    """Speaker id -> the label the strip shows, as ``Transcript.speaker_name`` gives it."""

    def __init__(self, transcript):
        super().__init__({speaker_id: speaker.name for speaker_id, speaker in transcript.speakers.items()})
        self[None] = ""

    def __missing__(self, speaker_id):
        return speaker_id       # an id without a speaker shows as itself


_NO_SPANS: tuple[tuple[int, int], ...] = ()   # one shared value: a million turns, a million empty lists less
SLICE_S = 0.008     # inaudible spans computed per idle pass: the window answers between passes


def _row_spans(segment) -> Sequence[tuple[int, int]]:
    """Inaudible/crosstalk spans of one turn; the common case (no such mark) costs one scan of marks."""
    if not segment.marks:
        return _NO_SPANS        # most turns: no import statement run per row (a million rows: seconds)
    from editor.align.marks import UNALIGNED_MARKS
    if not any(mark.kind in UNALIGNED_MARKS for mark in segment.marks):
        return _NO_SPANS
    return inaudible_spans(segment) or _NO_SPANS


class _SpansOf:
    """The inaudible spans of each marked turn, remembered while its marks, text and words are the
    same objects (ops assign new ones rather than change them: identity is a safe, O(1) check).

    A turn's spans read its words, which an opened episode makes only when first read: thousands
    of marked turns cost seconds, so they are computed once and then only for the turns edited.
    """

    def __init__(self):
        self._known: dict[int, tuple] = {}    # id(segment) -> (segment, marks, text, stored words, spans)

    def cached(self, segment) -> Sequence[tuple[int, int]] | None:
        known = self._known.get(id(segment))
        if (known is not None and known[0] is segment and known[1] is segment.marks and known[2] is segment.text
                and same_words(known[3], segment.stored_words)):
            return known[4]
        return None

    def compute(self, segment) -> Sequence[tuple[int, int]]:
        spans = _row_spans(segment)
        self._known[id(segment)] = (segment, segment.marks, segment.text, segment.stored_words, spans)
        return spans

    def keep_only(self, segments, rows) -> bool:
        """Forget the turns not at *rows* of *segments* any more (after a split, merge or a new
        file); False when nothing was known (an episode just opened)."""
        if not self._known:
            return False
        present = {id(segments[row]): segments[row] for row in rows}
        self._known = {key: known for key, known in self._known.items() if present.get(key) is known[0]}
        return True


class StripFeed(QObject):
    """Keeps the strip's per-turn picture (bounds, speaker label, inaudible spans) in step with the model.

    ``dataChanged`` for rows a..b recomputes those rows only and compares: typing in a turn
    changes none of the three, so nothing else happens. What did change reaches the strip
    once, on the next event-loop turn (a rename signals every range of rows the speaker
    has: one push, not hundreds). Rows inserted/removed (split, merge) rebuild, coalesced
    the same way; a reset (opening a file) rebuilds at once. Inaudible spans not known yet
    (an episode just opened, turns just edited) are computed in short passes when the
    window is idle, and reach the strip when all are done.
    """

    def __init__(self, model: TranscriptModel, strip: WaveformStrip):
        super().__init__(strip)
        self._model, self._strip = model, strip
        self._bounds: list[Bounds] = []
        self._labels: list[str] = []
        self._spans: list[Sequence[tuple[int, int]]] = []
        self._rebuild_pending = False
        self._push_pending = False
        self._bounds_dirty = False
        self._spans_of = _SpansOf()
        self._unknown: deque[int] = deque()  # marked rows whose spans are still to compute, in order
        self._spans_found = False            # spans computed since the last push differ from before
        self._spans_timer = QTimer(self, singleShot=True, interval=0)
        self._spans_timer.timeout.connect(self._compute_some_spans)
        model.modelReset.connect(self.rebuild)
        model.rowsInserted.connect(self._schedule_rebuild)
        model.rowsRemoved.connect(self._schedule_rebuild)
        model.layoutChanged.connect(self._schedule_rebuild)
        model.dataChanged.connect(self._on_model_data_changed)
        model.speakers_changed.connect(self._on_model_speakers_changed)
        model.chapters_changed.connect(self._on_model_chapters_changed)

    def rebuild(self) -> None:
        self._rebuild_pending = False
        transcript = self._model.transcript
        segments = transcript.segments
        # Loops in C where they can: a million turns are a million of each.
        self._bounds = list(map(_BOUNDS, segments))
        self._labels = list(map(_Labels(transcript).__getitem__, map(_SPEAKER_ID, segments)))
        spans: list[Sequence[tuple[int, int]]] = [_NO_SPANS] * len(segments)
        marked = list(compress(range(len(segments)), map(_MARKS, segments)))   # the turns with marks only
        spans_of, deadline = self._spans_of, time.perf_counter() + SLICE_S
        self._unknown = deque()
        if not spans_of.keep_only(segments, marked):
            self._unknown.extend(marked)        # an episode just opened: all of them when idle
            marked = []
        for row in marked:
            known = spans_of.cached(segments[row])
            if known is None and time.perf_counter() < deadline:
                known = spans_of.compute(segments[row])     # the few turns a split or merge made
            if known is None:
                self._unknown.append(row)                   # an episode just opened: when idle
            else:
                spans[row] = known
        self._spans = spans
        self._bounds_dirty = True
        if self._unknown:
            self._spans_timer.start()
        self._flush()
        self._on_model_chapters_changed()

    def _on_model_chapters_changed(self) -> None:
        self._strip.set_chapters([(c.start_ms, c.title) for c in self._model.transcript.chapters])

    def _schedule_rebuild(self, *_) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._rebuild_if_pending)

    def _rebuild_if_pending(self) -> None:
        if self._rebuild_pending:
            self.rebuild()

    def _on_model_data_changed(self, top, bottom, roles=()) -> None:
        if roles and _HIGHLIGHT_ROLES.issuperset(roles):
            return                      # the playback highlight moved: nothing the strip draws
        if self._rebuild_pending:
            return
        segments = self._model.transcript.segments
        if len(segments) != len(self._bounds):
            self._schedule_rebuild()
            return
        transcript = self._model.transcript
        first, end = max(0, top.row()), min(bottom.row(), len(segments) - 1) + 1
        if first >= end:
            return
        # A replace in thousands of turns signals one span of rows: each list is remade for the span
        # and compared in C, and only turns with marks are looked at one by one. A change whose roles
        # are named (a text edit) remakes only what they say changed.
        told = frozenset(map(int, roles))
        rows = segments[first:end]
        bounds_changed = labels_changed = spans_changed = False
        if not told or not told.isdisjoint(_BOUNDS_ROLES):
            bounds = list(map(_BOUNDS, rows))
            bounds_changed = bounds != self._bounds[first:end]
            if bounds_changed:
                self._bounds[first:end] = bounds
        if not told or not told.isdisjoint(_LABEL_ROLES):
            labels = list(map(_Labels(transcript).__getitem__, map(_SPEAKER_ID, rows)))
            labels_changed = labels != self._labels[first:end]
            if labels_changed:
                self._labels[first:end] = labels
        if not told or _MARKS_ROLE in told:
            spans_changed = self._remake_spans(first, rows)
        if bounds_changed or labels_changed or spans_changed:
            self._schedule_push(bounds_changed)

    def _remake_spans(self, first: int, rows: list) -> bool:
        """The inaudible spans of *rows* (from row *first*) again; True when any changed."""
        end = first + len(rows)
        spans: list[Sequence[tuple[int, int]]] = [_NO_SPANS] * len(rows)
        spans_of, deadline = self._spans_of, time.perf_counter() + SLICE_S
        unknown = []
        for at in compress(range(len(rows)), map(_MARKS, rows)):
            known = spans_of.cached(rows[at])
            if known is None and time.perf_counter() < deadline:
                known = spans_of.compute(rows[at])          # the turns an edit changed
            if known is None:               # a replace in thousands of marked turns: the rest when idle
                unknown.append(first + at)
                spans[at] = self._spans[first + at]
            else:
                spans[at] = known
        if unknown:
            self._unknown.extend(unknown)
            self._spans_timer.start()
        spans_changed = spans != self._spans[first:end]
        if spans_changed:
            self._spans[first:end] = spans
        return spans_changed

    def _compute_some_spans(self) -> None:
        """One short pass over the marked rows whose spans are not known; again when idle until done."""
        segments = self._model.transcript.segments
        if self._rebuild_pending or len(segments) != len(self._spans):
            return        # rows moved: the rebuild lists what is unknown anew
        unknown, spans, compute = self._unknown, self._spans, self._spans_of.compute
        deadline = time.perf_counter() + SLICE_S
        changed = False
        while unknown and time.perf_counter() < deadline:
            row = unknown.popleft()
            found = compute(segments[row]) if segments[row].marks else _NO_SPANS
            if found != spans[row]:
                spans[row], changed = found, True
        self._spans_found = self._spans_found or changed
        if unknown:
            self._spans_timer.start()
        elif self._spans_found:
            self._spans_found = False
            self._schedule_push(False)

    def _on_model_speakers_changed(self) -> None:
        transcript = self._model.transcript
        if len(transcript.segments) == len(self._labels):
            self._labels = [transcript.speaker_name(s.speaker_id) for s in transcript.segments]
            self._schedule_push(False)

    def _schedule_push(self, bounds_changed: bool) -> None:
        self._bounds_dirty = self._bounds_dirty or bounds_changed
        if not self._push_pending:
            self._push_pending = True
            QTimer.singleShot(0, self, self._flush)

    def _flush(self) -> None:
        """Hand the strip copies of the lists (it must never see ours change under it mid-drag)."""
        if self._rebuild_pending:
            return    # the rebuild pushes
        self._push_pending = False
        bounds_changed, self._bounds_dirty = self._bounds_dirty, False
        self._strip.set_rows(list(self._bounds), list(self._labels),
                             list(chain.from_iterable(self._spans)), bounds_changed)
