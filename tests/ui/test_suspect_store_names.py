"""A name taken from the glossary: the store drops what it made (the name heard, a suspect made for it
alone, its mark on another suspect), in the turn as it reads and in the texts an undo brings back."""

from __future__ import annotations

from editor.core.transcript import Segment
from editor.hearing.spotting import Spotted
from editor.hearing.suspects import Suspect
from editor.ui.hearing.suspect_store import SuspectStore

TEXT = "Our guest is Dara Larry more hall from the Elm Street clinic."


def _suspect(start: int, end: int, evidence: list[str]) -> Suspect:
    return Suspect(0, "t1", start, end, TEXT[start:end], start * 10, end * 10, 0.6, evidence)


def _spotted(start: int, end: int, name: str) -> Spotted:
    return Spotted(start, end, TEXT[start:end], name, 0.4)


def test_a_name_taken_away_drops_what_it_made_and_keeps_the_rest(qtbot):
    store = SuspectStore()
    segment = Segment(id="t1", start_ms=0, end_ms=5000, text=TEXT)
    own = _suspect(13, 32, ["audio", "spelling", "name"])        # doubted anyway; the name heard over it
    made = _suspect(43, 53, ["sound", "name"])                   # there only because it sounds like a name
    other = _suspect(0, 3, ["audio", "name"])                    # a name still in the glossary heard over it
    names = [_spotted(13, 32, "Daraka Larimore-Hall"), _spotted(43, 53, "Elmstreet"), _spotted(0, 3, "Aura")]
    store.put("t1", TEXT, [other, own, made], names, 0)
    changes = []
    store.changed.connect(lambda: changes.append(1))

    assert store.forget_names({"Daraka Larimore-Hall", "Elmstreet"})
    assert changes
    left = store.heard_for(segment)
    assert [(s.char_start, s.evidence) for s in left] == [(0, ["audio", "name"]), (13, ["audio", "spelling"])]
    # As the command line lists it: the name still heard gives its suspect the glossary's word.
    assert [(s.char_start, s.evidence) for s in store.for_segment(segment)] == [
        (0, ["audio", "name", "glossary"]), (13, ["audio", "spelling"])]
    assert len(store) == 2
    assert [store.name_for(segment, s) for s in left] == [names[2], None]
    assert not store.forget_names({"Daraka Larimore-Hall"})      # nothing of it is left


def test_a_name_taken_away_is_not_brought_back_by_an_undo(qtbot):
    store = SuspectStore()
    segment = Segment(id="t1", start_ms=0, end_ms=5000, text=TEXT)
    store.put("t1", TEXT, [_suspect(13, 32, ["name", "audio"])], [_spotted(13, 32, "Daraka Larimore-Hall")], 0)
    segment.text = TEXT.replace("Our", "My")                     # edited: what the audio said is kept aside
    store.refresh_rows([segment], 0, 0)
    store.forget_names({"Daraka Larimore-Hall"})
    segment.text = TEXT                                          # undone
    store.refresh_rows([segment], 0, 0)
    assert store.for_segment(segment) == []
