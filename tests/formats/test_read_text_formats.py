"""Otter, Rev, Descript, podcast-page and plain-text readers on small invented fixtures."""

from pathlib import Path

from editor.core import MarkKind
from editor.formats import read_file, read_text

DATA = Path(__file__).parent / "data"
# A podcast page (show notes, then every turn run together: "Speaker N HH:MM:SS text"), invented text.
EPISODE_PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "podcast-page-episode.txt"


def _rows(result):
    t = result.transcript
    return [(s.start_ms, t.speaker_name(s.speaker_id), s.text) for s in t.segments]


def _marks(result):
    return [(m.kind, s.text[m.start:m.end], m.time_ms) for s in result.transcript.segments for m in s.marks]


def test_otter_turns_speakers_and_inline_inaudible():
    result = read_file(DATA / "otter.txt")
    assert result.format == "otter"
    assert _rows(result) == [
        (0, "Maya Ortiz", "Welcome back to Tidewater Notes. Today I am talking with a man who builds "
                          "boats by hand."),
        (9000, "Desmond Lee", "Thanks, Maya. Happy to be here. It took me [inaudible] to get the keel right."),
        (3761000, "Unknown Speaker", "Can you say that again?"),
    ]
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", 11000)]
    # No end times in Otter: a turn ends where the next starts, the last gets an estimate.
    ends = [s.end_ms for s in result.transcript.segments]
    assert ends[:2] == [9000, 3761000] and ends[2] > 3761000
    assert result.transcript.meta.title == "Harbour Lights Episode 12"
    assert any("title" in w for w in result.warnings)


def test_otter_without_speaker_names():
    result = read_text("0:00  \nFirst words here.\n\n0:05  \nMore words.\n")
    assert result.format == "otter"
    assert _rows(result) == [(0, "", "First words here."), (5000, "", "More words.")]
    assert result.transcript.speakers == {}


def test_rev_both_header_styles_and_tags():
    result = read_file(DATA / "rev.txt")
    assert result.format == "rev"
    assert [r[:2] for r in _rows(result)] == [(0, "Maya Ortiz"), (9000, "Desmond Lee"),
                                             (3761000, "Maya Ortiz"), (3770000, "Desmond Lee")]
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", 12000),
                              (MarkKind.CROSSTALK, "[crosstalk]", 3761000)]
    assert "[laughs]" in result.transcript.segments[2].text  # other tags stay as text
    assert list(result.transcript.speakers) == ["spk1", "spk2"]


def test_rev_text_on_the_header_line():
    result = read_text("Maya (00:01): Hello there.\nDesmond (00:04): Hi.\n")
    assert _rows(result) == [(1000, "Maya", "Hello there."), (4000, "Desmond", "Hi.")]


def test_descript_timed_with_unclear_guess():
    result = read_file(DATA / "descript.txt")
    assert result.format == "descript"
    assert [r[:2] for r in _rows(result)] == [(0, "Maya Ortiz"), (9000, "Desmond Lee"), (75000, "Maya Ortiz")]
    # Placed by where they sit in their turns (46 of 68 characters into 0:09-1:15; 18 of 32 into
    # the last turn, which runs for its words' reading time): not at the turns' starts.
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", 53000),
                              (MarkKind.UNCLEAR, "Marrowby", 76309)]
    assert result.transcript.segments[2].text == "Tell me about the Marrowby yard."


def test_descript_untimed_speaker_labels():
    result = read_file(DATA / "descript_untimed.txt")
    assert result.format == "descript"
    assert [(s.start_ms, s.end_ms) for s in result.transcript.segments] == [(None, None)] * 4
    assert [r[1] for r in _rows(result)] == ["Maya Ortiz", "Desmond Lee", "Maya Ortiz", "Desmond Lee"]
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", None)]


def test_descript_time_without_name():
    result = read_text("[00:00:05] Hello.\n\n[00:00:09] Again.\n")
    assert result.format == "descript"
    assert _rows(result) == [(5000, "", "Hello."), (9000, "", "Again.")]


def test_podcast_page_run_together_with_page_text():
    result = read_file(DATA / "podcast_page.txt")
    assert result.format == "podcast-page"
    assert [r[:2] for r in _rows(result)] == [(2000, "Speaker 0"), (9000, "Speaker 1"), (21000, "Speaker 0"),
                                             (25000, "Speaker 2"), (62000, "Speaker 1")]
    assert result.transcript.segments[-1].text == "From the keel up."  # "Other Episodes" dropped
    # 44 of 65 characters into a turn from 0:09 to the next turn at 0:21.
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", 17000)]
    assert result.transcript.meta.title == "Tidewater Notes #42 - Boats by hand"
    assert result.transcript.meta.duration_ms == 90000  # the page's episode length
    assert result.transcript.segments[-1].end_ms == 90000
    assert any("page text" in w for w in result.warnings)


def test_podcast_page_one_turn_per_line_with_real_names():
    result = read_file(DATA / "podcast_page_lines.txt")
    assert result.format == "podcast-page"
    assert _rows(result) == [(2000, "Maya Ortiz", "Welcome back to Tidewater Notes."),
                             (9000, "Desmond Lee", "Thanks, it is good to be here."),
                             (21000, "Maya Ortiz", "And then?"), (25000, "Desmond Lee", "Then we started over.")]


def test_podcast_page_with_show_notes_and_turns_run_together():
    result = read_file(EPISODE_PAGE)
    t = result.transcript
    assert result.format == "podcast-page"
    assert len(t.segments) == 41
    assert len(t.speakers) == 5
    assert [s.name for s in t.speakers.values()] == [f"Speaker {n}" for n in range(5)]
    assert t.mark_count(MarkKind.INAUDIBLE) == 1
    assert t.meta.title and result.warnings
    starts = [s.start_ms for s in t.segments]
    assert starts == sorted(starts) and all(s.end_ms >= s.start_ms for s in t.segments)


def test_plain_text_paragraphs_become_untimed_segments():
    result = read_file(DATA / "plain.txt")
    assert result.format == "text"
    assert _rows(result) == [
        (None, "", "Welcome back to Tidewater Notes. Today we talk boats."),
        (None, "", "Thanks, Maya. The hull was [inaudible] at first and we started over."),
        (None, "", "From the keel up."),
    ]
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", None)]


def test_plain_text_without_blank_lines_gives_a_segment_per_line():
    result = read_text("one line\nanother line\nthird\n", "notes.txt")
    assert [s.text for s in result.transcript.segments] == ["one line", "another line", "third"]
    assert result.transcript.meta.title == "notes"


def test_bad_time_in_a_header_keeps_the_turn_untimed_naming_the_line():
    # As a caption with a broken time line is kept: one typo must not refuse the whole file.
    rev = read_text("Maya (00:00):\nHello.\n\nDesmond (01:75):\nBad seconds.\n\nMaya (00:20):\nAfter.\n")
    assert rev.format == "rev"
    assert _rows(rev) == [(0, "Maya", "Hello."), (None, "Desmond", "Bad seconds."), (20000, "Maya", "After.")]
    assert any("line 4" in w and "01:75" in w for w in rev.warnings), rev.warnings
    otter = read_text("Maya  0:00  \nHello.\n\nDesmond  0:75  \nBad seconds.\n\nMaya  0:20  \nAfter.\n")
    assert otter.format == "otter"
    assert [r[0] for r in _rows(otter)] == [0, None, 20000]
    assert any("line 4" in w and "0:75" in w for w in otter.warnings), otter.warnings


def test_turns_out_of_order_are_sorted_with_a_warning():
    result = read_text("Maya  0:30  \nLater words.\n\nDesmond  0:10  \nEarlier words.\n")
    assert [s.start_ms for s in result.transcript.segments] == [10000, 30000]
    assert any("sorted" in w for w in result.warnings)


def test_podcasting_html_form():
    result = read_file(DATA / "podcast.html")
    assert result.format == "podcast-html"
    assert _rows(result) == [(0, "Maya Ortiz", "Welcome back to Tidewater Notes."),
                             (9000, "Desmond Lee", "Thanks, Maya & all. It was [inaudible] then."),
                             (3761000, "Desmond Lee", "Still me, an hour later.")]
    assert _marks(result) == [(MarkKind.INAUDIBLE, "[inaudible]", 11000)]
    assert result.transcript.meta.title == "Tidewater Notes 42"


def test_rev_layout_without_names_and_script_layout_without_times():
    timed = read_text("(00:00)\nFirst words.\n\n(01:02:03)\nLater words.\n")
    assert timed.format == "rev"
    assert _rows(timed) == [(0, "", "First words."), (3723000, "", "Later words.")]
    named = read_text("Maya Ortiz:\nFirst words.\n\nDesmond Lee:\nSecond words.\n\nMaya Ortiz:\nThird.\n")
    assert named.format == "descript"
    assert _rows(named) == [(None, "Maya Ortiz", "First words."), (None, "Desmond Lee", "Second words."),
                            (None, "Maya Ortiz", "Third.")]


def test_otranscribe_timestamps_media_and_typed_names():
    result = read_file(DATA / "session.otr")
    assert result.format == "otranscribe"
    assert _rows(result) == [(0, "Maya", "Welcome back to Tidewater Notes."),
                             (9100, "Desmond", "Thanks & hello. It was [inaudible] then."),
                             (75500, "", "No name here.")]
    assert result.transcript.meta.audio_path == "tidewater-42.mp3"


def test_noscribe_html_spans_speakers_and_audio_source():
    result = read_file(DATA / "noscribe.html")
    t = result.transcript
    assert result.format == "noscribe"
    assert [(s.start_ms, s.end_ms) for s in t.segments] == [(0, 3900), (9100, 10800), (11000, 12500)]
    assert [r[1:] for r in _rows(result)] == [("S00", "Welcome back to Tidewater Notes."),
                                             ("Desmond Lee", "Thanks, Maya. (..) It was [inaudible] then."),
                                             ("S00", "And then?")]
    assert t.meta.audio_path == "/home/maya/tidewater-42.wav"
