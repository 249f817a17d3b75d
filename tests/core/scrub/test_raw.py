"""RAW export: the full-size preview or a LibRaw rendering, never a thumbnail.

The RAW files are DNGs written here (no RAW sample set is installable from
the registries this project uses); LibRaw reads them as it reads a camera's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from pellicle.core.formats import classify_tiff, sniff
from pellicle.core.scrub import ScrubError, ScrubOptions, scrub
from pellicle.core.scrub.raw import MIN_PREVIEW, jpeg_size
from scrub_helpers import Scrubbed
from tiff_builder import TiffBuilder, image_entries, make_dng

PLANTED = (b"PLANTED-MAKE", b"PLANTED-MODEL", b"SERIAL-PL4NT3D", b"PLANTED-MAKERNOTE")


def _fmt(data: bytes) -> str | None:
    fmt = sniff(data[:64])
    return classify_tiff(lambda off, n: data[off : off + n]) if fmt == "tiff" else fmt


def _scan_data(jpeg: bytes) -> bytes:
    """From the first scan header to the end of the image."""
    return jpeg[jpeg.find(b"\xff\xda") :]


@pytest.mark.parametrize("little", [True, False])
def test_full_size_preview_is_exported_scrubbed_not_reencoded(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed], little: bool
) -> None:
    data = make_dng(planted=PLANTED, orientation=6, little=little)
    assert _fmt(data) == "raw"
    src = tmp_path / "photo.dng"
    src.write_bytes(data)
    result, out, _path = run_scrub(src, "raw")
    assert (result.fmt, result.width, result.height) == ("jpeg", 2000, 1500)
    assert result.orientation == 6  # the RAW's, written into the minimal EXIF
    assert [p for p in PLANTED if p in out] == []
    assert b"2020:03:04" not in out
    # The preview's coded data, byte for byte: scrubbed, not re-encoded.
    start = data.find(b"\xff\xd8\xff")
    preview = data[start : data.rfind(b"\xff\xd9") + 2]
    assert _scan_data(out) == _scan_data(preview)


def test_small_preview_means_a_libraw_rendering_upright(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    src = tmp_path / "photo.dng"
    src.write_bytes(make_dng(preview_size=(800, 600), orientation=6, planted=PLANTED))
    result, out, path = run_scrub(src, "raw")
    # The sensor's 64x48, turned upright: neither the 800x600 preview nor the
    # 16x12 thumbnail of IFD0.
    assert (result.width, result.height, result.orientation) == (48, 64, 1)
    assert [p for p in PLANTED if p in out] == []
    with Image.open(path) as img:
        assert img.size == (48, 64)
        assert img.info.get("icc_profile")  # sRGB, said explicitly
        left, right = img.getpixel((24, 5)), img.getpixel((24, 58))
    assert left != right  # a real rendering of the gradient, not a flat image


def test_no_preview_at_all(tmp_path: Path, run_scrub: Callable[..., Scrubbed]) -> None:
    src = tmp_path / "photo.dng"
    src.write_bytes(make_dng(preview_size=None))
    result, _out, _path = run_scrub(src, "raw")
    assert (result.width, result.height) == (64, 48)


def test_capture_date_kept_only_when_asked(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    src = tmp_path / "photo.dng"
    src.write_bytes(make_dng())
    _r, kept, _p = run_scrub(src, "raw", ScrubOptions(keep_capture_date=True))
    assert b"2020:03:04 05:06:07" in kept
    _r, plain, _p = run_scrub(src, "raw")
    assert b"2020:03:04" not in plain
    src.write_bytes(make_dng(preview_size=(100, 80)))
    _r, rendered, _p = run_scrub(src, "raw", ScrubOptions(keep_capture_date=True))
    assert b"2020:03:04 05:06:07" in rendered


def test_preview_threshold() -> None:
    assert MIN_PREVIEW == 1600
    assert jpeg_size(b"not a jpeg") is None


def _refused(tmp_path: Path, data: bytes, fmt: str = "raw") -> str:
    src = tmp_path / "bad.raw"
    src.write_bytes(data)
    fd = os.open(tmp_path / "out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with pytest.raises(ScrubError) as info:
            scrub(src, fd, fmt)
    finally:
        os.close(fd)
    reason = str(info.value)
    assert "\n" not in reason
    return reason


def test_broken_raw_files_are_refused_in_one_line(tmp_path: Path) -> None:
    good = make_dng()
    assert "RAW" in _refused(tmp_path, good[: len(good) // 3])
    assert "RAW" in _refused(tmp_path, b"II*\x00\x10\x00\x00\x00CR\x02\x00" + bytes(64))
    assert "RAW" in _refused(tmp_path, b"garbage" * 10)


def test_a_placeholder_first_raw_is_never_exported_as_its_placeholder(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    """Phase One IIQ style: IIII at offset 8, a 1x1 TIFF first, the sensor
    data elsewhere. It is a RAW: LibRaw renders the sensor data, and the
    TIFF scrubber refuses to export the placeholder."""
    b = TiffBuilder()
    big = b.ifd(image_entries(b, 64, 48, rgb=False, bits=16))
    data = b.finish(b.ifd(image_entries(b, 1, 1), next_ifd=big), magic_at_8=b"IIII")
    assert _fmt(data) == "raw"
    src = tmp_path / "back.iiq"
    src.write_bytes(data)
    result, _out, _path = run_scrub(src, "raw")
    assert (result.width, result.height) == (64, 48)
    assert _refused(tmp_path, data, "tiff") == "a camera RAW file, not a plain TIFF"
    # A RAW with nothing but a placeholder-sized image is refused.
    b = TiffBuilder()
    tiny = b.ifd(image_entries(b, 2, 2, rgb=False, bits=16, photometric=32803))
    placeholder = b.finish(b.ifd([*image_entries(b, 1, 1), (330, 4, [tiny])]))
    assert "RAW" in _refused(tmp_path, placeholder)


def test_a_gimp_tiff_with_camera_exif_exports_as_a_tiff(
    tmp_path: Path, run_scrub: Callable[..., Scrubbed]
) -> None:
    b = TiffBuilder()
    thumb = b.ifd(image_entries(b, 16, 12, subfile=1))
    exif = b.ifd([(0x927C, 7, b"PLANTED-MAKERNOTE"), (0xA431, 2, b"SERIAL-PL4NT3D\x00")])
    entries = [
        *image_entries(b, 64, 48),
        (271, 2, b"Canon\x00"),
        (272, 2, b"PLANTED-MODEL\x00"),
        (330, 4, [thumb]),
        (34665, 4, [exif]),
    ]
    data = b.finish(b.ifd(entries))
    assert _fmt(data) == "tiff"
    src = tmp_path / "gimp.tif"
    src.write_bytes(data)
    result, out, _path = run_scrub(src, "tiff")
    assert (result.width, result.height) == (64, 48)
    assert [p for p in PLANTED if p in out] == []
