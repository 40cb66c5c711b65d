"""Row heights and offsets for the virtual transcript view (no Qt).

Why this exists: QListView asks its delegate for every row's size hint when
it lays out, which costs ~30 µs a row with word wrapping (0.35 s for 12,000
cues, measured), and again on every resize. Here every row starts with a
cheap *estimate*; a row gets its exact height when it is first laid out for
painting, so opening and resizing cost O(visible rows) text layouts.

Offsets are kept per block of rows (the sum of each block, and the blocks'
running totals) rather than per row: a row whose height changes (measured
when it scrolls into view, a wrap change while typing) updates one block sum,
and finding a row's top or the row at a y costs one block's worth of additions,
so no single change costs work proportional to a million-turn document.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

BLOCK = 128   # rows per block: a look-up adds up at most this many heights; a million rows, 7,813 blocks


class RowGeometry:
    """Heights of rows (estimated or exact) and the y offset of each row."""

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._exact = bytearray()              # 1 where the height is the laid-out one
        self._sums: list[int] = []             # total height of each block of BLOCK rows
        self._starts: list[int] | None = [0]   # top of each block, and the total last; None: rebuild

    def reset(self, estimates: list[int]) -> None:
        self._heights = list(estimates)
        self._exact = bytearray(len(self._heights))
        self._resum(0)

    def __len__(self) -> int:
        return len(self._heights)

    def is_exact(self, row: int) -> bool:
        return bool(self._exact[row])

    def height(self, row: int) -> int:
        return self._heights[row]

    def set_height(self, row: int, height: int, exact: bool = True) -> int:
        """Record a row's height; returns the change in pixels (0 when unchanged)."""
        self._exact[row] = exact
        delta = height - self._heights[row]
        if delta:
            self._heights[row] = height
            self._sums[row // BLOCK] += delta
            self._starts = None
        return delta

    def invalidate(self, row: int, estimate: int) -> None:
        """Forget a row's exact height (its text changed); keep *estimate* until re-measured."""
        self.set_height(row, estimate, exact=False)

    def estimate(self, first: int, estimates: list[int], keep_exact: bool = True) -> None:
        """Give rows *first*.. these estimates: the rows not yet laid out (all of them unless
        *keep_exact*), which then count as not laid out. O(len(estimates))."""
        end = first + len(estimates)
        if keep_exact:
            old, exact = self._heights[first:end], self._exact[first:end]
            estimates = [o if e else h for h, o, e in zip(estimates, old, exact, strict=True)]
        else:
            self._exact[first:end] = bytes(len(estimates))
        self._heights[first:end] = estimates
        for block in range(first // BLOCK, (end - 1) // BLOCK + 1 if end > first else 0):
            self._sums[block] = sum(self._heights[block * BLOCK:(block + 1) * BLOCK])
        self._starts = None

    def insert(self, row: int, estimates: list[int]) -> None:
        self._heights[row:row] = estimates
        self._exact[row:row] = bytes(len(estimates))
        self._resum(row // BLOCK)

    def remove(self, row: int, count: int) -> None:
        del self._heights[row:row + count]
        del self._exact[row:row + count]
        self._resum(row // BLOCK)

    def _resum(self, block: int) -> None:
        """Recompute the sums of *block* and every block after it (rows moved between blocks)."""
        heights = self._heights
        del self._sums[block:]
        self._sums += [sum(heights[i:i + BLOCK]) for i in range(block * BLOCK, len(heights), BLOCK)]
        self._starts = None

    def _block_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *accumulate(self._sums)]
        return self._starts

    def top(self, row: int) -> int:
        block = row // BLOCK
        starts = self._block_starts()
        if block >= len(self._sums):      # row == len(self): the bottom of the last row
            return starts[-1]
        return starts[block] + sum(self._heights[block * BLOCK:row])

    def total(self) -> int:
        return self._block_starts()[-1]

    def row_at(self, y: int) -> int:
        """Row under document coordinate *y* (clamped to the rows; -1 when there are none)."""
        if not self._heights:
            return -1
        starts = self._block_starts()
        block = max(0, min(bisect_right(starts, y) - 1, len(self._sums) - 1))
        first = block * BLOCK
        tops = list(accumulate(self._heights[first:first + BLOCK], initial=starts[block]))
        row = first + bisect_right(tops, y) - 1
        return max(0, min(row, len(self._heights) - 1))
