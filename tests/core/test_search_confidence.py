"""Low-confidence words: listing and stepping through them, forwards, backwards and round."""

from __future__ import annotations

import pytest

from editor.core.confidence import low_confidence_words, next_low_confidence
from editor.core.transcript import Segment, Transcript, Word


@pytest.fixture()
def episode() -> Transcript:
    def seg(n, text, confs, start):
        words = [Word(w, None if c == "u" else start + i * 500, None, None if c in ("n", "u") else c)
                 for i, (w, c) in enumerate(zip(text.split(), confs, strict=False))]
        for w, c in zip(words, confs, strict=False):
            if c == "u":
                w.confidence = 0.2
        return Segment(f"s{n}", start, start + 4000, text, words=words)
    return Transcript(segments=[
        seg(1, "Rolf Breck sails tonight", [0.99, 0.31, 0.9, 0.45], 0),
        seg(2, "nothing doubtful here", [0.9, 0.8, 0.95], 5000),
        Segment("s3", 10_000, 12_000, "no word data at all"),
        seg(4, "the kofundo link [inaudible]", [0.9, "u", 0.7, "n"], 15_000),
    ])


def test_lists_low_words_with_offsets_and_times(episode):
    low = list(low_confidence_words(episode, 0.5))
    assert [(w.index, w.text, w.time_ms) for w in low] == [
        (0, "Breck", 500), (0, "tonight", 1500), (3, "kofundo", 15_000)]
    first = low[0]
    assert episode.segments[0].text[first.start:first.end] == "Breck"
    assert [w.text for w in low_confidence_words(episode, 0.35)] == ["Breck", "kofundo"]


def test_next_forward_backward_and_wrap(episode):
    hit = next_low_confidence(episode, 0, -1, 0.5)
    assert (hit.index, hit.word) == (0, 1)
    hit = next_low_confidence(episode, hit.index, hit.word, 0.5)
    assert (hit.index, hit.word) == (0, 3)
    hit = next_low_confidence(episode, hit.index, hit.word, 0.5)
    assert (hit.index, hit.word) == (3, 1)
    wrapped = next_low_confidence(episode, 3, 1, 0.5)
    assert (wrapped.index, wrapped.word) == (0, 1)
    assert next_low_confidence(episode, 3, 1, 0.5, wrap=False) is None
    back = next_low_confidence(episode, 3, 1, 0.5, backwards=True)
    assert (back.index, back.word) == (0, 3)
    back = next_low_confidence(episode, 0, 1, 0.5, backwards=True)
    assert (back.index, back.word) == (3, 1)


def test_only_one_low_word_wraps_to_itself_and_none_when_clean():
    t = Transcript(segments=[Segment("s1", 0, 1000, "just one doubt", words=[
        Word("just", 0, 100, 0.9), Word("one", 100, 200, 0.2), Word("doubt", 200, 300, 0.9)])])
    hit = next_low_confidence(t, 0, 1, 0.5)
    assert (hit.index, hit.word) == (0, 1)
    assert next_low_confidence(t, 0, -1, 0.1) is None
    assert next_low_confidence(Transcript(), 0, 0) is None


def test_words_out_of_step_with_text_give_no_offsets(episode):
    episode.segments[0].text = "Rolf Breck sails tonight again"
    low = list(low_confidence_words(episode, 0.5))
    assert low[0].start == -1 and low[0].time_ms == 500
