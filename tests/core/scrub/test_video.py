"""Video export: every planted string gone, samples byte for byte, the file plays.

Real FFmpeg and exiftool make the sources; ffprobe hashes every packet of
source and export; FFmpeg decodes the export to the end.
"""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pellicle.core.scrub import ScrubError, ScrubOptions, scrub, verify
from pellicle.core.scrub import video as video_module
from scrub_helpers import Scrubbed
from video_helpers import (
    DATE,
    PLANTED,
    decodes_to_the_end,
    exiftool_tags,
    make_video,
    packet_hashes,
    run,
    stream_kinds,
)

# What exiftool may still say about an export: structure, timing, codec.
_ALLOWED_TAGS = {
    "SourceFile", "ExifTool:ExifToolVersion", "ExifTool:Warning",
    "QuickTime:MajorBrand", "QuickTime:MinorVersion", "QuickTime:CompatibleBrands",
    "QuickTime:MovieHeaderVersion", "QuickTime:CreateDate", "QuickTime:ModifyDate",
    "QuickTime:TimeScale", "QuickTime:Duration", "QuickTime:PreferredRate",
    "QuickTime:PreferredVolume", "QuickTime:MatrixStructure", "QuickTime:PreviewTime",
    "QuickTime:PreviewDuration", "QuickTime:PosterTime", "QuickTime:SelectionTime",
    "QuickTime:SelectionDuration", "QuickTime:CurrentTime", "QuickTime:NextTrackID",
    "QuickTime:MediaDataSize", "QuickTime:MediaDataOffset",
}  # fmt: skip
_ALLOWED_TRACK_TAGS = {
    "TrackHeaderVersion", "TrackCreateDate", "TrackModifyDate", "TrackID", "TrackDuration",
    "TrackLayer", "TrackVolume", "MatrixStructure", "ImageWidth", "ImageHeight",
    "MediaHeaderVersion", "MediaCreateDate", "MediaModifyDate", "MediaTimeScale",
    "MediaDuration", "MediaLanguageCode", "HandlerClass", "HandlerType", "GraphicsMode",
    "OpColor", "CompressorID", "SourceImageWidth", "SourceImageHeight", "XResolution",
    "YResolution", "BitDepth", "PixelAspectRatio", "BufferSize", "MaxBitrate",
    "AverageBitrate", "VideoFrameRate", "Balance", "AudioFormat", "AudioChannels",
    "AudioBitsPerSample", "AudioSampleRate", "PurchaseFileFormat", "LayoutFlags",
    "ColorRepresentation", "ColorPrimaries", "TransferCharacteristics", "MatrixCoefficients",
    "VideoFullRangeFlag", "EditList",
}  # fmt: skip
_ZERO_DATE = "0000:00:00 00:00:00"


def _check_export(src: Path, out: Path) -> None:
    data = out.read_bytes()
    assert [p for p in PLANTED if p in data] == []
    assert packet_hashes(out) == packet_hashes(src)
    assert decodes_to_the_end(out) == ""
    assert stream_kinds(out) == ["video", "audio"]
    for tag, value in exiftool_tags(out).items():
        if tag.startswith(("System:", "File:", "Composite:")):
            continue
        group, _, name = tag.partition(":")
        if group.startswith("Track"):
            assert name in _ALLOWED_TRACK_TAGS, (tag, value)
        else:
            assert tag in _ALLOWED_TAGS, (tag, value)
        if name.endswith("Date"):
            assert value == _ZERO_DATE, (tag, value)
        if name == "HandlerDescription":
            pytest.fail(f"handler name kept: {value}")


@pytest.mark.parametrize("container", ["mp4", "mov"])
def test_planted_video_is_scrubbed_and_plays(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed], container: str
) -> None:
    src = make_video(tmp_path / f"clip.{container}", container=container)
    source = src.read_bytes()
    assert sum(p in source for p in PLANTED) >= 14, "the source must carry what is tested"
    assert "subtitle" in stream_kinds(src)
    result, _data, out = run_scrub(src, container)
    assert (result.fmt, result.width, result.height, result.frames) == (container, 64, 48, 2)
    _check_export(src, out)


def test_faststart_source(tmp_path: Path, run_scrub: Callable[..., Scrubbed]) -> None:
    src = make_video(tmp_path / "plain.mp4", plant=False, subtitles=False)
    fast = tmp_path / "fast.mp4"
    run("ffmpeg", "-v", "error", "-i", src, "-c", "copy", "-movflags", "+faststart", fast)
    _result, _data, out = run_scrub(fast, "mp4")
    assert packet_hashes(out) == packet_hashes(fast)
    assert decodes_to_the_end(out) == ""


def test_capture_date_kept_only_when_asked(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    src = make_video(tmp_path / "clip.mov", container="mov")
    _result, _data, out = run_scrub(src, "mov", ScrubOptions(keep_capture_date=True))
    tags = exiftool_tags(out)
    assert tags["QuickTime:CreateDate"] == DATE
    assert tags["QuickTime:ModifyDate"] == _ZERO_DATE
    assert tags["Track1:TrackCreateDate"] != _ZERO_DATE


def test_rotation_edit_list_and_colour_are_kept(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    src = tmp_path / "hdr.mp4"
    base = make_video(tmp_path / "base.mp4", plant=False, subtitles=False, rotate=90)
    # Colour description and an edit list that starts later, as phones write them.
    run(
        "ffmpeg", "-v", "error", "-ss", "0.2", "-i", base, "-c", "copy",
        "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc",
        src,
    )  # fmt: skip
    source = src.read_bytes()
    hdr = _with_entry_boxes(
        source,
        _box(b"mdcv", bytes(range(24))) + _box(b"clli", b"\x03\xe8\x01\x90"),
    )
    src.write_bytes(hdr)
    _result, data, out = run_scrub(src, "mp4")
    tags = exiftool_tags(out)
    assert exiftool_tags(src)["Composite:Rotation"] == tags["Composite:Rotation"] == 90
    for kind in (b"elst", b"colr", b"mdcv", b"clli"):
        assert _payload(data, kind) == _payload(hdr, kind), kind
    assert packet_hashes(out) == packet_hashes(src)


def test_offsets_past_4_gb_use_64_bit_fields(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(video_module, "LIMIT_32", 64)
    src = make_video(tmp_path / "clip.mp4", plant=False)
    _result, data, out = run_scrub(src, "mp4")
    assert b"co64" in data and b"stco" not in data
    assert data[data.find(b"mdat") - 4 : data.find(b"mdat")] == b"\x00\x00\x00\x01"
    assert packet_hashes(out) == packet_hashes(src)
    assert decodes_to_the_end(out) == ""


def test_a_large_video_is_streamed_not_read_whole(tmp_path: Path) -> None:
    """The scrubber reads box headers and the movie box; the samples move in the kernel."""
    src = make_video(tmp_path / "clip.mp4", plant=False, subtitles=False, seconds=2)
    reads: list[int] = []
    real = os.pread

    def counting(fd: int, n: int, off: int) -> bytes:
        reads.append(n)
        return real(fd, n, off)

    out = tmp_path / "out.mp4"
    fd = os.open(out, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(os, "pread", counting)
            result = scrub(src, fd, "mp4")
        assert max(reads) < src.stat().st_size // 4
        verify(fd, "mp4", src, claimed=result)
    finally:
        os.close(fd)


def test_source_changed_between_export_and_check_is_held_back(tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", plant=False, subtitles=False)
    out = tmp_path / "out.mp4"
    fd = os.open(out, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        result = scrub(src, fd, "mp4")
        data = bytearray(src.read_bytes())
        at = data.find(b"mdat") + 64
        data[at] ^= 0xFF
        src.write_bytes(bytes(data))
        with pytest.raises(ScrubError, match="differs from the source"):
            verify(fd, "mp4", src, claimed=result)
    finally:
        os.close(fd)


def test_export_of_a_large_clip_costs_little_time(tmp_path: Path) -> None:
    """Not a speed goal (bench/video.py has those): a bound that catches a
    per-sample Python copy by accident."""
    src = make_video(tmp_path / "clip.mp4", plant=False, seconds=6, size="320x240")
    fd = os.open(tmp_path / "out.mp4", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        start = time.perf_counter()
        verify(fd, "mp4", src, claimed=scrub(src, fd, "mp4"))
        assert time.perf_counter() - start < 30
    finally:
        os.close(fd)


# --- helpers that edit box trees in tests --------------------------------------


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def _payload(data: bytes, kind: bytes) -> bytes:
    at = data.find(kind)
    assert at > 4, kind
    size = struct.unpack(">I", data[at - 4 : at])[0]
    return data[at + 4 : at - 4 + size]


def _with_entry_boxes(data: bytes, extra: bytes) -> bytes:
    """Append boxes to the first video sample entry, growing its parents.
    The movie box must come after the media data (no offsets move)."""
    assert data.find(b"moov") > data.find(b"mdat")
    out = bytearray(data)
    entry = out.find(b"avc1", out.find(b"stsd")) - 4
    path = [b"moov", b"trak", b"mdia", b"minf", b"stbl", b"stsd"]
    starts = []
    pos = 0
    for kind in path:
        pos = out.find(kind, pos) - 4
        starts.append(pos)
        pos += 8
    end = entry + struct.unpack(">I", out[entry : entry + 4])[0]
    out[end:end] = extra
    for start in [*starts, entry]:
        size = struct.unpack(">I", out[start : start + 4])[0]
        struct.pack_into(">I", out, start, size + len(extra))
    return bytes(out)
