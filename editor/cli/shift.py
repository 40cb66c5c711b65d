"""`transcript-editor shift TRANSCRIPT --by SECONDS -o OUT`: every time moved by the same amount.

For an episode whose audio changed at the start (an intro added: ``--by 15``; one cut: ``--by -15``):
turn, word and mark times and the chapters move together, as Timing ▸ Shift Times… does in the
window (the same core op). Times that would fall before 0:00 are 0:00, and the command says how
many turns that was. OUT is a project (``*.tep.json``) or any format ``export`` writes, told by its
extension; it never overwrites the input.
"""

from __future__ import annotations

import argparse

from editor.cli.common import EXIT_OK, EXIT_READ, EXIT_WRITE, load_or_report, same_file, say, write_output
from editor.core.errors import TranscriptError
from editor.core.project_file import EXTENSION

NAME = "shift"
HELP = "move every time of a transcript or project by the same amount (an intro added or cut)"
PROJECT_SUFFIX = EXTENSION


def add_arguments(shift: argparse.ArgumentParser) -> None:
    shift.add_argument("transcript", metavar="TRANSCRIPT", help="a transcript in any format read, or a project")
    shift.add_argument("--by", required=True, metavar="SECONDS",
                       help="how far: 15 or +15 later, -15 earlier (also m:ss: --by=-1:30)")
    shift.add_argument("--from-turn", type=int, default=1, metavar="N",
                       help="shift turn N and those after it only (default 1: every turn)")
    shift.add_argument("-o", "--output", required=True, metavar="OUT",
                       help=f"the file to write: a project ({PROJECT_SUFFIX}) or an export format by its extension")


def run(options: argparse.Namespace) -> int:
    from editor.core import ops
    from editor.core.timecode import parse_offset

    delta = parse_offset(options.by)
    if delta is None:
        say(f"--by {options.by}: not an amount of time; try 15, -2.5 or -1:30")
        return EXIT_READ
    is_project = options.output.lower().endswith(PROJECT_SUFFIX)
    writer_name = None if is_project else _export_format(options.output)
    if not is_project and writer_name is None:
        from editor.cli.export import told_extensions
        extensions = ", ".join(told_extensions())
        say(f"{options.output}: cannot tell the format from the extension; use {PROJECT_SUFFIX} for a project "
            f"or an export format's extension ({extensions})")
        return EXIT_READ
    if options.output != "-" and same_file(options.transcript, options.output):
        say(f"{options.output}: the output would overwrite the input; choose another name")
        return EXIT_READ
    loaded = load_or_report(options.transcript)
    if loaded is None:
        return EXIT_READ
    transcript = loaded.transcript
    source = transcript.meta.source_path
    if options.output != "-" and source and same_file(options.output, source):
        say(f"{options.output}: is the original transcript {options.transcript} was made from; choose another name")
        return EXIT_READ
    count = len(transcript.segments)
    if not 1 <= options.from_turn <= max(count, 1) or not count:
        say(f"{options.transcript}: --from-turn {options.from_turn}: it has {count} turns")
        return EXIT_READ
    try:
        shift = ops.shift_times(transcript, delta, options.from_turn - 1)
    except ValueError as error:
        say(f"{options.transcript}: {error}")
        return EXIT_READ
    ops.run(transcript, shift.op)
    if shift.clamped:
        say(f"{options.transcript}: {shift.clamped} turns would have started before 0:00 and start at 0:00")
    if is_project:
        from editor.core import project
        try:
            project.save(transcript, options.output, dict(loaded.extra))
        except TranscriptError as error:
            say(str(error.with_path(options.output)) if not error.path else str(error))
            return EXIT_WRITE
        return EXIT_OK
    from editor.formats.base import ExportOptions
    from editor.formats.writers import writer_named
    assert writer_name is not None
    return write_output(options.output, writer_named(writer_name).write(transcript, ExportOptions()))


def _export_format(output: str) -> str | None:
    from editor.cli.export import format_from_extension  # the same extensions as export's
    return format_from_extension(output)
