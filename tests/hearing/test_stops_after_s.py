"""A stop's voicing after an s ("the comet's dale" where the audio says "tail"): the s takes the
voiceless stop's puff of breath, so the audio does not tell "dale" from "tail" there, and a word the
sentence wants strongly is doubted as a homophone is (real PocketSphinx trigram model and aligner
on espeak-ng speech)."""

import pytest

from editor.align.text import Token
from editor.hearing.context import _after_s, _stop_voicing_apart
from tests.hearing.heard_line import assert_left_to_the_context

SLIPS = [("real word", "The comet's {dale|tail} stretched halfway across the sky above the barn."),
         ("real word", "The dog wagged its {dale|tail} at the gate.")]
VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]


def test_a_stop_of_the_other_voicing_right_after_an_s(aligner):
    def tokens(text):
        found, at = [], 0
        for word in text.split():
            found.append(Token(word, at, [word.strip(",.").lower()]))
            at += len(word) + 1
        return found

    assert _after_s(tokens("the comet's dale"), 2, aligner)
    assert _after_s(tokens("wagged its dale"), 2, aligner)
    assert not _after_s(tokens("the comet's, dale"), 2, aligner)     # a pause: the stop said in full
    assert not _after_s(tokens("a long dale"), 2, aligner)
    assert _stop_voicing_apart(["D EY L"], ["T EY L"])
    assert _stop_voicing_apart(["P EY L"], ["B EY L"])
    assert not _stop_voicing_apart(["D EY L"], ["D EY T"])            # not the first phone
    assert not _stop_voicing_apart(["D EY L"], ["N EY L"])            # not a stop's voicing


@pytest.mark.parametrize(("voice", "speed"), VOICES)
@pytest.mark.parametrize("line", SLIPS)
def test_a_stop_s_voicing_after_an_s_is_left_to_the_context(material, voice, speed, line):
    # As for a homophone, the audio saying "dale" does not clear it.
    assert_left_to_the_context(material, line, "dale", voice=voice, speed=speed)
