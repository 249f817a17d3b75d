"""The main window's own jobs: models under the tester, filters, the
inspector, thumbnails, remembered geometry.

Tagging, syncing, the settings flow, the actions and the status bar have
their own test files, like their modules.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel

from gui_helpers import select_rows, wait_idle
from pellicle.core.policy import Decision


def test_models_pass_the_model_tester(qtbot: Any, ready: Any, model_tester: Any) -> None:
    window = ready
    testers = [
        model_tester(window.photo_model),
        model_tester(window.folder_model),
        model_tester(window.history_model),
    ]
    paths = select_rows(window, [0, 1, 2])
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.SHAREABLE)
    wait_idle(qtbot, window)
    for kind in ("shareable", "private", "problems", "all"):
        window.photo_model.set_filter(kind=kind)
    window.photo_model.set_filter(search="IMG_000")
    assert all("img_000" in window.photo_model.item(r).name.lower()
               for r in range(window.photo_model.rowCount()))  # fmt: skip
    window.photo_model.set_filter(search="")
    with qtbot.waitSignal(window.syncing.synced, timeout=15_000):
        window.syncing.sync_now()
    wait_idle(qtbot, window)
    assert window.history_model.rowCount() >= 1
    # Each tester watched every change above (a failure fails the test).
    assert all(shiboken6.isValid(t) for t in testers)


def test_filters_show_the_right_photos(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [0])
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.SHAREABLE)
    wait_idle(qtbot, window)
    window.filter_box.setCurrentIndex(1)  # Shareable
    shown = [window.photo_model.item(r).path for r in range(window.photo_model.rowCount())]
    assert shown == paths
    window.filter_box.setCurrentIndex(2)  # Private
    assert window.photo_model.rowCount() == 11
    window.filter_box.setCurrentIndex(0)
    assert window.photo_model.rowCount() == 12


def test_inspector_shows_what_a_photo_carries(qtbot: Any, ready: Any) -> None:
    window = ready
    row = next(
        r for r in range(window.photo_model.rowCount())
        if window.photo_model.item(r).name.endswith(".jpg")
    )  # fmt: skip
    select_rows(window, [row])
    qtbot.waitUntil(lambda: "GPS position" in window.inspector.carries.text(), timeout=10_000)
    assert "Jane Planted-Person" in window.inspector.carries.text()
    keeps = window.inspector.keeps.text()
    # What THIS photo's copy drops, by name, against what it keeps.
    assert "Removed from the copy:" in keeps and "GPS position" in keeps
    assert "Body serial number" in keeps and "Kept:" in keeps
    assert "pixels" in keeps and "nothing else" in keeps
    assert "colour profile" not in keeps  # the sample photos carry none
    assert "Not exported" in window.inspector.preview_caption.text()
    wait_idle(qtbot, window)


def test_thumbnails_are_delivered_to_the_grid(qtbot: Any, ready: Any) -> None:
    window = ready
    item = window.photo_model.item(0)
    size = window.grid.itemDelegate().thumb_pixels(window.grid)
    if window.loader.pixmap(item.path, size) is None:
        qtbot.waitUntil(lambda: window.loader.pixmap(item.path, size) is not None, timeout=10_000)
    pixmap = window.loader.pixmap(item.path, size)
    assert pixmap is not None and not pixmap.isNull()
    assert max(pixmap.width(), pixmap.height()) <= size
    cache = Path(window.where.thumbnails)
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700)


def test_window_geometry_and_splitter_are_remembered(
    qtbot: Any, ready: Any, make_window: Any, settings: Any
) -> None:
    window = ready
    window.splitter.setSizes([300, 600, 300])
    sizes = window.splitter.sizes()
    window.filter_box.setCurrentIndex(2)
    window.save_state()
    again = make_window()
    assert again.filter_box.currentIndex() == 2
    assert again.splitter.sizes() == sizes
    wait_idle(qtbot, again)
    wait_idle(qtbot, window)


def test_all_photos_leaves_the_folder_the_tree_narrowed_to(
    qtbot: Any, ready: Any, sample_library: Path
) -> None:
    window = ready
    everything = window.photo_model.rowCount()
    holidays = str(sample_library / "Holidays")
    index = next(
        window.folder_model.index_of((f.root_id, f.rel))
        for f in window.snapshot.folders
        if f.path == holidays
    )
    window.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    narrowed = window.photo_model.rowCount()
    assert 0 < narrowed < everything
    shown = [window.photo_model.item(r).path for r in range(narrowed)]
    assert all(p.startswith(holidays + os.sep) for p in shown)
    # The header says which folder the grid shows, with its counts.
    folder = next(f for f in window.snapshot.folders if f.path == holidays)
    total = folder.shareable + folder.private
    assert window.grid_header.text() == f"Holidays — {total} photos, {folder.shareable} shareable"
    assert window.grid_header.toolTip() == holidays
    window.search.setText(os.path.basename(shown[0]))  # narrowed further: how many show
    assert window.grid_header.text().endswith(f"shareable · {window.photo_model.rowCount()} shown")
    assert window.photo_model.rowCount() < total
    window.search.setText("")
    window.acts.all_photos.trigger()
    assert window.photo_model.rowCount() == everything
    assert not window.tree.selectionModel().hasSelection()
    assert window.grid_header.text().startswith(f"All photos — {everything} photos, ")
    assert window.grid_header.toolTip() == str(sample_library)


def test_grid_header_elides_a_long_name_in_the_middle(qtbot: Any) -> None:
    from pellicle.gui.views import GridHeader

    header = GridHeader()
    qtbot.addWidget(header)
    header.resize(320, 30)
    header.show()
    name = "Summer holidays in Brittany with the whole family and the dog 2024"
    header.show_scope(name, f"/photos/{name}", photos=1, shareable=1)
    text = header.text()
    assert "…" in text and text.endswith(" — 1 photo, 1 shareable")  # counts whole
    assert text.startswith("Summer") and "2024 —" in text  # elided in the middle
    assert header.full_text() == f"{name} — 1 photo, 1 shareable"
    assert header.toolTip() == f"/photos/{name}"
    header.resize(1200, 30)
    assert header.text() == header.full_text()
