"""A verb in its past form where the sentence says the time is to come ("Tomorrow we stacked the logs")
is a suspect on the sentence's grammar, as a plain form in a past sentence is; right sentences with a
time to come, and a past tense in a story's "the next day", are left alone (real PocketSphinx trigram
model and aligner on espeak-ng speech)."""

import pytest

from editor.align.text import segment_tokens
from editor.core.transcript import Segment
from editor.hearing.context import context_model, spoken_words
from editor.hearing.tense import past_verbs_in_future, plain_forms
from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]


def verbs(text):
    tokens = segment_tokens(Segment("s", 0, 1000, text))
    words, position = spoken_words(tokens, context_model())
    return [tokens[i].text for i, _ in past_verbs_in_future(tokens, words, position, context_model().known)]


def test_a_past_form_after_a_clauses_subject_in_a_sentence_to_come_is_asked_about():
    assert verbs("Tomorrow afternoon we painted the fence by the road.") == ["painted"]
    assert verbs("Next week the crew cleaned the boat.") == ["cleaned"]
    # A story's "the next day", no time to come, or no past form right after the subject: nothing.
    assert verbs("The next day we painted the fence.") == []
    assert verbs("Last week we painted the fence.") == []
    assert verbs("Tomorrow we will paint the fence.") == []


def test_a_regular_past_tenses_plain_form_is_spelled_as_english_spells_it():
    assert plain_forms("painted") == ["paint", "painte"]
    assert plain_forms("baked") == ["bak", "bake"]
    assert plain_forms("dropped") == ["drop", "dropp", "droppe"]
    assert plain_forms("carried") == ["carry"]
    assert plain_forms("paint") == [] and plain_forms("red") == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_past_ending_put_in_is_found_on_the_sentences_grammar(material, voice):
    line = ("real word", "Tomorrow afternoon we {painted|paint} the fence along the road.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("painted", ["grammar"])]
    # The right sentence, its verb in its plain form: nothing.
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_past_tense_in_a_storys_next_day_is_left_alone(material, voice):
    line = ("real word", "The next morning we painted the fence along the road.")
    _, heard = heard_line(material, line, (), **voice)
    assert heard.suspects == []
