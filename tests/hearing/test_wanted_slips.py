"""A slip a phone from the word its sentence strongly wants, said so that the slip fits as well as
its turn's other words ("broke her angle" where the audio says "ankle" in a voice whose g and k
the model hears alike): the context check still asks the audio, which chooses the wanted word and
prefers it (real PocketSphinx aligner and trigram model on espeak-ng speech); said as written, the
word stays unsuspected."""

import pytest

from editor.hearing.context import Likelier, _strongly_wanted
from tests.hearing.heard_line import heard_line

SLIP = ("real word", "She broke her {angle|ankle} on the descent from the summit.")


def test_only_a_homophone_or_a_strongly_wanted_sound_alike_is_asked_about_a_well_fitting_word():
    homophone = Likelier("ferry", 1.2, True, 1.2)
    wanted = Likelier("ankle", 3.2, False, 3.6)
    common = Likelier("anger", 3.0, False, 1.1)      # wanted, but only for being commoner anywhere
    weak = Likelier("angler", 1.6, False, 1.6)
    assert _strongly_wanted([homophone], [homophone, wanted, common, weak]) == [wanted, homophone]
    assert _strongly_wanted([], [common, weak]) == []


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_strongly_wanted_slip_is_doubted_in_both_voices_and_not_when_said(material, voice, speed):
    _, heard = heard_line(material, SLIP, (), voice=voice, speed=speed)
    assert [s.text for s in heard.suspects] == ["angle"], heard.suspects
    assert "context" in heard.suspects[0].evidence
    _, heard = heard_line(material, SLIP, (), audio="wrong", voice=voice, speed=speed)
    assert heard.suspects == []
