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


@pytest.mark.parametrize("seed", range(4))
def test_whole_text_read_matches_line_read(seed):
    rng = random.Random(seed)
    reader = SrtReader()
    whole_reads = 0
    for _ in range(300):
        text = _cues(rng)
        for keep in (False, True):
            whole = _outcome(reader._read_whole, text, keep)
            if whole is None:
                continue   # not a run of well-formed cues: read line by line only
            whole_reads += 1
            assert whole == _outcome(reader._read_lines, text, keep), text
    assert whole_reads > 200   # most generated files are well formed and take the one-pass way


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
