"""The grid's arrangement: thumbnail size (slider, keys, remembered) and
the order (by name, or by date taken under month headers)."""

from __future__ import annotations

import calendar
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView

from gui_helpers import ROOTS, store_of, wait_idle
from pellicle.core.demo import write_photo
from pellicle.core.policy import Decision
from pellicle.gui.delegate import THUMB, THUMB_SIZES, cell_size, decode_size
from pellicle.gui.models import BY_DATE, BY_NAME, HeaderRole, PhotoModel, PhotoRole, by_month
from pellicle.gui.snapshot import build_photo_store


def wall(*when: int) -> int:
    return calendar.timegm((*when, 0, 0, 0))


# ------------------------------------------------------------------ model


def test_by_month_newest_first_with_a_header_per_month() -> None:
    #            0                  1                    2    3                   4
    dates = [wall(2024, 3, 5, 9, 0, 0), wall(2023, 12, 31, 23, 0, 0), 0,
             wall(2024, 3, 1, 0, 0, 0), wall(2024, 1, 9, 8, 0, 0)]  # fmt: skip
    march, january, december = -1 - (2024 * 12 + 2), -1 - (2024 * 12), -1 - (2023 * 12 + 11)
    assert list(by_month(range(5), dates)) == [march, 0, 3, january, 4, december, 1, -1, 2]
    assert list(by_month([1, 2], dates)) == [december, 1, -1, 2]
    assert list(by_month([], dates)) == []


def test_photo_model_date_order_and_headers(qtbot: Any, model_tester: Any) -> None:
    model = PhotoModel()
    model_tester(model)
    store = store_of()  # top, a/1, a/2, a-b/1, a/x/1, b/2 (display order)
    model.set_photos(store)
    names = [model.item(r).path for r in range(model.rowCount())]
    model.set_order(BY_DATE)
    # No dates yet: still name order, no headers.
    assert [model.item(r).path for r in range(model.rowCount())] == names
    assert not model.dated() and list(model.undated()) == list(range(6))
    dates = [wall(2024, 3, 5, 9, 0, 0), wall(2024, 3, 6, 9, 0, 0), wall(2023, 7, 1, 9, 0, 0),
             0, wall(2024, 3, 5, 9, 0, 0), wall(2023, 7, 2, 9, 0, 0)]  # fmt: skip
    assert model.set_dates(store, range(6), dates)
    assert model.dated()
    shown = [model.index(r).data(HeaderRole) or model.item(r).name for r in range(model.rowCount())]
    # top.jpg and a/x/1.jpg were taken at the same second: reversed name order.
    assert shown == ["March 2024", "1.jpg", "1.jpg", "top.jpg", "July 2023", "2.jpg", "2.jpg",
                     "No date", "1.jpg"]  # fmt: skip
    for row in (0, 4, 7):
        index = model.index(row)
        assert model.is_header(row) and index.data(PhotoRole) is None
        assert not index.flags() & Qt.ItemFlag.ItemIsSelectable
        assert not index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    assert model.index(1).flags() & Qt.ItemFlag.ItemIsSelectable
    # row_of finds photos in date order; the drag payload never holds a header.
    for row in (1, 2, 3, 5, 6, 8):
        assert model.row_of(model.item(row).path) == row
    mime = model.mimeData([model.index(0), model.index(1)])
    assert bytes(mime.data("application/x-pellicle-paths").data()).decode() == model.item(1).path
    # Filters keep the order and the headers of what is left.
    model.set_filter(search="top")
    assert [model.index(r).data(HeaderRole) for r in range(2)] == ["March 2024", None]
    model.set_filter(search="")
    # A new snapshot with another photo keeps the known dates (the new one
    # waits under "No date" until read)
    # (the worker building the next store carries them over).
    new_row = (1, b"new.jpg", 1, "private by default", None)
    bigger = build_photo_store([*_rows(), new_row], ROOTS, previous=store)
    model.set_photos(bigger)
    assert model.dated() and len(model.undated()) == 2
    assert model.index(0).data(HeaderRole) == "March 2024"
    # Back to name order: no headers at all.
    model.set_order(BY_NAME)
    assert model.rowCount() == 7
    assert not any(model.is_header(r) for r in range(model.rowCount()))


def _rows() -> list[tuple[Any, ...]]:
    from gui_helpers import rows

    return rows()


def test_dates_for_photos_no_longer_shown_are_dropped(qtbot: Any) -> None:
    model = PhotoModel()
    old = store_of()
    model.set_photos(old)
    model.set_photos(build_photo_store(_rows()[:3], ROOTS))
    assert not model.set_dates(old, range(6), [1] * 6)
    assert not model.dated()


def test_decode_sizes_stay_crisp_and_few() -> None:
    assert decode_size(144, 1.0) == 144
    assert decode_size(96, 1.0) == 144
    assert decode_size(224, 1.0) == 256
    assert decode_size(320, 1.0) == 384
    assert decode_size(144, 1.5) == 256
    assert decode_size(320, 2.0) == 512  # the largest: scaled up a little
    assert {decode_size(t, r) for t in THUMB_SIZES for r in (1.0, 1.25, 1.5, 2.0)} == {
        144, 256, 384, 512,
    }  # fmt: skip


# ----------------------------------------------------------------- window


def set_mtime(path: Path, *when: int) -> None:
    seconds = time.mktime((*when, 0, 0, -1))
    os.utime(path, (seconds, seconds))


@pytest.fixture
def dated(engine: Any, library: Path, make_window: Any, qtbot: Any) -> Any:
    """A window on 7 photos taken in three months (no EXIF: their mtimes)."""
    taken = {
        "a/IMG_1.jpg": (2024, 3, 5, 9, 0, 0),
        "a/IMG_2.jpg": (2023, 7, 1, 9, 0, 0),
        "a/IMG_3.jpg": (2024, 3, 1, 12, 0, 0),
        "b/IMG_4.jpg": (2024, 1, 20, 9, 0, 0),
        "b/IMG_5.jpg": (2023, 7, 30, 9, 0, 0),
        "IMG_6.jpg": (2024, 3, 9, 9, 0, 0),
        "IMG_7.jpg": (2024, 1, 2, 9, 0, 0),
    }
    for i, (rel, when) in enumerate(taken.items()):
        path = library / rel
        path.parent.mkdir(exist_ok=True)
        write_photo(path, "jpeg", plant=False, seed=i)
        set_mtime(path, *when)
    engine.sync()
    window = make_window()
    qtbot.waitUntil(lambda: not window.busy, timeout=15_000)
    return window


def grid_text(window: Any) -> list[str]:
    model = window.photo_model
    return [model.index(r).data(HeaderRole) or model.item(r).name for r in range(model.rowCount())]


def test_sort_by_date_shows_month_headers_and_is_remembered(
    qtbot: Any, dated: Any, settings: Any, model_tester: Any
) -> None:
    window = dated
    model_tester(window.photo_model)
    assert window.acts.sort_name.isChecked()
    names = grid_text(window)
    assert names == ["IMG_6.jpg", "IMG_7.jpg", "IMG_1.jpg", "IMG_2.jpg", "IMG_3.jpg",
                     "IMG_4.jpg", "IMG_5.jpg"]  # fmt: skip
    window.acts.sort_date.trigger()
    qtbot.waitUntil(window.photo_model.dated, timeout=10_000)
    wait_idle(qtbot, window)
    assert window.acts.sort_date.isChecked()
    assert grid_text(window) == [
        "March 2024", "IMG_6.jpg", "IMG_1.jpg", "IMG_3.jpg",
        "January 2024", "IMG_4.jpg", "IMG_7.jpg",
        "July 2023", "IMG_5.jpg", "IMG_2.jpg",
    ]  # fmt: skip
    # Headers sit on a line of their own, as wide as the grid.
    grid = window.grid
    header = grid.visualRect(window.photo_model.index(4))
    assert header.x() == 0 and header.width() >= grid.viewport().width() - 2
    assert grid.visualRect(window.photo_model.index(5)).top() >= header.bottom()
    assert settings.value("view/sort") == BY_DATE
    # Back to name order: no header left.
    window.acts.sort_name.trigger()
    assert grid_text(window) == names
    assert settings.value("view/sort") == BY_NAME


def test_headers_are_never_selected_tagged_or_stopped_on(
    qtbot: Any, dated: Any, settings: Any
) -> None:
    window = dated
    window.arrange.set_order(BY_DATE)
    qtbot.waitUntil(window.photo_model.dated, timeout=10_000)
    wait_idle(qtbot, window)
    grid, model = window.grid, window.photo_model
    grid.setFocus()
    grid.selectAll()
    assert sorted(grid.selected_rows()) == [1, 2, 3, 5, 6, 8, 9]
    assert len(window.selected_paths()) == 7
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        QTest.keyClick(grid, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert all(item.decision is Decision.SHAREABLE for item in window.selected_items())
    assert grid_text(window)[0] == "March 2024"
    # Arrow keys and Home/End go from photo to photo, over the headers.
    grid.selectionModel().setCurrentIndex(
        model.index(3), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    move = QAbstractItemView.CursorAction
    none = Qt.KeyboardModifier.NoModifier
    assert grid.moveCursor(move.MoveRight, none).row() == 5  # IMG_3 -> IMG_4
    assert grid.moveCursor(move.MoveDown, none).row() == 6  # January has no third column
    no_update = QItemSelectionModel.SelectionFlag.NoUpdate
    grid.selectionModel().setCurrentIndex(model.index(5), no_update)
    assert grid.moveCursor(move.MoveLeft, none).row() == 3
    assert grid.moveCursor(move.MoveUp, none).row() == 1  # March's line, first column
    assert grid.moveCursor(move.MoveHome, none).row() == 1
    assert grid.moveCursor(move.MoveEnd, none).row() == 9
    QTest.keyClick(grid, Qt.Key.Key_Home)
    assert grid.currentIndex().row() == 1


def test_date_order_is_restored_in_a_new_window(
    qtbot: Any, dated: Any, make_window: Any, settings: Any
) -> None:
    dated.arrange.set_order(BY_DATE)
    qtbot.waitUntil(dated.photo_model.dated, timeout=10_000)
    wait_idle(qtbot, dated)
    dated.shutdown()
    again = make_window()
    assert again.acts.sort_date.isChecked()
    qtbot.waitUntil(again.photo_model.dated, timeout=10_000)
    wait_idle(qtbot, again)
    assert grid_text(again)[0] == "March 2024"


def test_thumbnail_size_keys_slider_and_settings(
    qtbot: Any, ready: Any, make_window: Any, settings: QSettings
) -> None:
    window = ready
    arrange, grid = window.arrange, window.grid
    assert arrange.thumb == THUMB and grid.gridSize() == cell_size(THUMB)
    window.activateWindow()
    grid.setFocus()
    step = THUMB_SIZES.index(THUMB)
    QTest.keyClick(grid, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert arrange.thumb == THUMB_SIZES[step + 1]
    QTest.keyClick(grid, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert arrange.thumb == THUMB_SIZES[step + 2]
    assert grid.gridSize() == cell_size(THUMB_SIZES[step + 2])
    assert window.photo_delegate.thumb == THUMB_SIZES[step + 2]
    assert arrange.slider.slider.value() == step + 2
    for _ in range(len(THUMB_SIZES) + 1):
        QTest.keyClick(grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert arrange.thumb == THUMB_SIZES[0]  # stops at the smallest
    arrange.slider.slider.setValue(len(THUMB_SIZES) - 1)
    assert arrange.thumb == THUMB_SIZES[-1]
    assert settings.value("view/thumb_size", type=int) == THUMB_SIZES[-1]
    # The larger thumbnails are decoded at a larger size, off the GUI thread.
    size = window.photo_delegate.thumb_pixels(grid)
    assert size > decode_size(THUMB, 1.0)
    path = window.photo_model.item(0).path
    qtbot.waitUntil(lambda: window.loader.pixmap(path, size) is not None, timeout=10_000)
    assert max(window.loader.pixmap(path, size).width(), 1) <= size
    window.shutdown()
    again = make_window()
    assert again.arrange.thumb == THUMB_SIZES[-1]
    assert again.grid.gridSize() == cell_size(THUMB_SIZES[-1])


def test_the_large_preview_walks_over_month_headers(qtbot: Any, dated: Any) -> None:
    window = dated
    window.arrange.set_order(BY_DATE)
    qtbot.waitUntil(window.photo_model.dated, timeout=10_000)
    wait_idle(qtbot, window)
    preview, model = window.preview, window.photo_model
    preview.open_row(3)  # IMG_3, the last photo of March 2024
    qtbot.waitUntil(preview.isVisible, timeout=5_000)
    shown: list[str] = []
    for _ in range(6):
        QTest.keyClick(preview, Qt.Key.Key_Right)
        shown.append(preview._item.name)
    # Row 4 and 7 are headers: the walk goes photo to photo and stops at the end.
    assert shown == ["IMG_4.jpg", "IMG_7.jpg", "IMG_5.jpg", "IMG_2.jpg", "IMG_2.jpg", "IMG_2.jpg"]
    QTest.keyClick(preview, Qt.Key.Key_Home)
    assert preview._item.name == "IMG_6.jpg"  # row 0 is "March 2024"
    QTest.keyClick(preview, Qt.Key.Key_Escape)
    assert not model.is_header(window.grid.currentIndex().row())
