"""Hostile and broken videos: one clear line, no crash, no huge memory or time."""

from __future__ import annotations

import os
import random
import struct
import tracemalloc
from pathlib import Path

import pytest

from pellicle.core.scrub import ScrubError, scrub, verify
from video_helpers import make_video


def _attempt(tmp_path: Path, data: bytes, name: str = "bad.mp4") -> str | None:
    """Scrub and verify `data`; None when it passes, else the one-line reason."""
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / f"out-{name}"
    out.unlink(missing_ok=True)
    fd = os.open(out, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        verify(fd, "mp4", src, claimed=scrub(src, fd, "mp4"))
        return None
    except ScrubError as exc:
        reason = str(exc)
        assert "\n" not in reason and reason
        return reason
    finally:
        os.close(fd)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("clip") / "clip.mp4"
    return make_video(path, plant=False).read_bytes()


def _set_u32(data: bytes, at: int, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(">I", out, at, value)
    return bytes(out)


def _table(data: bytes, kind: bytes) -> int:
    """Offset of the first `kind` box's payload."""
    return data.find(kind) + 4


def test_truncated(tmp_path: Path, clip: bytes) -> None:
    moov = clip.find(b"moov")
    assert "truncated" in (_attempt(tmp_path, clip[: moov + 100]) or "")
    mdat = clip.find(b"mdat")
    assert "truncated" in (_attempt(tmp_path, clip[: mdat + 200]) or "")
    assert _attempt(tmp_path, clip[:20]) == "truncated video: no movie box"


def test_box_size_lies(tmp_path: Path, clip: bytes) -> None:
    moov = clip.find(b"moov") - 4
    assert "truncated" in (_attempt(tmp_path, _set_u32(clip, moov, 0x7FFFFFF0)) or "")
    trak = clip.find(b"trak") - 4
    assert "does not fit" in (_attempt(tmp_path, _set_u32(clip, trak, 0x7FFFFFF0)) or "")
    assert "does not fit" in (_attempt(tmp_path, _set_u32(clip, trak, 3)) or "")


def test_huge_counts_are_refused_quickly_and_small(tmp_path: Path, clip: bytes) -> None:
    # Python's own allocations, traced: a maximum-RSS figure could not fail
    # in a process that was already bigger earlier in the run.
    tracemalloc.start()
    tracemalloc.reset_peak()
    stsz = _table(clip, b"stsz")
    # A fixed sample size with four billion samples, a chunk of four billion samples.
    fixed = _set_u32(_set_u32(clip, stsz + 4, 1000), stsz + 8, 0xFFFFFFF0)
    assert _attempt(tmp_path, fixed) is not None
    stsc = _table(clip, b"stsc")
    assert "sample" in (_attempt(tmp_path, _set_u32(clip, stsc + 12, 0xFFFFFFF0)) or "")
    stts = _table(clip, b"stts")
    assert "table size" in (_attempt(tmp_path, _set_u32(clip, stts + 4, 0xFFFFFFF0)) or "")
    stco = _table(clip, b"stco")
    assert "table size" in (_attempt(tmp_path, _set_u32(clip, stco + 4, 0x40000000)) or "")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 200 << 20, peak


def test_chunks_outside_media_or_overlapping(tmp_path: Path, clip: bytes) -> None:
    stco = _table(clip, b"stco")
    assert "outside the media data" in (_attempt(tmp_path, _set_u32(clip, stco + 8, 4)) or "")
    past_end = _set_u32(clip, stco + 8, len(clip) + 10)
    assert "outside the media data" in (_attempt(tmp_path, past_end) or "")
    first = struct.unpack(">I", clip[stco + 8 : stco + 12])[0]
    overlap = _set_u32(clip, stco + 12, first)
    assert "overlap" in (_attempt(tmp_path, overlap) or "")


def test_fragmented_encrypted_and_external_media_are_refused(tmp_path: Path, clip: bytes) -> None:
    moof = clip + struct.pack(">I", 16) + b"moof" + bytes(8)
    assert _attempt(tmp_path, moof) == "fragmented video (moof): not exported yet"
    encrypted = clip.replace(b"avc1", b"encv", 2)[:8] + clip.replace(b"avc1", b"encv")[8:]
    assert "encrypted" in (_attempt(tmp_path, encrypted) or "")
    at = clip.find(b"url ") + 4
    external = bytes(clip[: at + 3]) + b"\x00" + clip[at + 4 :]
    assert "another file" in (_attempt(tmp_path, external) or "")


def test_loops_are_impossible_nesting_is_bounded(tmp_path: Path) -> None:
    # A hundred nested boxes, each claiming to hold the rest.
    body = b""
    for _ in range(100):
        body = struct.pack(">I", 8 + len(body)) + b"trak" + body
    data = struct.pack(">I", 8 + len(body)) + b"moov" + body
    reason = _attempt(tmp_path, data) or ""
    assert reason
    # Top-level boxes of size 8 repeated: a long walk, but a bounded one.
    assert (
        _attempt(tmp_path, b"\x00\x00\x00\x08free" * 200_000)
        == "unreadable video: too many top-level boxes"
    )


def test_random_damage_is_refused_or_still_proven(tmp_path: Path, clip: bytes) -> None:
    """Flip bytes in the movie box: every outcome is a refusal or a file the
    gate proves (never a crash, never an unchecked file)."""
    rng = random.Random(15)
    moov = clip.find(b"moov") - 4
    size = struct.unpack(">I", clip[moov : moov + 4])[0]
    outcomes = {"refused": 0, "proven": 0}
    for i in range(150):
        data = bytearray(clip)
        for _ in range(rng.randint(1, 4)):
            data[moov + rng.randrange(size)] = rng.randrange(256)
        reason = _attempt(tmp_path, bytes(data), f"fuzz{i}.mp4")
        outcomes["refused" if reason else "proven"] += 1
        (tmp_path / f"fuzz{i}.mp4").unlink()
        (tmp_path / f"out-fuzz{i}.mp4").unlink()
    assert outcomes["refused"] > 10
