"""How a sync makes the export durable (DESIGN, promise 5).

A few changed files are flushed one by one, with the folders that name
them, so a watcher's single copy does not wait for everything else being
written to the same disk; a big batch is flushed with one syncfs. Either
way nothing is shown before its bytes are durable, and a removal (a photo
made private) is durable when the sync returns.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pellicle.core import exportdir as exportdir_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.exportdir import FSYNC_AT_MOST


class Flushes:
    """Records fsync (by what the fd points at) and syncfs, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, export: Path) -> None:
        self.log: list[tuple[str, str]] = []
        real_fsync = os.fsync
        self.export = export

        def fsync(fd: int) -> None:
            path = os.readlink(f"/proc/self/fd/{fd}")
            self.log.append(("fsync", self._rel(path)))
            real_fsync(fd)

        def syncfs(fd: int) -> None:
            self.log.append(("syncfs", ""))

        monkeypatch.setattr(exportdir_mod.os, "fsync", fsync)
        monkeypatch.setattr(exportdir_mod, "sync_fd", syncfs)

    def _rel(self, path: str) -> str:
        root = str(self.export.resolve())
        return "." if path == root else os.path.relpath(path, root)

    def kinds(self) -> set[str]:
        return {kind for kind, _ in self.log}


def _library(library: Path, count: int) -> None:
    for i in range(count):
        path = library / "Trip" / "Day 1" / f"{i}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_photo(path, "jpeg", seed=i, width=16, height=16)


def test_one_new_photo_is_flushed_with_its_folders_not_the_disk(
    home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(library, 2)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        engine.sync()
        write_photo(library / "Trip" / "Day 1" / "new.jpg", "jpeg", seed=50, width=16, height=16)
        flushes = Flushes(monkeypatch, export)
        report = engine.sync(changed=[str(library / "Trip" / "Day 1" / "new.jpg")])
    assert report.added == 1
    assert flushes.kinds() == {"fsync"}
    staged = [rel for kind, rel in flushes.log if rel.startswith(".pellicle-staging/")]
    assert len(staged) == 1  # the copy's bytes, before it was shown
    first_folder = next(i for i, (_, rel) in enumerate(flushes.log) if rel == "Trip/Day 1")
    assert flushes.log.index(("fsync", staged[0])) < first_folder
    # Then the folders that name it, deepest first, up to the export folder.
    assert [rel for _, rel in flushes.log[first_folder:]] == ["Trip/Day 1", "Trip", "."]


def test_a_removal_is_durable_when_private_returns(
    home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(library, 3)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        engine.sync()
        flushes = Flushes(monkeypatch, export)
        engine.private([str(library / "Trip" / "Day 1" / "1.jpg")])
        engine.sync()
    assert not (export / "Trip" / "Day 1" / "1.jpg").exists()
    assert ("fsync", "Trip/Day 1") in flushes.log and ("fsync", ".") in flushes.log


def test_a_big_batch_is_flushed_with_one_syncfs_per_stage(
    home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(library, FSYNC_AT_MOST + 4)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        flushes = Flushes(monkeypatch, export)
        report = engine.sync()
    assert report.added == FSYNC_AT_MOST + 4
    assert flushes.log == [("syncfs", ""), ("syncfs", "")]  # staged, then shown


def test_a_folder_that_cannot_be_opened_falls_back_to_syncfs(
    home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(library, 1)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        flushes = Flushes(monkeypatch, export)
        real_parent = exportdir_mod.ExportDir.parent

        def parent(self: exportdir_mod.ExportDir, rel: str, *, create: bool) -> object:
            if rel == "Trip/-":
                raise PermissionError(13, "Permission denied")
            return real_parent(self, rel, create=create)

        monkeypatch.setattr(exportdir_mod.ExportDir, "parent", parent)
        assert engine.sync().added == 1
    assert flushes.log[-1] == ("syncfs", "")


def test_a_folder_swapped_for_a_link_after_publishing_is_not_followed(
    home: Path, library: Path, export: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(library, 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        flushes = Flushes(monkeypatch, export)
        real_sync = exportdir_mod.ExportDir.sync

        def swap_then_sync(self: exportdir_mod.ExportDir, rels: object = None) -> None:
            if rels:  # after publishing: someone swaps "Trip" for a link
                os.rename(export / "Trip", tmp_path / "Trip-moved")
                os.symlink(elsewhere, export / "Trip")
            real_sync(self, rels)  # type: ignore[arg-type]

        monkeypatch.setattr(exportdir_mod.ExportDir, "sync", swap_then_sync)
        report = engine.sync()
    assert report.added == 1
    assert flushes.log[-1] == ("syncfs", "")
    assert not any("elsewhere" in rel for _, rel in flushes.log)


def test_the_gate_runs_beside_the_flush_and_nothing_is_shown_before_both(
    home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flush waits on the disk while the gate reads and hashes: they
    overlap, but a copy is renamed into view only once its batch is both
    durable and verified."""
    import threading

    from pellicle.core import sync as sync_mod

    _library(library, 3)
    events: list[str] = []
    gate_started = threading.Event()
    real_flush = exportdir_mod.Staging.sync
    real_verify = sync_mod.verify
    real_publish = exportdir_mod.Staging.publish

    def flush(self: exportdir_mod.Staging, names: object = None) -> None:
        events.append("flush start")
        gate_started.wait(10)  # only returns early if the gate never starts
        real_flush(self, names)  # type: ignore[arg-type]
        events.append("flush end")

    def verify(*args: object, **kwargs: object) -> str:
        events.append("verify")
        gate_started.set()
        return real_verify(*args, **kwargs)  # type: ignore[arg-type]

    def publish(self: exportdir_mod.Staging, *args: object, **kwargs: object) -> object:
        events.append("publish")
        return real_publish(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(exportdir_mod.Staging, "sync", flush)
    monkeypatch.setattr(sync_mod, "verify", verify)
    monkeypatch.setattr(exportdir_mod.Staging, "publish", publish)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Trip")])
        assert engine.sync().added == 3
    assert events.count("publish") == 3
    assert events.index("verify") < events.index("flush end")  # side by side
    assert events.index("flush end") < events.index("publish")  # then shown
