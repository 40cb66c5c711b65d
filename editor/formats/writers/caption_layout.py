"""Laying a turn's words out as caption cues by least cost, for published captions.

The greedy packer in :mod:`.captions` fills each line as far as it goes, which
leaves a word or two dangling on a cue's last line, a lone word in a turn's
last cue, and breaks in the middle of phrases. Publishing asks for better, so
here each run of words (a turn, cut at pauses of two seconds or more, where a
cue must end anyway) is laid out by dynamic programming over where lines and
cues break, choosing the cheapest layout under these costs:

* a line much shorter than the limit (ragged), less so for a cue's last line,
  and more for a line inside a cue under 40% full;
* a line that breaks inside a clause, when a clause end (``,`` ``;`` ``:``
  ``.`` ``?`` ``!``) was on offer (``prefer_clauses``);
* a cue's last line of one or two words after a full line (dangling), and a
  cue of one or two words spilled from a longer run (orphan): both far dearer
  than anything else, so they happen only where nothing else fits;
* a cue ended before it is full, except at the end of a sentence;
* each cue (so cues are not cut smaller than they need be).

A line is at most ``max_chars`` characters (a single longer word gets a line
of its own); a cue at most ``max_lines`` lines. A unit kept with the next one
(an SRT turn's ``Name:``) never ends a cue: a card holding nothing but a name
says nothing, and with one line per cue the two share a line, however long. Work is O(words x words per
line x lines per cue).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from editor.formats.writers.render import Unit

_SENTENCE_END = (".", "?", "!", "…", ".\"", "?\"", "!\"", ".”", "?”", "!”")
_CLAUSE_END = (",", ";", ":", "—") + _SENTENCE_END

RAGGED = 1.0           # (missing characters / limit)^2 for a line inside a cue
RAGGED_LAST = 0.3      # the same for a cue's last line (a cue may end short)
MID_CLAUSE = 1.0       # a line that breaks inside a clause, per 32 characters of line: the longer the
                       # line, the likelier a clause end is within reach (WebVTT's 65: about 2)
SHORT_LINE = 0.8       # a line inside a cue filled less than SHORT_LINE_FILL ("Yes," alone)
SHORT_LINE_FILL = 0.4
DANGLING = 8.0         # a cue's last line of one or two words after a full line
ORPHAN = 8.0           # a cue of one or two words spilled from a longer run
ORPHAN_SENTENCE = 1.5  # ... unless those words are a whole sentence ("Right.")
EARLY_CUE_END = 1.0    # a cue ended with room left, not at a sentence end
EARLY_AT_SENTENCE = 0.05
PER_CUE = 0.3
_SHORT = 2             # words: a line or cue this short dangles


def ends_sentence(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


def ends_clause(text: str) -> bool:
    return text.rstrip("\"'”’)]").endswith(_CLAUSE_END)


def lay_out_run(units: Sequence[Unit], max_chars: int, max_lines: int, prefer_clauses: bool = True,
                no_break_after: frozenset[int] = frozenset(),
                keep_with_next: frozenset[int] = frozenset()) -> list[list[list[Unit]]]:
    """*units* as cues of lines (each a list of units), by least cost.

    *no_break_after* holds indexes after which a clause end does not count
    (the ``Name:`` an SRT cue starts with is not the end of a clause);
    *keep_with_next* those of units that must share a cue with the unit after them.
    """
    n = len(units)
    if n == 0:
        return []
    max_chars = max(1, max_chars)
    lines_per_cue = max(1, max_lines)
    # ends[k]: characters of units[:k] plus one space after each, so units[i:j] on one line
    # is ends[j] - ends[i] - 1 wide.
    ends = [0]
    for unit in units:
        ends.append(ends[-1] + len(unit.text) + 1)
    clause = [prefer_clauses and ends_clause(u.text) and k not in no_break_after for k, u in enumerate(units)]
    sentence = [ends_sentence(u.text) for u in units]
    inf = float("inf")
    # best[i][p]: least cost with units[:i] placed and the next line at position p of its cue.
    best = [[inf] * lines_per_cue for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool] | None]] = [[None] * lines_per_cue for _ in range(n + 1)]
    best[0][0] = 0.0
    last_p = lines_per_cue - 1
    # This is the hot loop of publishing captions (every word of the episode, times the words
    # that fit on a line, times the lines of a cue), so what depends only on a line's width or
    # only on where it ends is worked out beforehand.
    end_cost, line_cost, end_cost_mid, line_cost_mid = _width_costs(max_chars)
    # A line ending before units[j - 1] ends a clause (not the run) pays for breaking mid-clause.
    mid = [False] + [k < n and prefer_clauses and not clause[k - 1] for k in range(1, n + 1)]
    early = [0.0] + [EARLY_AT_SENTENCE if sentence[k - 1] else EARLY_CUE_END for k in range(1, n)] + [0.0]
    # may_end[j]: a cue may end after units[j - 1] (never after one kept with the next, but at the run's end)
    may_end = [True] * (n + 1)
    for k in keep_with_next:
        if 0 <= k < n - 1:
            may_end[k + 1] = False
    dangling, orphan_cost, short_words = DANGLING, ORPHAN, _SHORT   # locals: read for every line tried
    for i in range(n):
        row = best[i]
        states = [(p, row[p]) for p in range(lines_per_cue) if row[p] != inf]
        if not states:
            continue
        orphan = ORPHAN_SENTENCE if i == 0 or sentence[i - 1] else orphan_cost
        line_start = ends[i] + 1
        # The shortest line from here: one unit, or two when a one-line cue must keep it with the next.
        shortest = i + 2 if lines_per_cue == 1 and i in keep_with_next and i + 1 < n else i + 1
        for j in range(i + 1, n + 1):
            width = ends[j] - line_start
            if width > max_chars:
                if j > shortest:
                    break
                width = max_chars   # a word longer than a line (or a name with it): no slack
            may_end_cue = may_end[j]
            if mid[j]:
                ragged_last = end_cost_mid[width]
                inner = line_cost_mid[width]
            else:
                ragged_last = end_cost[width]
                inner = line_cost[width]
            short = j - i <= short_words
            last = j == n
            # one or two words alone in a cue, unless they are the whole run
            spilled = short and not (last and i == 0)
            if spilled:
                spilled_cost = orphan if sentence[j - 1] else orphan_cost
            early_here = early[j]
            best_j = best[j]
            back_j = back[j]
            for p, here in states:
                # This line ends its cue ...
                if may_end_cue:
                    cost = here + ragged_last
                    if p:
                        if short:
                            cost += dangling
                    elif spilled:
                        cost += spilled_cost
                    if p < last_p:
                        cost += early_here
                    if cost < best_j[0]:
                        best_j[0] = cost
                        back_j[0] = (i, p, True)
                # ... or the cue goes on to another line.
                if p < last_p and not last:
                    cost = here + inner
                    if cost < best_j[p + 1]:
                        best_j[p + 1] = cost
                        back_j[p + 1] = (i, p, False)
    return _trace(units, back, n)


@functools.lru_cache(maxsize=8)
def _width_costs(max_chars: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """The cost of a line of each width 0..max_chars ending its cue, going on to another line, and the
    same when it breaks mid-clause. Kept per line length: worked out for every run, they were some
    40% of laying out a short turn (a subtitle file read as one turn per cue has 200,000 of them).
    The costs are summed in the order the rules above list them, so equal layouts keep breaking
    ties the same way."""
    short_line = max_chars * SHORT_LINE_FILL
    mid_clause = MID_CLAUSE * max_chars / 32
    widths = range(max_chars + 1)
    slacks = [(max_chars - width) / max_chars for width in widths]
    end_cost = [RAGGED_LAST * slack * slack + PER_CUE for slack in slacks]
    line_cost = [RAGGED * slack * slack + (SHORT_LINE if width < short_line else 0.0)
                 for width, slack in zip(widths, slacks, strict=True)]
    end_cost_mid = [cost + mid_clause for cost in end_cost]
    line_cost_mid = [cost + mid_clause for cost in line_cost]
    return end_cost, line_cost, end_cost_mid, line_cost_mid


def _trace(units: Sequence[Unit], back, n: int) -> list[list[list[Unit]]]:
    cues: list[list[list[Unit]]] = []
    lines: list[list[Unit]] = []
    j, p = n, 0
    while j > 0:
        step = back[j][p]
        if step is None:   # cannot happen: every run has a layout (a word per line)
            raise RuntimeError("no caption layout found")
        i, p_before, end_cue = step
        if end_cue and lines:
            cues.append(lines[::-1])
            lines = []
        lines.append(list(units[i:j]))
        j, p = i, p_before
    if lines:
        cues.append(lines[::-1])
    return cues[::-1]
