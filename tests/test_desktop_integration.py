"""The desktop application: entry, metainfo, icon and MIME type validate, install for a user, and
the wheel carries the sample episode and the icon so the app runs outside the checkout.

`desktop-file-validate` (desktop-file-utils), `appstreamcli` (appstream) and `update-mime-database`
(shared-mime-info) are in the Makefile's SYSTEM_PACKAGES, installed by `make`: a missing tool fails.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from editor import bundled
from editor.bundled import APP_ID, ICON_SIZES, PROJECT_MIME_TYPE

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: `make` installs it (Makefile SYSTEM_PACKAGES)"
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(bundled.desktop_file(), encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_validates_and_says_what_the_app_opens():
    result = subprocess.run([tool("desktop-file-validate"), str(bundled.desktop_file())],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    entry = desktop_entry()
    assert entry["Exec"] == "transcript-editor %F" and entry["Icon"] == APP_ID
    assert bundled.desktop_file().name == f"{APP_ID}.desktop"
    assert "AudioVideo" in entry["Categories"].split(";")
    assert PROJECT_MIME_TYPE in entry["MimeType"].split(";")


def test_the_metainfo_validates_and_names_the_same_app():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", str(bundled.metainfo_file())],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(bundled.metainfo_file()).getroot()
    assert root.get("type") == "desktop-application" and root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.findtext("summary") and root.find("description/p") is not None
    assert root.find("screenshots/screenshot/image") is not None
    assert root.find("releases/release").get("version") == __import__("editor").__version__
    assert root.find("content_rating").get("type").startswith("oars")
    assert root.findtext("developer/name")


def test_the_icon_is_an_svg_with_every_png_size():
    svg = ET.parse(bundled.icon_svg()).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox") == "0 0 128 128"
    for size in ICON_SIZES:
        header = bundled.icon_png(size).read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(header[16:20], "big") == size and int.from_bytes(header[20:24], "big") == size


def test_install_desktop_puts_everything_where_the_desktop_finds_it_and_removes_it(tmp_path):
    tool("update-mime-database")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "editor", "install-desktop", "--prefix", str(tmp_path)],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert installed.read_bytes() == bundled.desktop_file().read_bytes()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (tmp_path / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert all((tmp_path / f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png").is_file() for s in ICON_SIZES)
    # update-mime-database ran over the installed type: *.tep.json is now a Transcript Editor project.
    assert f"{PROJECT_MIME_TYPE}:*.tep.json" in (tmp_path / "mime" / "globs2").read_text()
    assert (tmp_path / "mime" / "application" / "x-transcript-editor-project.xml").is_file()
    removed = subprocess.run([sys.executable, "-m", "editor", "install-desktop", "--prefix", str(tmp_path),
                              "--remove"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert removed.returncode == 0, removed.stderr
    assert not installed.exists() and not (tmp_path / "mime" / "application" /
                                           "x-transcript-editor-project.xml").exists()


WINDOW_CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
import editor
from editor import bundled
from editor.ui.app import main
seen = {"module": editor.__file__, "sample": str(bundled.sample_episode())}

def inspect():
    app = QApplication.instance()
    window = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()][-1]
    seen.update(title=window.windowTitle(), desktop=app.desktopFileName(), icon=not app.windowIcon().isNull())
    window.close()
    app.quit()

QTimer.singleShot(1500, inspect)
seen["code"] = main([seen["sample"]])
print("RESULT " + json.dumps(seen))
"""


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory):
    """The wheel built from this checkout (`pip wheel .`), unpacked outside it."""
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    wheel = next(out.glob("transcript_editor-*.whl"))
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)   # what `pip install` puts in site-packages (no scripts needed here)
        names = set(archive.namelist())
    return site, names


def test_the_wheel_carries_the_sample_episode_the_icon_and_the_desktop_files(installed_wheel):
    _site, names = installed_wheel
    for name in ("editor/data/sample/sample-episode.txt", "editor/data/sample/sample-episode.ogg",
                 f"editor/data/icons/hicolor/scalable/apps/{APP_ID}.svg",
                 f"editor/data/icons/hicolor/256x256/apps/{APP_ID}.png",
                 f"editor/data/desktop/{APP_ID}.desktop", f"editor/data/desktop/{APP_ID}.metainfo.xml",
                 f"editor/data/desktop/{APP_ID}.mime.xml"):
        assert name in names, name
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert entry_points


@pytest.mark.slow
def test_the_app_from_the_wheel_runs_outside_the_checkout(installed_wheel, tmp_path):
    site, _names = installed_wheel
    env = dict(os.environ, PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"))
    check = subprocess.run([sys.executable, "-m", "editor", "check", "--json",
                            str(site / "editor/data/sample/sample-episode.txt")],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["segments"] == 19
    child = subprocess.run([sys.executable, "-c", WINDOW_CHILD], capture_output=True, text=True, env=env,
                           cwd=tmp_path, timeout=120)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    seen = json.loads(lines[-1][len("RESULT "):])
    assert seen["module"].startswith(str(site)) and seen["sample"].startswith(str(site))
    assert seen["code"] == 0 and seen["title"].startswith("sample-episode.txt")
    assert seen["desktop"] == APP_ID and seen["icon"]
