"""British spellings are right words: the dictionary and the language model are American, so a
word is judged by its American spelling when only that is known (real dictionary, real
PocketSphinx trigram model and aligner on espeak-ng speech)."""

from editor.core.spelling import Speller
from editor.hearing.fit import hearing_aligner
from editor.hearing.suspects import SPELLING_DOUBT, american, spelling_doubt
from tests.hearing.context_run import episode_context_suspects

BRITISH = ["The tower is eighty metres tall.", "The bright colours of the harbour caught my eye.",
           "They organised a party at the theatre."]


def test_a_british_spelling_is_known_by_its_american_one_and_a_misspelling_is_not():
    assert [american(w) for w in ("colours", "metres", "organised", "travelling", "catalogue")] == [
        "colors", "meters", "organized", "traveling", "catalog"]
    is_known = Speller().is_known
    assert [spelling_doubt(w, is_known) for w in ("colours", "Harbour.", "metres", "theatre")] == [0.0] * 4
    assert spelling_doubt("colourz", is_known) == SPELLING_DOUBT


def test_right_sentences_in_british_spelling_raise_no_context_suspect(material):
    episode = material.episode([], BRITISH, voice="en-us+f3", speed=150)
    assert episode_context_suspects(episode, hearing_aligner()) == []
