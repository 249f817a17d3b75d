"""Engine behaviour on real files: rules, scan economy, links, problems, input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from fs_helpers import exported_files, tree_digest
from pellicle.core import scan as scan_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.policy import Decision


def photo(path: Path, seed: int = 1, fmt: str = "jpeg") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_photo(path, fmt, seed=seed, width=32, height=24)
    return path


def test_default_is_private_and_folder_rule_shares(
    engine: Engine, library: Path, export: Path
) -> None:
    photo(library / "Holidays" / "a.jpg")
    photo(library / "Family" / "b.jpg", 2)
    assert engine.sync().in_sync
    assert exported_files(export) == set()
    engine.share([str(library / "Holidays")])
    report = engine.sync()
    assert report.added == 1 and report.in_sync
    assert exported_files(export) == {"Holidays", "Holidays/a.jpg"} - {"Holidays"}
    assert engine.explain(str(library / "Holidays" / "a.jpg")).sentence() == (
        "shareable: folder Holidays is marked shareable"
    )


def test_private_returns_only_after_the_copy_is_gone(
    engine: Engine, library: Path, export: Path
) -> None:
    target = photo(library / "Holidays" / "kid.jpg")
    engine.share([str(library / "Holidays")])
    engine.sync()
    assert (export / "Holidays" / "kid.jpg").exists()
    engine.private([str(target)])
    assert not (export / "Holidays" / "kid.jpg").exists()
    assert not (export / "Holidays").exists(), "empty folders are pruned"
    actions = [(e["action"], e["export_path"]) for e in engine.audit()]
    assert actions == [("add", "Holidays/kid.jpg"), ("remove", "Holidays/kid.jpg")]


def test_copy_of_private_photo_is_private_and_explained(
    engine: Engine, library: Path, export: Path
) -> None:
    original = photo(library / "Family" / "kid.jpg", 7)
    engine.private([str(original)])
    shutil.copyfile(original, library / "Holidays.jpg")
    (library / "Shared").mkdir()
    shutil.copyfile(original, library / "Shared" / "copy.jpg")
    engine.share([str(library / "Shared"), str(library / "Shared" / "copy.jpg")])
    engine.sync()
    assert exported_files(export) == set()
    sentence = engine.explain(str(library / "Shared" / "copy.jpg")).sentence()
    assert sentence == "private: it is an exact copy of Family/kid.jpg, which is marked private"


def test_marking_private_withdraws_exported_copies_elsewhere(
    engine: Engine, library: Path, export: Path
) -> None:
    a = photo(library / "Shared" / "a.jpg", 3)
    shutil.copyfile(a, library / "Shared" / "b.jpg")
    engine.share([str(library / "Shared")])
    engine.sync()
    assert exported_files(export) == {"Shared/a.jpg", "Shared/b.jpg"}
    engine.private([str(a)])
    assert exported_files(export) == set()


def test_file_rule_follows_rename_and_folder_rule_follows_move(
    engine: Engine, library: Path, export: Path
) -> None:
    photo(library / "Trips" / "Rome" / "r.jpg", 1)
    kid = photo(library / "Trips" / "Rome" / "kid.jpg", 2)
    engine.share([str(library / "Trips" / "Rome")])
    engine.private([str(kid)])
    engine.sync()
    assert exported_files(export) == {"Trips/Rome/r.jpg"}
    os.rename(kid, library / "Trips" / "Rome" / "renamed.jpg")
    (library / "Archive").mkdir()
    os.rename(library / "Trips" / "Rome", library / "Archive" / "Rome 2019")
    engine.sync()
    assert exported_files(export) == {"Archive/Rome 2019/r.jpg"}
    rules = {(bytes(r.rel), r.decision.value) for r in engine.rules()}
    assert rules == {
        (b"Archive/Rome 2019", "shareable"),
        (b"Archive/Rome 2019/renamed.jpg", "private"),
    }


def test_rescan_without_changes_reads_no_image_bytes(
    engine: Engine, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(20):
        photo(library / f"f{i % 3}" / f"{i}.jpg", i)
    engine.private([str(library / "f0" / "0.jpg")])
    engine.share([str(library / "f1")])
    engine.sync()

    def boom(*args: object, **kwargs: object) -> object:
        raise AssertionError("read image bytes during an unchanged rescan")

    monkeypatch.setattr(scan_mod, "_identify", boom)
    monkeypatch.setattr(scan_mod, "fingerprint", boom)
    report = engine.sync()
    assert report.in_sync and report.added == report.updated == report.removed == 0


def test_rescans_do_not_open_audio_files_and_sidecars_again(
    engine: Engine, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        photo(library / "roll" / f"IMG_{i}.jpg", i)
        # Voice memos beside the photos: ISO media files, but not photos.
        (library / "roll" / f"IMG_{i}.m4a").write_bytes(b"\x00\x00\x00\x14ftypM4A " + bytes(i))
        (library / "roll" / f"IMG_{i}.AAE").write_text("<plist/>")
    engine.share([str(library / "roll")])
    engine.sync()
    opened: list[bytes] = []
    real = scan_mod._identify
    monkeypatch.setattr(
        scan_mod,
        "_identify",
        lambda path, rel, size, dir_fd=None: opened.append(rel) or real(path, rel, size, dir_fd),
    )
    for changed in (None, [str(library / "roll" / "IMG_0.m4a")]):
        report = engine.sync(changed=changed)
        assert report.in_sync and report.added == report.updated == report.removed == 0
    assert opened == []
    # Content still decides: a "memo" that now holds a photo is exported.
    (library / "roll" / "IMG_0.m4a").unlink()
    photo(library / "roll" / "IMG_0.m4a", 40)
    report = engine.sync(changed=[str(library / "roll" / "IMG_0.m4a")])
    assert opened == [b"roll/IMG_0.m4a"] and report.added == 1


def test_a_rule_follows_a_move_across_disks_but_not_an_old_copy_renamed(
    engine: Engine, library: Path, export: Path
) -> None:
    shared = photo(library / "a" / "shared.jpg", 3)
    engine.share([str(shared)])
    shutil.copyfile(shared, library / "a" / "old copy.jpg")  # never shared
    engine.sync()
    assert {p.name for p in export.rglob("*.jpg")} == {"shared.jpg"}
    # Between two scans: the shared photo is deleted and its old copy renamed.
    shared.unlink()
    os.rename(library / "a" / "old copy.jpg", library / "a" / "renamed copy.jpg")
    engine.sync()
    assert list(export.rglob("*.jpg")) == []
    assert [r.missing for r in engine.rules()] == [True]
    # A later copy of that content does not take the missing rule either.
    shutil.copyfile(library / "a" / "renamed copy.jpg", library / "a" / "another.jpg")
    engine.sync()
    assert list(export.rglob("*.jpg")) == []

    # A real move across disks (a new file, then the old one deleted, in one
    # scan) keeps the rule.
    moved = photo(library / "b" / "moved.jpg", 4)
    engine.share([str(moved)])
    engine.sync()
    (library / "c").mkdir()
    shutil.copyfile(moved, library / "c" / "moved.jpg")
    moved.unlink()
    engine.sync()
    assert {str(p.relative_to(export)) for p in export.rglob("*.jpg")} == {"c/moved.jpg"}


def test_only_files_of_a_private_photos_size_are_hashed(
    engine: Engine, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = photo(library / "p.jpg", 1)
    for i in range(10):
        write_photo(library / f"other{i}.jpg", "jpeg", seed=100 + i, width=48, height=40)
    shutil.copyfile(private, library / "copy.jpg")
    engine.private([str(private)])
    hashed: list[str] = []
    real = scan_mod.fingerprint

    def counting(path: str) -> str:
        hashed.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(scan_mod, "fingerprint", counting)
    engine.sync()
    sizes = {os.path.getsize(library / name) for name in hashed}
    assert sizes <= {private.stat().st_size}
    assert "copy.jpg" in hashed


def test_links_are_judged_by_their_target_and_never_leave_the_library(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    secret = photo(library / "Private" / "secret.jpg", 1)
    outside = photo(tmp_path / "outside" / "o.jpg", 2)
    (library / "Shared").mkdir()
    os.symlink(secret, library / "Shared" / "link-to-secret.jpg")
    os.symlink(outside, library / "Shared" / "link-outside.jpg")
    os.symlink(tmp_path / "outside", library / "Shared" / "dirlink")
    engine.share([str(library / "Shared")])
    engine.private([str(library / "Private")])
    engine.sync()
    assert exported_files(export) == set()
    status = engine.status()
    reasons = {p["path"].rsplit("/", 1)[-1]: p["reason"] for p in status["problems"]}
    assert "outside the library" in reasons["link-outside.jpg"]
    engine.share([str(secret)])
    engine.sync()
    assert exported_files(export) == {"Private/secret.jpg", "Shared/link-to-secret.jpg"}


def test_corrupt_and_unsupported_files_are_listed_and_sync_goes_on(
    engine: Engine, library: Path, export: Path
) -> None:
    photo(library / "ok.jpg", 1)
    (library / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 20)
    (library / "empty.jpg").write_bytes(b"")
    (library / "raw.cr2").write_bytes(b"II*\x00\x10\x00\x00\x00CR\x02\x00" + b"\x00" * 64)
    (library / "notes.txt").write_text("not a photo")
    for name in ("ok.jpg", "broken.jpg", "empty.jpg", "raw.cr2"):
        engine.share([str(library / name)])
    report = engine.sync()
    assert exported_files(export) == {"ok.jpg"}
    # Every shareable photo the export lacks is listed by its library path.
    assert {p for p, _ in report.failed} == {
        str(library / n) for n in ("broken.jpg", "empty.jpg", "raw.cr2")
    }
    assert not report.in_sync
    problems = {Path(p["path"]).name: p["reason"] for p in engine.status()["problems"]}
    assert set(problems) == {"broken.jpg", "empty.jpg", "raw.cr2"}
    # A CR2 is a RAW photo now: this one is only a header, so LibRaw refuses it.
    assert "RAW" in problems["raw.cr2"]
    # A second sync does not retry the broken file until it changes, but it
    # lists it again: the export still lacks it.
    again = engine.sync()
    assert again.failed == report.failed and not again.in_sync
    # Made private, they are no longer missing from the export.
    engine.private([str(library / n) for n in ("broken.jpg", "empty.jpg", "raw.cr2")])
    assert engine.sync().in_sync


def test_bad_input_changes_nothing(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    photo(library / "a.jpg")
    before = tree_digest(tmp_path)
    state_before = engine.store.query("SELECT * FROM rules")
    for call in (
        lambda: engine.share([str(library / "missing.jpg")]),
        lambda: engine.share([str(tmp_path / "elsewhere.jpg")]),
        lambda: engine.private([str(library / "a.jpg"), str(tmp_path)]),
        lambda: engine.init([str(library)], str(library / "inside")),
        lambda: engine.init([str(library), str(library / "sub")], str(export)),
        lambda: engine.init([str(tmp_path / "nope")], str(export)),
    ):
        with pytest.raises(UserError) as info:
            call()
        assert "\n" not in str(info.value)
    assert engine.store.query("SELECT * FROM rules") == state_before
    assert tree_digest(tmp_path) == before


def test_offline_root_pauses_and_keeps_its_copies(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    photo(library / "S" / "a.jpg")
    engine.share([str(library / "S")])
    engine.sync()
    os.rename(library, tmp_path / "unplugged")
    report = engine.sync()
    assert report.paused == [str(library)]
    assert exported_files(export) == {"S/a.jpg"}
    assert engine.status()["roots"][0]["state"] == "offline"
    os.rename(tmp_path / "unplugged", library)
    assert engine.sync().in_sync
    assert engine.status()["roots"][0]["state"] == "online"


def test_foreign_files_and_links_in_export_are_reported_never_touched(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    photo(library / "S" / "a.jpg")
    engine.share([str(library / "S")])
    engine.sync()
    (export / "notes.txt").write_text("mine")
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    os.symlink(victim, export / "S" / "planted.jpg")
    report = engine.sync()
    assert report.foreign == ["S/planted.jpg", "notes.txt"]
    assert not report.in_sync
    assert (export / "notes.txt").read_text() == "mine"
    assert victim.read_text() == "do not touch"
    assert not engine.check().clean


def test_altered_or_deleted_copies_are_restored(
    engine: Engine, library: Path, export: Path
) -> None:
    photo(library / "S" / "a.jpg")
    photo(library / "S" / "b.jpg", 2)
    engine.share([str(library / "S")])
    engine.sync()
    good = (export / "S" / "a.jpg").read_bytes()
    (export / "S" / "a.jpg").write_bytes(b"tampered")
    (export / "S" / "b.jpg").unlink()
    assert not engine.check().clean
    report = engine.sync()
    assert report.updated == 2 and report.in_sync
    assert (export / "S" / "a.jpg").read_bytes() == good
    assert engine.check().clean


def test_library_is_never_written(engine: Engine, library: Path, export: Path) -> None:
    for i, fmt in enumerate(("jpeg", "png", "webp", "gif", "tiff", "heif")):
        photo(library / "S" / f"p{i}.{fmt}", i, fmt)
    before = tree_digest(library)
    stat_before = {p: p.stat().st_mtime_ns for p in library.rglob("*")}
    engine.share([str(library / "S")])
    engine.sync()
    engine.private([str(library / "S" / "p0.jpeg")])
    engine.check()
    engine.status()
    assert tree_digest(library) == before
    assert {p: p.stat().st_mtime_ns for p in library.rglob("*")} == stat_before


def test_opaque_names_and_reinit_with_new_export(
    home: Path, library: Path, export: Path, tmp_path: Path
) -> None:
    photo(library / "Family" / "2019-07-14 Jane.jpg")
    with Engine() as engine:
        engine.init([str(library)], str(export), opaque_names=True)
        engine.share([str(library / "Family")])
        engine.sync()
        (name,) = exported_files(export)
        assert "/" not in name and "Jane" not in name and "2019" not in name
        new_export = tmp_path / "export2"
        engine.init([str(library)], str(new_export), opaque_names=False)
        assert exported_files(export) == set(), "the old export is withdrawn"
        engine.sync()
        assert exported_files(new_export) == {"Family/2019-07-14 Jane.jpg"}


def test_private_while_export_is_locked_keeps_rule_and_says_so(
    engine: Engine, library: Path, export: Path
) -> None:
    from pellicle.core.errors import Busy
    from pellicle.core.lock import ExportLock

    kid = photo(library / "S" / "kid.jpg")
    engine.share([str(library / "S")])
    engine.sync()
    engine.lock_timeout = 0.2
    with ExportLock(engine.locations.lock_file, timeout=1), pytest.raises(Busy) as info:
        engine.private([str(kid)])
    assert "rule is in force" in str(info.value)
    assert engine.explain(str(kid)).decision.value == "private"
    engine.sync()
    assert exported_files(export) == set()


def test_rule_change_during_a_sync_is_handled_before_more_is_added(
    engine: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pellicle.core.exportdir as exportdir

    for i in range(6):
        photo(library / "S" / f"{i}.jpg", i)
    engine.share([str(library / "S")])
    real = exportdir.Staging.publish
    published: list[str] = []

    def publish(self: exportdir.Staging, name: str, rel: str, *, replace: bool) -> object:
        out = real(self, name, rel, replace=replace)
        published.append(rel)
        if len(published) == 2:
            # Another process marks the whole folder private mid-sync.
            with Engine(engine.locations) as other, other.store.write() as db:
                db.execute("UPDATE rules SET decision='private'")
                other.store.bump_rules_generation(db)
        return out

    monkeypatch.setattr(exportdir.Staging, "publish", publish)
    report = engine.sync()
    assert len(published) == 2, "no copy is published once the rule changed"
    assert report.removed == 2
    assert exported_files(export) == set()


def test_an_emptied_mount_point_pauses_instead_of_withdrawing(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    photo(library / "S" / "a.jpg")
    engine.share([str(library / "S")])
    engine.sync()
    # An unmounted drive leaves its mount point behind, empty.
    os.rename(library / "S", tmp_path / "on-the-drive")
    report = engine.sync()
    assert report.paused == [str(library)]
    assert exported_files(export) == {"S/a.jpg"}
    os.rename(tmp_path / "on-the-drive", library / "S")
    assert engine.sync().in_sync
    assert exported_files(export) == {"S/a.jpg"}


def test_cache_survives_other_processes_rule_changes_but_not_their_scans(
    engine: Engine, library: Path, export: Path
) -> None:
    photo(library / "S" / "a.jpg", 1)
    photo(library / "T" / "b.jpg", 2)
    engine.sync()
    index_before = engine.index.files
    assert index_before
    with Engine(engine.locations) as other:
        other.share([str(library / "S")])
    # A rule change elsewhere: rules are re-read, the loaded index is kept.
    report = engine.sync(changed=[])
    assert report.added == 1 and exported_files(export) == {"S/a.jpg"}
    assert engine.index.files is index_before
    # Another process scanned and exported: this engine must see its index.
    photo(library / "S" / "c.jpg", 3)
    with Engine(engine.locations) as other:
        other.sync()
    assert exported_files(export) == {"S/a.jpg", "S/c.jpg"}
    report = engine.sync(changed=[])
    assert engine.index.files is not index_before
    assert report.in_sync and report.added == report.removed == 0
    with Engine(engine.locations) as other:
        other.private([str(library / "S" / "c.jpg")])
    assert engine.sync(changed=[]).in_sync
    assert exported_files(export) == {"S/a.jpg"}
    assert engine.check().clean


def test_clear_works_on_a_missing_rule_but_refuses_a_typo(
    engine: Engine, library: Path, export: Path
) -> None:
    kid = photo(library / "kid.jpg")
    engine.private([str(kid)])
    kid.unlink()
    engine.sync()
    assert [r.missing for r in engine.rules()] == [True]
    engine.clear([str(kid)])
    assert engine.rules() == []
    with pytest.raises(UserError, match="does not exist and has no rule"):
        engine.clear([str(library / "typo.jpg")])


def test_rules_at_and_folder_summaries_answer_what_views_show(
    engine: Engine, library: Path
) -> None:
    """The GUI asks the engine for rules and folder summaries instead of
    rebuilding a Policy of its own."""
    (library / "Trips" / "2025").mkdir(parents=True)
    write_photo(library / "Trips" / "2025" / "a.jpg", "jpeg", seed=1)
    write_photo(library / "Trips" / "2025" / "b.jpg", "jpeg", seed=2)
    write_photo(library / "loose.jpg", "jpeg", seed=3)
    engine.share([str(library / "Trips")])
    engine.private([str(library / "Trips" / "2025" / "b.jpg")])
    engine.sync()
    rules = engine.rules_at(
        [str(library / "Trips"), str(library / "Trips" / "2025" / "b.jpg"), str(library)]
    )
    assert list(rules.values()) == [Decision.SHAREABLE, Decision.PRIVATE, None]
    summaries = {s.rel: s for s in engine.folder_summaries()}
    trips = summaries[b"Trips"]
    assert trips.own is Decision.SHAREABLE and (trips.shareable, trips.private) == (1, 1)
    assert trips.exceptions == 1  # "Shareable · 1 private inside", not "mixed"
    assert summaries[b"Trips/2025"].own is None
    assert summaries[b"Trips/2025"].verdict.decision is Decision.SHAREABLE
    assert summaries[b"Trips/2025"].exceptions == 1
    top = summaries[b""]
    assert (top.shareable, top.private) == (1, 2)
    assert top.verdict.decision is Decision.PRIVATE
    assert top.exceptions == 1  # the one shareable photo below a private root
    # Own rules are told from inherited ones, photo by photo.
    own = {facts.rel: verdict.photo_own_rule for _root, facts, verdict in engine.photos()}
    assert own == {b"Trips/2025/a.jpg": False, b"Trips/2025/b.jpg": True, b"loose.jpg": False}
