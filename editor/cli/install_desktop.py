"""`transcript-editor install-desktop [--prefix DIR] [--remove]`: the launcher entry, icon and file type.

Installs for the current user, into ``$XDG_DATA_HOME`` (``~/.local/share``):
``applications/<id>.desktop``, ``metainfo/<id>.metainfo.xml``, the icon in
``icons/hicolor/*/apps`` and the project MIME type in ``mime/packages``, then
refreshes the desktop's caches (``update-mime-database``,
``update-desktop-database``, ``gtk-update-icon-cache``) where those tools exist.
``make install-desktop`` runs this; a ``pipx install``-ed app can run it too.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

from editor.cli.common import EXIT_OK, EXIT_WRITE, say

NAME = "install-desktop"
HELP = "add Transcript Editor to the desktop's application menu (for the current user)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prefix", metavar="DIR",
                        help="the data folder to install into (default: $XDG_DATA_HOME or ~/.local/share)")
    parser.add_argument("--remove", action="store_true", help="remove what an earlier install added")


def run(options: argparse.Namespace) -> int:
    prefix = Path(options.prefix or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    plan = install_plan(prefix)
    try:
        if options.remove:
            for _source, target in plan:
                target.unlink(missing_ok=True)
        else:
            for source, target in plan:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    except OSError as error:
        say(f"{prefix}: cannot {'remove' if options.remove else 'install'} the desktop files: "
            f"{error.strerror or error}")
        return EXIT_WRITE
    for note in refresh_caches(prefix):
        say(f"{prefix}: note: {note}")
    if not options.remove:
        for _source, target in plan:
            print(target)
        if shutil.which("transcript-editor") is None:
            say("note: `transcript-editor` is not on PATH, so the menu entry cannot start it yet; "
                "install with `pipx install .` or put the command's folder on PATH")
    return EXIT_OK


def install_plan(prefix: Path) -> list[tuple[Path, Path]]:
    """(bundled file, where it goes under *prefix*) for every desktop file."""
    from editor.bundled import APP_ID, ICON_SIZES, desktop_file, icon_png, icon_svg, metainfo_file, mime_file

    icons = prefix / "icons" / "hicolor"
    plan = [(desktop_file(), prefix / "applications" / f"{APP_ID}.desktop"),
            (metainfo_file(), prefix / "metainfo" / f"{APP_ID}.metainfo.xml"),
            (mime_file(), prefix / "mime" / "packages" / f"{APP_ID}.xml"),
            (icon_svg(), icons / "scalable" / "apps" / f"{APP_ID}.svg")]
    plan += [(icon_png(size), icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png") for size in ICON_SIZES]
    return plan


def refresh_caches(prefix: Path) -> list[str]:
    """Run the desktop's cache tools that exist; returns notes about those that failed."""
    notes = []
    for command in (["update-mime-database", str(prefix / "mime")],
                    ["update-desktop-database", "-q", str(prefix / "applications")],
                    ["gtk-update-icon-cache", "-q", "-t", "-f", str(prefix / "icons" / "hicolor")]):
        if shutil.which(command[0]) is None or not Path(command[-1]).is_dir():
            continue
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as error:
            notes.append(f"{command[0]} did not run ({error})")
            continue
        if result.returncode != 0:
            notes.append(f"{command[0]} failed: {(result.stderr or result.stdout).strip()[:200]}")
    return notes
