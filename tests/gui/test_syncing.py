"""Snapshots, syncs and the live watcher, as the window runs them.

Bursts of requests must coalesce (one read or sync running, one more
held), the status bar must say what happened, and the watcher must export
a tag without the window syncing.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication

from gui_helpers import select_rows, wait_idle
from pellicle.core import sync as core_sync
from pellicle.core.policy import Decision

EXPORTING = re.compile(r"Exporting (\d+) of (\d+)")


class SlowExport:
    """Makes every exported copy take `delay` seconds to publish (on
    whichever thread exports: the window's or the watcher's), and can hold
    the export after `hold_after` copies until `release()`."""

    def __init__(self, delay: float = 0.06, hold_after: int | None = None) -> None:
        self.delay = delay
        self.hold_after = hold_after
        self.published = 0
        self.gate = threading.Event()
        self.held = threading.Event()
        self._original = core_sync._publish

    def publish(self, *args: Any) -> None:
        if self.hold_after is not None and self.published == self.hold_after:
            # Held before the next copy: the progress of the last one is out.
            self.held.set()
            self.gate.wait(20)
        time.sleep(self.delay)
        self._original(*args)
        self.published += 1

    def release(self) -> None:
        self.hold_after = None
        self.gate.set()


@pytest.fixture
def slow_export(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowExport]:
    slow = SlowExport()
    monkeypatch.setattr(core_sync, "_publish", slow.publish)
    yield slow
    slow.release()  # never leave a worker waiting


class LabelLog:
    """Every text the status bar's sync line and bar take, in order."""

    def __init__(self, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        area = window.status_area
        self.texts: list[str] = []
        #: Texts shown while this window's sync or the watcher's was running.
        self.while_working: list[str] = []
        self.bar_seen: list[tuple[int, int]] = []
        set_text = area.sync_label.setText

        def record(text: str) -> None:
            self.texts.append(text)
            if window.syncing.working:
                self.while_working.append(text)
            if not area.progress.isHidden():
                self.bar_seen.append((area.progress.value(), area.progress.maximum()))
            set_text(text)

        monkeypatch.setattr(area.sync_label, "setText", record)

    def exporting(self) -> list[tuple[int, int]]:
        found = (EXPORTING.fullmatch(t) for t in self.texts)
        return [(int(m[1]), int(m[2])) for m in found if m]

    def in_sync_while_working(self) -> list[str]:
        """ "In sync" said while copies were being written (never allowed)."""
        return [t for t in self.while_working if t.startswith("In sync")]


def share_all(qtbot: Any, window: Any) -> None:
    paths = select_rows(window, list(range(window.photo_model.rowCount())))
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.SHAREABLE)


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


def test_a_long_sync_says_exporting_n_of_m_and_never_in_sync(
    qtbot: Any, ready: Any, slow_export: SlowExport, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready
    area = window.status_area
    log = LabelLog(window, monkeypatch)
    slow_export.hold_after = 3
    share_all(qtbot, window)  # the watcher is off: the window syncs
    assert slow_export.held.wait(15)
    qtbot.waitUntil(lambda: area.sync_label.text().startswith("Exporting 3 of "), timeout=5_000)
    total = int(area.sync_label.text().split()[-1])
    assert total >= 8
    qtbot.waitUntil(lambda: not area.progress.isHidden(), timeout=2_000)
    assert (area.progress.value(), area.progress.maximum()) == (3, total)
    # A snapshot read now (the rules thread answers while the sync thread
    # writes) may change the counts, never the state line.
    with qtbot.waitSignal(window.syncing.refreshed, timeout=10_000):
        window.syncing.refresh()
    assert area.sync_label.text() == f"Exporting 3 of {total}"
    slow_export.release()
    wait_idle(qtbot, window)
    assert area.sync_label.text() == "In sync" and area.progress.isHidden()
    assert log.exporting()[-1] == (total, total)
    assert log.in_sync_while_working() == []
    assert log.bar_seen and log.bar_seen[-1] == (total, total)


@pytest.mark.parametrize("live", [False, True], ids=["window-syncs", "watcher-live"])
def test_switching_export_names_shows_the_re_export(
    qtbot: Any, engine: Any, sample_library: Path, export: Path, make_window: Any,
    slow_export: SlowExport, monkeypatch: pytest.MonkeyPatch, live: bool,
) -> None:  # fmt: skip
    engine.share([str(sample_library)])
    engine.sync()
    window = make_window(live=live)
    in_sync = "In sync · watching" if live else "In sync"
    area = window.status_area
    qtbot.waitUntil(lambda: area.sync_label.text() == in_sync, timeout=20_000)
    wait_idle(qtbot, window)
    exported = window.snapshot.status["exported"]
    assert exported >= 8
    log = LabelLog(window, monkeypatch)
    window.settings_flow.setup([str(sample_library)], str(export), opaque_names=True)
    qtbot.waitUntil(lambda: bool(log.exporting()), timeout=15_000)
    qtbot.waitUntil(lambda: bool(log.bar_seen), timeout=5_000)
    qtbot.waitUntil(lambda: area.sync_label.text() == in_sync, timeout=20_000)
    wait_idle(qtbot, window)
    assert log.exporting()[-1] == (exported, exported)
    assert log.in_sync_while_working() == []
    assert window.snapshot.settings["opaque_names"]
    window.shutdown()


def test_the_watchers_sync_shows_progress_in_the_window(
    qtbot: Any, engine: Any, sample_library: Path, make_window: Any,
    slow_export: SlowExport, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    engine.sync()
    window = make_window(live=True)
    qtbot.waitUntil(lambda: window.syncing.watching, timeout=10_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(
        lambda: window.status_area.sync_label.text() == "In sync · watching", timeout=20_000
    )
    # Following by events is the normal case: no note covers the state line.
    assert ": events" not in window.statusBar().currentMessage()
    log = LabelLog(window, monkeypatch)
    synced: list[Any] = []
    window.syncing.synced.connect(synced.append)
    slow_export.hold_after = 4
    share_all(qtbot, window)
    assert slow_export.held.wait(20)
    area = window.status_area
    # The watcher tells its progress at most ten times a second: the line
    # may still name an earlier copy than the fourth.
    qtbot.waitUntil(lambda: bool(log.exporting()), timeout=5_000)
    assert 0 < log.exporting()[-1][0] <= 4
    qtbot.waitUntil(lambda: not area.progress.isHidden(), timeout=2_000)
    assert window.syncing.working and synced == []  # the watcher, not the window
    with qtbot.waitSignal(window.syncing.refreshed, timeout=10_000):
        window.syncing.refresh()
    assert EXPORTING.fullmatch(area.sync_label.text())
    slow_export.release()
    qtbot.waitUntil(lambda: area.sync_label.text() == "In sync · watching", timeout=20_000)
    assert area.progress.isHidden() and not window.syncing.working
    total = log.exporting()[-1][1]
    assert log.exporting()[-1] == (total, total) and total >= 8
    assert log.in_sync_while_working() == []
    window.shutdown()


class _QuietWatcher:
    """Stands for a running watcher whose events the test sends itself."""

    def stop(self) -> None:
        pass


def test_the_watchers_work_outlives_a_failed_sync_of_the_window(
    qtbot: Any, ready: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pellicle.core.engine import Engine
    from pellicle.core.errors import UserError
    from pellicle.core.watch import WatchEvent

    window = ready
    syncing, area = window.syncing, window.status_area
    syncing.watcher = _QuietWatcher()
    syncing._on_watch_event(WatchEvent("busy", "syncing"))
    syncing._on_watch_event(WatchEvent("progress", "exporting", done=2, total=10))
    assert area.sync_label.text() == "Exporting 2 of 10"

    def broken(self: Engine, *args: Any, **kwargs: Any) -> Any:
        raise UserError("disk full")

    monkeypatch.setattr(Engine, "sync", broken)
    with qtbot.waitSignal(syncing.sync_failed, timeout=10_000):
        syncing.sync_now()
    wait_idle(qtbot, window)
    assert window.statusBar().currentMessage() == "disk full"
    assert syncing.working and area.syncing
    syncing._on_watch_event(WatchEvent("progress", "exporting", done=5, total=10))
    assert area.sync_label.text() == "Exporting 5 of 10"
    with qtbot.waitSignal(syncing.refreshed, timeout=10_000):
        syncing.refresh()  # a state read while the watcher writes
    assert area.sync_label.text() == "Exporting 5 of 10"
    with qtbot.waitSignal(syncing.refreshed, timeout=10_000):
        syncing._on_watch_event(WatchEvent("idle", "sync finished"))
    assert not syncing.working and area.sync_label.text() == "In sync · watching"
