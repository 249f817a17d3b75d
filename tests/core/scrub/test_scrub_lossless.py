"""The gate's proof that a copy's image data is the source's, byte for byte.

Each test scrubs a real photo, then changes one byte of image data, in the
copy or in the source, and expects the gate to refuse the pair; the
unchanged pair must pass. Structure the walk accepts but the comparison must
catch (a JPEG scan byte, a PNG chunk with a recomputed CRC) is what proves
the comparison itself works.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pellicle.core.scrub import ScrubError, ScrubOptions, verify
from pellicle.core.scrub.lossless import exif_orientation
from pellicle.core.scrub.verify import _walk
from scrub_helpers import Scrubbed

Run = Callable[..., Scrubbed]
Make = Callable[..., Path]

#: One of every layout the gate compares: baseline, progressive and restart
#: JPEG, CMYK-less greyscale; PNG plain, palette and animated; WebP simple,
#: extended and animated; GIF still and animated; TIFF both byte orders.
SHAPES: list[tuple[str, dict[str, object]]] = [
    ("jpeg", {"orientation": 6, "icc": True}),
    ("jpeg", {"progressive": True, "restart": 2}),
    ("jpeg", {"mode": "L"}),
    ("png", {"icc": True, "orientation": 3}),
    ("png", {"mode": "P"}),
    ("png", {"frames": 3, "mode": "RGBA"}),
    ("webp", {"plant": False}),
    ("webp", {"orientation": 6, "icc": True}),
    ("webp", {"frames": 2}),
    ("gif", {}),
    ("gif", {"frames": 3}),
    ("tiff", {"icc": True, "orientation": 8}),
    ("tiff", {"big_endian": True}),
]
IDS = [f"{fmt}-{i}" for i, (fmt, _) in enumerate(SHAPES)]


def _check(copy: Path, fmt: str, source: Path | None, **kw: bool) -> str:
    fd = os.open(copy, os.O_RDONLY)
    try:
        return verify(fd, fmt, source, ScrubOptions(), **kw)
    finally:
        os.close(fd)


def _pieces(data: bytes, fmt: str) -> list[tuple[int, int]]:
    """(offset, size) of each stretch of image data the gate's walk finds in a copy."""
    with mmap.mmap(-1, len(data)) as mm:
        mm.write(data)
        layout = _walk(mm, fmt, ScrubOptions())
    spans = [(p.off, p.size) for p in layout.pieces]
    if fmt == "tiff":  # strips are compared through the layout's tags
        e = "<" if data[:1] == b"I" else ">"
        tag_off, tag_count = (273, 279) if 273 in layout.tags else (324, 325)
        offs = layout.tags[tag_off]
        counts = layout.tags[tag_count]
        spans += zip(
            struct.unpack(f"{e}{offs[1]}I", offs[2]),
            struct.unpack(f"{e}{counts[1]}I", counts[2]),
            strict=True,
        )
    return [s for s in spans if s[1] > 0]


def _fix_png_crcs(data: bytearray) -> None:
    """Recompute every chunk's CRC, so only the comparison can tell a change."""
    pos = 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        end = pos + 12 + length
        if end > len(data):
            return
        data[end - 4 : end] = struct.pack(">I", zlib.crc32(data[pos + 4 : end - 4]))
        pos = end


@pytest.mark.parametrize(("fmt", "kw"), SHAPES, ids=IDS)
def test_copy_passes_against_its_own_source(
    photo: Make, run_scrub: Run, fmt: str, kw: dict[str, object]
) -> None:
    src = photo(fmt, width=48, height=32, **kw)
    _, data, out = run_scrub(src, fmt)
    assert _check(out, fmt, src) == _check(out, fmt, src, decode=True)
    # The proof has something to compare: image data covers most of the copy.
    assert sum(size for _, size in _pieces(data, fmt)) > len(data) // 3


@pytest.mark.parametrize(("fmt", "kw"), SHAPES, ids=IDS)
def test_one_byte_of_image_data_changed_in_the_copy_is_refused(
    photo: Make, run_scrub: Run, tmp_path: Path, fmt: str, kw: dict[str, object]
) -> None:
    src = photo(fmt, width=48, height=32, **kw)
    _, data, _ = run_scrub(src, fmt)
    copy = tmp_path / "changed"
    compared = 0
    for off, size in _pieces(data, fmt):
        for at in sorted({off, off + size // 2, off + size - 1}):
            changed = bytearray(data)
            changed[at] ^= 0x01 if data[at] != 0xFE else 0x02  # never makes a 0xFF
            if fmt == "png":
                _fix_png_crcs(changed)
                if changed == data:
                    continue  # the byte was a CRC, recomputed back
            copy.write_bytes(changed)
            with pytest.raises(ScrubError) as info:
                _check(copy, fmt, src)
            assert "\n" not in str(info.value)
            compared += "differs from the source" in str(info.value)
    # The walk refuses some changes (a marker byte, a deflate stream); the
    # comparison must be what refuses the rest, and there must be a rest.
    assert compared > 0


def _source_data_offset(fmt: str, source: bytes, copy: bytes) -> int:
    """A byte in the middle of the source's largest stretch of image data."""
    off, size = max(_pieces(copy, fmt), key=lambda span: span[1])
    at = source.index(copy[off : off + size]) + size // 2
    while 0xFF in source[at - 1 : at + 2]:  # keep JPEG markers as they are
        at += 1
    return at


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "gif", "tiff"])
def test_one_byte_of_image_data_changed_in_the_source_is_refused(
    photo: Make, run_scrub: Run, tmp_path: Path, fmt: str
) -> None:
    src = photo(fmt, width=48, height=32)
    _, data, out = run_scrub(src, fmt)
    original = src.read_bytes()
    at = _source_data_offset(fmt, original, data)
    changed = bytearray(original)
    changed[at] ^= 0x01 if original[at] != 0xFE else 0x02
    if fmt == "png":
        _fix_png_crcs(changed)
    other = tmp_path / "other-source"
    other.write_bytes(changed)
    with pytest.raises(ScrubError, match="differs from the source"):
        _check(out, fmt, other)
    assert _check(out, fmt, src)


def test_jpeg_scan_data_that_goes_on_in_the_source_is_refused(
    photo: Make, run_scrub: Run, tmp_path: Path
) -> None:
    # A copy cut short at a scan's end must not pass against a source whose
    # scan data continues: the comparison checks where the source's scan ends.
    src = photo("jpeg", width=48, height=32, plant=False)
    _, data, _ = run_scrub(src, "jpeg")
    eoi = data.rindex(b"\xff\xd9")
    shorter = tmp_path / "shorter"
    shorter.write_bytes(data[: eoi - 8] + data[eoi:])
    with pytest.raises(ScrubError, match=r"goes on past|differs|no end"):
        _check(shorter, "jpeg", src)


def test_missing_or_extra_pieces_are_refused(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    # An animated GIF's copy must hold every frame, and only the source's.
    three = photo("gif", frames=3, width=24, height=16)
    two = photo("gif", frames=2, width=24, height=16)
    _, _, out3 = run_scrub(three, "gif")
    _, _, out2 = run_scrub(two, "gif")
    with pytest.raises(ScrubError, match=r"lacks|not where|differs"):
        _check(out2, "gif", three)
    with pytest.raises(ScrubError, match=r"does not have|differs"):
        _check(out3, "gif", two)


def test_orientation_must_be_the_sources(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    # Same pixels, another Orientation in the source: the copy is wrong.
    src = photo("jpeg", orientation=6, width=48, height=32, plant=False, seed=4)
    _, _, out = run_scrub(src, "jpeg")
    upright = photo("jpeg", orientation=1, width=48, height=32, plant=False, seed=4)
    with pytest.raises(ScrubError, match="orientation"):
        _check(out, "jpeg", upright)


def test_source_must_be_readable_and_regular(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    src = photo("png", width=16, height=16)
    _, _, out = run_scrub(src, "png")
    with pytest.raises(ScrubError, match="cannot read the source") as info:
        _check(out, "png", tmp_path / "gone.png")
    assert isinstance(info.value.__cause__, OSError)  # retried, not the photo's fault
    with pytest.raises(ScrubError, match="not a regular file"):
        _check(out, "png", tmp_path)


def test_copy_without_source_is_decoded(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    src = photo("jpeg", width=64, height=48, plant=False)
    _, data, _ = run_scrub(src, "jpeg")
    # A bogus Huffman table: structurally a JPEG, but it does not decode.
    dht = data.index(b"\xff\xc4")
    bogus = tmp_path / "bogus"
    bogus.write_bytes(data[: dht + 5] + b"\xff" * 16 + data[dht + 21 :])
    with pytest.raises(ScrubError):
        _check(bogus, "jpeg", None)


def test_rendition_is_decoded_not_compared(photo: Make, run_scrub: Run) -> None:
    src = photo("heif", width=32, height=24)
    result, data, out = run_scrub(src, "heif")
    assert result.fmt == "jpeg" and data[:2] == b"\xff\xd8"
    assert _check(out, "heif", src)
    assert _check(out, "heif", None)


def _exif(entries: list[tuple[int, int, int, bytes]], order: str = "<") -> bytes:
    head = b"II*\x00" if order == "<" else b"MM\x00*"
    ifd = struct.pack(f"{order}H", len(entries))
    for tag, typ, count, value in entries:
        ifd += struct.pack(f"{order}HHI", tag, typ, count) + value.ljust(4, b"\0")
    return head + struct.pack(f"{order}I", 8) + ifd + b"\0\0\0\0"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (_exif([(0x0112, 3, 1, struct.pack("<H", 6))]), 6),
        (_exif([(0x0112, 3, 1, struct.pack(">H", 8))], ">"), 8),
        (_exif([(0x0112, 3, 1, struct.pack("<H", 9))]), 1),
        (_exif([(0x0112, 4, 1, struct.pack("<I", 6))]), 1),
        # Repeated: the last entry counts, as the scrubber reads it.
        (_exif([(0x0112, 3, 1, b"\x06\0"), (0x0112, 3, 1, b"\x03\0")]), 3),
        (b"Exif\0\0" + _exif([(0x0112, 3, 1, b"\x06\0")]), 1),
        (b"II*\x00\xff\xff\xff\xff", 1),
        (b"", 1),
    ],
)
def test_source_orientation_rule(block: bytes, expected: int) -> None:
    from pellicle.core.scrub._exif import read_kept

    assert exif_orientation(block) == expected
    # The gate's reader and the scrubber's agree (they share no code).
    assert read_kept(block)[0] == expected


def test_jpeg_metadata_between_scans_is_skipped_in_the_source(
    run_scrub: Run, tmp_path: Path
) -> None:
    # A comment and an APP segment between two progressive scans: dropped by
    # the scrubber, skipped by the gate's reader of the source, not a piece.
    from pellicle.core import demo

    data = demo.photo_bytes("jpeg", width=64, height=48, progressive=True, plant=False)
    second = data.index(b"\xff\xda", data.index(b"\xff\xda") + 2)
    noise = b"\xff\xfe\x00\x07hello" + b"\xff\xeb\x00\x06note"
    src = tmp_path / "between.jpg"
    src.write_bytes(data[:second] + noise + data[second:])
    _, copy, out = run_scrub(src, "jpeg")
    assert b"hello" not in copy and b"note" not in copy
    assert _check(out, "jpeg", src)
    # The source without the noise has the same image data: the same copy.
    plain = tmp_path / "plain.jpg"
    plain.write_bytes(data)
    assert _check(out, "jpeg", plain)
