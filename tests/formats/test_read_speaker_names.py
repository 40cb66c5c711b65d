"""Speaker labels that writers produce must read back as the same names."""

from editor.formats import read_text


def test_vtt_voice_names_are_unescaped():
    result = read_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana &amp; Bo>Morning all\n")
    assert [s.name for s in result.transcript.speakers.values()] == ["Ana & Bo"]
    assert result.transcript.segments[0].text == "Morning all"


def test_srt_prefix_with_ampersand_is_a_speaker():
    text = ("1\n00:00:01,000 --> 00:00:02,000\nAna & Bo: Morning\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\nO'Neil-Park: hello\n")
    result = read_text(text)
    assert [s.name for s in result.transcript.speakers.values()] == ["Ana & Bo", "O'Neil-Park"]
    assert [s.text for s in result.transcript.segments] == ["Morning", "hello"]


def test_whitespace_only_segment_writes_no_empty_cue():
    from editor.core import Segment, Transcript
    from editor.formats.base import ExportOptions
    from editor.formats.writers.srt import SrtWriter
    transcript = Transcript()
    speaker = transcript.ensure_speaker("Ana")
    transcript.segments += [Segment("s1", 0, 1000, "\n", speaker), Segment("s2", 1000, 2000, "fine", speaker)]
    out = SrtWriter().write(transcript, ExportOptions(include_speakers=False))
    assert out == "1\n00:00:01,000 --> 00:00:02,000\nfine\n"
