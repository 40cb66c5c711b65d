"""Broken, foreign or newer project files give a TranscriptError naming the file and the problem."""

import json

import pytest

from editor.core import project
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Transcript


def good_document():
    transcript = Transcript()
    speaker = transcript.ensure_speaker("Maya Ortiz")
    transcript.segments.append(Segment("s1", 0, 1800, "Ahoy [inaudible] there", speaker))
    data = project.to_dict(transcript)
    data["segments"][0]["marks"] = [["inaudible", 5, 16, 700]]
    data["segments"][0]["words"] = {"start": [0, 500, 1200], "end": [400, 1100, 1800], "conf": [1, 0.5, None]}
    return data


def load_document(tmp_path, data):
    path = tmp_path / "broken.tep.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)
    with pytest.raises(TranscriptError) as caught:
        project.load(path)
    assert str(path) in str(caught.value)
    return str(caught.value)


def test_the_good_document_loads(tmp_path):
    path = tmp_path / "good.tep.json"
    path.write_text(json.dumps(good_document()))
    loaded = project.load(path)
    assert loaded.transcript.segments[0].marks[0].time_ms == 700


def test_malformed_json_names_line_and_column(tmp_path):
    message = load_document(tmp_path, '{"transcript_editor_project": 1,\n"segments": [\n{"id": "s1",, }]}')
    assert "line 3" in message and "not valid JSON" in message and "column" in message


def test_truncated_file(tmp_path):
    text = project.dumps(good_document())
    message = load_document(tmp_path, text[: len(text) // 2])
    assert "not valid JSON" in message and "ends too early" in message and "line " in message


@pytest.mark.parametrize("payload, expected", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
])
def test_empty_and_binary_files(tmp_path, payload, expected):
    path = tmp_path / "odd.tep.json"
    path.write_bytes(payload)
    with pytest.raises(TranscriptError, match=expected):
        project.load(path)


def test_foreign_json_is_not_a_project(tmp_path):
    assert "not a Transcript Editor project" in load_document(tmp_path, {"segments": []})
    assert "not a Transcript Editor project" in load_document(tmp_path, [1, 2, 3])


def test_newer_schema_is_refused_clearly(tmp_path):
    data = good_document()
    data["transcript_editor_project"] = 99
    message = load_document(tmp_path, data)
    assert "newer" in message and "99" in message


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["segments"][0].update(start_ms="12"), "start_ms: expected an integer, found a string"),
    (lambda d: d["segments"][0].update(end_ms=True), "end_ms: expected an integer, found true"),
    (lambda d: d["segments"][0].update(end_ms=1.5), "end_ms: expected an integer, found a number"),
    (lambda d: d["segments"][0].update(text=None), "text: expected a string, found null"),
    (lambda d: d["segments"][0].pop("id"), "missing \"id\""),
    (lambda d: d["segments"][0].update(status="done"), "status: 'done' is not one of"),
    (lambda d: d["segments"][0].update(word_timing=3), "word_timing: expected a string"),
    (lambda d: d["segments"][0].update(speaker="spk9"), "unknown speaker id 'spk9'"),
    (lambda d: d["segments"][0].update(marks=[["inaudible", 5, 99, None]]), "outside the text"),
    (lambda d: d["segments"][0].update(marks=[["mumble", 0, 1, None]]), "expected [kind, start, end, time_ms]"),
    (lambda d: d["segments"][0].update(marks="inaudible"), "marks: expected a list"),
    (lambda d: d["segments"][0]["words"].update(start=[0, 500]), "words.text: 3 entries for 2 words"),
    (lambda d: d["segments"][0]["words"]["end"].__setitem__(1, "1100"), "words.end[1]: expected an integer"),
    (lambda d: d["segments"][0]["words"]["conf"].__setitem__(2, "high"), "words.conf[2]: expected a number"),
    (lambda d: d["segments"].append(dict(d["segments"][0])), "segment id 's1' is used twice"),
    (lambda d: d["segments"].append(7), "segments[1]: expected an object, found an integer"),
    (lambda d: d.update(speakers={"spk1": "Maya"}), "speakers: expected a list"),
    (lambda d: d["speakers"].append({"id": "spk1", "name": "Again"}), "speaker id 'spk1' is used twice"),
    (lambda d: d["meta"].update(duration_ms="long"), "meta.duration_ms: expected an integer"),
    (lambda d: d.update(extra=[]), "extra: expected an object"),
    (lambda d: d.update(transcript_editor_project="1"), "must be a schema version number"),
])
def test_wrong_types_name_the_value(tmp_path, change, expected):
    data = good_document()
    change(data)
    assert expected in load_document(tmp_path, data)


def test_segments_out_of_order_still_load(tmp_path):
    # Semantic problems are reported by editor.core.validate, not refused: the producer can fix them.
    data = good_document()
    data["segments"].insert(0, {"id": "s0", "start_ms": 9000, "end_ms": 100, "speaker": None, "text": "Late."})
    path = tmp_path / "odd.tep.json"
    path.write_text(json.dumps(data))
    assert [s.id for s in project.load(path).transcript.segments] == ["s0", "s1"]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(TranscriptError, match="cannot read the file"):
        project.load(tmp_path / "nope.tep.json")
    with pytest.raises(TranscriptError, match="cannot read the file"):
        project.load(tmp_path)


def test_unsaveable_extra_is_refused_before_touching_the_file(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(Transcript(), path)
    before = path.read_bytes()
    with pytest.raises(TranscriptError, match="cannot save"):
        project.save(Transcript(), path, extra={"cache": object()})
    assert path.read_bytes() == before


def test_absurdly_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.tep.json"
    path.write_text(json.dumps(good_document()) + " " * 5000)
    monkeypatch.setattr(project, "MAX_PROJECT_BYTES", 4096)
    with pytest.raises(TranscriptError, match="too large to be a project"):
        project.load(path)


def test_utf16_project_is_named_as_the_wrong_encoding(tmp_path):
    path = tmp_path / "wide.tep.json"
    path.write_bytes(json.dumps(good_document()).encode("utf-16"))
    with pytest.raises(TranscriptError, match="not UTF-8") as caught:
        project.load(path)
    assert "byte 0" in str(caught.value)
