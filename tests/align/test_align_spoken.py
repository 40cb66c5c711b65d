"""Text read aloud: what the aligner listens for, and real alignment of such speech.

The speech is espeak-ng reading the *spoken* form one word at a time (so every word's
true start is known); the segment holds the *written* form, as a transcript would.
"""

import random

import numpy as np
import pytest

from editor.align.aligner import align_segment
from editor.align.text import segment_tokens, spoken_words
from editor.core.transcript import Segment, WordTiming


@pytest.mark.parametrize("written, said", [
    ("patrion.com/t", "patrion dot com slash t."),
    ("https://www.example.org/show", "w. w. w. dot example dot org slash show"),
    ("maya@tidewater.fm", "maya at tidewater dot f. m."),
    ("millpond.coop", "millpond dot co op"), ("ferrylane.pub/quiz", "ferrylane dot pub slash quiz"),
    ("TSMH", "t. s. m. h."), ("FBI", "f. b. i."), ("HTML", "h. t. m. l."), ("NASA", "nasa"),
    ("S", "s."), ("I", "i"), ("a", "a"), ("CEOs", "c. e. o's"),
    ("1999", "nineteen ninety nine"), ("2024", "twenty twenty four"), ("2005", "two thousand five"),
    ("1,250", "one thousand two hundred fifty"), ("3.5", "three point five"), ("007", "oh oh seven"),
    ("21st", "twenty first"), ("3rd,", "third"), ("1990s", "nineteen nineties"), ("'90s", "nineties"),
    ("$5", "five dollars"), ("$1", "one dollar"), ("$3.50", "three dollars fifty cents"),
    ("€20", "twenty euros"), ("$2M", "two million dollars"), ("50%", "fifty percent"),
    ("10:30", "ten thirty"), ("9:05", "nine oh five"), ("5pm", "five p. m."),
    ("&", "and"), ("AT&T", "a. t. and t."), ("#1", "number one"),
    ("Dr.", "doctor"), ("Mr.", "mister"), ("vs.", "versus"), ("etc.", "et cetera"), ("e.g.,", "for example"),
    ("St", "st"), ("St.", "st"),
    ("well-known", "well known"), ("Maya,", "maya"), ("don't", "don't"), ("[laughs]", ""), ("--", ""),
])
def test_written_tokens_become_the_words_said(written, said):
    assert spoken_words(written) == said.split()


def test_currency_word_moves_after_a_following_scale_word():
    tokens = segment_tokens(Segment("s1", 0, 1000, "raised $2.5 million today"))
    assert [t.spoken for t in tokens] == [["raised"], ["two", "point", "five"], ["million", "dollars"], ["today"]]


def _speak(speech, pairs, seed, gaps=(60, 260)):
    """Audio of the spoken forms, the written text, and each written token's true start."""
    rng = random.Random(seed)
    spoken = [w for _, said in pairs for w in said.split()]
    audio, truth = speech.speak(spoken, [rng.randint(*gaps) for _ in spoken], lead_ms=300)
    starts, at = [], 0
    for _, said in pairs:
        starts.append(truth[at].start_ms)
        at += len(said.split())
    return audio, " ".join(written for written, _ in pairs), starts, truth[-1].end_ms


# The words espeak reads (spoken form) for each written token; letters as espeak says "t".
URL_TURN = [("you", "you"), ("can", "can"), ("find", "find"), ("us", "us"), ("at", "at"),
            ("patrion.com/t", "patrion dot com slash t"), ("S", "s"), ("M", "m"), ("H", "h"),
            ("or", "or"), ("write", "write"), ("to", "to"), ("maya@tidewater.fm", "maya at tidewater dot f. m.")]
NUMBER_TURN = [("in", "in"), ("1999", "nineteen ninety nine"), ("we", "we"), ("sold", "sold"),
               ("1,250", "one thousand two hundred fifty"), ("boats", "boats"), ("for", "for"),
               ("$30", "thirty dollars"), ("each,", "each"), ("about", "about"), ("40%", "forty percent"),
               ("more", "more"), ("than", "than"), ("the", "the"), ("FBI", "f b i"), ("said", "said")]


@pytest.mark.parametrize("pairs", [URL_TURN, NUMBER_TURN], ids=["url-letters", "numbers-acronym"])
def test_text_read_aloud_aligns_on_the_written_words(speech, pairs):
    audio, text, starts, end = _speak(speech, pairs, seed=11)
    segment = Segment("s1", 100, end + 150, text)
    result = align_segment(audio, segment_tokens(segment), segment.start_ms, segment.end_ms, audio_start_ms=0)
    assert result.timing == WordTiming.ALIGNED
    assert [w.text for w in result.words] == text.split()
    errors = [abs(w.start_ms - t) for w, t in zip(result.words, starts, strict=False)]
    assert np.median(errors) <= 40 and max(errors) <= 150, errors


def test_failed_segment_keeps_what_aligned_as_anchors(speech):
    said = "we carried the boat down to the water and my father built his first hull in a barn behind the market"
    pairs = [(w, w) for w in said.split()]
    audio, _, starts, end = _speak(speech, pairs, seed=3, gaps=(40, 120))
    # The transcript has words nobody said in the middle: the whole text cannot be matched.
    written = said.split()
    inserted = ["constantly", "reorganized", "extraordinary", "philosophical", "committees"]
    text_words = written[:11] + inserted + written[11:]
    result = align_segment(audio, text_words, 0, end + 200, audio_start_ms=0)
    assert result.timing == WordTiming.FAILED
    assert result.anchored >= 15
    real = [w for w in result.words if w.text not in inserted]
    errors = [abs(w.start_ms - t) for w, t in zip(real, starts, strict=False)]
    # Proportional times over the whole span were off by seconds; anchors keep words in place.
    assert np.median(errors) <= 40 and max(errors) <= 250, errors
    times = [w.start_ms for w in result.words]
    assert times == sorted(times)
    # the unsaid words share the gap between "father" and "built"
    father, built = result.words[10], result.words[16]
    assert all(father.end_ms <= w.start_ms <= built.start_ms for w in result.words[11:16])


def test_each_reading_of_a_token_is_the_callers_own_list():
    # A token is read out once and kept: a caller changing its words must not change what the
    # next caller of the same token gets.
    first = spoken_words("BSA's")
    expected = list(first)
    first.append("extra")
    first[0] = "changed"
    assert spoken_words("BSA's") == expected
    address = spoken_words("patreon.com/harborlights")
    address.clear()
    assert spoken_words("patreon.com/harborlights") == ["patreon", "dot", "com", "slash", "harborlights"]
