"""Plain text, Podcasting 2.0 JSON and HTML, and DOCX export."""

import io
import json

import docx
import pytest

from editor.core.transcript import Mark, MarkKind, Segment, Transcript, TranscriptMeta, Word
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers import WRITERS, writer_named
from editor.formats.writers.docx_file import DocxWriter
from editor.formats.writers.plain_text import PlainTextWriter
from editor.formats.writers.podcast_html import PodcastHtmlWriter
from editor.formats.writers.podcast_json import PodcastJsonWriter


def episode(words=True):
    transcript = Transcript(meta=TranscriptMeta(title="Tidewater <Notes> & Co", language="en"))
    maya = transcript.ensure_speaker("Maya Ortiz")
    ines = transcript.ensure_speaker("Inês <Ferreira>")
    text = "By then the hull was [inaudible] and we started over."
    at = text.index("[inaudible]")
    timed = [Word(t, 9000 + 300 * i, 9000 + 300 * i + 250, 0.9) for i, t in enumerate(text.split())]
    transcript.segments += [
        Segment("s1", 0, 3900, "Welcome back to Tidewater Notes.", maya),
        Segment("s2", 9000, 9000 + 300 * len(timed), text, ines, words=timed if words else [],
                marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, 723_000)]),
        Segment("s3", None, None, "An aside nobody timed.", maya),
        Segment("s4", 3_723_000, 3_725_000, "Fish & chips <3", None),
    ]
    return transcript


def test_registry_lists_one_writer_per_format_following_the_protocol():
    assert [w.NAME for w in WRITERS] == ["txt", "srt", "vtt", "json", "html", "docx", "chapters"]
    for writer in WRITERS:
        assert writer.EXTENSION.startswith(".") and writer.LABEL
        assert isinstance(writer.DEFAULT_INAUDIBLE, InaudibleStyle)
        out = writer.write(episode(), ExportOptions())
        assert isinstance(out, bytes if writer.BINARY else str) and out
    assert writer_named("docx").BINARY
    with pytest.raises(KeyError):
        writer_named("pdf")


def test_plain_text_in_rev_layout():
    text = PlainTextWriter().write(episode(), ExportOptions())
    assert text == (
        "Maya Ortiz (00:00):\nWelcome back to Tidewater Notes.\n\n"
        "Inês <Ferreira> (00:09):\nBy then the hull was [inaudible 00:12:03] and we started over.\n\n"
        "Maya Ortiz:\nAn aside nobody timed.\n\n"
        "(01:02:03)\nFish & chips <3\n")


@pytest.mark.parametrize("speakers, times, first_turn", [
    (True, False, "Maya Ortiz:\nWelcome"),
    (False, True, "(00:00)\nWelcome"),
    (False, False, "Welcome"),
])
def test_plain_text_options(speakers, times, first_turn):
    text = PlainTextWriter().write(episode(), ExportOptions(include_speakers=speakers, include_times=times,
                                                            inaudible_style=InaudibleStyle.PLAIN))
    assert text.startswith(first_turn)
    assert "[inaudible]" in text
    assert len(text.strip().split("\n\n")) == 4


def test_plain_text_never_lets_a_blank_line_split_a_turn():
    transcript = Transcript(segments=[Segment("s1", 0, 1000, "First paragraph.\n\nSecond paragraph.")])
    assert PlainTextWriter().write(transcript, ExportOptions()) == "(00:00)\nFirst paragraph.\nSecond paragraph.\n"


def test_json_word_level_when_words_have_times():
    data = json.loads(PodcastJsonWriter().write(episode(), ExportOptions()))
    assert data["version"] == "1.0.0"
    segments = data["segments"]
    # s1 has no word times: its words share the turn's time by length.
    assert segments[0]["body"] == "Welcome" and segments[0]["startTime"] == 0.0
    hull = [s for s in segments if s.get("speaker") == "Inês <Ferreira>"]
    assert [s["body"] for s in hull][:6] == ["By", "then", "the", "hull", "was", "[inaudible]"]
    assert hull[0]["startTime"] == 9.0 and hull[0]["endTime"] == 9.25
    assert hull[-1]["body"] == "over."  # no newline: the namespace's example file has none
    assert all(set(s) <= {"speaker", "startTime", "endTime", "body"} for s in segments)
    assert all(s["startTime"] <= s["endTime"] for s in segments)
    untimed = [s for s in segments if s["body"].startswith(("An", "aside"))]
    assert untimed and untimed[0]["startTime"] == 9 + 0.3 * 10  # where the previous turn ended
    assert "speaker" not in segments[-1]


def test_json_turn_level_when_asked_or_without_word_times():
    for transcript, options in ((episode(), ExportOptions(word_level=False)), (episode(words=False), ExportOptions())):
        segments = json.loads(PodcastJsonWriter().write(transcript, options))["segments"]
        assert [s["body"] for s in segments] == ["Welcome back to Tidewater Notes.",
                                                  "By then the hull was [inaudible] and we started over.",
                                                  "An aside nobody timed.", "Fish & chips <3"]
        assert segments[1]["startTime"] == 9.0 and segments[3]["startTime"] == 3723.0


def test_json_word_level_forced_without_word_times_spreads_the_turn():
    segments = json.loads(PodcastJsonWriter().write(episode(words=False), ExportOptions(word_level=True)))["segments"]
    first_turn = [s for s in segments if s.get("speaker") == "Maya Ortiz"][:5]
    assert [s["body"] for s in first_turn] == ["Welcome", "back", "to", "Tidewater", "Notes."]
    assert first_turn[0]["startTime"] == 0.0 and first_turn[-1]["endTime"] == 3.9


def test_html_form_escapes_everything():
    html = PodcastHtmlWriter().write(episode(), ExportOptions())
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "<title>Tidewater &lt;Notes&gt; &amp; Co</title>" in html
    assert ("<cite>Maya Ortiz:</cite>\n<time>0:00</time>\n<p>Welcome back to Tidewater Notes.</p>" in html)
    assert ("<cite>Inês &lt;Ferreira&gt;:</cite>\n<time>0:09</time>\n"
            "<p>By then the hull was [inaudible] and we started over.</p>") in html
    assert "<cite>Maya Ortiz:</cite>\n<p>An aside nobody timed.</p>" in html  # untimed: no <time>
    assert "<time>1:02:03</time>\n<p>Fish &amp; chips &lt;3</p>" in html


def test_docx_title_bold_speaker_time_and_text():
    data = DocxWriter().write(episode(), ExportOptions())
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    assert paragraphs[0].text == "Tidewater <Notes> & Co"
    assert paragraphs[0].style.name.startswith("Heading")
    header = paragraphs[1]
    assert header.runs[0].text == "Maya Ortiz" and header.runs[0].bold
    assert header.text == "Maya Ortiz  (00:00)"
    assert paragraphs[2].text == "Welcome back to Tidewater Notes."
    texts = [p.text for p in paragraphs]
    assert "By then the hull was [inaudible 00:12:03] and we started over." in texts  # REV by default
    assert "(01:02:03)" in texts and "Fish & chips <3" in texts
    assert document.core_properties.title == "Tidewater <Notes> & Co"


def test_docx_survives_control_characters():
    transcript = Transcript(segments=[Segment("s1", 0, 100, "bell\x07 and form\x0c feed")])
    document = docx.Document(io.BytesIO(DocxWriter().write(transcript, ExportOptions())))
    assert document.paragraphs[-1].text == "bell and form feed"


GERMAN = ["Guten Morgen und willkommen. Heute sprechen wir über die Arbeit an der Küste, und das ist nicht leicht.",
          "Ich habe auch viel zu erzählen, aber wir sind noch nicht fertig, und es ist schon spät.",
          "Das ist wahr. Wir haben die Boote mit der Hand gebaut, und das dauert, aber es ist schön."]


def _german(language=""):
    transcript = Transcript(meta=TranscriptMeta(title="Küstenfunk", language=language))
    anna = transcript.ensure_speaker("Anna Schmidt")
    transcript.segments += [Segment(f"s{n}", n * 9000, n * 9000 + 8000, text, anna) for n, text in enumerate(GERMAN)]
    return transcript


def _docx_languages(data):
    document = docx.Document(io.BytesIO(data))
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    from docx.oxml.ns import qn
    return document.core_properties.language, defaults[0].get(qn("w:val"))


@pytest.mark.parametrize("named, expected", [("", "de"), ("de-AT", "de-AT")], ids=["told-from-text", "named"])
def test_html_and_docx_say_the_transcripts_language(named, expected):
    transcript = _german(named)
    assert f'<html lang="{expected}">' in PodcastHtmlWriter().write(transcript, ExportOptions())
    assert _docx_languages(DocxWriter().write(transcript, ExportOptions())) == (expected, expected)


def test_a_language_nothing_tells_is_left_unsaid():
    transcript = Transcript(segments=[Segment("s1", 0, 1000, "Hm.")])
    assert "<html>" in PodcastHtmlWriter().write(transcript, ExportOptions())
    assert _docx_languages(DocxWriter().write(transcript, ExportOptions()))[0] in ("", None)
