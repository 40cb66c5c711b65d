"""Reading a file must leave Python's garbage collector as it found it."""

from __future__ import annotations

import gc

import pytest

from editor.core.errors import TranscriptError
from editor.formats import read_file


def test_gc_is_enabled_after_reading_a_file(tmp_path):
    path = tmp_path / "ep.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n", encoding="utf-8")
    assert gc.isenabled()
    read_file(path)
    assert gc.isenabled()


def test_gc_is_enabled_after_a_reader_fails(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"segments": [{"start": "soon"}]}', encoding="utf-8")
    with pytest.raises(TranscriptError):
        read_file(path)
    assert gc.isenabled()


def test_gc_stays_off_when_the_caller_had_switched_it_off(tmp_path):
    path = tmp_path / "ep.txt"
    path.write_text("Just a paragraph of text.\n", encoding="utf-8")
    gc.disable()
    try:
        read_file(path)
        assert not gc.isenabled()
    finally:
        gc.enable()
