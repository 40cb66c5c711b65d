"""Row heights and offsets for the virtual transcript view (no Qt).

Why this exists: QListView asks its delegate for every row's size hint when
it lays out, which costs ~30 µs a row with word wrapping (0.35 s for 12,000
cues, measured), and again on every resize. Here every row starts with a
cheap *estimate* from its text length; a row gets its exact height when it is
first laid out for painting, so opening and resizing cost O(visible rows)
text layouts. Offsets (prefix sums) are rebuilt lazily and only when some
height actually changed, which is rare (a wrap change while typing), never
per playback tick.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


class RowGeometry:
    """Heights of rows (estimated or exact) and the y offset of each row."""

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._exact: list[bool] = []
        self._offsets: list[int] | None = [0]

    def reset(self, estimates: list[int]) -> None:
        self._heights = list(estimates)
        self._exact = [False] * len(estimates)
        self._offsets = None

    def __len__(self) -> int:
        return len(self._heights)

    def is_exact(self, row: int) -> bool:
        return self._exact[row]

    def height(self, row: int) -> int:
        return self._heights[row]

    def set_height(self, row: int, height: int, exact: bool = True) -> int:
        """Record a row's height; returns the change in pixels (0 when unchanged)."""
        self._exact[row] = exact
        delta = height - self._heights[row]
        if delta:
            self._heights[row] = height
            self._offsets = None
        return delta

    def invalidate(self, row: int, estimate: int) -> None:
        """Forget a row's exact height (its text changed); keep *estimate* until re-measured."""
        self._exact[row] = False
        if estimate != self._heights[row]:
            self._heights[row] = estimate
            self._offsets = None

    def insert(self, row: int, estimates: list[int]) -> None:
        self._heights[row:row] = estimates
        self._exact[row:row] = [False] * len(estimates)
        self._offsets = None

    def remove(self, row: int, count: int) -> None:
        del self._heights[row:row + count]
        del self._exact[row:row + count]
        self._offsets = None

    def offsets(self) -> list[int]:
        """``offsets[i]`` is the top of row *i*; ``offsets[-1]`` is the total height."""
        if self._offsets is None:
            self._offsets = [0, *accumulate(self._heights)]
        return self._offsets

    def top(self, row: int) -> int:
        return self.offsets()[row]

    def total(self) -> int:
        return self.offsets()[-1]

    def row_at(self, y: int) -> int:
        """Row under document coordinate *y* (clamped to the rows; -1 when there are none)."""
        if not self._heights:
            return -1
        row = bisect_right(self.offsets(), y) - 1
        return max(0, min(row, len(self._heights) - 1))
