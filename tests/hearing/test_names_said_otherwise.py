"""A glossary name the dictionary says otherwise than the speaker ("Hartshorne": "HARCH-ern" in the
dictionary, "HART-shorn" as espeak-ng says it), written by the recognizer as words that sound like
it ("hearts horn"): the audio prefers those words to the name as the dictionary says it, yet the
text nearly spells the name, so it is offered unticked and the passage is a suspect, as for every
other name split into words. Real alignment and PocketSphinx on espeak-ng speech, through
:func:`editor.hearing.suggest.suggest`."""

import pytest

from editor.core.glossary import SCAN_THRESHOLD, Glossary
from editor.hearing.suggest import suggest
from editor.hearing.verdict import PREFERS_ORIGINAL


def _suggested(material, tmp_path, line, name, voice, speed):
    """What ``suggest`` finds in *line*, said right in *voice*, followed by a right sentence, with a
    glossary holding only *name*."""
    episode = material.episode([line], ["The shop sold bread and cakes every morning."], voice=voice, speed=speed)
    wav = material.write_wav(tmp_path / "episode.wav", episode.audio)
    glossary = Glossary()
    glossary.add(name)
    return suggest(episode.transcript, glossary, wav, workers=1)


# Written for this test (not a line of the evaluation episodes).
LINE = ("split name", "The painted sign over the shop door was made by {Rosamund hearts horn|Rosamund Hartshorne}.")


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_split_name_the_audio_prefers_as_written_is_still_a_suspect(material, tmp_path, voice, speed):
    report = _suggested(material, tmp_path, LINE, "Rosamund Hartshorne", voice, speed)
    (offered,) = report.suggestions
    assert (offered.found, offered.replacement, offered.ticked) == ("Rosamund hearts horn", "Rosamund Hartshorne",
                                                                     False)
    assert "sound" in offered.evidence
    # (What this test is about: the audio prefers the words written, over the dictionary's reading.)
    assert offered.audio == PREFERS_ORIGINAL
    assert [(s.segment, s.text) for s in report.suspects if "glossary" in s.evidence] == [(0, "Rosamund hearts horn")]
    # The right sentence beside it is left alone.
    assert not any(s.segment == 1 for s in report.suspects)


# Written for this test: a one-word town written as two everyday words.
TOWN = ("sound-alike", "The lorry broke down on the ring road outside {Bi sister|Bicester} last week.")


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_one_word_name_split_into_words_the_audio_prefers_is_still_a_suspect(material, tmp_path, voice, speed):
    report = _suggested(material, tmp_path, TOWN, "Bicester", voice, speed)
    (offered,) = report.suggestions
    assert (offered.found, offered.replacement, offered.ticked) == ("Bi sister", "Bicester", False)
    # (What this test is about: the audio prefers the words to the name's guessed reading, and the
    # scan's score less the rejection is under the bar a one-word match must reach.)
    assert offered.audio == PREFERS_ORIGINAL and offered.score < SCAN_THRESHOLD
    assert [(s.segment, s.text) for s in report.suspects if "glossary" in s.evidence] == [(0, "Bi sister")]
    assert not any(s.segment == 1 for s in report.suspects)
