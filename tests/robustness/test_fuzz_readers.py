"""Fuzz every reader (random bytes and text, and mutations of valid files of each format).

Nothing but :class:`TranscriptError` may escape, and not even that may be the
registry's "internal error" wrapper, which means a reader crashed on the input
(``editor.formats._parse`` turns any stray exception into one so users never see
a traceback; here it counts as the bug it is). What a broken file does read into
must still be a sound transcript (marks inside the text, words matching it, no
turn ending before it starts); tests/formats checks what valid files give.
This is the one fuzz module for the readers.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core import project
from editor.core.errors import TranscriptError
from editor.core.validate import problems
from editor.formats import all_readers, read_file, read_text
from editor.formats.decoding import decode

pytestmark = pytest.mark.slow   # thousands of generated files

DATA = Path(__file__).resolve().parents[1] / "formats" / "data"
READERS = [r.NAME for r in all_readers()]
SEEDS = {path.name: path.read_bytes() for path in sorted(DATA.iterdir()) if path.is_file()}
SEEDS["inline.vtt"] = (b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ada>the cedar keel [inaudible]\n\n"
                       b"00:00:03.500 --> 00:00:05.000\n<v Bram>held through winter\n")
SEEDS["inline.srt"] = (b"1\n00:00:01,000 --> 00:00:03,000\nAda: the cedar keel\n\n"
                       b"2\n00:00:03,500 --> 00:00:05,000\nBram: held [crosstalk] winter\n")
FUZZ = settings(max_examples=int(os.environ.get("TE_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[
                                                                                                                   HealthCheck.too_slow])


def _read(data: bytes, name: str, fmt: str | None) -> None:
    try:
        text, _ = decode(data)
        read_text(text, name, fmt)
    except TranscriptError as error:
        assert "internal error" not in error.problem, f"reader crashed: {error}"


def _check_text(text: str, name: str) -> None:
    """Read *text* (format detected): a clean error, or a transcript without broken invariants."""
    try:
        result = read_text(text, name)
    except TranscriptError as error:
        assert "internal error" not in str(error), str(error)
        return
    for segment in result.transcript.segments:
        for mark in segment.marks:
            assert 0 <= mark.start <= mark.end <= len(segment.text)
        if segment.words:
            assert [w.text for w in segment.words] == segment.text.split()
    assert not [p for p in problems(result.transcript) if "ends" in p and "before it starts" in p]


@st.composite
def mutated(draw) -> tuple[str, bytes]:
    """A valid file of some format with a few random edits: cut, splice, flip, duplicate, truncate."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        kind = draw(st.sampled_from(["delete", "insert", "flip", "duplicate", "truncate", "digits"]))
        i = draw(st.integers(0, len(data) - 1))
        j = min(len(data), i + draw(st.integers(1, 64)))
        if kind == "delete":
            del data[i:j]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=16) | st.sampled_from(
                [b"-->", b"\n\n", b":", b"[", b"]", b"{", b'"', b"00:00:01,000", b"<v ", b"\x00"]))
        elif kind == "flip":
            data[i] = draw(st.integers(0, 255))
        elif kind == "duplicate":
            data[i:i] = data[i:j]
        elif kind == "truncate":
            del data[i:]
        else:   # times and numbers are where parsers break: swap digits for others
            data[i:j] = bytes(draw(st.sampled_from(b"0123456789:.,-")) if chr(b).isdigit() else b
                              for b in data[i:j])
    return name, bytes(data)


@FUZZ
@given(data=st.binary(max_size=2000), name=st.sampled_from(["x.srt", "x.vtt", "x.json", "x.txt", "x.html", "x"]))
def test_random_bytes_detected(data, name):
    _read(data, name, None)


@FUZZ
@given(text=st.text(max_size=1500), fmt=st.sampled_from(READERS))
def test_random_text_forced_through_each_reader(text, fmt):
    _read(text.encode("utf-8", "surrogatepass"), "x", fmt)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated())
@example(case=("inline.srt", SEEDS["inline.srt"].replace(b"00:00:03,000", b"99:99:99,999")))
def test_mutated_valid_files_detected(case):
    name, data = case
    _check_text(data.decode("utf-8", errors="replace"), name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutated())
def test_mutated_valid_files_through_read_file(tmp_path, case):
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_file(path)
    except TranscriptError as error:
        assert "internal error" not in str(error), str(error)
        assert str(error).startswith(str(path))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab :->[](){}<>\n0123456789.,\"vSpeakrWEBVTNO")) |
                    st.characters(), max_size=300))
def test_random_text_detected(text):
    _check_text(text, "fuzz.txt")


@FUZZ
@given(case=mutated(), fmt=st.sampled_from(READERS))
def test_mutated_valid_files_forced_through_each_reader(case, fmt):
    _, data = case
    _read(data, "x", fmt)


@pytest.fixture(scope="module")
def project_bytes(tmp_path_factory) -> bytes:
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from edit_script import fixture_transcript
    path = tmp_path_factory.mktemp("p") / "p.tep.json"
    transcript = fixture_transcript()
    transcript.segments = transcript.segments[:4]
    project.save(transcript, path)
    return path.read_bytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, 10_000), junk=st.binary(max_size=8), at=st.integers(0, 10_000))
def test_mutated_projects(project_bytes, cut, junk, at):
    data = bytearray(project_bytes)
    at %= len(data)
    data[at:at + len(junk)] = junk
    data = data[: max(1, len(data) - cut % len(data))] if cut % 3 == 0 else data
    with contextlib.suppress(TranscriptError):
        project.loads(bytes(data), "p.tep.json")
