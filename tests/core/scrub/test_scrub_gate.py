"""The verification gate refuses files that scrub could never produce."""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import ImageFile

from pellicle.core import demo
from pellicle.core.scrub import ScrubError, ScrubOptions, ScrubResult, verify
from pellicle.core.scrub._exif import minimal_tiff
from scrub_helpers import Scrubbed

Run = Callable[..., Scrubbed]
Make = Callable[..., Path]


def _verify_bytes(tmp_path: Path, data: bytes, expected: ScrubResult, **kw: bool) -> str:
    path = tmp_path / "crafted"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        # No source to compare with: the gate walks the file and decodes it.
        return verify(fd, expected.fmt, None, ScrubOptions(**kw), claimed=expected)
    finally:
        os.close(fd)


def _rejects(tmp_path: Path, data: bytes, expected: ScrubResult, match: str, **kw: bool) -> None:
    with pytest.raises(ScrubError, match=match) as info:
        _verify_bytes(tmp_path, data, expected, **kw)
    assert "\n" not in str(info.value)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _insert_after_soi(jpeg: bytes, segment: bytes) -> bytes:
    return jpeg[:2] + segment + jpeg[2:]


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


@pytest.fixture
def clean_jpeg(photo: Make, run_scrub: Run) -> Scrubbed:
    return run_scrub(photo("jpeg", orientation=6, icc=True), "jpeg")


def test_accepts_scrub_output_and_hashes_it(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    assert _verify_bytes(tmp_path, data, result) == hashlib.sha256(data).hexdigest()


def test_write_only_descriptor_is_read_back(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    path = tmp_path / "wo"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.write(fd, data)
        assert verify(fd, "jpeg", None, claimed=result) == hashlib.sha256(data).hexdigest()
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("segment", "match"),
    [
        (_segment(0xFE, b"hello"), "comment"),
        (_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x/>"), "APP1"),
        (_segment(0xED, b"Photoshop 3.0\0" + demo.iptc_irb()), "APP13"),
        (_segment(0xE2, b"MPF\0" + b"\0" * 16), "APP2"),
        (_segment(0xE0, b"JFXX\0\x10" + b"\0" * 8), "APP0"),
        (_segment(0xEB, b"vendor"), "APP11"),
    ],
)
def test_jpeg_metadata_segments_rejected(
    tmp_path: Path, clean_jpeg: Scrubbed, segment: bytes, match: str
) -> None:
    result, data, _ = clean_jpeg
    _rejects(tmp_path, _insert_after_soi(data, segment), result, match)


def test_jpeg_full_exif_rejected(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    # Replace the minimal EXIF with a planted one: the first APP1 after JFIF.
    start = data.index(b"\xff\xe1")
    (length,) = struct.unpack(">H", data[start + 2 : start + 4])
    planted = _segment(0xE1, b"Exif\0\0" + demo.exif_block(6, thumbnail=False))
    crafted = data[:start] + planted + data[start + 2 + length :]
    _rejects(tmp_path, crafted, result, "EXIF tag|second image directory")


def _with_exif(jpeg: bytes, tiff: bytes) -> bytes:
    start = jpeg.index(b"\xff\xe1")
    (length,) = struct.unpack(">H", jpeg[start + 2 : start + 4])
    return jpeg[:start] + _segment(0xE1, b"Exif\0\0" + tiff) + jpeg[start + 2 + length :]


def _neutral_variants() -> list[tuple[bytes, str]]:
    """The JPEG minimal EXIF with one neutral tag altered, and the refusal it earns."""
    good = minimal_tiff(6, None, jpeg=True)
    assert good is not None
    xres = good.index(struct.pack("<II", 72, 1))  # XResolution's value, then YResolution's
    entry = {tag: good.index(struct.pack("<H", tag), 10) for tag in (0x011A, 0x0128, 0x0213)}
    out = [
        (good[:xres] + struct.pack("<II", 300, 1) + good[xres + 8 :], "default"),
        (good[:xres] + struct.pack("<II", 0x50_4C_41_4E, 1) + good[xres + 8 :], "default"),
        (good[: entry[0x0213] + 8] + b"\x02" + good[entry[0x0213] + 9 :], "default"),
        (good[: entry[0x0128] + 8] + b"\x03" + good[entry[0x0128] + 9 :], "default"),
        (good[: entry[0x0128] + 10] + b"\x01" + good[entry[0x0128] + 11 :], "default"),
        # XResolution pointing at YResolution's value: both "72/1", one of them unaccounted.
        (good[: entry[0x011A] + 8] + struct.pack("<I", xres + 8) + good[entry[0x011A] + 12 :],
         "unaccounted"),
        (good[: entry[0x011A] + 8] + struct.pack("<I", 1 << 20) + good[entry[0x011A] + 12 :],
         "out of range"),
        # As a LONG instead of a SHORT, the tag is not the neutral one.
        (good[: entry[0x0213] + 2] + b"\x04" + good[entry[0x0213] + 3 :], "not allowed"),
        (good + b"PLANTED", "unaccounted"),
    ]  # fmt: skip
    return out


@pytest.mark.parametrize(("tiff", "match"), _neutral_variants())
def test_jpeg_neutral_exif_tags_hold_only_their_defaults(
    tmp_path: Path, clean_jpeg: Scrubbed, tiff: bytes, match: str
) -> None:
    result, data, _ = clean_jpeg
    assert _verify_bytes(
        tmp_path, _with_exif(data, minimal_tiff(6, None, jpeg=True) or b""), result
    )
    _rejects(tmp_path, _with_exif(data, tiff), result, match)


def test_neutral_exif_tags_only_in_jpeg(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("png", orientation=6), "png")
    start = data.index(b"eXIf") - 4
    (length,) = struct.unpack(">I", data[start : start + 4])
    exif = _png_chunk(b"eXIf", minimal_tiff(6, None, jpeg=True) or b"")
    _rejects(tmp_path, data[:start] + exif + data[start + 12 + length :], result, "not allowed")


def test_jpeg_date_without_option_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("jpeg"), "jpeg", ScrubOptions(keep_capture_date=True))
    assert _verify_bytes(tmp_path, data, result, keep_capture_date=True)
    _rejects(tmp_path, data, result, "EXIF tag 0x8769")


def test_trailing_bytes_rejected(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    _rejects(tmp_path, data + b"ftypmp42", result, "after JPEG end")


def test_wrong_expectations_rejected(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    for wrong in (
        replace(result, width=result.width + 1),
        replace(result, height=1),
        replace(result, orientation=1),
        replace(result, frames=2),
        replace(result, fmt="png"),
    ):
        with pytest.raises(ScrubError):
            _verify_bytes(tmp_path, data, wrong)


def test_truncated_image_loading_refused(
    tmp_path: Path, clean_jpeg: Scrubbed, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A process-wide switch elsewhere must not turn the decode check lenient.
    result, data, _ = clean_jpeg
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    _rejects(tmp_path, data, result, "truncated")


def test_truncated_scan_data_rejected(tmp_path: Path, photo: Make, run_scrub: Run) -> None:
    result, data, _ = run_scrub(photo("jpeg", width=640, height=480, plant=False), "jpeg")
    # Cut mid-scan (a partial copy): no EOI, refused before any decoding.
    _rejects(tmp_path, data[: len(data) * 3 // 4], result, "no end of image")


def test_empty_and_undecodable_rejected(tmp_path: Path, clean_jpeg: Scrubbed) -> None:
    result, data, _ = clean_jpeg
    _rejects(tmp_path, b"", result, "empty")
    # Structurally fine but the Huffman table is bogus: only the decoder can tell.
    dht = data.index(b"\xff\xc4")
    bogus = data[: dht + 5] + b"\xff" * 16 + data[dht + 21 :]
    with pytest.raises(ScrubError):
        _verify_bytes(tmp_path, bogus, result)


@pytest.mark.parametrize(
    ("chunk", "match"),
    [
        (_png_chunk(b"tEXt", b"Author\0someone"), "tEXt"),
        (_png_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"x")), "zTXt"),
        (_png_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x/>"), "iTXt"),
        (_png_chunk(b"tIME", b"\x07\xe3\x07\x0e\x0c\x22\x38"), "tIME"),
        (_png_chunk(b"iCCP", b"Jane's phone\0\0" + zlib.compress(b"icc")), "name"),
        (_png_chunk(b"iCCP", b"ICC profile\0\0" + zlib.compress(b"icc") + b"hidden"), "stream"),
        (_png_chunk(b"vpAg", b"\0" * 9), "vpAg"),
    ],
)
def test_png_metadata_chunks_rejected(
    photo: Make, run_scrub: Run, tmp_path: Path, chunk: bytes, match: str
) -> None:
    result, data, _ = run_scrub(photo("png"), "png")
    crafted = data[:33] + chunk + data[33:]
    _rejects(tmp_path, crafted, result, match)


def _tiff(
    entries: list[tuple[int, int, int, bytes]], next_ifd: int = 0, tail: bytes = b""
) -> bytes:
    """A little-endian EXIF block: IFD0 at 8 with inline values, then `tail`."""
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in entries:
        ifd += struct.pack("<HHI", tag, typ, count) + value.ljust(4, b"\0")
    return b"II*\0" + struct.pack("<I", 8) + ifd + struct.pack("<I", next_ifd) + tail


_ORIENT6 = (0x0112, 3, 1, struct.pack("<H", 6))


@pytest.mark.parametrize(
    ("exif", "match"),
    [
        (demo.exif_block(6), "EXIF tag|second image directory"),
        (demo.exif_block(6, thumbnail=False), "EXIF tag"),
        (_tiff([_ORIENT6, (0x010F, 2, 4, b"Cam\0")]), "EXIF tag 0x010F"),
        # GPS IFD pointer to a one-entry GPS directory right after IFD0.
        (
            _tiff(
                [_ORIENT6, (0x8825, 4, 1, struct.pack("<I", 38))], tail=_tiff([(1, 2, 2, b"N")])[8:]
            ),
            "EXIF tag 0x8825",
        ),
        # A thumbnail: IFD0 links to IFD1 holding a JPEG offset.
        (
            _tiff([_ORIENT6], next_ifd=26, tail=_tiff([(0x0201, 4, 1, b"\0\0\0\0")])[8:]),
            "second image directory",
        ),
        (_tiff([_ORIENT6, _ORIENT6]), "repeated"),
        (_tiff([(0x0112, 3, 1, b"\x06\0hi")]), "orientation"),
        (_tiff([_ORIENT6]) + b"PLANTED", "unaccounted"),
        (b"Exif\0\0" + _tiff([_ORIENT6]), "TIFF header"),
    ],
    ids=["planted", "planted-no-thumb", "make", "gps", "thumbnail", "dup", "pad", "tail", "prefix"],
)
def test_png_exif_beyond_orientation_rejected(
    photo: Make, run_scrub: Run, tmp_path: Path, exif: bytes, match: str
) -> None:
    result, data, _ = run_scrub(photo("png", orientation=6), "png")
    assert result.orientation == 6
    start = data.index(b"eXIf") - 4
    (length,) = struct.unpack(">I", data[start : start + 4])
    crafted = data[:start] + _png_chunk(b"eXIf", exif) + data[start + 12 + length :]
    _rejects(tmp_path, crafted, result, match)
    # The same file with the minimal block it had passes.
    assert _verify_bytes(tmp_path, data, result)


def test_png_exif_placement_and_date_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("png", orientation=6), "png")
    start = data.index(b"eXIf") - 4
    exif = data[start : start + 12 + struct.unpack(">I", data[start : start + 4])[0]]
    without = data.replace(exif, b"")
    iend = without.rindex(b"IEND") - 4
    _rejects(tmp_path, without[:iend] + exif + without[iend:], result, "after image data")
    _rejects(tmp_path, data[:start] + exif + data[start:], result, "repeated")
    # With no eXIf at all, the orientation the scrubber reported is missing.
    _rejects(tmp_path, without, result, "orientation")
    dated, dated_data, _ = run_scrub(
        photo("png", orientation=6), "png", ScrubOptions(keep_capture_date=True)
    )
    assert demo.CAPTURE_DATE in dated_data
    assert _verify_bytes(tmp_path, dated_data, dated, keep_capture_date=True)
    _rejects(tmp_path, dated_data, dated, "EXIF tag 0x8769")


def test_png_bad_crc_and_trailer_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("png"), "png")
    _rejects(tmp_path, data + b"PLANTED", result, "after PNG end")
    flipped = bytearray(data)
    flipped[30] ^= 0x01  # inside IHDR's CRC
    _rejects(tmp_path, bytes(flipped), result, "CRC")


def test_png_data_after_deflate_end_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("png", plant=False), "png")
    iend = data.rindex(b"IEND") - 4
    crafted = data[:iend] + _png_chunk(b"IDAT", b"hidden text") + data[iend:]
    _rejects(tmp_path, crafted, result, "deflate")


def test_webp_chunks_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("webp", orientation=6), "webp")
    xmp = b"XMP " + struct.pack("<I", 4) + b"<x/>"
    crafted = bytearray(data + xmp)
    crafted[4:8] = struct.pack("<I", len(crafted) - 8)
    _rejects(tmp_path, bytes(crafted), result, "XMP|not allowed")
    _rejects(tmp_path, data + b"PLANTED!", result, "RIFF size")
    full = b"EXIF" + struct.pack("<I", len(demo.exif_block(6, thumbnail=False)))
    full += demo.exif_block(6, thumbnail=False)
    start = data.index(b"EXIF")
    crafted = bytearray(data[:start] + full)
    crafted[4:8] = struct.pack("<I", len(crafted) - 8)
    _rejects(tmp_path, bytes(crafted), result, "EXIF")


def test_gif_blocks_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("gif", frames=2), "gif")
    flags = data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    comment = b"\x21\xfe\x05hello\x00"
    _rejects(tmp_path, data[:pos] + comment + data[pos:], result, "comment")
    xmp = b"\x21\xff\x0bXMP DataXMP\x03abc\x00"
    _rejects(tmp_path, data[:pos] + xmp + data[pos:], result, "application")
    _rejects(tmp_path, data + b"PLANTED", result, "after GIF trailer")


def test_tiff_extras_rejected(photo: Make, run_scrub: Run, tmp_path: Path) -> None:
    result, data, _ = run_scrub(photo("tiff"), "tiff")
    _rejects(tmp_path, data + b"PLANTED", result, "past its image data")
    # The planted source itself (Artist, XMP, EXIF IFD, a second page) must fail.
    source = demo.photo_bytes("tiff")
    with pytest.raises(ScrubError, match=r"not allowed|more than one"):
        _verify_bytes(tmp_path, source, result)
