"""The ledger folded into events: what a person did, not one line per file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pellicle.core import ledger
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.store import Store


def photos(folder: Path, count: int, first_seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        path = folder / f"IMG_{n:04d}.jpg"
        write_photo(path, "jpeg", seed=first_seed + n, width=16, height=12)
        made.append(path)
    return made


def test_sharing_a_folder_is_one_event_with_its_photos(
    engine: Engine, library: Path, export: Path
) -> None:
    photos(library / "Holidays" / "2024", 3)
    photos(library / "Holidays" / "2025", 2, first_seed=10)
    photos(library / "Family", 2, first_seed=20)
    engine.share([str(library / "Holidays")])
    engine.sync()
    events = engine.history().events
    assert len(events) == 1
    event = events[0]
    assert (event.act, event.count, event.still_shared) == (ledger.SHARED, 5, 5)
    assert event.folder == str(library / "Holidays")
    assert event.sentence() == "Shared 5 photos from Holidays"
    assert sorted(p.export_path for p in event.photos)[0] == "Holidays/2024/IMG_0000.jpg"
    # The per-file rows (and `audit --json`) are unchanged: one per file.
    assert [e["action"] for e in engine.audit()] == ["add"] * 5


def test_withdrawing_and_renaming_are_one_event_each(
    engine: Engine, library: Path, export: Path
) -> None:
    shot = photos(library / "Holidays", 4)
    engine.share([str(library / "Holidays")])
    engine.sync()
    engine.private([str(shot[0])])
    history = engine.history()
    assert [e.sentence() for e in history.events] == [
        "Withdrew 1 photo (no longer shareable)",
        "Shared 4 photos from Holidays",
    ]
    assert history.events[1].still_shared == 3
    # Switching export names: one "renamed" event, one entry per photo
    # (its new name), though the ledger keeps a removal and an addition each.
    engine.set_options(opaque_names=True)
    engine.sync()
    events = engine.history(history).events
    assert len(events) == 3
    renamed = events[0]
    assert (renamed.act, renamed.count, renamed.still_shared) == (ledger.RENAMED, 3, 3)
    assert renamed.sentence() == "Export names changed: 3 copies renamed"
    assert all("/" not in p.export_path and p.action == "add" for p in renamed.photos)
    assert sorted(p.was for p in renamed.photos) == [f"Holidays/IMG_000{n}.jpg" for n in (1, 2, 3)]
    assert [e["action"] for e in engine.audit()].count("remove") == 1 + 3
    # Older events now say their copies are gone (renamed away).
    assert events[2].still_shared == 0


def test_one_photo_sentences_and_causes(engine: Engine, library: Path, export: Path) -> None:
    shot = photos(library, 2)[0]  # an emptied library folder would look unplugged
    engine.share([str(shot)])
    engine.sync()
    write_photo(shot, "jpeg", seed=99, width=16, height=12)
    engine.sync()
    shot.unlink()
    engine.sync()
    sentences = [e.sentence() for e in engine.history().events]
    assert sentences == [
        "Withdrew 1 photo (gone from the library)",
        "Updated 1 copy (the photo changed)",
        "Shared 1 photo from library",
    ]


def test_history_is_reused_while_nothing_changed(engine: Engine, library: Path) -> None:
    photos(library, 2)
    engine.share([str(library)])
    engine.sync()
    first = engine.history()
    assert engine.history(first) is first
    engine.sync()  # nothing to do: no row, no copy changed
    assert engine.history(first) is first
    engine.private([str(library)])
    assert engine.history(first) is not first


def old_row(db: sqlite3.Connection, when: float, action: str, source: str, reason: str) -> None:
    db.execute(
        "INSERT INTO ledger(time, action, source, export_path, sha256, reason)"
        " VALUES(?, ?, ?, ?, 'ab', ?)",
        (when, action, source, source.rsplit("/", 1)[-1], reason),
    )


def test_rows_without_a_batch_are_grouped_by_time_and_reason(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    with store.write() as db:
        # One sync: three shared, one renamed pair; two seconds apart at most.
        for n in range(3):
            old_row(db, 100 + n, "add", f"/p/Holidays/{n}.jpg", "shareable")
        old_row(db, 104, "remove", "/p/Family/x.jpg", "export name changed")
        old_row(db, 104, "add", "/p/Family/x.jpg", "export name changed")
        # A minute later: two withdrawn for different reasons.
        old_row(db, 170, "remove", "/p/a.jpg", "private: this photo is marked private")
        old_row(db, 171, "remove", "/p/b.jpg", "the photo is gone from the library")
        # Later still: shared again (a new group although the same kind).
        old_row(db, 400, "add", "/p/Holidays/0.jpg", "shareable")
    events = ledger.history(store).events
    assert [(e.sentence(), e.time) for e in events] == [
        ("Shared 1 photo from Holidays", 400),
        ("Withdrew 1 photo (gone from the library)", 171),
        ("Withdrew 1 photo (no longer shareable)", 170),
        ("Export names changed: 1 copy renamed", 104),
        ("Shared 3 photos from Holidays", 100),
    ]
    assert [p.source for p in events[-1].photos] == [f"/p/Holidays/{n}.jpg" for n in range(3)]


def test_batches_keep_apart_what_happened_at_the_same_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    with store.write() as db:
        first, second = ledger.Batch(store), ledger.Batch(store)
        # One apply: an addition, a repair, another addition (writes are
        # sorted by name, so kinds interleave); then another apply at once.
        ledger.record(db, first, "add", "shareable", "/p/A/0.jpg", "0.jpg", "h", None, "")
        ledger.record(db, first, "update", "altered", "/p/A/1.jpg", "1.jpg", "h", None, "")
        ledger.record(db, first, "add", "shareable", "/p/A/2.jpg", "2.jpg", "h", None, "")
        ledger.record(db, second, "add", "shareable", "/p/B/x.jpg", "x.jpg", "h", None, "")
    assert first.id is not None and second.id == first.id + 1
    events = ledger.history(store).events
    assert [e.sentence() for e in events] == [
        "Shared 1 photo from B",
        "Restored 1 copy that was altered or removed",
        "Shared 2 photos from A",
    ]
    assert events[1].cause == "altered"
    assert [p.source for p in events[2].photos] == ["/p/A/0.jpg", "/p/A/2.jpg"]


def test_a_hundred_thousand_rows_fold_quickly(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    with store.write() as db:
        db.executemany(
            "INSERT INTO ledger(time, action, source, export_path, sha256, reason, batch, act,"
            " cause) VALUES(?, 'add', ?, ?, 'h', 'shareable', ?, 'shared', 'shareable')",
            (
                (1000.0 + n / 100, f"/p/F{n // 1000}/{n}.jpg", f"F{n // 1000}/{n}.jpg", n // 1000)
                for n in range(100_000)
            ),
        )
    history = ledger.history(store)
    assert history.rows == 100_000 and len(history.events) == 100
    assert history.events[0].sentence() == "Shared 1000 photos from F99"
    assert history.events[0].count == 1000 and history.events[0].folder == "/p/F99"


def test_moving_the_export_folder_is_one_event(
    engine: Engine, library: Path, tmp_path: Path
) -> None:
    photos(library, 3)
    engine.share([str(library)])
    engine.sync()
    engine.init([str(library)], str(tmp_path / "elsewhere"))
    engine.sync()
    assert [e.sentence() for e in engine.history().events] == [
        "Shared 3 photos from library",
        "Export folder changed: 3 copies withdrawn from the old folder",
        "Shared 3 photos from library",
    ]
    assert engine.history().events[1].act == ledger.MOVED
