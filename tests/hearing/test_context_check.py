"""Real-word errors found by the language model's context, tested by the audio (real PocketSphinx
trigram model and aligner on espeak-ng speech): a homophone the context wants is doubted, a word
one phone away is doubted only when the audio does not rule it out, and right sentences are left
alone."""

import re

from editor.align.text import Token, spoken_words
from editor.hearing.context import context_model, ordinary
from editor.hearing.fit import TokenFit
from editor.hearing.suspects import word_doubts
from tests.hearing.context_run import episode_context_suspects

HOMOPHONE = ("real word", "The baker sells fresh {bred|bread} at the market.")
ONE_PHONE = ("real word", "The council will {boat|vote} on the zoning plan next week.")
RIGHT = ["The farmers sold apples and pears at the fair.",
         "My grandmother grew tomatoes on the balcony every summer."]


def _likelier(aligner, sentence, word, short=False):
    words = [w for token in sentence.lower().split() for w in spoken_words(token)]
    i = words.index(word)
    return {x.word: x.same_sound for x in context_model().likelier(words, i, aligner.pronunciations(word), short)}


def test_the_model_prefers_a_sound_alike_only_where_the_context_wants_it(aligner):
    assert _likelier(aligner, "he said the fairy was cancelled because of the fog", "fairy").get("ferry") is True
    assert "ferry" not in _likelier(aligner, "she read her daughter a fairy tale at bedtime", "fairy")
    assert _likelier(aligner, "the council will boat on the plan next week", "boat").get("vote") is False
    assert _likelier(aligner, "the council will vote on the plan next week", "vote") == {}
    # A short word is judged by its homophones only, and needs a clearer case.
    assert _likelier(aligner, "our team one the cup in may", "one", short=True).get("won") is True
    assert _likelier(aligner, "we have one dog and two cats", "one", short=True) == {}
    # A British spelling is no error for an American model.
    assert "harbor" not in _likelier(aligner, "the boats came back into the harbour at dawn", "harbour")


def test_a_real_word_error_is_doubted_and_the_right_sentences_are_not(material, aligner):
    episode = material.episode([HOMOPHONE, ONE_PHONE], RIGHT, voice="en-us+f2", speed=165)
    found = episode_context_suspects(episode, aligner)
    assert sorted(s.text for s in found) == ["boat", "bred"]
    assert all("context" in s.evidence for s in found)
    for suspect in found:
        [passage] = [p for p in episode.passages if p.wrong == suspect.text]
        assert (suspect.segment, suspect.char_start, suspect.char_end) == (passage.index, passage.start, passage.end)
    # The same sentences written right: nothing to doubt.
    assert episode_context_suspects(material.episode([HOMOPHONE, ONE_PHONE], RIGHT, text="right", voice="en-us+f2",
                                              speed=165), aligner) == []


def test_where_the_audio_says_the_wrong_word_only_the_homophone_stays_doubted_and_not_by_the_audio(material, aligner):
    # The control: the audio says "bred" and "boat". The audio cannot tell "bred" from "bread",
    # so the context alone still doubts it; "vote" is no better a fit than "boat" here, so at
    # most the context doubts that too, never the audio.
    episode = material.episode([HOMOPHONE, ONE_PHONE], RIGHT, audio="wrong", voice="en-us+f2", speed=165)
    found = episode_context_suspects(episode, aligner)
    assert "bred" in [s.text for s in found]
    assert all(s.evidence == ["context"] for s in found), [(s.text, s.evidence) for s in found]


def test_names_numbers_and_words_read_from_symbols_are_not_judged_by_the_model():
    text = "We waited 4 hours for Doctor Brand at the harbour. Then Mr. Lee came."
    matches = list(re.finditer(r"\S+", text))
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in matches]
    fits = [TokenFit(i, m.start(), m.end(), 100 * i, 100 * i + 90, 30, -1.2, 0.0) for i, m in enumerate(matches)]
    asked = [tokens[i].text for i in ordinary(tokens, word_doubts(text, fits), text)]
    assert asked == ["We", "waited", "hours", "for", "at", "the", "harbour.", "Then", "came."]


NEAR_PAIRS = [("real word", "We {sent|went} to the beach last weekend."),
              ("real word", "She left school at {sixty|sixteen} and started work.")]
NEAR_RIGHT = ["My aunt turned sixty in June.", "We went to the cinema on Friday.", "He locked the gate behind him."]


def test_a_slip_to_a_word_a_phone_away_is_found_where_the_audio_chooses_the_likelier_word(material, aligner):
    # "sent"/"went": the model wants the other word less strongly than it wants "vote" for
    # "boat", and the audio, given the choice, takes it and fits it clearly better.
    episode = material.episode(NEAR_PAIRS, NEAR_RIGHT, voice="en-us+f2", speed=165)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    assert found.get("sent") == ["audio", "context"], found
    assert set(found) <= {"sent", "sixty"}, found
    # The right sentences hold "sixty", "went" and "locked", which the model would sometimes
    # trade for a word a phone away: the audio chooses them as they are.
    right = material.episode(NEAR_PAIRS, NEAR_RIGHT, text="right", voice="en-us+f2", speed=165)
    assert episode_context_suspects(right, aligner) == []


LAST_PHONE_SLIPS = [("real word", "The {cold|coal} mine closed in the eighties."),
                    ("real word", "The driver {rank|rang} the bell at every level crossing.")]
# The model wants "sore wrist" here, a phone shorter; the audio says the s.
RIGHT_PLURAL = ["She rubbed her sore wrists after the long climb."]


def test_a_right_word_the_model_wants_a_phone_shorter_is_left_alone_where_the_audio_holds_that_phone(
        material, aligner):
    # "cold" for "coal" and "rank" for "rang" are slips a last phone too long (the audio says
    # the shorter word, and fits it better); "wrists" is said, and fits the turn better than
    # "wrist" (by about 0.45 per frame in this voice): the context's wish is no error there.
    episode = material.episode(LAST_PHONE_SLIPS, RIGHT_PLURAL, voice="en-us+f2", speed=150)
    found = [s.text for s in episode_context_suspects(episode, aligner)]
    assert "wrists" not in found
    assert "cold" in found and "rank" in found
