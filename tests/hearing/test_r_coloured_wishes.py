"""A word the language model wants strongly with the r-coloured vowel the text's word lacks ("I would
rather walk than wait": "work") is doubted only where the audio chooses it and prefers it (real
PocketSphinx trigram model and aligner on espeak-ng speech): the model hears an r's colour clearly
where it is said, while a right plain vowel need not rule the r-coloured word out, so not ruling it
out is no evidence."""

import pytest

from tests.hearing.heard_line import heard_line

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]


@pytest.mark.parametrize("voice", VOICES)
def test_a_right_plain_vowel_the_model_would_trade_for_an_r_coloured_one_is_left_alone(material, voice):
    # The model wants "rather work than" 3.5 orders of magnitude (2.7 net of frequency); one voice's
    # "walk" fitted "work" less than the tolerance a strong wish is given worse.
    line = ("clean", "{I would rather walk than wait for the bus.|I would rather walk than wait for the bus.}")
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.aligned
    assert heard.suspects == []


@pytest.mark.parametrize("voice", VOICES)
def test_a_plain_vowel_written_where_the_audio_says_the_r_coloured_one_is_found(material, voice):
    line = ("real word", "He ironed a white {shot|shirt} for the interview.")
    _, heard = heard_line(material, line, (), **voice)
    assert [(s.text, "audio" in s.evidence) for s in heard.suspects] == [("shot", True)]
