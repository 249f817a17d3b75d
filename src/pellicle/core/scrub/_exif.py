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


def minimal_tiff(orientation: int, date: bytes | None) -> bytes | None:
    """The smallest EXIF TIFF block holding Orientation (and the date), or None if empty."""
    if orientation == 1 and date is None:
        return None
    if date is None:
        return b"II*\x00" + struct.pack("<IHHHIHHI", 8, 1, 0x0112, 3, 1, orientation, 0, 0)
    # IFD0 at 8: two entries (26 + 4 bytes) -> Exif IFD at 38, date value at 56.
    ifd0 = struct.pack("<H", 2)
    ifd0 += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    ifd0 += struct.pack("<HHII", 0x8769, 4, 1, 38)
    ifd0 += struct.pack("<I", 0)
    exif = struct.pack("<HHHII", 1, 0x9003, 2, 20, 56) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + exif + date + b"\x00"
