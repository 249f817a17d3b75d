"""The video gate refuses what the writer must never produce.

Each test takes a good export and breaks it the way a writer bug would:
metadata put back, a date, a name, a changed sample, stray bytes.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import importlib
import os
import struct
import threading
from pathlib import Path

import pytest

from pellicle.core.scrub import ScrubError, ScrubOptions, ScrubResult, scrub, verify
from video_helpers import make_video

# The module (the package's `verify_video` attribute is the function).
verify_video_module = importlib.import_module("pellicle.core.scrub.verify_video")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, ScrubResult]:
    folder = tmp_path_factory.mktemp("gate")
    src = make_video(folder / "clip.mov", container="mov")
    out = folder / "out.mov"
    fd = os.open(out, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        result = scrub(src, fd, "mov")
        verify(fd, "mov", src, claimed=result)
    finally:
        os.close(fd)
    return src, out.read_bytes(), result


def _gate(
    tmp_path: Path,
    data: bytes,
    result: ScrubResult,
    options: ScrubOptions | None = None,
    *,
    source: Path | None,
) -> str | None:
    path = tmp_path / "tampered.mov"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        verify(fd, "mov", source, options or ScrubOptions(), claimed=result)
        return None
    except ScrubError as exc:
        return str(exc)
    finally:
        os.close(fd)


def _put(data: bytes, at: int, value: bytes) -> bytes:
    return data[:at] + value + data[at + len(value) :]


def test_the_good_export_passes_with_and_without_its_source(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult]
) -> None:
    src, data, result = good
    assert _gate(tmp_path, data, result, source=src) is None
    assert _gate(tmp_path, data, result, source=None) is None


def test_a_changed_sample_is_refused(tmp_path: Path, good: tuple[Path, bytes, ScrubResult]) -> None:
    src, data, result = good
    at = data.find(b"mdat") + 100
    tampered = _put(data, at, bytes([data[at] ^ 1]))
    assert "differs from the source" in (_gate(tmp_path, tampered, result, source=src) or "")


def test_bytes_after_the_media_data_are_refused(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult]
) -> None:
    src, data, result = good
    for extra in (b"PLANTED", struct.pack(">I", 12) + b"free" + b"PLAN"):
        reason = _gate(tmp_path, data + extra, result, source=src) or ""
        assert "after the media data" in reason or "after the last box" in reason
        # The media data box growing over them is refused too: bytes no sample accounts for.
        at = data.find(b"mdat") - 4
        size = struct.unpack(">I", data[at : at + 4])[0]
        grown = _put(data, at, struct.pack(">I", size + len(extra))) + extra
        assert "not samples" in (_gate(tmp_path, grown, result, source=None) or "")


def test_metadata_boxes_are_refused(tmp_path: Path, good: tuple[Path, bytes, ScrubResult]) -> None:
    src, data, result = good
    for kind in (b"udta", b"meta", b"uuid", b"XMP_", b"free"):
        tampered = data.replace(b"vmhd", kind, 1)
        assert "not allowed" in (_gate(tmp_path, tampered, result, source=src) or ""), kind
    tampered = data.replace(b"pasp", b"sv3d", 1)
    assert "not allowed in a sample entry" in (_gate(tmp_path, tampered, result, source=src) or "")


def test_dates_names_and_vendor_fields_are_refused(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult]
) -> None:
    src, data, result = good
    mvhd = data.find(b"mvhd") + 4
    dated = _put(data, mvhd + 4, b"\x12\x34\x56\x78")
    assert "creation time is not blank" in (_gate(tmp_path, dated, result, source=src) or "")
    assert _gate(tmp_path, dated, result, ScrubOptions(keep_capture_date=True), source=src) is None
    modified = _put(data, mvhd + 8, b"\x12\x34\x56\x78")
    reason = _gate(tmp_path, modified, result, ScrubOptions(keep_capture_date=True), source=src)
    assert "modification time is not blank" in (reason or "")
    hdlr = data.find(b"hdlr") + 4
    named = _put(data, hdlr + 24, b"X")
    assert "handler" in (_gate(tmp_path, named, result, source=src) or "")
    entry = data.find(b"avc1", data.find(b"stsd")) + 4
    compressor = _put(data, entry + 43, b"PLANTED")
    assert "compressor name is not blank" in (_gate(tmp_path, compressor, result, source=src) or "")
    vendor = _put(data, entry + 12, b"appl")
    assert "vendor" in (_gate(tmp_path, vendor, result, source=src) or "")


def test_an_export_not_matching_its_source_is_refused(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult]
) -> None:
    src, data, result = good
    other = make_video(tmp_path / "other.mov", container="mov", seconds=0.5)
    reason = _gate(tmp_path, data, result, source=other)
    assert reason is not None and "source" in reason
    assert "expected" in (
        _gate(tmp_path, data, dataclasses.replace(result, width=1), source=src) or ""
    )


def test_small_pieces_and_few_buffers_prove_the_same(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces far smaller than a run (reused buffers, many hand-overs to the
    hashing thread): the digest is still the file's, and a change anywhere,
    including the last byte and a piece's edge, is still found."""
    src, data, result = good
    monkeypatch.setattr(verify_video_module, "_PIECE", 4096)
    monkeypatch.setattr(verify_video_module, "_BUFFERS", 2)
    path = tmp_path / "export.mov"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert verify(fd, "mov", src, claimed=result) == hashlib.sha256(data).hexdigest()
        assert verify(fd, "mov", None, claimed=result) == hashlib.sha256(data).hexdigest()
    finally:
        os.close(fd)
    start = data.find(b"mdat") + 4
    for at in (start, start + 4095, start + 4096, start + 3 * 4096 + 17, len(data) - 1):
        tampered = _put(data, at, bytes([data[at] ^ 0x80]))
        assert "differs from the source" in (_gate(tmp_path, tampered, result, source=src) or ""), (
            at
        )


def test_a_hash_that_fails_is_a_refusal_and_its_thread_ends(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    src, data, result = good
    real = hashlib.sha256

    class Failing:
        def __init__(self) -> None:
            self.inner = real()
            self.calls = 0

        def update(self, data: bytes) -> None:
            self.calls += 1
            if self.calls == 2:
                raise MemoryError
            self.inner.update(data)

        def hexdigest(self) -> str:
            return self.inner.hexdigest()

    monkeypatch.setattr(verify_video_module.hashlib, "sha256", Failing)
    monkeypatch.setattr(verify_video_module, "_PIECE", 4096)
    before = threading.active_count()
    assert "cannot hash the export" in (_gate(tmp_path, data, result, source=src) or "")
    assert threading.active_count() == before


def test_a_read_error_mid_proof_ends_the_hashing_thread(
    tmp_path: Path, good: tuple[Path, bytes, ScrubResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An I/O error while the pieces are read: a refusal whose cause is the
    system's (the sync retries it), and no thread left behind."""
    src, data, result = good
    monkeypatch.setattr(verify_video_module, "_PIECE", 4096)
    real = os.preadv
    calls = [0]

    def preadv(fd: int, buffers: list[memoryview], offset: int) -> int:
        calls[0] += 1
        if calls[0] == 5:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(fd, buffers, offset)

    monkeypatch.setattr(verify_video_module.os, "preadv", preadv)
    path = tmp_path / "export.mov"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    before = threading.active_count()
    try:
        with pytest.raises(ScrubError, match="Input/output error") as caught:
            verify(fd, "mov", src, claimed=result)
    finally:
        os.close(fd)
    assert isinstance(caught.value.__cause__, OSError)
    assert threading.active_count() == before


def test_runs_merge_only_what_follows_in_both_files() -> None:
    # (export offset, length, source offset), sorted by export offset.
    pairs = [(100, 10, 500), (110, 5, 510), (115, 5, 900), (120, 30, 905)]
    assert verify_video_module._runs(pairs, (100, 150)) == [(100, 15, 500), (115, 35, 900)]
    no_source = [(100, 10, -1), (110, 40, -1)]
    assert verify_video_module._runs(no_source, (100, 150)) == [(100, 50, -1)]
    for mdat, bad in (
        ((100, 160), pairs),  # bytes after the last sample
        ((90, 150), pairs),  # bytes before the first
        ((100, 150), [(100, 10, 500), (111, 39, 511)]),  # a gap
        ((100, 150), [(100, 20, 500), (110, 40, 510)]),  # an overlap
    ):
        with pytest.raises(ScrubError, match="not samples"):
            verify_video_module._runs(bad, mdat)
