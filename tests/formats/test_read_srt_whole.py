"""The SRT reader's one-pass read of well-formed files gives what its line-by-line read gives.

Well-formed files (numbered cues, a time line, text, blank lines) are read with one regex pass
over the whole text; everything else goes line by line. Both must build the same transcript,
warnings and caption facts, whatever the spacing, markup, speakers, markers and line ends.
"""

from __future__ import annotations

import random

import pytest

from editor.core.errors import TranscriptError
from editor.formats.readers.srt import SrtReader

_WORDS = ["hello", "World", "Maya Ortiz:", "the", "[inaudible]", "<i>so</i>", "{\\an8}", "(laughs)",
          "Speaker 2:", "ok.", "yes?", "a:b", "Ünïcode", "  ", "\t", "x"]


def _stamp(rng: random.Random) -> str:
    hours = rng.choice(["", "1:", "01:", "10:"])
    return (f"{hours}{rng.randint(0, 59):0{rng.choice([1, 2])}d}:{rng.randint(0, 59):02d}"
            f"{rng.choice([',', '.'])}{rng.randint(0, 999):0{rng.choice([1, 2, 3])}d}")


def _cues(rng: random.Random) -> str:
    parts = [rng.choice(["", "\n", " \n"])]
    for number in range(1, rng.randint(1, 8) + 1):
        parts.append(rng.choice(["", " "]) + str(number) + rng.choice(["", " ", "\t"]) + "\n")
        parts.append(f"{rng.choice(['', ' '])}{_stamp(rng)}{rng.choice(['', ' '])}-->{rng.choice([' ', ''])}"
                     f"{_stamp(rng)}{rng.choice(['', ' X1:10', '  '])}\n")
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            parts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 5))) + "\n")
        parts.append(rng.choice(["\n", "\n\n", " \n", "\t\n\n", ""]))
    text = "".join(parts)
    return text.rstrip("\n") if rng.random() < 0.3 else text


def _outcome(read, text: str, keep: bool):
    try:
        result = read(text, keep)
    except TranscriptError as error:
        return ("error", str(error))
    if result is None:
        return None
    return (repr(result.transcript), result.warnings, result.merged_cues, result.finished_subtitles)


def _read_both_ways(reader: SrtReader, text: str) -> list:
    """The one-pass read's outcomes of *text* (cue texts evened out, then kept), each checked
    against the line-by-line read's where the one pass takes the file (None where it does not)."""
    outcomes = []
    for keep in (False, True):
        whole = _outcome(reader._read_whole, text, keep)
        if whole is not None:
            assert whole == _outcome(reader._read_lines, text, keep), text
        outcomes.append(whole)
    return outcomes


@pytest.mark.parametrize("seed", range(4))
def test_whole_text_read_matches_line_read(seed):
    rng = random.Random(seed)
    reader = SrtReader()
    whole_reads = 0
    for _ in range(300):
        # None: not a run of well-formed cues, read line by line only
        whole_reads += sum(whole is not None for whole in _read_both_ways(reader, _cues(rng)))
    assert whole_reads > 200   # most generated files are well formed and take the one-pass way


# Files with no marker or markup character, whose cue texts are mostly single-spaced as they stand
# (the one pass keeps those texts as they are): now and then one cue's spacing is uneven in a way
# " ".join(text.split()) evens out, or the file has a marker, which takes the texts through the
# builder's evening out and marker search again.
_PLAIN_WORDS = ["hello", "World", "the", "ok.", "yes?", "a:b", "Ünïcode", "Zoë’s", "x", "—"]
_SPEAKERS = ["Maya Ortiz: ", "Speaker 2: ", "Clip: Jimmy Carter: ", '"Dr. Who:": ', "", "", ""]
_UNEVEN = ["  ", "\t", "\u00a0", "\u2003", "\x0b", "\x1f", "\u2028"]


def _plain_line(rng: random.Random) -> str:
    line = " ".join(rng.choice(_PLAIN_WORDS) for _ in range(rng.randint(1, 8)))
    if rng.random() < 0.03:   # uneven spacing inside, before or after the line's words
        where = rng.choice(["inside", "before", "after"])
        gap = rng.choice(_UNEVEN)
        line = (line.replace(" ", gap, 1) if where == "inside" and " " in line
                else gap + line if where == "before" else line + gap)
    return line


def _plain_cues(rng: random.Random) -> str:
    parts = []
    start = rng.randint(0, 5000)
    for number in range(1, rng.randint(1, 30) + 1):
        end = start + rng.randint(-500, 6000)
        parts.append(f"{number}\n{_ms(start)} --> {_ms(end)}\n")
        lines = [_plain_line(rng) for _ in range(rng.choice([0, 1, 1, 2, 2, 2, 3]))]
        if lines and rng.random() < 0.4:
            lines[0] = rng.choice(_SPEAKERS) + lines[0]
        if lines and rng.random() < 0.01:
            lines[-1] += rng.choice([" [inaudible]", " (laughs)"])
        parts.append("".join(line + "\n" for line in lines) + "\n")
        start = max(0, end + rng.choice([0, 200, 1500, -300]))
    text = "".join(parts)
    return text.rstrip("\n") if rng.random() < 0.3 else text


def _ms(value: int) -> str:
    value = max(0, value)
    return f"{value // 3_600_000:02d}:{value // 60_000 % 60:02d}:{value // 1000 % 60:02d},{value % 1000:03d}"


@pytest.mark.parametrize("seed", range(4))
def test_plain_files_read_in_one_pass_match_the_line_read(seed):
    rng = random.Random(seed)
    reader = SrtReader()
    finished = 0
    for _ in range(150):
        text = _plain_cues(rng)
        for whole in _read_both_ways(reader, text):
            assert whole is not None, text   # every generated file is a run of well-formed cues
            finished += whole[0] != "error" and whole[3]
    assert finished > 10   # files of two-line cues are told as finished subtitles too


def test_uneven_spacing_in_a_plain_file_is_evened_out():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\nMaya Ortiz: Two\u00a0 spaces\n then\tmore \n")
    result = SrtReader().read(text, keep_captions=True)
    assert [s.text for s in result.transcript.segments] == ["Hello there.", "Two spaces then more"]
    assert result.transcript.speaker_name(result.transcript.segments[1].speaker_id) == "Maya Ortiz"


def test_a_damaged_cue_sends_the_file_line_by_line():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n"
            "2\n00:00:03,000 -> 00:00:04,000\nBroken arrow.\n\n"
            "3\n00:00:05,000 --> 00:00:06,000\nThe end.\n")
    reader = SrtReader()
    assert reader._read_whole(text, True) is None
    result = reader.read(text, keep_captions=True)
    assert [s.text for s in result.transcript.segments] == ["Hello there.", "Broken arrow.", "The end."]
    assert any("line 6" in w for w in result.warnings)


def test_text_between_two_cues_sends_the_file_line_by_line():
    # A block that is no cue (a stray line after a blank one) lies between two cues the one pass
    # finds: the file is not a run of cues, so the line reader reads it and says what it did.
    text = ("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n"
            "and a stray line\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\nThe end.\n")
    reader = SrtReader()
    assert reader._read_whole(text, True) is None
    result = reader.read(text, keep_captions=True)
    assert [s.text for s in result.transcript.segments] == ["Hello there. and a stray line", "The end."]
    assert any("joined" in w for w in result.warnings)


@pytest.mark.parametrize("hours", ["", "0:", "7:", "07:", "99:", "007:", "100:", "1234:"])
def test_hours_of_any_width_are_read_in_one_pass_as_line_by_line(hours):
    text = (f"1\n{hours}02:03,004 --> {hours}02:05,5\nFirst words.\n\n"
            f"2\n{hours}59:59,999 --> {hours}59:59,999\nSecond words.\n")
    reader = SrtReader()
    whole = _read_both_ways(reader, text)
    assert whole[0] is not None and whole[1] is not None      # the one pass took the file
    segments = reader._read_whole(text, True).transcript.segments
    base = (int(hours[:-1]) if hours else 0) * 3_600_000
    assert [(s.start_ms, s.end_ms) for s in segments] == [(base + 123_004, base + 125_500),
                                                           (base + 3_599_999, base + 3_599_999)]
