"""Render Pellicle's icon from its one SVG source into every raster form.

    python packaging/icons.py OUT_DIR

writes OUT_DIR/hicolor/<N>x<N>/apps/io.github.pellicle.Pellicle.png for the
freedesktop sizes, OUT_DIR/pellicle.ico (Windows: executable, installer,
Start menu) and OUT_DIR/pellicle.icns (macOS .app). Only the SVG is kept in
the repository: rasters made at build time can never drift from it.

Rendering uses Qt's own SVG renderer (QtSvg ships in PySide6-Essentials),
so the build needs nothing beyond the app's dependencies; Pillow packs the
.ico and .icns containers. Runs headless: the offscreen platform is forced.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_ID = "io.github.pellicle.Pellicle"
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{APP_ID}.svg"
#: hicolor sizes desktops look up (menus 16-48, docks and software centres
#: 64-512). 22 and 24 are panel and toolbar sizes on KDE and XFCE.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: Windows uses 16-48 in Explorer and menus and 256 for large tiles.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: The icns sizes Pillow writes (each also serves the @2x slot below it).
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int, target: Path) -> None:
    """Draw the SVG at `size` x `size` pixels into a PNG file."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"icons: {SOURCE} is not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"icons: cannot write {target}")


def render_all(out: Path) -> list[Path]:
    """Write every PNG, the .ico and the .icns under `out`; return the paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    written: list[Path] = []
    raster = out / "raster"
    for size in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES)):
        path = raster / f"{size}.png"
        render_png(size, path)
        if size in HICOLOR_SIZES:
            hicolor = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
            hicolor.parent.mkdir(parents=True, exist_ok=True)
            hicolor.write_bytes(path.read_bytes())
            written.append(hicolor)

    def frames(sizes: tuple[int, ...]) -> list[Image.Image]:
        return [Image.open(raster / f"{size}.png").convert("RGBA") for size in sizes]

    # Each size is drawn by the vector renderer, not downscaled from one big
    # bitmap: small icons stay sharp.
    ico = frames(ICO_SIZES)
    ico[-1].save(out / "pellicle.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico)
    icns = frames(ICNS_SIZES)
    icns[-1].save(out / "pellicle.icns", append_images=icns)
    written += [out / "pellicle.ico", out / "pellicle.icns"]
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: icons.py OUT_DIR", file=sys.stderr)
        return 2
    for path in render_all(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
