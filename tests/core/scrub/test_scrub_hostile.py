"""Hostile input: refused with a reason, never a crash, never a leak."""

from __future__ import annotations

import os
import random
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from pellicle.core import demo
from pellicle.core.scrub import ScrubError, ScrubOptions, scrub, verify
from pellicle.core.scrub import jpeg as jpeg_module
from scrub_helpers import leaks


def _scrub_bytes(tmp_path: Path, data: bytes, fmt: str, name: str = "in") -> bytes:
    """Scrub and verify `data`; return the output. Raises ScrubError when refused."""
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / f"{name}.out"
    fd = os.open(out, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        result = scrub(src, fd, fmt)
        verify(fd, fmt, src, claimed=result)
    finally:
        os.close(fd)
    return out.read_bytes()


def _refused(tmp_path: Path, data: bytes, fmt: str, match: str) -> None:
    with pytest.raises(ScrubError, match=match) as info:
        _scrub_bytes(tmp_path, data, fmt)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "gif", "tiff", "heif", "avif"])
def test_zero_byte_file(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(ScrubError):
        _scrub_bytes(tmp_path, b"", fmt)


@pytest.mark.parametrize("fmt", ["psd", "bmp", "jxl", "jpeg2000", "ico", "bigtiff"])
def test_unsupported_formats(tmp_path: Path, fmt: str) -> None:
    _refused(tmp_path, b"whatever", fmt, f"unsupported format: {fmt}")


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(ScrubError, match="not a regular file"):
            scrub(fifo, fd, "jpeg")
        with pytest.raises(ScrubError, match="not a regular file"):
            scrub(tmp_path, fd, "jpeg")
        with pytest.raises(ScrubError, match="cannot open"):
            scrub(tmp_path / "missing.jpg", fd, "jpeg")
    finally:
        os.close(fd)


def test_tiff_raw_refused(tmp_path: Path) -> None:
    img = Image.new("RGB", (8, 8))
    path = tmp_path / "dng.tif"
    img.save(path, "TIFF", tiffinfo={50706: b"\x01\x04\x00\x00"})
    _refused(tmp_path, path.read_bytes(), "tiff", "a camera RAW file, not a plain TIFF")


def test_tiff_compressed_variants_scrub(tmp_path: Path) -> None:
    img = demo.pixels(40, 30, seed=5)
    for compression in ("tiff_lzw", "tiff_adobe_deflate", "packbits"):
        path = tmp_path / f"{compression}.tif"
        img.save(path, "TIFF", compression=compression)
        data = _scrub_bytes(tmp_path, path.read_bytes(), "tiff", compression)
        with Image.open(path) as a, Image.open(tmp_path / f"{compression}.out") as b:
            assert a.tobytes() == b.tobytes()
        assert data


def test_tiff_jpeg_compression_refused(tmp_path: Path) -> None:
    path = tmp_path / "jpeg.tif"
    demo.pixels(16, 16).save(path, "TIFF", compression="jpeg")
    _refused(tmp_path, path.read_bytes(), "tiff", "compression")


def _png_with_ihdr(width: int, height: int) -> bytes:
    data = demo.photo_bytes("png", plant=False)
    ihdr = struct.pack(">II", width, height) + data[24:29]
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return data[:8] + chunk + data[33:]


def test_gigantic_declared_dimensions(tmp_path: Path) -> None:
    jpeg = bytearray(demo.photo_bytes("jpeg", plant=False))
    sof = jpeg.index(b"\xff\xc0")
    jpeg[sof + 5 : sof + 9] = struct.pack(">HH", 60000, 60000)
    _refused(tmp_path, bytes(jpeg), "jpeg", "too large")
    _refused(tmp_path, _png_with_ihdr(100_000, 100_000), "png", "too large")
    gif = bytearray(demo.photo_bytes("gif", plant=False))
    gif[6:10] = struct.pack("<HH", 65535, 65535)
    _refused(tmp_path, bytes(gif), "gif", "too large")
    webp = bytearray(demo.photo_bytes("webp", orientation=6, plant=False))
    vp8x = webp.index(b"VP8X") + 8
    webp[vp8x + 4 : vp8x + 10] = b"\xff\xff\x00\xff\xff\x00"
    _refused(tmp_path, bytes(webp), "webp", "too large")


def test_decompression_bomb_png_refused(tmp_path: Path) -> None:
    # 20000 x 20000 = 400 MP of zeros: tiny on disk, refused before decoding.
    _refused(tmp_path, _png_with_ihdr(20_000, 20_000), "png", "too large")


def test_bad_segment_length(tmp_path: Path) -> None:
    data = bytearray(demo.photo_bytes("jpeg"))
    data[4:6] = b"\x00\x01"
    _refused(tmp_path, bytes(data), "jpeg", "segment length")


def test_truncated_jpeg_reason(tmp_path: Path) -> None:
    data = demo.photo_bytes("jpeg", plant=False)
    _refused(tmp_path, data[: len(data) - 10], "jpeg", "truncated JPEG: no end of image")


def test_file_changing_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "moving.jpg"
    demo.write_photo(src, "jpeg")
    original = jpeg_module._copy_entropy

    def grow_then_copy(*args: object) -> int:
        with open(src, "ab") as f:
            f.write(b"appended by a camera app")
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(jpeg_module, "_copy_entropy", grow_then_copy)
    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(ScrubError, match="changed while being read"):
            scrub(src, fd, "jpeg")
    finally:
        os.close(fd)


def test_source_is_never_modified(tmp_path: Path) -> None:
    src = tmp_path / "ro.jpg"
    demo.write_photo(src, "jpeg")
    before = src.read_bytes()
    os.chmod(src, 0o400)
    stat_before = os.stat(src)
    _scrub_bytes(tmp_path, before, "jpeg", "copy")
    fd = os.open(tmp_path / "o", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        scrub(src, fd, "jpeg")
    finally:
        os.close(fd)
    assert src.read_bytes() == before
    assert os.stat(src).st_mtime_ns == stat_before.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy", "copy.out", "o", "ro.jpg"]


# Mutation testing: truncations and bit flips of valid files of every shape.
MUTATED: list[tuple[str, dict[str, object]]] = [
    ("jpeg", {}),
    ("jpeg", {"progressive": True, "orientation": 6, "icc": True}),
    ("png", {"icc": True}),
    ("png", {"frames": 2, "mode": "RGBA"}),
    ("png", {"mode": "P"}),
    ("webp", {"orientation": 3}),
    ("webp", {"frames": 2}),
    ("gif", {"frames": 2}),
    ("tiff", {"icc": True}),
    ("heif", {}),
]


@pytest.mark.parametrize(
    ("fmt", "kw"), MUTATED, ids=[f"{f}-{i}" for i, (f, _) in enumerate(MUTATED)]
)
def test_mutations_refused_or_clean(tmp_path: Path, fmt: str, kw: dict[str, object]) -> None:
    original = demo.photo_bytes(fmt, width=32, height=24, **kw)  # type: ignore[arg-type]
    rng = random.Random(f"{fmt}-{sorted(kw.items())}")
    variants = [original[:cut] for cut in sorted(rng.sample(range(len(original)), 18))]
    for _ in range(22):
        flipped = bytearray(original)
        for _ in range(rng.randint(1, 3)):
            # Favour the container structure near the start, where parsers live.
            at = rng.randrange(min(len(flipped), 600)) if rng.random() < 0.7 else None
            at = at if at is not None else rng.randrange(len(flipped))
            flipped[at] ^= 1 << rng.randrange(8)
        variants.append(bytes(flipped))
    for i, data in enumerate(variants):
        try:
            out = _scrub_bytes(tmp_path, data, fmt, f"m{i}")
        except ScrubError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        assert leaks(out) == [], f"variant {i} leaked"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(order=st.permutations(range(6)), keep=st.lists(st.booleans(), min_size=6, max_size=6))
def test_jpeg_output_independent_of_metadata_segment_order(
    tmp_path: Path, order: list[int], keep: list[bool]
) -> None:
    base = demo.photo_bytes("jpeg", plant=False, icc=True, seed=9)
    segments = [
        b"\xff\xfe\x00\x11" + demo.COMMENT,
        b"\xff\xe1"
        + struct.pack(">H", 2 + 29 + len(demo.xmp_packet()))
        + b"http://ns.adobe.com/xap/1.0/\0"
        + demo.xmp_packet(),
        b"\xff\xed"
        + struct.pack(">H", 2 + 14 + len(demo.iptc_irb()))
        + b"Photoshop 3.0\0"
        + demo.iptc_irb(),
        b"\xff\xea" + struct.pack(">H", 2 + len(demo.VENDOR_APP)) + demo.VENDOR_APP,
        b"\xff\xe0\x00\x09JFXX\0\x13\0",
        b"\xff\xe2\x00\x0cMPF\0\0\0\0\0\0\0",
    ]
    chosen = b"".join(segments[i] for i in order if keep[i])
    # Insert after JFIF (18 bytes + SOI) so the kept JFIF header stays first.
    noisy = base[:20] + chosen + base[20:] + demo.TRAILER
    expected = _scrub_bytes(tmp_path, base, "jpeg", "base")
    assert _scrub_bytes(tmp_path, noisy, "jpeg", "noisy") == expected


def test_keep_date_refuses_non_date_text(tmp_path: Path) -> None:
    # A DateTimeOriginal that is not a date must not carry text into the export.
    block = demo.exif_block(1).replace(demo.CAPTURE_DATE, b"Jane's house, 12:3")
    jpeg = demo.photo_bytes("jpeg", plant=False)
    seg = b"\xff\xe1" + struct.pack(">H", len(block) + 8) + b"Exif\0\0" + block
    src = tmp_path / "d.jpg"
    src.write_bytes(jpeg[:2] + seg + jpeg[2:])
    fd = os.open(tmp_path / "out", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        options = ScrubOptions(keep_capture_date=True)
        verify(fd, "jpeg", src, options, claimed=scrub(src, fd, "jpeg", options))
    finally:
        os.close(fd)
    assert b"Jane" not in (tmp_path / "out").read_bytes()
