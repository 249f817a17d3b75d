"""The live-sync service (`core.watch.Watcher`) in-process, on real files and
real watchdog observers: fallbacks when events are not enough, the export
folder guarded, files still being written held back, offline roots paused.

Each test runs a Watcher on its own thread with its own Engine (as the GUI
will) and stops it; a fixture fails any test that leaves a thread behind.
"""

from __future__ import annotations

import errno
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pellicle.core.demo import PLANTED, photo_bytes, write_photo
from pellicle.core.engine import Engine
from pellicle.core.exportdir import STAGING
from pellicle.core.paths import locations
from pellicle.core.watch import WatchConfig, Watcher, WatchEvent
from pellicle.core.watch import observers as watch_mod

FAST = WatchConfig(debounce=0.1, max_wait=1.0, polling_interval=0.25, health_check=0.2)


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def exported(export: Path) -> set[str]:
    found: set[str] = set()
    # os.walk ignores folders that vanish mid-walk (the staging folder).
    for folder, dirs, files in os.walk(export):
        dirs[:] = [d for d in dirs if d != STAGING]
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in [*files, *links]:
            found.add(os.path.relpath(os.path.join(folder, name), export))
    return found


@pytest.fixture(autouse=True)
def no_leftover_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    assert wait_for(lambda: set(threading.enumerate()) <= before, 5.0), (
        set(threading.enumerate()) - before
    )


@pytest.fixture
def setup(home: Path, library: Path, export: Path) -> Iterator[tuple[Path, Path]]:
    (library / "Shared").mkdir()
    (library / "Private").mkdir()
    for i in range(3):
        write_photo(library / "Shared" / f"s{i}.jpg", "jpeg", seed=i, width=16, height=16)
        write_photo(library / "Private" / f"p{i}.jpg", "jpeg", seed=10 + i, width=16, height=16)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Shared")])
    yield library, export


class Running:
    """A started Watcher that records its events; stopped on exit."""

    def __init__(self, config: WatchConfig = FAST) -> None:
        self.events: list[WatchEvent] = []
        self.lock = threading.Lock()
        self.watcher = Watcher(locations(), self.record, config=config)

    def record(self, event: WatchEvent) -> None:
        with self.lock:
            self.events.append(event)

    def kinds(self, kind: str) -> list[WatchEvent]:
        with self.lock:
            return [e for e in self.events if e.kind == kind]

    def __enter__(self) -> Running:
        self.watcher.start()
        assert self.watcher.wait_ready(20)
        return self

    def __exit__(self, *exc: object) -> None:
        self.watcher.stop()
        assert not self.watcher.running


def test_follows_new_edited_and_deleted_photos(setup: tuple[Path, Path]) -> None:
    library, export = setup
    with Running() as run:
        assert exported(export) == {"Shared/s0.jpg", "Shared/s1.jpg", "Shared/s2.jpg"}
        write_photo(library / "Shared" / "new.jpg", "jpeg", seed=50, width=16, height=16)
        assert wait_for(lambda: "Shared/new.jpg" in exported(export), 2)
        before = (export / "Shared" / "s0.jpg").read_bytes()
        write_photo(library / "Shared" / "s0.jpg", "jpeg", seed=51, width=24, height=16)
        assert wait_for(lambda: (export / "Shared" / "s0.jpg").read_bytes() != before, 2)
        os.unlink(library / "Shared" / "s1.jpg")
        assert wait_for(lambda: "Shared/s1.jpg" not in exported(export), 1.5)
        assert run.kinds("export"), "one event per export change"
    for path in export.rglob("*.jpg"):
        assert not any(p in path.read_bytes() for p in PLANTED)


def test_half_written_photo_is_never_exported(setup: tuple[Path, Path]) -> None:
    library, export = setup
    data = photo_bytes("jpeg", seed=77, width=64, height=64)
    target = library / "Shared" / "slow.jpg"
    with Running(), open(target, "wb") as handle:
        handle.write(data[: len(data) // 2])
        handle.flush()
        # Another change in the same folder makes the watcher rescan it.
        write_photo(library / "Shared" / "other.jpg", "jpeg", seed=78, width=16, height=16)
        assert wait_for(lambda: "Shared/other.jpg" in exported(export), 2)
        time.sleep(0.6)
        assert "Shared/slow.jpg" not in exported(export)
        handle.write(data[len(data) // 2 :])
        handle.close()
        assert wait_for(lambda: "Shared/slow.jpg" in exported(export), 2)


def test_move_keeps_a_private_rule_on_its_photo(setup: tuple[Path, Path]) -> None:
    library, export = setup
    with Running(), Engine() as other:
        other.private([str(library / "Shared" / "s2.jpg")])
        os.rename(library / "Shared" / "s2.jpg", library / "Shared" / "renamed.jpg")
        os.rename(library / "Private", library / "Shared" / "Inner")
        time.sleep(1.0)
        assert exported(export) == {
            "Shared/s0.jpg",
            "Shared/s1.jpg",
            "Shared/Inner/p0.jpg",
            "Shared/Inner/p1.jpg",
            "Shared/Inner/p2.jpg",
        }
        assert other.explain(str(library / "Shared" / "renamed.jpg")).decision.value == "private"


def test_rule_change_by_another_process_applies_within_latency(
    setup: tuple[Path, Path],
) -> None:
    library, export = setup
    with Running(), Engine() as other:
        start = time.monotonic()
        other.share([str(library / "Private")])
        assert wait_for(lambda: "Private/p0.jpg" in exported(export), 2)
        assert time.monotonic() - start < 2
        other.private([str(library / "Private")])
        # `private` itself returns only after the copies are gone.
        left = exported(export)
        assert not any(rel.startswith("Private/") for rel in left), left


def test_export_folder_is_restored_and_foreign_files_left_alone(
    setup: tuple[Path, Path],
) -> None:
    library, export = setup
    with Running() as run:
        (export / "Shared" / "s0.jpg").unlink()
        (export / "Shared" / "s1.jpg").write_bytes(b"tampered")
        secret = library / "Private" / "p0.jpg"
        os.symlink(secret, export / "planted.jpg")
        (export / "notes.txt").write_text("mine")
        assert wait_for(
            lambda: (
                (export / "Shared" / "s0.jpg").exists()
                and (export / "Shared" / "s1.jpg").read_bytes() != b"tampered"
            ),
            2,
        )
        assert wait_for(lambda: len(run.kinds("foreign")) == 2, 2)
        assert os.readlink(export / "planted.jpg") == str(secret)
        assert (export / "notes.txt").read_text() == "mine"
        # Our own writes do not feed back into more syncs.
        time.sleep(0.5)
        settled = len(run.kinds("export"))
        time.sleep(1.0)
        assert len(run.kinds("export")) == settled
    assert secret.read_bytes()  # the link was never followed for a write


class _NoInotify:
    """An Observer whose schedule() fails like a full inotify watch table."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.emitters: set[Any] = set()

    daemon = True

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def join(self, timeout: float | None = None) -> None:
        pass

    def is_alive(self) -> bool:
        return True

    def schedule(self, *args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")


def test_watch_limit_falls_back_to_polling_and_shows_it(
    setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, export = setup
    monkeypatch.setattr(watch_mod, "Observer", _NoInotify)
    with Running() as run, Engine() as other:
        assert [e.mode for e in run.kinds("state")] == ["polling"]
        assert any("watch limit" in e.message for e in run.kinds("error"))
        assert other.status()["roots"][0]["state"] == "polling"
        write_photo(library / "Shared" / "polled.jpg", "jpeg", seed=60, width=16, height=16)
        assert wait_for(lambda: "Shared/polled.jpg" in exported(export), 4)
        os.rename(library / "Shared" / "s0.jpg", library / "Private" / "s0.jpg")
        assert wait_for(lambda: "Shared/s0.jpg" not in exported(export), 2)
        (export / "Shared" / "s1.jpg").unlink()
        assert wait_for(lambda: (export / "Shared" / "s1.jpg").exists(), 3)
    with Engine() as other:
        assert other.status()["roots"][0]["state"] == "online"


def test_forced_polling_from_the_environment() -> None:
    config = WatchConfig.from_env({"PELLICLE_WATCH_POLLING": "1", "PELLICLE_WATCH_RECONCILE": "5"})
    assert config.force_polling and config.reconcile == 5.0
    assert not WatchConfig.from_env({}).force_polling


def _drop_library_events(watcher: Watcher, monkeypatch: pytest.MonkeyPatch) -> None:
    real = watcher._enqueue

    def lossy(raw: Any) -> None:
        if raw.where != "library":
            real(raw)

    monkeypatch.setattr(watcher, "_enqueue", lossy)


def test_lost_events_are_repaired_by_the_periodic_reconcile(
    setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, export = setup
    with Running(WatchConfig(debounce=0.1, reconcile=1.0)) as run:
        _drop_library_events(run.watcher, monkeypatch)
        write_photo(library / "Shared" / "unseen.jpg", "jpeg", seed=61, width=16, height=16)
        os.unlink(library / "Shared" / "s0.jpg")
        assert wait_for(
            lambda: exported(export) == {"Shared/s1.jpg", "Shared/s2.jpg", "Shared/unseen.jpg"},
            3,
        )


def test_queue_overflow_triggers_a_full_reconcile(
    setup: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library, export = setup
    with Running(WatchConfig(debounce=0.1, reconcile=600)) as run:
        _drop_library_events(run.watcher, monkeypatch)
        write_photo(library / "Shared" / "unseen.jpg", "jpeg", seed=62, width=16, height=16)
        time.sleep(0.5)
        assert "Shared/unseen.jpg" not in exported(export)
        # What watchdog logs when the kernel's inotify queue overflowed.
        logging.getLogger("watchdog.observers.inotify_c").warning(
            "Inotify queue overflowed; filesystem events were lost"
        )
        assert wait_for(lambda: "Shared/unseen.jpg" in exported(export), 2)
        assert any("overflow" in e.message for e in run.kinds("error"))


def test_offline_root_pauses_and_resumes(setup: tuple[Path, Path], tmp_path: Path) -> None:
    library, export = setup
    away = tmp_path / "unplugged"
    with Running() as run:
        os.rename(library, away)
        assert wait_for(lambda: [e.mode for e in run.kinds("state")][-1:] == ["offline"], 3)
        time.sleep(0.3)
        assert exported(export) == {"Shared/s0.jpg", "Shared/s1.jpg", "Shared/s2.jpg"}
        write_photo(away / "Shared" / "while_away.jpg", "jpeg", seed=63, width=16, height=16)
        os.rename(away, library)
        assert wait_for(lambda: "Shared/while_away.jpg" in exported(export), 3)
        assert [e.mode for e in run.kinds("state")][-1] == "events"


def test_request_full_sync_and_stop_are_thread_safe(setup: tuple[Path, Path]) -> None:
    _library, export = setup
    run = Running()
    with run:
        (export / "Shared" / "s0.jpg").unlink()
        run.watcher.request_full_sync()
        assert wait_for(lambda: (export / "Shared" / "s0.jpg").exists(), 2)
    assert [e.kind for e in run.events][-1] == "stopped"
    assert not (export / STAGING).exists()


def test_each_sync_is_framed_by_busy_and_idle_with_progress_between(
    setup: tuple[Path, Path],
) -> None:
    """A window learns from the events alone that copies are being written
    (busy ... idle) and how far it got (progress: exporting done of total),
    so it never says "in sync" while they are."""
    library, export = setup
    with Running() as run:
        with run.lock:
            run.events.clear()
        for i in range(3):
            write_photo(library / "Shared" / f"n{i}.jpg", "jpeg", seed=60 + i, width=16, height=16)
        assert wait_for(lambda: {f"Shared/n{i}.jpg" for i in range(3)} <= exported(export), 5)
        assert wait_for(lambda: bool(run.kinds("idle")) and run.kinds("synced"), 5)
        with run.lock:
            kinds = [e.kind for e in run.events if e.kind in ("busy", "idle", "export")]
            progress = [e for e in run.events if e.kind == "progress"]
        # Every export change happens between a busy and the idle after it.
        depth = 0
        for kind in kinds:
            if kind == "busy":
                assert depth == 0, kinds
                depth = 1
            elif kind == "idle":
                assert depth == 1, kinds
                depth = 0
            else:
                assert depth == 1, kinds
        assert depth == 0
        writes = [e for e in progress if e.message == "exporting"]
        assert writes and all(0 < e.done <= e.total for e in writes)
        assert writes[-1].done == writes[-1].total  # the last file is always told
        assert writes[-1].as_dict()["done"] == writes[-1].total


def test_the_daemon_prints_no_progress(
    setup: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from pellicle.core.watch.watcher import run_daemon

    calls = [0]

    def stop() -> bool:
        calls[0] += 1
        return calls[0] > 3

    with Engine() as engine:
        assert run_daemon(engine, should_stop=stop, json_lines=True, config=FAST) == 0
    out = capsys.readouterr()
    kinds = [line.split('"kind": "')[1].split('"')[0] for line in out.out.splitlines()]
    assert "export" in kinds and "started" in kinds
    assert not {"busy", "progress", "idle"} & set(kinds)
