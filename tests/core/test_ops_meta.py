"""ops.set_audio: the audio a transcript belongs to and its length, as a reversible op."""

from __future__ import annotations

import pytest

from editor.core import ops
from editor.core.transcript import Segment, Transcript, TranscriptMeta


def _transcript() -> Transcript:
    return Transcript(meta=TranscriptMeta(title="t", audio_path="old.mp3", duration_ms=1000),
                      segments=[Segment(id="s1", start_ms=0, end_ms=500, text="hello there")])


def test_set_audio_sets_path_and_duration_and_undoes():
    t = _transcript()
    change = ops.set_audio(t, path="/episodes/new.mp3", duration_ms=61_000).apply(t)
    assert (t.meta.audio_path, t.meta.duration_ms) == ("/episodes/new.mp3", 61_000)
    assert change.meta and not change.rows and change.inserted is None and change.removed is None
    redo = change.undo.apply(t).undo
    assert (t.meta.audio_path, t.meta.duration_ms) == ("old.mp3", 1000)
    redo.apply(t)
    assert (t.meta.audio_path, t.meta.duration_ms) == ("/episodes/new.mp3", 61_000)


def test_set_audio_changes_only_what_it_is_given():
    t = _transcript()
    ops.run(t, ops.set_audio(t, duration_ms=None))
    assert (t.meta.audio_path, t.meta.duration_ms) == ("old.mp3", None)


@pytest.mark.parametrize("kwargs", [{}, {"duration_ms": -5}, {"duration_ms": 1.5}, {"path": None}])
def test_set_audio_refuses_what_is_not_an_audio_link(kwargs):
    with pytest.raises(ValueError):
        ops.set_audio(_transcript(), **kwargs)


def test_a_group_reports_a_meta_change():
    t = _transcript()
    change = ops.Group((ops.set_text(t, 0, "hello here"), ops.set_audio(t, path="a.mp3"))).apply(t)
    assert change.meta and change.rows == (0,)


def test_without_audio_link_keeps_the_rest_of_an_op():
    t = _transcript()
    link = ops.set_audio(t, path="/elsewhere.mp3", duration_ms=9)
    titled = ops.SetMeta({"audio_path": "/elsewhere.mp3", "title": "New title"})
    text = ops.set_text(t, 0, "hello here")
    assert ops.is_noop(ops.without_audio_link(link, t.meta))
    assert ops.without_audio_link(text, t.meta) is text
    kept = ops.without_audio_link(ops.Group((link, text, titled)), t.meta)
    ops.run(t, kept)
    assert (t.meta.audio_path, t.meta.duration_ms, t.meta.title) == ("old.mp3", 1000, "New title")
    assert t.segments[0].text == "hello here"


def test_is_noop_and_moves_rows_say_what_an_edit_does():
    t = _transcript()
    assert ops.is_noop(ops.set_text(t, 0, "hello there")) and ops.is_noop(ops.Group(()))
    assert not ops.is_noop(ops.set_text(t, 0, "hello"))
    assert not ops.set_text(t, 0, "hello you").apply(t).moves_rows()
    assert not ops.set_audio(t, duration_ms=5).apply(t).moves_rows()
    assert ops.split(t, 0, 6).apply(t).moves_rows()
