"""The GUI entry point: ``transcript-editor [TRANSCRIPT_OR_PROJECT] [AUDIO] [--player vlc|qt]``.

Startup is kept short: only Qt widgets and the window's own modules load
before the window shows; the file starts reading before Qt loads in a child
process where it can (editor.ui.files.preload), else on a thread as soon as
PySide is loaded, and opens on the first turn of the event loop; libvlc loads only when there is audio to play.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

USAGE = "transcript-editor [TRANSCRIPT_OR_PROJECT] [AUDIO] [--player vlc|qt]"


def parse_args(args: list[str]) -> SimpleNamespace:
    """The options: ``file``, ``audio``, ``player`` (None when not given)."""
    if len(args) <= 2 and not any(arg.startswith("-") for arg in args):
        # The usual command line (a file, perhaps its audio) needs no parser: importing and building
        # one is ~7 ms of the start-up. Anything else (an option, help, a mistake) goes through argparse.
        return SimpleNamespace(file=args[0] if args else None, audio=args[1] if len(args) > 1 else None,
                               player=None)
    import argparse

    from editor import __version__

    class HelpWithCommands(argparse.Action):
        """-h / --help (or an abbreviation argparse takes for it, "--he"): the help, and the commands
        that run without the window (listed only then: editor.cli imports the core, which a start
        with --player need not wait for)."""

        def __init__(self, option_strings, dest, **kwargs):
            super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0, **kwargs)

        def __call__(self, parser, namespace, values, option_string=None):
            from editor.cli import COMMAND_NAMES
            parser.epilog = (f"commands (without the window):\n  transcript-editor {{{','.join(COMMAND_NAMES)}}} ...\n"
                             "  transcript-editor COMMAND --help tells more")
            parser.print_help()
            parser.exit()

    parser = argparse.ArgumentParser(prog="transcript-editor", usage=USAGE, add_help=False,
                                     description="Review and correct a podcast transcript against its audio.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="a transcript (Otter, Rev, SRT, WebVTT, ...) or a project")
    parser.add_argument("audio", nargs="?", help="the episode's audio (default: found next to the transcript)")
    parser.add_argument("-h", "--help", action=HelpWithCommands, help="show this help message and exit")
    parser.add_argument("--version", action="version", version=f"transcript-editor {__version__}")
    parser.add_argument("--player", choices=("vlc", "qt"), help="audio backend (default: from settings, vlc)")
    return SimpleNamespace(**vars(parser.parse_args(args)))


def start(args: list[str] | None = None):
    """Parse *args*, make the application and show the window (the file opens on the first
    turn of the event loop); returns ``(app, window, options)``."""
    from editor.ui import process_tuning
    process_tuning.tune_collector()
    process_tuning.faster_enum_classes()   # before PySide's first import makes its first enums
    process_tuning.kept_dataclass_code()   # before the modules that make dataclasses
    options = parse_args(sys.argv[1:] if args is None else args)
    preload = None
    read_on_thread = False
    if options.file:
        from editor.ui.files import preload as reading  # no Qt: the read starts before Qt loads
        from editor.ui.files.audio_lookup import is_audio
        # A large file is read after the window shows, with progress and Cancel, not before it.
        if not is_audio(options.file) and not reading.wants_background(options.file):
            if reading.child_worthwhile():
                preload = reading.start(options.file, in_child=True)   # reads while Qt starts
            else:
                # Read on a worker thread: the readers are imported here first, with the rest (two
                # threads importing the same modules at once can meet one half made).
                import_qt_free_layers(with_file=True, with_readers=True)
                read_on_thread = True
    import_qt_free_layers(with_file=bool(options.file))
    from editor.ui.pyside_import import import_pyside
    import_pyside()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    process_tuning.drop_feature_import_hook()   # before the window's modules are imported
    if read_on_thread:
        # Started once PySide is loaded, not before: shiboken's first import walks sys.modules in
        # Python, and a module the read imported meanwhile ended the process ("dictionary changed
        # size during iteration"). And once PySide's import hook is given back: while the read's
        # own import was under way, shiboken's hooks could be found swapped (about one start in
        # four), the hook then stayed, and the window's modules were each read for "PySide6" as
        # they were imported (~150 source files). The thread still reads while those modules load.
        preload = reading.start(options.file, in_child=False)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Transcript Editor")
    app.setOrganizationName("transcript-editor")
    set_desktop_identity(app)
    from editor.ui.main_window import MainWindow

    window = MainWindow(backend=options.player, start_page=not options.file)   # no flash of the start page
    if options.file:
        QTimer.singleShot(0, lambda: window.open_path(options.file, options.audio, preload))
    window.show()
    from editor.ui.termination import close_on_sigterm
    close_on_sigterm(window)      # a logout ends it as closing it does, keeping unsaved work
    if not options.file:   # an opened file offers its own left-behind work (RecoveryController)
        QTimer.singleShot(0, window.project.recovery.offer_recovery)
    from editor.ui import dataclass_code
    dataclass_code.save()   # the code of the dataclasses made so far, for the next start
    return app, window, options


# The Qt-free modules the window imports as it starts (and, with a file, as it opens it), imported
# before Qt. PySide's import hook (its ``__feature__`` support, which read the source of every module
# imported after PySide) is dropped as soon as PySide is loaded (process_tuning.drop_feature_import_hook);
# importing these first still measured no slower than importing them with the window's modules (a
# few ms less to idle, within the noise). One missing here is imported later as usual; one listed
# needlessly costs start-up time.
QT_FREE_AT_START = ("editor.core.ops", "editor.core.confidence", "editor.core.timeline", "editor.player.base",
                    "editor.bundled", "editor.session.journal",
                    "editor.session.recovery", "concurrent.futures", "datetime", "hashlib")
QT_FREE_AT_OPEN = ("editor.core.glossary", "editor.core.shared_glossary")
# When the file is read in this process: the registry and what every reader shares. The reader of the
# file's format is imported by the read (on its worker thread: a module no other thread imports).
QT_FREE_READERS = ("editor.formats", "editor.formats.readers._build", "editor.formats.readers._cues")


def import_qt_free_layers(with_file: bool, with_readers: bool = False) -> None:
    """Import :data:`QT_FREE_AT_START` (and :data:`QT_FREE_AT_OPEN` when a file opens at once, and
    :data:`QT_FREE_READERS` when it is read in this process) while PySide is not loaded yet (when it
    is, as in tests, there is nothing to gain)."""
    if "PySide6.QtCore" in sys.modules:
        return
    import importlib
    names = QT_FREE_AT_START + (QT_FREE_AT_OPEN if with_file else ()) + (QT_FREE_READERS if with_readers else ())
    for name in names:
        if name not in sys.modules:
            importlib.import_module(name)


def main(args: list[str] | None = None) -> int:
    app, _window, _options = start(args)
    return app.exec()


# The window icon (the X11 property taskbars and window switchers show) in sizes up to this: the
# 512 px one cost ~7 ms of CPU at every start (decoded and sent to the X server as the window is
# shown) for a size no switcher draws a window icon at; launchers use the theme icons, every size.
WINDOW_ICON_MAX_PX = 256
# The icon theme Qt names when the desktop names none: "" (no platform theme, e.g. offscreen) or the
# freedesktop fallback theme.
NO_DESKTOP_ICON_THEME = ("", "hicolor")


def set_desktop_identity(app) -> None:
    """The desktop entry's id (Wayland shows its icon and name for the window) and the app icon."""
    from PySide6.QtGui import QIcon

    from editor.bundled import APP_ID, ICON_SIZES, icon_png

    app.setDesktopFileName(APP_ID)
    # A desktop's icon theme (Breeze, Adwaita, Papirus, ...) may restyle the app's icon: then the window
    # takes it from there. Without one Qt falls back to hicolor, which holds at most the app's own
    # artwork (put there by install-desktop or a package: the bundled files), so the bundled files are
    # taken at once: looking the icon up loads Qt's icon loader (its icon-engine plugins, the theme's
    # index and cache), ~7 ms of the GUI thread's CPU before the window can show.
    themed = QIcon.fromTheme(APP_ID) if QIcon.themeName() not in NO_DESKTOP_ICON_THEME else QIcon()
    icon = QIcon()
    if themed.isNull():
        # The PNGs only: with the SVG among them Qt loads its SVG icon engine as the window starts
        # (~10 ms of CPU, several times that in waiting on a busy disk).
        for size in ICON_SIZES:
            if size <= WINDOW_ICON_MAX_PX:
                icon.addFile(str(icon_png(size)))
    else:
        for available in themed.availableSizes():
            if available.width() <= WINDOW_ICON_MAX_PX:
                icon.addPixmap(themed.pixmap(available))
    app.setWindowIcon(themed if icon.isNull() else icon)   # (a theme with a scalable icon only)


if __name__ == "__main__":
    sys.exit(main())
