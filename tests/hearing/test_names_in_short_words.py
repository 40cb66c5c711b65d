"""A glossary name the recognizer wrote as a run of short words ("Priya Venn cat a ram an" for Priya
Venkataraman) is a passage that sounds like the name: the audio is asked about it and it is a suspect
with the name heard there (real PocketSphinx aligner on espeak-ng speech), while runs of short words
said as written ("a man and a cat") are left alone."""

import pytest

from tests.hearing.heard_line import heard_line

NAMES = ("Priya Venkataraman", "Anneliese Karamanlis")


@pytest.mark.parametrize("line", [
    ("split name", "The cloth was woven by {Priya Venn cat a ram an|Priya Venkataraman} in Leeds."),
    ("split name", "The quilts were stitched by {Anneliese car a man lease|Anneliese Karamanlis} in the winter."),
])
def test_a_name_in_many_short_pieces_is_a_suspect_with_the_name_heard(material, line):
    episode, heard = heard_line(material, line, NAMES, voice="en-us+f2", speed=165)
    passage = episode.passages[0]
    assert any(s.char_start < passage.end and passage.start < s.char_end for s in heard.suspects), heard.suspects
    assert [s.name for s in heard.spotted if s.char_start < passage.end and passage.start < s.char_end] \
        == [passage.right], heard.spotted


def test_short_words_said_as_written_are_no_name(material):
    line = ("clean", "A man and a cat sat on a mat by the door and then ran on to the van.")
    _, heard = heard_line(material, line, NAMES, voice="en-us+f2", speed=165)
    assert heard.suspects == [] and heard.spotted == []
