"""The drag tile: small, a count for several items, held off the pointer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPalette

from gui_helpers import select_rows, wait_idle
from pellicle.gui.dragimage import BADGE, HOTSPOT, SIZE, count_text, drag_pixmap, make_drag
from pellicle.gui.models import MIME_PATHS, paths_from_mime


def badge_pixels(image: QImage, colour: QColor) -> tuple[int, int]:
    """(badge-coloured, white) pixels in the tile's top-right corner."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    ratio = image.devicePixelRatio()
    corner = QRect(int((SIZE - 30) * ratio), 0, int(30 * ratio), int(22 * ratio))
    fill = white = 0
    for x in range(corner.left(), corner.right() + 1):
        for y in range(corner.top(), corner.bottom() + 1):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() < 255:
                continue
            if pixel.rgb() == colour.rgb():
                fill += 1
            elif min(pixel.red(), pixel.green(), pixel.blue()) > 240:
                white += 1
    return fill, white


def test_the_tile_is_small_and_counts_several_items(qapp: Any) -> None:
    palette = QPalette()
    one = drag_pixmap(None, 1, palette, 1.0)
    assert (one.width(), one.height()) == (SIZE, SIZE)
    assert badge_pixels(one.toImage(), BADGE)[0] == 0  # one photo: no count
    three = drag_pixmap(None, 3, palette, 2.0)  # HiDPI: sharp, same logical size
    assert three.deviceIndependentSize().toSize() == one.size()
    assert three.width() == 2 * SIZE
    fill, white = badge_pixels(three.toImage(), BADGE)
    assert fill > 100 and white > 5  # a badge, with a number drawn on it
    other = drag_pixmap(None, 48, palette, 2.0)
    assert other.toImage() != three.toImage()  # ...and it is the count
    assert count_text(3) == "3" and count_text(1234) == "999+"
    assert 40 <= SIZE <= 80


def test_the_grid_drags_a_tile_off_the_pointer(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [0, 1, 2])
    # The thumbnail of the current photo, once loaded, is on the tile.
    delegate = window.grid.itemDelegate()
    size = delegate.thumb_pixels(window.grid)
    qtbot.waitUntil(lambda: delegate.loader.pixmap(paths[0], size) is not None, timeout=10_000)
    drag = make_drag(window.grid)
    assert drag is not None
    pixmap = drag.pixmap()
    assert pixmap.deviceIndependentSize().toSize().width() == SIZE
    plain = drag_pixmap(None, 3, window.grid.palette(), window.grid.devicePixelRatioF())
    assert pixmap.toImage() != plain.toImage()
    assert badge_pixels(pixmap.toImage(), BADGE)[0] > 100
    # The pointer is below-left of the tile: the tile does not cover the
    # drop targets (bottom left) or the tree (left) being aimed at.
    hot = drag.hotSpot()
    assert hot == HOTSPOT and hot.x() < 0 and hot.y() > SIZE
    mime = drag.mimeData()
    assert mime.hasFormat(MIME_PATHS) and not mime.hasUrls()
    assert sorted(paths_from_mime(mime)[0]) == sorted(paths)
    wait_idle(qtbot, window)


def test_the_tree_drags_a_folder_tile(qtbot: Any, ready: Any) -> None:
    window = ready
    assert make_drag(window.tree) is None  # nothing selected: no drag
    root = window.folder_model.index(0, 0)
    window.tree.setCurrentIndex(root)
    assert make_drag(window.tree) is None  # a library folder itself is not dragged
    window.tree.setCurrentIndex(window.folder_model.index(0, 0, root))
    drag = make_drag(window.tree)
    assert drag is not None and drag.hotSpot() == HOTSPOT
    assert drag.pixmap().deviceIndependentSize().toSize().width() == SIZE
    assert badge_pixels(drag.pixmap().toImage(), BADGE)[0] == 0
    wait_idle(qtbot, window)
