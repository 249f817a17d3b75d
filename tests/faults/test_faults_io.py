"""Disk and file-system faults during a sync, injected in-process.

Each test breaks one thing at one moment (a full disk, an I/O error, the
export folder deleted or read-only, a root unplugged mid-scan, a file that
cannot be read, a file edited between scan and scrub), then checks what must
always hold: nothing half-written or wrong in view, the database sound and
matching the export, the library untouched, a clear one-line reason, and the
next sync after the fault is lifted restores the promise exactly.
"""

from __future__ import annotations

import errno
import importlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from faults_helpers import consistent, visible
from PIL import Image

from fs_helpers import tree_digest
from pellicle.core import exportdir as exportdir_mod
from pellicle.core import exporter as exporter_mod
from pellicle.core import scan as scan_mod
from pellicle.core import sync as sync_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.exportdir import STAGING
from pellicle.core.scrub import _io as scrub_io

N = 6
#: T mixes formats whose scrubbers copy image data with copy_file_range.
FORMATS = {"S": ("jpeg",) * N, "T": ("webp", "tiff", "gif") * 2}
SUFFIX = {"jpeg": "jpg", "webp": "webp", "tiff": "tif", "gif": "gif"}


def name(folder: str, i: int) -> str:
    return f"{folder}/{i}.{SUFFIX[FORMATS[folder][i]]}"


@pytest.fixture
def world(home: Path, library: Path, export: Path) -> Iterator[Engine]:
    """Two folders of N photos each; S is shared and already exported."""
    for folder in ("S", "T"):
        (library / folder).mkdir()
        for i in range(N):
            write_photo(library / name(folder, i), FORMATS[folder][i], seed=i + 10 * ord(folder))
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "S")])
        assert engine.sync().in_sync
        yield engine


def all_of(folder: str) -> set[str]:
    return {name(folder, i) for i in range(N)}


def restored(engine: Engine, home: Path, export: Path, expected: set[str]) -> None:
    """After the fault is lifted, one sync makes the export exact again."""
    report = engine.sync()
    assert report.in_sync, report
    assert visible(export) == expected
    assert engine.check().clean
    consistent(home, export)


def failing(real: Callable[..., Any], err: int, when: Callable[[], bool]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        if when():
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    return call


def nth(*hits: int) -> Callable[[], bool]:
    count = [0]

    def when() -> bool:
        count[0] += 1
        return count[0] in hits

    return when


@pytest.mark.parametrize(
    ("target", "err"),
    [
        ("write", errno.ENOSPC),
        ("write", errno.EIO),
        ("copy_file_range", errno.ENOSPC),
        ("copy_file_range", errno.EIO),
        ("sink", errno.EDQUOT),
    ],
)
def test_disk_full_or_io_error_while_exporting(
    world: Engine,
    home: Path,
    library: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    err: int,
) -> None:
    before = tree_digest(library)
    world.share([str(library / "T")])
    if target == "sink":
        monkeypatch.setattr(
            scrub_io.Sink, "write", failing(scrub_io.Sink.write, err, nth(2, 3, 5, 8))
        )
    else:
        monkeypatch.setattr(scrub_io.os, target, failing(getattr(os, target), err, nth(2, 3, 5)))
    report = world.sync()
    assert not report.in_sync
    assert report.failed and all(os.strerror(err).lower() in r.lower() for _, r in report.failed)
    # Only complete, verified copies are in view; the rest wait.
    assert all_of("S") <= visible(export) < all_of("S") | all_of("T")
    consistent(home, export)
    monkeypatch.undo()
    # The failure belonged to the disk, not to the photos: all are retried.
    assert world.status()["problems"] == []
    restored(world, home, export, all_of("S") | all_of("T"))
    assert tree_digest(library) == before


@pytest.mark.parametrize("call", ["mmap", "reopen"])
def test_io_error_while_the_gate_reads_back_a_copy(
    world: Engine,
    home: Path,
    library: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
) -> None:
    """The staged copy cannot be read back: the copy waits, the photo is not
    marked as having a problem, and the next sync exports it."""
    verify_mod = importlib.import_module("pellicle.core.scrub.verify")

    world.share([str(library / "T")])
    if call == "mmap":
        monkeypatch.setattr(
            verify_mod.mmap, "mmap", failing(verify_mod.mmap.mmap, errno.EIO, nth(1, 4))
        )
    else:
        real = verify_mod._readable
        when = nth(2, 3)

        def reopen(fd: int) -> int:
            if when():
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return real(fd)

        monkeypatch.setattr(verify_mod, "_readable", reopen)
    report = world.sync()
    assert len(report.failed) == 2, report.failed
    assert all("input/output error" in reason.lower() for _, reason in report.failed)
    consistent(home, export)
    monkeypatch.undo()
    assert world.status()["problems"] == []
    restored(world, home, export, all_of("S") | all_of("T"))


@pytest.mark.parametrize("point", ["before_staging_a_file", "while_scrubbing"])
def test_export_folder_deleted_mid_sync(
    world: Engine, home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch,
    point: str,
) -> None:  # fmt: skip
    world.share([str(library / "T")])
    owner, attr = (
        (exportdir_mod.Staging, "create")
        if point == "before_staging_a_file"
        else (sync_mod, "scrub")
    )
    real = getattr(owner, attr)
    calls = [0]

    def delete_then_call(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == 2:
            # The other scrub worker may be staging a file meanwhile, which
            # makes one rmtree fail half-way; a person deleting the folder
            # would try again too.
            while export.exists():
                shutil.rmtree(export, ignore_errors=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, attr, delete_then_call)
    if point == "before_staging_a_file":
        # No file can be written at all: the sync stops with one line.
        with pytest.raises(UserError, match="cannot write in the export folder") as info:
            world.sync()
        assert "\n" not in str(info.value)
    else:
        # Staged files vanished under the gate: each is refused, none shown.
        # Depending on where the other scrub worker is when the folder goes,
        # its next staged file cannot even be created, which stops the whole
        # sync with one line instead: both are correct, neither shows a copy.
        try:
            report = world.sync()
        except UserError as exc:
            assert "cannot write in the export folder" in str(exc)
            assert "\n" not in str(exc)
        else:
            assert not report.in_sync
            assert {rel for rel, _ in report.failed} == {str(library / r) for r in all_of("T")}
    monkeypatch.undo()
    assert not export.exists(), "Pellicle never recreates a folder the person deleted mid-sync"
    # Until it is back, every command says why in one line; private still
    # records the rule and says the copies are not removed yet.
    with pytest.raises(UserError, match="cannot open the export folder"):
        world.sync()
    with pytest.raises(UserError, match="the rule is in force"):
        world.private([str(library / "S" / "0.jpg")])
    assert not world.status()["in_sync"]
    export.mkdir()
    restored(world, home, export, (all_of("S") | all_of("T")) - {"S/0.jpg"})


def read_only_export(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write relative to a folder descriptor (only the export folder's
    code writes that way) fails as on a read-only mount: root ignores modes."""
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    for name in ("open", "mkdir", "link", "rename", "unlink", "rmdir"):
        real = getattr(os, name)

        def call(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            relative = "dir_fd" in kwargs or "src_dir_fd" in kwargs
            if relative and (_name != "open" or args[1] & writes):
                raise OSError(errno.EROFS, os.strerror(errno.EROFS))
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, call)


def test_export_folder_read_only(
    world: Engine, home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.share([str(library / "T")])
    shown = tree_digest(export)
    read_only_export(monkeypatch)
    with pytest.raises(UserError, match=r"(?i)read-only file system"):
        world.sync()
    # A copy that cannot be removed is never reported as removed.
    with pytest.raises(UserError, match=r"rule is in force.*S/1\.jpg.*read-only"):
        world.private([str(library / "S" / "1.jpg")])
    monkeypatch.undo()
    assert tree_digest(export) == shown
    consistent(home, export)
    restored(world, home, export, (all_of("S") | all_of("T")) - {"S/1.jpg"})


def test_library_root_vanishes_mid_scan(
    world: Engine, home: Path, library: Path, export: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    real = os.scandir
    calls = [0]

    def unplug_after_first(path: Any) -> Any:
        calls[0] += 1
        if calls[0] == 2:
            os.rename(library, tmp_path / "unplugged")
        return real(path)

    monkeypatch.setattr(scan_mod.os, "scandir", unplug_after_first)
    report = world.sync()
    monkeypatch.undo()
    # Half a walk is not a library that lost its photos: the root pauses
    # and its copies stay, as for a drive unplugged between syncs.
    assert report.paused == [str(library)]
    assert visible(export) == all_of("S")
    assert world.status()["roots"][0]["state"] == "offline"
    consistent(home, export)
    os.rename(tmp_path / "unplugged", library)
    restored(world, home, export, all_of("S"))


def test_permission_denied_files_and_folders(
    world: Engine, home: Path, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.share([str(library)])
    # A photo indexed before access was lost, a new one never readable, and
    # a new folder that cannot be listed.
    known = str(library / name("T", 2))
    new = library / "S" / "locked.jpg"
    write_photo(new, "jpeg", seed=400)
    (library / "U").mkdir()
    write_photo(library / "U" / "u.jpg", "jpeg", seed=500)
    denied, denied_folder = {known, str(new)}, str(library / "U")
    real_open, real_scandir = os.open, os.scandir

    def where(path: Any, dir_fd: int | None = None) -> str:
        """The full path a call names: the walk works relative to folder fds."""
        if isinstance(path, int):
            return os.readlink(f"/proc/self/fd/{path}")
        if dir_fd is not None:
            return os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), os.fsdecode(path))
        return os.fsdecode(path)

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        full = where(path, kwargs.get("dir_fd"))
        if full in denied or (full == denied_folder and flags & os.O_DIRECTORY):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, flags, *args, **kwargs)

    def scandir(path: Any) -> Any:
        if where(path) == denied_folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_scandir(path)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir)
    report = world.sync()
    assert not report.in_sync
    assert report.failed == [
        (str(new), "cannot read: permission denied"),
        (str(library / name("T", 2)), "cannot open: permission denied"),
    ]
    problems = {p["path"]: p["reason"] for p in world.status()["problems"]}
    assert problems == {
        str(new): "cannot read: permission denied",
        denied_folder: "cannot read this folder: permission denied",
    }
    assert visible(export) == all_of("S") | all_of("T") - {name("T", 2)}
    consistent(home, export)
    monkeypatch.undo()
    # chmod changes neither size, mtime nor inode: access coming back must
    # still be noticed.
    restored(world, home, export, all_of("S") | all_of("T") | {"U/u.jpg", "S/locked.jpg"})
    assert world.status()["problems"] == []


def pixels(path: Path) -> bytes:
    with Image.open(path) as img:
        return img.convert("RGB").tobytes()


def test_files_change_or_vanish_between_scan_and_scrub(
    world: Engine, home: Path, library: Path, export: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    secret = library / name("T", 0)
    world.private([str(secret)])
    world.share([str(library / "T")])
    for i in range(4):
        write_photo(library / "S" / f"new{i}.jpg", "jpeg", seed=900 + i)
    real_apply = sync_mod.apply
    (tmp_path / "aside").mkdir()

    def change_after_planning(plan: Any, ctx: Any) -> Any:
        if not plan.writes:
            return real_apply(plan, ctx)
        # Edited in place (new size), deleted, swapped for a link to a
        # private photo, and replaced by a same-size file (new inode).
        write_photo(library / "S" / "new0.jpg", "jpeg", seed=950, width=80)
        os.rename(library / "S" / "new1.jpg", tmp_path / "aside" / "new1.jpg")
        os.unlink(library / "S" / "new2.jpg")
        os.symlink(secret, library / "S" / "new2.jpg")
        data = (library / name("T", 1)).read_bytes()
        os.unlink(library / name("T", 1))
        (library / name("T", 1)).write_bytes(data)
        return real_apply(plan, ctx)

    monkeypatch.setattr(exporter_mod, "apply", change_after_planning)
    report = world.sync()
    monkeypatch.undo()
    assert {rel for rel, _ in report.failed} >= {
        str(library / "S" / f"new{i}.jpg") for i in range(3)
    }
    assert all("changed" in why or "cannot" in why for _, why in report.failed)
    # Nothing stale, gone or private reached the export in that sync.
    assert {"S/new0.jpg", "S/new1.jpg", "S/new2.jpg"}.isdisjoint(visible(export))
    secret_pixels = pixels(secret)
    for rel in visible(export):
        assert pixels(export / rel) != secret_pixels, rel
    consistent(home, export)
    expected = all_of("S") | all_of("T") - {name("T", 0)} | {"S/new0.jpg", "S/new3.jpg"}
    restored(world, home, export, expected)
    assert pixels(export / "S" / "new0.jpg") == pixels(library / "S" / "new0.jpg")
    assert not (export / STAGING).exists()
