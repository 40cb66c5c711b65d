"""Episodes (or day-long recordings) whose clocks reach 100 hours: every reader keeps every turn."""

from __future__ import annotations

import pytest

from editor.core.errors import TranscriptError
from editor.formats import read_text

# Turns at 99:59:50, 100:00:10, 101:30:00 and 123:04:05.
_STARTS = [(99, 59, 50), (100, 0, 10), (101, 30, 0), (123, 4, 5)]
_MS = [((h * 60 + m) * 60 + s) * 1000 for h, m, s in _STARTS]
_NAMES = ["Maya Ortiz", "Tom Reed", "Maya Ortiz", "Tom Reed"]


def _clock(h, m, s):
    return f"{h:02d}:{m:02d}:{s:02d}"


def _turns():
    return enumerate(zip(_NAMES, _STARTS, strict=True))


def podcast_page_one_line():
    return "Episode 9\n\n" + " ".join(f"Speaker {i % 2 + 1} {_clock(*t)} turn number {i} here."
                                      for i, t in enumerate(_STARTS))


def podcast_page_lines():
    return "\n".join(f"{n} {_clock(*t)} turn number {i} here." for i, (n, t) in _turns())


def otter():
    return "\n\n".join(f"{n}  {_clock(*t)}\nturn number {i} here." for i, (n, t) in _turns())


def rev():
    return "\n\n".join(f"{n} ({_clock(*t)}):\nturn number {i} here." for i, (n, t) in _turns())


def descript():
    return "\n\n".join(f"[{_clock(*t)}] {n}: turn number {i} here." for i, (n, t) in _turns())


def srt():
    return "\n\n".join(f"{i + 1}\n{_clock(*t)},000 --> {_clock(*t)},900\n{n}: turn number {i} here."
                       for i, (n, t) in _turns()) + "\n"


def vtt():
    return "WEBVTT\n\n" + "\n\n".join(f"{_clock(*t)}.000 --> {_clock(*t)}.900\n<v {n}>turn number {i} here."
                                      for i, (n, t) in _turns()) + "\n"


def sbv():
    return "\n\n".join(f"{h}:{m:02d}:{s:02d}.000,{h}:{m:02d}:{s:02d}.900\n{n}: turn number {i} here."
                       for i, (n, (h, m, s)) in _turns()) + "\n"


def podcast_html():
    return "<html><body>" + "".join(f"<cite>{n}:</cite><time>{_clock(*t)}</time><p>turn number {i} here.</p>"
                                    for i, (n, t) in _turns()) + "</body></html>"


def ass():
    events = "\n".join(f"Dialogue: 0,{h}:{m:02d}:{s:02d}.00,{h}:{m:02d}:{s:02d}.90,Default,{n},0,0,0,,"
                       f"turn number {i} here." for i, (n, (h, m, s)) in _turns())
    return ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Name, "
            "MarginL, MarginR, MarginV, Effect, Text\n" + events + "\n")


@pytest.mark.parametrize("make, fmt", [
    (podcast_page_one_line, "podcast-page"), (podcast_page_lines, "podcast-page"), (otter, "otter"),
    (rev, "rev"), (descript, "descript"), (srt, "srt"), (vtt, "vtt"), (sbv, "sbv"),
    (podcast_html, "podcast-html")])
def test_every_turn_past_100_hours_is_kept_with_its_time(make, fmt):
    result = read_text(make())
    assert result.format == fmt
    segments = result.transcript.segments
    assert [s.start_ms for s in segments] == _MS
    assert [s.text for s in segments] == [f"turn number {i} here." for i in range(4)]


def test_an_inaudible_mark_past_100_hours_keeps_its_time():
    result = read_text(rev().replace("turn number 2 here.", "turn [inaudible 101:30:02] here."))
    marks = result.transcript.segments[2].marks
    assert len(marks) == 1 and marks[0].time_ms == _MS[2] + 2000


def test_ass_past_100_hours_is_refused_naming_the_time_and_line():
    # ASS clocks have one hour digit (H:MM:SS.cc); pysubs2 refuses longer ones, so the whole file is
    # refused with the time and its line rather than read with turns missing.
    with pytest.raises(TranscriptError) as caught:
        read_text(ass())
    assert "100:00:10.00" in str(caught.value) and caught.value.line == 7


def test_sbv_is_registered_and_detected_from_content():
    from editor.formats import all_readers
    assert "sbv" in [r.NAME for r in all_readers()]
    text = "0:00:01.000,0:00:03.500\n>> MAYA: Welcome back.\n\n0:00:03.500,0:00:05.000\nGood to be here.\n"
    result = read_text(text, "captions.txt")
    assert result.format == "sbv"
    rows = [(s.start_ms, s.end_ms, result.transcript.speaker_name(s.speaker_id), s.text)
            for s in result.transcript.segments]
    assert rows == [(1000, 3500, "Maya", "Welcome back."), (3500, 5000, "Maya", "Good to be here.")]


def test_sbv_block_without_time_line_is_kept_with_a_warning():
    text = "0:00:01.000,0:00:03.500\nFirst.\n\nNo time for this one.\n\n0:00:06.000,0:00:07.000\nLast.\n"
    result = read_text(text, "captions.sbv")
    assert [s.text for s in result.transcript.segments] == ["First.", "No time for this one.", "Last."]
    assert any("line 4" in w for w in result.warnings)
