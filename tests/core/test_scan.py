"""The scan's fast path: an unchanged library is walked, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import pellicle.core.scan as scan
from pellicle.core.demo import photo_bytes
from pellicle.core.scan import FileFacts, scan_root


def _library(root: Path) -> None:
    jpeg = photo_bytes("jpeg", width=8, height=8, plant=False)
    for folder in ("a", "a/b", "c"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for i in range(3):
            (root / folder / f"p{i}.jpg").write_bytes(jpeg + bytes([i]))
    (root / "notes.txt").write_text("not a photo")
    (root / "fake.jpg").write_text("not a jpeg")
    (root / ".hidden.jpg").write_bytes(jpeg)


def test_rescan_of_an_unchanged_library_reads_nothing_and_keeps_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(tmp_path)
    first = scan_root(str(tmp_path), {})
    assert len(first.files) == 10  # 9 photos + the fake one, with a problem
    assert first.files[b"fake.jpg"].problem is not None
    assert b".hidden.jpg" not in first.files
    assert first.changed == set(first.files)

    reads: list[bytes] = []
    real = scan._identify
    monkeypatch.setattr(
        scan, "_identify", lambda path, rel, size: reads.append(rel) or real(path, rel, size)
    )
    again = scan_root(str(tmp_path), first.files, previous_folders=first.folders)
    # Photos are not opened; files that are not photos are not in the index,
    # so their first bytes are looked at again (64 bytes, no image data).
    assert reads == [b"notes.txt"] and again.changed == set()
    assert all(again.files[rel] is facts for rel, facts in first.files.items())
    assert again.folders == first.folders


def test_changed_and_new_files_are_sniffed_again(tmp_path: Path) -> None:
    _library(tmp_path)
    first = scan_root(str(tmp_path), {})
    target = tmp_path / "a" / "p0.jpg"
    target.write_bytes(target.read_bytes() + b"more")
    (tmp_path / "c" / "new.png").write_bytes(photo_bytes("png", width=4, height=4, plant=False))
    (tmp_path / "a" / "b" / "p1.jpg").unlink()
    again = scan_root(str(tmp_path), first.files, previous_folders=first.folders)
    assert again.changed == {b"a/p0.jpg", b"c/new.png"}
    assert again.files[b"c/new.png"].fmt == "png"
    assert b"a/b/p1.jpg" not in again.files


def test_partial_scan_keeps_everything_outside_the_subtree(tmp_path: Path) -> None:
    _library(tmp_path)
    first = scan_root(str(tmp_path), {})
    (tmp_path / "a" / "b" / "p2.jpg").unlink()
    (tmp_path / "c" / "p2.jpg").unlink()  # outside `under`: not noticed yet
    part = scan_root(str(tmp_path), first.files, previous_folders=first.folders, under=b"a/b")
    assert b"a/b/p2.jpg" not in part.files
    assert b"c/p2.jpg" in part.files and b"a/p0.jpg" in part.files
    assert set(part.folders) == set(first.folders)


def test_unreadable_files_are_retried_with_the_same_stat(tmp_path: Path) -> None:
    _library(tmp_path)
    first = scan_root(str(tmp_path), {})
    rel = b"a/p1.jpg"
    old = first.files[rel]
    broken = dict(first.files)
    broken[rel] = FileFacts(
        rel, old.kind, old.size, old.mtime_ns, old.dev, old.ino, None, None, "cannot read: x"
    )
    again = scan_root(str(tmp_path), broken)
    assert again.files[rel].problem is None and again.files[rel].fmt == "jpeg"
    assert rel not in again.changed  # same stat: not a content change


def test_non_utf8_names_round_trip(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.jpg"
    with open(raw, "wb") as handle:
        handle.write(photo_bytes("jpeg", width=8, height=8, plant=False))
    assert list(scan_root(str(tmp_path), {}).files) == [b"caf\xe9.jpg"]


def test_facts_are_slotted_and_frozen() -> None:
    facts = FileFacts(b"x.jpg", "file", 1, 2, 3, 4, "jpeg")
    assert not hasattr(facts, "__dict__")
    with pytest.raises(AttributeError):
        facts.size = 5  # type: ignore[misc]
