"""The command line: ``transcript-editor check|export|publish|align|suggest ...``.

No Qt here: scripts and batch jobs run these on machines without a display.
Every failure is one line on stderr naming the file and the problem, never a
traceback (set ``TRANSCRIPT_EDITOR_DEBUG=1`` to see one when hunting a bug).

Each command is a module of this package with ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(options) -> exit code``; ``_COMMAND_MODULES``
lists them. Exit codes (``editor.cli.common``): 0 done (warnings or not),
1 the output could not be written, 2 the input could not be read or the command
line is wrong, 3 refused (for example ``--approved-only`` with unapproved segments).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from editor.cli.common import EXIT_OK, EXIT_READ, Loaded, load  # noqa: F401  (the public API)

# Module names under editor.cli, in the order `--help` lists them; a command is named after its
# module with "-" for "_" (install_desktop is `install-desktop`).
_COMMAND_MODULES = ("check", "export", "publish", "align", "suggest", "install_desktop")

COMMAND_NAMES = tuple(name.replace("_", "-") for name in _COMMAND_MODULES)
COMMANDS = frozenset(COMMAND_NAMES)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as our exit code 2 without raising SystemExit at us."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"editor.cli.{name.replace('-', '_')}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="transcript-editor",
                     description="Check, convert, align and prepare podcast transcripts without opening the window.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in _COMMAND_MODULES:
        module = _command(name)
        module.add_arguments(commands.add_parser(module.NAME, help=module.HELP))
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
        return int(_command(options.command).run(options))
    except BrokenPipeError:  # `... | head`: not an error worth a message
        sys.stderr.close()
        return EXIT_OK
