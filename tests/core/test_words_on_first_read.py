"""A caption file's turns get their words when they are first read, and then behave as any list."""

import copy
import dataclasses
import pickle
import threading

from editor.core import ops
from editor.core.transcript import Segment, Transcript, Word, defer_words
from editor.core.words import spread
from editor.formats import read_text
from editor.session.snapshot_capture import capture

# Two speakers, three cues each: two merged turns whose words come from their cues' spans.
SRT = "\n\n".join(
    f"{n}\n00:00:{2 * n - 2:02d},000 --> 00:00:{2 * n:02d},000\n{text}"
    for n, text in enumerate(["Ana: Good morning and welcome.", "Today the harbour master joins us", "to talk.",
                              "Tom: Thanks for having me.", "The pier opens", "in June."], 1)) + "\n"


def _turns() -> Transcript:
    return read_text(SRT, "episode.srt").transcript


def _stored(segment: Segment):
    return Segment.stored_words.__get__(segment)   # type: ignore[attr-defined]


def test_merged_turns_keep_their_words_as_a_recipe_until_read():
    transcript = _turns()
    assert len(transcript.segments) == 2
    assert all(not isinstance(_stored(s), list) for s in transcript.segments)
    first = transcript.segments[0]
    expected = (spread(["Good", "morning", "and", "welcome."], 0, 2000)
                + spread(["Today", "the", "harbour", "master", "joins", "us"], 2000, 4000)
                + spread(["to", "talk."], 4000, 6000))
    assert first.words == expected                 # made now, each cue's words over its own span
    assert isinstance(_stored(first), list)
    assert first.words is first.words               # made once
    assert not isinstance(_stored(transcript.segments[1]), list)   # the other turn was not touched


def test_a_segment_with_a_recipe_compares_copies_and_pickles_as_one_with_its_words():
    lazy, eager = _turns().segments[1], _turns().segments[1]
    assert eager.words    # made now; the other keeps its recipe
    assert lazy == eager
    for twin in (copy.copy(_turns().segments[1]), copy.deepcopy(_turns().segments[1]),
                 dataclasses.replace(_turns().segments[1]), pickle.loads(pickle.dumps(_turns().segments[1]))):
        assert twin.words == eager.words
        assert twin == eager


def test_assigning_words_replaces_the_recipe():
    segment = _turns().segments[0]
    segment.words = [Word("Hello", 0, 500)]
    assert segment.words == [Word("Hello", 0, 500)]


def test_an_edit_of_a_turn_whose_words_were_never_read_keeps_the_other_words_times():
    transcript = _turns()
    ops.set_text(transcript, 1, "Thanks for having me. The pier opens in July.").apply(transcript)
    words = transcript.segments[1].words
    assert [w.text for w in words] == ["Thanks", "for", "having", "me.", "The", "pier", "opens", "in", "July."]
    assert words[0].start_ms == 6000 and words[4].start_ms == 8000   # "The" starts the second cue


def test_a_snapshot_copies_the_recipe_and_makes_the_same_words_on_its_thread():
    transcript = _turns()
    captured = capture(transcript)
    assert not isinstance(_stored(transcript.segments[0]), list)     # capturing made no words
    thawed = captured.thaw()
    assert [s.words for s in thawed.segments] == [s.words for s in transcript.segments]


def test_threads_reading_one_segment_at_once_get_the_same_list():
    segment = Segment("s1", 0, 60_000, " ".join(["word"] * 20_000))
    defer_words(segment, lambda text: spread(text.split(), 0, 60_000), segment.text)
    seen: list[list[Word]] = []
    threads = [threading.Thread(target=lambda: seen.append(segment.words)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(words is seen[0] for words in seen)


def test_a_glossary_scan_capture_makes_no_words_and_its_suggestion_is_timed_from_the_cue():
    from editor.core.glossary import Glossary, scan
    from editor.core.glossary import capture as scan_capture
    text = SRT.replace("The pier opens", "Support us on patrion")
    transcript = read_text(text, "episode.srt").transcript
    captured = scan_capture(transcript)
    assert all(not isinstance(_stored(s), list) for s in transcript.segments)   # nothing made on this thread
    glossary = Glossary()
    glossary.add("Patreon", ["patrion"])
    [found] = [s for s in scan(captured, glossary) if s.replacement == "Patreon"]
    assert (found.index, found.found) == (1, "patrion")
    assert found.time_ms == transcript.segments[1].words[7].start_ms   # "patrion", in the second cue
    assert 8000 <= found.time_ms < 10000


def test_stored_words_compare_equal_only_to_the_same_words():
    """As stored values (what an undo record and the journal hold), a recipe equals itself and the list it
    made, never another list of the same words: so lists of them compare in C, as same_words() would."""
    transcript = _turns()
    recipes = [_stored(segment) for segment in transcript.segments]
    copies = [list(segment.words) for segment in transcript.segments]     # reads them: each recipe made
    made = [_stored(segment) for segment in transcript.segments]
    assert recipes == made and made == recipes and recipes == list(recipes)
    assert recipes != copies and copies != recipes
    later = Segment("s9", 0, 1000, "one two")
    defer_words(later, spread, "one two", 0, 1000)
    assert [_stored(later)] != [spread("one two", 0, 1000)]   # not made yet: other words, as far as it can tell
    assert len({*recipes}) == len(recipes)                    # still hashable, each its own
