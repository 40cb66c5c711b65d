"""Caption files (WebVTT, SRT, Whisper JSON) open as turns, not one segment per cue."""

import json
import subprocess
import sys

from editor.core import MarkKind
from editor.core.transcript import WordTiming
from editor.formats import export, read_file, read_text
from editor.formats.base import ExportOptions
from editor.formats.turns import LONG_TURN_MS, MAX_TURN_MS

# (speaker, start s, end s, text): three speaker turns over eight cues.
CUES = [
    ("Ana Ruiz", 0.0, 2.5, "Good morning and welcome."),
    ("Ana Ruiz", 2.5, 5.0, "Today the harbour master joins us"),
    ("Ana Ruiz", 5.0, 7.0, "to talk about the new pier."),
    ("Tom Okafor", 7.5, 9.0, "Thanks for having me."),
    ("Tom Okafor", 9.0, 12.0, "The pier was <inaudible> last spring"),
    ("Tom Okafor", 12.0, 14.0, "and it opens in June."),
    ("Ana Ruiz", 14.5, 16.0, "June already?"),
    ("Ana Ruiz", 16.0, 18.0, "That is quick."),
]


def _clock(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def _vtt(cues=CUES) -> str:
    blocks = [f"{_clock(a, '.')} --> {_clock(b, '.')}\n<v {who}>{text}" for who, a, b, text in cues]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def _srt(cues=CUES) -> str:
    blocks = [f"{n}\n{_clock(a, ',')} --> {_clock(b, ',')}\n{who}: {text}"
              for n, (who, a, b, text) in enumerate(cues, 1)]
    return "\n\n".join(blocks) + "\n"


def _rows(result):
    t = result.transcript
    return [(s.start_ms, s.end_ms, t.speaker_name(s.speaker_id), s.text) for s in t.segments]


TURNS = [
    (0, 7000, "Ana Ruiz", "Good morning and welcome. Today the harbour master joins us to talk about the new pier."),
    (7500, 14000, "Tom Okafor", "Thanks for having me. The pier was [inaudible] last spring and it opens in June."),
    (14500, 18000, "Ana Ruiz", "June already? That is quick."),
]


def test_webvtt_voice_on_every_cue_opens_as_speaker_turns():
    result = read_text(_vtt(), "episode.vtt")
    assert result.format == "vtt"
    assert _rows(result) == TURNS
    assert result.merged_cues == 8
    assert [s.id for s in result.transcript.segments] == ["s1", "s2", "s3"]


def test_srt_name_prefixes_open_as_speaker_turns():
    result = read_text(_srt(), "episode.srt")
    assert result.format == "srt"
    assert _rows(result) == TURNS


def test_cue_times_stay_as_word_time_anchors():
    turn = read_text(_vtt(), "episode.vtt").transcript.segments[1]
    assert turn.word_timing is WordTiming.ESTIMATED
    assert len(turn.words) == len(turn.text.split())
    starts = [w.start_ms for w in turn.words]
    # The first word of each cue starts where its cue started; words run in order.
    assert starts[0] == 7500 and 9000 in starts and 12000 in starts
    assert starts == sorted(starts) and turn.words[-1].end_ms == 14000
    # The mark moved with its cue's text and kept the cue's time.
    [mark] = turn.marks
    assert (mark.kind, turn.text[mark.start:mark.end], mark.time_ms) == (MarkKind.INAUDIBLE, "[inaudible]", 9000)


def test_keep_captions_gives_one_segment_per_cue():
    result = read_text(_vtt(), "episode.vtt", keep_captions=True)
    assert len(result.transcript.segments) == 8 and result.merged_cues == 0
    assert read_text(_srt(), "episode.srt", keep_captions=True).transcript.segments[4].text == \
        "The pier was [inaudible] last spring"


def test_exported_captions_start_on_the_original_cue_times(tmp_path):
    source = tmp_path / "episode.vtt"
    source.write_text(_vtt())
    merged = read_file(source).transcript
    for name in ("srt", "vtt"):
        out = tmp_path / f"out.{name}"
        export(merged, out, name, ExportOptions(max_line_chars=42, max_lines=1))
        cues = read_file(out, keep_captions=True).transcript.segments
        word_starts = {w.start_ms for turn in merged.segments for w in turn.words}
        cue_starts = [cue.start_ms for cue in cues]
        assert len(cues) > len(merged.segments)  # cut back into captions
        assert set(cue_starts) <= word_starts and {0, 7500, 14500} <= set(cue_starts)
        assert " ".join(cue.text for cue in cues) == " ".join(turn.text for turn in merged.segments)
        # Reading the export again merges it back into the same turns.
        assert _rows(read_file(out)) == TURNS


def _whisper(segments) -> str:
    return json.dumps({"language": "en", "segments": [
        {"start": a, "end": b, "text": " " + text} for a, b, text in segments]})


def test_whisper_without_speakers_makes_paragraphs_at_sentence_end_and_pause():
    segments = [
        (0.0, 3.0, "We start with the weather."),
        (3.2, 6.0, "It rained all week."),            # sentence end but only 0.2 s pause: same paragraph
        (7.5, 9.0, "Then the storm came"),            # 1.5 s pause after a sentence end: new paragraph
        (11.0, 13.0, "and the boats stayed in."),     # 2 s pause without a sentence end: same paragraph
        (14.0, 16.0, "Now the news."),                # 1 s pause after a sentence end: new paragraph
    ]
    result = read_text(_whisper(segments), "episode.json")
    assert result.format == "whisper-json"
    assert [s.text for s in result.transcript.segments] == [
        "We start with the weather. It rained all week.",
        "Then the storm came and the boats stayed in.",
        "Now the news.",
    ]
    assert [(s.start_ms, s.end_ms) for s in result.transcript.segments] == [(0, 6000), (7500, 13000),
                                                                          (14000, 16000)]


def test_paragraphs_without_pauses_are_bounded_in_length():
    # Ten minutes of sentences with no pause at all: cut at a sentence end once long enough.
    segments = [(i * 3.0, i * 3.0 + 3.0, f"Sentence number {i} ends here.") for i in range(200)]
    turns = read_text(_whisper(segments), "long.json").transcript.segments
    assert len(turns) > 1
    assert all(t.end_ms - t.start_ms <= LONG_TURN_MS + 3000 for t in turns)
    assert " ".join(t.text for t in turns) == " ".join(text for _, _, text in segments)
    # No sentence end at all: cut at a cue once the hard bound is reached, nothing dropped.
    endless = [(i * 3.0, i * 3.0 + 3.0, f"and then word {i}") for i in range(200)]
    turns = read_text(_whisper(endless), "endless.json").transcript.segments
    assert len(turns) > 1 and all(t.end_ms - t.start_ms <= MAX_TURN_MS for t in turns)
    assert sum(len(t.text.split()) for t in turns) == 800


def test_whisperx_speakers_and_word_times_are_kept():
    def words(text, start):
        return [{"word": w, "start": start + i * 0.5, "end": start + i * 0.5 + 0.4, "score": 0.9}
                for i, w in enumerate(text.split())]
    data = {"segments": [
        {"start": 0.0, "end": 2.0, "text": "Hello there friend.", "speaker": "SPEAKER_00",
         "words": words("Hello there friend.", 0.0)},
        {"start": 2.2, "end": 4.0, "text": "How are you?", "speaker": "SPEAKER_00",
         "words": words("How are you?", 2.2)},
        {"start": 4.5, "end": 6.0, "text": "Fine, thanks.", "speaker": "SPEAKER_01",
         "words": words("Fine, thanks.", 4.5)},
    ]}
    turns = read_text(json.dumps(data), "x.json").transcript.segments
    assert [s.text for s in turns] == ["Hello there friend. How are you?", "Fine, thanks."]
    assert turns[0].word_timing is WordTiming.IMPORTED
    assert [w.start_ms for w in turns[0].words] == [0, 500, 1000, 2200, 2700, 3200]
    assert turns[0].words[0].confidence == 0.9


def test_finished_subtitles_are_recognised():
    two_lines = [(f"{_clock(i * 4, ',')} --> {_clock(i * 4 + 3.5, ',')}",
                  "A line cut for viewers,", "and a second one.") for i in range(20)]
    srt = "\n\n".join(f"{n}\n{t}\n{a}\n{b}" for n, (t, a, b) in enumerate(two_lines, 1)) + "\n"
    assert read_text(srt, "film.srt").finished_subtitles
    assert not read_text(_srt(), "episode.srt").finished_subtitles  # one line per cue: a recognizer's
    long_lines = "\n\n".join(
        f"{n}\n{_clock(n * 4, ',')} --> {_clock(n * 4 + 3.5, ',')}\n"
        "this is a recognizer line that runs on well past the width of a caption\nand wraps" for n in range(20))
    assert not read_text(long_lines, "asr.srt").finished_subtitles


def test_check_reports_turns_and_the_captions_they_came_from(tmp_path):
    path = tmp_path / "episode.vtt"
    path.write_text(_vtt())
    run = [sys.executable, "-m", "editor", "check", str(path)]
    human = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "segments:   3 turns, merged from 8 captions" in human
    report = json.loads(subprocess.run(run + ["--json"], capture_output=True, text=True, check=True).stdout)
    assert report["segments"] == 3 and report["merged_captions"] == 8


def test_problems_of_single_cues_are_reported_before_merging():
    cues = [("Ana Ruiz", 0.0, 2.0, "First cue."), ("Ana Ruiz", 3.0, 2.5, "Ends before it starts."),
            ("Ana Ruiz", 2.8, 4.0, "Overlaps the one before.")]
    result = read_text(_srt(cues), "bad.srt")
    assert len(result.transcript.segments) == 1
    assert any(w.startswith("caption 2 ended before it started") for w in result.warnings)
    assert any("caption(s) overlap" in w for w in result.warnings)
    words = result.transcript.segments[0].words
    assert all(w.end_ms >= w.start_ms for w in words)
