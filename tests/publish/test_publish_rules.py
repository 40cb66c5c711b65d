"""Each publishing rule of the podcast namespace and Apple Podcasts, checked in the published files."""

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.transcript import Chapter, Segment, Transcript, TranscriptMeta, Word
from editor.formats.base import ExportOptions
from editor.formats.writers import writer_named
from editor.publish.rules import publish_options

OPENING = ("So the lens came to us in eleven crates, wrapped in old newspaper from the fifties, "
           "and we spent the first week just counting prisms.")
ANSWER = "And were any of them broken?"
REPLY = ("Two were cracked, one was missing entirely; we had the missing one cast again in Gdańsk, "
         "which took most of a winter.")
SHORT = "Right."


def timed_words(text, start, step=350):
    return [Word(t, start + step * i, start + step * i + step - 50) for i, t in enumerate(text.split())]


def episode():
    transcript = Transcript(meta=TranscriptMeta(title="Lantern Room, Episode 4", language="en"))
    ingrid = transcript.ensure_speaker("Ingrid Solberg")
    tomas = transcript.ensure_speaker("Tomas <T> & Reyes")
    for row, (text, speaker, start) in enumerate([(OPENING, ingrid, 0), (ANSWER, tomas, 9_000),
                                                  (REPLY, ingrid, 11_000), (SHORT, ingrid, 19_500)]):
        words = timed_words(text, start)
        transcript.segments.append(Segment(f"s{row + 1}", start, words[-1].end_ms, text, speaker, words=words))
    return transcript


def published(name, transcript=None, **choices):
    transcript = transcript or episode()
    return writer_named(name).write(transcript, publish_options(name, ExportOptions(**choices)))


def srt_cards(text):
    return [block.split("\n") for block in text.strip().split("\n\n")]


def vtt_cues(text):
    return [block.split("\n") for block in text.strip().split("\n\n")[1:] if "-->" in block]


def stamp_ms(stamp):
    h, m, s, ms = map(int, re.split("[:,.]", stamp))
    return ((h * 60 + m) * 60 + s) * 1000 + ms


# ---------------------------------------------------------------------- SRT
def test_srt_cards_hold_at_most_two_lines_of_32_characters_and_every_word():
    cards = srt_cards(published("srt"))
    words = []
    for card in cards:
        assert 1 <= len(card[2:]) <= 2, card
        assert all(len(line) <= 32 for line in card[2:]), card
        words += " ".join(card[2:]).split()
    names = {"Ingrid", "Solberg:", "Tomas", "<T>", "&", "Reyes:"}
    expected = " ".join(s.text for s in episode().segments).split()
    assert [w for w in words if w not in names] == expected


def test_srt_starts_a_new_card_with_the_name_at_every_change_of_speaker():
    cards = srt_cards(published("srt"))
    firsts = [card[2] for card in cards]
    starts = [stamp_ms(card[1].split(" --> ")[0]) for card in cards]
    assert firsts[0].startswith("Ingrid Solberg:")
    answer = starts.index(9_000)
    assert firsts[answer].startswith("Tomas <T> & Reyes:")  # SRT has no escaping: the name as typed
    reply = starts.index(11_000)
    assert firsts[reply].startswith("Ingrid Solberg:")
    # The same speaker going on (SHORT after REPLY) gets a new card but no name again.
    short = starts.index(19_500)
    assert cards[short][2:] == ["Right."]
    assert sum(line.startswith(("Ingrid Solberg:", "Tomas")) for line in firsts) == 3


def test_srt_has_no_card_with_a_dangling_one_or_two_word_second_line():
    cards = srt_cards(published("srt"))
    for card in cards:
        if len(card[2:]) == 2:
            assert len(card[3].split()) >= 3, card


def test_srt_neither_the_free_export_nor_publishing_dangles():
    transcript = Transcript(segments=[Segment("s1", 0, 4000, "We counted every one of the old lenses twice.")])
    greedy = srt_cards(writer_named("srt").write(transcript, ExportOptions(max_line_chars=32, balanced_lines=False)))
    assert greedy[0][2:] == ["We counted every one of the old", "lenses twice."]
    free = srt_cards(writer_named("srt").write(transcript, ExportOptions(max_line_chars=32)))
    for cards in (free, srt_cards(published("srt", transcript))):
        assert len(cards) == 1 and len(cards[0][3].split()) >= 3 and all(len(line) <= 32 for line in cards[0][2:])
        assert " ".join(cards[0][2:]) == "We counted every one of the old lenses twice."


def test_srt_a_turn_does_not_end_in_a_card_of_two_spilled_words():
    text = "one two three four five six seven eight nine ten eleven thirteen fourteen"
    transcript = Transcript(segments=[Segment("s1", 0, 8000, text, words=timed_words(text, 0, 500))])
    greedy = srt_cards(writer_named("srt").write(transcript, ExportOptions(max_line_chars=32, balanced_lines=False)))
    assert greedy[-1][2:] == ["thirteen fourteen"]  # the greedy layout spills two words
    free = srt_cards(writer_named("srt").write(transcript, ExportOptions(max_line_chars=32)))
    assert all(len(" ".join(card[2:]).split()) >= 3 for card in free), free
    cards = srt_cards(published("srt", transcript))
    assert all(len(" ".join(card[2:]).split()) >= 3 for card in cards), cards
    assert " ".join(" ".join(card[2:]) for card in cards).split() == text.split()
    for earlier, later in zip(cards, cards[1:], strict=False):  # re-cut cards still follow the word times
        assert stamp_ms(earlier[1].split(" --> ")[1]) <= stamp_ms(later[1].split(" --> ")[0])


def test_srt_cards_are_in_time_order_even_when_turns_overlap():
    transcript = episode()
    transcript.segments[1].start_ms = 7_000  # the answer starts before the opening ends
    transcript.segments[1].words = timed_words(ANSWER, 7_000)
    cards = srt_cards(published("srt", transcript))
    starts = [stamp_ms(card[1].split(" --> ")[0]) for card in cards]
    assert starts == sorted(starts)
    assert all(stamp_ms(card[1].split(" --> ")[1]) > stamp_ms(card[1].split(" --> ")[0]) for card in cards)


@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=160), min_size=1, max_size=5),
       st.booleans())
@settings(max_examples=120, deadline=None)
def test_any_text_published_as_srt_keeps_the_limits_the_words_and_the_order(texts, timed):
    transcript = Transcript()
    speakers = [transcript.ensure_speaker("Ana"), transcript.ensure_speaker("Bo")]
    for n, text in enumerate(texts):
        words = timed_words(text, n * 30_000, 400) if timed and text.split() else []
        transcript.segments.append(Segment(f"s{n}", n * 30_000, None, text, speakers[n % 2], words=words))
    out = published("srt", transcript)
    previous = -1
    lines = []
    for card in (srt_cards(out) if out.strip() else []):
        start, end = (stamp_ms(s) for s in card[1].split(" --> "))
        assert previous <= start < end
        previous = start
        assert len(card[2:]) <= 2
        assert all(len(line) <= 32 or len(line.split()) == 1 or line.endswith(":") or ": " in line
                   for line in card[2:]), card
        lines += card[2:]
    words = [w for w in " ".join(lines).split() if w not in ("Ana:", "Bo:")]
    assert words == " ".join(texts).split()


# ---------------------------------------------------------------------- WebVTT
def test_vtt_header_voice_on_every_cue_and_escaping():
    text = published("vtt")
    assert text.startswith("WEBVTT\n")
    cues = vtt_cues(text)
    assert cues
    for cue in cues:
        assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}", cue[0])
        assert cue[1].startswith(("<v Ingrid Solberg>", "<v Tomas &lt;T&gt; &amp; Reyes>")), cue
        assert "" not in cue  # no blank line inside a cue
    assert text.count("-->") == len(cues)


def test_vtt_escapes_ampersands_and_angle_brackets_in_the_text():
    transcript = Transcript()
    speaker = transcript.ensure_speaker("Nora")
    transcript.segments.append(Segment("s1", 0, 4000, "Salt & pepper <i>a</i> --> there.", speaker))
    text = published("vtt", transcript)
    assert "Salt &amp; pepper &lt;i&gt;a&lt;/i&gt; --&gt; there." in text
    assert text.count("-->") == 1


def test_vtt_lines_are_at_most_65_characters_and_break_after_clauses():
    cues = vtt_cues(published("vtt"))
    lines = [re.sub(r"^<v [^>]*>", "", line) for cue in cues for line in cue[1:]]
    assert all(len(line) <= 65 for line in lines), lines
    # The opening's first clause ends at "fifties," (a comma 70+ characters in): the line breaks there,
    # not at the last word that would fit.
    opening = [re.sub(r"^<v [^>]*>", "", line) for line in cues[0][1:]]
    assert opening[0].endswith(",") and len(opening[0]) <= 65
    free = writer_named("vtt").write(episode(), ExportOptions(max_line_chars=65, balanced_lines=False,
                                                              clause_breaks=False))
    free_first = re.sub(r"^<v [^>]*>", "", vtt_cues(free)[0][1])
    assert not free_first.endswith(",")  # greedy filling (the old plain export) fills the line instead


def test_vtt_cue_starts_never_decrease_and_every_cue_ends_after_it_starts():
    transcript = episode()
    transcript.segments.insert(2, Segment("z", 10_000, 10_000, "Hm.", transcript.segments[1].speaker_id))
    transcript.segments[1].start_ms = 6_000
    cues = vtt_cues(published("vtt", transcript))
    spans = [tuple(stamp_ms(s) for s in cue[0].split(" --> ")) for cue in cues]
    assert [s for s, _ in spans] == sorted(s for s, _ in spans)
    assert all(end > start for start, end in spans)


def test_word_timed_vtt_is_off_by_default_and_puts_a_time_before_each_later_word():
    assert "<c>" not in published("vtt")
    text = published("vtt", word_timed_vtt=True)
    first = vtt_cues(text)[0]
    start = stamp_ms(first[0].split(" --> ")[0])
    end = stamp_ms(first[0].split(" --> ")[1])
    assert first[1].startswith("<v Ingrid Solberg><c>So</c> <00:00:00.350><c>the</c> <00:00:00.700><c>lens</c>")
    stamps = [stamp_ms(s) for s in re.findall(r"<(\d\d:\d\d:\d\d\.\d{3})>", " ".join(first[1:]))]
    assert stamps == sorted(stamps) and all(start < s < end for s in stamps)
    spoken = re.findall(r"<c>([^<]*)</c>", " ".join(first[1:]))
    visible = re.sub(r"<[^>]*>", "", " ".join(first[1:])).split()
    assert spoken == visible
    assert "&amp;" in "\n".join(re.findall(r"<v [^>]*>", text))  # the escaped voice name stays


# ---------------------------------------------------------------------- Podcasting 2.0 JSON
def test_json_is_versioned_numeric_ordered_and_bodies_carry_no_newline():
    transcript = episode()
    transcript.segments[1].start_ms = 7_000  # overlapping answer
    transcript.segments[1].words = timed_words(ANSWER, 7_000)
    data = json.loads(published("json", transcript))
    assert list(data) == ["version", "segments"] and data["version"] == "1.0.0"
    segments = data["segments"]
    assert all(set(s) <= {"speaker", "startTime", "endTime", "body"} for s in segments)
    assert all(type(s["startTime"]) in (int, float) and type(s["endTime"]) in (int, float) for s in segments)
    starts = [s["startTime"] for s in segments]
    assert starts == sorted(starts)
    assert all(s["endTime"] >= s["startTime"] for s in segments)
    assert not any("\n" in s["body"] or s["body"] != s["body"].strip() for s in segments)
    assert len(segments) == sum(len(s.text.split()) for s in transcript.segments)  # word-level


def test_json_turn_level_bodies_have_no_newline_either():
    transcript = Transcript(segments=[Segment("s1", 0, 3000, "Two lines\nin one turn.\n")])
    data = json.loads(published("json", transcript))
    assert [s["body"] for s in data["segments"]] == ["Two lines in one turn."]


# ---------------------------------------------------------------------- HTML
def test_html_is_the_namespace_fragment_escaped():
    html = published("html")
    assert "<html" not in html and "<head" not in html and "<body" not in html
    assert html.startswith("<cite>Ingrid Solberg:</cite>\n<time>0:00</time>\n<p>So the lens")
    assert "<cite>Tomas &lt;T&gt; &amp; Reyes:</cite>\n<time>0:09</time>\n<p>And were any of them broken?</p>" in html
    assert set(re.findall(r"</?([a-z0-9]+)", html)) == {"cite", "time", "p"}
    assert writer_named("html").write(episode(), ExportOptions()).startswith("<!DOCTYPE html>")


def test_html_fragment_puts_chapters_as_headings():
    transcript = episode()
    transcript.chapters = [Chapter(0, "Eleven crates"), Chapter(11_000, "Cast in <Gdańsk>")]
    html = published("html", transcript)
    assert html.startswith("<h2>Eleven crates</h2>\n<cite>Ingrid Solberg:</cite>")
    assert "</p>\n<h2>Cast in &lt;Gdańsk&gt;</h2>\n<cite>Ingrid Solberg:</cite>\n<time>0:11</time>" in html
