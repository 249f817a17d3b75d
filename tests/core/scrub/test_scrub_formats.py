"""Every format and shape: nothing planted survives, pixels and display survive."""

from __future__ import annotations

import io
import json
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageOps

from pellicle.core import demo
from pellicle.core.imaging import register_heif
from pellicle.core.scrub import ScrubOptions
from pellicle.core.scrub._exif import minimal_tiff
from scrub_helpers import Scrubbed, leaks
from tool_helpers import require_tool

# (format, demo keyword arguments); ids make failures readable.
CASES: list[tuple[str, dict[str, Any]]] = [
    ("jpeg", {}),
    ("jpeg", {"orientation": 6, "icc": True}),
    ("jpeg", {"orientation": 8, "progressive": True}),
    ("jpeg", {"restart": 2, "orientation": 3}),
    ("jpeg", {"progressive": True, "restart": 1, "subsampling": 0}),
    ("jpeg", {"icc": demo.large_icc()}),
    ("jpeg", {"mode": "CMYK"}),
    ("jpeg", {"mode": "L"}),
    ("jpeg", {"plant": False, "orientation": 5}),
    ("png", {}),
    ("png", {"icc": True}),
    ("png", {"mode": "P"}),
    ("png", {"mode": "I;16"}),
    ("png", {"mode": "RGBA", "frames": 3}),
    ("png", {"orientation": 6, "icc": True}),
    ("png", {"orientation": 8, "plant": False}),
    ("png", {"orientation": 6, "mode": "RGBA", "frames": 3}),
    ("webp", {}),
    ("webp", {"orientation": 6, "icc": True}),
    ("webp", {"frames": 3}),
    ("webp", {"plant": False}),
    ("gif", {}),
    ("gif", {"frames": 4}),
    ("tiff", {}),
    ("tiff", {"orientation": 6, "icc": True}),
    ("tiff", {"big_endian": True, "mode": "L"}),
    ("heif", {"orientation": 6, "icc": True}),
    ("heif", {}),
    ("avif", {"orientation": 8}),
]
IDS = [f"{fmt}-{'-'.join(f'{k}={v}'[:14] for k, v in kw.items()) or 'plain'}" for fmt, kw in CASES]
LOSSLESS = {"png", "webp", "gif", "tiff"}

Run = Callable[..., Scrubbed]
Make = Callable[..., Path]


def _frames(img: Image.Image) -> list[Image.Image]:
    out = []
    for i in range(getattr(img, "n_frames", 1)):
        img.seek(i)
        out.append(img.convert("RGBA") if img.mode == "P" else img.copy())
    return out


def _open(data: bytes | Path) -> Image.Image:
    register_heif()
    return Image.open(io.BytesIO(data) if isinstance(data, bytes) else data)


@pytest.mark.parametrize(("fmt", "kw"), CASES, ids=IDS)
def test_nothing_planted_survives(
    fmt: str, kw: dict[str, Any], photo: Make, run_scrub: Run
) -> None:
    src = photo(fmt, **kw)
    if kw.get("plant", True):
        assert leaks(src.read_bytes()), "the demo photo should carry planted data"
    for options in (ScrubOptions(), ScrubOptions(keep_capture_date=True)):
        result, data, _ = run_scrub(src, fmt, options)
        assert leaks(data) == []
        assert result.fmt == ("jpeg" if fmt in ("heif", "avif") else fmt)
        if not options.keep_capture_date:
            assert demo.CAPTURE_DATE not in data


@pytest.mark.parametrize(("fmt", "kw"), CASES, ids=IDS)
def test_pixels_and_display_survive(
    fmt: str, kw: dict[str, Any], photo: Make, run_scrub: Run
) -> None:
    src = photo(fmt, **kw)
    result, data, _ = run_scrub(src, fmt)
    with _open(src) as before, _open(data) as after:
        assert result.frames == getattr(after, "n_frames", 1)
        # Planted JPEGs (MPO) and TIFFs carry a second image that must be dropped.
        assert result.frames == (1 if fmt in ("jpeg", "tiff") else getattr(before, "n_frames", 1))
        if fmt in LOSSLESS or fmt == "jpeg":
            # Same decoder on the same coded data: pixel-identical, every frame.
            frames_before = _frames(before)[: result.frames]
            for a, b in zip(frames_before, _frames(after), strict=True):
                assert a.mode == b.mode and a.size == b.size
                assert a.tobytes() == b.tobytes()
        icc_before = before.info.get("icc_profile")
        if fmt != "gif":
            assert after.info.get("icc_profile") == icc_before
        before.seek(0)
        after.seek(0)
        upright_before = ImageOps.exif_transpose(before.convert("RGB"))
        upright_after = ImageOps.exif_transpose(after.convert("RGB"))
        assert upright_before.size == upright_after.size
        if fmt in ("heif", "avif"):
            assert result.orientation == 1
            diff = ImageChops.difference(upright_before, upright_after).getextrema()
            assert max(hi for _, hi in diff) < 60  # re-encoded at quality 92
        else:
            assert result.orientation == kw.get("orientation", 1)
            # Same pixels, same kept orientation: identical once turned upright.
            assert upright_before.tobytes() == upright_after.tobytes()


def _jpeg_coded_data(data: bytes) -> bytes:
    """Bytes from the first SOF to EOI, walking segments (not searching)."""
    pos = 2
    while True:
        marker = data[pos + 1]
        if 0xC0 <= marker <= 0xC2:
            start = pos
        if marker == 0xDA:
            end = data.index(b"\xff\xd9", pos)
            return data[start : end + 2]
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        pos += 2 + length


@pytest.mark.parametrize("kw", [{}, {"progressive": True, "restart": 3}, {"mode": "CMYK"}])
def test_jpeg_scan_data_is_byte_identical(kw: dict[str, Any], photo: Make, run_scrub: Run) -> None:
    src = photo("jpeg", width=160, height=120, **kw)
    _, data, _ = run_scrub(src, "jpeg")
    # Tables and scans are copied verbatim: no re-encoding anywhere.
    assert _jpeg_coded_data(data) == _jpeg_coded_data(src.read_bytes())
    assert data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")


def test_cmyk_keeps_adobe_marker(photo: Make, run_scrub: Run) -> None:
    _, data, _ = run_scrub(photo("jpeg", mode="CMYK"), "jpeg")
    assert b"\xff\xee\x00\x0eAdobe" in data


@pytest.mark.parametrize("fmt", ["jpeg", "webp", "png", "heif"])
def test_keep_capture_date_keeps_exactly_that(fmt: str, photo: Make, run_scrub: Run) -> None:
    src = photo(fmt, orientation=6 if fmt != "heif" else 1)
    _, data, _ = run_scrub(src, fmt, ScrubOptions(keep_capture_date=True))
    with _open(data) as img:
        exif = img.getexif()
        neutral = set(JPEG_NEUTRAL) if fmt in ("jpeg", "heif") else set()
        assert set(exif) - {0x0112, 0x8769} == neutral
        assert dict(exif.get_ifd(0x8769)) == {0x9003: demo.CAPTURE_DATE.decode()}
        assert exif.get_ifd(0x8825) == {}
    _, plain, _ = run_scrub(src, fmt)
    assert demo.CAPTURE_DATE not in plain


#: The IFD0 tags a JPEG's minimal EXIF holds besides Orientation, as Pillow reads them.
JPEG_NEUTRAL = {0x011A: 72.0, 0x011B: 72.0, 0x0128: 2, 0x0213: 1}


@pytest.mark.parametrize("kw", [{"orientation": 6}, {"orientation": 3, "progressive": True}])
def test_jpeg_minimal_exif_is_valid_and_neutral(
    kw: dict[str, Any], photo: Make, run_scrub: Run
) -> None:
    # exiftool -validate wants XResolution, YResolution, ResolutionUnit and
    # YCbCrPositioning in a JPEG's IFD0: they are written with the values the
    # EXIF standard assumes when they are absent, so no reader's view changes.
    exiftool = require_tool("exiftool")
    result, data, out = run_scrub(photo("jpeg", **kw), "jpeg")
    assert result.orientation == kw["orientation"]
    with _open(data) as img:
        exif = img.getexif()
        assert {k: exif[k] for k in exif} == {0x0112: kw["orientation"], **JPEG_NEUTRAL}
    proc = subprocess.run(
        [exiftool, "-validate", "-warning", "-a", "-s3", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.split() == ["OK"], proc.stdout


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        out.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return out


@pytest.mark.parametrize("orientation", [6, 8, 3])
@pytest.mark.parametrize("frames", [1, 3])
def test_png_orientation_is_a_fresh_minimal_exif(
    orientation: int, frames: int, photo: Make, run_scrub: Run
) -> None:
    src = photo("png", orientation=orientation, frames=frames, mode="RGBA", icc=True)
    result, data, _ = run_scrub(src, "png")
    assert result.orientation == orientation and result.frames == frames
    chunks = _png_chunks(data)
    kinds = [k for k, _ in chunks]
    # Exactly one eXIf, byte for byte the minimal block (never the source's), ahead of
    # the animation control and image data as the PNG specification requires.
    assert kinds.count(b"eXIf") == 1
    assert dict(chunks)[b"eXIf"] == minimal_tiff(orientation, None)
    first = min(kinds.index(k) for k in (b"acTL", b"fcTL", b"IDAT") if k in kinds)
    assert kinds.index(b"eXIf") < first
    with _open(data) as img:
        assert dict(img.getexif()) == {0x0112: orientation}
        assert getattr(img, "n_frames", 1) == frames


def test_png_upright_or_without_exif_gets_none(photo: Make, run_scrub: Run) -> None:
    for src in (photo("png", orientation=1), photo("png", plant=False)):
        result, data, _ = run_scrub(src, "png")
        assert result.orientation == 1
        assert b"eXIf" not in data


def test_png_exif_after_image_data_is_honoured(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    # Older writers put eXIf after IDAT, and readers honour it there: so does scrub,
    # but it writes the minimal copy before IDAT.
    data = photo("png", orientation=6, plant=False).read_bytes()
    start = data.index(b"eXIf") - 4
    (length,) = struct.unpack(">I", data[start : start + 4])
    chunk = data[start : start + 12 + length]
    moved = data[:start] + data[start + 12 + length :]
    iend = moved.rindex(b"IEND") - 4
    src = tmp_path / "late-exif.png"
    src.write_bytes(moved[:iend] + chunk + moved[iend:])
    result, out, _ = run_scrub(src, "png")
    assert result.orientation == 6
    kinds = [k for k, _ in _png_chunks(out)]
    assert kinds.index(b"eXIf") < kinds.index(b"IDAT")


def test_large_icc_profile_split_and_rejoined(photo: Make, run_scrub: Run) -> None:
    icc = demo.large_icc(200_000)
    _, data, _ = run_scrub(photo("jpeg", icc=icc), "jpeg")
    assert data.count(b"ICC_PROFILE\x00") == 4
    with _open(data) as img:
        assert img.info["icc_profile"] == icc


def test_png_icc_name_blanked_profile_kept(photo: Make, run_scrub: Run) -> None:
    src = photo("png", icc=True)
    _, data, _ = run_scrub(src, "png")
    assert b"iCCPICC profile\x00\x00" in data
    with _open(data) as img:
        assert img.info["icc_profile"] == demo.srgb_icc()


def test_demo_library_all_scrub_clean(tmp_path: Path, run_scrub: Run) -> None:
    from pellicle.core.formats import HEAD_SIZE, sniff

    for path in demo.make_library(tmp_path / "lib", 16, seed=3):
        fmt = sniff(path.read_bytes()[:HEAD_SIZE])
        assert fmt is not None
        _, data, _ = run_scrub(path, fmt)
        assert leaks(data) == []


# exiftool is the reference reader users trust; it must see nothing but structure.
EXIFTOOL_ALLOWED: dict[str, set[str] | None] = {
    "SourceFile": None,
    "ExifTool": None,
    "System": None,  # file system facts (name, size, dates of our own file)
    "Composite": {"ImageSize", "Megapixels"},
    "File": {
        "BitsPerSample", "ColorComponents", "EncodingProcess", "ExifByteOrder",
        "FileType", "FileTypeExtension", "ImageHeight", "ImageWidth", "MIMEType",
        "YCbCrSubSampling",
    },
    "JFIF": {"JFIFVersion", "ResolutionUnit", "XResolution", "YResolution"},
    "Adobe": {"APP14Flags0", "APP14Flags1", "ColorTransform", "DCTEncodeVersion"},
    "IFD0": {
        "Orientation", "BitsPerSample", "Compression", "ImageHeight", "ImageWidth",
        "PhotometricInterpretation", "PlanarConfiguration", "ResolutionUnit",
        "RowsPerStrip", "SamplesPerPixel", "StripByteCounts", "StripOffsets",
        "XResolution", "YResolution", "YCbCrPositioning",
    },
    "ExifIFD": {"DateTimeOriginal"},
    "PNG": {
        "AnimationFrames", "AnimationPlays", "BitDepth", "ColorType", "Compression",
        "Filter", "ImageHeight", "ImageWidth", "Interlace", "Palette", "ProfileName",
        "Transparency",
    },
    "RIFF": {
        "AnimationLoopCount", "BackgroundColor", "Duration", "ImageHeight", "ImageWidth",
        "WebP_Flags", "VP8Version", "HorizontalScale", "VerticalScale", "AlphaIsUsed",
        "FrameCount",
    },
    "GIF": {
        "AnimationIterations", "BackgroundColor", "BitsPerPixel", "ColorResolutionDepth",
        "Duration", "FrameCount", "GIFVersion", "HasColorMap", "ImageHeight", "ImageWidth",
        "TransparentColor",
    },
}  # fmt: skip


def test_exiftool_sees_only_structure(photo: Make, run_scrub: Run) -> None:
    exiftool = require_tool("exiftool")
    outputs: list[tuple[Path, bool]] = []
    path_fmt: dict[Path, str] = {}
    for fmt, kw in CASES:
        for keep in (False, True):
            _, _, out = run_scrub(photo(fmt, **kw), fmt, ScrubOptions(keep_capture_date=keep))
            outputs.append((out, keep))
            path_fmt[out] = fmt
    proc = subprocess.run(
        [exiftool, "-j", "-a", "-G1", "-struct", *(str(p) for p, _ in outputs)],
        capture_output=True,
        check=True,
    )
    records = json.loads(proc.stdout)
    assert len(records) == len(outputs)
    for record, (path, keep) in zip(records, outputs, strict=True):
        for key in record:
            group, _, tag = key.rpartition(":")
            group = group or key
            if group.startswith("ICC"):
                continue  # the colour profile is kept by policy
            assert group in EXIFTOOL_ALLOWED, f"{path.name}: {key}={record[key]!r}"
            allowed = EXIFTOOL_ALLOWED[group]
            assert allowed is None or tag in allowed, f"{path.name}: {key}={record[key]!r}"
            if key == "ExifIFD:DateTimeOriginal":
                assert keep
            if path_fmt[path] == "png" and group in ("IFD0", "ExifIFD"):
                # A PNG's only EXIF is the one scrub built: Orientation (and the date).
                assert tag in ("Orientation", "DateTimeOriginal"), f"{path.name}: {key}"
        assert "ExifTool:Warning" not in record, record.get("ExifTool:Warning")
