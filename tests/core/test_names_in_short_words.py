"""A name written as a run of short words ("Priya Venn cat a ram an" for Priya Venkataraman, "OR A"
for ORR, "and are em" for NRM) is found whole by the glossary scan, and runs of short words that are
just that ("a man and a cat") are left alone."""

import pytest

from editor.core.glossary import TICK_SCORE, Glossary, scan
from editor.core.name_index import NameIndex
from editor.core.transcript import Segment, Speaker, Transcript

CLEAN = ["A man and a cat sat on a mat by the van.", "He ran to the car and got in at the back.",
         "We had tea at ten and a bun at two.", "Is it a bat or a bird up on the roof?",
         "I saw an owl in a tree and then ran on.", "Are they in a car or at the mill?"]


def _transcript(*texts: str) -> Transcript:
    return Transcript(speakers={"h": Speaker("h", "Host")},
                      segments=[Segment(f"s{i}", i * 5000, i * 5000 + 4000, text, speaker_id="h")
                                for i, text in enumerate(texts)])


def _found(texts: list[str], names: list[str]) -> list[tuple[int, str, str]]:
    glossary = Glossary()
    for name in names:
        glossary.add(name)
    return [(s.index, s.found, s.replacement) for s in scan(_transcript(*texts), glossary)]


@pytest.mark.parametrize(("line", "found", "name"), [
    ("The cloth was woven by Priya Venn cat a ram an in Leeds.", "Priya Venn cat a ram an", "Priya Venkataraman"),
    ("We met Venn cat a ram an at the station.", "Venn cat a ram an", "Venkataraman"),
    ("The quilts were stitched by Anneliese car a man lease in winter.", "Anneliese car a man lease",
     "Anneliese Karamanlis"),
    ("Our treasurer Rajesh Sue bra man yam read the accounts.", "Rajesh Sue bra man yam", "Rajesh Subramanyam"),
])
def test_a_name_in_many_short_pieces_is_found_whole(line, found, name):
    assert _found([line, *CLEAN], [name, "Ellesmere", "NRM"]) == [(0, found, name)]


def test_a_piece_starting_with_a_vowel_joins_a_name_key_without_it():
    index = NameIndex(_transcript("We met Venn cat a ram an today.", "Venn cat a dog ran off."))
    places = index.said_in_pieces("FNKTRMN")
    assert list(places) == ["venn"] and len(places["venn"]) == 1     # the first turn's run only


@pytest.mark.parametrize(("line", "found", "name"), [
    ("Inspectors from the OR A came to look at the viaduct.", "OR A", "ORR"),
    ("The N R M lent us a coach.", "N R M", "NRM"),
    ("The and are em lent us a coach.", "and are em", "NRM"),
    ("The K P M G report came out in the autumn.", "K P M G", "KPMG"),
])
def test_an_acronym_written_as_letters_or_words_is_found_over_all_its_letters(line, found, name):
    assert _found([line], [name]) == [(0, found, name)]


def test_runs_of_short_words_are_no_name():
    assert _found(CLEAN, ["Priya Venkataraman", "Venkataraman", "Anneliese Karamanlis", "ORR", "NRM", "KPMG",
                          "Desmond Obianu"]) == []


def test_short_words_of_letters_without_english_names_are_read_as_words():
    # A turn holding "Søren" (a short word whose ø has no letter name) is scanned for an acronym too.
    assert _found(["The painter Søren lives by the fjord.", "The N R M lent us a coach."], ["NRM", "Søren"]) \
        == [(1, "N R M", "NRM")]


@pytest.mark.parametrize(("line", "found", "name"), [
    ("Professor Merry weather gave a talk on the comet.", "Merry weather", "Merryweather"),
    ("The ferry left new castle at noon.", "new castle", "Newcastle"),
])
def test_a_name_written_apart_as_everyday_words_is_offered_unticked(line, found, name):
    glossary = Glossary()
    glossary.add(name)
    found_there = [(s.index, s.found, s.replacement, s.score >= TICK_SCORE) for s in scan(_transcript(line), glossary)]
    assert found_there == [(0, found, name, False)]


def test_everyday_words_only_partly_a_name_are_no_name():
    assert _found(["What a merry day it was.", "The weather was merry."], ["Merryweather"]) == []


def test_an_acronym_one_letter_off_in_capitals_is_offered_though_its_letters_spell_a_word():
    # "RAT" spells a dictionary word, but written in capitals the recognizer wrote letters: T for
    # the glossary's P (letters said with the same vowel). The word written as a word stays alone.
    glossary = Glossary()
    glossary.add("RAP")
    found = [(s.index, s.found, s.replacement, s.score >= TICK_SCORE)
             for s in scan(_transcript("The RAT sent two inspectors in June.", "A rat ran under the floor."), glossary)]
    assert found == [(0, "RAT", "RAP", False)]
