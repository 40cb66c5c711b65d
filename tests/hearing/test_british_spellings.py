"""British spellings are right words: the dictionary and the language model are American, so a
word is judged by its American spelling when only that is known (real dictionary, real
PocketSphinx trigram model and aligner on espeak-ng speech)."""

from editor.core.british import american
from editor.core.spelling import Speller
from editor.hearing.fit import hearing_aligner
from editor.hearing.suspects import SPELLING_DOUBT, spelling_doubt
from tests.hearing.context_run import episode_context_suspects

BRITISH = ["The tower is eighty metres tall.", "The bright colours of the harbour caught my eye.",
           "They organised a party at the theatre.", "Last week we spoke to her about the flood defences.",
           # (the American model would have "counsellor", said alike, in a councillor's place)
           "Councillor Morgan voted against the new budget."]


def test_a_british_spelling_is_known_by_its_american_one_and_a_misspelling_is_not():
    assert [american(w) for w in ("colours", "metres", "organised", "travelling", "catalogue", "defences",
                                  "grey")] == ["colors", "meters", "organized", "traveling", "catalog", "defenses",
                                               "gray"]
    is_known = Speller().is_known
    assert [spelling_doubt(w, is_known) for w in ("colours", "Harbour.", "metres", "theatre", "defences",
                                                  "manoeuvre")] == [0.0] * 6
    assert spelling_doubt("colourz", is_known) == SPELLING_DOUBT


def test_an_american_word_is_never_taken_for_a_british_spelling_of_another():
    # ("four" ends like "colour", "filled" like "travelled": neither is another word's British spelling)
    assert [american(w) for w in ("four", "filled", "hour", "balled")] == ["four", "filled", "hour", "balled"]


def test_right_sentences_in_british_spelling_raise_no_context_suspect(material):
    for voice, speed in (("en-us+f3", 150), ("en-us+f2", 165)):
        episode = material.episode([], BRITISH, voice=voice, speed=speed)
        assert episode_context_suspects(episode, hearing_aligner()) == [], voice


def test_words_an_ending_rule_took_for_british_spellings_of_their_slips_are_still_found(material):
    # An ending rule read "four" as a British "for" and "filled" as a British "filed": the model
    # never weighed one against the other.
    episode = material.episode([("real word", "We baked a cake {four|for} her birthday."),
                                ("real word", "She {filled|filed} a complaint with the council.")], [],
                               voice="en-us+f2", speed=165)
    found = episode_context_suspects(episode, hearing_aligner())
    assert [s.text for s in found] == ["four", "filled"]
