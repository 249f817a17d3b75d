"""The inspector follows the grid: it shows the selected photo while the
grid shows it, and "Nothing selected" as soon as the grid no longer holds
it, whichever way it went (a filter, a search, a folder, a deletion, a
refresh)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel

from gui_helpers import select_rows, wait_idle

NOTHING = "Nothing selected"


def show(qtbot: Any, window: Any, row: int) -> str:
    """Select `row` and wait until the inspector shows that photo."""
    path = select_rows(window, [row])[0]
    name = window.photo_model.item(row).name
    qtbot.waitUntil(lambda: window.inspector.title.text() == name, timeout=10_000)
    qtbot.waitUntil(lambda: window.inspector.keeps.text() != "", timeout=10_000)
    return path


def shows_nothing(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.inspector.title.text() == NOTHING, timeout=5_000)
    assert window.inspector.carries.text() == ""
    # And it stays so: no read still in flight puts the photo back.
    wait_idle(qtbot, window)
    qtbot.wait(150)
    assert window.inspector.title.text() == NOTHING


def test_a_filter_that_hides_the_photo_clears_the_inspector(qtbot: Any, ready: Any) -> None:
    window = ready
    show(qtbot, window, 3)
    window.filter_box.setCurrentIndex(1)  # Shareable: none is
    assert window.photo_model.rowCount() == 0
    shows_nothing(qtbot, window)


def test_a_filter_that_keeps_the_photo_keeps_it_selected(qtbot: Any, ready: Any) -> None:
    window = ready
    path = show(qtbot, window, 3)
    name = window.photo_model.item(3).name
    window.filter_box.setCurrentIndex(2)  # Private: every photo is
    assert window.selected_paths() == [path]
    assert window.grid.currentIndex().row() == window.photo_model.row_of(path)
    qtbot.wait(150)
    wait_idle(qtbot, window)
    assert window.inspector.title.text() == name


def test_a_search_that_hides_the_photo_clears_the_inspector(qtbot: Any, ready: Any) -> None:
    window = ready
    show(qtbot, window, 0)
    window.search.setText("no photo is called this")
    assert window.photo_model.rowCount() == 0
    shows_nothing(qtbot, window)


def test_a_folder_without_the_photo_clears_the_inspector(
    qtbot: Any, ready: Any, sample_library: Path
) -> None:
    window = ready
    holidays = str(sample_library / "Holidays")
    row = next(
        r for r in range(window.photo_model.rowCount())
        if not window.photo_model.item(r).path.startswith(holidays + os.sep)
    )  # fmt: skip
    show(qtbot, window, row)
    index = next(
        window.folder_model.index_of((f.root_id, f.rel))
        for f in window.snapshot.folders
        if f.path == holidays
    )
    window.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert window.photo_model.row_of(window.photo_model.item(0).path) is not None
    shows_nothing(qtbot, window)


def test_a_deleted_photo_leaves_the_inspector_after_the_next_sync(qtbot: Any, ready: Any) -> None:
    window = ready
    path = show(qtbot, window, 5)
    os.remove(path)
    with qtbot.waitSignal(window.refreshed, timeout=15_000):
        window.acts.sync.trigger()  # F5 (the watcher is off in these tests)
    wait_idle(qtbot, window)
    assert window.photo_model.row_of(path) is None
    shows_nothing(qtbot, window)


def test_a_refresh_without_the_photo_clears_the_inspector(qtbot: Any, ready: Any) -> None:
    """Any model reset (here: the grid told to show an empty library)."""
    window = ready
    show(qtbot, window, 2)
    from gui_helpers import store_of

    window.photo_model.set_photos(store_of())
    shows_nothing(qtbot, window)


def test_a_selection_gone_while_its_details_are_read_stays_gone(qtbot: Any, ready: Any) -> None:
    window = ready
    select_rows(window, [4])
    window.search.setText("no photo is called this")  # before the read ends
    shows_nothing(qtbot, window)
