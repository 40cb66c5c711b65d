"""A whole word the recognizer wrote for another that shares few of its sounds ("cupboards" where the
audio says "cubicles"), misfitting its turn alone: found when PocketSphinx's recognizer, asked again
over the word and its neighbours, hears a word the sentence takes as well that fits far better (real
PocketSphinx recognizer, aligner and trigram model on espeak-ng speech); a right word a voice says as
badly ("tell" in one voice), said or written right, is left alone."""

import pytest

from tests.hearing.heard_line import heard_line

SLIP = ("real word", "The old changing {cupboards|cubicles} were painted blue and white.")
# A right word one voice says far off its sounds: its turn fits it about 4 per frame under its typical
# word, as badly as the slip, and the recognizer hears other words there ("retail", "can't").
BADLY_SAID = ("clean", "If we cannot fix something, we tell you why and where to find the part.")
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_word_misfitting_alone_that_the_recognizer_hears_as_another_is_a_suspect(material, voice, speed):
    _, heard = heard_line(material, SLIP, (), voice=voice, speed=speed)
    assert [(s.text, "audio" in s.evidence) for s in heard.suspects] == [("cupboards", True)]
    # Said as written (the control), and written right: nothing to doubt.
    for options in ({"audio": "wrong"}, {"text": "right"}):
        _, heard = heard_line(material, SLIP, (), voice=voice, speed=speed, **options)
        assert heard.suspects == [], options


def test_a_right_word_a_voice_says_badly_is_left_alone(material):
    episode, heard = heard_line(material, BADLY_SAID, (), voice="en-us+f3", speed=150)
    tell = next(d for d in heard.doubts if episode.transcript.segments[0].text[d.char_start:d.char_end] == "tell")
    assert tell.below >= 2.6          # it misfits as badly as a slip, and is asked about
    assert heard.suspects == []
