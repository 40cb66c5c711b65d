"""SuspectStore: the suspect passages of the open transcript, kept per turn.

Suspects are keyed by turn id together with the text they were found in: once the producer
edits the turn (its text no longer matches) or approves it, its suspects are gone. Lookups
for painting cost one dict access; :meth:`refresh_rows` re-checks only rows that changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.transcript import ReviewStatus, Segment

if TYPE_CHECKING:
    from editor.hearing.spotting import Spotted
    from editor.hearing.suspects import Suspect


class SuspectStore(QObject):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._by_id: dict[str, tuple[str, list[Suspect]]] = {}
        self._names: dict[str, list[Spotted]] = {}   # glossary names heard in a turn (same life as its suspects)
        self.checked: dict[str, str] = {}    # turn id -> the text the audio last checked

    def clear(self) -> None:
        self._by_id.clear()
        self._names.clear()
        self.checked.clear()
        self.changed.emit()

    def put(self, segment_id: str, text: str, suspects: list[Suspect], names: Sequence[Spotted] = ()) -> bool:
        """The result of checking one turn (an empty list: the audio says this turn is right).

        Returns whether that turn's suspects changed; unlike the other changes, this one is not
        announced by ``changed`` (the caller repaints that one turn, not the whole view)."""
        self.checked[segment_id] = text
        self._names[segment_id] = list(names)
        if suspects:
            self._by_id[segment_id] = (text, list(suspects))
            return True
        return self._by_id.pop(segment_id, None) is not None

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

    def refresh_rows(self, segments: list[Segment], first: int, last: int) -> None:
        """Drop the suspects of rows *first*..*last* that were edited or approved since."""
        dropped = False
        for segment in segments[first:last + 1]:
            entry = self._by_id.get(segment.id)
            if entry is not None and (entry[0] != segment.text or segment.status is ReviewStatus.APPROVED):
                del self._by_id[segment.id]
                dropped = True
        if dropped:
            self.changed.emit()

    def all(self, segments: list[Segment]) -> list[tuple[int, Suspect]]:
        """(row, suspect) of every live suspect, most doubtful first."""
        rows = {s.id: i for i, s in enumerate(segments)}
        found = []
        for segment_id, (text, suspects) in self._by_id.items():
            row = rows.get(segment_id)
            if row is None or segments[row].text != text or segments[row].status is ReviewStatus.APPROVED:
                continue
            found += [(row, s) for s in suspects]
        return sorted(found, key=lambda item: (-item[1].doubt, item[0], item[1].char_start))

    def __len__(self) -> int:
        return sum(len(s) for _, s in self._by_id.values())
