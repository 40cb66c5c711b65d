"""The window's icon: a desktop's own icon theme that restyles the app's icon gives it; with no desktop
theme (Qt's fallback, hicolor, holds at most the app's own artwork) the bundled files give it, without
Qt's icon loader being started as the window starts."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from editor.bundled import APP_ID, ICON_SIZES
from editor.ui.app import WINDOW_ICON_MAX_PX, set_desktop_identity

THEME_ICON_PX = 20   # a size the bundled icon does not have: an icon of this size came from the theme


@pytest.fixture
def icon_themes(qapp, tmp_path):
    """A folder of icon themes for the test; Qt's theme settings and the app's identity restored after."""
    saved = (QIcon.themeName(), QIcon.themeSearchPaths(), qapp.windowIcon(), qapp.desktopFileName())
    QIcon.setThemeSearchPaths([str(tmp_path)])
    yield tmp_path
    QIcon.setThemeSearchPaths(saved[1])
    QIcon.setThemeName(saved[0])
    qapp.setWindowIcon(saved[2])
    qapp.setDesktopFileName(saved[3])


def _theme_with_the_app_icon(folder: Path, name: str) -> None:
    """Theme *name* under *folder* holding the app's icon at THEME_ICON_PX only."""
    size = f"{THEME_ICON_PX}x{THEME_ICON_PX}"
    (folder / name / size / "apps").mkdir(parents=True)
    (folder / name / "index.theme").write_text(
        f"[Icon Theme]\nName={name}\nDirectories={size}/apps\n\n"
        f"[{size}/apps]\nSize={THEME_ICON_PX}\nType=Fixed\nContext=Applications\n", encoding="utf-8")
    image = QImage(THEME_ICON_PX, THEME_ICON_PX, QImage.Format.Format_ARGB32)
    image.fill(QColor("orange"))
    assert image.save(str(folder / name / size / "apps" / f"{APP_ID}.png"))


def test_a_desktop_theme_that_restyles_the_icon_gives_the_window_its_icon(qapp, icon_themes):
    _theme_with_the_app_icon(icon_themes, "Restyled")
    QIcon.setThemeName("Restyled")
    set_desktop_identity(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert qapp.windowIcon().availableSizes() == [QSize(THEME_ICON_PX, THEME_ICON_PX)]


@pytest.mark.parametrize("theme", ["hicolor", ""])
def test_without_a_desktop_theme_the_bundled_icon_is_taken_without_a_lookup(qapp, icon_themes, theme):
    # Even an icon in hicolor (where install-desktop puts the bundled artwork) is not looked for.
    _theme_with_the_app_icon(icon_themes, "hicolor")
    QIcon.setThemeName(theme)
    set_desktop_identity(qapp)
    bundled = [QSize(size, size) for size in ICON_SIZES if size <= WINDOW_ICON_MAX_PX]
    assert sorted(qapp.windowIcon().availableSizes(), key=QSize.width) == bundled
