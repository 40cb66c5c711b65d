"""`transcript-editor check FILE... [--json]`: read transcripts or projects and report what they hold."""

from __future__ import annotations

import argparse
import json

from editor.cli.common import EXIT_OK, EXIT_READ, Loaded, add_encoding_argument, load_or_report
from editor.core.timecode import format_clock
from editor.core.transcript import MarkKind, ReviewStatus

NAME = "check"
HELP = "read transcripts or projects and report what they hold"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    add_encoding_argument(parser)


def run(options: argparse.Namespace) -> int:
    code = EXIT_OK
    for number, path in enumerate(options.files):
        loaded = load_or_report(path, options.encoding)
        if loaded is None:
            code = EXIT_READ
            continue
        summary = summarize(path, loaded)
        if options.json:
            print(json.dumps(summary, ensure_ascii=False))
        else:
            if number:
                print()
            print(_human(summary))
    return code


def summarize(path: str, loaded: Loaded) -> dict:
    """What `check` reports about one file (the --json object)."""
    transcript = loaded.transcript
    timed = [s for s in transcript.segments if s.start_ms is not None]
    return {
        "file": path,
        "format": loaded.format,
        "format_label": loaded.label,
        "segments": len(transcript.segments),
        "merged_captions": loaded.merged_cues,
        "untimed_segments": len(transcript.segments) - len(timed),
        "speakers": [speaker.name for speaker in transcript.speakers.values()],
        "first_ms": timed[0].start_ms if timed else None,
        "last_ms": transcript.end_ms if timed else None,
        "duration_ms": transcript.end_ms,
        "words": transcript.word_count,
        "timed_words": sum(1 for s in transcript.segments for w in s.words if w.start_ms is not None),
        "inaudible": transcript.mark_count(MarkKind.INAUDIBLE),
        "crosstalk": transcript.mark_count(MarkKind.CROSSTALK),
        "unclear": transcript.mark_count(MarkKind.UNCLEAR),
        "approved": sum(1 for s in transcript.segments if s.status is ReviewStatus.APPROVED),
        "chapters": len(transcript.chapters),
        "warnings": list(loaded.warnings),
    }


def _human(summary: dict) -> str:
    speakers = summary["speakers"]
    untimed = f" ({summary['untimed_segments']} untimed)" if summary["untimed_segments"] else ""
    merged = f" turns, merged from {summary['merged_captions']} captions" if summary["merged_captions"] else ""
    span = (f"{format_clock(summary['first_ms'], hours=True)} - {format_clock(summary['last_ms'], hours=True)}"
            if summary["first_ms"] is not None else "no times")
    lines = [
        summary["file"],
        f"  format:     {summary['format_label']} ({summary['format']})",
        f"  segments:   {summary['segments']}{merged}{untimed}",
        f"  speakers:   {len(speakers)}" + (f": {', '.join(speakers)}" if speakers else ""),
        f"  time:       {span}",
        f"  words:      {summary['words']} ({summary['timed_words']} with times)",
        f"  inaudible:  {summary['inaudible']} (crosstalk {summary['crosstalk']}, "
        f"unclear {summary['unclear']})",
        f"  approved:   {summary['approved']} of {summary['segments']}",
        f"  chapters:   {summary['chapters']}",
        f"  warnings:   {len(summary['warnings'])}",
    ]
    lines += [f"    - {warning}" for warning in summary["warnings"]]
    return "\n".join(lines)


