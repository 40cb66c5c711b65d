"""How clearly the audio must lead to a word a consonant away when the language model has no wish
for it (real PocketSphinx trigram model and aligner on espeak-ng speech): a consonant of another
manner made at another place is a swap a recognizer seldom makes, so a voice's odd consonant ("rose"
heard near "goes") is no slip unless the audio prefers the other word by far."""

from editor.hearing.context import _far_consonants, _made_otherwise
from tests.hearing.heard_line import heard_line


def test_a_consonant_of_another_manner_and_place_is_made_otherwise_whatever_its_voicing():
    assert _made_otherwise(["R OW Z"], ["G OW Z"])            # rose / goes: a glide for a stop
    assert _made_otherwise(["G L UW"], ["F L UW"])            # glue / flew: far in voicing too
    assert _far_consonants(["G L UW"], ["F L UW"])
    assert not _far_consonants(["R OW Z"], ["G OW Z"])
    assert not _made_otherwise(["S OW L D"], ["T OW L D"])    # sold / told: one place
    assert not _made_otherwise(["B AA R K"], ["P AA R K"])    # bark / park: voicing alone
    assert not _made_otherwise(["K OW S T"], ["K AA S T"])    # a vowel


def test_a_right_word_whose_first_consonant_a_voice_says_oddly_is_left_alone(material):
    # The voice's "rose" fitted "goes" 1.4 per frame better, more than a close consonant's bar.
    _, heard = heard_line(material, ("clean", "The clouds cleared and the moon rose over the trees."), [],
                          voice="en-us+f3", speed=150)
    assert heard.aligned
    assert [s.text for s in heard.suspects] == []
