"""A word the language model wants strongly with a nasal for the text's l or r ("the brass rails":
"nails") is doubted only where the audio chooses it and prefers it (real PocketSphinx trigram model
and aligner on espeak-ng speech): a right liquid, which has a nasal's murmur of its own, does not rule
the nasal word out, so not ruling it out is no evidence."""

import pytest

from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]
LINE = ("real word", "The brass {rails|nails} along the landing were polished.")


@pytest.mark.parametrize("voice", VOICES)
def test_a_right_liquid_the_model_would_trade_for_a_nasal_is_left_alone(material, voice):
    # The text and the audio both say "rails"; the model wants "brass nails" 3.7 orders of
    # magnitude (3.3 net of frequency).
    _, heard = heard_line(material, LINE, (), audio="wrong", **voice)
    assert heard.aligned
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_liquid_written_where_the_audio_says_the_nasal_is_found(material, voice):
    _, heard = heard_line(material, LINE, (), **voice)
    assert [(s.text, "audio" in s.evidence) for s in heard.suspects] == [("rails", True)]
