"""The snapshot a worker builds: the photo row store, and what a real
engine's library turns into (photos, folders, the diff with the screen)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_helpers import PROB, ROOT, ROOTS, SHARE, rows, store_of
from pellicle.core.demo import make_library
from pellicle.core.policy import Decision
from pellicle.core.roots import Root
from pellicle.gui.snapshot import build_photo_store, build_snapshot


def test_store_orders_by_folder_and_keeps_each_reason_once() -> None:
    store = store_of({b"a/2.jpg": SHARE})
    # A folder's own photos come before its sub-folders' (and a-b sorts apart).
    assert store.rels == [b"top.jpg", b"a/1.jpg", b"a/2.jpg", b"a-b/1.jpg", b"a/x/1.jpg",
                          b"b/2.jpg"]  # fmt: skip
    assert sorted(store.reason_texts) == ["marked", "private by default"]
    item = store.item(2)
    assert (item.path, item.name, item.badge) == ("/lib/a/2.jpg", "2.jpg", "shareable")
    assert item.decision is Decision.SHAREABLE and item.key == (1, b"a/2.jpg")
    for i in range(len(store)):
        assert store.find(1, store.rels[i]) == i
    assert store.find(1, b"a/3.jpg") is None and store.find(2, b"a/1.jpg") is None
    assert store.locate("/lib/a/x/1.jpg") == (1, b"a/x/1.jpg")
    assert store.locate("/elsewhere/1.jpg") is None
    assert store.locate("/lib") is None and store.locate("/lib-b/1.jpg") is None


def test_store_diff_finds_the_changed_rows_and_shares_names() -> None:
    before = store_of()
    after = store_of({b"a/2.jpg": SHARE, b"a-b/1.jpg": PROB}, previous=before)
    assert after.same_rows(before) and after.rels is before.rels
    assert after.changed_span(before) == (2, 3)
    assert store_of(previous=before).changed_span(before) is None
    moved = build_photo_store(rows()[1:], ROOTS, before)
    assert not moved.same_rows(before)
    # A root going offline changes no row: still the same rows.
    away = build_photo_store(rows(), [Root(1, ROOT, "lib", "offline")], before)
    assert away.same_rows(before)


def test_snapshot_of_a_real_library(engine: Any, library: Path) -> None:
    make_library(library, 12, seed=5)
    engine.sync()
    first = build_snapshot(engine)
    assert first.initialised and len(first.photos) == 12
    assert [r.path for r in first.roots] == [str(library)]
    root = next(f for f in first.folders if not f.rel)
    assert (root.name, root.path, root.shareable, root.private) == ("library", str(library),
                                                                    0, 12)  # fmt: skip
    assert root.own is None and root.badge == "inherited"
    # One folder shared: the same rows, only its photos changed, and the
    # folder counts come from the engine's own summary.
    holidays = library / "Holidays"
    engine.share([str(holidays)])
    second = build_snapshot(engine, previous=first)
    assert second.same_rows and second.changed is not None
    summary = {(s.root.id, s.rel): s for s in engine.folder_summaries()}
    for folder in second.folders:
        s = summary[(folder.root_id, folder.rel)]
        assert (folder.shareable, folder.private, folder.own) == (s.shareable, s.private, s.own)
        assert folder.decision is s.verdict.decision and folder.reason == s.verdict.reason
        assert folder.exceptions == s.exceptions
    shared = next(f for f in second.folders if f.path == str(holidays))
    assert shared.own is Decision.SHAREABLE and shared.badge == "shareable"
    assert shared.name == "Holidays" and shared.shareable > 0
    lo, hi = second.changed
    changed = {second.photos.item(i).path for i in range(lo, hi + 1)}
    assert all(p.startswith(str(holidays) + "/") for p in changed if "Holidays" in p)
    assert second.photos.rels is first.photos.rels  # one list of names, not two
    # A photo's own rule is kept apart from the one it inherits.
    one = next(p for p in changed if "Holidays" in p)
    engine.private([one])
    third = build_snapshot(engine, previous=second)
    items = [third.photos.item(i) for i in range(len(third.photos))]
    assert {i.path for i in items if i.own} == {one}
    assert next(i for i in items if i.path == one).badge == "private"
    held = next(f for f in third.folders if f.path == str(holidays))
    assert held.badge == "shareable" and held.exceptions == 1  # not "mixed"
