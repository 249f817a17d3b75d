"""Dates taken: read from EXIF and movie headers, else the mtime, and cached."""

from __future__ import annotations

import calendar
import os
import struct
import time
from pathlib import Path

import pytest

from pellicle.core import dates
from pellicle.core.dates import EXIF, MODIFIED, VIDEO_HEADER, TakenCache, read_taken
from pellicle.core.demo import CAPTURE_DATE, write_photo
from pellicle.core.engine import Engine
from pellicle.core.store import encode_rel

#: demo's planted DateTimeOriginal, 2019:07:14 12:34:56, in wall-clock seconds.
PLANTED = calendar.timegm((2019, 7, 14, 12, 34, 56, 0, 0, 0))


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def movie(created_utc: int) -> bytes:
    """A minimal MP4: ftyp, then a moov holding only an mvhd (version 0)."""
    qt = created_utc + 2_082_844_800
    mvhd = bytes(4) + struct.pack(">IIII", qt, qt, 600, 6000) + bytes(80)
    return _box(b"ftyp", b"isom" + bytes(4) + b"isommp42") + _box(b"moov", _box(b"mvhd", mvhd))


def set_mtime(path: Path, when: tuple[int, ...]) -> int:
    """Give `path` this local modification time; its wall-clock seconds."""
    seconds = time.mktime((*when, 0, 0, -1))
    os.utime(path, (seconds, seconds))
    return calendar.timegm((*when, 0, 0, 0))


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "tiff", "heif"])
def test_exif_date_taken_is_read_from_generated_photos(tmp_path: Path, fmt: str) -> None:
    assert CAPTURE_DATE == b"2019:07:14 12:34:56"
    path = tmp_path / f"photo.{fmt}"
    write_photo(path, fmt)
    set_mtime(path, (2024, 3, 1, 10, 0, 0))
    assert read_taken(path) == (PLANTED, EXIF)


def test_video_creation_time_is_shown_in_local_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        created = calendar.timegm((2021, 12, 31, 23, 30, 0, 0, 0, 0))  # UTC
        path = tmp_path / "clip.mp4"
        path.write_bytes(movie(created))
        # Half past midnight on New Year's Day in Paris: January 2022's photo.
        assert read_taken(path) == (calendar.timegm((2022, 1, 1, 0, 30, 0, 0, 0, 0)), VIDEO_HEADER)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_without_a_date_the_modification_time_is_used(tmp_path: Path) -> None:
    path = tmp_path / "screenshot.png"
    write_photo(path, "png", plant=False)
    expected = set_mtime(path, (2023, 5, 17, 8, 15, 0))
    assert read_taken(path) == (expected, MODIFIED)


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*garbage", b"\x00" * 500, movie(0)],
    ids=["empty", "broken-exif", "zeros", "unset-movie-time"],
)
def test_corrupt_files_fall_back_to_the_mtime_without_a_crash(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(data)
    expected = set_mtime(path, (2020, 2, 29, 12, 0, 0))
    assert read_taken(path) == (expected, MODIFIED)


def test_a_blank_exif_date_is_no_date() -> None:
    assert dates._exif_time("0000:00:00 00:00:00") is None
    assert dates._exif_time("    :  :     :  :  ") is None
    assert dates._exif_time(b"2019:07:14 12:34:56\0") == PLANTED


def test_a_missing_file_gets_zero(tmp_path: Path) -> None:
    assert read_taken(tmp_path / "nothing.jpg") == (0, MODIFIED)


def test_cache_hits_do_not_reopen_files_and_changes_are_read_again(
    engine: Engine, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = library / "a.jpg", library / "b.png"
    write_photo(first, "jpeg")
    write_photo(second, "png", plant=False)
    modified = set_mtime(second, (2022, 8, 9, 10, 11, 12))
    root = engine.roots()[0]
    photos = [(root.id, encode_rel("a.jpg")), (root.id, encode_rel("b.png")),
              (root.id, encode_rel("gone.jpg"))]  # fmt: skip
    assert engine.capture_dates(photos) == [PLANTED, modified, 0]

    # A second Engine (a later run) finds them in the database: no file is opened.
    opened: list[object] = []
    monkeypatch.setattr(dates, "read_taken", lambda path: opened.append(path) or (1, MODIFIED))
    with Engine() as later:
        assert later.capture_dates(photos) == [PLANTED, modified, 0]
    assert opened == []
    cache = TakenCache(engine.store)
    assert cache.dates(engine.roots(), photos[:2]) == [PLANTED, modified]
    assert cache.read == 0

    # A changed file (new size or mtime) is read again.
    write_photo(first, "jpeg", plant=False, width=80)
    set_mtime(first, (2018, 1, 2, 3, 4, 5))
    assert cache.dates(engine.roots(), photos[:1]) == [1]
    assert cache.read == 1 and opened == [str(first)]
