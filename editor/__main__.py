"""Entry point: `transcript-editor [FILE] [AUDIO]` opens the window;
`transcript-editor check|export|publish ...` runs the command line without Qt."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from editor.cli import COMMANDS
    if args and args[0] in COMMANDS:
        from editor.cli import main as cli_main
        return cli_main(args)
    from editor.ui.app import main as gui_main
    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
