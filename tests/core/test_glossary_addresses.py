"""The glossary scan and a name inside a web address read out by the recognizer, and dictionary words
that are spelt like a name but are other words."""

from __future__ import annotations

from editor.core import ops
from editor.core.glossary import Glossary, apply_spans, scan
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta


def _transcript(*texts: str) -> Transcript:
    segments = [Segment(id=f"t{i}", start_ms=i * 5000, end_ms=i * 5000 + 4000, speaker_id="S1", text=text)
                for i, text in enumerate(texts)]
    return Transcript(meta=TranscriptMeta(title="Lanterns"), speakers={"S1": Speaker("S1", "Host")},
                      segments=segments)


def _glossary(*names: str) -> Glossary:
    glossary = Glossary()
    for name in names:
        glossary.add(name)
    return glossary


def test_a_misheard_name_inside_a_web_address_is_suggested_in_the_addresses_case():
    transcript = _transcript("Back us at patrion.com/t S M H, it keeps the lights on.",
                             "Our Patrion backers hear it first.")
    found = scan(transcript, _glossary("Patreon"))
    assert [(s.index, s.found, s.replacement) for s in found] == [(0, "patrion", "patreon"),
                                                                   (1, "Patrion", "Patreon")]
    ops.run(transcript, ops.replace_spans(transcript, apply_spans(found, transcript)))
    assert transcript.segments[0].text == "Back us at patreon.com/t S M H, it keeps the lights on."
    assert transcript.segments[1].text == "Our Patreon backers hear it first."


def test_an_address_that_writes_the_name_right_or_other_words_is_left_alone():
    transcript = _transcript("Back us at patreon.com/lanterns or mail hello@lanterns.org today.")
    assert scan(transcript, _glossary("Patreon", "Lanterns")) == []


def test_a_dictionary_word_spelt_like_a_name_is_not_offered_for_it():
    transcript = _transcript("Thanks for your patronage over the years.", "A patron of the arts, she said.")
    found = [(s.found, s.replacement) for s in scan(transcript, _glossary("Patreon"))]
    assert ("patronage", "Patreon") not in found
    assert ("patron", "Patreon") in found        # said as the name is: it may be the name misheard


def test_an_address_whose_end_is_written_as_letters_is_suggested_over_all_its_letters():
    # The recognizer wrote the address's last part as its letters, the first part as a word it knows:
    # a suggestion that stopped a letter short would leave the last letter behind when applied.
    transcript = _transcript("Support us at coffee.com/r B W if you can.", "Tips go to coffee.com/r B W.")
    found = [(s.index, s.found) for s in scan(transcript, _glossary("ko-fi.com/rbw"))]
    assert found == [(0, "coffee.com/r B W"), (1, "coffee.com/r B W")]


def test_an_address_read_aloud_word_by_word_and_letter_by_letter_is_suggested_whole():
    transcript = _transcript("Go to patreon dot com slash t s m h today.")
    found = [(s.index, s.found) for s in scan(transcript, _glossary("patreon.com/tsmh"))]
    assert found == [(0, "patreon dot com slash t s m h")]
