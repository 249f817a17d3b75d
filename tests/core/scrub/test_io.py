"""Bulk copies: byte-exact, and large ones handed to the disk as they go."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from pellicle.core.scrub import _io


def _copy(tmp_path: Path, data: bytes, head: bytes = b"") -> tuple[bytes, int]:
    src_path = tmp_path / "src"
    src_path.write_bytes(data)
    out_path = tmp_path / "out"
    fd = os.open(out_path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    source = _io.Source(src_path, "mov")
    try:
        sink = _io.Sink(fd)
        sink.write(head)
        sink.copy(source, 3, len(data) - 3)
        written = sink.written
    finally:
        source.close()
        os.close(fd)
    return out_path.read_bytes(), written


def test_large_copies_start_writing_each_slice_to_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[int, int, int]] = []

    def record(fd: int, start: int, length: int, flags: int) -> int:
        assert flags == 2  # SYNC_FILE_RANGE_WRITE: start, never wait
        started.append((fd, start, length))
        return 0

    monkeypatch.setattr(_io, "WRITE_BEHIND", 64 << 10)
    monkeypatch.setattr(_io, "_START_WRITEBACK", record)
    data = os.urandom((1 << 20) + 12345)
    out, written = _copy(tmp_path, data, head=b"HEAD")
    assert out == b"HEAD" + data[3:] and written == len(out)
    # Every full slice of the copy, in order, right after the header; the
    # short tail is left to the caller's flush.
    assert [s for _, s, _ in started] == list(range(4, len(out) - (64 << 10) + 1, 64 << 10))
    assert all(n == 64 << 10 for _, _, n in started)
    assert len(started) == (len(data) - 3) // (64 << 10)


def test_copies_work_without_write_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_io, "WRITE_BEHIND", 64 << 10)
    monkeypatch.setattr(_io, "_START_WRITEBACK", None)
    data = os.urandom(300_000)
    assert _copy(tmp_path, data)[0] == data[3:]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sync_file_range is Linux's")
def test_write_behind_is_the_real_call_on_linux(tmp_path: Path) -> None:
    start = _io._START_WRITEBACK
    assert start is not None
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100_000)
    fd = os.open(path, os.O_RDWR)
    try:
        assert start(fd, 0, 100_000, 2) == 0
    finally:
        os.close(fd)
    assert start(-1, 0, 0, 2) == -1  # a bad descriptor fails without raising
