"""Name matching on the invented podcast-page fixture: every kind of misrecognition, and what must be left alone."""

from __future__ import annotations

import pytest

from editor.core.candidates import spans_for
from editor.core.corrections import find_variants
from editor.core.glossary import Glossary, apply_spans, scan
from editor.core.ops import replace_spans
from editor.core.phrase_likeness import Phrase, score_window
from editor.core.show_notes import PageText, candidate_names
from editor.core.spelling import Speller
from editor.core.transcript import Segment, Transcript
from editor.formats import read_text
from tests.core.names_fixture import CORRECT_MENTIONS, ERRORS, GLOSSARY, PAGE


@pytest.fixture(scope="module")
def read():
    return read_text(PAGE)


@pytest.fixture()
def glossary() -> Glossary:
    g = Glossary()
    for name in GLOSSARY:
        g.add(name)
    return g


def _by_found(suggestions):
    return {s.found: s for s in suggestions}


# Known limitation, kept in the fixture so the bench counts it: "Adeline" sounds like under half of
# "Ada Lindqvist" (ATLN of ATLNTKFST), and anchoring names on that little sound made every "tide was",
# "tide what" a Tidewater candidate on the 10-hour bench episode.
LIMITS = {"Adeline quist"}
FOUND = [e for e in ERRORS if e.found not in LIMITS]


@pytest.mark.parametrize("error", FOUND, ids=[e.kind + ":" + e.found for e in FOUND])
def test_each_kind_of_error_gets_the_right_suggestion(read, glossary, error):
    found = _by_found(scan(read.transcript, glossary))
    assert error.found in found, sorted(found)
    suggestion = found[error.found]
    assert suggestion.replacement == error.right
    assert 0 <= suggestion.score <= 100 and suggestion.evidence


def test_nothing_else_is_suggested(read, glossary):
    found = {s.found for s in scan(read.transcript, glossary)}
    assert found == {e.found for e in FOUND}
    for right in CORRECT_MENTIONS:
        assert right not in found


def test_case_only_changes_are_offered_low_and_unticked(read, glossary):
    case = _by_found(scan(read.transcript, glossary))["kofundo"]
    assert case.how == "case" and case.evidence == ("case",) and not case.ticked
    assert all(s.score > case.score for s in scan(read.transcript, glossary) if s.how != "case")


def test_sound_across_word_boundaries_needs_a_long_key():
    assert score_window(Phrase.of("Dorian Duvalle"), *_window("Dorian do valley"))[0] >= 90
    # "Brian" and "Barack" share three key letters (BR-): a short key never outweighs weak spelling.
    assert score_window(Phrase.of("Barack"), *_window("Brian"))[0] < 70


def _window(text):
    phrase = Phrase.of(text)
    return phrase.norms, phrase.keys


def test_bare_surname_is_a_partial_mention_not_an_error():
    t = Transcript(segments=[Segment("s1", 0, 1000, "Then Quaintance said so, and Quaintance agreed.")])
    assert find_variants(t, "Bartholomew Quaintance", "Bartholomew Quaintance") == []
    g = Glossary()
    g.add("Bartholomew Quaintance")
    assert scan(t, g) == []


def test_the_name_in_another_number_is_not_an_error():
    t = Transcript(segments=[Segment("s1", 0, 1000, "She is a coastal steward, and so are the coastal stewards "
                                                   "and one coastal stewart.")])
    g = Glossary()
    g.add("Coastal Stewards")
    found = [(s.found, s.replacement) for s in scan(t, g) if s.how != "case"]
    assert found == [("coastal stewart", "Coastal Stewards")]


def test_possessive_entry_leaves_correct_phrases_alone_and_fixes_wrong_ones():
    t = Transcript(segments=[Segment("s1", 0, 1000, "Corvin's Pantry and Corvin's pantry and Corbin's Pantry.")])
    g = Glossary()
    g.add("Corvin's Pantry")
    found = [(s.found, s.replacement, s.how) for s in scan(t, g)]
    assert found == [("Corvin's pantry", "Corvin's Pantry", "case"), ("Corbin's Pantry", "Corvin's Pantry", "spelling")]
    g2 = Glossary()
    g2.add("Kofundo's")
    t2 = Transcript(segments=[Segment("s1", 0, 1000, "Kofundo's page and Kofundo and cofundo's.")])
    assert [(s.found, s.replacement) for s in scan(t2, g2)] == [("cofundo", "Kofundo")]


def test_match_across_turns_of_one_speaker_applies_as_two_spans(glossary):
    t = read_text(PAGE).transcript
    suggestion = _by_found(scan(t, glossary))["Tamsin Oya Lauren"]
    assert suggestion.tail_end is not None
    spans = apply_spans([suggestion], t)
    replace_spans(t, spans).apply(t)
    first, second = t.segments[suggestion.index].text, t.segments[suggestion.index + 1].text
    assert first.endswith("our producer Tamsin Oyelaran,") and second.startswith("sorry, I mean")


def test_correcting_a_place_across_turns_leaves_no_blank_at_the_next_turns_start():
    t = Transcript(segments=[Segment("s1", 0, 1000, "we spoke with Tamsin Oya", "spk1"),
                             Segment("s2", 1000, 2000, "Lauren and her team", "spk1")])
    [place] = [c for c in find_variants(t, "Tamsin Oya Lauren", "Tamsin Oyelaran") if c.tail_end is not None]
    replace_spans(t, spans_for([place], "Tamsin Oyelaran", lambda i: t.segments[i].text)).apply(t)
    assert [s.text for s in t.segments] == ["we spoke with Tamsin Oyelaran", "and her team"]


def test_the_names_words_with_everyday_words_between_are_offered_not_ticked():
    t = Transcript(segments=[Segment("s1", 0, 1000, "The social democratic and socialist parties of the north.")])
    g = Glossary()
    g.add("Democratic Socialists")
    [suggestion] = scan(t, g)
    assert suggestion.found == "democratic and socialist" and not suggestion.ticked


def test_a_shared_word_alone_is_no_mishearing_but_a_sound_alike_rest_is():
    t = Transcript(segments=[Segment("s1", 0, 1000, "Back in the wayside years the democratic clubs met."),
                             Segment("s2", 1000, 2000, "We asked Mara flux about the harbour cubs.")])
    g = Glossary()
    for name in ("Biden Years", "Democratic Socialists", "Mara Flacks", "Harbour Club"):
        g.add(name)
    found = {s.found: s for s in scan(t, g)}
    assert "wayside years" not in found and "democratic clubs" not in found   # unlike but for one word
    assert found["Mara flux"].ticked                                          # the rest sounds alike
    assert found["harbour cubs"].replacement == "Harbour Club"                # ... or is spelt alike


def test_another_form_of_a_names_word_is_offered_not_ticked():
    t = Transcript(segments=[Segment("s1", 0, 1000, "They left the Democrat party in the spring.")])
    g = Glossary()
    g.add("Democratic Party")
    [suggestion] = scan(t, g)
    assert suggestion.found == "Democrat party" and suggestion.replacement == "Democratic Party"
    assert not suggestion.ticked


def test_no_match_across_turns_of_different_speakers():
    t = Transcript(segments=[Segment("s1", 0, 1000, "ask Tamsin", "spk1"),
                             Segment("s2", 1000, 2000, "Oya Lauren ok", "spk2")])
    g = Glossary()
    g.add("Tamsin Oyelaran")
    assert scan(t, g) == []


def test_page_text_is_kept_and_offers_names(read):
    page = PageText.from_extra(read.extra)
    assert page.title.startswith("Harbour Lights #42") and "Other Episodes" in page.after
    assert read.transcript.meta.title == page.title
    names = [c.text for c in candidate_names(page.title + "\n" + page.notes, known=["Kofundo"])]
    for wanted in ("Tamsin Oyelaran", "Bartholomew Quaintance", "Ada Lindqvist", "TSA", "patreon.com/HLPOD",
                   "Tidal Stewards Alliance"):
        assert wanted in names
    assert "Kofundo" not in names                     # already in the glossary
    assert not any("\n" in n or n.endswith("'s") for n in names)


def test_show_notes_offer_no_dictionary_word_after_a_name():
    notes = "This week Marisol Quenby joins us. We talk about how Lighthouses and Ferries changed, and Quenby."
    names = [c.text for c in candidate_names(notes)]
    assert "Marisol Quenby" in names
    assert "Lighthouses" not in names and "Ferries" not in names


def test_empty_glossary_with_show_notes_finds_the_names(read):
    page = PageText.from_extra(read.extra)
    names = [c.text for c in candidate_names(page.notes)]
    found = _by_found(scan(read.transcript, Glossary(), candidates=names))
    assert found["Dorian do valley"].replacement == "Dorian Duvalle"
    assert found["Dorian do valley"].source == "show-notes" and "show-notes" in found["Dorian do valley"].evidence


def test_spelling_flags_unknown_capitals_and_suggests_by_sound_without_short_words():
    speller = Speller(["Ada Lindqvist", "I", "Al", "TSA", "Dorian Duvalle"])
    words = [m.word for m in speller.unknown_words("We met BQX and the TSA at NASA with Al, NEVER again")]
    assert words == ["BQX"]
    suggestions = speller.suggestions("Duval")
    assert suggestions[0] in ("Duvalle", "Dorian Duvalle") and "I" not in suggestions and "Al" not in suggestions
    assert "I" not in speller.suggestions("Ai")


def test_page_text_survives_in_a_saved_project(read, tmp_path):
    from editor.core import project
    from editor.formats import read_file
    path = tmp_path / "episode.tep.json"
    project.save(read.transcript, path, extra=read.extra)
    again = read_file(path)
    assert PageText.from_extra(again.extra) == PageText.from_extra(read.extra)
    assert PageText.from_extra({"page_text": {"title": 3}}) is None       # damaged: no page text, no crash


def test_a_longer_fix_beats_a_change_of_capitals_inside_it():
    t = Transcript(segments=[Segment("s1", 0, 1000, "thanks to tamsin Oya Lauren today")])
    g = Glossary()
    g.add("Tamsin")
    g.add("Tamsin Oyelaran")
    assert [(s.found, s.replacement, s.ticked) for s in scan(t, g)] == \
        [("tamsin Oya Lauren", "Tamsin Oyelaran", True)]
