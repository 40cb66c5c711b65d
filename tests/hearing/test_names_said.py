"""A name said just as the transcript's words read is offered, never ticked against the audio's
lean; acronyms a letter apart are never ticked by their sound (real PocketSphinx on espeak-ng speech)."""

from editor.hearing.suggest import judge
from editor.hearing.verdict import SOUNDS_ALIKE, Verdict
from tests.hearing.heard_line import heard_line

GLOSSARY = ["Giovanni Ricci", "Wolfgang Weiss", "Wojciech Nowak", "Jimena Ibáñez", "NPR", "KGB", "ACLU",
            "Van der Sloot"]


def _heard(material, line, audio="right"):
    return heard_line(material, line, GLOSSARY, audio=audio)[1]


def test_a_name_the_text_spells_as_it_is_said_is_offered(material):
    # The voice says "Jovanny Reechee", which the transcript's words spell more closely than the
    # name's own readings: the audio leans to the text, yet the two are said alike, so the name
    # is offered (not rejected), and not ticked.
    line = ("split name", "Our Rome correspondent {Joe vanny Ree chee|Giovanni Ricci|Jovanny Reechee} filed the story.")
    heard = _heard(material, line)
    assert [(s.found, s.name, s.agrees) for s in heard.spotted] == [("Joe vanny Ree chee", "Giovanni Ricci", False)]


def test_a_name_written_in_fewer_words_is_offered(material):
    line = ("split name", "The ship was built by {Vandersloot|Van der Sloot} and Sons in the last century.")
    assert [(s.found, s.name) for s in _heard(material, line).spotted] == [("Vandersloot", "Van der Sloot")]


def test_said_alike_ticks_only_what_the_audio_does_not_lean_against():
    assert judge(99, Verdict(SOUNDS_ALIKE, 0.4)) == (99, True, [])
    assert judge(99, Verdict(SOUNDS_ALIKE, -0.4)) == (99, False, [])
    assert judge(99, Verdict(SOUNDS_ALIKE, -0.1)) == (99, True, [])


def test_an_acronym_a_letter_off_is_not_agreed_on_by_its_sound(material):
    # "MPR" said, NPR in the glossary: M and N are one phone apart in a letter's name.
    heard = _heard(material, ("acronym", "Her interview on {MPR|NPR} was shared widely."), audio="wrong")
    assert not any(s.agrees for s in heard.spotted if s.found == "MPR")
