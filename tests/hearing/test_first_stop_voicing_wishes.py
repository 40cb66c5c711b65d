"""A word the language model wants strongly with its first stop of the other voicing ("the coal
tender": "goal") is doubted only where the audio chooses it and prefers it, unless the stop is run on
from an s (real PocketSphinx trigram model and aligner on espeak-ng speech): a voiceless stop's puff
of breath is heard where it is said, while a right word need not rule the other out."""

import pytest

from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]
LINE = ("real word", "The {coal|goal} tender holds enough fuel for a return journey.")


@pytest.mark.parametrize("voice", VOICES)
def test_a_right_first_stop_the_model_would_trade_for_the_other_voicing_is_left_alone(material, voice):
    # The text and the audio both say "coal"; the model wants "the goal" 3.3 orders of magnitude
    # (2.6 net of frequency).
    _, heard = heard_line(material, LINE, (), audio="wrong", **voice)
    assert heard.aligned
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_first_stop_written_where_the_audio_says_the_other_voicing_is_found(material, voice):
    _, heard = heard_line(material, LINE, (), **voice)
    assert [(s.text, "audio" in s.evidence) for s in heard.suspects] == [("coal", True)]


@pytest.mark.parametrize("voice", VOICES)
def test_after_an_s_the_wish_still_decides(material, voice):
    line = ("real word", "The comet's {dale|tail} stretched halfway across the sky above the barn.")
    _, heard = heard_line(material, line, (), audio="wrong", **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("dale", ["context"])]
