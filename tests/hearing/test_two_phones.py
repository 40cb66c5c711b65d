"""Real-word slips two phones apart ("except" where the audio says "expect"), found where the
sentence strongly wants the other word and the turn fits it clearly better (real PocketSphinx
aligner and trigram model on espeak-ng speech); right sentences holding such words are left alone."""

import pytest

from editor.hearing.two_phones import two_phone_suspects, two_phones_from
from tests.hearing.context_run import episode_context_suspects

SLIP = [("real word", "We {except|expect} to finish the work by Friday.")]
RIGHT = ["Everyone came to the party except my brother.", "We expect rain later in the week.",
         "It was quite cold on the beach.", "The old apiary was rescued by a farmer."]


def test_words_two_phones_away_keep_the_first_phone():
    near = two_phones_from(("IH K S EH P T",))          # except
    assert "expect" in near
    assert "accept" not in near                           # (one phone away, and another first phone)
    assert "except" not in near


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_slip_two_phones_apart_is_found_and_right_words_are_not(material, aligner, voice, speed):
    episode = material.episode(SLIP, RIGHT, voice=voice, speed=speed)
    found = [(s.text, s.evidence) for s in episode_context_suspects(episode, aligner, check=two_phone_suspects)]
    # (en-us+f2 says this "except" so that it fits as well as its turn's typical word: not asked.)
    assert found == ([("except", ["audio", "context"])] if voice == "en-us+f3" else []), found
    control = material.episode(SLIP, RIGHT, voice=voice, speed=speed, audio="wrong")
    assert episode_context_suspects(control, aligner, check=two_phone_suspects) == []
