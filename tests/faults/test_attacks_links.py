"""Links used to leak a photo or redirect a write.

Library side: links are judged by their target and never leave the library.
Export side: a link or hard link planted where Pellicle writes, a folder
swapped for a link between planning and writing, and the staging folder
replaced by a link are never followed or written through: whatever lies
outside the export folder stays byte-for-byte the same.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from faults_helpers import consistent, visible

from fs_helpers import tree_digest
from pellicle.core import exportdir as exportdir_mod
from pellicle.core.demo import PLANTED, write_photo
from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.exportdir import STAGING
from scrub_helpers import leaks


@pytest.fixture
def world(home: Path, library: Path, export: Path, tmp_path: Path) -> Iterator[Engine]:
    for i in range(3):
        (library / "S").mkdir(exist_ok=True)
        write_photo(library / "S" / f"{i}.jpg", "jpeg", seed=i)
    (library / "Private").mkdir()
    write_photo(library / "Private" / "secret.jpg", "jpeg", seed=99)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.jpg").write_bytes(b"not Pellicle's: never written, never removed")
    write_photo(outside / "elsewhere.jpg", "jpeg", seed=77)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "S")])
        engine.private([str(library / "Private")])
        yield engine


def test_library_links_to_outside_or_to_private_never_leak(
    world: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    os.symlink(outside / "elsewhere.jpg", library / "S" / "out.jpg")
    os.symlink(library / "Private" / "secret.jpg", library / "S" / "in.jpg")
    os.symlink(library / "Private", library / "S" / "folder-link")
    os.symlink(outside, library / "S" / "outside-link")
    os.symlink("../../S", library / "S" / "loop")
    report = world.sync()
    assert visible(export) == {"S/0.jpg", "S/1.jpg", "S/2.jpg"}
    assert not report.failed
    secret = (library / "Private" / "secret.jpg").read_bytes()
    for rel in visible(export):
        assert (export / rel).read_bytes() != secret
        assert leaks((export / rel).read_bytes(), PLANTED) == []


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_link_planted_where_a_new_copy_goes(
    world: Engine, library: Path, export: Path, tmp_path: Path, home: Path, kind: str
) -> None:
    world.sync()
    victim = tmp_path / "outside" / "victim.jpg"
    before = tree_digest(tmp_path / "outside")
    write_photo(library / "S" / "new.jpg", "jpeg", seed=5)
    (os.symlink if kind == "symlink" else os.link)(victim, export / "S" / "new.jpg")
    report = world.sync()
    in_the_way = "a file Pellicle did not write is in the way of 'S/new.jpg'"
    assert report.failed == [(str(library / "S" / "new.jpg"), in_the_way)]
    assert report.foreign == ["S/new.jpg"]
    assert tree_digest(tmp_path / "outside") == before
    assert (export / "S" / "new.jpg").is_symlink() == (kind == "symlink")
    assert os.path.samefile(export / "S" / "new.jpg", victim)


@pytest.mark.parametrize("kind", ["symlink", "hardlink"])
def test_own_copy_replaced_by_a_link(
    world: Engine, library: Path, export: Path, tmp_path: Path, home: Path, kind: str
) -> None:
    world.sync()
    victim = tmp_path / "outside" / "victim.jpg"
    before = tree_digest(tmp_path / "outside")
    (export / "S" / "0.jpg").unlink()
    (os.symlink if kind == "symlink" else os.link)(victim, export / "S" / "0.jpg")
    # Re-exported: the link itself is replaced, never written through.
    assert world.sync().in_sync
    assert tree_digest(tmp_path / "outside") == before
    assert not (export / "S" / "0.jpg").is_symlink()
    # Made private: the name is removed, the link's target is not.
    (export / "S" / "1.jpg").unlink()
    (os.symlink if kind == "symlink" else os.link)(victim, export / "S" / "1.jpg")
    world.private([str(library / "S" / "1.jpg")])
    assert tree_digest(tmp_path / "outside") == before
    assert visible(export) == {"S/0.jpg", "S/2.jpg"}
    consistent(home, export)


def test_folder_swapped_for_a_link_between_plan_and_write(
    world: Engine, library: Path, export: Path, tmp_path: Path, home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    world.sync()
    outside = tmp_path / "outside"
    write_photo(library / "S" / "new.jpg", "jpeg", seed=6)
    (outside / "0.jpg").write_bytes(b"same name as a copy about to be removed")
    before = tree_digest(outside)
    real = exportdir_mod.ExportDir.parent

    def swap_then_walk(self: Any, rel: str, *, create: bool) -> Any:
        if rel.startswith("S/") and not (export / "S").is_symlink():
            os.rename(export / "S", tmp_path / "S-moved-aside")
            os.symlink(outside, export / "S")
        return real(self, rel, create=create)

    monkeypatch.setattr(exportdir_mod.ExportDir, "parent", swap_then_walk)
    report = world.sync()
    assert not report.in_sync and report.failed
    assert all("not a plain folder" in why for _, why in report.failed), report.failed
    assert tree_digest(outside) == before, "nothing written or removed through the link"
    # A removal through the swapped folder is refused the same way.
    with pytest.raises(UserError, match="not a plain folder"):
        world.private([str(library / "S" / "1.jpg")])
    assert tree_digest(outside) == before
    monkeypatch.undo()
    os.unlink(export / "S")
    os.rename(tmp_path / "S-moved-aside", export / "S")
    assert world.sync().in_sync
    assert visible(export) == {"S/0.jpg", "S/2.jpg", "S/new.jpg"}
    consistent(home, export)


def test_staging_folder_replaced_by_a_link(
    world: Engine, library: Path, export: Path, tmp_path: Path, home: Path
) -> None:
    outside = tmp_path / "outside"
    before = tree_digest(outside)
    os.symlink(outside, export / STAGING)
    with pytest.raises(UserError, match="not a plain folder") as info:
        world.sync()
    assert "\n" not in str(info.value)
    assert tree_digest(outside) == before
    assert visible(export) == set()
    os.unlink(export / STAGING)
    assert world.sync().in_sync
    consistent(home, export)


def test_staging_folder_swapped_mid_sync(
    world: Engine, library: Path, export: Path, tmp_path: Path, home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    outside = tmp_path / "outside"
    before = tree_digest(outside)
    real = exportdir_mod.Staging.create
    calls = [0]

    def swap_then_create(self: Any) -> Any:
        calls[0] += 1
        if calls[0] == 2:
            os.rename(export / STAGING, tmp_path / "staging-moved")
            os.symlink(outside, export / STAGING)
        return real(self)

    monkeypatch.setattr(exportdir_mod.Staging, "create", swap_then_create)
    world.sync()
    monkeypatch.undo()
    # The open descriptor kept writing into the real folder; the link was
    # never followed, written through or removed through.
    assert tree_digest(outside) == before
    assert (export / STAGING).is_symlink()
    for rel in visible(export):
        assert leaks((export / rel).read_bytes(), PLANTED) == []
