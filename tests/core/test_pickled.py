"""editor.core.pickled: a transcript sent to another process arrives the same, its words not made on the way."""

from editor.core import pickled
from editor.core.transcript import Chapter, Mark, MarkKind, ReviewStatus, Segment, Word, WordTiming, is_recipe
from editor.formats import read_text
from editor.formats.base import ReadResult

SRT = "\n\n".join(
    f"{n}\n00:00:{2 * n - 2:02d},000 --> 00:00:{2 * n:02d},000\n{text}"
    for n, text in enumerate(["Ana: Good morning and [inaudible] welcome.", "Today the harbour master joins us",
                              "to talk.", "Tom: Thanks for having me.", "The pier opens", "in June."], 1)) + "\n"


def _stored(segment: Segment):
    return Segment.stored_words.__get__(segment)   # type: ignore[attr-defined]


def test_a_read_caption_file_arrives_equal_with_its_turns_words_still_a_recipe():
    sent = read_text(SRT, "episode.srt")
    arrived = pickled.loads(pickled.dumps(sent))
    assert isinstance(arrived, ReadResult)
    assert all(is_recipe(_stored(s)) for s in arrived.transcript.segments)   # not made on the way
    assert all(is_recipe(_stored(s)) for s in sent.transcript.segments)      # nor on the sending side
    assert (arrived.format, arrived.warnings, arrived.merged_cues, arrived.finished_subtitles) == \
        (sent.format, sent.warnings, sent.merged_cues, sent.finished_subtitles)
    assert arrived.transcript.segments[0].marks == [Mark(MarkKind.INAUDIBLE, 17, 28, 0)]
    assert arrived.transcript == sent.transcript   # words made on both sides now, and equal


def test_every_stored_field_arrives_as_it_was():
    words = [Word("Hello", 0, 400, 0.9), Word("there.", 400, 900)]
    edited = Segment("s1", 0, 900, "Hello there.", "spk1", words=words, status=ReviewStatus.APPROVED,
                     note="check", approved_by="me", approved_at="2026-01-01T00:00:00Z",
                     word_timing=WordTiming.ALIGNED)
    edited.original_text, edited.original_marks = None, None   # as a caller may leave them
    made = read_text(SRT, "episode.srt").transcript.segments[1]
    assert made.words   # a recipe made into words before sending
    transcript = read_text(SRT, "episode.srt").transcript
    transcript.segments[:] = [edited, made]
    transcript.chapters.append(Chapter(0, "Intro", "https://example.org"))
    arrived = pickled.loads(pickled.dumps(transcript))
    first, second = arrived.segments
    assert [getattr(first, name) for name in Segment.__slots__] == \
        [getattr(edited, name) for name in Segment.__slots__]
    assert first.original_text is None and first.original_marks is None
    assert isinstance(_stored(second), list) and second.words == made.words
    assert arrived.chapters == transcript.chapters and arrived.speakers == transcript.speakers
