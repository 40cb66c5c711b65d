"""Entry point: `transcript-editor [FILE] [AUDIO]` opens the window;
`transcript-editor check|export|publish ...` runs the command line without Qt."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from editor.cli import COMMANDS
    if args and args[0] in COMMANDS:
        from editor.cli import main as cli_main
        return cli_main(args)
    mistyped = _mistyped_command(args[0], COMMANDS) if args else None
    if mistyped is not None:
        # Opened as a transcript, "sugest" would be a window saying the file is missing, or on a
        # machine without a display (where the commands are meant to run) Qt's abort.
        print(f"transcript-editor: {args[0]!r} is no command and no file (did you mean {mistyped!r}?)",
              file=sys.stderr)
        return 2
    from editor.ui.app import main as gui_main
    return gui_main(args)


def _mistyped_command(word: str, commands) -> str | None:
    """The command *word* was likely meant to be, when no file of that name exists."""
    if word.startswith("-") or os.path.exists(word):
        return None
    import difflib
    close = difflib.get_close_matches(word, sorted(commands), n=1, cutoff=0.75)
    return close[0] if close else None


if __name__ == "__main__":
    sys.exit(main())
