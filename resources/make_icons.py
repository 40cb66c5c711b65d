"""Render the application icon's PNG sizes from its SVG (``make icons``).

The SVG in ``editor/data/icons/hicolor/scalable/apps`` is the source; desktops
that cannot scale SVG, and window managers that want a bitmap, use the PNGs
written next to it under ``hicolor/<N>x<N>/apps``. Rendered with Qt's own SVG
renderer, so nothing beyond the app's dependencies is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "editor" / "data" / "icons" / "hicolor"
APP_ID = "org.transcripteditor.TranscriptEditor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.exit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        sys.exit(f"{out}: cannot write")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QImage/QPainter need one)
    svg = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
    for size in SIZES:
        out = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(svg, size, out)
        print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
