"""Snapshots, syncs and the live watcher, as the window runs them.

Bursts of requests must coalesce (one read or sync running, one more
held), the status bar must say what happened, and the watcher must export
a tag without the window syncing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication

from gui_helpers import select_rows, wait_idle
from pellicle.core.policy import Decision


def test_a_burst_of_refreshes_reads_twice_and_runs_every_then(qtbot: Any, ready: Any) -> None:
    window = ready
    syncing = window.syncing
    reads: list[int] = []
    syncing.refreshed.connect(lambda: reads.append(1))
    called: list[str] = []
    syncing.refresh()
    assert syncing.refreshing
    # While one read runs, later requests are held as one.
    syncing.refresh(then=lambda: called.append("a"))
    syncing.refresh()
    syncing.refresh(then=lambda: called.append("b"))
    wait_idle(qtbot, window)
    assert len(reads) == 2
    assert called == ["a", "b"]


def test_a_burst_of_syncs_makes_at_most_one_more(qtbot: Any, ready: Any) -> None:
    window = ready
    syncing = window.syncing
    reports: list[Any] = []
    syncing.synced.connect(reports.append)
    syncing.sync_now()
    assert syncing.syncing and window.status_area.sync_label.text() == "Syncing…"
    assert not window.status_area.progress.isHidden()
    for _ in range(5):
        syncing.sync_now()
    wait_idle(qtbot, window)
    assert len(reports) == 2 and all(r.in_sync for r in reports)
    assert window.status_area.progress.isHidden()
    assert window.status_area.sync_label.text().startswith("In sync")


def test_status_bar_after_a_sync(qtbot: Any, ready: Any, export: Path) -> None:
    window = ready
    status_area = window.status_area
    paths = select_rows(window, [0, 1, 2, 3])
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.SHAREABLE)
    with qtbot.waitSignal(window.syncing.synced, timeout=15_000) as blocker:
        window.syncing.sync_now()
    report = blocker.args[0]
    assert report.in_sync
    wait_idle(qtbot, window)
    status = window.snapshot.status
    assert status["exported"] == 4 - len(status["problems"]) or status["exported"] >= 1
    assert status_area.sync_label.text().startswith(("In sync", "In sync except"))
    assert "12 photos" in status_area.counts_label.text()
    assert "4 shareable" in status_area.counts_label.text()
    assert status_area.progress.isHidden()
    assert status_area.export_label.toolTip().startswith(str(export))
    assert "grant" in status_area.grant_label.text()
    status_area.copy_export_path()
    assert QGuiApplication.clipboard().text() == str(export)
    exported = [p for p in export.rglob("*") if p.is_file()]
    assert len(exported) == status["exported"]


def test_live_watcher_exports_after_a_tag(
    qtbot: Any, engine: Any, sample_library: Path, export: Path, make_window: Any
) -> None:
    engine.sync()
    window = make_window(live=True)
    qtbot.waitUntil(lambda: window.syncing.watching, timeout=10_000)
    wait_idle(qtbot, window)  # the window's own sync at start is over
    photo = next(sample_library.rglob("IMG_*.jpg"))
    synced: list[Any] = []
    window.syncing.synced.connect(synced.append)
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag([str(photo)], Decision.SHAREABLE)
    # The watcher (not the window) notices the rule change and exports it.
    qtbot.waitUntil(lambda: any(export.rglob("*.jpg")), timeout=20_000)
    qtbot.waitUntil(lambda: window.snapshot.status.get("exported") == 1, timeout=20_000)
    assert synced == []
    qtbot.waitUntil(
        lambda: window.status_area.sync_label.text() == "In sync · watching", timeout=20_000
    )
    window.shutdown()
    assert not window.syncing.watching
