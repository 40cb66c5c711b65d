"""Every edit op: what it does, that undo/redo restore exactly, and what it reports."""

from __future__ import annotations

import copy

import pytest

from editor.core import ops
from editor.core.transcript import (
    Chapter,
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    Word,
    WordTiming,
    defer_words,
    is_recipe,
)
from editor.core.validate import problems


def timed(text: str, start: int, step: int = 500, length: int = 400) -> list[Word]:
    return [Word(t, start + i * step, start + i * step + length, 0.9) for i, t in enumerate(text.split())]


def make_transcript() -> Transcript:
    """Four invented turns, two speakers, timed words and an inaudible mark."""
    t = Transcript(speakers={"spk1": Speaker("spk1", "Rhona Vell"), "spk2": Speaker("spk2", "Idris Paak")})
    rows = [
        ("s1", 0, "welcome aboard the drifting lantern", "spk1"),
        ("s2", 3000, "we rebuilt the stern over [inaudible] three winters", "spk2"),
        ("s3", 8000, "three winters in a cold shed", "spk1"),
        ("s4", 12_000, "and the varnish never dried", "spk2"),
    ]
    for seg_id, start, text, speaker in rows:
        words = timed(text, start)
        marks = []
        if "[inaudible]" in text:
            at = text.index("[inaudible]")
            marks = [Mark(MarkKind.INAUDIBLE, at, at + 11, start + 2500)]
        t.segments.append(Segment(seg_id, start, words[-1].end_ms, text, speaker, words=words,
                                  marks=marks, word_timing=WordTiming.IMPORTED))
    return t


def consistent(t: Transcript) -> None:
    assert problems(t) == []
    for segment in t.segments:
        if segment.words:
            assert [w.text for w in segment.words] == segment.text.split()


def assert_reversible(t: Transcript, op) -> ops.Change:
    """Apply *op*, then undo and redo twice, comparing with deep copies each time (Gaupol's reversion_test)."""
    before = copy.deepcopy(t)
    change = op.apply(t)
    after = copy.deepcopy(t)
    consistent(t)
    undo = change.undo
    for _ in range(2):
        redo = undo.apply(t).undo
        assert t == before
        undo = redo.apply(t).undo
        assert t == after
    return change


@pytest.fixture
def t() -> Transcript:
    return make_transcript()


# ---------------------------------------------------------------------- text
def test_set_text_realigns_words_and_keeps_marks(t):
    old = copy.deepcopy(t.segments[1])
    change = assert_reversible(t, ops.set_text(t, 1, "so we rebuilt the whole stern over [inaudible] three winters"))
    segment = t.segments[1]
    assert change.rows == (1,) and change.inserted is None and change.removed is None
    assert segment.text[segment.marks[0].start:segment.marks[0].end] == "[inaudible]"
    kept = {w.text: (w.start_ms, w.end_ms, w.confidence) for w in old.words}
    for word in segment.words:
        if word.text in ("rebuilt", "stern", "winters"):
            assert (word.start_ms, word.end_ms, word.confidence) == kept[word.text]
    whole = segment.words[segment.text.split().index("whole")]
    assert old.words[2].end_ms <= whole.start_ms <= whole.end_ms <= old.words[3].start_ms
    assert segment.original_text == old.text and segment.is_changed


def test_set_text_with_the_same_text_is_a_no_op(t):
    change = assert_reversible(t, ops.set_text(t, 0, t.segments[0].text))
    assert change.rows == ()


def test_set_text_on_a_segment_without_words_keeps_it_wordless(t):
    t.segments[2].words = []
    assert_reversible(t, ops.set_text(t, 2, "three long winters"))
    assert t.segments[2].words == []


def test_replace_spans_in_many_segments_is_one_reversible_op(t):
    text = t.segments[1].text
    at_three, at_stern = text.index("three"), text.index("stern")
    spans = [(1, at_three, at_three + 5, "four"), (2, 0, 5, "four"), (1, at_stern, at_stern + 5, "bow")]
    change = assert_reversible(t, ops.replace_spans(t, spans))
    assert change.rows == (1, 2)
    assert t.segments[1].text == "we rebuilt the bow over [inaudible] four winters"
    assert t.segments[2].text == "four winters in a cold shed"
    assert t.segments[1].text[t.segments[1].marks[0].start:t.segments[1].marks[0].end] == "[inaudible]"
    assert t.segments[0].text == "welcome aboard the drifting lantern"


def test_replace_spans_never_touches_other_segments(t):
    untouched = [(s, s.words, s.marks, s.text) for s in (t.segments[0], t.segments[3])]
    op = ops.replace_spans(t, [(1, 0, 2, "you"), (2, 0, 5, "four")])
    assert sorted(row for row, _ in op.edits) == [1, 2]
    op.apply(t)
    for segment, words, marks, text in untouched:
        assert segment.words is words and segment.marks is marks and segment.text is text


def test_replace_spans_rejects_overlaps_without_changing_anything(t):
    before = copy.deepcopy(t)
    with pytest.raises(ValueError):
        ops.replace_spans(t, [(0, 0, 7, "hi"), (0, 5, 9, "x")])
    with pytest.raises(ValueError):
        ops.replace_spans(t, [(0, 0, 999, "x")])
    assert t == before


def test_revert_to_original(t):
    ops.set_text(t, 2, "three cold winters").apply(t)
    ops.add_mark(t, 2, MarkKind.UNCLEAR, 6, 10).apply(t)
    assert t.segments[2].is_changed
    assert_reversible(t, ops.revert_to_original(t, 2))
    assert not t.segments[2].is_changed
    assert t.segments[2].words[0].start_ms == 8000


def test_a_text_edit_of_an_approved_turn_unapproves_it_in_the_same_op(t):
    ops.set_status(t, [1, 2], ReviewStatus.APPROVED, "ana", "2024-05-01T10:00:00+00:00").apply(t)
    typed = ops.set_text(t, 1, t.segments[1].text + " back")
    change = assert_reversible(t, typed)
    assert (t.segments[1].status, t.segments[1].approved_by, t.segments[1].approved_at) == (
        ReviewStatus.UNREVIEWED, "", "")
    assert change.undo.edits[0][1]["status"] is ReviewStatus.APPROVED   # its undo approves it again
    # Typing on merges into the first keystroke's undo, which already brings the approval back.
    later = ops.set_text(t, 1, t.segments[1].text + "wards").apply(t)
    assert ops.merged_undo(change.undo, later.undo) is change.undo
    ops.set_text(t, 2, "three cold winters").apply(t)
    assert t.segments[2].status is ReviewStatus.UNREVIEWED
    ops.set_status(t, 2, ReviewStatus.APPROVED, "ana").apply(t)
    assert_reversible(t, ops.revert_to_original(t, 2))                  # a revert changes the text too
    assert t.segments[2].status is ReviewStatus.UNREVIEWED
    ops.set_status(t, 2, ReviewStatus.APPROVED, "ana").apply(t)
    ops.revert_to_original(t, 2).apply(t)                                # nothing to revert: approval kept
    assert t.segments[2].status is ReviewStatus.APPROVED


def test_a_text_edit_keeps_a_flag_and_its_note(t):
    ops.set_status(t, 0, ReviewStatus.FLAGGED).apply(t)
    ops.set_note(t, 0, "name?").apply(t)
    ops.set_text(t, 0, "welcome aboard the Drifting Lantern").apply(t)
    assert t.segments[0].status is ReviewStatus.FLAGGED and t.segments[0].note == "name?"


# ---------------------------------------------------------------------- marks
def test_add_mark_over_a_selection_keeps_the_text(t):
    change = assert_reversible(t, ops.add_mark(t, 2, MarkKind.UNCLEAR, 17, 28, time_ms=9900))
    segment = t.segments[2]
    assert segment.text == "three winters in a cold shed"
    assert segment.marks == [Mark(MarkKind.UNCLEAR, 17, 28, 9900)]
    assert change.rows == (2,)


def test_add_mark_with_no_selection_inserts_the_token_at_the_caret(t):
    caret = len("welcome aboard")
    assert_reversible(t, ops.add_mark(t, 0, "inaudible", caret, caret, time_ms=777))
    segment = t.segments[0]
    assert segment.text == "welcome aboard [inaudible] the drifting lantern"
    mark = segment.marks[0]
    assert segment.text[mark.start:mark.end] == "[inaudible]" and mark.time_ms == 777
    assert [w.text for w in segment.words][2] == "[inaudible]"


def test_add_mark_at_the_end_and_in_an_empty_segment(t):
    end = len(t.segments[3].text)
    ops.add_mark(t, 3, MarkKind.INAUDIBLE, end, end, 15_000).apply(t)
    assert t.segments[3].text == "and the varnish never dried [inaudible]"
    t.segments[0].text, t.segments[0].words = "", []
    assert_reversible(t, ops.add_mark(t, 0, MarkKind.CROSSTALK, 0, 0))
    assert t.segments[0].text == "[crosstalk]" and t.segments[0].marks[0].time_ms == 0


def test_add_mark_defaults_to_the_time_of_the_word_there(t):
    ops.add_mark(t, 3, MarkKind.CROSSTALK, 4, 4).apply(t)  # caret before "the"
    assert t.segments[3].marks[0].time_ms == 12_500


def test_add_mark_over_an_existing_mark_changes_its_kind(t):
    mark = t.segments[1].marks[0]
    assert_reversible(t, ops.add_mark(t, 1, MarkKind.CROSSTALK, mark.start, mark.end, 1))
    assert [m.kind for m in t.segments[1].marks] == [MarkKind.CROSSTALK]


def test_remove_mark_takes_its_bare_token_away(t):
    mark = t.segments[1].marks[0]
    assert_reversible(t, ops.remove_mark(t, 1, mark))
    assert t.segments[1].text == "we rebuilt the stern over three winters"
    assert t.segments[1].marks == []


def test_remove_mark_over_real_words_keeps_the_words(t):
    ops.add_mark(t, 2, MarkKind.UNCLEAR, 0, 5).apply(t)
    assert_reversible(t, ops.remove_mark(t, 2, t.segments[2].marks[0]))
    assert t.segments[2].text == "three winters in a cold shed" and t.segments[2].marks == []
    with pytest.raises(ValueError):
        ops.remove_mark(t, 2, Mark(MarkKind.UNCLEAR, 0, 5))


def test_marks_survive_edits_around_them(t):
    ops.set_text(t, 1, "we rebuilt it over [inaudible] three winters").apply(t)
    ops.set_text(t, 1, "we rebuilt it over [inaudible] three long winters").apply(t)
    segment = t.segments[1]
    assert segment.text[segment.marks[0].start:segment.marks[0].end] == "[inaudible]"
    ops.set_text(t, 1, "we rebuilt it three long winters").apply(t)
    assert t.segments[1].marks == []


# ---------------------------------------------------------------------- split / merge
def test_split_at_the_caret_keeps_word_times_and_marks(t):
    original = copy.deepcopy(t.segments[1])
    caret = t.segments[1].text.index("over")
    change = assert_reversible(t, ops.split(t, 1, caret))
    left, right = t.segments[1], t.segments[2]
    assert change.rows == (1,) and change.inserted == (2, 1) and change.removed is None
    assert left.text == "we rebuilt the stern" and right.text == "over [inaudible] three winters"
    assert left.id == "s2" and right.id not in {"s1", "s2", "s3", "s4"}
    assert left.words + right.words == original.words
    assert right.start_ms == original.words[4].start_ms == left.end_ms
    assert right.end_ms == original.end_ms
    assert right.text[right.marks[0].start:right.marks[0].end] == "[inaudible]"
    assert not left.is_changed and not right.is_changed
    assert len(t.segments) == 5


def test_split_at_the_playback_position_and_inside_a_word(t):
    caret = t.segments[0].text.index("rifting")  # inside "drifting": split before it
    ops.split(t, 0, caret, at_ms=1234).apply(t)
    assert t.segments[1].text == "drifting lantern"
    assert t.segments[1].start_ms == 1234 == t.segments[0].end_ms


def test_split_ids_are_stable_across_undo_and_redo(t):
    change = ops.split(t, 0, 8).apply(t)
    new_id = t.segments[1].id
    change.undo.apply(t).undo.apply(t)
    assert t.segments[1].id == new_id


def test_split_of_an_edited_segment_splits_its_original_too(t):
    ops.set_text(t, 2, "three long winters in a cold shed").apply(t)
    assert_reversible(t, ops.split(t, 2, t.segments[2].text.index(" in ") + 1))
    assert t.segments[2].original_text == "three winters"
    assert t.segments[3].original_text == "in a cold shed" and not t.segments[3].is_changed


def test_split_refuses_an_empty_half(t):
    with pytest.raises(ValueError):
        ops.split(t, 0, 0)
    with pytest.raises(ValueError):
        ops.split(t, 0, len(t.segments[0].text))


def test_merge_with_next_joins_words_marks_and_times(t):
    first, second = copy.deepcopy(t.segments[1]), copy.deepcopy(t.segments[2])
    change = assert_reversible(t, ops.merge_with_next(t, 1))
    merged = t.segments[1]
    assert change.rows == (1,) and change.removed == (2, 1) and change.inserted is None
    assert merged.text == first.text + " " + second.text
    assert merged.words == first.words + second.words
    assert (merged.start_ms, merged.end_ms, merged.id) == (first.start_ms, second.end_ms, "s2")
    assert merged.text[merged.marks[0].start:merged.marks[0].end] == "[inaudible]"
    assert not merged.is_changed and len(t.segments) == 3


def test_merge_with_an_overlapping_next_turn_keeps_the_later_end(t):
    # A short interjection (2-4 s) inside a long answer (0-10 s): merged, the answer's end stays.
    t.segments[0].end_ms = 10_000
    t.segments[1].start_ms, t.segments[1].end_ms = 2000, 4000
    t.segments[1].words = timed(t.segments[1].text, 2000, step=200, length=150)
    assert_reversible(t, ops.merge_with_next(t, 0))
    assert (t.segments[0].start_ms, t.segments[0].end_ms) == (0, 10_000)


def test_merge_takes_the_earlier_start_of_the_two(t):
    t.segments[0].start_ms, t.segments[1].start_ms = 500, 100   # the next turn starts first (an edited start)
    ops.merge_with_next(t, 0).apply(t)
    assert (t.segments[0].start_ms, t.segments[0].end_ms) == (100, 6900)


def test_split_then_merge_gives_back_the_segment(t):
    before = copy.deepcopy(t.segments[1])
    ops.split(t, 1, 11).apply(t)
    ops.merge_with_next(t, 1).apply(t)
    assert t.segments[1] == before


def test_merge_review_status_and_wordless_half(t):
    ops.set_status(t, 0, ReviewStatus.APPROVED, "ana", "2024-01-01T00:00:00+00:00").apply(t)
    t.segments[1].words = []
    assert_reversible(t, ops.merge_with_next(t, 0))
    merged = t.segments[0]
    assert merged.status == ReviewStatus.UNREVIEWED and merged.approved_by == ""
    assert [w.text for w in merged.words] == merged.text.split()
    assert merged.word_timing == WordTiming.ESTIMATED
    with pytest.raises(ValueError):
        ops.merge_with_next(t, len(t.segments) - 1)


# ---------------------------------------------------------------------- times
def test_set_start_moves_the_previous_end_along(t):
    change = assert_reversible(t, ops.set_start(t, 2, 6000))  # into the previous turn
    assert t.segments[2].start_ms == 6000 and t.segments[1].end_ms == 6000
    assert change.rows == (1, 2)


def test_set_start_leaves_a_gap_before_it_alone(t):
    ops.set_start(t, 2, 7500).apply(t)
    assert t.segments[2].start_ms == 7500 and t.segments[1].end_ms == 6900


def test_set_start_is_clamped_between_neighbours(t):
    ops.set_start(t, 2, 1000).apply(t)
    assert t.segments[2].start_ms == 3000  # not before the previous start
    consistent(t)


def test_a_start_at_or_past_the_turns_end_is_refused_saying_why(t):
    end = t.segments[2].end_ms
    for ms in (end, 99_000):
        with pytest.raises(ValueError, match=r"Turn 3 ends at 00:10\.900: set its end first to start it at"):
            ops.set_start(t, 2, ms)
    assert t.segments[2].start_ms == 8000


def test_set_end_moves_the_next_start_along_and_is_reversible(t):
    change = assert_reversible(t, ops.set_end(t, 1, 9000))   # into the next turn
    assert t.segments[1].end_ms == 9000 and t.segments[2].start_ms == 9000
    assert change.rows == (1, 2)
    ops.set_end(t, 2, 11_500).apply(t)                       # a gap after it stays one
    assert t.segments[2].end_ms == 11_500 and t.segments[3].start_ms == 12_000
    ops.set_end(t, 2, 99_000).apply(t)                       # never past the next turn's end
    assert t.segments[2].end_ms == t.segments[3].end_ms == 14_400
    consistent(t)


def test_an_end_at_or_before_the_turns_start_is_refused_saying_why(t):
    with pytest.raises(ValueError, match=r"Turn 2 starts at 00:03: set its start first to end it at 00:02$"):
        ops.set_end(t, 1, 2000)


def test_a_time_set_to_what_it_is_changes_nothing(t):
    assert not ops.set_start(t, 2, 8000).edits and not ops.set_end(t, 2, t.segments[2].end_ms).edits


# ---------------------------------------------------------------------- shifting every time
def test_shift_moves_turns_words_marks_and_chapters_as_one_reversible_op(t):
    t.chapters = [Chapter(0, "Cold open"), Chapter(8000, "The shed")]
    before = copy.deepcopy(t)
    shift = ops.shift_times(t, 15_000)
    assert (shift.turns, shift.clamped, shift.chapters) == (4, 0, 2)
    assert_reversible(t, shift.op)
    for old, new in zip(before.segments, t.segments, strict=True):
        assert (new.start_ms, new.end_ms) == (old.start_ms + 15_000, old.end_ms + 15_000)
        assert [w.start_ms for w in new.words] == [w.start_ms + 15_000 for w in old.words]
        assert [m.time_ms for m in new.marks] == [m.time_ms + 15_000 for m in old.marks]
    assert [c.start_ms for c in t.chapters] == [15_000, 23_000]


def test_shift_earlier_clamps_at_zero_and_counts_the_turns_it_clamped(t):
    shift = ops.shift_times(t, -4000)
    shift.op.apply(t)
    assert shift.clamped == 2                                # 0:00 and 0:03 would start before 0:00
    assert [s.start_ms for s in t.segments] == [0, 0, 4000, 8000]
    assert t.segments[0].words[0].start_ms == 0 and t.segments[1].words[-1].end_ms == 2900
    consistent(t)


def test_shift_from_a_turn_on_trims_the_turn_before_and_never_passes_its_start(t):
    t.chapters = [Chapter(0, "Cold open"), Chapter(8000, "The shed")]
    shift = ops.shift_times(t, -2000, first=2)
    assert_reversible(t, shift.op)
    assert [s.start_ms for s in t.segments] == [0, 3000, 6000, 10_000]
    assert t.segments[1].end_ms == 6000                      # it ran to 6900: now to where turn 3 starts
    assert [c.start_ms for c in t.chapters] == [0, 6000] and shift.chapters == 1
    with pytest.raises(ValueError, match=r"Turn 3 would start at .* before turn 2 .* at most 3 s earlier"):
        ops.shift_times(t, -4000, first=2)


def test_shift_of_deferred_words_makes_none_until_read():
    t = make_transcript()
    words = t.segments[0].words
    defer_words(t.segments[0], list, words)
    ops.shift_times(t, 1000).op.apply(t)
    assert is_recipe(t.segments[0].stored_words)
    assert [w.start_ms for w in t.segments[0].words] == [w.start_ms + 1000 for w in words]


def test_set_bounds_never_overlaps_the_neighbours(t):
    assert_reversible(t, ops.set_bounds(t, 2, 5000, 20_000))
    assert (t.segments[2].start_ms, t.segments[2].end_ms) == (t.segments[1].end_ms, 12_000)
    with pytest.raises(ValueError):
        ops.set_bounds(t, 2, 9000, 8000)


# ---------------------------------------------------------------------- review
def test_set_status_records_who_and_when(t):
    change = assert_reversible(t, ops.set_status(t, [0, 2], ReviewStatus.APPROVED, "ana", "2024-05-01T10:00:00+00:00"))
    assert change.rows == (0, 2)
    assert t.segments[2].approved_by == "ana" and t.segments[2].approved_at.startswith("2024-05-01")
    ops.set_status(t, 2, "flagged").apply(t)
    assert t.segments[2].status == ReviewStatus.FLAGGED and t.segments[2].approved_by == ""


def test_set_status_leaves_segments_that_already_have_it(t):
    ops.set_status(t, 1, ReviewStatus.APPROVED, "ana", "2024-05-01T10:00:00+00:00").apply(t)
    again = ops.set_status(t, 1, ReviewStatus.APPROVED, "bo", "2024-06-01T10:00:00+00:00")
    assert again.edits == ()                                   # approving it again is no edit
    both = ops.set_status(t, [0, 1], ReviewStatus.APPROVED, "bo", "2024-06-01T10:00:00+00:00")
    assert [row for row, _ in both.edits] == [0]
    both.apply(t)
    assert (t.segments[1].approved_by, t.segments[1].approved_at) == ("ana", "2024-05-01T10:00:00+00:00")
    assert ops.set_status(t, 2, ReviewStatus.UNREVIEWED).edits == ()


def test_set_status_defaults_to_now(t):
    ops.set_status(t, 1, ReviewStatus.APPROVED, "ana").apply(t)
    assert t.segments[1].approved_at.endswith("+00:00")


def test_set_note(t):
    assert_reversible(t, ops.set_note(t, 3, "check the boat's name"))
    assert t.segments[3].note == "check the boat's name"


# ---------------------------------------------------------------------- speakers
def test_set_speaker(t):
    assert_reversible(t, ops.set_speaker(t, 0, "spk2"))
    assert t.segments[0].speaker_id == "spk2"
    with pytest.raises(ValueError):
        ops.set_speaker(t, 0, "nobody")


def test_rename_speaker_everywhere_in_one_step(t):
    speakers = t.speakers
    change = assert_reversible(t, ops.rename_speaker(t, "spk1", "Rhona Vellacott"))
    assert change.speakers and change.rows == (0, 2)
    assert t.speaker_name("spk1") == "Rhona Vellacott"
    assert t.speakers is speakers and list(t.speakers) == ["spk1", "spk2"]


def test_add_speaker(t):
    op = ops.add_speaker(t, "Guest Host")
    new_id = op.speakers[-1].id
    change = assert_reversible(t, op)
    assert change.speakers and change.rows == ()
    assert t.speakers[new_id].name == "Guest Host" and list(t.speakers)[-1] == new_id
    with pytest.raises(ValueError):
        ops.add_speaker(t, "  ")


def test_merge_speakers(t):
    change = assert_reversible(t, ops.merge_speakers(t, "spk2", "spk1"))
    assert list(t.speakers) == ["spk1"]
    assert {s.speaker_id for s in t.segments} == {"spk1"}
    assert change.speakers


# ---------------------------------------------------------------------- protocol
class Recorder:
    def __init__(self, t: Transcript):
        self.t = t
        self.events: list[tuple] = []

    def about_to_apply(self, op) -> None:
        self.events.append(("about", len(self.t.segments), op.inserted, op.removed))

    def applied(self, change: ops.Change) -> None:
        self.events.append(("applied", len(self.t.segments), change.inserted, change.removed))


def test_run_announces_row_changes_before_they_happen(t):
    recorder = Recorder(t)
    undo = ops.run(t, ops.split(t, 0, 8), recorder)
    assert recorder.events == [("about", 4, (1, 1), None), ("applied", 5, (1, 1), None)]
    ops.run(t, undo, recorder)
    assert recorder.events[2:] == [("about", 5, None, (1, 1)), ("applied", 4, None, (1, 1))]
    assert t == make_transcript()


def test_run_takes_groups_apart_for_the_listener(t):
    recorder = Recorder(t)
    undo = ops.run(t, ops.merge_speakers(t, "spk2", "spk1"), recorder)
    assert [e[0] for e in recorder.events] == ["about", "applied", "about", "applied"]
    ops.run(t, undo)
    assert t == make_transcript()


def test_merged_undo_of_typing_is_the_first_undo(t):
    before = copy.deepcopy(t)
    undo = None
    for text in ("welcome aboard the drifting lantern,", "welcome aboard the drifting lantern, friends"):
        step = ops.run(t, ops.set_text(t, 0, text))
        undo = step if undo is None else ops.merged_undo(undo, step)
    assert isinstance(undo, ops.SetFields)
    after = copy.deepcopy(t)
    redo = ops.run(t, undo)
    assert t == before
    ops.run(t, redo)
    assert t == after


def test_merged_undo_of_different_edits_groups_them(t):
    before = copy.deepcopy(t)
    first = ops.run(t, ops.set_text(t, 0, "ahoy"))
    second = ops.run(t, ops.split(t, 1, 3))
    merged = ops.merged_undo(first, second)
    assert isinstance(merged, ops.Group)
    ops.run(t, merged)
    assert t == before


def test_change_row_ranges():
    change = ops.Change(ops.SetFields(()), rows=(1, 2, 3, 7, 9, 10))
    assert change.row_ranges() == [(1, 3), (7, 7), (9, 10)]


def test_planners_reject_rows_that_do_not_exist(t):
    with pytest.raises(ValueError):
        ops.set_text(t, 4, "x")
    with pytest.raises(ValueError):
        ops.set_status(t, [0, -1], ReviewStatus.APPROVED)
