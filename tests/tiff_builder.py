"""Write small classic TIFF files by hand: plain TIFFs, DNGs and RAW look-alikes.

Tests need TIFF trees that Pillow will not write (SubIFDs, CFA sensor data,
DNG tags, a placeholder first image), so this builds them byte by byte.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

# (tag, type, values): values are bytes for BYTE/ASCII/UNDEFINED, a list of
# ints for SHORT/LONG, a list of (num, den) for (S)RATIONAL. A value of the
# form ("ifd", n) or ("sub", [n, ...]) names IFDs built earlier by index.
Entry = tuple[int, int, object]
_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8, 13: 4}


@dataclass
class TiffBuilder:
    little: bool = True
    buf: bytearray = field(default_factory=lambda: bytearray(8))

    @property
    def e(self) -> str:
        return "<" if self.little else ">"

    def blob(self, data: bytes) -> int:
        if len(self.buf) & 1:
            self.buf += b"\x00"
        off = len(self.buf)
        self.buf += data
        return off

    def _pack(self, typ: int, values: object) -> tuple[int, bytes]:
        e = self.e
        if isinstance(values, bytes | bytearray):
            return len(values), bytes(values)
        assert isinstance(values, Sequence)
        if typ == 3:
            return len(values), struct.pack(f"{e}{len(values)}H", *values)
        if typ in (4, 13):
            return len(values), struct.pack(f"{e}{len(values)}I", *values)
        if typ in (5, 10):
            code = "I" if typ == 5 else "i"
            flat = [v for pair in values for v in pair]
            return len(values), struct.pack(f"{e}{len(flat)}{code}", *flat)
        raise ValueError(typ)

    def ifd(self, entries: Sequence[Entry], next_ifd: int = 0) -> int:
        """Write one IFD (values first); return its offset."""
        packed = []
        for tag, typ, values in sorted(entries, key=lambda en: en[0]):
            count, data = self._pack(typ, values)
            if len(data) > 4:
                packed.append((tag, typ, count, struct.pack(f"{self.e}I", self.blob(data))))
            else:
                packed.append((tag, typ, count, data.ljust(4, b"\x00")))
        body = struct.pack(f"{self.e}H", len(packed))
        for tag, typ, count, data in packed:
            body += struct.pack(f"{self.e}HHI", tag, typ, count) + data
        body += struct.pack(f"{self.e}I", next_ifd)
        return self.blob(body)

    def finish(self, ifd0: int, magic_at_8: bytes = b"") -> bytes:
        head = (b"II*\x00" if self.little else b"MM\x00*") + struct.pack(f"{self.e}I", ifd0)
        self.buf[:8] = head
        if magic_at_8:
            self.buf[8 : 8 + len(magic_at_8)] = magic_at_8
        return bytes(self.buf)


def image_entries(
    b: TiffBuilder,
    width: int,
    height: int,
    *,
    subfile: int = 0,
    rgb: bool = True,
    photometric: int | None = None,
    bits: int = 8,
    compression: int = 1,
    data: bytes | None = None,
) -> list[Entry]:
    """Structure tags and strip data for an uncompressed image."""
    spp = 3 if rgb else 1
    if data is None:
        data = bytes((i * 7) & 0xFF for i in range(width * height * spp * bits // 8))
    strip = b.blob(data)
    return [
        (254, 4, [subfile]),
        (256, 4, [width]),
        (257, 4, [height]),
        (258, 3, [bits] * spp),
        (259, 3, [compression]),
        (262, 3, [photometric if photometric is not None else (2 if rgb else 1)]),
        (273, 4, [strip]),
        (277, 3, [spp]),
        (278, 4, [height]),
        (279, 4, [len(data)]),
        (284, 3, [1]),
    ]  # fmt: skip


def make_dng(
    *,
    raw_size: tuple[int, int] = (64, 48),
    preview_size: tuple[int, int] | None = (2000, 1500),
    orientation: int = 1,
    planted: tuple[bytes, ...] = (),
    little: bool = True,
    lens: bytes = b"",
    gps: bool = False,
) -> bytes:
    """A DNG LibRaw opens: a small RGB thumbnail in IFD0, a 12-bit Bayer CFA
    in a SubIFD, optionally a full-size JPEG preview in another, camera
    strings and an EXIF IFD (each `planted` string lands in a tag), and on
    request a lens model and a GPS IFD (48.8582 N, 2.2945 E)."""
    import io

    from PIL import Image

    b = TiffBuilder(little)
    e = b.e
    w, h = raw_size
    # A smooth gradient in a RGGB pattern, 12-bit.
    cfa = bytearray()
    for y in range(h):
        for x in range(w):
            base = 400 + (3000 * x) // max(1, w - 1)
            green = (x + y) % 2 == 1
            cfa += struct.pack(f"{e}H", base // 2 if not green else base)
    raw_ifd = b.ifd(
        [
            *image_entries(b, w, h, rgb=False, photometric=32803, bits=16, data=bytes(cfa)),
            (33421, 3, [2, 2]),
            (33422, 1, b"\x00\x01\x01\x02"),
            (50717, 4, [4095]),
        ]
    )
    subs = [raw_ifd]
    if preview_size is not None:
        buf = io.BytesIO()
        Image.new("RGB", preview_size, (200, 120, 40)).save(buf, "JPEG", quality=80)
        jpeg = buf.getvalue()
        pw, ph = preview_size
        subs.append(
            b.ifd(
                [
                    *image_entries(b, pw, ph, subfile=1, photometric=6, compression=7, data=jpeg),
                ]
            )
        )
    strings = list(planted) + [b""] * 4
    exif = b.ifd(
        [
            (0x9003, 2, b"2020:03:04 05:06:07\x00"),
            (0xA431, 2, (strings[2] or b"SERIAL") + b"\x00"),
            (0x927C, 7, strings[3] or b"makernote"),
            *([(0xA434, 2, lens + b"\x00")] if lens else []),
        ]
    )
    entries = [
        *image_entries(b, 16, 12, subfile=1),
        (271, 2, (strings[0] or b"Make") + b"\x00"),
        (272, 2, (strings[1] or b"Model") + b"\x00"),
        (274, 3, [orientation]),
        (330, 4, subs),
        (34665, 4, [exif]),
        (50706, 1, b"\x01\x04\x00\x00"),
        (50707, 1, b"\x01\x01\x00\x00"),
        (50708, 2, b"Planted Camera\x00"),
        (50721, 10, [(1, 1), (0, 1), (0, 1), (0, 1), (1, 1), (0, 1), (0, 1), (0, 1), (1, 1)]),
        (50728, 5, [(1, 2), (1, 1), (1, 2)]),
        (50778, 3, [21]),
    ]
    if gps:
        where = b.ifd(
            [
                (1, 2, b"N\x00"),
                (2, 5, [(48, 1), (51, 1), (2952, 100)]),
                (3, 2, b"E\x00"),
                (4, 5, [(2, 1), (17, 1), (4020, 100)]),
            ]
        )
        entries.append((34853, 4, [where]))
    return b.finish(b.ifd(entries))
