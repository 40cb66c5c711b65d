"""SuspectStore: the suspect passages of the open transcript, kept per turn.

Suspects are keyed by turn id together with the text they were found in: once the producer
edits the turn (its text no longer matches) or approves it, its suspects are gone. Lookups
for painting cost one dict access; :meth:`refresh_rows` re-checks only rows that changed, and
listing them all (:meth:`all`) finds their rows from the row each was last seen at, so it
costs the suspects, not the document (a pass over the turns only when splits or merges moved
some of them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.transcript import ReviewStatus, Segment

if TYPE_CHECKING:
    from editor.hearing.spotting import Spotted
    from editor.hearing.suspects import Suspect

_GONE = -2   # a row hint: the turn was not in the document


class SuspectStore(QObject):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._by_id: dict[str, tuple[str, list[Suspect]]] = {}
        self._names: dict[str, list[Spotted]] = {}   # glossary names heard in a turn (same life as its suspects)
        self.checked: dict[str, str] = {}    # turn id -> the text the audio last checked
        self._rows: dict[str, int] = {}      # turn id -> the row it was last seen at (or _GONE)
        self._count = 0                      # suspects held (len): asked on every change of a row
        self._rows_count = -1                # how many rows there were when a pass last found them

    def clear(self) -> None:
        """Forget every turn's check; ``changed`` only when suspects were held (nothing to repaint else)."""
        held = bool(self._by_id)
        self._by_id.clear()
        self._count = 0
        self._names.clear()
        self.checked.clear()
        self._rows.clear()
        if held:
            self.changed.emit()

    def put(self, segment_id: str, text: str, suspects: list[Suspect], names: Sequence[Spotted] = (),
            row: int = -1) -> bool:
        """The result of checking one turn (an empty list: the audio says this turn is right),
        at *row* when known.

        Returns whether that turn's suspects changed; unlike the other changes, this one is not
        announced by ``changed`` (the caller repaints that one turn, not the whole view)."""
        self.checked[segment_id] = text
        self._names[segment_id] = list(names)
        if suspects:
            self._drop(segment_id)
            self._by_id[segment_id] = (text, list(suspects))
            self._count += len(suspects)
            self._rows[segment_id] = row
            return True
        return self._drop(segment_id)

    def _drop(self, segment_id: str) -> bool:
        """Forget a turn's suspects; whether it had any."""
        self._rows.pop(segment_id, None)
        entry = self._by_id.pop(segment_id, None)
        if entry is None:
            return False
        self._count -= len(entry[1])
        return True

    def for_segment(self, segment: Segment) -> list[Suspect]:
        entry = self._by_id.get(segment.id)
        if entry is None or entry[0] != segment.text or segment.status is ReviewStatus.APPROVED:
            return []
        return entry[1]

    def name_for(self, segment: Segment, suspect: Suspect) -> Spotted | None:
        """The glossary name heard over *suspect*, if any (only while the suspect lives)."""
        if not self.for_segment(segment):
            return None
        return next((n for n in self._names.get(segment.id, ())
                     if n.char_start < suspect.char_end and suspect.char_start < n.char_end), None)

    def refresh_rows(self, segments: list[Segment], first: int, last: int) -> bool:
        """Drop the suspects of rows *first*..*last* that were edited or approved since; whether any were.

        Like :meth:`put`, not announced by ``changed``: only those rows need repainting, and the
        caller knows them."""
        dropped = False
        for segment in segments[first:last + 1]:
            entry = self._by_id.get(segment.id)
            if entry is not None and (entry[0] != segment.text or segment.status is ReviewStatus.APPROVED):
                self._drop(segment.id)
                dropped = True
        return dropped

    def all(self, segments: list[Segment]) -> list[tuple[int, Suspect]]:
        """(row, suspect) of every live suspect, most doubtful first."""
        self._find_rows(segments)
        found = []
        for segment_id, (text, suspects) in self._by_id.items():
            row = self._rows.get(segment_id, -1)
            if row < 0 or segments[row].text != text or segments[row].status is ReviewStatus.APPROVED:
                continue
            found += [(row, s) for s in suspects]
        return sorted(found, key=lambda item: (-item[1].doubt, item[0], item[1].char_start))

    def _find_rows(self, segments: list[Segment]) -> None:
        """Bring the rows of the suspects' turns up to date; one pass over *segments* only when
        some turn is no longer at the row it was seen at (rows moved) or was never seen."""
        rows, count = self._rows, len(segments)

        def placed(segment_id: str) -> bool:
            row = rows.get(segment_id, -1)
            if row == _GONE:    # not found by the last pass: still gone while no row came or went
                return count == self._rows_count
            return 0 <= row < count and segments[row].id == segment_id

        if all(placed(segment_id) for segment_id in self._by_id):
            return
        rows.clear()
        rows.update(dict.fromkeys(self._by_id, _GONE))
        for row, segment in enumerate(segments):
            if segment.id in rows:
                rows[segment.id] = row
        self._rows_count = count

    def __len__(self) -> int:
        return self._count
