"""The show glossary: storage, CSV, growth from corrections and speakers, and the episode scan."""

from __future__ import annotations

import json
import threading

import pytest

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, GlossaryEntry, apply_spans, scan, snapshot
from editor.core.glossary_places import choose_show_for_folder, default_path, known_shows, show_for_folder
from editor.core.transcript import Mark, MarkKind, Segment, Speaker, Transcript


@pytest.fixture()
def glossary(tmp_path) -> Glossary:
    g = Glossary(path=tmp_path / "show.json", show="Harbour Talk")
    g.add("Rolf Brekke", ["Rolf Breck"], "host")
    g.add("Odile Ambrose", note="co-host")
    g.add("Kofundo", ["Co fundo"], "membership platform")
    g.add("Ingrid Halvorsen")
    return g


@pytest.fixture()
def episode() -> Transcript:
    texts = [
        "Welcome to Harbour Talk, I'm Rolf Breck.",              # known wrong form
        "And I'm odile embrose, hello everyone.",                # sound-alike + case
        "Back us on Co fundo or kofundo, thanks.",               # known split form + case only
        "Ingrid Halverson is our guest, Ingrid Halvorsen.",      # sound-alike then correct
        "The brick broke the dock [inaudible] Rolf Breck.",      # mark: fine outside it
        "Nothing here but ordinary words.",
    ]
    t = Transcript(speakers={"spk1": Speaker("spk1", "Rolf Brekke"), "spk2": Speaker("spk2", "Speaker 2"),
                             "spk3": Speaker("spk3", "Tamsin Oyelaran")})
    for i, text in enumerate(texts):
        t.segments.append(Segment(f"s{i + 1}", i * 3000, i * 3000 + 2500, text, "spk1"))
    seg = t.segments[4]
    at = seg.text.index("[inaudible]")
    seg.marks = [Mark(MarkKind.INAUDIBLE, at, at + 11, 12_600)]
    return t


def test_add_merges_and_remember_correction(glossary):
    glossary.add("rolf brekke", ["Rolf Brick", "Rolf Breck"])
    entry = glossary.entry_for("ROLF BREKKE")
    assert entry.correct == "Rolf Brekke" and entry.wrong_forms == ["Rolf Breck", "Rolf Brick"]
    assert entry.note == "host"
    glossary.remember_correction("Tamsin Oyelarin", "Tamsin Oyelaran")
    assert glossary.entry_for("Tamsin Oyelaran").wrong_forms == ["Tamsin Oyelarin"]
    with pytest.raises(ValueError):
        glossary.add("  ")


def test_speakers_join_but_generic_labels_do_not(glossary, episode):
    assert glossary.join_speakers(episode) == 1
    assert "Tamsin Oyelaran" in glossary.names()
    assert glossary.entry_for("Speaker 2") is None
    assert glossary.join_speakers(episode) == 0


def test_known_words(glossary):
    assert {"rolf", "brekke", "kofundo", "odile", "ambrose"} <= glossary.known_words()


def test_json_round_trip_and_default_path(glossary, tmp_path):
    path = glossary.save()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["show"] == "Harbour Talk" and data["entries"][0]["wrong_forms"] == ["Rolf Breck"]
    again = Glossary.load(path)
    assert [(e.correct, e.wrong_forms, e.note) for e in again.entries] == \
        [(e.correct, e.wrong_forms, e.note) for e in glossary.entries]
    where = default_path("Harbour Talk / Season 2", tmp_path)
    assert where == tmp_path / "glossaries" / "harbour-talk-season-2.json"
    stored = Glossary.for_show("Harbour Talk / Season 2", tmp_path)
    assert stored.entries == [] and stored.path == where
    stored.add("Kofundo")
    stored.save()
    assert Glossary.for_show("Harbour Talk / Season 2", tmp_path).names() == ["Kofundo"]


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid JSON"),
    ('{"entries": 3}', '"entries" list'),
    ('{"entries": [{"note": "x"}]}', 'entry 1 has no "correct"'),
    ('{"entries": [{"correct": "A", "wrong_forms": "B"}]}', "must be a list"),
])
def test_broken_glossary_file_names_file_and_problem(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TranscriptError) as error:
        Glossary.load(path)
    assert problem in str(error.value) and "bad.json" in str(error.value)


def test_csv_export_import_round_trip(glossary, tmp_path):
    path = tmp_path / "names.csv"
    glossary.export_csv(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "correct,wrong_forms,note"
    assert lines[1] == "Rolf Brekke,Rolf Breck,host"
    fresh = Glossary()
    assert fresh.import_csv(path) == 4
    assert fresh.entry_for("Kofundo").wrong_forms == ["Co fundo"]


def test_csv_import_without_header_merges_and_reports_bad_rows(glossary, tmp_path):
    path = tmp_path / "more.csv"
    path.write_text('Rolf Brekke,"Rolf Brick; Rolf Brek",\nNew Name\n\n', encoding="utf-8")
    assert glossary.import_csv(path) == 2
    assert glossary.entry_for("Rolf Brekke").wrong_forms == ["Rolf Breck", "Rolf Brick", "Rolf Brek"]
    bad = tmp_path / "bad.csv"
    bad.write_text("correct,wrong_forms\nfine,\n,orphan wrong form\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="line 3"):
        Glossary().import_csv(bad)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(TranscriptError, match="bin.csv"):
        Glossary().import_csv(binary)


@pytest.mark.parametrize("separator", [";", "\t"])
def test_csv_import_reads_semicolon_and_tab_separated_files(tmp_path, separator):
    # A spreadsheet saved as CSV where the comma is the decimal mark (or as tab-separated text)
    # separates its columns so: read as columns, not as one name per line holding the separators.
    path = tmp_path / "names.csv"
    path.write_text(separator.join(["correct", "wrong_forms", "note"]) + "\n"
                    + separator.join(["Rolf Brekke", "Rolf Breck", "host"]) + "\n"
                    + separator.join(["Kofundo", "Co fundo", ""]) + "\n", encoding="utf-8")
    fresh = Glossary()
    assert fresh.import_csv(path) == 2
    assert [(e.correct, e.wrong_forms, e.note) for e in fresh.entries] == [
        ("Rolf Brekke", ["Rolf Breck"], "host"), ("Kofundo", ["Co fundo"], "")]


def test_scan_finds_known_forms_sound_alikes_and_case(glossary, episode):
    found = [(s.index, s.found, s.replacement, s.how) for s in scan(episode, glossary)]
    assert found == [
        (0, "Rolf Breck", "Rolf Brekke", "known"),
        (1, "odile embrose", "Odile Ambrose", "sound"),
        (2, "Co fundo", "Kofundo", "known"),
        (2, "kofundo", "Kofundo", "case"),
        (3, "Ingrid Halverson", "Ingrid Halvorsen", "sound"),
        (4, "Rolf Breck", "Rolf Brekke", "known"),
    ]


def test_scan_suggestions_apply_as_spans(glossary, episode):
    suggestions = scan(episode, glossary)
    spans = apply_spans(suggestions, episode)
    assert len(spans) == len(suggestions)
    episode.segments[0].text = "Welcome, I'm someone else."
    assert len(apply_spans(suggestions, episode)) == len(suggestions) - 1  # stale one dropped


def test_scan_can_be_cancelled(glossary, episode):
    assert scan(episode, glossary, cancelled=lambda: True) == []


def test_scan_of_a_snapshot_in_a_thread(glossary, episode):
    copy = snapshot(episode)
    result = []
    worker = threading.Thread(target=lambda: result.extend(scan(copy, glossary)))
    worker.start()
    episode.segments[0].text = "edited meanwhile"  # the snapshot is not affected
    worker.join()
    assert result[0].found == "Rolf Breck"
    assert copy.segments[0].text != episode.segments[0].text


def test_entries_passed_to_constructor_merge():
    g = Glossary([GlossaryEntry("Esk", ["Esc"]), GlossaryEntry("esk", ["Eske"])])
    assert len(g.entries) == 1 and g.entries[0].wrong_forms == ["Esc", "Eske"]


def test_scan_never_turns_everyday_words_into_names(tmp_path):
    g = Glossary([GlossaryEntry("Wati"), GlossaryEntry("Tidewater")])
    t = Transcript(segments=[Segment("s1", 0, 1000, "So what did the Tide water crew say about Watti?")])
    found = [(s.found, s.replacement) for s in scan(t, g)]
    assert found == [("Tide water", "Tidewater"), ("Watti", "Wati")]  # "what" is left alone


def test_ignored_suggestions_are_kept_with_the_show(glossary, tmp_path):
    assert glossary.ignore_suggestion("Rolf Breck", "Rolf Brekke")
    assert not glossary.ignore_suggestion("Rolf Breck", "Rolf Brekke")
    glossary.save()
    loaded = Glossary.load(tmp_path / "show.json")
    assert loaded.ignored == [("Rolf Breck", "Rolf Brekke")]
    assert loaded.is_ignored("Rolf Breck", "Rolf Brekke") and not loaded.is_ignored("rolf breck", "Rolf Brekke")
    bad = tmp_path / "bad.json"
    bad.write_text('{"entries": [], "ignored": [{"found": "x"}]}', encoding="utf-8")
    with pytest.raises(TranscriptError, match="ignored suggestion 1"):
        Glossary.load(bad)


def test_show_chosen_per_folder_and_known_shows(tmp_path):
    data = tmp_path / "data"
    folder = tmp_path / "episodes"
    folder.mkdir()
    assert show_for_folder(folder, data) is None and known_shows(data) == []
    choose_show_for_folder(folder, "Harbour Talk", data)
    assert show_for_folder(str(folder) + "/.", data) == "Harbour Talk"
    Glossary(show="Harbour Talk").save(default_path("Harbour Talk", data))
    Glossary(show="Dock Notes").save(default_path("Dock Notes", data))
    (data / "glossaries" / "broken.json").write_text("{", encoding="utf-8")
    assert known_shows(data) == ["Dock Notes", "Harbour Talk"]
    choose_show_for_folder(folder, "", data)
    assert show_for_folder(folder, data) is None
