"""What a camera RAW carries about its owner, read for the inspector.

A RAW keeps everything the camera knows: make, model, the body's and the
lens's serial numbers, the owner's name, GPS, dates and a MakerNote. Pillow
does not read most RAW containers, so this module reads their EXIF itself:
TIFF-based RAWs (DNG, CR2, NEF, ARW, PEF, ORF, RW2, IIQ, ...) directly, a
Canon CR3's CMT boxes and a Fujifilm RAF's embedded JPEG. It returns plain
tag values; `inspect` names them for a person.

Files are hostile: reads are positional and bounded, IFD entry counts and
value sizes are capped, and each directory is read at most once (no loops).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from pellicle.core.words import msg, os_error

#: Tags kept from IFD0 (camera strings, DNG serial and names, XMP).
IFD0_TAGS: Final = frozenset(
    {0x010E, 0x010F, 0x0110, 0x0131, 0x0132, 0x013B, 0x8298, 0xC614, 0xC615, 0xC62F, 0xC68B}
)
#: Tags kept from the Exif IFD (dates, owner, serials, lens, comments).
EXIF_TAGS: Final = frozenset(
    {0x9003, 0x9004, 0x9011, 0x9286, 0xA420, 0xA430, 0xA431, 0xA432, 0xA433, 0xA434, 0xA435}
)
_MAKER_NOTE: Final = 0x927C
_EXIF_IFD: Final = 0x8769
_GPS_IFD: Final = 0x8825
_XMP: Final = 0x02BC
_MAX_ENTRIES: Final = 1024
_MAX_VALUE: Final = 1 << 16
_MAX_XMP: Final = 1 << 20
_MAX_MOOV: Final = 16 << 20
_CANON_UUID: Final = bytes.fromhex("85C0B687820F11E08111F4CE462B6A48")
# TIFF field types: size of one value.
_SIZES: Final = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}

Value = str | int | float | bytes | tuple[int | float, ...]
Reader = Callable[[int, int], bytes]


@dataclass
class RawTags:
    ifd0: dict[int, Value] = field(default_factory=dict)
    exif: dict[int, Value] = field(default_factory=dict)
    gps: dict[int, Value] = field(default_factory=dict)
    #: Size of the vendor MakerNote, in bytes (0 when there is none).
    maker_note: int = 0
    xmp: bytes = b""
    #: Why reading stopped early, if it did.
    error: str | None = None


def read_raw(fd: int) -> RawTags:
    """The identifying EXIF of the RAW behind `fd`; never raises for a bad file."""
    tags = RawTags()
    size = os.fstat(fd).st_size

    def from_file(off: int, n: int) -> bytes:
        if off < 0 or n < 0 or off >= size:
            return b""
        return os.pread(fd, min(n, size - off), off)

    try:
        head = from_file(0, 128)
        if head.startswith(b"FUJIFILMCCD-RAW"):
            tiff = _raf_exif(from_file, head)
            if tiff:
                _tiff(_memory(tiff), tags, ifd0=True)
        elif head[4:8] == b"ftyp":
            _cr3(from_file, size, tags)
        else:
            _tiff(from_file, tags, ifd0=True)
    except OSError as exc:
        tags.error = msg("core.inspect", "cannot read: {error}").format(
            error=os_error(exc) if exc.strerror else msg("core.oserror", "input/output error")
        )
    except (ValueError, struct.error, IndexError, OverflowError):
        tags.error = msg("core.inspect", "damaged RAW: its camera metadata could not be read")
    return tags


def _memory(data: bytes) -> Reader:
    return lambda off, n: data[off : off + n] if off >= 0 else b""


def _tiff(read: Reader, tags: RawTags, *, ifd0: bool, into: str = "ifd0") -> None:
    """IFD0 of a TIFF (or of a CR3 CMT box) and the Exif and GPS IFDs it points to."""
    head = read(0, 8)
    if len(head) < 8 or head[:2] not in (b"II", b"MM"):
        tags.error = tags.error or msg(
            "core.inspect", "this kind of RAW's metadata is not read yet"
        )
        return
    e = "<" if head[:2] == b"II" else ">"
    first = struct.unpack_from(f"{e}I", head, 4)[0]
    seen: set[int] = set()
    entries = _ifd(read, first, e, seen)
    if not entries:
        tags.error = tags.error or msg("core.inspect", "no readable camera metadata")
        return
    target = {"ifd0": tags.ifd0, "exif": tags.exif, "gps": tags.gps}[into]
    wanted = {"ifd0": IFD0_TAGS, "exif": EXIF_TAGS, "gps": None}[into]
    _keep(entries, target, wanted, tags)
    if not ifd0:
        return
    exif_at = entries.get(_EXIF_IFD)
    if isinstance(exif_at, int):
        _keep(_ifd(read, exif_at, e, seen), tags.exif, EXIF_TAGS, tags)
    gps_at = entries.get(_GPS_IFD)
    if isinstance(gps_at, int):
        _keep(_ifd(read, gps_at, e, seen), tags.gps, None, tags)


def _keep(
    entries: dict[int, Value], into: dict[int, Value], wanted: frozenset[int] | None, tags: RawTags
) -> None:
    for tag, value in entries.items():
        if tag == _MAKER_NOTE:
            tags.maker_note = value if isinstance(value, int) else 0
        elif tag == _XMP and isinstance(value, bytes):
            tags.xmp = tags.xmp or value
        elif wanted is None or tag in wanted:
            into[tag] = value


def _ifd(read: Reader, off: int, e: str, seen: set[int]) -> dict[int, Value]:
    if off <= 0 or off in seen:
        return {}
    seen.add(off)
    raw = read(off, 2)
    if len(raw) < 2:
        return {}
    count = struct.unpack(f"{e}H", raw)[0]
    if count == 0 or count > _MAX_ENTRIES:
        return {}
    table = read(off + 2, 12 * count)
    out: dict[int, Value] = {}
    for i in range(len(table) // 12):
        tag, kind, n, inline = struct.unpack_from(f"{e}HHI4s", table, 12 * i)
        unit = _SIZES.get(kind)
        if unit is None:
            continue
        length = unit * n
        if tag == _MAKER_NOTE:
            out[tag] = length  # only its size is shown
            continue
        if tag in (_EXIF_IFD, _GPS_IFD) and kind in (4, 13) and n >= 1:
            out[tag] = struct.unpack(f"{e}I", inline)[0]
            continue
        limit = _MAX_XMP if tag == _XMP else _MAX_VALUE
        if length > limit:
            continue
        data = inline[:length] if length <= 4 else read(struct.unpack(f"{e}I", inline)[0], length)
        if len(data) < length:
            continue
        out[tag] = _value(kind, n, data, e)
    return out


def _value(kind: int, n: int, data: bytes, e: str) -> Value:
    if kind == 2:
        return data.split(b"\x00", 1)[0].decode("utf-8", "replace").strip()
    if kind in (1, 6, 7):
        return data
    if kind in (5, 10):
        code = "I" if kind == 5 else "i"
        pairs = struct.unpack(f"{e}{2 * n}{code}", data)
        values: tuple[int | float, ...] = tuple(
            top / bottom if bottom else float("nan")
            for top, bottom in zip(pairs[::2], pairs[1::2], strict=True)
        )
    else:
        code = {3: "H", 4: "I", 8: "h", 9: "i", 11: "f", 12: "d"}[kind]
        values = struct.unpack(f"{e}{n}{code}", data)
    return values[0] if len(values) == 1 else values


def _raf_exif(read: Reader, head: bytes) -> bytes:
    """The TIFF inside the EXIF segment of a RAF's embedded JPEG."""
    if len(head) < 92:
        return b""
    jpeg_at, jpeg_len = struct.unpack_from(">II", head, 84)
    pos = jpeg_at + 2
    if read(jpeg_at, 2) != b"\xff\xd8":
        return b""
    for _ in range(32):
        marker = read(pos, 4)
        if len(marker) < 4 or marker[0] != 0xFF or marker[1] in (0xDA, 0xD9):
            return b""
        length = struct.unpack_from(">H", marker, 2)[0]
        if marker[1] == 0xE1:
            body = read(pos + 4, length - 2)
            if body.startswith(b"Exif\x00\x00"):
                return body[6:]
        pos += 2 + length
        if pos > jpeg_at + jpeg_len:
            return b""
    return b""


def _cr3(read: Reader, size: int, tags: RawTags) -> None:
    """Canon CR3: moov/uuid(Canon)/CMT1 (IFD0), CMT2 (Exif), CMT4 (GPS)."""
    pos = 0
    for _ in range(1000):
        head = read(pos, 16)
        if len(head) < 8:
            break
        length, kind = struct.unpack_from(">I4s", head)
        header = 8
        if length == 1 and len(head) == 16:
            length, header = struct.unpack_from(">Q", head, 8)[0], 16
        if length < header or pos + length > size:
            break
        if kind == b"moov" and length - header <= _MAX_MOOV:
            moov = read(pos + header, length - header)
            for uuid_body in _children(moov, b"uuid"):
                if uuid_body[:16] == _CANON_UUID:
                    inner = uuid_body[16:]
                    for name, into in ((b"CMT1", "ifd0"), (b"CMT2", "exif"), (b"CMT4", "gps")):
                        for cmt in _children(inner, name):
                            _tiff(_memory(cmt), tags, ifd0=False, into=into)
            return
        pos += length
    tags.error = tags.error or msg("core.inspect", "no Canon metadata found")


def _children(buf: bytes, wanted: bytes) -> list[bytes]:
    out = []
    pos = 0
    while len(buf) - pos >= 8:
        length, kind = struct.unpack_from(">I4s", buf, pos)
        if length < 8 or pos + length > len(buf):
            break
        if kind == wanted:
            out.append(buf[pos + 8 : pos + length])
        pos += length
    return out
