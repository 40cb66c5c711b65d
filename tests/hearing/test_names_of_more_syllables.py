"""An acronym no one says as a word is not heard as one over a poorly heard word (real PocketSphinx
on espeak-ng speech)."""

from editor.hearing.fit import hearing_aligner
from editor.hearing.sayings import teach
from tests.hearing.heard_line import heard_line

NAMES = ["SSSI", "BTO", "FSC"]


def test_a_poorly_heard_word_is_not_taken_for_letters_starting_with_one_consonant_twice(material):
    # This voice says "sell" oddly, and SSSI read as a word ("S S IH", which no one says) fitted it
    # 2.9 per frame better than the text: the name was heard there. Its letters do not.
    line = ("clean", "The market stalls in the square sell our charcoal on the first Saturday of the month.")
    _, heard = heard_line(material, line, NAMES, voice="en-us+f3", speed=150)
    assert [s.name for s in heard.spotted] == []


def test_a_garbled_acronym_keeping_its_syllables_is_still_heard(material):
    line = ("acronym", "Part of the wood is an {SSCI|SSSI}, so we cannot cut the old oaks by the stream.")
    _, heard = heard_line(material, line, NAMES, voice="en-us+f3", speed=150)
    assert [(s.found.strip(","), s.name) for s in heard.spotted] == [("SSCI", "SSSI")]


def test_letters_starting_with_one_consonant_twice_are_not_said_as_a_word():
    aligner = hearing_aligner()
    teach(aligner, ["SSSI", "NEH"])
    assert aligner.pronunciations("s_s_s_i") == ["EH S EH S EH S AY"]     # letters only, no "S S IH"
    assert aligner.pronunciations("n_e_h") == ["EH N IY EY CH", "N EH"]   # one consonant first: a word too
