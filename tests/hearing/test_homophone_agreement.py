"""A homophone the sentence's grammar cannot hold is not wanted however the language model leans:
a verb's plain form right after a singular subject and before its object ("the court fined the
men": "find"), where a present verb takes an s. A homophone the grammar holds ("the fairy was
cancelled": "ferry", a verb that is a noun too, no subject before it) is still doubted on the
context (real PocketSphinx trigram model and aligner on espeak-ng speech)."""

import pytest

from editor.hearing.context import context_model
from editor.hearing.tense import disagrees_after
from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]


def disagrees(sentence, word, other):
    words = sentence.lower().split()
    return disagrees_after(words, words.index(word), other, context_model().known)


def test_a_plain_verb_after_a_singular_subject_disagrees():
    assert disagrees("the court fined the men", "fined", "find")
    assert disagrees("she fined them", "fined", "find")
    # A past, a plural subject, or no subject before it: the grammar holds the other word.
    assert not disagrees("my father fought the plan", "fought", "thought")
    assert not disagrees("the courts fined the men", "fined", "find")
    assert not disagrees("we could not fined the keys", "fined", "find")
    assert not disagrees("the fairy was cancelled", "fairy", "ferry")
    # A noun that is a verb too, ending a compound subject: no object follows it.
    assert not disagrees("the morning fairy was cancelled", "fairy", "ferry")


@pytest.mark.parametrize("voice", VOICES)
def test_a_right_past_whose_homophone_would_not_agree_is_left_alone(material, voice):
    # The model wants "court find the" 3.3 orders of magnitude, 1.0 net of frequency.
    line = ("real word", "The court {find|fined} the men who cut the hedge.")
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.aligned
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_homophone_the_grammar_holds_after_a_subject_is_still_doubted(material, voice):
    line = ("real word", "The {fairy|ferry} was cancelled because of the storm.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("fairy", ["context"])]
