"""A long word of a name heard as several words ("Leora more hall" for Larimore-Hall), with no
single word near it in spelling or sound, is found by the glossary scan and Correct Everywhere."""

from editor.core.corrections import find_variants
from editor.core.glossary import Glossary, scan
from editor.core.name_index import NameIndex
from editor.core.transcript import Segment, Speaker, Transcript

NAME = "Daraka Larimore-Hall"


def _transcript(*texts: str) -> Transcript:
    return Transcript(speakers={"h": Speaker("h", "Host")},
                      segments=[Segment(f"s{i}", i * 5000, i * 5000 + 4000, text, speaker_id="h")
                                for i, text in enumerate(texts)])


def test_a_name_cut_into_pieces_with_a_comma_is_suggested_without_the_sentences_comma():
    transcript = _transcript("I'm DACA, Leora more hall, a slightly older organizer from Santa Barbara.",
                             "We walked to the hall and talked some more.")
    glossary = Glossary()
    glossary.add(NAME)
    found = [(s.index, s.found, s.replacement) for s in scan(transcript, glossary)]
    assert found == [(0, "DACA, Leora more hall", NAME)]
    assert [c.found for c in find_variants(transcript, "DACA Leora more hall", NAME)] == ["DACA, Leora more hall"]


def test_only_the_runs_that_say_the_whole_word_anchor_it():
    index = NameIndex(_transcript("Leora more hall spoke first.", "Leora spoke next, more or less."))
    places = index.said_in_pieces("LRMRHL")
    assert list(places) == ["leora"] and len(places["leora"]) == 1     # the first turn's run only
    assert index.said_in_pieces("LRMRHL", skip={"leora"}) == {}
