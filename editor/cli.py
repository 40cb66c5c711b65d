"""The command line: ``transcript-editor check`` and ``transcript-editor export``.

No Qt here: scripts and batch jobs run these on machines without a display.
Every failure is one line on stderr naming the file and the problem, never a
traceback (set ``TRANSCRIPT_EDITOR_DEBUG=1`` to see one when hunting a bug).

Exit codes: 0 done (warnings or not), 1 the output could not be written,
2 the input could not be read or the command line is wrong, 3 ``--approved-only``
refused because some segments are not approved.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.errors import TranscriptError
from editor.core.timecode import format_clock
from editor.core.transcript import MarkKind, ReviewStatus, Transcript

COMMANDS = {"check", "export"}

EXIT_OK = 0
EXIT_WRITE = 1
EXIT_READ = 2
EXIT_NOT_APPROVED = 3

_FORMATS = ("txt", "srt", "vtt", "json", "html", "docx")


@dataclass
class Loaded:
    transcript: Transcript
    format: str
    label: str
    warnings: list[str] = field(default_factory=list)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as our exit code 2 without raising SystemExit at us."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="transcript-editor",
                     description="Check and convert podcast transcripts without opening the window.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="read transcripts or projects and report what they hold")
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--json", action="store_true", help="one JSON object per file, one per line")

    export = commands.add_parser("export", help="convert a transcript or project to a publishable format")
    export.add_argument("file", metavar="FILE")
    export.add_argument("--to", choices=_FORMATS, help="output format (default: from OUT's extension)")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="output file, or - for stdout")
    export.add_argument("--inaudible-style", choices=("rev", "plain", "omit"),
                        help="[inaudible 00:12:03], [inaudible] or nothing (default: the format's own)")
    export.add_argument("--approved-only", action="store_true",
                        help="refuse (exit 3) unless every segment is approved")
    export.add_argument("--force", action="store_true", help="with --approved-only: export anyway")
    export.add_argument("--no-speakers", action="store_true", help="leave speaker names out")
    export.add_argument("--no-times", action="store_true", help="leave turn times out (txt, html, docx)")
    export.add_argument("--max-line-chars", type=int, default=42, metavar="N", help="captions (default 42)")
    export.add_argument("--max-lines", type=int, default=2, metavar="N", help="captions (default 2)")
    level = export.add_mutually_exclusive_group()
    level.add_argument("--word-level", dest="word_level", action="store_const", const=True,
                       help="JSON: one segment per word")
    level.add_argument("--turn-level", dest="word_level", action="store_const", const=False,
                       help="JSON: one segment per turn")
    return parser


def main(args: list[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    argv = sys.argv[1:] if args is None else list(args)
    try:
        options = build_parser().parse_args(argv)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_READ
    except SystemExit as done:  # --help
        return int(done.code or 0)
    try:
        if options.command == "check":
            return _check(options)
        return _export(options)
    except BrokenPipeError:  # `... | head`: not an error worth a message
        sys.stderr.close()
        return EXIT_OK


# ---------------------------------------------------------------------------------- loading

def load(path: str) -> Loaded:
    """Read a project or any transcript format; TranscriptError when impossible."""
    from editor.core import project
    from editor.core.validate import problems

    if not os.path.exists(path):
        raise TranscriptError("no such file", path)
    if os.path.isdir(path):
        raise TranscriptError("is a folder, not a file", path)
    if project.is_project(path):
        transcript, _extra = project.load(path)
        return Loaded(transcript, "project", "Transcript Editor project", problems(transcript))
    from editor.formats import all_readers, read_file

    result = read_file(path)
    labels = {reader.NAME: reader.LABEL for reader in all_readers()}
    return Loaded(result.transcript, result.format, labels.get(result.format, result.format),
                  list(result.warnings))


def _load_or_report(path: str) -> Loaded | None:
    try:
        return load(path)
    except TranscriptError as error:
        _say(str(error))
    except OSError as error:
        _say(f"{path}: cannot read the file: {error.strerror or error}")
    except Exception as error:  # a reader bug must still not show the user a traceback
        if os.environ.get("TRANSCRIPT_EDITOR_DEBUG"):
            raise
        _say(f"{path}: cannot be read ({type(error).__name__}: {error})")
    return None


def _say(message: str) -> None:
    print(" ".join(message.split()) if "\n" in message else message, file=sys.stderr)


# ---------------------------------------------------------------------------------- check

def _check(options: argparse.Namespace) -> int:
    code = EXIT_OK
    for number, path in enumerate(options.files):
        loaded = _load_or_report(path)
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
        "warnings": list(loaded.warnings),
    }


def _human(summary: dict) -> str:
    speakers = summary["speakers"]
    untimed = f" ({summary['untimed_segments']} untimed)" if summary["untimed_segments"] else ""
    span = (f"{format_clock(summary['first_ms'], hours=True)} - {format_clock(summary['last_ms'], hours=True)}"
            if summary["first_ms"] is not None else "no times")
    lines = [
        summary["file"],
        f"  format:     {summary['format_label']} ({summary['format']})",
        f"  segments:   {summary['segments']}{untimed}",
        f"  speakers:   {len(speakers)}" + (f": {', '.join(speakers)}" if speakers else ""),
        f"  time:       {span}",
        f"  words:      {summary['words']} ({summary['timed_words']} with times)",
        f"  inaudible:  {summary['inaudible']} (crosstalk {summary['crosstalk']}, "
        f"unclear {summary['unclear']})",
        f"  approved:   {summary['approved']} of {summary['segments']}",
        f"  warnings:   {len(summary['warnings'])}",
    ]
    lines += [f"    - {warning}" for warning in summary["warnings"]]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------- export

def _export(options: argparse.Namespace) -> int:
    from editor.formats.base import ExportOptions, InaudibleStyle
    from editor.formats.writers import writer_named

    name = options.to or _format_from_extension(options.output)
    if name is None:
        _say(f"{options.output}: cannot tell the format from the extension; add --to "
             f"{'|'.join(_FORMATS)}")
        return EXIT_READ
    if options.max_line_chars < 1 or options.max_lines < 1:
        _say("--max-line-chars and --max-lines must be at least 1")
        return EXIT_READ
    if options.output != "-" and _same_file(options.file, options.output):
        _say(f"{options.output}: the output would overwrite the input; choose another name")
        return EXIT_READ
    loaded = _load_or_report(options.file)
    if loaded is None:
        return EXIT_READ
    if options.approved_only and not _approved_enough(options, loaded.transcript):
        return EXIT_NOT_APPROVED
    writer = writer_named(name)
    export_options = ExportOptions(
        inaudible_style=InaudibleStyle(options.inaudible_style) if options.inaudible_style else None,
        include_speakers=not options.no_speakers, include_times=not options.no_times,
        max_line_chars=options.max_line_chars, max_lines=options.max_lines,
        word_level=options.word_level)
    data = writer.write(loaded.transcript, export_options)
    return _write_output(options.output, data)


def _format_from_extension(output: str) -> str | None:
    suffix = Path(output).suffix.lower().lstrip(".")
    aliases = {"text": "txt", "webvtt": "vtt", "htm": "html"}
    suffix = aliases.get(suffix, suffix)
    return suffix if suffix in _FORMATS else None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _approved_enough(options: argparse.Namespace, transcript: Transcript) -> bool:
    pending = [(i, s) for i, s in enumerate(transcript.segments, 1) if s.status is not ReviewStatus.APPROVED]
    if not pending:
        return True
    number, first = pending[0]
    where = f"segment {number}" + (f" at {format_clock(first.start_ms, hours=True)}"
                                   if first.start_ms is not None else "")
    count = f"{len(pending)} of {len(transcript.segments)} segments are not approved (first: {where})"
    if options.force:
        _say(f"{options.file}: warning: {count}; exporting anyway (--force)")
        return True
    _say(f"{options.file}: {count}; approve them first or add --force")
    return False


def _write_output(output: str, data: str | bytes) -> int:
    from editor.core.atomic import atomic_write

    if isinstance(data, str):
        # A lone surrogate pasted into the text must not abort the export: write U+FFFD instead.
        data = data.encode("utf-8", "replace")
    if output == "-":
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return EXIT_OK
    try:
        # Exports are regenerated at will, so no .bak beside them (projects keep one).
        atomic_write(output, data, backup=False)
    except TranscriptError as error:
        _say(str(error))
        return EXIT_WRITE
    return EXIT_OK
