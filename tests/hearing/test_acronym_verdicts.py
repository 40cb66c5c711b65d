"""The audio's verdict on an acronym in place of the transcript's letters (real PocketSphinx on
espeak-ng speech): a letter whose name differs from the text's in a consonant only (en, em) is
beyond the audio either way, one named with another vowel is rejected only by a clear margin, and
the text's capitals are scored said as the word they spell too."""

import pytest

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.fit import fit_tokens, hearing_aligner
from editor.hearing.listen import HEAR_PAD_MS, plan
from editor.hearing.sayings import teach
from editor.hearing.suggest import judge
from editor.hearing.verdict import AGREES, PREFERS_ORIGINAL, UNSURE, TimedToken, compare, cut, region_of

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def _verdict(material, line, found, candidate, voice, speed, audio):
    """The verdict on *candidate* in place of *found* in the one-line episode of *line*, the
    candidate's readings taught as the suggest command teaches them."""
    episode = material.episode([line], [], voice=voice, speed=speed, audio=audio)
    segment = episode.transcript.segments[0]
    job = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE)[0]
    start = max(0, job.start_ms - HEAR_PAD_MS)
    samples = episode.audio[start * RATE // 1000:(job.end_ms + HEAR_PAD_MS) * RATE // 1000]
    aligner = hearing_aligner()
    teach(aligner, [candidate])
    fitted = fit_tokens(samples, segment_tokens(segment), aligner, start)
    assert fitted is not None
    timed = [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms) for t in fitted.tokens]
    at = segment.text.index(found)
    where = region_of(segment.text, timed, at, at + len(found))
    assert where is not None
    return compare(cut(samples, start, where), where, candidate, aligner)


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_an_acronym_a_consonant_s_letter_off_is_never_rejected_by_the_voice_s_letters(material, voice, speed):
    # ISM said, "ISN" written: M and N are named "em" and "en", and these voices' M fits N
    # better. The audio is unsure (a suggestion it rejects is no suspect), and nothing is ticked.
    line = ("acronym", "We wrote to the {ISN|ISM} about the fees.")
    verdict = _verdict(material, line, "ISN", "ISM", voice, speed, "right")
    assert verdict.label == UNSURE, verdict
    assert judge(87, verdict)[1] is False


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_an_acronym_a_vowel_s_letter_off_is_rejected_only_by_more_than_a_vowel_said_otherwise(material, voice,
                                                                                               speed):
    # FSA and "FSE": the letters are named "ay" and "ee". Over audio saying FSA these voices' "ay"
    # fits "ee" a little better: no rejection. Over audio saying "FSE", FSA fits far worse: rejected.
    line = ("acronym", "Her paper went to the {FSE|FSA} last week.")
    assert _verdict(material, line, "FSE", "FSA", voice, speed, "right").label == UNSURE
    assert _verdict(material, line, "FSE", "FSA", voice, speed, "wrong").label == PREFERS_ORIGINAL


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_capitals_said_as_the_word_they_spell_are_not_taken_for_an_acronym(material, voice, speed):
    # The voice reads "OR A" as the words "or a"; ORR, which the dictionary also reads "or" (the
    # name Orr), fitted that audio better than "OR A" said letter by letter, and was agreed on.
    line = ("acronym", "Engineers from the {OR A|ORR} came to see the tunnel.")
    verdict = _verdict(material, line, "OR A", "ORR", voice, speed, "wrong")
    assert verdict.label != AGREES, verdict
    assert judge(79, verdict)[1] is False


def test_a_text_s_capitals_that_spell_a_word_are_read_both_ways():
    from editor.hearing.verdict import text_readings

    aligner = hearing_aligner()
    assert text_readings("OR A", aligner) == [["o_r", "a"], ["or", "a"]]
    assert text_readings("the ISM", aligner) == [["the", "i_s_m"], ["the", "i", "s", "m"]]
    assert text_readings("NTSB report", aligner) == [["n_t_s_b", "report"]]
