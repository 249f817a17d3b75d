"""The watcher's intake on its own: raw events in, pending changes out.

No observer and no watcher thread: each test feeds `Raw` values to an
`Intake` (as the watcher's loop would after draining its queue) and reads
`pending` and `export_dirty`. The export-folder tests use a real store and
export folder after a real sync, so "our own write" is the manifest's
word, not a stub's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.exportdir import STAGING
from pellicle.core.roots import Root
from pellicle.core.store import Store
from pellicle.core.watch.config import WatchConfig
from pellicle.core.watch.events import Mode, Raw
from pellicle.core.watch.intake import Intake

CONFIG = WatchConfig(settle=1.0, polling_interval=2.0, open_write_timeout=30.0)


class Feed:
    """An Intake over one root, recording the rule moves it asks for."""

    def __init__(
        self, library: Path, export: Path, store: Store, mode: Mode | None = "events"
    ) -> None:
        self.library = library
        self.export = export
        self.moves: list[tuple[str, str]] = []
        self.root = Root(1, str(library), "library", "online")
        self.intake = Intake(
            CONFIG,
            store,
            [self.root],
            str(export),
            mode_of=lambda path: mode if path == str(library) else None,
            follow_move=lambda src, dest: self.moves.append((src, dest)),
        )

    def lib(self, kind: str, src: Path, dest: Path | None = None, *, at: float = 10.0) -> None:
        self.intake.take(
            Raw("library", kind, str(src), str(dest or ""), is_dir=src.is_dir(), at=at)
        )

    def exp(
        self,
        kind: str,
        src: Path,
        dest: Path | None = None,
        *,
        at: float = 10.0,
        is_dir: bool = False,
    ) -> None:
        self.intake.take(Raw("export", kind, str(src), str(dest or ""), is_dir=is_dir, at=at))

    @property
    def paths(self) -> set[str]:
        return {os.path.relpath(p, self.library) for p in self.intake.pending.paths}


@pytest.fixture
def synced(home: Path, library: Path, export: Path) -> Iterator[tuple[Path, Path, Engine]]:
    """A library with a shared folder exported once; yields the engine whose
    store holds the manifest."""
    (library / "Shared").mkdir()
    (library / "Private").mkdir()
    for i in range(2):
        write_photo(library / "Shared" / f"s{i}.jpg", "jpeg", seed=i, width=16, height=16)
    write_photo(library / "Private" / "p0.jpg", "jpeg", seed=9, width=16, height=16)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Shared")])
        engine.sync()
        assert (export / "Shared" / "s0.jpg").exists()
        yield library, export, engine


@pytest.fixture
def feed(synced: tuple[Path, Path, Engine]) -> Feed:
    library, export, engine = synced
    return Feed(library, export, engine.store)


# -- the library ------------------------------------------------------------


def test_a_deletion_is_urgent_a_close_write_is_not(feed: Feed) -> None:
    shared = feed.library / "Shared"
    feed.lib("closed", shared / "s0.jpg", at=5.0)
    pending = feed.intake.pending
    assert feed.paths == {"Shared/s0.jpg"} and not pending.urgent
    assert (pending.first, pending.last) == (5.0, 5.0)
    feed.lib("deleted", shared / "s1.jpg", at=6.0)
    assert feed.paths == {"Shared/s0.jpg", "Shared/s1.jpg"}
    assert pending.urgent, "a photo gone from the library must not wait for a batch"
    assert (pending.first, pending.last) == (5.0, 6.0)


def test_a_write_not_yet_closed_is_held_until_it_settles(feed: Feed, library: Path) -> None:
    photo = library / "Shared" / "slow.jpg"
    photo.write_bytes(b"half a photo")
    feed.lib("modified", photo, at=100.0)
    writing = feed.intake.pending.writing
    assert str(photo) in writing
    last, seen, hold = writing[str(photo)]
    assert (last, hold) == (100.0, CONFIG.open_write_timeout)  # inotify: wait for close-write
    assert seen == (photo.stat().st_size, photo.stat().st_mtime_ns)
    assert feed.intake.still_writing(100.0 + hold - 0.01) == {str(photo)}
    # Past the hold but still growing: another hold from now.
    with open(photo, "ab") as handle:
        handle.write(b" and more")
    assert feed.intake.still_writing(200.0) == {str(photo)}
    assert writing[str(photo)][0] == 200.0
    assert feed.intake.still_writing(200.0 + hold) == set()
    assert str(photo) not in writing
    assert feed.paths == {"Shared/slow.jpg"}, "settled: ready with the rest of the batch"


def test_the_close_write_ends_the_hold(feed: Feed, library: Path) -> None:
    photo = library / "Shared" / "s0.jpg"
    feed.lib("modified", photo)
    feed.lib("closed", photo)
    assert feed.intake.pending.writing == {}
    assert feed.intake.still_writing(10.0) == set()
    assert feed.paths == {"Shared/s0.jpg"}


def test_under_polling_a_write_must_settle_for_two_polls(
    synced: tuple[Path, Path, Engine],
) -> None:
    library, export, engine = synced
    feed = Feed(library, export, engine.store, mode="polling")
    feed.lib("modified", library / "Shared" / "s0.jpg")
    _, _, hold = feed.intake.pending.writing[str(library / "Shared" / "s0.jpg")]
    assert hold == max(CONFIG.settle, 2 * CONFIG.polling_interval)


def test_a_bare_create_is_a_complete_file_moved_in(feed: Feed, library: Path) -> None:
    feed.lib("created", library / "Shared" / "s0.jpg")
    assert feed.paths == {"Shared/s0.jpg"}
    assert feed.intake.pending.writing == {} and not feed.intake.pending.urgent


def test_a_move_takes_its_rules_along_and_empties_its_old_place_at_once(
    feed: Feed, library: Path
) -> None:
    src, dest = library / "Shared" / "s0.jpg", library / "Private" / "s0.jpg"
    feed.lib("modified", src)
    feed.lib("moved", src, dest)
    assert feed.moves == [(str(src), str(dest))]
    assert feed.paths == {"Shared/s0.jpg", "Private/s0.jpg"}
    assert feed.intake.pending.urgent, "the copy of a photo moved away must go at once"
    assert feed.intake.pending.writing == {}, "a moved file is no longer the one being written"


def test_a_folder_move_moves_rules_once_not_once_per_child(feed: Feed, library: Path) -> None:
    src, dest = library / "Private", library / "Shared" / "Inner"
    feed.lib("moved", src, dest)
    # watchdog then repeats the move for every child, already at its new place.
    feed.intake.take(
        Raw("library", "moved", str(src / "p0.jpg"), str(dest / "p0.jpg"), False, 10.0)
    )
    assert feed.moves == [(str(src), str(dest))]
    assert {"Private", "Shared/Inner", "Private/p0.jpg", "Shared/Inner/p0.jpg"} <= feed.paths
    # A later, unrelated move is followed again.
    feed.lib("moved", library / "Shared" / "s1.jpg", library / "Shared" / "t1.jpg")
    assert feed.moves[-1] == (
        str(library / "Shared" / "s1.jpg"),
        str(library / "Shared" / "t1.jpg"),
    )


def test_hidden_names_are_not_photos_but_an_editors_save_is_a_change(
    feed: Feed, library: Path
) -> None:
    temp, photo = library / "Shared" / ".s0.jpg.tmp", library / "Shared" / "s0.jpg"
    feed.lib("modified", temp)
    feed.lib("closed", temp)
    feed.lib("deleted", temp)
    assert feed.paths == set() and not feed.intake.pending.urgent
    # The editor renames its temporary file over the photo.
    feed.lib("moved", temp, photo)
    assert feed.paths == {"Shared/s0.jpg"}
    assert feed.moves == [], "a temporary file carries no rule to move"
    # Renamed to a hidden name: the photo left, so its copy must go now.
    feed.lib("moved", photo, library / "Shared" / ".trash-s0.jpg")
    assert feed.paths == {"Shared/s0.jpg"} and feed.intake.pending.urgent
    assert feed.moves == []


def test_a_move_out_of_every_root_moves_no_rule_but_empties_its_place(
    feed: Feed, library: Path, tmp_path: Path
) -> None:
    src = library / "Shared" / "s0.jpg"
    feed.lib("moved", src, tmp_path / "elsewhere.jpg")
    assert feed.moves == []
    assert str(src) in feed.intake.pending.paths and feed.intake.pending.urgent


def test_control_signals_are_not_changes(feed: Feed) -> None:
    for where in ("wake", "overflow", "broken"):
        feed.intake.take(Raw(where, where, str(feed.library / "Shared" / "s0.jpg")))
    assert not feed.intake.pending and feed.intake.export_dirty is None


def test_retarget_forgets_what_was_pending(feed: Feed, library: Path, tmp_path: Path) -> None:
    feed.lib("deleted", library / "Shared" / "s0.jpg")
    feed.exp("created", feed.export / "planted.jpg")
    other = Root(2, str(tmp_path / "other"), "other", "online")
    feed.intake.retarget([other], str(tmp_path / "export2"))
    assert not feed.intake.pending and not feed.intake.pending.urgent
    assert feed.intake.export_dirty is None
    assert feed.intake.root_of(str(library / "Shared" / "s0.jpg")) is None


# -- the export folder ------------------------------------------------------


def test_our_own_writes_are_recognised(feed: Feed, export: Path) -> None:
    copy = export / "Shared" / "s0.jpg"
    for kind in ("created", "modified", "closed", "attrib"):
        feed.exp(kind, copy)
    feed.exp("moved", export / STAGING / "x.part", copy)  # publishing a copy
    feed.exp("created", export / STAGING / "x.part")
    feed.exp("created", export / "Shared", is_dir=True)
    assert feed.intake.export_dirty is None


@pytest.mark.parametrize(
    "tamper",
    ["rewritten", "same size", "touched", "deleted", "renamed", "planted", "link", "folder gone"],
)
def test_anything_else_in_the_export_folder_is_foreign(
    feed: Feed, export: Path, library: Path, tamper: str
) -> None:
    copy = export / "Shared" / "s0.jpg"
    data = copy.read_bytes()
    if tamper == "rewritten":
        copy.write_bytes(b"tampered")
        feed.exp("closed", copy, at=7.0)
    elif tamper == "same size":
        copy.write_bytes(bytes(len(data)))
        feed.exp("closed", copy, at=7.0)
    elif tamper == "touched":
        os.utime(copy, ns=(1, 1))
        feed.exp("attrib", copy, at=7.0)
    elif tamper == "deleted":
        copy.unlink()
        feed.exp("deleted", copy, at=7.0)
    elif tamper == "renamed":
        os.rename(copy, export / "Shared" / "t0.jpg")
        feed.exp("moved", copy, export / "Shared" / "t0.jpg", at=7.0)
    elif tamper == "planted":
        (export / "Shared" / "p0.jpg").write_bytes((library / "Private" / "p0.jpg").read_bytes())
        feed.exp("closed", export / "Shared" / "p0.jpg", at=7.0)
    elif tamper == "link":
        os.symlink(library / "Private" / "p0.jpg", export / "p0.jpg")
        feed.exp("created", export / "p0.jpg", at=7.0)
    else:
        feed.exp("deleted", export / "Shared", at=7.0, is_dir=True)
    assert feed.intake.export_dirty == 7.0
    # The first sighting counts: a stream of later ones does not push it back.
    feed.exp("deleted", copy, at=8.0)
    assert feed.intake.export_dirty == 7.0


def test_the_export_folder_itself_deleted_or_moved_is_foreign(feed: Feed, export: Path) -> None:
    feed.exp("deleted", export, at=3.0, is_dir=True)
    assert feed.intake.export_dirty == 3.0
    feed.intake.export_dirty = None
    feed.exp("moved", export, export.with_name("elsewhere"), at=4.0, is_dir=True)
    assert feed.intake.export_dirty == 4.0


def test_a_file_gone_that_was_never_ours_is_not_foreign(feed: Feed, export: Path) -> None:
    feed.exp("deleted", export / "Shared" / "never-there.jpg")
    assert feed.intake.export_dirty is None
