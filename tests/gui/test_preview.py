"""The large preview: opening it, walking the grid, closing back to the
grid, comparing with the exported copy, and what it says when it cannot
show something."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

import pellicle.gui.preview as preview_module
from gui_helpers import rule_of, select_rows, wait_idle
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.gui.preview import EXPORTED, ORIGINAL
from tiff_builder import make_dng

BROKEN = "0-broken.jpg"
TURNED = "0-turned.jpg"
RAW = "0-camera.dng"


@pytest.fixture
def window(engine: Any, sample_library: Path, make_window: Any, qtbot: Any) -> Any:
    """A window on the 12-photo library plus a corrupt JPEG, a JPEG whose
    EXIF says "turn a quarter" and a RAW, all private."""
    (sample_library / BROKEN).write_bytes(b"\xff\xd8\xff\xe0" + b"not a photo" * 40)
    write_photo(sample_library / TURNED, width=64, height=48, orientation=6)
    (sample_library / RAW).write_bytes(make_dng(preview_size=(400, 300), orientation=6))
    engine.sync()
    win = make_window()
    wait_idle(qtbot, win)
    return win


def row_named(window: Any, name: str) -> int:
    model = window.photo_model
    return next(r for r in range(model.rowCount()) if model.item(r).name == name)


def shown_row(window: Any) -> int:
    return int(window.photo_model.row_of(window.preview.item.path))


def open_by_key(qtbot: Any, window: Any, row: int, key: Qt.Key = Qt.Key.Key_Space) -> None:
    select_rows(window, [row])
    window.grid.setFocus()
    qtbot.keyClick(window.grid, key)
    assert window.preview.is_open


def wait_image(qtbot: Any, view: Any) -> None:
    qtbot.waitUntil(lambda: view.has_image or bool(view.text and "Loading" not in view.text),
                    timeout=10_000)  # fmt: skip


def test_space_enter_and_double_click_open_the_photo_large(qtbot: Any, window: Any) -> None:
    preview, model = window.preview, window.photo_model
    assert not preview.is_open
    for row, key in ((3, Qt.Key.Key_Space), (5, Qt.Key.Key_Return), (6, Qt.Key.Key_Enter)):
        open_by_key(qtbot, window, row, key)
        assert preview.item.path == model.item(row).path
        assert preview.isVisible() and not window.grid.isVisible()  # a page, not a cover
        wait_image(qtbot, preview.original.view)
        assert preview.original.view.has_image
        assert preview.original.view.source == model.item(row).path
        assert model.item(row).name in preview.title.text()
        assert "Private" in preview.title.text()  # the decision, with its badge
        qtbot.keyClick(preview, Qt.Key.Key_Escape)
        assert not preview.is_open
    # Ctrl+Space keeps its list meaning (toggle the selection), no preview.
    qtbot.keyClick(window.grid, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not preview.is_open
    index = model.index(7)
    window.grid.scrollTo(index)
    centre = window.grid.visualRect(index).center()
    qtbot.mouseDClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert preview.is_open and preview.item.path == model.item(7).path
    preview.close_preview()
    wait_idle(qtbot, window)


def test_arrows_walk_the_grid_in_its_order_and_filter_and_stop_at_the_ends(
    qtbot: Any, window: Any
) -> None:
    preview, model = window.preview, window.photo_model
    window.search.setText("IMG_000")  # the grid's filter: the walk follows it
    order = [model.item(r).path for r in range(model.rowCount())]
    assert 3 <= len(order) < 15
    open_by_key(qtbot, window, 0)
    seen = [preview.item.path]
    for _ in range(len(order) + 2):  # two presses past the end do nothing
        qtbot.keyClick(preview, Qt.Key.Key_Right)
        if preview.item.path != seen[-1]:
            seen.append(preview.item.path)
    assert seen == order
    assert not preview.next.isEnabled() and preview.previous.isEnabled()
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    assert preview.item.path == order[-2]
    qtbot.keyClick(preview, Qt.Key.Key_Home)
    assert preview.item.path == order[0]
    qtbot.keyClick(preview, Qt.Key.Key_Left)  # the first photo: nowhere to go
    assert preview.item.path == order[0] and not preview.previous.isEnabled()
    qtbot.keyClick(preview, Qt.Key.Key_End)
    assert preview.item.path == order[-1]
    # The grid's selection follows, so S / P / U mark the photo on screen.
    assert window.selected_paths() == [order[-1]]
    preview.close_preview()
    wait_idle(qtbot, window)


def test_esc_goes_back_to_the_grid_with_the_last_photo_selected_and_visible(
    qtbot: Any, window: Any
) -> None:
    window.resize(520, 420)  # a few cells per screen: the last one is off screen
    preview, grid, model = window.preview, window.grid, window.photo_model
    open_by_key(qtbot, window, 0)
    qtbot.keyClick(preview, Qt.Key.Key_End)
    last = model.rowCount() - 1
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    assert not preview.is_open
    assert grid.isVisible() and not preview.isVisible()
    assert grid.selected_rows() == [last]
    assert grid.currentIndex().row() == last
    qtbot.waitUntil(lambda: grid.viewport().rect().intersects(grid.visualRect(model.index(last))))
    assert grid.verticalScrollBar().value() > 0  # it scrolled to it
    wait_idle(qtbot, window)


def test_tagging_in_the_preview_marks_the_photo_shown(qtbot: Any, window: Any) -> None:
    preview = window.preview
    open_by_key(qtbot, window, 2)
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    path = preview.item.path
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.acts.share.trigger()
    assert rule_of(path) is Decision.SHAREABLE
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Shareable" in preview.title.text(), timeout=10_000)
    preview.close_preview()


def test_compare_shows_the_original_beside_its_exported_copy(qtbot: Any, window: Any) -> None:
    preview, model = window.preview, window.photo_model
    path = select_rows(window, [4])[0]
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag([path], Decision.SHAREABLE)
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.syncing.synced, timeout=15_000):
        window.syncing.sync_now()
    wait_idle(qtbot, window)
    open_by_key(qtbot, window, model.row_of(path))
    assert not preview.exported.isVisible()
    qtbot.keyClick(preview, Qt.Key.Key_C)
    assert preview.compare.isChecked()
    assert preview.original.isVisible() and preview.exported.isVisible()
    wait_image(qtbot, preview.exported.view)
    wait_image(qtbot, preview.original.view)
    with Engine() as engine:
        exported = os.path.join(engine.export_dir, engine.explain(path).exported_as)
    assert preview.original.view.source == path
    assert preview.exported.view.source == exported
    assert os.path.dirname(exported) != os.path.dirname(path)
    # The same photo size on both sides: the copy keeps the pixels.
    assert preview.exported.view.image_size() == preview.original.view.image_size()
    # The next photo is private: the copy's side says so, in plain words.
    private_row = next(
        r for r in range(model.rowCount()) if model.item(r).decision is Decision.PRIVATE
    )
    preview.open_row(private_row)
    assert preview.exported.view.text == "Not in the export: this photo is private."
    assert not preview.exported.view.has_image
    qtbot.keyClick(preview, Qt.Key.Key_C)
    assert not preview.exported.isVisible()
    preview.close_preview()
    wait_idle(qtbot, window)


def test_a_shareable_photo_not_exported_yet_says_so(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview, model = window.preview, window.photo_model
    path = select_rows(window, [1])[0]
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag([path], Decision.SHAREABLE)
    wait_idle(qtbot, window)
    # As if the sync had not run yet: the engine knows no copy.
    monkeypatch.setattr(preview_module, "export_path_job", lambda p: lambda engine: None)
    open_by_key(qtbot, window, model.row_of(path))
    preview.compare.setChecked(True)
    qtbot.waitUntil(lambda: "not exported yet" in preview.exported.view.text.lower())
    preview.close_preview()
    wait_idle(qtbot, window)


def test_a_corrupt_file_shows_a_one_line_reason(qtbot: Any, window: Any) -> None:
    preview = window.preview
    open_by_key(qtbot, window, row_named(window, BROKEN))
    view = preview.original.view
    qtbot.waitUntil(lambda: view.text.startswith("Cannot show this photo:"), timeout=10_000)
    assert "\n" not in view.text and "Traceback" not in view.text
    assert len(view.text) > len("Cannot show this photo: ")
    qtbot.keyClick(preview, Qt.Key.Key_Right)  # and the walk goes on
    wait_image(qtbot, preview.original.view)
    assert preview.original.view.has_image
    preview.close_preview()


def test_exif_orientation_is_honoured_and_a_raw_says_what_is_shown(qtbot: Any, window: Any) -> None:
    preview = window.preview
    open_by_key(qtbot, window, row_named(window, TURNED))
    wait_image(qtbot, preview.original.view)
    size = preview.original.view.image_size()
    assert (size.width(), size.height()) == (48, 64)  # stored 64x48, shown upright
    assert preview.note.isHidden()
    preview.open_row(row_named(window, RAW))
    wait_image(qtbot, preview.original.view)
    size = preview.original.view.image_size()
    assert size.height() > size.width()  # the camera's preview, turned upright
    assert not preview.note.isHidden()
    assert "RAW" in preview.note.text()
    preview.close_preview()


def test_results_for_a_photo_already_left_are_dropped(qtbot: Any, window: Any) -> None:
    preview = window.preview
    open_by_key(qtbot, window, 0)
    first = preview.item.path
    stale = (ORIGINAL, first)
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    second = preview.item.path
    wait_image(qtbot, preview.original.view)
    assert preview.original.view.source == second
    # The first photo's decode arrives late: it must not replace the second.
    odd = QImage(7, 7, QImage.Format.Format_RGB888)
    odd.fill(QColor("red"))
    preview._on_decoded(stale, odd, "", "jpeg")
    assert preview.original.view.source == second
    assert preview.original.view.image_size().width() != 7
    preview._on_decoded(stale, QImage(), "broken", "jpeg")
    assert preview.original.view.has_image
    # The same for the exported copy's side, in comparison.
    preview.compare.setChecked(True)
    old = preview._token
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    preview._on_decoded((EXPORTED, old, "/elsewhere/copy.jpg"), odd, "", "jpeg")
    assert preview.exported.view.source != "/elsewhere/copy.jpg"
    assert not preview.exported.view.has_image  # a private photo: no copy to show
    preview.close_preview()
    wait_idle(qtbot, window)


def test_the_next_photo_is_read_ahead_and_shown_at_once(qtbot: Any, window: Any) -> None:
    preview, model = window.preview, window.photo_model
    open_by_key(qtbot, window, 4)
    nxt, prev = model.item(5).path, model.item(3).path
    qtbot.waitUntil(lambda: nxt in preview._kept, timeout=10_000)
    qtbot.keyClick(preview, Qt.Key.Key_Right)
    assert preview.original.view.source == nxt  # no "Loading…" in between
    # Walking back reads ahead backwards.
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    qtbot.keyClick(preview, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: model.item(2).path in preview._kept, timeout=10_000)
    assert preview.item.path == prev
    preview.close_preview()
    assert not preview._kept  # nothing decoded stays once the grid is back


def test_enter_and_space_on_a_drop_target_still_mark_the_selection(qtbot: Any, window: Any) -> None:
    paths = select_rows(window, [0])
    window.share_target.setFocus()
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        qtbot.keyClick(window.share_target, Qt.Key.Key_Return)
    assert rule_of(paths[0]) is Decision.SHAREABLE
    assert not window.preview.is_open
    wait_idle(qtbot, window)
    window.private_target.setFocus()
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        qtbot.keyClick(window.private_target, Qt.Key.Key_Space)
    assert rule_of(paths[0]) is Decision.PRIVATE
    assert not window.preview.is_open
    wait_idle(qtbot, window)


def test_the_view_menu_opens_and_closes_the_preview(qtbot: Any, window: Any) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.acts.preview in view.actions()
    assert window.acts.preview.shortcut().toString() == "Space"
    select_rows(window, [4])
    window.acts.preview.trigger()
    assert window.preview.is_open
    assert window.preview.item.path == window.photo_model.item(4).path
    window.acts.preview.trigger()
    assert not window.preview.is_open


def test_another_tab_closes_the_preview(qtbot: Any, window: Any) -> None:
    open_by_key(qtbot, window, 0)
    window.acts.history.trigger()
    assert not window.preview.is_open
    assert window.tabs.currentWidget() is window.history
