"""Format detection from content: videos, RAW told apart from plain TIFF, and the
reasons given for formats Pellicle recognises but does not export."""

from __future__ import annotations

import struct

import pytest

from pellicle.core.formats import (
    SUPPORTED,
    VIDEO,
    classify_tiff,
    export_suffix,
    sniff,
    unsupported_reason,
)
from tiff_builder import TiffBuilder, image_entries


def _classify(data: bytes) -> str:
    fmt = sniff(data[:64])
    if fmt == "tiff":
        return classify_tiff(lambda off, n: data[off : off + n])
    assert fmt is not None
    return fmt


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + b"\x00\x00\x02\x00" + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00" * 32


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (_ftyp(b"qt  ", b"qt  "), "mov"),
        (_ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41"), "mp4"),
        (_ftyp(b"mp42", b"isom"), "mp4"),
        (_ftyp(b"M4V ", b"M4V ", b"mp42"), "m4v"),
        (_ftyp(b"3gp4", b"3gp4"), "3gp"),
        (_ftyp(b"3g2a"), "3gp"),
        (_ftyp(b"XXXX", b"isom"), "mp4"),
        (_ftyp(b"heic", b"mif1", b"heic"), "heif"),
        (_ftyp(b"avif", b"mif1"), "avif"),
        (_ftyp(b"crx ", b"crx ", b"isom"), "raw"),
        (_ftyp(b"M4A ", b"isom"), None),  # music is not a photo
        (_ftyp(b"XXXX", b"YYYY"), None),
        (b"\x00\x00\x00\x08wide\x00\x00\x10\x00mdat" + b"\x00" * 48, "mov"),
        (b"\x00\x00\x01\x00moov" + b"\x00" * 56, "mov"),
        (b"II+\x00\x08\x00\x00\x00" + b"\x00" * 56, "bigtiff"),
        (b"MM\x00+\x00\x08\x00\x00" + b"\x00" * 56, "bigtiff"),
        (b"II\x1a\x00\x00\x00HEAPCCDR" + b"\x00" * 50, "raw"),  # Canon CRW
        (b"\x00MRM\x00\x00\x00\x10" + b"\x00" * 56, "raw"),  # Minolta MRW
        (b"FOVb" + b"\x00" * 60, "raw"),  # Sigma X3F
        (b"FUJIFILMCCD-RAW 0201" + b"\x00" * 44, "raw"),
        (b"IIU\x00\x08\x00\x00\x00" + b"\x00" * 56, "raw"),  # Panasonic RW2
        (b"IIRO\x08\x00\x00\x00" + b"\x00" * 56, "raw"),  # Olympus ORF
        (b"II*\x00\x10\x00\x00\x00CR\x02\x00" + b"\x00" * 52, "raw"),  # Canon CR2
        (b"II*\x00\x08\x00\x00\x00IIII" + b"\x00" * 52, "raw"),  # Phase One IIQ
        (b"MM\x00*\x00\x00\x00\x08MMMM" + b"\x00" * 52, "raw"),
        (b"\xff\x0a" + b"\x00" * 62, "jxl"),
        (b"8BPS" + b"\x00" * 60, "psd"),
        (b"just some text in a file" + b"\x00" * 40, None),
    ],
)
def test_sniff(head: bytes, fmt: str | None) -> None:
    assert sniff(head[:64]) == fmt


def test_every_supported_format_has_an_export_suffix() -> None:
    for fmt in SUPPORTED:
        assert export_suffix(fmt).startswith(".")
    assert {export_suffix(f) for f in VIDEO} == {".mp4", ".mov", ".m4v", ".3gp"}
    assert export_suffix("raw") == ".jpg"


@pytest.mark.parametrize("fmt", ["psd", "jxl", "bigtiff", "bmp", "jpeg2000", "ico"])
def test_unsupported_reasons_are_plain_sentences(fmt: str) -> None:
    reason = unsupported_reason(fmt)
    assert reason.endswith("not exported yet")
    assert fmt not in SUPPORTED


def _gimp_like_tiff(little: bool = True) -> bytes:
    """A plain TIFF as GIMP writes one from a camera JPEG: the camera's Make
    and EXIF in IFD0, a reduced-size thumbnail in a SubIFD."""
    b = TiffBuilder(little)
    thumb = b.ifd(image_entries(b, 16, 12, subfile=1))
    exif = b.ifd([(0x927C, 7, b"Canon makernote here"), (0x9003, 2, b"2024:01:02 03:04:05\x00")])
    entries = [
        *image_entries(b, 64, 48, compression=5),
        (271, 2, b"Canon\x00"),
        (272, 2, b"Canon EOS 5D Mark IV\x00"),
        (330, 4, [thumb]),
        (34665, 4, [exif]),
    ]
    return b.finish(b.ifd(entries))


def test_gimp_tiff_with_camera_exif_and_thumbnail_is_a_tiff() -> None:
    assert _classify(_gimp_like_tiff()) == "tiff"
    assert _classify(_gimp_like_tiff(little=False)) == "tiff"


def test_dng_is_raw() -> None:
    b = TiffBuilder()
    entries = [*image_entries(b, 32, 32), (50706, 1, b"\x01\x04\x00\x00")]
    assert _classify(b.finish(b.ifd(entries))) == "raw"


def test_nef_like_thumbnail_first_with_cfa_subifd_is_raw() -> None:
    b = TiffBuilder(little=False)
    cfa = b.ifd(image_entries(b, 64, 48, rgb=False, photometric=32803, bits=16))
    entries = [
        *image_entries(b, 16, 12, subfile=1),
        (271, 2, b"NIKON CORPORATION\x00"),
        (330, 4, [cfa]),
    ]
    assert _classify(b.finish(b.ifd(entries))) == "raw"


def test_vendor_compression_is_raw() -> None:
    b = TiffBuilder()
    raw = b.ifd(image_entries(b, 64, 48, rgb=False, compression=32767))
    entries = [*image_entries(b, 16, 12, subfile=1), (330, 4, [raw])]
    assert _classify(b.finish(b.ifd(entries))) == "raw"


def test_placeholder_first_image_is_raw() -> None:
    """Phase One IIQ style: a 1x1 first image and the real one elsewhere."""
    b = TiffBuilder()
    big = b.ifd(image_entries(b, 64, 48, rgb=False, bits=16))
    assert _classify(b.finish(b.ifd(image_entries(b, 1, 1), next_ifd=big))) == "raw"
    b = TiffBuilder()
    big = b.ifd(image_entries(b, 64, 48))
    entries = [*image_entries(b, 1, 1), (330, 4, [big])]
    assert _classify(b.finish(b.ifd(entries))) == "raw"


def test_reduced_first_image_beside_a_larger_one_is_raw() -> None:
    b = TiffBuilder()
    big = b.ifd(image_entries(b, 64, 48))
    assert _classify(b.finish(b.ifd(image_entries(b, 16, 12, subfile=1), next_ifd=big))) == "raw"


def test_multipage_tiff_is_a_tiff() -> None:
    b = TiffBuilder()
    page2 = b.ifd(image_entries(b, 80, 60, subfile=2))
    assert _classify(b.finish(b.ifd(image_entries(b, 64, 48), next_ifd=page2))) == "tiff"


def test_hostile_ifd_trees_end() -> None:
    b = TiffBuilder()
    # IFD0 whose next-IFD and SubIFDs point back at itself, and past the end.
    entries = image_entries(b, 8, 8)
    off = b.ifd([*entries, (330, 4, [4294967040, 8, 0])], next_ifd=0)
    data = bytearray(b.finish(off))
    struct.pack_into("<I", data, len(data) - 4, off)  # next IFD: itself
    assert _classify(bytes(data)) == "tiff"
    assert _classify(b"II*\x00\xff\xff\xff\x00" + b"\x00" * 56) == "tiff"
    assert _classify(b"II*\x00\x08\x00\x00\x00\xff\xff" + b"\x00" * 54) == "tiff"
