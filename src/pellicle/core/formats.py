"""Recognise photo and video formats from a file's content, never from its name.

Scan and scrub both need to know what a file really is: a `.jpg` that holds
a PNG, a RAW file renamed to `.jpg`, or a plain TIFF that a camera's EXIF
makes look like a RAW, must be handled by what it contains. `sniff` decides
from the first bytes; `classify_tiff` looks into a TIFF's directories to
tell a plain TIFF from a TIFF-based RAW (DNG, NEF, ARW, IIQ, ...), so that a
RAW file is never exported as one of its thumbnails or placeholder images.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import Final

from pellicle.core.words import msg

#: How many leading bytes `sniff` needs to decide.
HEAD_SIZE: Final = 64

#: ISO base media files (QuickTime and MPEG-4) Pellicle exports.
VIDEO: Final = frozenset({"mp4", "mov", "m4v", "3gp"})

#: Formats Pellicle can scrub and export.
SUPPORTED: Final = frozenset({"jpeg", "png", "webp", "gif", "tiff", "heif", "avif", "raw"}) | VIDEO

#: File name suffixes that suggest a photo or a video. A file with one of
#: these that is not a supported medium is listed as a problem; other unknown
#: files (documents, audio) are simply not photos and are ignored.
PHOTO_SUFFIXES: Final = frozenset(
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".apng", ".webp", ".gif",
        ".tif", ".tiff", ".heic", ".heif", ".hif", ".avif", ".dng", ".cr2",
        ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf", ".rw2",
        ".raf", ".pef", ".srw", ".x3f", ".mrw", ".iiq", ".3fr", ".erf", ".kdc",
        ".mos", ".rwl", ".psd", ".bmp", ".jxl", ".mpo", ".ico", ".jp2",
        ".mp4", ".mov", ".m4v", ".3gp", ".3g2", ".qt",
    }
)  # fmt: skip

#: What a person reads for a recognised format Pellicle does not export.
_UNSUPPORTED: Final = {
    "psd": msg("core.formats", "Photoshop document: not exported yet"),
    "bmp": msg("core.formats", "BMP image: not exported yet"),
    "jxl": msg("core.formats", "JPEG XL photo: not exported yet"),
    "jpeg2000": msg("core.formats", "JPEG 2000 image: not exported yet"),
    "ico": msg("core.formats", "icon file: not exported yet"),
    "bigtiff": msg("core.formats", "BigTIFF image: not exported yet"),
}

_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"heif"}
)
_AVIF_BRANDS: Final = frozenset({b"avif", b"avis"})
_CR3_BRANDS: Final = frozenset({b"crx "})
# Brands of audio-only MPEG-4 files: music and voice memos are not photos.
_AUDIO_BRANDS: Final = frozenset({b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "})
_MOV_BRANDS: Final = frozenset({b"qt  "})
_M4V_BRANDS: Final = frozenset({b"M4V ", b"M4VH", b"M4VP"})
_MP4_BRANDS: Final = frozenset(
    {
        b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"iso7", b"iso8",
        b"iso9", b"mp41", b"mp42", b"avc1", b"mp71", b"MSNV", b"XAVC", b"NDAS",
        b"hvc1", b"av01", b"dby1", b"CAEP", b"niko", b"FACE", b"MP4 ",
    }
)  # fmt: skip
# Old QuickTime files have no ftyp: they start with one of these atoms.
_QT_FIRST_ATOMS: Final = frozenset({b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"})


def _video_brand(brand: bytes) -> str | None:
    if brand in _MOV_BRANDS:
        return "mov"
    if brand in _M4V_BRANDS:
        return "m4v"
    if brand[:3] in (b"3gp", b"3g2", b"3ge", b"3gg"):
        return "3gp"
    if brand in _MP4_BRANDS:
        return "mp4"
    return None


def sniff(head: bytes) -> str | None:
    """Name the format of a file from its first `HEAD_SIZE` bytes.

    Returns one of `SUPPORTED`, or the name of a recognised but unsupported
    format (a key of `_UNSUPPORTED`), or None when the bytes are not a
    medium we know. "tiff" is provisional: `classify_tiff` tells RAW apart.
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
        # Most RAW formats (CR2, NEF, ARW, DNG, IIQ, ...) are TIFF containers.
        # CR2 marks itself at offset 8, Phase One IIQ with IIII/MMMM there;
        # the others are told apart by classify_tiff.
        if head[8:10] == b"CR" or head[8:12] in (b"IIII", b"MMMM"):
            return "raw"
        return "tiff"
    if head[:4] in (b"II+\x00", b"MM\x00+"):
        return "bigtiff"
    if (
        head[:4] in (b"IIRO", b"IIRS", b"IIU\x00", b"MMOR", b"FOVb", b"\x00MRM")
        or head.startswith(b"FUJIFILMCCD-RAW")
        or head[6:14] == b"HEAPCCDR"  # Canon CRW (CIFF)
    ):
        return "raw"
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    first_size = int.from_bytes(head[:4], "big")
    if head[4:8] in _QT_FIRST_ATOMS and (first_size in (0, 1) or first_size >= 8):
        return "mov"
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


def _sniff_ftyp(head: bytes) -> str | None:
    major = head[8:12]
    brands = {major}
    size = int.from_bytes(head[:4], "big")
    for off in range(16, min(size, len(head)) - 3, 4):
        brands.add(head[off : off + 4])
    if brands & _CR3_BRANDS:
        return "raw"
    if major in _AVIF_BRANDS:
        return "avif"
    if major in _HEIF_BRANDS:
        return "heif"
    if major in _AUDIO_BRANDS:
        return None
    video = _video_brand(major)
    if video is not None:
        return video
    if brands & _AVIF_BRANDS:
        return "avif"
    if brands & _HEIF_BRANDS:
        return "heif"
    for brand in sorted(brands):
        video = _video_brand(brand)
        if video is not None:
            return "mp4" if video == "mov" else video
    return None


def unsupported_reason(fmt: str) -> str:
    """One plain sentence saying why a recognised file is not exported."""
    known = _UNSUPPORTED.get(fmt)
    if known is not None:
        return known
    return msg("core.formats", "{format} file: not exported yet").format(format=fmt)


# --- TIFF or RAW ------------------------------------------------------------

#: Reads exactly n bytes at an offset (fewer only at the end of the file).
Reader = Callable[[int, int], bytes]

_TAG_SUBFILE: Final = 254
_TAG_WIDTH: Final = 256
_TAG_HEIGHT: Final = 257
_TAG_COMPRESSION: Final = 259
_TAG_PHOTOMETRIC: Final = 262
_TAG_SUBIFDS: Final = 330
_TAG_EXIF: Final = 34665
# DNGVersion, DNGPrivateData, Sony's SR2 private IFD and raw file type,
# Canon's CR2 slices, Kodak's IFD.
_RAW_TAGS: Final = frozenset({50706, 50740, 0x7000, 0x7010, 0xC5D8, 0xC640, 0x8290})
# Colour filter array and linear raw: sensor data, not an image.
_RAW_PHOTOMETRIC: Final = frozenset({32803, 34892})
# Vendor compressions that only RAW files use (Sony, Nikon, Pentax, Kodak,
# Panasonic, Samsung, Sony's ARW 2); plain TIFF readers cannot decode them.
_RAW_COMPRESSIONS: Final = frozenset({32767, 32769, 32770, 32867, 34713, 34316, 65000, 65535})
# A first image this small next to a larger one is a placeholder.
_PLACEHOLDER_PIXELS: Final = 64
_MAX_IFDS: Final = 32
_MAX_ENTRIES: Final = 4096


def classify_tiff(read: Reader) -> str:
    """ "raw" when a classic TIFF is really a camera RAW, else "tiff".

    Walks IFD0, the chain of following IFDs and their SubIFDs (bounded, so
    a hostile file cannot loop). A RAW carries sensor data somewhere in that
    tree (CFA or linear-raw photometric, a DNG or vendor RAW tag, a vendor
    RAW compression), or shows a reduced-size or placeholder first image
    beside a larger one. A camera's EXIF block or a thumbnail SubIFD (as
    GIMP writes them) does not make a TIFF a RAW.
    """
    head = read(0, 8)
    if len(head) < 8:
        return "tiff"
    e = "<" if head[:2] == b"II" else ">"
    (first,) = struct.unpack(f"{e}I", head[4:8])
    seen: set[int] = set()
    todo: list[tuple[int, bool]] = [(first, True)]
    sizes: list[int] = []
    ifd0_pixels: int | None = None
    ifd0_reduced = False
    while todo and len(seen) < _MAX_IFDS:
        off, chained = todo.pop(0)
        if off == 0 or off in seen:
            continue
        seen.add(off)
        entries, nxt = _ifd(read, off, e)
        if entries is None:
            break
        if _RAW_TAGS & entries.keys():
            return "raw"
        if entries.get(_TAG_PHOTOMETRIC, (0,))[0] in _RAW_PHOTOMETRIC:
            return "raw"
        if entries.get(_TAG_COMPRESSION, (1,))[0] in _RAW_COMPRESSIONS:
            return "raw"
        pixels = entries.get(_TAG_WIDTH, (0,))[0] * entries.get(_TAG_HEIGHT, (0,))[0]
        reduced = bool(entries.get(_TAG_SUBFILE, (0,))[0] & 1)
        if ifd0_pixels is None:
            ifd0_pixels, ifd0_reduced = pixels, reduced
        else:
            sizes.append(pixels)
        for sub in entries.get(_TAG_SUBIFDS, ())[:16]:
            todo.append((sub, False))
        if chained:
            todo.append((nxt, True))
    if ifd0_pixels is not None and sizes and max(sizes) > ifd0_pixels:
        if ifd0_reduced or ifd0_pixels <= _PLACEHOLDER_PIXELS:
            return "raw"
    return "tiff"


def _ifd(read: Reader, off: int, e: str) -> tuple[dict[int, tuple[int, ...]] | None, int]:
    """The integer tags of one IFD (first 16 values each) and the next IFD's offset."""
    raw = read(off, 2)
    if len(raw) < 2:
        return None, 0
    (n,) = struct.unpack(f"{e}H", raw)
    if n == 0 or n > _MAX_ENTRIES:
        return None, 0
    body = read(off + 2, 12 * n + 4)
    if len(body) < 12 * n + 4:
        return None, 0
    entries: dict[int, tuple[int, ...]] = {}
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", body, 12 * i)
        entries[tag] = ()
        width = {3: 2, 4: 4, 13: 4}.get(typ)
        if width is None or count == 0:
            continue
        count = min(count, 16)
        if width * count <= 4:
            data = body[12 * i + 8 : 12 * i + 8 + width * count]
        else:
            (voff,) = struct.unpack_from(f"{e}I", body, 12 * i + 8)
            data = read(voff, width * count)
            if len(data) < width * count:
                continue
        code = "H" if width == 2 else "I"
        entries[tag] = struct.unpack(f"{e}{count}{code}", data)
    (nxt,) = struct.unpack_from(f"{e}I", body, 12 * n)
    return entries, nxt


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
        "raw": ".jpg",
        "mp4": ".mp4",
        "mov": ".mov",
        "m4v": ".m4v",
        "3gp": ".3gp",
    }[fmt]
