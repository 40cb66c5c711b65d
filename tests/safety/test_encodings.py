"""Files other tools wrote in legacy encodings: detected, named, and reopenable in another encoding."""

from __future__ import annotations

import pytest

from editor.core.errors import TranscriptError
from editor.formats import read_file

_CHINESE = ["宇宙守护神，我们来了。", "今天天气很好，我们去公园吧。"]
_RUSSIAN = ["Привет, как дела у вас сегодня?", "Это проверка кодировки файла."]


def _srt(lines: list[str]) -> str:
    return "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{line}\n\n" for n, line in enumerate(lines, 1))


def test_a_chinese_srt_in_gb2312_is_read_as_chinese_and_the_encoding_named(tmp_path):
    path = tmp_path / "zh.srt"
    path.write_bytes(_srt(_CHINESE).encode("gb2312"))
    result = read_file(path, keep_captions=True)
    assert [s.text for s in result.transcript.segments] == _CHINESE
    assert any("GB18030" in w or "GB2312" in w for w in result.warnings)


def test_a_russian_srt_in_windows_1251_is_read_as_russian(tmp_path):
    path = tmp_path / "ru.srt"
    path.write_bytes(_srt(_RUSSIAN).encode("cp1251"))
    result = read_file(path, keep_captions=True)
    assert [s.text for s in result.transcript.segments] == _RUSSIAN
    assert any("Windows-1251" in w for w in result.warnings)


def test_french_in_latin_1_is_read_as_windows_1252_not_central_european(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_bytes("Ada: voilà, à la française, déjà vu.\n".encode("latin-1"))
    result = read_file(path, keep_captions=True)
    assert result.transcript.segments[0].text.endswith("voilà, à la française, déjà vu.")
    assert any("Windows-1252" in w and "another encoding" in w for w in result.warnings)


def test_reopening_with_another_encoding_reads_it_that_way_without_a_guess(tmp_path):
    path = tmp_path / "ru.srt"
    path.write_bytes(_srt(_RUSSIAN).encode("koi8_r"))
    result = read_file(path, encoding="koi8_r", keep_captions=True)
    assert [s.text for s in result.transcript.segments] == _RUSSIAN
    assert not any("encoding" in w for w in result.warnings)


def test_an_encoding_that_cannot_hold_the_bytes_is_an_error_naming_the_byte(tmp_path):
    path = tmp_path / "zh.srt"
    path.write_bytes(_srt(_CHINESE).encode("gb2312"))
    with pytest.raises(TranscriptError) as caught:
        read_file(path, encoding="utf-8")
    assert caught.value.offset is not None and "byte" in str(caught.value)
    with pytest.raises(TranscriptError, match="unknown encoding"):
        read_file(path, encoding="no-such-codec")
