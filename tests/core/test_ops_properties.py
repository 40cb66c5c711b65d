"""Property tests: any sequence of edits, undone in reverse, gives back the original transcript."""

from __future__ import annotations

import contextlib
import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import ops
from editor.core.transcript import (
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    Word,
    WordTiming,
)
from editor.core.validate import problems

VOCAB = ["keel", "tide", "gull", "rope", "[inaudible]", "oak,", "ash.", "the", "a"]


def build() -> Transcript:
    """Five invented turns with timed words, one mark and a wordless turn."""
    t = Transcript(speakers={"spk1": Speaker("spk1", "Ana"), "spk2": Speaker("spk2", "Bo")})
    texts = ["keel tide gull", "rope [inaudible] oak ash", "the tide a gull", "oak oak keel", "gull rope"]
    clock = 0
    for n, text in enumerate(texts):
        words = [Word(tok, clock + i * 300, clock + i * 300 + 250, 0.8) for i, tok in enumerate(text.split())]
        marks = [Mark(MarkKind.INAUDIBLE, 5, 16, clock + 300)] if "[inaudible]" in text else []
        t.segments.append(Segment(f"s{n + 1}", clock, words[-1].end_ms, text, f"spk{n % 2 + 1}",
                                  words=words if n != 4 else [], marks=marks,
                                  word_timing=WordTiming.IMPORTED if n != 4 else WordTiming.NONE))
        clock = words[-1].end_ms + 200
    return t


def plan(t: Transcript, data) -> ops.Op:
    """Draw one edit that makes sense for the transcript as it is now."""
    row = data.draw(st.integers(0, len(t.segments) - 1))
    segment = t.segments[row]
    size = len(segment.text)
    kind = data.draw(st.sampled_from(["text", "spans", "mark", "unmark", "split", "merge", "start",
                                      "bounds", "status", "speaker", "rename", "revert"]))
    if kind == "text":
        return ops.set_text(t, row, " ".join(data.draw(st.lists(st.sampled_from(VOCAB), max_size=6))))
    if kind == "spans":
        a = data.draw(st.integers(0, size))
        b = data.draw(st.integers(a, size))
        other = data.draw(st.integers(0, len(t.segments) - 1))
        spans = [(row, a, b, data.draw(st.sampled_from(["", "x", " mast ", "[crosstalk]"])))]
        if other != row:
            spans.append((other, 0, 0, "so "))
        return ops.replace_spans(t, spans)
    if kind == "mark":
        a = data.draw(st.integers(0, size))
        b = data.draw(st.integers(a, size))
        return ops.add_mark(t, row, data.draw(st.sampled_from(list(MarkKind))), a, b)
    if kind == "unmark" and segment.marks:
        return ops.remove_mark(t, row, data.draw(st.sampled_from(segment.marks)))
    if kind == "split":
        return ops.split(t, row, data.draw(st.integers(0, size)),
                         data.draw(st.none() | st.integers(0, 6000)))
    if kind == "merge":
        return ops.merge_with_next(t, row)
    if kind == "start":
        return ops.set_start(t, row, data.draw(st.integers(0, 8000)))
    if kind == "bounds":
        a = data.draw(st.integers(0, 8000))
        return ops.set_bounds(t, row, a, a + data.draw(st.integers(0, 3000)))
    if kind == "status":
        return ops.set_status(t, row, data.draw(st.sampled_from(list(ReviewStatus))), "ana", "2024-01-01")
    if kind == "speaker":
        return ops.set_speaker(t, row, data.draw(st.sampled_from([None, "spk1", "spk2"])))
    if kind == "rename":
        return ops.rename_speaker(t, "spk1", data.draw(st.sampled_from(["Ana", "Ana B.", "Bo"])))
    return ops.revert_to_original(t, row)


def check(t: Transcript) -> None:
    assert problems(t) == []
    for segment in t.segments:
        if segment.words:
            assert [w.text for w in segment.words] == segment.text.split()
        for mark in segment.marks:
            assert 0 <= mark.start < mark.end <= len(segment.text)
    assert len({s.id for s in t.segments}) == len(t.segments)


@pytest.mark.slow   # hundreds of random edit sequences
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_undone_in_reverse_give_back_the_original(data):
    t = build()
    original = copy.deepcopy(t)
    undos = []
    for _ in range(data.draw(st.integers(1, 12))):
        try:
            op = plan(t, data)
        except ValueError:
            continue  # an impossible edit must leave the transcript untouched
        undos.append(ops.run(t, op))
        check(t)
    final = copy.deepcopy(t)
    redos = [ops.run(t, undo) for undo in reversed(undos)]
    assert t == original
    for redo in reversed(redos):
        ops.run(t, redo)
    assert t == final


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_rejected_edits_change_nothing(data):
    t = build()
    before = copy.deepcopy(t)
    with contextlib.suppress(ValueError):
        plan(t, data)
    assert t == before  # planning never mutates
