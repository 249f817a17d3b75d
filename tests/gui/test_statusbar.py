"""The status bar's words: one sync-state line for each state, and the
progress of a sync (the window runs them in test_syncing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStatusBar

from pellicle.gui.statusbar import BAR_AFTER_MS, StatusArea


def test_state_lines(qtbot: Any) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    state = StatusArea(bar).state_text
    roots = [{"label": "Pictures", "state": "online"}, {"label": "Card", "state": "offline"}]
    assert state({"roots": roots}, watching=False) == "Paused: Card offline"
    assert state({"foreign": ["a", "b"]}, watching=False) == (
        "2 unknown files in the export (left alone)"
    )
    assert state({"problems": [1], "in_sync": True}, watching=True) == "In sync except 1 problem"
    assert state({"problems": [1, 2]}, watching=False) == "2 problems"
    assert state({"in_sync": True}, watching=True) == "In sync · watching"
    assert state({"in_sync": True}, watching=False) == "In sync"
    assert state({"to_add": 1200, "to_remove": 1}, watching=False) == (
        "1,201 changes waiting to sync"
    )


def test_progress_shows_only_while_syncing(qtbot: Any) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.resize(1600, 30)
    bar.show()
    area = StatusArea(bar)
    area.sync_progress("scanning Pictures", 10, 0)
    assert area.sync_label.text() == "Starting…"  # not syncing: ignored
    area.sync_started()
    assert area.sync_label.text() == "Syncing…"
    assert area.progress.isHidden()  # not for the first BAR_AFTER_MS
    qtbot.waitUntil(lambda: not area.progress.isHidden(), timeout=2 * BAR_AFTER_MS)
    area.sync_progress("scanning Pictures", 1234, 0)
    assert area.sync_label.text() == "Scanning Pictures: 1,234 files"
    area.sync_progress("exporting", 37, 1200)
    assert area.sync_label.text() == "Exporting 37 of 1,200"
    assert (area.progress.value(), area.progress.maximum()) == (37, 1200)
    area.sync_progress("checking exported copies", 3, 1200)
    assert area.sync_label.text() == "Checking exported copies: 3 of 1,200"
    # A snapshot arriving mid-sync changes the counts, never the state line,
    # even when it says the export is in sync: copies are still being written.
    states: list[str] = []
    area.state_changed.connect(states.append)
    status = {"photos": 5, "shareable": 1, "private": 4, "exported": 1, "in_sync": True}
    area.show_status(status, watching=True)
    assert area.sync_label.text() == "Checking exported copies: 3 of 1,200" and states == []
    assert area.counts_label.text() == "5 photos · 1 shareable · 4 private · 1 exported"
    area.sync_finished()
    assert area.progress.isHidden()
    assert area.sync_label.text() == "Checking exported copies: 3 of 1,200"  # until read anew
    area.show_status(status, watching=False)
    assert states == ["In sync"]
    area.sync_failed("disk full")
    assert area.sync_label.text() == "Sync failed" and bar.currentMessage() == "disk full"


def test_a_short_sync_does_not_flash_the_bar(qtbot: Any) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.show()
    area = StatusArea(bar)
    area.sync_started()
    area.sync_progress("exporting", 1, 1)
    area.sync_finished()
    qtbot.wait(BAR_AFTER_MS * 2)
    assert area.progress.isHidden()


def test_open_says_so_when_no_file_manager_can(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """openUrl answers False where no file manager is registered: a box
    says so and its "Copy path" button puts the folder on the clipboard."""
    window = QMainWindow()
    qtbot.addWidget(window)
    area = StatusArea(window.statusBar())
    export = str(tmp_path / "Pellicle export")
    area.show_status(
        {"photos": 1, "shareable": 0, "private": 1, "exported": 0, "export_dir": export},
        watching=False,
    )
    asked: list[str] = []

    def no_file_manager(url: QUrl) -> bool:
        asked.append(url.toLocalFile())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", no_file_manager)
    QGuiApplication.clipboard().clear()
    area.open_button.click()
    box = area.cannot_open
    assert asked == [export] and box is not None and box.isVisible()
    assert box.text() == "No file manager is set up to open folders here."
    assert export in box.informativeText()
    copy = next(b for b in box.buttons() if b.text() == "Copy path")
    with qtbot.waitSignal(box.finished):
        copy.click()
    assert QGuiApplication.clipboard().text() == export


def test_open_opens_quietly_when_it_can(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    area = StatusArea(window.statusBar())
    area.show_status({"photos": 0, "shareable": 0, "private": 0, "exported": 0,
                      "export_dir": "/srv/export"}, watching=False)  # fmt: skip
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    area.open_button.click()
    assert area.cannot_open is None


@pytest.mark.parametrize("width", [1024, 1600])
def test_the_sync_state_shows_in_full_at_any_width(qtbot: Any, width: int) -> None:
    """At 1024 pixels the export folder's row used to push "Exporting 37 of
    126" out of the bar: the path is elided and the sentence about the
    folder gives way first."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    qtbot.waitExposed(window)
    area = StatusArea(window.statusBar())
    export = "/home/someone/a rather long folder name/Pellicle export for apps"
    status = {"photos": 350, "shareable": 126, "private": 224, "exported": 37,
              "export_dir": export}  # fmt: skip
    area.show_status(status, watching=True)
    area.sync_started()
    area.sync_progress("exporting", 37, 126)
    qtbot.waitUntil(lambda: not area.progress.isHidden(), timeout=2 * BAR_AFTER_MS)
    qtbot.wait(50)  # the bar's layout
    label = area.sync_label
    assert label.text() == "Exporting 37 of 126"
    assert label.isVisible() and label.width() >= label.sizeHint().width()
    right = label.mapTo(window, label.rect().topRight()).x()
    assert right <= area.progress.mapTo(window, area.progress.rect().topLeft()).x()
    assert area.progress.width() > 50
    path = area.export_label.text()
    assert path == export or "…" in path
    assert area.export_label.toolTip().startswith(export)
    assert area.grant_label.isVisible() == (width >= 1600)


def test_a_passing_note_is_not_painted_over_by_the_bar(qtbot: Any) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    bar.resize(1200, 30)
    bar.show()
    area = StatusArea(bar)
    area.sync_started()
    area.message("Pictures: polling", 3 * BAR_AFTER_MS)
    qtbot.waitUntil(lambda: not area._bar_timer.isActive(), timeout=2_000)  # bar due
    assert area.progress.isHidden() and bar.currentMessage() == "Pictures: polling"
    qtbot.waitUntil(lambda: not area.progress.isHidden(), timeout=5_000)
    assert bar.currentMessage() == "" and area.sync_label.isVisible()
    area.message("Pictures: polling", 5_000)
    area.sync_finished()
    bar.clearMessage()
    assert area.progress.isHidden()
