"""Read the two EXIF values Pellicle may keep, and write the minimal EXIF that holds them.

Only Orientation (always) and DateTimeOriginal (when the export profile asks)
survive; everything else in EXIF identifies the person, the place or the
camera. Reading is tolerant (a broken EXIF block just yields nothing kept);
writing produces the smallest valid structure, little-endian.
"""

from __future__ import annotations

import re
import struct
from typing import Final

_DATE: Final = re.compile(rb"\d{4}:\d\d:\d\d \d\d:\d\d:\d\d")
_TYPE_SIZE: Final = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}


def _ifd_entries(tiff: bytes, off: int, e: str) -> dict[int, tuple[int, int, bytes]]:
    """Tag -> (type, count, value bytes) for one IFD; empty when malformed."""
    if off < 8 or off + 2 > len(tiff):
        return {}
    (n,) = struct.unpack_from(f"{e}H", tiff, off)
    if off + 2 + 12 * n > len(tiff):
        return {}
    out: dict[int, tuple[int, int, bytes]] = {}
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", tiff, off + 2 + 12 * i)
        size = _TYPE_SIZE.get(typ, 0) * count
        if size == 0 or size > 1 << 16:
            continue
        voff = off + 2 + 12 * i + 8
        if size > 4:
            (voff,) = struct.unpack_from(f"{e}I", tiff, voff)
        if voff + size > len(tiff):
            continue
        out[tag] = (typ, count, tiff[voff : voff + size])
    return out


def read_kept(tiff: bytes) -> tuple[int, bytes | None]:
    """(Orientation 1-8, DateTimeOriginal or None) from a TIFF-structured EXIF block."""
    if len(tiff) < 8 or tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return 1, None
    e = "<" if tiff[:2] == b"II" else ">"
    (ifd0,) = struct.unpack_from(f"{e}I", tiff, 4)
    entries = _ifd_entries(tiff, ifd0, e)
    orientation = 1
    if 0x0112 in entries:
        typ, count, raw = entries[0x0112]
        if typ == 3 and count >= 1:
            (value,) = struct.unpack_from(f"{e}H", raw)
            if 1 <= value <= 8:
                orientation = value
    date: bytes | None = None
    if 0x8769 in entries:
        typ, count, raw = entries[0x8769]
        if typ in (4, 13) and count == 1:
            (sub,) = struct.unpack_from(f"{e}I", raw)
            sub_entries = _ifd_entries(tiff, sub, e)
            if 0x9003 in sub_entries:
                typ, _, raw = sub_entries[0x9003]
                # Only a well-formed date is kept: the field must not become
                # a carrier for arbitrary text.
                if typ == 2:
                    date = valid_date(raw)
    return orientation, date


def valid_date(raw: bytes) -> bytes | None:
    """The 19-character EXIF date at the start of `raw`, if well formed."""
    return raw[:19] if _DATE.fullmatch(raw[:19]) else None


#: The IFD0 tags `exiftool -validate` requires in a JPEG's EXIF, with the values
#: the EXIF standard gives them when absent (72 pixels per inch, centred chroma
#: samples): writing them changes no reader's view of the file and identifies
#: nothing, and the gate accepts exactly these values.
JPEG_IFD0_DEFAULTS: Final = (
    (0x011A, 5, (72, 1)),  # XResolution
    (0x011B, 5, (72, 1)),  # YResolution
    (0x0128, 3, 2),  # ResolutionUnit: inches
    (0x0213, 3, 1),  # YCbCrPositioning: centred
)


def minimal_tiff(orientation: int, date: bytes | None, *, jpeg: bool = False) -> bytes | None:
    """The smallest EXIF TIFF block holding Orientation (and the date), or None if empty.

    With `jpeg`, IFD0 also holds `JPEG_IFD0_DEFAULTS`, which the EXIF
    standard requires of a JPEG's EXIF.
    """
    if orientation == 1 and date is None:
        return None
    entries: list[tuple[int, int, int | tuple[int, int]]] = [(0x0112, 3, orientation)]
    if jpeg:
        entries += JPEG_IFD0_DEFAULTS
    if date is not None:
        entries.append((0x8769, 4, 0))  # offset filled in below
    # Layout: header, IFD0, its out-of-line rationals, then the Exif IFD and the date.
    rationals_at = 8 + 2 + 12 * len(entries) + 4
    exif_at = rationals_at + 8 * sum(1 for _, typ, _ in entries if typ == 5)
    ifd0 = struct.pack("<H", len(entries))
    tail = b""
    for tag, typ, value in entries:
        if typ == 5:
            assert isinstance(value, tuple)
            ifd0 += struct.pack("<HHII", tag, typ, 1, rationals_at + len(tail))
            tail += struct.pack("<II", *value)
        elif typ == 4:
            ifd0 += struct.pack("<HHII", tag, typ, 1, exif_at)
        else:
            ifd0 += struct.pack("<HHIHH", tag, typ, 1, value, 0)
    ifd0 += struct.pack("<I", 0)
    block = b"II*\x00" + struct.pack("<I", 8) + ifd0 + tail
    if date is not None:
        # One entry (18 bytes), then the 20-byte date value.
        block += struct.pack("<HHHII", 1, 0x9003, 2, 20, exif_at + 18) + struct.pack("<I", 0)
        block += date + b"\x00"
    return block
