"""Passages the producer said are right: an edit op like any other (undone, redone), moved by edits
elsewhere in their turn, dropped by an edit of their own words, carried through splits and merges,
saved in the project (older files load with none) and hiding the suspects over them."""

from __future__ import annotations

import json

import pytest

from editor.core import ops, project
from editor.core.ignored_passages import shown
from editor.core.transcript import IgnoredPassage, Segment, Transcript
from editor.hearing.suspects import Suspect

TEXT = "She spent ten years at the BSA before she ran for office."


def _transcript(*texts: str) -> Transcript:
    texts = texts or (TEXT,)
    return Transcript(segments=[Segment(f"s{i + 1}", i * 10_000, i * 10_000 + 9_000, text)
                                for i, text in enumerate(texts)])


def _suspect(segment: Segment, words: str, row: int = 0) -> Suspect:
    start = segment.text.index(words)
    return Suspect(row, segment.id, start, start + len(words), words, 1000, 1300, 0.8, ["audio"])


def _ignored(transcript: Transcript, words: str = "BSA", row: int = 0) -> Transcript:
    start = transcript.segments[row].text.index(words)
    ops.run(transcript, ops.ignore_passages(transcript, row, [(start, start + len(words))]))
    return transcript


def test_ignoring_is_an_op_that_undoes_and_redoes():
    transcript = _transcript()
    segment = transcript.segments[0]
    start = TEXT.index("BSA")
    undo = ops.run(transcript, ops.ignore_passages(transcript, 0, [(start, start + 3)]))
    assert segment.ignored == (IgnoredPassage(start, start + 3, "BSA"),)
    assert shown(segment, [_suspect(segment, "BSA"), _suspect(segment, "office")]) == [_suspect(segment, "office")]
    redo = ops.run(transcript, undo)
    assert segment.ignored == () and len(shown(segment, [_suspect(segment, "BSA")])) == 1
    ops.run(transcript, redo)
    assert [p.words for p in segment.ignored] == ["BSA"]
    assert ops.is_noop(ops.ignore_passages(transcript, 0, [(start, start + 3)]))     # said already
    back = ops.run(transcript, ops.unignore_passages(transcript, 0, segment.ignored))
    assert segment.ignored == ()
    ops.run(transcript, back)
    assert [p.words for p in segment.ignored] == ["BSA"]
    with pytest.raises(ValueError):
        ops.ignore_passages(transcript, 0, [(50, 80)])


def test_typing_elsewhere_in_the_turn_moves_the_passage_along():
    transcript = _ignored(_transcript())
    segment = transcript.segments[0]
    ops.run(transcript, ops.set_text(transcript, 0, "Well, " + TEXT.replace("office", "the office")))
    (kept,) = segment.ignored
    assert segment.text[kept.start:kept.end] == "BSA" and kept.start == TEXT.index("BSA") + 6
    assert shown(segment, [_suspect(segment, "BSA")]) == []
    # A replace (Correct Everywhere, a suggestion applied) of other words in the turn moves it too.
    at = segment.text.index("ten years")
    ops.run(transcript, ops.replace_spans(transcript, [(0, at, at + 3, "eleven")]))
    (kept,) = segment.ignored
    assert segment.text[kept.start:kept.end] == "BSA"


@pytest.mark.parametrize("edited", [
    TEXT.replace("BSA", "EPA"),       # the words themselves
    TEXT.replace("BSA", "BSAs"),      # letters typed on to them: another word
    TEXT.replace("BSA", "BSA's"),
    TEXT.replace("the BSA", "theBSA"),
    TEXT.replace("BSA", "B SA"),
])
def test_an_edit_of_the_passages_own_words_drops_it(edited):
    transcript = _ignored(_transcript())
    segment = transcript.segments[0]
    undo = ops.run(transcript, ops.set_text(transcript, 0, edited))
    assert segment.ignored == ()
    ops.run(transcript, undo)        # the undo of that edit gives it back, as the words come back
    assert [p.words for p in segment.ignored] == ["BSA"]


def test_a_replace_of_the_words_drops_it_and_the_undo_gives_it_back():
    transcript = _ignored(_transcript())
    segment = transcript.segments[0]
    at = TEXT.index("BSA")
    undo = ops.run(transcript, ops.replace_spans(transcript, [(0, at, at + 3, "EPA")]))
    assert segment.ignored == ()
    ops.run(transcript, undo)
    assert [p.words for p in segment.ignored] == ["BSA"]


def test_splits_and_merges_carry_the_passage_with_its_words():
    transcript = _ignored(_ignored(_transcript()), "office")
    ops.run(transcript, ops.split(transcript, 0, TEXT.index("before")))
    first, second = transcript.segments
    assert [p.words for p in first.ignored] == ["BSA"] and [p.words for p in second.ignored] == ["office"]
    assert second.text[second.ignored[0].start:second.ignored[0].end] == "office"
    ops.run(transcript, ops.merge_with_next(transcript, 0))
    (merged,) = transcript.segments
    assert merged.text == TEXT and [(p.start, p.words) for p in merged.ignored] == [
        (TEXT.index("BSA"), "BSA"), (TEXT.index("office"), "office")]


def test_a_turn_split_into_parts_gives_each_part_its_passages():
    long_text = " ".join(f"Sentence {n} names the BSA again." for n in range(60))
    transcript = _transcript(long_text)
    last = long_text.rindex("BSA")
    ops.run(transcript, ops.ignore_passages(transcript, 0, [(last, last + 3)]))
    ops.run(transcript, ops.split_into_parts(transcript, 0, max_chars=400))
    held = [(row, segment.text[p.start:p.end]) for row, segment in enumerate(transcript.segments)
            for p in segment.ignored]
    assert held == [(len(transcript.segments) - 1, "BSA")]


def test_the_project_keeps_them_and_an_older_file_loads_with_none(tmp_path):
    transcript = _ignored(_transcript(TEXT, "Nothing doubted here."))
    path = tmp_path / "episode.tep.json"
    project.save(transcript, path)
    data = json.loads(path.read_text())
    assert data[project.SCHEMA_KEY] == 1
    assert data["segments"][0]["ignored"] == [[TEXT.index("BSA"), TEXT.index("BSA") + 3, "BSA"]]
    assert "ignored" not in data["segments"][1]
    loaded = project.load(path).transcript
    assert loaded.segments[0].ignored == transcript.segments[0].ignored

    del data["segments"][0]["ignored"]           # a file saved before passages were kept
    path.write_text(json.dumps(data))
    assert project.load(path).transcript.segments[0].ignored == ()


def test_a_passage_whose_words_the_file_no_longer_reads_is_judged_afresh_and_a_bad_one_is_named(tmp_path):
    transcript = _ignored(_transcript())
    path = tmp_path / "episode.tep.json"
    project.save(transcript, path)
    data = json.loads(path.read_text())
    data["segments"][0]["text"] = TEXT.replace("BSA", "EPA")     # edited by hand
    path.write_text(json.dumps(data))
    assert project.load(path).transcript.segments[0].ignored == ()
    data["segments"][0]["ignored"] = [["BSA", 1]]
    path.write_text(json.dumps(data))
    with pytest.raises(Exception, match=r"segments\[0\] \(id 's1'\)\.ignored\[0\]: expected \[start, end, words\]"):
        project.load(path)


def test_revert_to_the_recognizers_text_keeps_the_passages_it_still_reads():
    transcript = _ignored(_transcript(), "office")
    segment = transcript.segments[0]
    ops.run(transcript, ops.set_text(transcript, 0, "Well, " + TEXT.replace("ten", "eleven")))
    assert [p.words for p in segment.ignored] == ["office"]
    ops.run(transcript, ops.revert_to_original(transcript, 0))
    assert segment.text == TEXT
    assert [(p.start, p.words) for p in segment.ignored] == [(TEXT.index("office"), "office")]


def test_a_turn_pasted_over_whole_is_one_change_however_long():
    transcript = _ignored(_transcript())
    pasted = "x " * 4000 + TEXT + " y" * 4000      # the passage's words again, inside a run too long to compare
    ops.run(transcript, ops.set_text(transcript, 0, pasted))
    assert transcript.segments[0].ignored == ()
