"""What the suggestions panel and Correct Everywhere say once their candidates are checked against the
audio: plain, grammatical wording for every count (none, one, two, many; all alike or mixed), and the
candidates that could not be checked said apart, never "it agrees with 1, prefers the original for 0"."""

from __future__ import annotations

import pytest

from editor.hearing.verdict import AGREES, PREFERS_ORIGINAL, SOUNDS_ALIKE, UNSURE, Verdict
from editor.ui.names.audio_verdicts import verdicts_said

YES, NO, UNCLEAR, ALIKE = (Verdict(AGREES, 0.6), Verdict(PREFERS_ORIGINAL, -0.7), Verdict(UNSURE, 0.1),
                           Verdict(SOUNDS_ALIKE, 0.0))


@pytest.mark.parametrize(("verdicts", "said"), [
    ([], "No suggestions to check against the audio."),
    ([None], "The suggestion could not be checked against the audio."),
    ([None, None], "Neither suggestion could be checked against the audio."),
    ([None] * 4, "None of the 4 suggestions could be checked against the audio."),
    ([YES], "1 suggestion checked against the audio: it matches the audio."),
    ([NO], "1 suggestion checked against the audio: the original text fits the audio better."),
    ([UNCLEAR], "1 suggestion checked against the audio: the audio cannot tell."),
    ([YES, YES], "2 suggestions checked against the audio: both match the audio."),
    ([NO, NO], "2 suggestions checked against the audio: for both, the original text fits the audio better."),
    ([UNCLEAR, ALIKE], "2 suggestions checked against the audio: the audio cannot tell for either."),
    ([YES] * 5, "5 suggestions checked against the audio: all 5 match the audio."),
    ([UNCLEAR] * 3, "3 suggestions checked against the audio: the audio cannot tell for any of them."),
    ([YES, NO], "2 suggestions checked against the audio: 1 matches the audio and for 1 the original text "
                "fits it better."),
    ([YES, UNCLEAR, UNCLEAR], "3 suggestions checked against the audio: 1 matches the audio and 2 are unclear."),
    ([YES, YES, NO, NO, UNCLEAR], "5 suggestions checked against the audio: 2 match the audio, for 2 the "
                                  "original text fits it better and 1 is unclear."),
    ([YES, None, None], "1 suggestion checked against the audio: it matches the audio. 2 others could not be "
                        "checked."),
    ([NO, UNCLEAR, None], "2 suggestions checked against the audio: for 1 the original text fits it better and "
                          "1 is unclear. 1 other could not be checked."),
])
def test_the_audio_check_is_said_plainly_for_every_count(verdicts, said):
    assert verdicts_said(verdicts, "suggestion") == said


def test_correct_everywhere_says_it_of_places():
    assert verdicts_said([YES, NO, NO], "place") == ("3 places checked against the audio: 1 matches the audio "
                                                     "and for 2 the original text fits it better.")
