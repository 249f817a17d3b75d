"""The scan's fast path: an unchanged library is walked, never read."""

from __future__ import annotations

import itertools
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
        scan,
        "_identify",
        lambda path, rel, size, dir_fd=None: reads.append(rel) or real(path, rel, size, dir_fd),
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


def _bigger_library(root: Path) -> None:
    """Enough folders and kinds of file that a pooled walk has batches in
    flight while it lists more folders."""
    jpeg = photo_bytes("jpeg", width=8, height=8, plant=False)
    png = photo_bytes("png", width=4, height=4, plant=False)
    for f in range(30):
        folder = root / f"y{f % 3}" / f"m{f:02d}"
        folder.mkdir(parents=True)
        for i in range(7):
            (folder / f"p{i}.jpg").write_bytes(jpeg + bytes([f, i]))
        (folder / "shot.png").write_bytes(png)
        (folder / "song.m4a").write_bytes(b"\x00\x00\x00\x18ftypM4A " + bytes(f))
        (folder / "renamed.jpg").write_bytes(png)  # content wins over the name
        (folder / "fake.jpg").write_text("not a jpeg")
        (folder / "empty.jpg").write_bytes(b"")
        (folder / "notes.txt").write_text("x")
    os.symlink(root / "y0" / "m00" / "p0.jpg", root / "y1" / "link.jpg")


def _in_the_pool_from_the_start(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every read counts as slow, so the walk moves to the pool after its
    first folder; returns the names of the threads that read heads."""
    monkeypatch.setattr(scan._HeadReader, "_WINDOW", 1)
    monkeypatch.setattr(scan._HeadReader, "_SLOW", -1.0)
    monkeypatch.setattr(scan._HeadReader, "_AHEAD", 2)  # the walk waits, too
    blocks = itertools.count()  # and every read goes to the device
    monkeypatch.setattr(scan, "_blocks_read", lambda: next(blocks))
    readers: list[str] = []
    real = scan._identify

    def watched(
        path: bytes, rel: bytes, size: int, dir_fd: int | None = None
    ) -> tuple[str | None, str | None]:
        import threading

        readers.append(threading.current_thread().name)
        return real(path, rel, size, dir_fd)

    monkeypatch.setattr(scan, "_identify", watched)
    return readers


def test_a_slow_disk_moves_reads_to_the_pool_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bigger_library(tmp_path)
    here = scan_root(str(tmp_path), {}, roots=[str(tmp_path)])
    readers = _in_the_pool_from_the_start(monkeypatch)
    pooled = scan_root(str(tmp_path), {}, roots=[str(tmp_path)])

    assert any(name.startswith("pellicle-scan") for name in readers)
    # Only the first folder with files (13) and the link were read here.
    assert sum(not name.startswith("pellicle-scan") for name in readers) <= 14
    # The same index, in the same order, with the same verdicts.
    assert list(pooled.files.items()) == list(here.files.items())
    assert pooled.changed == here.changed and pooled.folders == here.folders
    assert b"y0/m00/song.m4a" not in pooled.files and b"y0/m00/notes.txt" not in pooled.files
    assert pooled.files[b"y0/m00/renamed.jpg"].fmt == "png"
    assert pooled.files[b"y2/m29/fake.jpg"].problem is not None
    assert pooled.files[b"y1/m01/empty.jpg"].problem == "empty file"
    assert pooled.files[b"y1/link.jpg"].kind == "link"
    assert len(pooled.files) == 30 * 11 + 1


def test_reads_slowed_by_a_busy_cpu_stay_in_the_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Slow, but from the page cache (other processes hold the CPU): threads
    # would only fight over the GIL, so the walk keeps reading itself.
    _bigger_library(tmp_path)
    scan_root(str(tmp_path), {})  # the heads are in the page cache now
    readers = _in_the_pool_from_the_start(monkeypatch)
    monkeypatch.setattr(scan, "_blocks_read", lambda: 0)
    again = scan_root(str(tmp_path), {}, roots=[str(tmp_path)])
    assert readers and not any(name.startswith("pellicle-scan") for name in readers)
    assert len(again.files) == 30 * 11 + 1


def test_a_pooled_rescan_sees_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bigger_library(tmp_path)
    first = scan_root(str(tmp_path), {})
    edited = tmp_path / "y1" / "m04" / "p3.jpg"
    edited.write_bytes(edited.read_bytes() + b"edit")
    (tmp_path / "y2" / "m05" / "shot.png").unlink()
    (tmp_path / "y0" / "m06" / "new.jpg").write_bytes(
        photo_bytes("jpeg", width=8, height=8, plant=False)
    )
    readers = _in_the_pool_from_the_start(monkeypatch)
    again = scan_root(str(tmp_path), first.files, previous_folders=first.folders)
    assert again.changed == {b"y1/m04/p3.jpg", b"y0/m06/new.jpg"}
    assert b"y2/m05/shot.png" not in again.files
    untouched = [rel for rel in first.files if rel in again.files and rel not in again.changed]
    assert all(again.files[rel] is first.files[rel] for rel in untouched)
    assert len(readers) == 30 * 2 + 2  # the two non-photos per folder, and the two changes


def test_a_failing_read_in_the_pool_stops_the_scan_and_the_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    _bigger_library(tmp_path)
    _in_the_pool_from_the_start(monkeypatch)

    real = scan._identify
    failed: list[str] = []

    def broken(
        path: bytes, rel: bytes, size: int, dir_fd: int | None = None
    ) -> tuple[str | None, str | None]:
        name = threading.current_thread().name
        if name.startswith("pellicle-scan"):
            failed.append(name)
            raise MemoryError("simulated")
        return real(path, rel, size, dir_fd)

    monkeypatch.setattr(scan, "_identify", broken)
    with pytest.raises(MemoryError):
        scan_root(str(tmp_path), {})
    assert failed  # it failed in the pool, and the walk saw it
    assert not [t for t in threading.enumerate() if t.name.startswith("pellicle-scan")]


def test_files_known_not_to_be_photos_are_not_opened_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bigger_library(tmp_path)
    first = scan_root(str(tmp_path), {})
    assert set(first.not_photos) == {
        f"y{f % 3}/m{f:02d}/{name}".encode()
        for f in range(30)
        for name in ("song.m4a", "notes.txt")
    }
    # A song replaced by a photo under the same name, and a note edited:
    # their stat changed, so they are read again; the rest is not.
    jpeg = photo_bytes("jpeg", width=8, height=8, plant=False)
    (tmp_path / "y0" / "m03" / "song.m4a").write_bytes(jpeg)
    (tmp_path / "y1" / "m04" / "notes.txt").write_text("edited, longer")
    (tmp_path / "y2" / "m05" / "notes.txt").unlink()
    reads: list[bytes] = []
    real = scan._identify
    monkeypatch.setattr(
        scan,
        "_identify",
        lambda path, rel, size, dir_fd=None: reads.append(rel) or real(path, rel, size, dir_fd),
    )
    again = scan_root(
        str(tmp_path), first.files, previous_folders=first.folders, not_photos=first.not_photos
    )
    assert sorted(reads) == [b"y0/m03/song.m4a", b"y1/m04/notes.txt"]
    assert again.files[b"y0/m03/song.m4a"].fmt == "jpeg"  # content, not name
    assert again.changed == {b"y0/m03/song.m4a"}
    assert b"y0/m03/song.m4a" not in again.not_photos
    assert b"y2/m05/notes.txt" not in again.not_photos  # gone, forgotten
    assert len(again.not_photos) == 60 - 2

    # A partial scan keeps what it did not walk.
    reads.clear()
    part = scan_root(
        str(tmp_path),
        again.files,
        previous_folders=again.folders,
        under=b"y1/m04",
        not_photos=again.not_photos,
    )
    assert reads == [] and part.not_photos == again.not_photos


def test_an_unreadable_file_is_not_remembered_as_no_photo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running as root, permissions do not stop a read: refuse it instead.
    jpeg = photo_bytes("jpeg", width=8, height=8, plant=False)
    (tmp_path / "IMG_0001").write_bytes(jpeg)  # a photo without a suffix
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if os.path.basename(os.fsencode(path)) == b"IMG_0001":  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scan.os, "open", refuse)
    first = scan_root(str(tmp_path), {})
    assert first.files == {} and first.not_photos == {}
    monkeypatch.setattr(scan.os, "open", real_open)
    again = scan_root(str(tmp_path), first.files, not_photos=first.not_photos)
    assert again.files[b"IMG_0001"].fmt == "jpeg"


def test_camera_files_pellicle_cannot_export_are_listed_with_a_reason(tmp_path: Path) -> None:
    """Never silently ignored: each recognised format says why it is not exported."""
    from tiff_builder import TiffBuilder, image_entries

    (tmp_path / "photo.jxl").write_bytes(b"\xff\x0a" + b"\x00" * 100)
    (tmp_path / "layers.psd").write_bytes(b"8BPS" + b"\x00" * 100)
    (tmp_path / "big.tif").write_bytes(b"II+\x00\x08\x00\x00\x00" + b"\x00" * 100)
    (tmp_path / "odd.nef").write_bytes(b"nothing a camera wrote" * 4)
    b = TiffBuilder()
    big = b.ifd(image_entries(b, 64, 48, rgb=False, bits=16))
    (tmp_path / "back.iiq").write_bytes(
        b.finish(b.ifd(image_entries(b, 1, 1), next_ifd=big), magic_at_8=b"IIII")
    )
    b = TiffBuilder()
    thumb = b.ifd(image_entries(b, 16, 12, subfile=1))
    entries = [*image_entries(b, 64, 48, compression=5), (271, 2, b"Canon\x00"), (330, 4, [thumb])]
    (tmp_path / "gimp.tif").write_bytes(b.finish(b.ifd(entries)))
    (tmp_path / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isommp41")

    files = scan_root(str(tmp_path), {}).files
    reasons = {rel.decode(): (f.fmt, f.problem) for rel, f in files.items()}
    assert reasons["photo.jxl"] == ("jxl", "JPEG XL photo: not exported yet")
    assert reasons["layers.psd"] == ("psd", "Photoshop document: not exported yet")
    assert reasons["big.tif"] == ("bigtiff", "BigTIFF image: not exported yet")
    assert reasons["odd.nef"][1] == "not a recognisable image (its content does not match its name)"
    # RAW and video are media now, told from their content; a GIMP TIFF
    # with a camera's Make and a thumbnail SubIFD stays a TIFF.
    assert reasons["back.iiq"] == ("raw", None)
    assert reasons["gimp.tif"] == ("tiff", None)
    assert reasons["clip.mp4"] == ("mp4", None)
