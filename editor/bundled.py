"""Files the application ships with, found through the installed package (no Qt).

``editor/data`` holds the desktop integration (``desktop/``: the freedesktop
entry, AppStream metainfo, the MIME type of projects) and the application
icon (``icons/hicolor/...``, the layout of the freedesktop icon theme). The
wheel also carries the sample episode as ``editor/data/sample`` (mapped from
``resources/sample`` by ``pyproject.toml``), so an installed app (``pipx
install .``) needs nothing from a source checkout; running from a checkout,
the sample is read from ``resources/sample`` where ``make sample`` writes it.
"""

from __future__ import annotations

from pathlib import Path

# One reverse-DNS id names the desktop entry, the metainfo, the icon and the Wayland app id.
APP_ID = "org.transcripteditor.TranscriptEditor"
PROJECT_MIME_TYPE = "application/x-transcript-editor-project"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT_RESOURCES = _PACKAGE.parent / "resources"


def data_path(*parts: str) -> Path:
    """A file under ``editor/data`` of the installed package. The package is always on disk (a wheel
    installs it so, a checkout is), so this is the path importlib.resources would give, without
    loading importlib.resources and zipfile as the window starts (it asks for its icon)."""
    return _PACKAGE.joinpath("data", *parts)


def desktop_file() -> Path:
    return data_path("desktop", f"{APP_ID}.desktop")


def metainfo_file() -> Path:
    return data_path("desktop", f"{APP_ID}.metainfo.xml")


def mime_file() -> Path:
    return data_path("desktop", f"{APP_ID}.mime.xml")


def icon_svg() -> Path:
    return data_path("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")


def icon_png(size: int) -> Path:
    return data_path("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")


def sample_episode() -> Path:
    """The bundled sample transcript (its audio, ``sample-episode.ogg``, lies beside it)."""
    packaged = data_path("sample", "sample-episode.txt")
    if packaged.is_file():
        return packaged
    return _CHECKOUT_RESOURCES / "sample" / "sample-episode.txt"
