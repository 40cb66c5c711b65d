"""A run-on turn (a whole episode as one paragraph) cut into parts a producer can edit: where the
cuts fall, the one-op split of a timed turn, and the plain-text reader cutting a pasted episode."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_ops import assert_reversible  # noqa: E402

from editor.core import ops  # noqa: E402
from editor.core.long_text import LONG_PARAGRAPH, PART_CHARS, part_starts  # noqa: E402
from editor.core.transcript import Mark, MarkKind, Segment, Speaker, Transcript, Word, WordTiming  # noqa: E402
from editor.formats.readers.plain_text import PlainTextReader  # noqa: E402

_SENTENCE = "The ferry left the quay at dawn and nobody on board said a word. "


def _parts(text: str, max_chars: int = PART_CHARS) -> list[str]:
    bounds = [0, *part_starts(text, max_chars), len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def test_parts_end_between_sentences_and_hold_at_most_the_limit():
    text = _SENTENCE * 200
    parts = _parts(text)
    assert "".join(parts) == text
    assert all(len(p.strip()) <= PART_CHARS for p in parts)
    assert all(p.strip().endswith("a word.") for p in parts)
    assert len(parts) == -(-len(text) // (PART_CHARS // len(_SENTENCE) * len(_SENTENCE)))


def test_with_no_sentences_parts_end_between_words():
    text = " ".join(["tide", "harbour", "net", "gull", "rope"] * 3000)
    starts = part_starts(text)
    assert starts and all(text[s - 1] == " " and text[s] != " " for s in starts)
    assert all(len(p.strip()) <= PART_CHARS for p in _parts(text))


def test_a_short_text_is_not_cut_and_a_run_with_no_space_is_cut_hard_at_the_limit():
    assert part_starts(_SENTENCE * 3) == []
    assert part_starts("x" * 5000) == [1500, 3000, 4500]
    assert part_starts("x" * 5000 + " tail", 1500) == [1500, 3000, 4500]


def test_japanese_sentences_end_at_full_width_stops_with_no_space_after_them():
    sentences = ["今日は港の話をします。", "船は夜明けに出ました！",
                 "誰も何も言いませんでしたか？", "「はい」と答えた．"]
    text = "".join(sentences) * 300
    parts = _parts(text)
    assert "".join(parts) == text and len(parts) > 3
    assert all(len(p) <= PART_CHARS for p in parts)
    assert all(p[-1] in "。！？．" for p in parts[:-1])     # never inside a sentence
    assert all(len(p) > PART_CHARS // 2 for p in parts[:-1])


def test_a_marker_at_the_limit_is_kept_whole_when_cutting_hard():
    marker = "[inaudible 00:12:03]"
    text = "あ" * 1490 + marker + "い" * 3000
    at = text.index(marker)
    starts = part_starts(text, keep_whole=[(at, at + len(marker))])
    assert starts[0] == at and all(s <= at or s >= at + len(marker) for s in starts)
    assert all(b - a <= PART_CHARS for a, b in zip([0, *starts], [*starts, len(text)], strict=False))


@pytest.mark.parametrize("extra", ["\u0301", "\u0301\u0323", "\u200d\U0001F466", "\ufe0f"])
def test_a_hard_cut_keeps_a_combining_mark_or_joiner_with_its_character(extra):
    text = "e" * 1499 + "e" + extra + "f" * 3000       # the accent (or joined emoji) right at the limit
    first = part_starts(text)[0]
    assert first == 1499 and text[first:first + 1 + len(extra)] == "e" + extra


@pytest.fixture
def long_timed() -> Transcript:
    """One timed turn of 60 sentences (~4,000 characters), every word timed, an inaudible mark inside."""
    text = (_SENTENCE * 60).strip()
    tokens = text.split()
    words = [Word(w, 10_000 + i * 300, 10_000 + i * 300 + 250, 0.9) for i, w in enumerate(tokens)]
    at = text.index("nobody", 2000)
    segment = Segment("s1", 10_000, 10_000 + len(tokens) * 300, text, "a", words=words,
                      marks=[Mark(MarkKind.INAUDIBLE, at, at + len("nobody"), None)],
                      word_timing=WordTiming.IMPORTED)
    return Transcript(speakers={"a": Speaker("a", "Noor Aziz")}, segments=[segment])


def test_split_into_parts_is_one_reversible_op_keeping_words_times_and_marks(long_timed):
    before = copy.deepcopy(long_timed.segments[0])
    assert_reversible(long_timed, ops.split_into_parts(long_timed, 0, 1000))
    parts = long_timed.segments
    assert len(parts) >= 4 and all(len(p.text) <= 1000 for p in parts)
    assert " ".join(p.text for p in parts) == before.text
    assert [w for p in parts for w in p.words] == before.words
    assert parts[0].id == "s1" and len({p.id for p in parts}) == len(parts)
    assert parts[0].start_ms == before.start_ms and parts[-1].end_ms == before.end_ms
    for left, right in zip(parts, parts[1:], strict=False):
        assert left.end_ms == right.start_ms == right.words[0].start_ms
    marked = [(p, m) for p in parts for m in p.marks]
    assert len(marked) == 1 and marked[0][0].text[marked[0][1].start:marked[0][1].end] == "nobody"
    assert not any(p.is_changed for p in parts)


def test_split_into_parts_of_an_edited_turn_cuts_its_original_too(long_timed):
    original = long_timed.segments[0].text
    ops.set_text(long_timed, 0, "Hello. " + original).apply(long_timed)
    ops.split_into_parts(long_timed, 0, 1000).apply(long_timed)
    assert " ".join(p.original_text for p in long_timed.segments if p.original_text) == original
    assert long_timed.segments[0].is_changed and not long_timed.segments[-1].is_changed


def test_split_into_parts_after_text_added_before_gives_each_part_its_own_original(long_timed):
    """Parts made of text the producer added have no original; the parts after them keep the
    recognizer's text that matches theirs (reverting a part gives back that part, never another's)."""
    original = long_timed.segments[0].text
    added = " ".join(["Hello there."] * 90)      # longer than a part: the first parts are all new text
    ops.set_text(long_timed, 0, f"{added} {original}").apply(long_timed)
    ops.split_into_parts(long_timed, 0, 1000).apply(long_timed)
    parts = long_timed.segments
    assert " ".join(p.original_text for p in parts if p.original_text) == original
    assert parts[0].original_text == "" and "ferry" not in parts[0].original_text
    assert not parts[-1].is_changed and not parts[-2].is_changed


def test_split_into_parts_refuses_a_turn_short_enough(long_timed):
    with pytest.raises(ValueError):
        ops.split_into_parts(long_timed, 0, 100_000)


def test_plain_text_pasted_as_one_paragraph_reads_as_turns_with_a_warning():
    text = "Notes for the producer.\n\n" + _SENTENCE * 400 + "\n\nThanks for listening.\n"
    result = PlainTextReader().read(text)
    segments = result.transcript.segments
    assert segments[0].text == "Notes for the producer." and segments[-1].text == "Thanks for listening."
    middle = segments[1:-1]
    assert len(middle) > 10 and all(len(s.text) <= PART_CHARS for s in middle)
    assert " ".join(s.text for s in middle) == (_SENTENCE * 400).strip()
    assert any("paragraph at line 3" in w and f"{len(middle)} turns" in w for w in result.warnings)


def test_a_japanese_paragraph_pasted_as_one_reads_as_turns_between_sentences():
    text = "".join(f"第{i}回の放送では港と船の話を長い時間しました。" for i in range(3000))
    result = PlainTextReader().read(text + "\n")
    segments = result.transcript.segments
    assert len(segments) > 20 and all(len(s.text) <= PART_CHARS and s.text.endswith("。") for s in segments)
    assert "".join(s.text for s in segments) == text
    assert any(f"{len(segments)} turns" in w for w in result.warnings)


def test_plain_text_paragraphs_of_ordinary_length_stay_whole():
    paragraph = (_SENTENCE * (LONG_PARAGRAPH // len(_SENTENCE))).strip()
    result = PlainTextReader().read(paragraph + "\n\n" + "A second one.\n")
    assert [s.text for s in result.transcript.segments] == [paragraph, "A second one."]
    assert not any("too long" in w for w in result.warnings)


@pytest.mark.parametrize("glue", [" ", " oar oar oar oar oar oar"])   # the second: markers cut, glued to "oar"
def test_plain_text_cut_into_turns_never_cuts_a_marker_in_two(glue):
    """A recognizer with no punctuation gives no sentences: parts end after a word, and a marker with a
    time in it ("[inaudible 00:12:03]") is two words that must stay one marker, never literal text
    (nor cut from the word it is written onto)."""
    chunk = " ".join(["we went down to the harbour and looked at the boats"] * 3) + f"{glue}[inaudible 00:12:03] "
    text = (chunk * 120).strip()
    segments = PlainTextReader().read(text).transcript.segments
    assert len(segments) > 10
    assert sum(len(s.marks) for s in segments) == 120
    assert not any("00:12:03" in s.text for s in segments)
    assert all(m.time_ms == 723_000 for s in segments for m in s.marks)
    expected = " ".join((chunk.replace("[inaudible 00:12:03]", "[inaudible]") * 120).split())
    assert " ".join(s.text for s in segments) == expected


def test_a_turn_with_no_space_is_split_hard_and_refusals_name_the_turn_by_number():
    """A run of text with no spaces (a pasted blob, a language written without them) is cut at the
    limit; a turn short enough says so by its number as the producer sees it, never an internal id."""
    turn = Segment("s1", 0, 60_000, "x" * 150_000, "a", words=[Word("x" * 150_000, 0, 60_000, 0.9)])
    short = Segment("s7", 60_000, 61_000, "Fine.", "a")
    transcript = Transcript(speakers={"a": Speaker("a", "Noor Aziz")}, segments=[turn, short])
    assert_reversible(transcript, ops.split_into_parts(transcript, 0))
    parts = transcript.segments[:-1]
    assert len(parts) == 100 and all(len(p.text) == PART_CHARS for p in parts)
    assert [p.start_ms for p in parts] == sorted(p.start_ms for p in parts)
    with pytest.raises(ValueError) as refused:
        ops.split_into_parts(transcript, len(transcript.segments) - 1)
    assert str(refused.value).startswith("turn 101:") and "s7" not in str(refused.value)


@pytest.mark.parametrize(("start_ms", "end_ms", "spoken"), [
    (6_000, 30_000, (6_000, 30_000)),     # timed: shared between its own start and end
    (6_000, None, (6_000, 50_000)),       # a start alone: up to the next word
    (6_000, 4_000, (6_000, 50_000)),      # an end before the start: the same
])
def test_a_timed_word_cut_hard_shares_its_time_between_the_pieces_by_length_and_is_counted(start_ms, end_ms,
                                                                                          spoken):
    """A word with no space to cut at, cut across parts: each piece gets its share by length of the
    time the word is spoken in (a start alone or an end before it: up to the next word), every part
    keeps a start, and the op says how many words it cut so the producer can be told."""
    run = "x" * 150_000
    words = [Word("Intro", 5_000, 6_000, 0.9), Word(run, start_ms, end_ms, 0.9), Word("done.", 50_000, 51_000, 0.9)]
    turn = Segment("s1", 5_000, 60_000, f"Intro {run} done.", "a", words=words, word_timing=WordTiming.IMPORTED)
    transcript = Transcript(speakers={"a": Speaker("a", "Noor Aziz")}, segments=[turn])
    op = ops.split_into_parts(transcript, 0)
    assert op.words_cut == 1
    pieces = [w for part in op.segments for w in part.words if set(w.text) == {"x"}]
    assert "".join(p.text for p in pieces) == run and len(pieces) > 2
    assert pieces[0].start_ms == spoken[0] and pieces[-1].end_ms == spoken[1]
    for piece, after in zip(pieces, pieces[1:], strict=False):
        assert piece.start_ms < piece.end_ms == after.start_ms      # one after the other, none an instant
    starts = [part.start_ms for part in op.segments]
    assert None not in starts and starts == sorted(starts)
    assert all(part.start_ms == part.words[0].start_ms for part in op.segments[1:])
    assert_reversible(transcript, op)


def test_an_untimed_word_cut_hard_leaves_each_part_its_share_of_the_turns_time_and_is_not_counted():
    run = "x" * 150_000
    turn = Segment("s1", 0, 60_000, run, "a", words=[Word(run, None, None, 0.9)], word_timing=WordTiming.IMPORTED)
    transcript = Transcript(speakers={"a": Speaker("a", "Noor Aziz")}, segments=[turn])
    op = ops.split_into_parts(transcript, 0)
    assert op.words_cut == 0
    starts = [part.start_ms for part in op.segments]
    assert None not in starts and starts == sorted(starts) and starts[1] == 600    # 1,500 of 150,000 characters


def test_the_op_tells_what_it_made_the_parts_those_still_too_long_and_the_words_cut():
    """What the window tells the producer after Split into Parts comes from the op's outcome, not
    from its fields: how many parts, how many are still longer than a limit, how many words were cut."""
    run = "x" * 150_000
    words = [Word("Intro", 5_000, 6_000, 0.9), Word(run, 6_000, 30_000, 0.9)]
    turn = Segment("s1", 5_000, 60_000, f"Intro {run}", "a", words=words, word_timing=WordTiming.IMPORTED)
    transcript = Transcript(speakers={"a": Speaker("a", "Noor Aziz")}, segments=[turn])
    made = ops.split_into_parts(transcript, 0).outcome()
    assert made.parts == 101 and sum(made.part_lengths) == len(turn.text) - 1      # the space cut at
    assert made.longer_than(PART_CHARS) == 0 and made.longer_than(PART_CHARS - 1) == 100
    assert made.words_cut == 1
