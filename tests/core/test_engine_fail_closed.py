"""Fail closed: when Pellicle cannot tell, the answer is private, retried.

Each test tries to get a photo out that must not leave: a copy of a private
photo that cannot be hashed, a private photo whose drive is unplugged. They
drive one long-lived engine, as the desktop app and `pellicle watch` do
(its in-memory cache is where a once-missed decision used to stick).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from fs_helpers import exported_files
from pellicle.core import engine as engine_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision


def same_size_other_photo(original: Path, path: Path) -> None:
    """A different photo of exactly the original's size: one planted
    metadata letter changed (the size is what makes hashing necessary)."""
    data = bytearray(original.read_bytes())
    at = data.index(b"PLANTED")
    data[at] = ord("Q")
    path.write_bytes(bytes(data))
    assert path.stat().st_size == original.stat().st_size


def failing_hash(
    monkeypatch: pytest.MonkeyPatch, victim: Path, times: int | None
) -> Callable[[], int]:
    """Hashing `victim` raises EIO `times` times (None: for good); returns
    a counter of the attempts."""
    real = engine_mod.fingerprint
    calls = [0]

    def fingerprint(path: str) -> str:
        if os.path.realpath(path) == str(victim):
            calls[0] += 1
            if times is None or calls[0] <= times:
                raise OSError(5, "Input/output error", path)
        return real(path)

    monkeypatch.setattr(engine_mod, "fingerprint", fingerprint)
    return lambda: calls[0]


@pytest.fixture
def world(engine: Engine, library: Path) -> Engine:
    """Private/me.jpg marked private, Shared/ marked shareable and exported."""
    (library / "Private").mkdir()
    (library / "Shared").mkdir()
    write_photo(library / "Private" / "me.jpg", "jpeg", seed=1)
    write_photo(library / "Shared" / "sea.jpg", "jpeg", seed=2)
    engine.private([str(library / "Private" / "me.jpg")])
    engine.share([str(library / "Shared")])
    assert engine.sync().in_sync
    return engine


@pytest.mark.parametrize("incremental", [True, False])
def test_a_copy_that_cannot_be_hashed_once_never_leaves(
    world: Engine,
    library: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    incremental: bool,
) -> None:
    copy = library / "Shared" / "copy.jpg"
    shutil.copyfile(library / "Private" / "me.jpg", copy)
    attempts = failing_hash(monkeypatch, copy, times=1)

    def sync() -> None:
        world.sync(changed=[str(copy)] if incremental else None)

    sync()
    assert attempts() == 1
    assert "Shared/copy.jpg" not in exported_files(export)
    why = world.explain(str(copy))  # hashing works again: it is an exact copy
    assert why.decision is Decision.PRIVATE and "exact copy" in why.reason
    # The same long-lived engine tries again at the next sync, even though
    # the file did not change, and now knows it is a copy.
    before = attempts()
    world.sync(changed=[])
    assert attempts() == before + 1
    assert "Shared/copy.jpg" not in exported_files(export)
    assert world.status()["in_sync"]


def test_a_same_size_photo_that_cannot_be_hashed_is_private_until_it_can_be(
    world: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = library / "Shared" / "other.jpg"
    same_size_other_photo(library / "Private" / "me.jpg", other)
    failing_hash(monkeypatch, other, times=2)
    world.sync(changed=[str(other)])
    assert "Shared/other.jpg" not in exported_files(export)
    why = world.explain(str(other))
    assert why.decision is Decision.PRIVATE
    assert "could not be compared with your private photos" in why.reason
    world.sync(changed=[])  # hashing works now: it is not a copy
    assert "Shared/other.jpg" in exported_files(export)
    assert world.explain(str(other)).decision is Decision.SHAREABLE


def test_a_copy_that_can_never_be_hashed_stays_private_and_is_retried(
    world: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = library / "Shared" / "copy.jpg"
    shutil.copyfile(library / "Private" / "me.jpg", copy)
    attempts = failing_hash(monkeypatch, copy, times=None)
    world.sync(changed=[str(copy)])
    for round_ in range(3):
        before = attempts()
        report = world.sync(changed=[])
        assert attempts() > before, f"not retried in round {round_}"
        assert "Shared/copy.jpg" not in exported_files(export)
    why = world.explain(str(copy))
    assert why.decision is Decision.PRIVATE
    assert "could not be compared with your private photos" in why.reason
    assert report is not None
    status = world.status()
    assert status["to_add"] == 0


def test_a_private_photo_edited_while_unreadable_keeps_its_copies_private(
    world: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule must not keep the old content's fingerprint when the new
    content cannot be hashed: copies of the new content would escape."""
    me = library / "Private" / "me.jpg"
    write_photo(me, "jpeg", seed=77, width=70, height=50)  # edited in place
    failing_hash(monkeypatch, me, times=None)
    copy = library / "Shared" / "copy.jpg"
    shutil.copyfile(me, copy)
    world.sync()
    assert "Shared/copy.jpg" not in exported_files(export)
    why = world.explain(str(copy))
    assert why.decision is Decision.PRIVATE and "could not be compared" in why.reason
    monkeypatch.undo()
    world.sync()
    assert "Shared/copy.jpg" not in exported_files(export)
    assert "exact copy" in world.explain(str(copy)).reason
