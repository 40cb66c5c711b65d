"""Read speed and model size for a 10-hour episode in every readable format.

The episode comes from ``synthetic.ten_hour_episode()`` (~2,400 turns, ~90,000
timed words); this script renders it in each format itself (so it does not
depend on the writers) and prints, per format: file size, read time (median
of 3, through ``editor.formats.read_text``, detection and repair included),
segments read, and the memory the loaded model holds (tracemalloc).

Targets: SRT/VTT/text formats <= 0.25 s, Whisper JSON with words <= 0.4 s,
model <= 60 MB.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ten_hour_episode  # noqa: E402

from editor.core.transcript import Transcript  # noqa: E402
from editor.formats import read_text  # noqa: E402

CAPTION_WORDS = 12  # words per SRT/VTT cue, about two 42-character lines


def _clock(ms: int, sep: str = ",", millis: bool = True) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}" + (f"{sep}{milli:03d}" if millis else "")


def _cues(t: Transcript):
    """(speaker name or None when unchanged, start, end, text) per caption-sized cue."""
    previous = None
    for seg in t.segments:
        words = seg.words
        for i in range(0, len(words), CAPTION_WORDS):
            chunk = words[i:i + CAPTION_WORDS]
            name = t.speaker_name(seg.speaker_id)
            yield (name if name != previous else None, chunk[0].start_ms, chunk[-1].end_ms,
                   " ".join(w.text for w in chunk))
            previous = name


def render_srt(t: Transcript) -> str:
    out = []
    for n, (name, start, end, text) in enumerate(_cues(t), 1):
        out.append(f"{n}\n{_clock(start)} --> {_clock(end)}\n{name + ': ' if name else ''}{text}\n")
    return "\n".join(out)


def render_vtt(t: Transcript) -> str:
    out = ["WEBVTT\n"]
    for n, (name, start, end, text) in enumerate(_cues(t), 1):
        out.append(f"{n}\n{_clock(start, '.')} --> {_clock(end, '.')}\n{f'<v {name}>' if name else ''}{text}\n")
    return "\n".join(out)


def render_otter(t: Transcript) -> str:
    return "\n".join(f"{t.speaker_name(s.speaker_id)}  {_clock(s.start_ms, millis=False)}  \n{s.text}\n"
                     for s in t.segments)


def render_rev(t: Transcript) -> str:
    return "\n".join(f"{t.speaker_name(s.speaker_id)} ({_clock(s.start_ms, millis=False)}):\n{s.text}\n"
                     for s in t.segments)


def render_descript(t: Transcript) -> str:
    return "\n".join(f"[{_clock(s.start_ms, millis=False)}] {t.speaker_name(s.speaker_id)}: {s.text}\n"
                     for s in t.segments)


def render_page(t: Transcript) -> str:
    # Hosting pages label voices "Speaker N" and run the turns together on one line.
    index = {sid: n for n, sid in enumerate(t.speakers)}
    turns = " ".join(f"Speaker {index[s.speaker_id]} {_clock(s.start_ms, millis=False)} {s.text}"
                     for s in t.segments)
    return f"Synthetic episode\n\nShow Notes\n\nEpisode Transcript\n\n{turns}\n\nOther Episodes\n"


def render_whisper(t: Transcript) -> str:
    segments = [{"id": n, "seek": 0, "start": s.start_ms / 1000, "end": s.end_ms / 1000,
                 # about one token per word, as the real CLI writes them
                 "text": " " + s.text, "tokens": [50364 + k for k in range(len(s.words) + 2)],
                 "temperature": 0.0, "avg_logprob": -0.2,
                 "compression_ratio": 1.2, "no_speech_prob": 0.01,
                 "words": [{"word": " " + w.text, "start": w.start_ms / 1000, "end": w.end_ms / 1000,
                            "probability": w.confidence if w.confidence is not None else 0.5}
                           for w in s.words]}
                for n, s in enumerate(t.segments)]
    return json.dumps({"text": "", "segments": segments, "language": "en"})


def render_podcasting(t: Transcript, word_level: bool) -> str:
    items = []
    for s in t.segments:
        name = t.speaker_name(s.speaker_id)
        if word_level:
            items.extend({"speaker": name, "startTime": w.start_ms / 1000, "endTime": w.end_ms / 1000,
                          "body": w.text} for w in s.words)
            items[-1]["body"] += "\n"
        else:
            items.append({"speaker": name, "startTime": s.start_ms / 1000, "endTime": s.end_ms / 1000,
                          "body": s.text})
    return json.dumps({"version": "1.0.0", "segments": items})


RENDERERS = {
    "srt": (render_srt, 0.25), "vtt": (render_vtt, 0.25), "otter": (render_otter, 0.25),
    "rev": (render_rev, 0.25), "descript": (render_descript, 0.25), "podcast-page": (render_page, 0.25),
    "whisper-json": (render_whisper, 0.4),
    "podcasting-json (words)": (lambda t: render_podcasting(t, True), 0.4),
    "podcasting-json (turns)": (lambda t: render_podcasting(t, False), 0.25),
}


def _time_read(text: str, name: str) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(3):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = read_text(text, name)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _model_mb(text: str, name: str) -> float:
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    result = read_text(text, name)
    gc.collect()
    size = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del result
    return size / 1e6


def main() -> None:
    episode = ten_hour_episode()
    print(f"episode: {len(episode.segments)} turns, {episode.word_count} words, "
          f"{len(episode.speakers)} speakers\n")
    print(f"{'format':<26}{'file MB':>8}{'read s':>9}{'target':>8}{'segments':>10}{'words':>8}"
          f"{'model MB':>10}  detected")
    for label, (render, target) in RENDERERS.items():
        text = render(episode)
        seconds, result = _time_read(text, "episode")
        transcript = result.transcript
        words = sum(len(s.words) for s in transcript.segments)
        model = _model_mb(text, "episode")
        flag = "" if seconds <= target else "  SLOW"
        print(f"{label:<26}{len(text) / 1e6:>8.2f}{seconds:>9.3f}{target:>8.2f}{len(transcript.segments):>10}"
              f"{words:>8}{model:>10.1f}  {result.format}{flag}")


if __name__ == "__main__":
    main()
