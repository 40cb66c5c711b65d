"""The command line: ``transcript-editor check|export|publish|align|suggest ...``.

No Qt here: scripts and batch jobs run these on machines without a display.
Every failure is one line on stderr naming the file and the problem, never a
traceback (set ``TRANSCRIPT_EDITOR_DEBUG=1`` to see one when hunting a bug).

Each command is a module of this package with ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(options) -> exit code``; ``COMMAND_MODULES``
lists them. Exit codes (``editor.cli.common``): 0 done (warnings or not),
1 the output could not be written, 2 the input could not be read or the command
line is wrong, 3 refused (for example ``--approved-only`` with unapproved segments),
130 stopped by Ctrl+C, 143 stopped by SIGTERM (its worker processes ended first, no traceback).

This module only names the commands: ``python -m editor FILE`` asks it whether its first
argument is one before it starts the window, so the parser and what the commands share
(argparse, :mod:`editor.cli.common`) are imported by :func:`main` (``editor.cli.parser``).
"""

from __future__ import annotations

# Module names under editor.cli, in the order `--help` lists them; a command is named after its
# module with "-" for "_" (install_desktop is `install-desktop`).
COMMAND_MODULES = ("check", "export", "shift", "publish", "align", "suggest", "install_desktop")

COMMAND_NAMES = tuple(name.replace("_", "-") for name in COMMAND_MODULES)
COMMANDS = frozenset(COMMAND_NAMES)


def main(args: list[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    from editor.cli.parser import main as run
    return run(args)


def __getattr__(name: str):
    """What the commands share (exit codes, :func:`~editor.cli.common.load`), still importable from
    here as before; imported when first asked for."""
    if name in ("EXIT_OK", "EXIT_READ", "Loaded", "load"):
        from editor.cli import common
        return getattr(common, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
