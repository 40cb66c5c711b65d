"""A name split into letters ("Oona L B ray" for Oona Elbrey): a lone capital is said as its letter's
name, a stressed syllable, so a letter fitting badly is audio evidence as a content word's misfit is
(real PocketSphinx aligner on espeak-ng speech); said as written, the letters fit and nothing is doubted."""

import pytest

from tests.hearing.heard_line import heard_line

LINE = ("split name", "The film was cut by {Oona L B ray|Oona Elbrey} in her kitchen.")


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_name_split_into_letters_is_a_suspect_and_the_letters_said_are_not(material, voice, speed):
    episode, heard = heard_line(material, LINE, (), voice=voice, speed=speed)
    passage = episode.passages[0]
    assert any(s.char_start < passage.end and passage.start < s.char_end and "audio" in s.evidence
               for s in heard.suspects), heard.suspects
    _, heard = heard_line(material, LINE, (), audio="wrong", voice=voice, speed=speed)
    assert heard.suspects == []


def test_the_words_a_and_i_stay_reduced_and_other_lone_capitals_do_not(material):
    from editor.align.text import segment_tokens
    from editor.hearing.fit import fit_tokens, hearing_aligner
    from editor.hearing.suspects import word_doubts

    episode = material.episode([], ["A friend and I met Anna B at the station."], voice="en-us+f2", speed=165)
    segment = episode.transcript.segments[0]
    fitted = fit_tokens(episode.audio, segment_tokens(segment), hearing_aligner(), 0)
    assert fitted is not None
    short = {segment.text[d.char_start:d.char_end]: d.short for d in word_doubts(segment.text, fitted.tokens)}
    assert short["A"] and short["I"] and short["and"]
    assert not short["B"]
