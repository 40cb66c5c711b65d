"""SuspectStore: the suspect passages of the open transcript, kept per turn.

Suspects are keyed by turn id together with the text they were found in: once the producer
edits the turn (its text no longer matches) or approves it, its suspects are gone. Lookups
for painting cost one dict access; :meth:`refresh_rows` re-checks only rows that changed, and
listing them all (:meth:`all`) finds their rows from the row each was last seen at, so it
costs the suspects, not the document (a pass over the turns only when splits or merges moved
some of them).

A second layer holds the passages the glossary suggests correcting, once the audio has judged
them (:meth:`set_glossary`, replaced whole when the suggestions or their verdicts change). Every
reader (painting, the list, the walk) sees a turn's heard suspects merged with those passages and
the glossary names heard in it, by the rule ``transcript-editor suggest`` uses
(:func:`editor.hearing.glossary_doubt.with_glossary`), so both list the same passages;
the merge is made once per change of either, not per paint. Passages follow the same life as the
heard suspects (gone while their turn reads otherwise or is approved), and come back with an undo
that gives the turn its text again.

A passage the producer says is right (Ignore) is part of the document, not of this store: the
turn holds it (:attr:`Segment.ignored <editor.core.transcript.Segment.ignored>`, an edit saved and
undone like the others), and every reader here leaves out the suspects over it by the rule
``transcript-editor suggest`` uses (:func:`editor.core.ignored_passages.shown`), whatever the audio
says of those words when the turn is checked again. :meth:`ignored` lists those passages, for the
panel to show on demand; it keeps the ids of the turns holding any (:meth:`note_rows`), so listing
them costs those turns, not the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.ignored_passages import reads_so, shown
from editor.core.transcript import IgnoredPassage, ReviewStatus, Segment

if TYPE_CHECKING:
    from editor.hearing.spotting import Spotted
    from editor.hearing.suggest import Suggested
    from editor.hearing.suspects import Suspect

_GONE = -2   # a row hint: the turn was not in the document
# A turn with nothing heard: one list for all of them, so the merge made for its passages is found
# again by identity (never changed: with_glossary copies what it is given).
_NONE_HEARD: list[Suspect] = []
_NO_NAMES: list[Spotted] = []
_NO_PASSAGES: list[Suggested] = []
EARLIER_TEXTS = 3   # texts of a turn whose suspects are kept after an edit, for an undo to bring them back


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
        # turn id -> {text: (suspects, names)} of texts edited away (or approved): an undo that gives
        # the turn such a text back gives it back what the audio said of it.
        self._earlier: dict[str, dict[str, tuple[list[Suspect], list[Spotted]]]] = {}
        # turn id -> (text, passages the glossary suggests in it): kept while the turn reads otherwise,
        # so an undo that gives the text back brings them back.
        self._glossary: dict[str, tuple[str, list[Suggested]]] = {}
        # turn id -> (its heard suspects, names heard, passages, all merged): made when first read after a change.
        self._merged: dict[str, tuple[list[Suspect], list[Spotted], list[Suggested], list[Suspect]]] = {}
        # The ids of the turns holding passages the producer said are right (None: not looked for
        # since the document came), and the row each was last seen at.
        self._ignoring: set[str] | None = None
        self._ignoring_rows: dict[str, int] = {}

    def clear(self, passages: bool = True) -> None:
        """Forget every turn's check, and the glossary's *passages* too (kept when the audio is only
        listened to again: their verdicts stand); ``changed`` only when suspects were held (nothing
        to repaint else)."""
        held = bool(self._by_id)
        self._by_id.clear()
        self._count = 0
        self._names.clear()
        self.checked.clear()
        self._rows.clear()
        self._earlier.clear()
        self._merged.clear()
        if passages:      # another document: what the producer said of this one's passages goes too
            held = held or bool(self._glossary)
            self._glossary.clear()
            self._ignoring = None
            self._ignoring_rows.clear()
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

    def put_names(self, segment_id: str, text: str, suspects: list[Suspect], names: Sequence[Spotted] = (),
                  row: int = -1) -> bool:
        """The result of listening for the glossary's names again in one turn (its words fitted
        again, its context not judged): the names heard replace the turn's, its suspects stay and
        those the names (or a word's fit) make are added. A turn not checked as it reads is
        :meth:`put` as it is. Returns whether that turn's suspects or names changed (see :meth:`put`)."""
        entry = self._by_id.get(segment_id)
        if self.checked.get(segment_id) != text:
            return self.put(segment_id, text, suspects, names, row)
        held = list(entry[1]) if entry is not None and entry[0] == text else []
        added = [s for s in suspects
                 if not any(h.char_start < s.char_end and s.char_start < h.char_end for h in held)]
        if not added and list(names) == self._names.get(segment_id, []):
            return False
        named = [replace(h, evidence=list(dict.fromkeys(h.evidence + ["name"])))
                 if any(n.char_start < h.char_end and h.char_start < n.char_end for n in names)
                 else replace(h) for h in held]      # new objects: the list makes their items again
        return self.put(segment_id, text, sorted(named + added, key=lambda s: s.char_start), names, row) or True

    def forget_names(self, names: set[str], segment_id: str | None = None) -> bool:
        """Drop what the glossary's *names* (taken from it) made, in every turn or in *segment_id*'s:
        those names heard, the suspects made for them alone, and their mark on the others; the
        turns' other suspects and names stay. Announced by ``changed`` when something went."""
        ids = list(self._names) if segment_id is None else [segment_id]
        changed = False
        for turn in ids:
            spotted = self._names.get(turn, [])
            if not any(n.name in names for n in spotted):
                continue
            changed = True
            entry = self._by_id.get(turn)
            kept_suspects, self._names[turn] = _without_names(entry[1] if entry else [], spotted, names)
            if entry is not None:
                self._drop(turn)
                if kept_suspects:
                    self._by_id[turn] = (entry[0], kept_suspects)
                    self._count += len(kept_suspects)
        for earlier in self._earlier.values():      # an undo must not bring them back either
            for text, (suspects, spotted) in list(earlier.items()):
                if any(n.name in names for n in spotted):
                    earlier[text] = _without_names(suspects, spotted, names)
        if changed:
            self.changed.emit()
        return changed

    def set_glossary(self, passages: dict[str, tuple[str, list[Suggested]]]) -> None:
        """The passages the glossary suggests, by turn id with the text they were found in (the
        audio has judged each), in place of those held; announced by ``changed``."""
        if not passages and not self._glossary:
            return
        self._glossary = dict(passages)
        self._merged.clear()
        self._rows_count = -1     # turns never seen are looked for
        self.changed.emit()

    def note_rows(self, segments: list[Segment], first: int, last: int) -> None:
        """Rows *first*..*last* changed (or came): whether their turns hold passages said right."""
        ignoring = self._ignoring
        if ignoring is None:
            return      # looked for in every turn when first listed
        for row, segment in enumerate(segments[first:last + 1], first):
            if segment.ignored:
                ignoring.add(segment.id)
                self._ignoring_rows[segment.id] = row
            else:
                ignoring.discard(segment.id)

    def ignored(self, segments: list[Segment]) -> list[tuple[int, IgnoredPassage, Suspect | None]]:
        """(row, passage, the most doubtful suspect the audio holds over it now, if any) of every
        passage the producer said is right, in reading order."""
        if self._ignoring is None:
            self._ignoring = {segment.id for segment in segments if segment.ignored}
        ignoring, rows, count = self._ignoring, self._ignoring_rows, len(segments)
        if not all(0 <= rows.get(turn, -1) < count and segments[rows[turn]].id == turn for turn in ignoring):
            rows.clear()     # rows came or went (a split, a merge): found again, and turns gone forgotten
            rows.update((segment.id, row) for row, segment in enumerate(segments) if segment.id in ignoring)
            ignoring.intersection_update(rows)
        found = []
        for turn in ignoring:
            row = rows[turn]
            segment = segments[row]
            live = self._live(segment)
            for kept in segment.ignored:
                if reads_so(segment.text, kept):
                    over = [s for s in live if s.char_start < kept.end and kept.start < s.char_end]
                    found.append((row, kept, max(over, key=lambda s: s.doubt) if over else None))
        return sorted(found, key=lambda item: (item[0], item[1].start))

    def _drop(self, segment_id: str) -> bool:
        """Forget a turn's suspects; whether it had any."""
        self._rows.pop(segment_id, None)
        entry = self._by_id.pop(segment_id, None)
        if entry is None:
            return False
        self._count -= len(entry[1])
        return True

    def doubted_text(self, segment_id: str) -> str | None:
        """The text of turn *segment_id* that its held suspects were found in (None: none held),
        whether or not the turn still reads so."""
        entry = self._by_id.get(segment_id)
        return entry[0] if entry is not None else None

    def for_segment(self, segment: Segment) -> list[Suspect]:
        """The live suspects of *segment*: those heard, merged with the glossary's passages, but
        those over a passage the producer said is right."""
        return shown(segment, self._live(segment))

    def _live(self, segment: Segment) -> list[Suspect]:
        """*segment*'s suspects while it reads as they were found in and is not approved."""
        if segment.status is ReviewStatus.APPROVED:
            return []
        entry = self._by_id.get(segment.id)
        heard = entry[1] if entry is not None and entry[0] == segment.text else _NONE_HEARD
        layer = self._glossary.get(segment.id)
        passages = layer[1] if layer is not None and layer[0] == segment.text else _NO_PASSAGES
        names = self._names.get(segment.id, _NO_NAMES) if self.checked.get(segment.id) == segment.text \
            else _NO_NAMES
        if not passages and not names:
            return heard
        merged = self._merged.get(segment.id)
        if merged is None or merged[0] is not heard or merged[1] is not names or merged[2] is not passages:
            merged = self._merged[segment.id] = (heard, names, passages, _merge(segment, heard, names, passages))
        return merged[3]

    def heard_for(self, segment: Segment) -> list[Suspect]:
        """The suspects the audio made in *segment* (without the glossary's passages)."""
        entry = self._by_id.get(segment.id)
        if entry is None or entry[0] != segment.text or segment.status is ReviewStatus.APPROVED:
            return []
        return entry[1]

    def name_for(self, segment: Segment, suspect: Suspect) -> Spotted | None:
        """The glossary name heard over *suspect*, if any (only while the suspect lives)."""
        if not self.heard_for(segment):
            return None
        return next((n for n in self._names.get(segment.id, ())
                     if n.char_start < suspect.char_end and suspect.char_start < n.char_end), None)

    def refresh_rows(self, segments: list[Segment], first: int, last: int) -> bool:
        """Drop the suspects of rows *first*..*last* that were edited or approved since; whether any were.

        Like :meth:`put`, not announced by ``changed``: only those rows need repainting, and the
        caller knows them."""
        if not self._by_id and not self._earlier and not self._glossary:
            return False    # nothing heard yet (no audio, or before the first pass): a Replace All spans every row
        changed = False
        for row, segment in enumerate(segments[first:last + 1], first):
            entry = self._by_id.get(segment.id)
            if entry is not None and (entry[0] != segment.text or segment.status is ReviewStatus.APPROVED):
                self._remember(segment.id, entry)
                self._drop(segment.id)
                changed = True
            if segment.id not in self._by_id and segment.status is not ReviewStatus.APPROVED:
                changed = self._bring_back(segment, row) or changed
            if segment.id in self._glossary:    # its passages went (or came back) with the edit
                self._rows[segment.id] = row
                changed = True
        return changed

    def _remember(self, segment_id: str, entry: tuple[str, list[Suspect]]) -> None:
        earlier = self._earlier.setdefault(segment_id, {})
        earlier.pop(entry[0], None)
        earlier[entry[0]] = (entry[1], self._names.get(segment_id, []))
        while len(earlier) > EARLIER_TEXTS:
            del earlier[next(iter(earlier))]

    def _bring_back(self, segment: Segment, row: int) -> bool:
        """Give *segment* the suspects it had when it last read as it does now (an undo, or an
        approval taken back); whether it had any."""
        kept = self._earlier.get(segment.id, {}).pop(segment.text, None)
        if kept is None:
            return False
        return self.put(segment.id, segment.text, kept[0], kept[1], row)

    def all(self, segments: list[Segment]) -> list[tuple[int, Suspect]]:
        """(row, suspect) of every live suspect, most doubtful first."""
        self._find_rows(segments)
        found = []
        for segment_id in self._held():
            row = self._rows.get(segment_id, -1)
            if row >= 0:
                found += [(row, s) for s in self.for_segment(segments[row])]
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

        if all(placed(segment_id) for segment_id in self._held()):
            return
        rows.clear()
        rows.update(dict.fromkeys(self._held(), _GONE))
        for row, segment in enumerate(segments):
            if segment.id in rows:
                rows[segment.id] = row
        self._rows_count = count

    def _held(self) -> list[str]:
        """The ids of the turns with heard suspects or glossary passages."""
        return [*self._by_id, *(turn for turn in self._glossary if turn not in self._by_id)]

    def __len__(self) -> int:
        """How many heard suspects are held, live or not (their turn edited since), without the
        glossary's passages: what is on show is :meth:`all`."""
        return self._count


def _merge(segment: Segment, heard: list[Suspect], names: list[Spotted], passages: list[Suggested]) -> list[Suspect]:
    """*segment*'s heard suspects with what the glossary suggests there, as ``transcript-editor
    suggest`` merges them: the names the audio heard and the scan's passages the audio judged. All
    are placed at one index (the heard suspects'; a passage's row may have moved since its scan)."""
    from editor.hearing.glossary_doubt import with_glossary
    from editor.hearing.suggest import Suggested

    index = heard[0].segment if heard else (passages[0].segment if passages else 0)
    glossary = [Suggested.from_spot(n, index, segment.start_ms) for n in names] \
        + [replace(p, segment=index) for p in passages]
    return sorted(with_glossary(heard, glossary, lambda _index: segment), key=lambda s: s.char_start)


def _overlaps(a, b) -> bool:
    return a.char_start < b.char_end and b.char_start < a.char_end


def _without_names(suspects: list[Suspect], spotted: list[Spotted],
                   names: set[str]) -> tuple[list[Suspect], list[Spotted]]:
    """*suspects* and *spotted* of one turn without what *names* made. Listening gives a suspect it
    makes for a name heard (where nothing else was doubted enough to show) the name's evidence first
    ("sound" or "name"); one found otherwise keeps its own first and has "name" added after it."""
    gone = [n for n in spotted if n.name in names]
    kept = [n for n in spotted if n.name not in names]
    result = []
    for suspect in suspects:
        if "name" not in suspect.evidence or not any(_overlaps(suspect, n) for n in gone) \
                or any(_overlaps(suspect, n) for n in kept):
            result.append(suspect)
        elif suspect.evidence[0] not in ("name", "sound"):
            result.append(replace(suspect, evidence=[e for e in suspect.evidence if e != "name"]))
    return result, kept
