"""`transcript-editor align TRANSCRIPT AUDIO -o PROJECT`, run for real (PocketSphinx).

The command is run as a process of its own, end to end with its 2 worker processes, once for the
module (:func:`aligned`): what it writes and prints is checked there, and the project it wrote is
the input of the test that aligns a project again. The other tests run the command's own entry
point in the test's process (the ``cli`` fixture), aligning in that process (``--workers 1``)
where what they check is not the workers but what is read, refused, kept or reported: each
process or pair of workers spared is a Python start and PocketSphinx's imports (~1 s of CPU).
The bad-audio test stays a process: it counts the lines of the process's whole stderr."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

import timing_audio as speech  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import WordTiming  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# (speaker, written turn, the words espeak says for it); "[inaudible]" is a pause of 1.2 s.
TURNS = [
    ("Maya Ortiz", "Welcome back, we sold four boats that summer.",
     "welcome back we sold four boats that summer"),
    ("Desmond Lee", "Find us at patrion.com/t S M H or the FBI site.",
     "find us at patrion dot com slash t s m h or the f b i site"),
    ("Maya Ortiz", "In 1999 the river was quiet [inaudible] and we carried the boat.",
     "in nineteen ninety nine the river was quiet [pause] and we carried the boat"),
]


def _clock(ms):
    return f"{ms // 60000:02d}:{ms // 1000 % 60:02d}"


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    """A Rev transcript and its MP3; the true start of each turn's words."""
    folder = tmp_path_factory.mktemp("align-cli")
    pieces, lines, truths, position = [], [], [], 0
    for speaker, written, said in TURNS:
        words = said.split()
        gaps = [120] * len(words)
        spoken = [w for w in words if w != "[pause]"]
        if "[pause]" in words:
            gaps = [1200 if w == "quiet" else 120 for w in spoken]
        audio, truth = speech.speak(spoken, gaps[:len(spoken)], lead_ms=500)
        lines += [f"{speaker} ({_clock(position + truth[0].start_ms - 300)}):", written, ""]
        truths.append([t.start_ms + position for t in truth])
        pieces.append(audio)
        position += len(audio) * 1000 // speech.RATE
    wav = speech.write_wav(folder / "episode.wav", np.concatenate(pieces))
    mp3 = speech.encode(wav, folder / "episode.mp3", "-b:a", "64k")
    transcript = folder / "episode.txt"
    transcript.write_text("\n".join(lines))
    return transcript, mp3, truths


def run(*args):
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


@pytest.fixture(scope="module")
def aligned(episode, tmp_path_factory):
    """`python -m editor align` run as a process on the episode (2 worker processes, the default),
    --json: (its result, the project it wrote)."""
    transcript, mp3, _ = episode
    out = tmp_path_factory.mktemp("aligned") / "episode.tep.json"
    return run("align", transcript, mp3, "-o", out, "--json"), out


def test_align_writes_a_project_with_word_and_mark_times(episode, aligned):
    _, mp3, truths = episode
    result, out = aligned
    assert result.returncode == 0, result.stderr
    assert "align: 3/3 turns" in result.stderr and "Traceback" not in result.stderr
    summary = json.loads(result.stdout)
    assert summary["aligned"] == 3 and summary["failed"] == 0 and summary["project"] == str(out)
    loaded = project.load(out).transcript
    assert Path(loaded.meta.audio_path).resolve() == mp3.resolve()
    assert all(s.word_timing is WordTiming.ALIGNED for s in loaded.segments)
    url_turn = loaded.segments[1]
    url = next(w for w in url_turn.words if w.text.startswith("patrion"))
    assert abs(url.start_ms - truths[1][3]) <= 60          # "patrion" is the 4th word said
    last = loaded.segments[2]
    (mark,) = last.marks
    quiet = next(w for w in last.words if w.text == "quiet")
    after = next(w for w in last.words if w.text == "and")
    assert quiet.end_ms - 100 <= mark.time_ms <= after.start_ms     # heard in the pause, not at the turn's start
    assert mark.time_ms > last.start_ms + 1500


def test_align_prints_a_line_and_keeps_a_projects_extra(episode, aligned, tmp_path, cli):
    _, mp3, _ = episode
    result, out = aligned
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    data["extra"] = {"glossary": ["Marrowby"]}
    first = tmp_path / "first.tep.json"
    first.write_text(json.dumps(data))
    again = tmp_path / "again.tep.json"
    result = cli("align", first, mp3, "-o", again, "--workers", 1)
    assert result.returncode == 0, result.stderr
    assert "3 of 3 turns aligned" in result.stdout
    assert project.load(again).extra == {"glossary": ["Marrowby"]}


def test_align_refuses_to_write_onto_an_input(episode, tmp_path, cli):
    transcript, mp3, _ = episode
    before = transcript.read_bytes()
    for target in (transcript, mp3):
        result = cli("align", transcript, mp3, "-o", target)
        assert result.returncode == 2
        assert "overwrite an input" in result.stderr and "Traceback" not in result.stderr
    assert transcript.read_bytes() == before


def test_align_names_a_missing_or_broken_audio_file(episode, tmp_path):
    # As a process: the one line of stderr counts what the decoder's library writes there too.
    transcript, _, _ = episode
    result = run("align", transcript, tmp_path / "nowhere.mp3", "-o", tmp_path / "p.tep.json")
    assert result.returncode == 2 and "nowhere.mp3" in result.stderr and "Traceback" not in result.stderr
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8)
    result = run("align", transcript, broken, "-o", tmp_path / "p.tep.json")
    assert result.returncode == 2 and "broken.mp3" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p.tep.json").exists()


def test_align_reports_an_unwritable_output(episode, tmp_path, cli):
    transcript, mp3, _ = episode
    result = cli("align", transcript, mp3, "-o", tmp_path / "missing-folder" / "p.tep.json", "--workers", 1)
    assert result.returncode == 1 and "p.tep.json" in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr


def test_align_names_each_turn_that_did_not_align(tmp_path, cli):
    # The middle turn's text is far longer than what its two seconds of audio can hold
    # (a transcript out of step with its audio): it cannot align as a whole.
    said = ["we sold four boats that summer", "thank you", "the river was quiet that morning"]
    written = ["We sold four boats that summer.",
               " ".join(speech.random_sentences(3, seed=3, names=False, words_per=(12, 14))[i][j]
                        for i in range(3) for j in range(10)),
               "The river was quiet that morning."]
    pieces, lines, position = [], [], 0
    for turn, (words, text) in enumerate(zip(said, written, strict=True)):
        audio, truth = speech.speak(words.split(), [150] * len(words.split()), lead_ms=600)
        lines += [f"{'Maya Ortiz' if turn != 1 else 'Desmond Lee'} ({_clock(position + truth[0].start_ms - 300)}):",
                  text, ""]
        pieces.append(audio)
        position += len(audio) * 1000 // speech.RATE
    wav = speech.write_wav(tmp_path / "out-of-step.wav", np.concatenate(pieces))
    transcript = tmp_path / "out-of-step.txt"
    transcript.write_text("\n".join(lines))
    result = cli("align", transcript, wav, "-o", tmp_path / "p.tep.json", "--json", "--workers", 1)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["failed"] == 1 and summary["aligned"] == 2
    (failure,) = summary["failed_turns"]
    assert failure["index"] == 1 and failure["speaker"] == "Desmond Lee" and failure["words"] == 30
    assert failure["text"].startswith(written[1][:20]) and len(failure["text"]) <= 60
    (line,) = [line for line in result.stderr.splitlines() if "did not align" in line]
    assert line.startswith(f"{transcript}: turn 2 at 00:0") and "(Desmond Lee)" in line
    assert "of 30 words timed by the audio" in line and written[1][:20] in line


def test_align_keeps_a_podcast_pages_show_notes(episode, tmp_path, cli):
    _, mp3, truths = episode
    page = tmp_path / "page.txt"
    lines = ["The Marrowby Hour: boats and rivers", "With guest Desmond Lee, recorded at Quayside Studio.", ""]
    for (speaker, written, _), starts in zip(TURNS, truths, strict=True):
        seconds = max(0, starts[0] - 300) // 1000
        lines.append(f"{speaker} 00:00:{seconds:02d} {written}")
        lines.append("")
    # A page is told from plain text by names that start several lines: one more short turn at the end.
    lines += [f"Desmond Lee 00:00:{truths[-1][-1] // 1000 + 1:02d} Thanks.", ""]
    lines += ["Links: patrion.com/tsmh", "Music by Orla Finnegan."]
    page.write_text("\n".join(lines) + "\n")
    out = tmp_path / "page.tep.json"
    result = cli("align", page, mp3, "-o", out, "--workers", 1)
    assert result.returncode == 0, result.stderr
    kept = project.load(out).extra["page_text"]
    assert kept["title"] == "The Marrowby Hour: boats and rivers"
    assert "Quayside Studio" in kept["before"] and "Orla Finnegan" in kept["after"]
