"""`transcript-editor align TRANSCRIPT AUDIO -o PROJECT`: word times for a whole episode, for batch work.

The same alignment as the window's (``editor.align.batch``: the audio decoded once, two
worker processes, PocketSphinx), with progress on stderr. The project written holds the
word times and the marks at the times they are heard, and links the audio, so opening it
in the window aligns nothing again.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from editor.cli.common import EXIT_OK, EXIT_READ, EXIT_WRITE, load_or_report, same_file, say
from editor.core.errors import TranscriptError
from editor.core.timecode import format_clock
from editor.core.transcript import Transcript, WordTiming

NAME = "align"
HELP = "compute word times of a transcript against its audio and save a project"

# At most one progress line per this many seconds when stderr is not a terminal (logs).
_LOG_EVERY_S = 2.0


def add_arguments(align: argparse.ArgumentParser) -> None:
    align.add_argument("transcript", metavar="TRANSCRIPT", help="a transcript in any format read, or a project")
    align.add_argument("audio", metavar="AUDIO", help="the episode's audio (MP3, M4A, Ogg, Opus, FLAC, WAV, ...)")
    align.add_argument("-o", "--output", required=True, metavar="PROJECT",
                       help="the project to write (*.tep.json)")
    align.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    align.add_argument("--redo", action="store_true",
                       help="align turns that already have aligned or imported word times too")
    align.add_argument("--workers", type=int, default=2, metavar="N", help="worker processes (default 2)")


def run(options: argparse.Namespace) -> int:
    from editor.core import project

    for source in (options.transcript, options.audio):
        if same_file(source, options.output):
            say(f"{options.output}: the output would overwrite an input ({source}); choose another name")
            return EXIT_READ
    if options.workers < 1:
        say("--workers must be at least 1")
        return EXIT_READ
    loaded = load_or_report(options.transcript)
    if loaded is None:
        return EXIT_READ
    # What the reader kept beside the text travels into the project: a project's own extra, or a
    # podcast page's show notes (which the window's name suggestions read).
    extra = dict(loaded.extra)
    transcript = loaded.transcript
    started = time.monotonic()
    try:
        counts = align_episode(transcript, options.audio, workers=options.workers, redo=options.redo,
                               progress=_Progress())
    except TranscriptError as error:
        say(str(error.with_path(options.audio)) if not error.path else str(error))
        return EXIT_READ
    try:
        project.save(transcript, options.output, extra)
    except TranscriptError as error:
        say(str(error.with_path(options.output)) if not error.path else str(error))
        return EXIT_WRITE
    counts["seconds"] = round(time.monotonic() - started, 1)
    _report(options, counts, loaded.warnings)
    return EXIT_OK


def align_episode(transcript: Transcript, audio_path: str, *, workers: int = 2, redo: bool = False,
                  progress=None) -> dict:
    """Align *transcript* against *audio_path* in place (meta links the audio); returns counts."""
    import os

    from editor.align.batch import align_transcript, apply_alignment, plan_jobs
    from editor.audio.decode import duration_ms
    from editor.core.audio_fit import end_within

    if not os.path.isfile(audio_path):
        raise TranscriptError("no such audio file", audio_path)
    duration = duration_ms(audio_path)
    transcript.meta.audio_path = os.path.abspath(audio_path)
    if duration:
        transcript.meta.duration_ms = duration
    jobs = plan_jobs(transcript.segments, duration, redo=redo)
    by_id = {segment.id: segment for segment in transcript.segments}
    failures = []
    for result in align_transcript(audio_path, jobs, workers=workers, progress=progress):
        segment = by_id.get(result.segment_id)
        if segment is not None and apply_alignment(segment, result) and segment.word_timing is WordTiming.FAILED:
            failures.append(_failure(transcript, result.index, result.alignment.anchored))
    if progress is not None:
        progress.finish()
    segments = transcript.segments
    for segment in segments:
        # A turn's end past the audio's (a page gives its last turn the episode's stated length)
        # ends with the audio: the project claims no audio its turns do not have.
        end = end_within(segment, duration)
        if end is not None:
            segment.end_ms = end
    return {
        "segments": len(segments),
        "aligned_now": len(jobs),
        "aligned": sum(s.word_timing is WordTiming.ALIGNED for s in segments),
        "failed": sum(s.word_timing is WordTiming.FAILED for s in segments),
        "imported": sum(s.word_timing is WordTiming.IMPORTED for s in segments),
        "untimed": sum(s.start_ms is None for s in segments),
        "words": sum(len(s.words) for s in segments),
        "marks": transcript.mark_count(),
        "duration_ms": duration,
        "failed_turns": sorted(failures, key=lambda failure: failure["index"]),
    }


def _failure(transcript: Transcript, index: int, anchored: int) -> dict:
    """What the summary says of a turn the audio did not match as a whole."""
    segment = transcript.segments[index]
    return {"index": index, "id": segment.id, "start_ms": segment.start_ms,
            "speaker": transcript.speaker_name(segment.speaker_id), "words": len(segment.words),
            "anchored": anchored, "text": segment.text if len(segment.text) <= 60 else segment.text[:59] + "…"}


class _Progress:
    """``align: 12/40 turns`` on stderr: rewritten in place on a terminal, a line now and then in a log."""

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._tty:
            print(f"\ralign: {done}/{total} turns", end="", file=sys.stderr, flush=True)
            self._shown = True
        elif done == total or now - self._last >= _LOG_EVERY_S:
            print(f"align: {done}/{total} turns", file=sys.stderr, flush=True)
        self._last = now

    def finish(self) -> None:
        if self._shown:
            print(file=sys.stderr)


def _report(options: argparse.Namespace, counts: dict, warnings: list[str]) -> None:
    for warning in warnings:
        say(f"{options.transcript}: warning: {warning}")
    for failure in counts["failed_turns"]:
        say(f"{options.transcript}: turn {failure['index'] + 1} at {format_clock(failure['start_ms'])} "
            f"({failure['speaker'] or 'no speaker'}) did not align: {failure['anchored']} of {failure['words']} "
            f"words timed by the audio, the rest estimated between them; check its text against the audio: "
            f"\"{failure['text']}\"")
    if options.json:
        print(json.dumps({"project": options.output, **counts}, ensure_ascii=False))
        return
    failed = f", {counts['failed']} kept estimated times between anchors" if counts["failed"] else ""
    untimed = f", {counts['untimed']} untimed turns skipped" if counts["untimed"] else ""
    print(f"{options.output}: {counts['aligned']} of {counts['segments']} turns aligned{failed}{untimed} "
          f"in {counts['seconds']} s")
