"""SRT and WebVTT export: caption-sized cues, speaker names, escaping, times."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.transcript import Mark, MarkKind, Segment, Transcript, TranscriptMeta, Word
from editor.formats import read_text
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.srt import SrtWriter
from editor.formats.writers.webvtt import WebVttWriter

LONG = ("We laid the cedar planks in the cold of February, and the glue would not set, so Desmond "
        "built a tent over the whole hull with two paraffin heaters inside it for a week.")


def episode(with_words=True):
    transcript = Transcript()
    maya = transcript.ensure_speaker("Maya Ortiz")
    desmond = transcript.ensure_speaker("Desmond Lee")
    words = [Word(t, 10_000 + 400 * i, 10_000 + 400 * i + 300) for i, t in enumerate(LONG.split())]
    transcript.segments += [
        Segment("s1", 0, 3900, "Welcome back to Tidewater Notes.", maya),
        Segment("s2", 10_000, 10_000 + 400 * len(words), LONG, desmond, words=words if with_words else []),
        Segment("s3", 25_000, 27_000, "And then?", desmond),
        Segment("s4", 28_000, 30_000, "Then it held.", maya),
    ]
    return transcript


def cues(srt_text):
    return [block.split("\n") for block in srt_text.strip().split("\n\n")]


def srt_ms(stamp):
    h, m, s, ms = map(int, re.split("[:,]", stamp))
    return ((h * 60 + m) * 60 + s) * 1000 + ms


@pytest.mark.parametrize("max_chars, max_lines", [(42, 2), (32, 2), (20, 1), (60, 3)])
def test_srt_cues_respect_the_line_limits_and_keep_every_word(max_chars, max_lines):
    text = SrtWriter().write(episode(), ExportOptions(max_line_chars=max_chars, max_lines=max_lines))
    blocks = cues(text)
    words_out = []
    for number, block in enumerate(blocks, 1):
        assert block[0] == str(number)
        assert re.fullmatch(r"\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}", block[1])
        assert 1 <= len(block[2:]) <= max_lines
        assert all(len(line) <= max_chars for line in block[2:]), block
        words_out += " ".join(block[2:]).split()
    names = {"Maya", "Ortiz:", "Desmond", "Lee:"}
    expected = " ".join(s.text for s in episode().segments).split()
    assert [w for w in words_out if w not in names] == [w for w in expected if w not in names]


def test_srt_prefixes_the_name_only_when_the_speaker_changes():
    blocks = cues(SrtWriter().write(episode(), ExportOptions()))
    firsts = [block[2] for block in blocks]
    assert firsts[0].startswith("Maya Ortiz: Welcome")
    assert firsts[1].startswith("Desmond Lee: We laid")
    named = [line for line in firsts if line.startswith(("Maya Ortiz:", "Desmond Lee:"))]
    assert len(named) == 3  # Maya, Desmond (long turn + "And then?" continue), Maya again
    assert any(line == "And then?" for line in firsts)


def test_srt_cue_times_come_from_the_words():
    blocks = cues(SrtWriter().write(episode(), ExportOptions()))
    second = blocks[1]
    start, end = second[1].split(" --> ")
    assert srt_ms(start) == 10_000  # the first word's start
    words_in_cue = len(" ".join(second[2:]).split()) - 2  # minus "Desmond Lee:"
    assert srt_ms(end) == 10_000 + 400 * (words_in_cue - 1) + 300  # the last word's end
    third_start = srt_ms(blocks[2][1].split(" --> ")[0])
    assert third_start == 10_000 + 400 * words_in_cue


def test_srt_without_word_times_shares_the_turn_by_length():
    blocks = cues(SrtWriter().write(episode(with_words=False), ExportOptions()))
    long_cues = [b for b in blocks if 10_000 <= srt_ms(b[1].split(" --> ")[0]) < 25_000]
    assert len(long_cues) >= 3
    spans = [tuple(map(srt_ms, b[1].split(" --> "))) for b in long_cues]
    assert spans[0][0] == 10_000 and spans[-1][1] == 10_000 + 400 * len(LONG.split())
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))  # contiguous, in order


def test_a_word_longer_than_a_line_gets_its_own_line_and_is_not_cut():
    transcript = Transcript(segments=[Segment("s1", 0, 5000, "A " + "x" * 50 + " b")])
    blocks = cues(SrtWriter().write(transcript, ExportOptions()))
    assert "x" * 50 in [line for block in blocks for line in block[2:]]


def test_captions_default_to_plain_inaudible_and_honour_a_chosen_style():
    transcript = Transcript(segments=[Segment("s1", 0, 4000, "So [inaudible] there.",
                                              marks=[Mark(MarkKind.INAUDIBLE, 3, 14, 1000)])])
    assert "So [inaudible] there." in SrtWriter().write(transcript, ExportOptions())
    rev = SrtWriter().write(transcript, ExportOptions(inaudible_style=InaudibleStyle.REV))
    assert "So [inaudible 00:00:01] there." in rev
    assert "So there." in WebVttWriter().write(transcript, ExportOptions(inaudible_style=InaudibleStyle.OMIT))


def test_untimed_segments_are_written_after_the_previous_cue():
    transcript = episode()
    transcript.segments.insert(1, Segment("u1", None, None, "An untimed aside."))
    blocks = cues(SrtWriter().write(transcript, ExportOptions()))
    aside = next(b for b in blocks if "An untimed aside." in b[2:])
    assert srt_ms(aside[1].split(" --> ")[0]) == 3900


def test_vtt_has_voice_tags_with_names_as_typed_and_escapes_text():
    transcript = Transcript(meta=TranscriptMeta(title="Tidewater & friends"))
    odd = transcript.ensure_speaker("Ana <Lu> & Co")
    transcript.segments.append(Segment("s1", 0, 3000, "Salt & pepper <b>bold</b> --> here.", odd))
    text = WebVttWriter().write(transcript, ExportOptions())
    assert text.startswith("WEBVTT\n")
    assert "NOTE Tidewater & friends" in text
    assert "<v Ana &lt;Lu&gt; &amp; Co>Salt &amp; pepper &lt;b&gt;bold&lt;/b&gt;" in text
    assert "--&gt; here." in text
    assert text.count("-->") == 1  # only the timing line


def test_srt_writes_text_that_looks_like_markup_so_that_it_is_shown_as_text():
    # SubRip has no escapes: a player would show "<b>bold</b>" in bold, hide "<div>...</div>" and
    # "{\\an8}", and a reader would drop them all; "-->" in a text line reads as a time line. A tag
    # players show as typed (one of no formatting, without its pair: "<Lu>") is written as typed.
    transcript = Transcript()
    ana = transcript.ensure_speaker("Ana <Lu>")
    said = ("Salt & pepper <b>bold</b> and the <div> tag, </div>, <font color=red>red</font>, "
            "{\\an8} on top --> here, a < b and c > d, <3 and x<y.")
    transcript.segments.append(Segment("s1", 0, 9000, said, ana))
    text = SrtWriter().write(transcript, ExportOptions(max_line_chars=200))
    body = cues(text)[0][2]
    assert body == ("Ana <Lu>: Salt & pepper ‹b›bold‹/b› and the ‹div› tag, ‹/div›, ‹font color=red›red‹/font›, "
                    "{∖an8} on top --› here, a < b and c > d, <3 and x<y.")
    assert text.count("-->") == 1  # only the timing line


def test_srt_markup_look_alikes_keep_every_word_and_the_line_widths():
    transcript = Transcript()
    kofi = transcript.ensure_speaker("Kofi")
    said = "Open the <font size=3 color=red> tag and </font> it <i>again</i> --> then {\\i1}stop."
    transcript.segments.append(Segment("s1", 0, 9000, said, kofi))
    options = ExportOptions(max_line_chars=18, max_lines=2)
    plain = SrtWriter().write(Transcript(speakers=transcript.speakers,
                                         segments=[Segment("s1", 0, 9000, said.translate(_AS_LETTERS), kofi)]),
                              options)
    text = SrtWriter().write(transcript, options)
    rows = [row for block in cues(text) for row in block[2:]]
    assert [len(row) for row in rows] == [len(row) for block in cues(plain) for row in block[2:]]
    assert " ".join(rows).translate(_FROM_LOOK_ALIKES).split() == f"Kofi: {said}".split()
    back = read_text(text, "episode.srt").transcript
    assert " ".join(s.text for s in back.segments).translate(_FROM_LOOK_ALIKES).split() == said.split()


_AS_LETTERS = str.maketrans("<>{\\", "xxxx")    # as wide as the markup, and no markup
_FROM_LOOK_ALIKES = str.maketrans("‹›∖", "<>\\")


def test_vtt_cue_layout_and_every_cue_has_its_speaker():
    text = WebVttWriter().write(episode(), ExportOptions())
    blocks = text.strip().split("\n\n")[1:]
    for block in blocks:
        lines = block.split("\n")
        assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", lines[0])
        assert lines[1].startswith(("<v Maya Ortiz>", "<v Desmond Lee>"))
        visible = [re.sub(r"^<v [^>]*>", "", line) for line in lines[1:]]
        assert all(len(line) <= 42 for line in visible) and len(visible) <= 2


def test_no_speakers_option_drops_names():
    text = SrtWriter().write(episode(), ExportOptions(include_speakers=False))
    assert "Maya Ortiz:" not in text and "Desmond Lee:" not in text
    assert "<v " not in WebVttWriter().write(episode(), ExportOptions(include_speakers=False))


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=120), min_size=1, max_size=6),
       st.integers(5, 80), st.integers(1, 4), st.booleans())
@settings(max_examples=150, deadline=None)
def test_any_text_fits_the_caption_limits_and_no_word_is_lost(texts, max_chars, max_lines, timed):
    transcript = Transcript()
    speaker = transcript.ensure_speaker("Kofi")
    for n, text in enumerate(texts):
        words = [Word(t, n * 60_000 + 500 * i, n * 60_000 + 500 * i + 400) for i, t in enumerate(text.split())]
        transcript.segments.append(Segment(f"s{n}", n * 60_000 if n % 3 else None, None, text, speaker,
                                           words=words if timed else []))
    out = SrtWriter().write(transcript, ExportOptions(max_line_chars=max_chars, max_lines=max_lines,
                                                      include_speakers=False))
    lines = []
    previous_start = 0
    for block in (out.split("\n\n") if out else []):
        rows = block.rstrip("\n").split("\n")
        start, end = (srt_ms(stamp) for stamp in rows[1].split(" --> "))
        assert start <= end and start >= previous_start
        previous_start = start
        assert len(rows[2:]) <= max_lines
        lines += rows[2:]
    for line in lines:  # only a single over-long word may exceed a line
        assert len(line) <= max_chars or len(line.split()) == 1
    assert " ".join(lines).translate(_FROM_LOOK_ALIKES).split() == " ".join(texts).translate(_FROM_LOOK_ALIKES).split()


def test_default_srt_export_leaves_no_one_or_two_word_last_line():
    # At 42 characters the greedy layout left "in 1980." alone under a full line; the default
    # export now lays lines out as publishing does.
    turns = ["He came back to teach at the school there in 1980.",
             "She said the ferry would not wait for anybody, so we ran to",
             "the pier."]
    transcript = Transcript()
    for n, text in enumerate(turns):
        start = n * 10_000 if n < 2 else 15_000   # the last turn after a pause of more than 2 s
        words = [Word(t, start + 300 * i, start + 300 * i + 250) for i, t in enumerate(text.split())]
        transcript.segments.append(Segment(f"s{n}", start, words[-1].end_ms, text, words=words))
    blocks = cues(SrtWriter().write(transcript, ExportOptions()))
    assert " ".join(" ".join(block[2:]) for block in blocks).split() == " ".join(turns).split()
    for block in blocks:
        assert all(len(line) <= 42 for line in block[2:])
        if len(block[2:]) == 2:
            assert len(block[3].split()) >= 3, block
    assert blocks[0][2:] == ["He came back to teach at the school", "there in 1980."]


def test_cues_past_the_audios_end_keep_their_order_when_moved_to_its_last_second():
    from editor.formats.writers.captions import build_cues
    from editor.publish.rules import publish_options

    # The transcript runs past the audio (a cut file): the cue after the end is moved inside it,
    # never before the cue that precedes it (publishing needs starts that never decrease).
    transcript = Transcript(meta=TranscriptMeta(duration_ms=10_000))
    transcript.segments += [Segment("s1", 9_500, 9_900, "The last words heard."),
                            Segment("s2", 10_200, 11_000, "Words after the end.")]
    for options in (ExportOptions(), publish_options("srt", ExportOptions())):
        built = build_cues(transcript, options, InaudibleStyle.PLAIN, False)
        starts = [cue.start_ms for cue in built]
        assert starts == sorted(starts), starts
        assert all(cue.start_ms < cue.end_ms <= 10_000 for cue in built)


LONG_WORD = "Supercalifragilisticexpialidociousnessesandmore"


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(max_line_chars=32),
                                     ExportOptions(max_line_chars=32, max_lines=1),
                                     ExportOptions(max_line_chars=32, balanced_lines=False),
                                     ExportOptions(max_line_chars=32, max_lines=1, balanced_lines=False),
                                     ExportOptions(max_line_chars=5, balanced_lines=False)],
                         ids=["default", "32", "32x1", "greedy", "greedy-32x1", "greedy-5"])
def test_the_name_stays_on_the_card_with_a_first_word_longer_than_a_line(options):
    # "Bo:" could not share a line with the word after it, so the layout ended a card after the
    # name alone, and that card (no time of its own) overlapped the next one.
    from editor.publish.rules import publish_options

    transcript = Transcript()
    al, bo = transcript.ensure_speaker("Al"), transcript.ensure_speaker("Bo")
    transcript.segments += [Segment("s1", 0, 3000, "Hello there friends.", al),
                            Segment("s2", 3000, 6000, f"{LONG_WORD} word. ok", bo)]
    for chosen in (options, publish_options("srt", options)):
        blocks = cues(SrtWriter().write(transcript, chosen))
        texts = [" ".join(block[2:]) for block in blocks]
        assert all(text.split()[-1] not in ("Al:", "Bo:") for text in texts), texts
        assert any(text.startswith(f"Bo: {LONG_WORD}") for text in texts), texts
        spans = [tuple(map(srt_ms, block[1].split(" --> "))) for block in blocks]
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
        assert " ".join(texts).split() == ["Al:", "Hello", "there", "friends.", "Bo:", LONG_WORD, "word.", "ok"]


@pytest.mark.parametrize("writer", [SrtWriter(), WebVttWriter()], ids=["srt", "vtt"])
def test_cues_of_a_turn_that_takes_no_time_share_the_time_before_the_next_and_never_overlap(writer):
    transcript = Transcript()
    al, bo = transcript.ensure_speaker("Al"), transcript.ensure_speaker("Bo")
    transcript.segments += [Segment("s1", 5000, 5000, LONG, al), Segment("s2", 7000, 9000, "Right.", bo),
                            Segment("s3", 12_000, 12_000, "Short.", al)]
    for options in (ExportOptions(), ExportOptions(max_line_chars=20, max_lines=1)):
        text = writer.write(transcript, options)
        stamps = re.findall(r"(\d\d:\d\d:\d\d[,.]\d{3}) --> (\d\d:\d\d:\d\d[,.]\d{3})", text)
        spans = [(srt_ms(a.replace(".", ",")), srt_ms(b.replace(".", ","))) for a, b in stamps]
        assert len(spans) >= 4
        assert all(start < end for start, end in spans), spans
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), spans
        assert spans[0][0] == 5000 and spans[-2] == (7000, 9000) and spans[-1] == (12_000, 13_000)
