#!/usr/bin/env python3
"""Regenerate the bundled sample episode: ``sample-episode.ogg`` + ``sample-episode.txt``.

An invented three-person conversation ("Saltmarsh Radio"), each turn spoken by
espeak-ng in its own voice, joined with short pauses and encoded as a small mono
Ogg Vorbis file. The transcript is written the way Otter.ai exports TXT
(``Name  M:SS`` header, two spaces, then the text) with the true start time of
each turn, but -- like a real recognizer's output -- it gets a few names wrong
(the guest's surname, the sponsor, a place) and one muffled passage is marked
``[inaudible HH:MM:SS]`` at the moment it is heard. Those are what a producer
fixes in the editor.

Needs espeak-ng, sox and ffmpeg on PATH. Deterministic for a given espeak-ng/ffmpeg.
Run: ``python resources/sample/make_sample.py`` (or ``make sample``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEM = "sample-episode"
RATE = 22050          # espeak-ng's native output rate
TURN_GAP_S = 0.55     # silence between turns
LEAD_IN_S = 0.4       # silence before the first turn

# speaker key -> (name as the recognizer labelled it, espeak-ng voice, words per minute, pitch)
SPEAKERS = {
    "nora": ("Nora Castellan", "en-us+m3", 165, 45),
    "ingrid": ("Ingrid Solberg", "en-gb+f2", 155, 60),
    "tomas": ("Tomas Reyes", "en+m7", 170, 35),
}

# Each turn: (speaker, [parts]); a part is (spoken, written). written=None means the part is
# muffled in the audio and the transcript says [inaudible <time>] there.
TURNS: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("nora", [(
        "Welcome to Saltmarsh Radio, the show about people who work where the land runs out. "
        "I'm Nora Castellan, and with me in the studio is my co-host, Tomas Reyes.",
        "Welcome to Saltmarsh Radio, the show about people who work where the land runs out. "
        "I'm Nora Castellan, and with me in the studio is my co-host, Thomas Rayes.")]),
    ("tomas", [(
        "Hello everyone. Before we start, this episode is supported by Brightwick Tea, "
        "blended in small batches on the north coast.",
        "Hello everyone. Before we start, this episode is supported by Bright Wick Tea, "
        "blended in small batches on the north coast.")]),
    ("nora", [(
        "Our guest today restores old lighthouse lenses. Ingrid Solberg, welcome to the show.",
        "Our guest today restores old lighthouse lenses. Ingrid Soulberg, welcome to the show.")]),
    ("ingrid", [(
        "Thank you, Nora. It is lovely to be here, even if the weather is doing its best to keep us inside.",
        "Thank you, Nora. It is lovely to be here, even if the weather is doing its best to keep us inside.")]),
    ("tomas", [(
        "So how does somebody end up repairing lenses that are more than a hundred years old?",
        "So how does somebody end up repairing lenses that are more than a hundred years old?")]),
    ("ingrid", [
        ("My grandfather kept the light at Vardholm for thirty years. When I was small he let me "
         "polish the brass, and I think that was the start of it.",
         "My grandfather kept the light at Vard Home for thirty years. When I was small he let me "
         "polish the brass, and I think that was the start of it."),
        ("The glass prisms are bedded in putty that nobody has made since the war,", None),
        ("so most of my work is finding a modern mix that behaves the same way.",
         "so most of my work is finding a modern mix that behaves the same way."),
    ]),
    ("nora", [(
        "That sounds painstaking. How long does one lens take?",
        "That sounds painstaking. How long does one lens take?")]),
    ("ingrid", [(
        "A small one, perhaps four months. The big first order lens at Kettleness took me almost two years, "
        "and I still dream about the cleaning.",
        "A small one, perhaps four months. The big first order lens at Kettle Ness took me almost two years, "
        "and I still dream about the cleaning.")]),
    ("tomas", [(
        "Ingrid Solberg, two years on one lens. I cannot keep a houseplant alive for two weeks.",
        "Ingrid Sol Berg, two years on one lens. I cannot keep a houseplant alive for two weeks.")]),
    ("ingrid", [(
        "Lenses are easier. They do not need watering, only patience and very soft cloths.",
        "Lenses are easier. They do not need watering, only patience and very soft cloths.")]),
    ("nora", [(
        "You mentioned putty. What else surprises people about the job?",
        "You mentioned putty. What else surprises people about the job?")]),
    ("ingrid", [(
        "The mercury. Some of the big lenses floated on a bath of it so the keeper could turn them by hand. "
        "Today we drain it out and put in sealed bearings, which the old keepers would find very boring.",
        "The mercury. Some of the big lenses floated on a bath of it so the keeper could turn them by hand. "
        "Today we drain it out and put in sealed bearings, which the old keepers would find very boring.")]),
    ("tomas", [(
        "And the glass itself? Do you ever have to replace a prism?",
        "And the glass itself? Do you ever have to replace a prism?")]),
    ("ingrid", [(
        "Only when it is cracked right through. There is a glassworks near Orrefors that still casts them, "
        "but it takes a year to get one, so usually we glue the pieces and live with the line.",
        "Only when it is cracked right through. There is a glassworks near Or a force that still casts them, "
        "but it takes a year to get one, so usually we glue the pieces and live with the line.")]),
    ("nora", [(
        "I love that. A repair you can see is a kind of history.",
        "I love that. A repair you can see is a kind of history.")]),
    ("tomas", [(
        "Where can listeners see your work?",
        "Where can listeners see your work?")]),
    ("ingrid", [(
        "The Kettleness lens goes back into its tower in June, and the keepers' cottage will be open on Sundays.",
        "The Kettle Ness lens goes back into its tower in June, and the keepers cottage will be open on Sundays.")]),
    ("nora", [(
        "Wonderful. Thank you, Ingrid. And thanks again to Brightwick Tea for supporting the show. "
        "That's all for this week on Saltmarsh Radio.",
        "Wonderful. Thank you, Ingrid. And thanks again to Bright Wick Tea for supporting the show. "
        "That's all for this week on Saltmarsh Radio.")]),
    ("tomas", [(
        "Goodbye, and mind the tide.",
        "Goodbye, and mind the tide.")]),
]


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def speak(text: str, speaker: str, out: Path) -> None:
    _name, voice, wpm, pitch = SPEAKERS[speaker]
    run(["espeak-ng", "-v", voice, "-s", str(wpm), "-p", str(pitch), "-w", str(out), text])


def muffle(src: Path, out: Path) -> None:
    """Make a passage genuinely hard to make out: low-passed, quiet, under a bed of noise."""
    noise = out.with_suffix(".noise.wav")
    dur = wav_frames(src) / RATE
    run(["sox", "-n", "-r", str(RATE), "-c", "1", "-b", "16", str(noise), "synth", f"{dur:.3f}",
         "brownnoise", "vol", "0.12"])
    run(["sox", "-m", "-v", "0.35", str(src), str(noise), str(out), "lowpass", "350", "reverb", "60"])
    # reverb may lengthen the tail; keep the passage's length so later times stay exact
    trimmed = out.with_suffix(".trim.wav")
    run(["sox", str(out), str(trimmed), "trim", "0", f"{dur:.3f}"])
    trimmed.replace(out)


def wav_frames(path: Path) -> int:
    with wave.open(str(path)) as w:
        return w.getnframes()


def read_pcm(path: Path) -> bytes:
    with wave.open(str(path)) as w:
        if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"{path}: espeak-ng produced {w.getframerate()} Hz x{w.getnchannels()}; expected {RATE} Hz mono")
        return w.readframes(w.getnframes())


def silence(seconds: float) -> bytes:
    return b"\0\0" * int(round(seconds * RATE))


def clock(ms: int, hours: bool = False) -> str:
    s = ms // 1000
    h, m, sec = s // 3600, s // 60 % 60, s % 60
    return f"{h:02d}:{m:02d}:{sec:02d}" if hours else (f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}")


def main() -> None:
    for tool in ("espeak-ng", "sox", "ffmpeg"):
        if not shutil.which(tool):
            sys.exit(f"make_sample: {tool} is not installed")
    pcm = bytearray(silence(LEAD_IN_S))
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (speaker, parts) in enumerate(TURNS):
            start_ms = len(pcm) // 2 * 1000 // RATE
            written: list[str] = []
            for j, (spoken, text) in enumerate(parts):
                clip = Path(tmp, f"t{i:02d}_{j}.wav")
                speak(spoken, speaker, clip)
                if text is None:
                    muffled = clip.with_suffix(".m.wav")
                    muffle(clip, muffled)
                    clip = muffled
                    text = f"[inaudible {clock(len(pcm) // 2 * 1000 // RATE, hours=True)}]"
                written.append(text)
                pcm += read_pcm(clip)
            pcm += silence(TURN_GAP_S)
            lines += [f"{SPEAKERS[speaker][0]}  {clock(start_ms)}  ", " ".join(written), ""]
        wav = Path(tmp, "episode.wav")
        with wave.open(str(wav), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(RATE)
            w.writeframes(bytes(pcm))
        ogg = HERE / f"{STEM}.ogg"
        run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-map_metadata", "-1", "-ac", "1",
             "-c:a", "libvorbis", "-b:a", "32k", "-fflags", "+bitexact", "-flags:a", "+bitexact", str(ogg)])
    (HERE / f"{STEM}.txt").write_text("\n".join(lines), encoding="utf-8")
    total_s = len(pcm) / 2 / RATE
    print(f"{STEM}.ogg: {total_s:.1f} s, {os.path.getsize(ogg) / 1024:.0f} KiB; {len(TURNS)} turns")


if __name__ == "__main__":
    main()
