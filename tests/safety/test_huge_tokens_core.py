"""A token of hundreds of kilobytes without a space: per-segment core work stays bounded."""

from __future__ import annotations

import threading

from editor.core import ops, spelling, words
from editor.core.transcript import Segment, Transcript

_HUGE = "q" * 400_000


def _finishes(work, seconds: float = 60.0):
    """Run *work* in a thread; a hang guard (generous), not a speed assertion."""
    result = []
    worker = threading.Thread(target=lambda: result.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "still running: unbounded work on one huge token"
    return result[0]


def test_no_spelling_suggestions_for_a_run_of_letters_longer_than_any_word():
    speller = spelling.Speller()
    assert _finishes(lambda: speller.suggestions(_HUGE)) == []
    assert _finishes(lambda: speller.suggestions("q" * (spelling.MAX_WORD_CHARS + 1))) == []


def test_a_huge_token_is_not_flagged_as_a_misspelling_but_words_around_it_are():
    speller = spelling.Speller()
    found = _finishes(lambda: speller.unknown_words(f"hello {_HUGE} wrold"))
    assert [m.word for m in found] == ["wrold"]


def test_word_estimation_and_editing_a_segment_with_a_huge_token():
    segment = Segment("s1", 0, 10_000, f"hello {_HUGE} world", None)
    estimated = _finishes(lambda: words.estimate_words(segment))
    assert [len(w.text) for w in estimated] == [5, len(_HUGE), 5]
    transcript = Transcript(segments=[segment])
    _finishes(lambda: ops.run(transcript, ops.set_text(transcript, 0, segment.text + " more")))
    assert transcript.segments[0].text.endswith("world more")
