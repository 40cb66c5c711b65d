"""Alignment bookkeeping: tokens, unknown words, marks, failures, stale results, job planning."""

import numpy as np

from editor.align.aligner import Aligner, align_segment
from editor.align.batch import AlignResult, apply_alignment, plan_jobs
from editor.align.g2p import compound_pronunciation, letter_to_sound, pronounce
from editor.align.interpolate import interpolate
from editor.align.text import number_words, segment_tokens, spoken_words
from editor.core.transcript import Mark, MarkKind, Segment, Word, WordTiming

ARPABET = set(["AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH",
               "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V",
               "W", "Y", "Z", "ZH"])


def test_interpolate_fills_gaps_between_known_words_by_length():
    spans = interpolate(["aa", "[inaudible]", "bbbb", "cc"], [(0, 100), None, None, (500, 600)], 0, 1000)
    assert spans[0] == (0, 100) and spans[3] == (500, 600)
    assert spans[1][0] == 100 and spans[2][1] == 500
    assert spans[1][1] == spans[2][0]
    # 11 characters vs 4: the longer token gets the larger share of the 400 ms gap
    assert spans[1][1] - spans[1][0] > spans[2][1] - spans[2][0]


def test_interpolate_everything_unknown_covers_the_span_in_order():
    spans = interpolate(["one", "two", "three"], [None, None, None], 1000, 2100)
    assert spans[0][0] == 1000 and spans[-1][1] == 2100
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_spoken_words_normalises_punctuation_numbers_and_tags():
    assert spoken_words("Maya,") == ["maya"]
    assert spoken_words("42") == ["forty", "two"]
    assert spoken_words("well-known") == ["well", "known"]
    assert spoken_words("don't") == ["don't"]
    assert spoken_words("[laughs]") == []
    assert spoken_words("--") == []
    assert number_words(1905) == ["one", "thousand", "nine", "hundred", "five"]
    assert spoken_words("1905") == ["nineteen", "oh", "five"]     # a year, as said


def test_tokens_under_inaudible_marks_are_not_spoken():
    text = "we heard [inaudible] and then Quillon"
    start = text.index("[inaudible]")
    segment = Segment("s1", 0, 4000, text, marks=[Mark(MarkKind.INAUDIBLE, start, start + 11, 1200)])
    tokens = segment_tokens(segment)
    assert [t.text for t in tokens] == text.split()
    assert tokens[2].spoken == [] and tokens[5].spoken == ["quillon"]


def test_unknown_words_get_a_pronunciation_in_the_model_phone_set():
    aligner = Aligner()
    decoder_lookup = aligner.lookup
    assert decoder_lookup("marrowby") is None
    assert compound_pronunciation("marrowby", decoder_lookup) is not None  # marrow + by
    for word in ("marrowby", "zqxj", "brannagh", "okonkwo's"):
        phones = pronounce(word, decoder_lookup)
        assert phones and set(phones.split()) <= ARPABET, word
    assert set(letter_to_sound("schwartzkopf").split()) <= ARPABET
    usable, added = aligner.prepare(["the", "marrowby", "brannagh"])
    assert usable == [True, True, True] and added == ["marrowby", "brannagh"]
    assert aligner.lookup("marrowby") == pronounce("marrowby", Aligner().lookup)


def test_letters_without_a_vowel_are_no_piece_of_a_word_said_as_written():
    # The dictionary says "st" as "street": "Ofsted" (said OF-sted) was "of street ed" and a
    # recordist ended in "street"; a plural "s" at the end is still a piece.
    lookup = Aligner().in_dictionary
    assert lookup("st") and "R IY T" in lookup("st")
    assert pronounce("ofsted", lookup) == "AA F S T EH D"
    assert "R IY T" not in pronounce("recordist", lookup)
    assert pronounce("drovers", lookup) == "D R OW V ER Z"
    assert compound_pronunciation("marrowbys", lookup) == compound_pronunciation("marrowby", lookup) + " Z"


def test_failed_alignment_keeps_proportional_times_and_is_marked(speech):
    # Twenty words cannot be said in 0.4 s of audio: the grammar cannot be matched.
    words = ["the", "river", "was", "quiet", "that", "morning", "and", "we", "carried", "the", "boat", "down", "to",
             "the", "water", "every", "plank", "had", "to", "be"]
    audio, _ = speech.speak(["river"], [50], lead_ms=100)
    result = align_segment(audio[: speech.RATE * 4 // 10], words, 5000, 5400)
    assert result.timing == WordTiming.FAILED
    assert [w.text for w in result.words] == words
    assert result.words[0].start_ms == 5000 and result.words[-1].end_ms == 5400
    assert all(a.end_ms == b.start_ms for a, b in zip(result.words, result.words[1:], strict=False))


def test_segment_with_nothing_to_say_is_estimated_not_failed():
    result = align_segment(np.zeros(16000, np.int16), ["[inaudible]"], 0, 1000)
    assert result.timing == WordTiming.ESTIMATED
    assert (result.words[0].start_ms, result.words[0].end_ms) == (0, 1000)


def test_stale_result_is_not_applied_after_an_edit():
    segment = Segment("s1", 0, 1000, "hello there")
    words = [Word("hello", 0, 400), Word("there", 500, 900)]
    from editor.align.aligner import SegmentAlignment

    result = AlignResult(0, "s1", "hello there", SegmentAlignment(words, WordTiming.ALIGNED))
    segment.text = "hello where"
    assert apply_alignment(segment, result) is False
    assert segment.words == [] and segment.word_timing == WordTiming.NONE
    segment.text = "hello there"
    assert apply_alignment(segment, result) is True
    assert segment.words == words and segment.word_timing == WordTiming.ALIGNED


def test_plan_jobs_skips_untimed_and_done_segments_and_ends_at_next_start():
    segments = [
        Segment("s1", 0, None, "first turn here"),
        Segment("s2", None, None, "untimed"),
        Segment("s3", 4000, 6000, "already aligned", word_timing=WordTiming.ALIGNED,
                words=[Word("already", 4000, 4500), Word("aligned", 4600, 5000)]),
        Segment("s4", 7000, None, "last turn"),
        Segment("s5", 9000, 9500, "edited words", word_timing=WordTiming.ALIGNED,
                words=[Word("edited", 9000, 9200)]),  # words out of step with the text
    ]
    jobs = plan_jobs(segments, duration_ms=9500)
    assert [(j.segment_id, j.start_ms, j.end_ms) for j in jobs] == [
        ("s1", 0, 4000), ("s4", 7000, 9000), ("s5", 9000, 9500)]
    assert [j.segment_id for j in plan_jobs(segments, 8500, indices=[2], redo=True)] == ["s3"]


def test_last_turn_listens_on_for_the_words_its_text_is_read_as():
    # The reader guessed 2 s for two written words, but they are said as eight words
    # ("patreon dot com slash t forty two dollars"): the span runs on into the audio.
    segments = [Segment("s1", 0, 5000, "an earlier turn"), Segment("s2", 5000, 7000, "patreon.com/t $42")]
    (_, last) = plan_jobs(segments, duration_ms=60000)
    assert last.end_ms == 5000 + 8 * 800
    # Never past the audio's end.
    (_, last) = plan_jobs(segments, duration_ms=10000)
    assert last.end_ms == 10000
