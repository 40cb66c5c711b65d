"""A UTF-8 file with a few bytes that are not UTF-8 is read as UTF-8, those bytes replaced.

Taking the whole file for Windows-1252 garbled every accent and every CJK letter to save two
bytes; the bytes are shown as U+FFFD and the warning says where they are (line and byte).
A file in Windows-1252 throughout is still read as such.
"""

from __future__ import annotations

import pytest

from editor.core.errors import TranscriptError
from editor.formats import read_file
from editor.formats.decoding import decode

# Line 3 of a caption file: two CJK letters, then two bytes no UTF-8 text holds (0xFF 0xFE at bytes 39-40).
DAMAGED_SRT = b"1\n00:00:01,000 --> 00:00:02,000\n\xe4\xbd\xa0\xe5\xa5\xbd \xff\xfe broken bytes\n"
FRENCH = "Ada: Voilà, déjà vu à la française, où l'été se passe.\n"


def test_utf8_with_two_bad_bytes_keeps_its_letters_and_names_where_the_bytes_are(tmp_path):
    path = tmp_path / "mixed.srt"
    path.write_bytes(DAMAGED_SRT)
    result = read_file(path)
    assert result.transcript.segments[0].text == "你好 \ufffd\ufffd broken bytes"
    warning = next(w for w in result.warnings if "UTF-8" in w)
    assert "line 3" in warning and "byte 39" in warning, warning
    assert "Windows-1252" not in " ".join(result.warnings)


def test_a_french_utf8_file_with_one_windows_byte_pasted_in_stays_utf8():
    data = FRENCH.encode("utf-8") * 3 + "Ada: Encore une fois, café.\n".encode("cp1252")
    text, warnings = decode(data)
    assert text.count("déjà vu à la française, où l'été") == 3
    assert text.endswith("caf\ufffd.\n")
    assert len(warnings) == 1 and "line 4" in warnings[0] and "byte" in warnings[0], warnings


def test_a_windows_1252_file_is_still_read_as_windows_1252():
    text, warnings = decode((FRENCH * 3).encode("cp1252"))
    assert text == FRENCH * 3
    assert any("Windows-1252" in w for w in warnings)


def test_forcing_utf8_reads_a_damaged_file_with_the_bytes_replaced(tmp_path):
    path = tmp_path / "mixed.srt"
    path.write_bytes(DAMAGED_SRT)
    result = read_file(path, encoding="utf-8")
    assert result.transcript.segments[0].text == "你好 \ufffd\ufffd broken bytes"
    assert any("line 3" in w and "byte 39" in w for w in result.warnings), result.warnings


def test_forcing_utf8_on_a_file_that_is_not_utf8_at_all_is_still_refused():
    with pytest.raises(TranscriptError) as caught:
        decode(("宇宙守护神，我们来了。" * 20).encode("gb2312"), "utf-8")
    assert caught.value.offset == 0


def test_a_utf8_file_with_a_byte_order_mark_and_a_bad_byte_is_read_too():
    text, warnings = decode(b"\xef\xbb\xbf" + FRENCH.encode("utf-8") + b"Ada: caf\xe9.\n")
    assert text.startswith("Ada: Voilà") and text.endswith("caf\ufffd.\n")
    assert any("line 2" in w and f"byte {3 + len(FRENCH.encode()) + 8}" in w for w in warnings), warnings
