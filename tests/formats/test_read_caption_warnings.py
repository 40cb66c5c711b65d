"""Warnings about caption cues name the cue by its number in the file, once per problem."""

from __future__ import annotations

from editor.formats import read_text

# Cue 4 holds no text (only a voice tag); cue 6 ends before it starts; cue 2 overlaps cue 3.
VTT = (
    "WEBVTT\n\n"
    "00:00:00.500 --> 00:00:03.000\n<v José Núñez>Bonjour and welcome.\n\n"
    "00:00:02.000 --> 00:00:04.000\n<v Zoë O'Brien>Overlap here.\n\n"
    "00:00:04.000 --> 00:00:04.500\n<v Zoë O'Brien>Short one.\n\n"
    "00:00:05.000 --> 00:00:06.000\n<v Zoë O'Brien>\n\n"
    "00:00:06.000 --> 00:00:09.000\n<v José Núñez>Line one.\n\n"
    "00:00:09.000 --> 00:00:08.000\n<v José Núñez>End before start.\n"
)


def test_an_empty_cue_before_does_not_shift_the_number_of_the_cue_named():
    for keep_captions in (False, True):
        warnings = read_text(VTT, "odd.vtt", keep_captions=keep_captions).warnings
        ended = [w for w in warnings if "ended before it started" in w]
        assert len(ended) == 1 and ended[0].startswith("caption 6 "), (keep_captions, warnings)


def test_an_overlap_is_reported_once_not_as_captions_and_again_as_turns():
    for keep_captions in (False, True):
        warnings = read_text(VTT, "odd.vtt", keep_captions=keep_captions).warnings
        assert len([w for w in warnings if "overlap" in w]) == 1, (keep_captions, warnings)


def test_srt_cue_numbers_count_every_cue_in_the_file():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:02,000 --> 00:00:03,000\n<i></i>\n\n"
            "3\n00:00:05,000 --> 00:00:04,000\nBackwards.\n")
    warnings = read_text(text, "x.srt").warnings
    assert any(w.startswith("caption 3 ended before it started") for w in warnings), warnings
