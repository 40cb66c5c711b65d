"""A text file whose tail is binary garbage (a crash's zero padding, bytes appended by a faulty copy)
loads its text with a warning naming the byte where the garbage starts; a file that is binary, or
text with a NUL inside it, is still refused."""

from __future__ import annotations

import pytest

from editor.core.errors import TranscriptError
from editor.formats import read_file
from editor.formats.decoding import decode

VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v A>Hi\n\n"   # 47 bytes


def test_a_vtt_with_nul_garbage_after_its_cues_loads_them_and_names_the_byte(tmp_path):
    path = tmp_path / "nul.vtt"
    path.write_bytes(VTT + b"\x00\x00\x00garbage")
    result = read_file(path)
    assert [(s.start_ms, s.text) for s in result.transcript.segments] == [(1000, "Hi")]
    warning = next(w for w in result.warnings if "binary" in w)
    assert "byte 47" in warning and "10 bytes" in warning, warning


def test_zero_padding_after_a_cut_srt_is_left_out_with_a_warning():
    srt = "1\n00:00:01,000 --> 00:00:02,000\nFirst, with café.\n\n2\n00:00:02,000 --> 00:00:03,000\nSeco"
    text, warnings = decode(srt.encode() + bytes(4096))
    assert text == srt
    assert len(warnings) == 1 and f"byte {len(srt.encode())}" in warnings[0], warnings


def test_control_bytes_just_before_the_nuls_are_part_of_the_garbage():
    text, warnings = decode(VTT + b"\x01\x02\x03\x00\x00\x00\x00")
    assert text == VTT.decode()
    assert "byte 47" in warnings[0], warnings


@pytest.mark.parametrize("data", [
    VTT[:30] + b"\x00" + VTT[30:] + VTT,           # a NUL inside the text, text after it
    b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4,    # an image: a few bytes, then binary
])
def test_a_nul_that_is_not_a_garbage_tail_is_still_refused(data):
    with pytest.raises(TranscriptError, match="binary"):
        decode(data)
