"""Recognise image formats from a file's first bytes, never from its name.

Scan and scrub both need to know what a file really is: a `.jpg` that holds
a PNG, or a RAW file renamed to `.jpg`, must be handled by what it contains.
"""

from __future__ import annotations

from typing import Final

#: How many leading bytes `sniff` needs to decide.
HEAD_SIZE: Final = 64

#: Formats Pellicle can scrub and export.
SUPPORTED: Final = frozenset({"jpeg", "png", "webp", "gif", "tiff", "heif", "avif"})

#: File name suffixes that suggest a photo. A file with one of these that is
#: not a supported image is listed as a problem; other unknown files (videos,
#: documents) are simply not photos and are ignored.
PHOTO_SUFFIXES: Final = frozenset(
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".webp", ".gif",
        ".tif", ".tiff", ".heic", ".heif", ".hif", ".avif", ".dng", ".cr2",
        ".cr3", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf", ".rw2",
        ".raf", ".pef", ".srw", ".x3f", ".psd", ".bmp", ".jxl", ".mpo",
        ".ico", ".jp2",
    }
)  # fmt: skip

_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"heif"}
)
_AVIF_BRANDS: Final = frozenset({b"avif", b"avis"})
_CR3_BRANDS: Final = frozenset({b"crx "})


def sniff(head: bytes) -> str | None:
    """Name the format of a file from its first `HEAD_SIZE` bytes.

    Returns one of `SUPPORTED`, or the name of a recognised but unsupported
    format ("raw", "psd", "bmp", "jxl", "jpeg2000", "ico"), or None when the
    bytes are not an image we know.
    """
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        # Most RAW formats (CR2, NEF, ARW, DNG, ...) are TIFF containers;
        # CR2 marks itself at offset 8. Others are told apart by the TIFF
        # scrubber, which refuses files that carry RAW sub-images.
        if head[8:10] == b"CR":
            return "raw"
        return "tiff"
    if head[:4] in (b"IIRO", b"IIU\x00", b"MMOR", b"FUJI") or head.startswith(b"FUJIFILMCCD-RAW"):
        return "raw"
    if head[4:8] == b"ftyp":
        brands = {head[8:12]}
        size = int.from_bytes(head[:4], "big")
        for off in range(16, min(size, len(head)) - 3, 4):
            brands.add(head[off : off + 4])
        if brands & _CR3_BRANDS:
            return "raw"
        if head[8:12] in _AVIF_BRANDS:
            return "avif"
        if head[8:12] in _HEIF_BRANDS:
            return "heif"
        if brands & _AVIF_BRANDS:
            return "avif"
        if brands & _HEIF_BRANDS:
            return "heif"
        return None
    if head.startswith(b"8BPS"):
        return "psd"
    if head.startswith(b"BM") and len(head) >= 18 and head[14] in (12, 40, 52, 56, 64, 108, 124):
        return "bmp"
    if head.startswith(b"\xff\x0a") or head.startswith(b"\x00\x00\x00\x0cJXL \r\n\x87\n"):
        return "jxl"
    if head.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or head.startswith(b"\xff\x4f\xff\x51"):
        return "jpeg2000"
    if head[:4] == b"\x00\x00\x01\x00":
        return "ico"
    return None


def export_suffix(fmt: str) -> str:
    """The file name suffix an exported copy of format `fmt` gets."""
    return {
        "jpeg": ".jpg",
        "png": ".png",
        "webp": ".webp",
        "gif": ".gif",
        "tiff": ".tif",
        "heif": ".jpg",
        "avif": ".jpg",
    }[fmt]
