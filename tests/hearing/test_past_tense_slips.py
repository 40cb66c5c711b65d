"""A verb in its plain form where the sentence says the time is past ("Last Sunday the choir climb the
tower") is a suspect on the sentence's grammar, the audio only not ruling the past form out; right
sentences with a past time and a plain form of another use are left alone (real PocketSphinx trigram
model and aligner on espeak-ng speech)."""

import pytest

from editor.align.text import segment_tokens
from editor.core.transcript import Segment
from editor.hearing.context import context_model, spoken_words
from editor.hearing.tense import past_forms, plain_verbs_in_past
from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]


def verbs(text):
    tokens = segment_tokens(Segment("s", 0, 1000, text))
    words, position = spoken_words(tokens, context_model())
    return [tokens[i].text for i, _ in plain_verbs_in_past(tokens, words, position, context_model().known)]


def test_the_plain_form_after_a_clauses_subject_in_a_past_sentence_is_asked_about():
    assert "climb" in verbs("Last Sunday the choir climb the tower to watch us ring.")
    assert verbs("We climb it last year.") == ["climb"]
    assert verbs("Two weeks ago, they bake bread for the fete.") == ["bake"]
    assert "bake" in verbs("Yesterday Anna bake a cake.")
    # No past time in the sentence, or the verb not right after its clause's subject (a word there
    # with no past form of its own, "heard", is for the dictionary to rule out).
    assert verbs("Every Sunday the choir climb the tower.") == []
    assert verbs("Last year we had to climb the stairs.") == []
    assert "play" not in verbs("Two weeks ago, we heard that they play well.")
    assert "climb" not in verbs("It was cold last night. We climb the tower every day.")
    # A preposition that is a verb too ("neared") is the preposition after a noun phrase.
    assert "near" not in verbs("The old bridge near the mill was rebuilt last year.")


def test_a_regular_past_tense_is_spelled_as_english_spells_it():
    assert past_forms("climb") == ["climbed"]
    assert past_forms("bake") == ["baked"]
    assert past_forms("carry") == ["carried"]
    assert past_forms("drop") == ["droped", "dropped"]
    assert past_forms("climbed") == [] and past_forms("ringing") == []
    assert past_forms("swim") == ["swam"]
    # A past itself, though it is a plain form too ("we found a charity", "we lay awake").
    assert past_forms("found") == [] and past_forms("lay") == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_dropped_past_ending_is_found_on_the_sentences_grammar(material, voice):
    # The model finds "the choir climbed the" 2.4 orders of magnitude less likely than "climb the",
    # and the audio fits "climbed" 0.3 per frame worse than "climb" where it says "climbed".
    line = ("real word", "Last Sunday the choir {climb|climbed} the tower to watch us ring.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("climb", ["grammar"])]
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_noun_the_pattern_takes_for_a_verb_is_left_alone(material, voice):
    # "the garden gate": "gated" leaves the trigrams 3.4 orders of magnitude less likely.
    line = ("clean", "{Yesterday the garden gate creaked all day.|Yesterday the garden gate creaked all day.}")
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_an_irregular_past_is_found_unless_the_audio_rules_it_out(material, voice):
    line = ("real word", "She {swim|swam} across the lake last summer.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("swim", ["grammar"])]
    # Where the audio says "swim", "swam" fits 3.6 to 4.0 per frame of the word worse.
    _, heard = heard_line(material, line, (), audio="wrong", **voice)
    assert heard.suspects == []


def test_a_word_followed_by_a_finite_verb_is_the_subjects_noun():
    # "Every oak panel was waxed": a clause's verb is not followed by another finite one, so
    # "panel" ends the subject; a plain form followed by its object is still asked about.
    assert verbs("Every oak panel was waxed by hand last winter.") == []
    assert verbs("The garden gate will be painted, as it was last year.") == []
    assert "paint" in verbs("Last winter every volunteer paint the hall doors.")


def test_a_noun_a_noun_or_two_before_a_past_tense_is_the_subjects_noun():
    # A subject of several nouns ("the school fence post") is followed by its verb: every noun
    # before a past tense, right after it or a noun or two on, belongs to the subject.
    assert verbs("Last week the school fence post snapped in the wind.") == []
    assert verbs("Two years ago the harbour wall gave way in a storm.") == []
    assert verbs("Yesterday the bus station clock stopped at noon.") == []
    assert verbs("Last winter the school play sold out every night.") == []
    assert verbs("Last year the book club members read twelve novels.") == []
    # A past tense said as the plain form, or one no slip makes a plain form of.
    assert verbs("Last year the river flood defence scheme cost ten million pounds.") == []
    assert verbs("A week ago the hospital car park charges went up.") == []
    # The plain form of the subject's verb is still asked about, also after a subject of several
    # nouns; after a pronoun the next word is the verb, a past participle further on the object's.
    assert "snap" in verbs("Last week the school fence post snap in the wind.")
    assert "climb" in verbs("Yesterday we climb hills covered in snow.")
    assert "paint" in verbs("Last winter every volunteer paint the hall doors.")


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize("sentence", ["Yesterday the bus station clock stopped at noon.",
                                      "Last summer the farm track flooded twice."])
def test_a_subjects_noun_before_its_past_tense_is_left_alone(material, voice, sentence):
    # "clocked" and "tracked" leave the trigrams less than TENSE_GAIN less likely, and the audio
    # does not rule them out: only the past tense after the noun tells it from a verb.
    _, heard = heard_line(material, ("clean", f"{{{sentence}|{sentence}}}"), (), text="right", **voice)
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_noun_before_a_finite_verb_in_a_past_sentence_is_left_alone(material, voice):
    # The dictionary has "paneled" and the model leaves the trigrams no more than TENSE_GAIN less
    # likely with it, so only the finite "was" after it tells the noun from a verb.
    line = ("clean", "{Every oak panel was waxed by hand last winter.|Every oak panel was waxed by hand last winter.}")
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.suspects == []
    line = ("real word", "Last winter every volunteer {paint|painted} the hall doors.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("paint", ["grammar"])]
