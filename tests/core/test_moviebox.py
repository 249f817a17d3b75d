"""The shared movie-header reader: both versions of `mvhd`, and hostile files."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from pellicle.core.moviebox import MovieHeader, movie_header


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(body), kind) + body


def _read(path: Path) -> MovieHeader | None:
    fd = os.open(path, os.O_RDONLY)
    try:
        return movie_header(fd)
    finally:
        os.close(fd)


def test_version_0_and_1_headers(tmp_path: Path) -> None:
    v0 = b"\x00\x00\x00\x00" + struct.pack(">IIII", 3_700_000_000, 0, 600, 1200) + b"\0" * 80
    v1 = b"\x01\x00\x00\x00" + struct.pack(">QQIQ", 3_800_000_000, 0, 1000, 5000) + b"\0" * 80
    for body, want in ((v0, MovieHeader(3_700_000_000, 600, 1200)),
                       (v1, MovieHeader(3_800_000_000, 1000, 5000))):  # fmt: skip
        path = tmp_path / "clip.mov"
        path.write_bytes(_box(b"ftyp", b"qt  \0\0\0\0") + _box(b"moov", _box(b"mvhd", body)))
        assert _read(path) == want


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x00\x00\x04moov",  # a box smaller than its header
        struct.pack(">I4s", 40, b"moov") + b"mvhd\x00",  # mvhd cut short
        struct.pack(">I4s", 16, b"moov") + b"\x00" * 8,  # no mvhd
        b"\xff" * 64,
    ],
)
def test_hostile_files_give_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.mp4"
    path.write_bytes(data)
    assert _read(path) is None
