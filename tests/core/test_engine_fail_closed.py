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
from pellicle.core import scan as scan_mod
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
    real = scan_mod.fingerprint
    calls = [0]

    def fingerprint(path: str) -> str:
        if os.path.realpath(path) == str(victim):
            calls[0] += 1
            if times is None or calls[0] <= times:
                raise OSError(5, "Input/output error", path)
        return real(path)

    monkeypatch.setattr(scan_mod, "fingerprint", fingerprint)
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


# ------------------------------------------------------------ unplugged drives


@pytest.fixture
def two_drives(home: Path, tmp_path: Path) -> tuple[Engine, Path, Path, Path]:
    """Home/ (always there) and Drive/ (unpluggable), both partly shared."""
    from pellicle.core.engine import Engine

    home_lib, drive, export = tmp_path / "Home", tmp_path / "Drive", tmp_path / "export"
    for root in (home_lib, drive):
        (root / "Trip").mkdir(parents=True)
    for i in range(3):
        write_photo(drive / "Trip" / f"d{i}.jpg", "jpeg", seed=10 + i)
    write_photo(home_lib / "Trip" / "h0.jpg", "jpeg", seed=20)
    engine = Engine()
    engine.init([str(home_lib), str(drive)], str(export))
    engine.share([str(home_lib / "Trip"), str(drive / "Trip")])
    assert engine.sync().in_sync
    assert len(exported_files(export)) == 4
    return engine, home_lib, drive, export


def unplug(drive: Path) -> Path:
    away = drive.with_name(drive.name + ".away")
    os.rename(drive, away)
    return away


def test_private_under_an_unplugged_drive_withdraws_its_copy_at_once(
    two_drives: tuple[Engine, Path, Path, Path],
) -> None:
    engine, _home_lib, drive, export = two_drives
    with engine:
        away = unplug(drive)
        report = engine.sync()
        assert report.paused == [str(drive)]
        assert "Drive/Trip/d0.jpg" in exported_files(export)  # copies wait for the drive
        engine.private([str(drive / "Trip" / "d0.jpg")])
        assert "Drive/Trip/d0.jpg" not in exported_files(export)
        assert engine.explain(str(drive / "Trip" / "d0.jpg")).decision is Decision.PRIVATE
        engine.clear([str(drive / "Trip")])  # inherit: private by default
        assert not any(rel.startswith("Drive/") for rel in exported_files(export))
        assert engine.status()["to_remove"] == 0
        # Back: the rule learned nothing wrong while away; still private.
        os.rename(away, drive)
        engine.sync()
        assert not any(rel.startswith("Drive/") for rel in exported_files(export))
        engine.share([str(drive / "Trip")])
        engine.sync()
        assert {r for r in exported_files(export) if r.startswith("Drive/")} == {
            "Drive/Trip/d1.jpg",
            "Drive/Trip/d2.jpg",
        }


def test_only_photo_gone_removals_wait_for_the_drive(
    two_drives: tuple[Engine, Path, Path, Path],
) -> None:
    engine, _home_lib, drive, export = two_drives
    with engine:
        away = unplug(drive)
        engine.sync()
        (away / "Trip" / "d1.jpg").unlink()  # deleted elsewhere while away
        engine.sync()
        assert "Drive/Trip/d1.jpg" in exported_files(export)
        os.rename(away, drive)
        engine.sync()
        assert "Drive/Trip/d1.jpg" not in exported_files(export)


def test_a_copy_of_a_photo_made_private_while_its_drive_is_away_is_private(
    two_drives: tuple[Engine, Path, Path, Path],
) -> None:
    """The private photo's content may be unknown (never hashed): every photo
    of its size stays private until the drive is back, then only its copies."""
    engine, home_lib, drive, export = two_drives
    with engine:
        shutil.copyfile(drive / "Trip" / "d2.jpg", home_lib / "Trip" / "copy.jpg")
        same_size_other_photo(drive / "Trip" / "d2.jpg", home_lib / "Trip" / "lookalike.jpg")
        engine.sync()
        assert {"Home/Trip/copy.jpg", "Home/Trip/lookalike.jpg"} <= exported_files(export)
        away = unplug(drive)
        engine.sync()
        engine.private([str(drive / "Trip" / "d2.jpg")])
        shown = exported_files(export)
        assert "Home/Trip/copy.jpg" not in shown and "Home/Trip/lookalike.jpg" not in shown
        why = engine.explain(str(home_lib / "Trip" / "lookalike.jpg"))
        assert why.decision is Decision.PRIVATE and "could not be compared" in why.reason
        os.rename(away, drive)
        engine.sync()
        shown = exported_files(export)
        assert "Home/Trip/copy.jpg" not in shown
        assert "Home/Trip/lookalike.jpg" in shown
        assert "exact copy" in engine.explain(str(home_lib / "Trip" / "copy.jpg")).reason


def test_status_is_not_in_sync_while_a_withdrawn_copy_of_an_away_drive_is_exported(
    two_drives: tuple[Engine, Path, Path, Path],
) -> None:
    from pellicle.core.errors import Busy
    from pellicle.core.lock import ExportLock

    engine, _home_lib, drive, export = two_drives
    with engine:
        unplug(drive)
        engine.sync()
        engine.lock_timeout = 0.2
        with ExportLock(engine.locations.lock_file, timeout=1):  # another process syncing
            with pytest.raises(Busy):
                engine.private([str(drive / "Trip" / "d0.jpg")])
            status = engine.status()
            assert "Drive/Trip/d0.jpg" in exported_files(export)
            assert status["in_sync"] is False and status["to_remove"] == 1
        engine.sync()
        assert "Drive/Trip/d0.jpg" not in exported_files(export)
        assert engine.status()["in_sync"]


def test_a_path_unknown_under_an_unplugged_drive_is_still_refused(
    two_drives: tuple[Engine, Path, Path, Path],
) -> None:
    from pellicle.core.errors import UserError

    engine, _home_lib, drive, _export = two_drives
    with engine:
        unplug(drive)
        engine.sync()
        with pytest.raises(UserError, match="does not exist"):
            engine.private([str(drive / "Trip" / "typo.jpg")])
