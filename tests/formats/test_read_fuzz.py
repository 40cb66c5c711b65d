"""Fuzzing: random bytes and mutated valid files only ever raise TranscriptError.

A reader bug would surface as "internal error while reading" (read_text turns
stray exceptions into TranscriptError so users never see a traceback); the
tests fail on that message too, so bugs are still caught here.
"""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import TranscriptError
from editor.core.validate import problems
from editor.formats import read_file, read_text

DATA = Path(__file__).parent / "data"
FIXTURES = sorted(p for p in DATA.iterdir() if p.is_file())
SAMPLES = [p.read_bytes() for p in FIXTURES]


def _check_text(text: str, name: str) -> None:
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
def mutated(draw):
    """A valid fixture with a few byte-level cuts, insertions, flips or duplications."""
    index = draw(st.integers(0, len(SAMPLES) - 1))
    data = bytearray(SAMPLES[index])
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "insert", "flip", "truncate", "dup"]))
        if action == "cut":
            del data[pos:pos + draw(st.integers(1, 40))]
        elif action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(
                [b"-->", b"\n\n", b":", b"[", b"]", b"{", b'"', b"00:00:01,000", b"<v ", b"\x00"]))
        elif action == "flip" and pos < len(data):
            data[pos] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[pos:]
        elif action == "dup":
            data[pos:pos] = data[max(0, pos - 30):pos]
    return FIXTURES[index].name, bytes(data)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_fixtures_through_read_text(case):
    name, data = case
    _check_text(data.decode("utf-8", errors="replace"), name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutated())
def test_mutated_fixtures_through_read_file(tmp_path, case):
    name, data = case
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_file(path)
    except TranscriptError as error:
        assert "internal error" not in str(error), str(error)
        assert str(error).startswith(str(path))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), name=st.sampled_from(["x.srt", "x.vtt", "x.json", "x.txt", "x"]))
def test_random_bytes_through_read_file(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_file(path)
    except TranscriptError as error:
        assert "internal error" not in str(error), str(error)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab :->[](){}<>\n0123456789.,\"vSpeakrWEBVTNO")) |
                    st.characters(), max_size=300))
def test_random_text_through_read_text(text):
    _check_text(text, "fuzz.txt")
