"""Caption cues merged into the turns a producer reviews.

Caption files (SRT, WebVTT, Whisper JSON) hold one cue per screenful of text,
a few seconds each. A producer reads, corrects and approves turns, so the
caption readers merge their cues here:

* consecutive cues of one speaker become one turn;
* cues without any speaker become paragraphs, cut where a sentence ends before
  a pause of :data:`PARAGRAPH_PAUSE_MS` or more;
* either way a turn is cut at the next sentence end once it is longer than
  :data:`LONG_TURN_MS`, and at the next cue once it is longer than
  :data:`MAX_TURN_MS`, so no turn grows to the whole episode.

Each cue's time survives as word times: a cue that had timed words keeps
them, a cue of plain text has its words spread over the cue's own span. So
the first word of every cue starts where the cue started and caption exports
cut the merged turn back into cues in step with the audio.

:func:`looks_like_finished_subtitles` tells a recognizer's output from
subtitles someone already cut by hand (short balanced lines, two to a cue), so
the window can offer to keep those captions as they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.transcript import Mark, Segment, Word, WordTiming, defer_words
from editor.core.words import cue_words, joined_cue_words

PARAGRAPH_PAUSE_MS = 1000
LONG_TURN_MS = 90_000
MAX_TURN_MS = 180_000
_SENTENCE_END = (".", "?", "!", "…", '."', '?"', '!"', ".”", "?”", "!”")

# Finished subtitles: most cues carry two lines and nearly every line fits a caption's width.
_SUBTITLE_LINE_CHARS = 47
_SUBTITLE_MIN_CUES = 10


# A caption cue timed at both ends, before it is made a segment: (speaker id, start ms, end ms, text, marks).
Cue = tuple[str | None, int, int, str, list[Mark]]


def merge_cues(cues: Sequence[Segment]) -> list[Segment]:
    """The turns made of *cues* (segments in file order, one per cue); ids ``s1, s2, ...``."""
    labelled = any(cue.speaker_id is not None for cue in cues)
    turns: list[Segment] = []
    group: list[Segment] = []
    for cue in cues:
        if group and _starts_turn(group, cue, labelled):
            turns.append(_joined(group, len(turns) + 1))
            group = []
        group.append(cue)
    if group:
        turns.append(_joined(group, len(turns) + 1))
    return turns


def _starts_turn(group: list[Segment], cue: Segment, labelled: bool) -> bool:
    previous = group[-1]
    if cue.speaker_id != previous.speaker_id:
        return True
    if cue.start_ms is None or group[0].start_ms is None or previous.start_ms is None:
        return cue.start_ms is not None or previous.start_ms is not None  # untimed text stays apart
    length = cue.start_ms - group[0].start_ms
    if length >= MAX_TURN_MS:
        return True
    sentence_ended = previous.text.rstrip().endswith(_SENTENCE_END)
    if sentence_ended and length >= LONG_TURN_MS:
        return True
    if labelled and cue.speaker_id is not None:
        return False
    pause = cue.start_ms - (previous.end_ms if previous.end_ms is not None else previous.start_ms)
    return sentence_ended and pause >= PARAGRAPH_PAUSE_MS


def _joined(group: list[Segment], number: int) -> Segment:
    first, last = group[0], group[-1]
    if len(group) == 1:
        first.id = f"s{number}"
        return first
    texts: list[str] = []
    pieces: list[list[Word] | tuple[str, int | None, int | None]] = []
    marks: list[Mark] = []
    offset = 0
    all_imported = True
    for cue in group:
        if texts:
            offset += 1  # the joining space
        marks.extend(mark.shifted(offset) for mark in cue.marks)
        texts.append(cue.text)
        offset += len(cue.text)
        if cue.words and len(cue.words) == len(cue.text.split()):
            pieces.append(cue.words)
            all_imported = all_imported and cue.word_timing is WordTiming.IMPORTED
        else:
            pieces.append((cue.text, cue.start_ms, cue.end_ms))   # the cue's span anchors its words
            all_imported = False
    timed = first.start_ms is not None
    end = next((cue.end_ms for cue in reversed(group) if cue.end_ms is not None), last.end_ms)
    turn = Segment(f"s{number}", first.start_ms, end, " ".join(texts), first.speaker_id, marks=marks,
                   word_timing=(WordTiming.IMPORTED if all_imported else WordTiming.ESTIMATED)
                   if timed else WordTiming.NONE)
    if timed:   # made when first read: most turns of a long episode are never looked at word by word
        defer_words(turn, cue_words, tuple(pieces))
    return turn


def merge_cue_rows(cues: Sequence[Cue]) -> list[Segment]:
    """:func:`merge_cues` of cues given as rows (:data:`Cue`), each timed at both ends, the same turns
    made without a segment made for each cue first (a 12,000-cue file becomes ~3,500 turns). Where a
    turn starts is :func:`_starts_turn`'s test, written out for rows in the loop (a call a cue was a
    fifth of merging them)."""
    labelled = any(cue[0] is not None for cue in cues)
    turns: list[Segment] = []
    first = 0
    for index in range(1, len(cues)):
        previous, cue = cues[index - 1], cues[index]
        length = cue[1] - cues[first][1]
        if cue[0] != previous[0] or length >= MAX_TURN_MS or (
                length >= LONG_TURN_MS and previous[3].rstrip().endswith(_SENTENCE_END)):
            cut = True
        elif labelled and cue[0] is not None:
            cut = False
        else:
            cut = cue[1] - previous[2] >= PARAGRAPH_PAUSE_MS and previous[3].rstrip().endswith(_SENTENCE_END)
        if cut:
            turns.append(_joined_rows(cues[first:index], len(turns) + 1))
            first = index
    if cues:
        turns.append(_joined_rows(cues[first:], len(turns) + 1))
    return turns


def _joined_rows(group: Sequence[Cue], number: int) -> Segment:
    """:func:`_joined` for timed rows: a cue alone is the segment it would have been, cues together
    one turn whose words are made from each cue's text and span when first read."""
    speaker_id, start_ms, end_ms, text, marks = group[0]
    if len(group) == 1:
        return Segment(f"s{number}", start_ms, end_ms, text, speaker_id, marks=marks)
    joined: list[Mark] = []
    if any([cue[4] for cue in group]):   # (most turns have no marks: no offsets to count)
        offset = 0
        for _, _, _, cue_text, cue_marks in group:
            joined += [mark.shifted(offset) for mark in cue_marks]
            offset += len(cue_text) + 1   # and the joining space
    spans: list[int] = []
    for cue in group:
        spans += (len(cue[3]), cue[1], cue[2])
    turn = Segment(f"s{number}", start_ms, group[-1][2], " ".join([cue[3] for cue in group]), speaker_id,
                   marks=joined, word_timing=WordTiming.ESTIMATED)
    defer_words(turn, joined_cue_words, turn.text, tuple(spans))
    return turn


def looks_like_finished_subtitles(cue_lines: Sequence[Sequence[str]]) -> bool:
    """Do these cues (each its text lines) look cut by hand for viewers rather than by a recognizer?

    Subtitles made for viewers wrap into two short lines per cue; recognizers
    write one long line per cue. So: enough cues, at least half of them on
    two or more lines, and nearly every line within a caption's width.
    """
    if len(cue_lines) < _SUBTITLE_MIN_CUES:
        return False
    multi = sum(1 for lines in cue_lines if len(lines) >= 2)
    if multi * 2 < len(cue_lines):
        return False   # one line a cue: a recognizer's (the lines' widths need not be looked at)
    lines = [line for cue in cue_lines for line in cue]
    narrow = sum(1 for line in lines if len(line.strip()) <= _SUBTITLE_LINE_CHARS)
    return narrow >= 0.95 * len(lines)


def cue_texts_look_finished(texts: Sequence[str]) -> bool:
    """:func:`looks_like_finished_subtitles` of cues given as their lines joined by newlines: a cue's
    lines are split apart only when enough cues have two of them (a recognizer's file, one line a cue,
    is told without making a list for each of its cues)."""
    if len(texts) < _SUBTITLE_MIN_CUES or sum(1 for text in texts if "\n" in text) * 2 < len(texts):
        return False
    return looks_like_finished_subtitles([text.split("\n") if text else [] for text in texts])
