"""Replaying a journal: each line turned back into the reversible op that does what the edit did
(:func:`record_op`), applied in order onto the base (:func:`replay`), or one undo step at a time by the
window (:func:`apply_record` with its undo stack's push). The line formats are described in
:mod:`editor.session.journal`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor.core import ops
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Speaker, Transcript
from editor.session.journal_compact import AFTER, BEFORE, Memos, ReplaceMemo, ShiftMemo, text_state, times_state
from editor.session.journal_lines import chapters_to_json, meta_to_json, segments_from_json, speakers_to_json


def replay(transcript: Transcript, records: list[dict], journal_path: str | Path | None = None,
           run: Callable[[ops.Op], object] | None = None) -> int:
    """Apply journal *records* to *transcript*, each through *run* (see :func:`apply_record`);
    returns how many were applied. Raises TranscriptError at the first line that does not fit."""
    applied, misfit = replay_fitting(transcript, records, journal_path, run)
    if misfit is not None:
        raise misfit
    return applied


def replay_fitting(transcript: Transcript, records: list[dict], journal_path: str | Path | None = None,
                   run: Callable[[ops.Op], object] | None = None) -> tuple[int, TranscriptError | None]:
    """:func:`replay` up to the first line that does not fit: how many records were applied, and
    why the next one does not fit (None when all did). A line is planned whole before it is applied,
    so the one that does not fit changes nothing."""
    memos: Memos = {}   # what each replace or shift line found and left
    for index, record in enumerate(records):
        try:
            apply_record(transcript, record, memos, run)
        except (TranscriptError, ValueError, TypeError, IndexError, KeyError) as error:
            problem = error.problem if isinstance(error, TranscriptError) else str(error)
            return index, TranscriptError(f"journal entry {record.get('seq')} does not fit the base: {problem}",
                                          journal_path, line=index + 2)
    return len(records), None


def apply_record(transcript: Transcript, record: dict, memos: Memos | None = None,
                 run: Callable[[ops.Op], object] | None = None) -> None:
    """One journal line, as the reversible op :func:`record_op` plans from it.

    *run* applies that op (default: straight onto *transcript*); the window passes its undo stack's
    push, so each restored line is an undo step as the edit was before the crash. *memos* gathers
    what each ``replace`` line found and left, for the ``restore`` lines of its undo and redo
    (see :mod:`editor.session.journal`)."""
    rows = [row for row, _ in record.get("replace", ())]
    segments = transcript.segments
    op = record_op(transcript, record, memos)
    found = {row: text_state(segments[row]) for row in rows}
    shift = _set_times(op) if "shift" in record else None
    if shift is not None:
        before = times_state(segments, shift.first, shift.columns, len(shift))
    if run is None:
        ops.run(transcript, op)
    else:
        run(op)
    if rows and memos is not None:
        segments = transcript.segments
        memos[record["seq"]] = ReplaceMemo({BEFORE: found, AFTER: {row: text_state(segments[row]) for row in rows}})
    if shift is not None and memos is not None:
        memos[record["seq"]] = ShiftMemo(shift.first, {BEFORE: before, AFTER: dict(shift.columns)})


def _set_times(op: ops.Op) -> ops.SetTimes | None:
    """The turns' times a shift line's op sets."""
    if isinstance(op, ops.SetTimes):
        return op
    if isinstance(op, ops.Group):
        return next(filter(None, map(_set_times, op.ops)), None)
    return None


def record_op(transcript: Transcript, record: dict, memos: Memos | None = None) -> ops.Op:
    """The op that does what journal line *record* did to *transcript* (not applied yet).

    Speakers, meta and chapters come first (segments refer to speakers), then the rows; a line
    that does not fit *transcript* raises IndexError, ValueError or KeyError."""
    parts: list[ops.Op] = []
    speakers = transcript.speakers
    # A journal's first line holds speakers and meta even when they did not change: left out then,
    # so that line is the edit alone (typing merges with the keystrokes after it).
    if "speakers" in record and record["speakers"] != speakers_to_json(speakers):
        speakers = {sid: Speaker(sid, name) for sid, name in record["speakers"]}
        parts.append(ops.SetSpeakers(tuple(speakers.values())))
    if "meta" in record and record["meta"] != meta_to_json(transcript.meta):
        meta = record["meta"]
        parts.append(ops.SetMeta({"title": meta["title"], "audio_path": meta["audio_path"],
                                  "duration_ms": meta["duration_ms"], "language": meta["language"]}))
    chapters: list[ops.Op] = []
    if "chapters" in record and record["chapters"] != chapters_to_json(transcript.chapters):
        from editor.core.project import chapters_from_list
        chapters.append(ops.SetChapters(tuple(chapters_from_list(record["chapters"]))))
    if "shift" not in record:
        parts += chapters
    count = len(transcript.segments)
    if "set" in record:
        rows = [row for row, _ in record["set"]]
        new = segments_from_json([data for _, data in record["set"]], speakers)
        for row, segment in zip(rows, new, strict=False):
            _check_row(row, count)
            parts.append(ops.ReplaceSegments(row, 1, (segment,)))
    if "replace" in record:
        replaced = record["replace"]
        for row, _ in replaced:
            _check_row(row, count)
        parts.append(ops.replace_spans(transcript, [(row, start, end, text) for row, spans in replaced
                                                    for start, end, text in spans]))
    if "shift" in record:
        first, delta_ms, turns, clamped = record["shift"]
        _check_row(first, count)
        shift = ops.shift_times(transcript, delta_ms, first)
        if (shift.turns, shift.clamped) != (turns, clamped):
            raise ValueError(f"it shifts {turns} turns ({clamped} clamped at 0:00) from turn {first + 1}, "
                             f"here {shift.turns} ({shift.clamped} clamped)")
        parts.append(shift.op)
        parts += chapters    # after the shift's own: the line holds the chapters as they were left
    if "reshift" in record:
        seq, side = record["reshift"]
        shift_memo = memos.get(seq) if memos is not None else None
        if not isinstance(shift_memo, ShiftMemo):
            raise ValueError(f"it puts back the turns of shift entry {seq}, which is not in the journal")
        put_back = ops.SetTimes(shift_memo.first, shift_memo.states[side])
        _check_row(shift_memo.first + len(put_back) - 1, count)
        parts.append(put_back)
    if "restore" in record:
        seq, side, rows = record["restore"]
        memo = memos.get(seq) if memos is not None else None
        if not isinstance(memo, ReplaceMemo):
            raise ValueError(f"it puts back the turns of entry {seq}, which is not in the journal")
        states = memo.states[side]
        edits = []
        for row in rows:
            _check_row(row, count)
            text, words, marks = states[row]
            edits.append((row, {"text": text, "words": words, "marks": marks}))
        parts.append(ops.SetFields(tuple(edits)))
    if "rows" in record:
        first, removed = record["rows"]
        if not (first >= 0 and removed >= 0 and first + removed <= count):
            raise IndexError(f"rows {first}..{first + removed} are beyond the {count} segments")
        parts.append(ops.ReplaceSegments(first, removed, tuple(segments_from_json(record["segments"], speakers))))
    return parts[0] if len(parts) == 1 else ops.Group(tuple(parts))   # no parts: a line marking a save


# What typing sets (word_timing: words typed into a turn with heard times make its times estimated;
# ignored: the passages said right there move along with the text typed before them).
_TYPED_FIELDS = frozenset({"text", "words", "marks", "word_timing", "status", "approved_by", "approved_at",
                           "ignored"})


def typed_row(transcript: Transcript, op: ops.Op) -> int | None:
    """The row when *op* (from :func:`record_op`) only changes one turn's text, as typing does (an
    approved turn typed in is reopened too), else None: consecutive ones were one undo step."""
    if not isinstance(op, ops.ReplaceSegments) or op.count != 1 or len(op.segments) != 1:
        return None
    old, new = transcript.segments[op.index], op.segments[0]
    same = all(getattr(old, name) == getattr(new, name) for name in Segment.__slots__
               if name not in _TYPED_FIELDS)
    return op.index if same and old.text != new.text else None


def document_op(transcript: Transcript, target: Transcript) -> ops.Op:
    """The op that makes *transcript* what *target* holds (an autosave snapshot restored over the
    file it was taken of: the edits before it are one step).

    The audio's link and length are left as they are: the window sets them as it finds the audio
    (derived data, never an edit), so undoing the restore must not put back the audio the document
    had before it while the window plays another, or a length learnt since."""
    meta = target.meta
    return ops.Group((ops.SetSpeakers(tuple(target.speakers.values())),
                      ops.SetMeta({"title": meta.title, "language": meta.language}),
                      ops.SetChapters(tuple(target.chapters)),
                      ops.ReplaceSegments(0, len(transcript.segments), tuple(target.segments))))


def _check_row(row, count: int) -> None:
    if type(row) is not int or not 0 <= row < count:
        raise IndexError(f"row {row} is beyond the {count} segments")

