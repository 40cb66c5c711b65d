"""The bad-input matrix: broken transcripts and audio files, generated into a folder by the tests.

Each :class:`Case` says what a producer must see: ``"error"`` (a clear message
naming the file and the problem) or ``"warning"`` (the file loads, with a
visible warning), plus words that must survive when it loads (text is never
dropped silently) and words the message must contain. Nothing here is shipped
as a file; the 50 MB line is written on demand.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

# Invented phrases; each case checks some of them survive.
LINES = ["the cedar keel held through winter", "Brindle painted the harbour boat",
         "Vessik counted every oak plank", "Harlowe sanded the tiller twice"]


@dataclass
class Case:
    name: str
    filename: str
    expect: str                                      # "error" or "warning"
    problem: tuple[str, ...] = ()                    # words the error/warning must contain (any of)
    words: tuple[str, ...] = ()                      # words that must be in the loaded text
    audio: bool = False                              # an audio case (decode/player, not readers)
    seconds: float = 20.0                            # what reading it should take at most (bench_bad_inputs.py)
    path: Path = field(default=Path())


def _srt(cues: list[tuple[str, str, str]]) -> str:
    return "".join(f"{n}\n{a} --> {b}\n{text}\n\n" for n, (a, b, text) in enumerate(cues, 1))


def _whisper(segments: list[dict]) -> str:
    return json.dumps({"text": " ".join(s.get("text", "") for s in segments if isinstance(s.get("text"), str)),
                       "segments": segments, "language": "en"}, indent=1)


def _project(segments: list[dict], duration_ms: int | None = None) -> str:
    return json.dumps({"transcript_editor_project": 1, "meta": {"title": "t", "duration_ms": duration_ms},
                       "speakers": [{"id": "spk1", "name": "Ada"}], "segments": segments})


def _cases() -> list[tuple[Case, bytes | None]]:
    good_srt = _srt([("00:00:01,000", "00:00:03,000", LINES[0]), ("00:00:03,500", "00:00:06,000", LINES[1])])
    whisper = _whisper([{"id": 0, "start": 0.0, "end": 2.5, "text": " " + LINES[0]},
                        {"id": 1, "start": 2.5, "end": 5.0, "text": " " + LINES[1]}])
    rng = random.Random(5)
    binary = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000))
    return [
        (Case("empty", "empty.srt", "error", ("empty",)), b""),
        (Case("blank", "blank.txt", "error", ("no text", "empty")), b"  \n\n\t \n"),
        (Case("binary with .srt", "binary.srt", "error", ("binary", "not a transcript", "not text")), binary),
        (Case("binary with .json", "binary.json", "error", ("binary", "not a transcript", "not text")),
         bytes(rng.randrange(256) for _ in range(5000))),
        (Case("truncated whisper JSON", "cut.json", "error", ("JSON", "json", "truncated", "line")),
         whisper[: len(whisper) // 2].encode()),
        (Case("truncated project", "cut.tep.json", "error", ("JSON", "line")),
         _project([{"id": "s1", "start_ms": 0, "end_ms": 10, "text": LINES[0]}])[:70].encode()),
        (Case("whisper wrong types", "types.json", "error", ("start", "text", "segments", "number", "string")),
         _whisper([{"id": 0, "start": "zero", "end": None, "text": 5}]).encode()),
        (Case("project wrong types", "types.tep.json", "error", ("start_ms", "expected")),
         _project([{"id": "s1", "start_ms": "zero", "end_ms": 10, "text": LINES[0]}]).encode()),
        (Case("project segments not a list", "seglist.tep.json", "error", ("segments", "expected")),
         _project([]).replace('"segments": []', '"segments": {"a": 1}').encode()),
        (Case("SRT missing time line", "notime.srt", "warning", ("time line",), words=("Brindle",)),
         ("1\n00:00:01,000 --> 00:00:03,000\n" + LINES[0] + "\n\n2\n" + LINES[1] + "\n\n"
          "3\n00:00:06,000 --> 00:00:08,000\n" + LINES[2] + "\n\n").encode()),
        (Case("SRT end before start", "backwards.srt", "warning", ("before",), words=("cedar", "harbour")),
         _srt([("00:00:05,000", "00:00:02,000", LINES[0]),
               ("00:00:06,000", "00:00:08,000", LINES[1])]).encode()),
        (Case("VTT without header", "nohead.vtt", "warning", ("WEBVTT", ".vtt"), words=("cedar", "harbour")),
         good_srt.replace(",", ".").encode()),
        (Case("overlapping times", "overlap.srt", "warning", ("overlap", "before"), words=("cedar", "harbour")),
         _srt([("00:00:01,000", "00:00:05,000", LINES[0]),
               ("00:00:03,000", "00:00:07,000", LINES[1])]).encode()),
        (Case("out-of-order times", "order.srt", "warning", ("before", "order"),
              words=("cedar", "harbour", "Vessik")),
         _srt([("00:00:10,000", "00:00:12,000", LINES[0]), ("00:00:01,000", "00:00:03,000", LINES[1]),
               ("00:00:05,000", "00:00:06,000", LINES[2])]).encode()),
        (Case("times beyond the audio", "beyond.tep.json", "warning", ("audio", "beyond", "after", "longer")),
         _project([{"id": "s1", "start_ms": 0, "end_ms": 5000, "speaker": "spk1", "text": LINES[0]},
                   {"id": "s2", "start_ms": 7_200_000, "end_ms": 7_205_000, "speaker": "spk1",
                    "text": LINES[1]}], duration_ms=60_000).encode()),
        (Case("NUL byte mid-file", "nul.srt", "error", ("NUL byte",)),
         good_srt.replace("keel", "ke\0el").encode()),
        (Case("UTF-16 without BOM", "utf16.srt", "warning", (), words=("cedar", "harbour")),
         good_srt.encode("utf-16-le")),
        (Case("Latin-1 text", "latin1.txt", "warning", ("encoding", "Windows-1252", "cp1252", "UTF-8")),
         ("Ada: " + LINES[0] + " \u00e0 la fran\u00e7aise\n").encode("latin-1")),
        (Case("Shift-JIS text", "sjis.txt", "warning", ("encoding", "Windows-1252", "cp1252", "UTF-8"),
              words=("cedar",)),
         ("Ada: " + LINES[0] + " \u65e5\u672c\u8a9e\n").encode("shift_jis")),
        (Case("EBCDIC", "ebcdic.txt", "warning", ("encoding",), words=("cedar",)),
         (LINES[0] + "\n").encode("cp500")),
        (Case("50 MB single line", "huge.txt", "warning", (), words=("Brindle",), seconds=60.0), None),
        (Case("audio that is really text", "episode.mp3", "error", ("audio", "readable"), audio=True),
         ("1\n00:00:01,000 --> 00:00:03,000\n" + LINES[0] + "\n").encode()),
        (Case("zero-length MP3", "empty.mp3", "error", ("empty", "0 bytes"), audio=True), b""),
        (Case("truncated MP3", "cut.mp3", "warning", (), audio=True), None),
    ]


def matrix(folder: str | Path, huge: bool = True) -> list[Case]:
    """Write every case into *folder*; returns them with ``path`` set."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for case, data in _cases():
        case.path = folder / case.filename
        if case.name == "50 MB single line":
            if not huge:
                continue
            _write_huge_line(case.path)
        elif case.name == "truncated MP3":
            _write_truncated_mp3(case.path)
        else:
            case.path.write_bytes(data)
        cases.append(case)
    return cases


def _write_huge_line(path: Path) -> None:
    """50 MB of words with no line break at all, "Brindle" near the end."""
    chunk = (" ".join(LINES[0].split() * 4) + " ").encode()
    with open(path, "wb") as handle:
        handle.write(b"Ada: ")
        for _ in range(50 * 1024 * 1024 // len(chunk)):
            handle.write(chunk)
        handle.write(b" Brindle waved")


def _write_truncated_mp3(path: Path) -> None:
    """Three seconds of tone as MP3 (ffmpeg), cut to its first 40 %."""
    full = path.with_name("full.mp3")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                    "-c:a", "libmp3lame", "-b:a", "64k", str(full)], check=True)
    data = full.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.4)])
    full.unlink()


def have_ffmpeg() -> bool:
    return shutil.which("ffmpeg") is not None
