"""The command line's parser and its run: one sub-command per module named in :data:`editor.cli.COMMAND_MODULES`."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from types import ModuleType

from editor.cli import COMMAND_MODULES
from editor.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_READ, EXIT_TERMINATED


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
    for name in COMMAND_MODULES:
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
        with _stopped_by_signals():
            return int(_command(options.command).run(options))
    except BrokenPipeError:  # `... | head`: not an error worth a message
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:   # Ctrl+C: the command has ended its workers on its way out; no traceback
        return EXIT_INTERRUPTED
    except _Terminated:
        return EXIT_TERMINATED


class _Terminated(BaseException):
    """SIGTERM: raised where the command is, so that it leaves as from Ctrl+C (its worker processes
    ended and waited for by the ``finally`` and ``with`` blocks it is in), not killed outright."""


@contextlib.contextmanager
def _stopped_by_signals():
    """Ctrl+C and SIGTERM stop the command through :func:`editor.core.stop_request.ask`: at once, or,
    in work that must not be torn half-way (a pass on worker processes), once it has left by its own code."""
    import signal
    import threading

    from editor.core import stop_request
    if threading.current_thread() is not threading.main_thread():   # only the main thread may handle signals
        yield
        return

    def interrupt(_signal, _frame):
        signal.signal(signal.SIGINT, signal.SIG_DFL)     # a second one, should leaving hang, ends it outright
        stop_request.ask(KeyboardInterrupt())

    def terminate(_signal, _frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)    # a second one, should leaving hang, ends it outright
        stop_request.ask(_Terminated())

    before_term = signal.signal(signal.SIGTERM, terminate)
    # Only where Ctrl+C raises KeyboardInterrupt: one ignored (a background job) stays so.
    before_int = signal.getsignal(signal.SIGINT)
    if before_int is signal.default_int_handler:
        signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before_term)
        if before_int is signal.default_int_handler:
            signal.signal(signal.SIGINT, before_int)
