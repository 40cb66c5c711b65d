"""A cue with one colon near its start: its speaker prefix is told from the text up to the colon and
the character after it, remembered across the file's cues, and splits the text as the prefix pattern
does (every kind of whitespace after the colon, a dash or a space before the name, no name at all)."""

import string

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from editor.formats.readers._build import plausible_name
from editor.formats.readers._cues import _PREFIX, split_speaker


def by_pattern(text: str) -> tuple[str | None, str]:
    """What the prefix pattern itself says of *text*: the name and the text after the colon's whitespace."""
    match = _PREFIX.match(text)
    if match is None or not plausible_name(match.group("name")):
        return None, text
    return match.group("name"), text[match.end():]


def test_the_usual_prefix_and_its_whitespace():
    assert split_speaker("Speaker 2: Hello there.") == ("Speaker 2", "Hello there.")
    assert split_speaker("Speaker 2:\tHello") == ("Speaker 2", "Hello")
    assert split_speaker("Speaker 2:  \u00a0 Hello") == ("Speaker 2", "Hello")
    assert split_speaker("Speaker 2 : Hello") == ("Speaker 2", "Hello")
    assert split_speaker("- Maya Ortiz: Hello") == ("Maya Ortiz", "Hello")


def test_the_same_head_with_different_texts_after_it():
    # The remembered answer for "Maya: " serves every cue that opens so, each with its own text.
    assert split_speaker("Maya: first") == ("Maya", "first")
    assert split_speaker("Maya: second one") == ("Maya", "second one")
    assert split_speaker("Maya:") == (None, "Maya:")           # no whitespace after the colon
    assert split_speaker("Maya:x") == (None, "Maya:x")


def test_no_name_before_the_colon():
    assert split_speaker("note that: it rained") == (None, "note that: it rained")
    assert split_speaker("At the end of it all, she said: no") == (None, "At the end of it all, she said: no")
    assert split_speaker("12:30 is when") == (None, "12:30 is when")


def test_two_colons_and_quotes_still_go_the_long_way():
    assert split_speaker("Clip: Jimmy Carter: I will never lie.") == ("Clip: Jimmy Carter", "I will never lie.")
    assert split_speaker('"Dr. Who:": Who said that?') == ("Dr. Who:", "Who said that?")


_HEAD = st.text(alphabet=string.ascii_letters + string.digits + " -.'&\t\u00a0\u2019é", max_size=30)
_AFTER = st.text(alphabet=" \t\n\u00a0\u2003" + string.ascii_letters, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_HEAD, st.sampled_from([":", " :"]), _AFTER)
def test_one_colon_splits_as_the_prefix_pattern(head, colon, after):
    text = head + colon + after
    assume(text.find(":", 0, 48) >= 1)
    assert split_speaker(text) == by_pattern(text)
