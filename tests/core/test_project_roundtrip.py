"""Project files give back exactly what was saved: property tests over random transcripts."""

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import project
from editor.core.transcript import (
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
    Word,
    WordTiming,
)

times = st.one_of(st.none(), st.integers(min_value=0, max_value=40 * 3600 * 1000))
# Any text, lone surrogates included: a paste can carry anything and the file must keep it.
texts = st.text(st.characters(blacklist_categories=()), max_size=40)
words_texts = st.text(st.characters(blacklist_categories=("Zs", "Cc")), min_size=1, max_size=8)
confidences = st.one_of(st.none(), st.floats(min_value=0, max_value=1), st.integers(0, 1))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10)


@st.composite
def marks_for(draw, text):
    marks = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(Mark(draw(st.sampled_from(MarkKind)), start, end, draw(times)))
    return marks


@st.composite
def segments(draw, number, speaker_ids):
    text = draw(texts)
    if draw(st.booleans()):
        word_list = [Word(t, draw(times), draw(times), draw(confidences)) for t in text.split()]
    else:  # words that are not the text's tokens (after an edit, before re-derivation)
        word_list = [Word(draw(words_texts), draw(times), draw(times), draw(confidences))
                     for _ in range(draw(st.integers(0, 4)))]
    original = draw(st.one_of(st.none(), texts))
    segment = Segment(
        id=f"s{number}", start_ms=draw(times), end_ms=draw(times), text=text,
        speaker_id=draw(st.sampled_from([None, *speaker_ids])), words=word_list,
        marks=draw(marks_for(text)), status=draw(st.sampled_from(ReviewStatus)),
        note=draw(texts), approved_by=draw(texts), approved_at=draw(st.sampled_from(["", "2024-05-01T12:00:00Z"])),
        original_text=original, word_timing=draw(st.sampled_from(WordTiming)))
    if original is not None:
        segment.original_marks = draw(marks_for(original))
    return segment


@st.composite
def transcripts(draw, audio_dir="/srv/shows/tidewater"):
    names = draw(st.lists(texts, max_size=5))
    speakers = {f"spk{i}": Speaker(f"spk{i}", name) for i, name in enumerate(names, 1)}
    count = draw(st.integers(0, 6))
    audio = draw(st.sampled_from(["", f"{audio_dir}/ep 42.mp3", f"{audio_dir}/audio/ép.ogg"]))
    meta = TranscriptMeta(title=draw(texts), audio_path=audio, duration_ms=draw(times),
                          language=draw(st.sampled_from(["", "en", "pt-BR"])))
    return Transcript(meta=meta, speakers=speakers,
                      segments=[draw(segments(i, list(speakers))) for i in range(1, count + 1)])


@pytest.mark.slow   # hundreds of generated transcripts
@given(transcripts(), st.dictionaries(texts, json_values, max_size=3))
@settings(max_examples=200, deadline=None)
def test_to_text_and_back_is_lossless(transcript, extra):
    base = "/srv/shows/tidewater/projects"
    text = project.dumps(project.to_dict(transcript, base_dir=base, extra=extra))
    loaded = project.loads(text, os.path.join(base, "ep.tep.json"))
    assert loaded.transcript == transcript
    assert loaded.extra == extra


@given(st.data())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_save_then_load_gives_an_equal_transcript(data):
    with tempfile.TemporaryDirectory() as folder:
        transcript = data.draw(transcripts(audio_dir=folder))
        path = Path(folder) / "projects" / "ep.tep.json"
        path.parent.mkdir()
        project.save(transcript, path, extra={"glossary": ["Quillon"]})
        transcript_back, extra = project.load(path)
        assert transcript_back == transcript
        assert extra == {"glossary": ["Quillon"]}


def test_audio_path_is_stored_relative_and_follows_a_moved_folder(tmp_path):
    show = tmp_path / "show"
    (show / "audio").mkdir(parents=True)
    (show / "audio" / "ep.mp3").write_bytes(b"ID3")
    transcript = Transcript(meta=TranscriptMeta(audio_path=str(show / "audio" / "ep.mp3")))
    project.save(transcript, show / "ep.tep.json")
    stored = project.loads((show / "ep.tep.json").read_bytes())  # no base: as written in the file
    assert stored.transcript.meta.audio_path == "audio/ep.mp3"
    moved = tmp_path / "moved"
    show.rename(moved)
    assert project.load(moved / "ep.tep.json").transcript.meta.audio_path == str(moved / "audio" / "ep.mp3")


def test_project_moved_without_its_audio_falls_back_to_the_absolute_path(tmp_path):
    audio = tmp_path / "audio" / "ep.mp3"
    audio.parent.mkdir()
    audio.write_bytes(b"ID3")
    (tmp_path / "a").mkdir()
    project.save(Transcript(meta=TranscriptMeta(audio_path=str(audio))), tmp_path / "a" / "ep.tep.json")
    (tmp_path / "elsewhere" / "deeper").mkdir(parents=True)
    os.replace(tmp_path / "a" / "ep.tep.json", tmp_path / "elsewhere" / "deeper" / "ep.tep.json")
    loaded = project.load(tmp_path / "elsewhere" / "deeper" / "ep.tep.json")
    assert loaded.transcript.meta.audio_path == str(audio)


def test_words_matching_the_text_are_stored_without_their_text(tmp_path):
    segment = Segment("s1", 0, 900, "Ahoy there", words=[Word("Ahoy", 0, 400, 0.9), Word("there", 450, 900, None)])
    data = project.to_dict(Transcript(segments=[segment]))
    assert data["segments"][0]["words"] == {"start": [0, 450], "end": [400, 900], "conf": [0.9, None]}
    assert data["segments"][0]["text"] == "Ahoy there"


def test_the_file_starts_with_the_schema_key_and_has_one_segment_per_line(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(Transcript(segments=[Segment("s1", 0, 1, "One."), Segment("s2", 2, 3, "Two.")]), path)
    text = path.read_text()
    assert text.startswith('{"transcript_editor_project": 1,')
    assert sum(1 for line in text.splitlines() if line.startswith('{"id": "s')) == 2
    assert project.is_project(path)
