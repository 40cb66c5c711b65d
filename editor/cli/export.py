"""`transcript-editor export FILE -o OUT`: convert a transcript or project to a publishable format."""

from __future__ import annotations

import argparse
from pathlib import Path

from editor.cli.common import (
    EXIT_NOT_APPROVED,
    EXIT_READ,
    add_encoding_argument,
    load_or_report,
    same_file,
    say,
    write_output,
)
from editor.core.transcript import ReviewStatus, Transcript

NAME = "export"
HELP = "convert a transcript or project to a publishable format"

# Other names an output's extension may have for a format of the registry.
_EXTENSION_ALIASES = {"text": "txt", "webvtt": "vtt", "htm": "html"}


def _formats() -> list[str]:
    from editor.formats import writer_names
    return writer_names()


def add_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument("file", metavar="FILE")
    export.add_argument("--to", choices=_formats(), help="output format (default: from OUT's extension)")
    export.add_argument("-o", "--output", required=True, metavar="OUT", help="output file, or - for stdout")
    export.add_argument("--inaudible-style", choices=("rev", "plain", "omit"),
                        help="[inaudible 00:12:03], [inaudible] or nothing (default: the format's own)")
    approval = export.add_mutually_exclusive_group()
    approval.add_argument("--approved-only", action="store_true",
                          help="refuse (exit 3) unless every turn is approved, whatever else is given")
    approval.add_argument("--warn-unapproved", action="store_true",
                          help="export, with a warning naming the turns not approved")
    export.add_argument("--force", action="store_true",
                        help="replace the original transcript a project was made from (nothing else)")
    export.add_argument("--no-speakers", action="store_true", help="leave speaker names out")
    export.add_argument("--no-times", action="store_true", help="leave turn times out (txt, html, docx)")
    export.add_argument("--max-line-chars", type=int, default=42, metavar="N", help="captions (default 42)")
    export.add_argument("--max-lines", type=int, default=2, metavar="N", help="captions (default 2)")
    export.add_argument("--clean-verbatim", action="store_true",
                        help="leave filler words out (the editable list for the episode's language)")
    export.add_argument("--word-timed-vtt", action="store_true",
                        help="vtt: a time before every word (<00:00:01.000><c>word</c>)")
    export.add_argument("--no-chapters", action="store_true", help="no chapter headings (txt, html, docx)")
    export.add_argument("--author", default="", help="docx: the document's author")
    add_encoding_argument(export)
    level = export.add_mutually_exclusive_group()
    level.add_argument("--word-level", dest="word_level", action="store_const", const=True,
                       help="JSON: one segment per word")
    level.add_argument("--turn-level", dest="word_level", action="store_const", const=False,
                       help="JSON: one segment per turn")


def run(options: argparse.Namespace) -> int:
    from editor.formats.base import ExportOptions, InaudibleStyle
    from editor.formats.clean_verbatim import load_fillers
    from editor.formats.writers import writer_named

    name = options.to or format_from_extension(options.output)
    if name is None:
        say(f"{options.output}: cannot tell the format from the extension; add --to "
            f"{'|'.join(_formats())}")
        return EXIT_READ
    if options.max_line_chars < 1 or options.max_lines < 1:
        say("--max-line-chars and --max-lines must be at least 1")
        return EXIT_READ
    if options.output != "-" and same_file(options.file, options.output):
        say(f"{options.output}: the output would overwrite the input; choose another name")
        return EXIT_READ
    loaded = load_or_report(options.file, options.encoding)
    if loaded is None:
        return EXIT_READ
    audio = _audio_at(options.output, loaded.transcript.meta.audio_path)
    if audio:
        say(f"{options.output}: is {audio}; an export never replaces it, choose another name")
        return EXIT_READ
    source = loaded.transcript.meta.source_path
    replaces_source = options.output != "-" and bool(source) and same_file(options.output, source)
    if replaces_source and not options.force:
        say(f"{options.output}: is the original transcript {options.file} was made from; choose another "
            "name, or add --force to replace it")
        return EXIT_READ
    # Refused work must not first announce that it replaces the original transcript.
    if (options.approved_only or options.warn_unapproved) and not _approved_enough(options, loaded.transcript):
        return EXIT_NOT_APPROVED
    if replaces_source:
        say(f"{options.output}: warning: replacing the original transcript {options.file} was made from (--force)")
    # What reading the input repaired or guessed (cues kept untimed, an encoding assumed) is in the
    # export too: said here as `check` lists it, or the export would pass for a clean one.
    for warning in loaded.warnings:
        say(f"{options.file}: warning: {warning}")
    writer = writer_named(name)
    export_options = ExportOptions(
        inaudible_style=InaudibleStyle(options.inaudible_style) if options.inaudible_style else None,
        include_speakers=not options.no_speakers, include_times=not options.no_times,
        max_line_chars=options.max_line_chars, max_lines=options.max_lines,
        word_level=options.word_level, word_timed_vtt=options.word_timed_vtt,
        include_chapters=not options.no_chapters, author=options.author,
        filler_words=load_fillers(loaded.transcript.meta.language) if options.clean_verbatim else ())
    data = writer.write(loaded.transcript, export_options)
    return write_output(options.output, data)


def _audio_at(output: str, linked_audio: str) -> str:
    """What audio *output* already is ("" when none): the episode's recording is an input too, and
    a slip of the keyboard (``-o episode.mp3`` for ``episode.srt``) must not replace it."""
    from editor.audio.check import why_not_audio
    from editor.core.files import AUDIO_EXTENSIONS

    if output == "-" or not Path(output).exists():
        return ""
    if linked_audio and same_file(output, linked_audio):
        return "the episode's audio"
    if Path(output).suffix.lower() in AUDIO_EXTENSIONS and why_not_audio(output) is None:
        return "an audio file"
    return ""


def format_from_extension(output: str) -> str | None:
    suffix = Path(output).suffix.lower().lstrip(".")
    return _formats_by_extension().get(_EXTENSION_ALIASES.get(suffix, suffix))


def told_extensions() -> list[str]:
    """The extensions an output is told by (``txt``, ``srt``, ...), in the registry's order."""
    return list(_formats_by_extension())


def _formats_by_extension() -> dict[str, str]:
    # One suffix each: a writer whose extension has two (chapters.json) is chosen by --to.
    from editor.formats import all_writers
    return {w.EXTENSION.lstrip("."): w.NAME for w in all_writers() if w.EXTENSION.count(".") == 1}


def _approved_enough(options: argparse.Namespace, transcript: Transcript) -> bool:
    from editor.publish.readiness import unapproved
    count = unapproved(transcript)     # in the words `publish` and the window use
    if not count:
        return True
    if options.warn_unapproved:
        say(f"{options.file}: warning: {count}; exporting anyway (--warn-unapproved)")
        return True
    # --force only allows replacing the original transcript; it never lifts this refusal.
    one = sum(segment.status is not ReviewStatus.APPROVED for segment in transcript.segments) == 1
    say(f"{options.file}: {count}; approve {'it' if one else 'them'} first, or export with --warn-unapproved "
        "instead of --approved-only")
    return False


