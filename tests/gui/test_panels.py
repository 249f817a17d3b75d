"""The panels' widths: the grid keeps three columns, the inspector gives
way and comes back, and the person's widths survive a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui_helpers import wait_idle
from pellicle.gui.panels import MIN_COLUMNS, MIN_INSPECTOR


def settle(qtbot: Any, window: Any, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=5_000)
    qtbot.wait(20)  # the splitter and the grid lay out


def photos_on_first_row(window: Any) -> int:
    """Columns as the grid lays them out: photos sharing row 0's top."""
    grid, model = window.grid, window.photo_model
    top = grid.visualRect(model.index(0)).top()
    return sum(1 for r in range(model.rowCount()) if grid.visualRect(model.index(r)).top() == top)


def test_the_grid_keeps_three_columns_and_the_inspector_gives_way(qtbot: Any, ready: Any) -> None:
    window = ready
    splitter = window.splitter
    # 1024x700, and 1600x1000 at 150 % (1067x667 logical): room for both.
    for width, height in ((1024, 700), (1067, 667), (1360, 860)):
        settle(qtbot, window, width, height)
        assert window.grid.viewport().width() // window.grid.gridSize().width() >= MIN_COLUMNS
        assert splitter.columns() >= MIN_COLUMNS
        assert photos_on_first_row(window) >= MIN_COLUMNS
        assert splitter.sizes()[2] >= MIN_INSPECTOR, (width, splitter.sizes())
        assert window.acts.inspector.isChecked()
    wide = splitter.sizes()[2]
    # Narrower: the inspector collapses rather than the grid losing a column.
    settle(qtbot, window, 800, 600)
    assert splitter.sizes()[2] == 0
    assert photos_on_first_row(window) >= MIN_COLUMNS
    assert not window.acts.inspector.isChecked()
    # 1024x700 at 150 % (683x467 logical): the tree narrows too.
    settle(qtbot, window, 683, 467)
    assert splitter.sizes()[2] == 0 and splitter.sizes()[0] < 200
    assert photos_on_first_row(window) >= MIN_COLUMNS
    # Wider again: it comes back at the width it had.
    settle(qtbot, window, 1360, 860)
    assert splitter.sizes()[2] == wide
    assert window.acts.inspector.isChecked()
    wait_idle(qtbot, window)


def test_show_inspector_hides_and_shows_it(qtbot: Any, ready: Any) -> None:
    window = ready
    settle(qtbot, window, 1200, 800)
    before = window.splitter.sizes()
    QTest.keyClick(window.grid, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.splitter.sizes()[2] == 0 and not window.acts.inspector.isChecked()
    assert window.splitter.sizes()[1] > before[1]  # the room went to the grid
    window.acts.inspector.trigger()
    assert window.splitter.sizes() == before and window.acts.inspector.isChecked()
    # Asked for on a narrow window, it shows anyway (at its smallest).
    settle(qtbot, window, 800, 600)
    assert window.splitter.sizes()[2] == 0
    window.acts.inspector.trigger()
    assert window.splitter.sizes()[2] >= MIN_INSPECTOR
    # Hidden by dragging its handle to the edge: the command follows.
    settle(qtbot, window, 1200, 800)
    window.splitter.moveSplitter(window.splitter.width(), 2)
    assert window.splitter.sizes()[2] == 0 and not window.acts.inspector.isChecked()
    wait_idle(qtbot, window)


def test_the_person_s_widths_are_remembered(qtbot: Any, ready: Any, make_window: Any) -> None:
    window = ready
    settle(qtbot, window, 1200, 800)
    window.splitter.moveSplitter(200, 1)  # the tree narrower
    window.splitter.moveSplitter(window.splitter.width() - 380, 2)  # the inspector wider
    sizes = window.splitter.sizes()
    assert sizes[0] == 200 and abs(sizes[2] - 380) <= 6
    window.save_state()
    again = make_window()
    settle(qtbot, again, 1200, 800)
    assert again.splitter.sizes() == sizes
    # Hidden, it stays hidden after a restart; room made for the grid on a
    # small window is not taken for the person's choice.
    again.acts.inspector.trigger()
    again.save_state()
    third = make_window()
    settle(qtbot, third, 1200, 800)
    assert third.splitter.sizes()[2] == 0 and not third.acts.inspector.isChecked()
    third.acts.inspector.trigger()
    settle(qtbot, third, 800, 600)
    third.save_state()
    fourth = make_window()
    settle(qtbot, fourth, 1200, 800)
    assert fourth.splitter.sizes() == sizes
    for w in (window, again, third, fourth):
        wait_idle(qtbot, w)
