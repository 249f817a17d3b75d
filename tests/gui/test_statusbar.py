"""The status bar's words: one sync-state line for each state, and the
progress of a sync (the window runs them in test_syncing)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStatusBar

from pellicle.gui.statusbar import StatusArea


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
    area = StatusArea(bar)
    area.sync_progress("scanning Pictures", 10, 0)
    assert area.sync_label.text() == "Starting…"  # not syncing: ignored
    area.sync_started()
    assert area.sync_label.text() == "Syncing…" and not area.progress.isHidden()
    area.sync_progress("scanning Pictures", 1234, 0)
    assert area.sync_label.text() == "Scanning Pictures: 1,234 files"
    area.sync_progress("exporting", 3, 1200)
    assert area.sync_label.text() == "Syncing 3 of 1,200" and area.progress.value() == 3
    # A snapshot arriving mid-sync does not overwrite "Syncing".
    states: list[str] = []
    area.state_changed.connect(states.append)
    status = {"photos": 5, "shareable": 1, "private": 4, "exported": 1, "in_sync": True}
    area.show_status(status, watching=False)
    assert area.sync_label.text() == "Syncing 3 of 1,200" and states == []
    assert area.counts_label.text() == "5 photos · 1 shareable · 4 private · 1 exported"
    area.sync_finished()
    area.show_status(status, watching=False)
    assert area.progress.isHidden() and states == ["In sync"]
    area.sync_failed("disk full")
    assert area.sync_label.text() == "Sync failed" and bar.currentMessage() == "disk full"
