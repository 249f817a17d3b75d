"""Small files built to exhaust memory or time (imported by name: keep it unique).

Each maker returns the bytes of one hostile file, varied by `i` so a folder
of them is not a thousand copies of one file (which the policy would treat
as exact copies of each other).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from functools import cache

from pellicle.core import demo


@cache
def _base(fmt: str, plant: bool = True) -> bytes:
    return demo.photo_bytes(fmt, plant=plant, width=16, height=16, seed=1)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, idat: bytes, mode: int = 0) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, mode, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def jpeg_huge_dimensions(i: int) -> bytes:
    data = bytearray(_base("jpeg", plant=False))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 60000 - i, 65535 - i)
    return bytes(data)


def jpeg_many_segments(i: int) -> bytes:
    data = _base("jpeg")
    junk = b"".join(b"\xff\xe5\x00\x06" + struct.pack(">I", i * 4000 + k) for k in range(4000))
    return data[:2] + junk + data[2:]


def jpeg_segment_past_end(i: int) -> bytes:
    data = _base("jpeg")
    return data[:2] + b"\xff\xe1\xff\xff" + b"Exif\x00\x00" + bytes([i % 256]) * 64


def png_bomb_declared(i: int) -> bytes:
    return _png(20000 + i, 20000, zlib.compress(b"\x00" * 4096, 9))


@cache
def _zeros(rows: int, width: int) -> bytes:
    raw = zlib.compressobj(9)
    out = [raw.compress((b"\x00" * (width + 1)) * rows)]
    out.append(raw.flush())
    return b"".join(out)


def png_bomb_under_limit(i: int) -> bytes:
    # 6000 x 6000 greyscale of zeros: ~36 MB decoded from ~35 KB.
    return _png(6000, 6000, _zeros(6000, 6000)) + bytes([i % 256])


def png_huge_chunk_length(i: int) -> bytes:
    data = _base("png")
    return data[:33] + struct.pack(">I", 0x7FFFFFF0 - i) + b"tEXt" + b"x" * 32


def gif_huge_screen(i: int) -> bytes:
    data = bytearray(_base("gif"))
    data[6:10] = struct.pack("<HH", 65535 - i, 65535)
    return bytes(data)


def _gif_frames(side: int, frames: int, i: int) -> bytes:
    """A side x side canvas with `frames` one-pixel frames: a few bytes each."""
    screen = struct.pack("<HHBBB", side, side, 0x80, 0, 0)
    head = b"GIF89a" + screen + b"\x00\x00\x00\xff\xff\xff"
    frame = (
        b"\x21\xf9\x04\x00\x01\x00\x00\x00"
        + b"\x2c"
        + struct.pack("<HHHHB", i % (side - 1), 7, 1, 1, 0)
        + b"\x02\x02\x44\x01\x00"
    )
    return head + frame * frames + b"\x3b"


def gif_many_frames(i: int) -> bytes:
    # 150 frames of 1000 x 1000: within the pixel budget, so exported.
    return _gif_frames(1000, 150, i)


def gif_frame_flood(i: int) -> bytes:
    # 2000 frames on a 4000 x 4000 canvas: 46 KB, a minute of decoding.
    return _gif_frames(4000, 2000, i)


def gif_canvas_bomb(i: int) -> bytes:
    # 100 frames on a 14000 x 14000 canvas: 2 KB, 1.7 GB to decode.
    return _gif_frames(14000, 100, i)


def webp_huge_canvas(i: int) -> bytes:
    data = bytearray(demo.photo_bytes("webp", orientation=6, plant=False, width=16, height=16))
    vp8x = data.index(b"VP8X") + 8
    data[vp8x + 4 : vp8x + 10] = b"\xff\xff\x00\xff\xff\x00"
    data[-1] = i % 256
    return bytes(data)


def _tiff(entries: list[tuple[int, int, int, int]], next_ifd: int = 0, tail: bytes = b"") -> bytes:
    ifd = struct.pack("<H", len(entries))
    for tag, typ, count, value in sorted(entries):
        ifd += struct.pack("<HHII", tag, typ, count, value)
    ifd += struct.pack("<I", next_ifd)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + tail


def tiff_huge_dimensions(i: int) -> bytes:
    return _tiff(
        [(256, 4, 1, 1_000_000 + i), (257, 4, 1, 1_000_000), (258, 3, 1, 8), (259, 3, 1, 1),
         (262, 3, 1, 1), (273, 4, 1, 8), (277, 3, 1, 1), (279, 4, 1, 16)]
    )  # fmt: skip


def tiff_ifd_loop(i: int) -> bytes:
    return _tiff(
        [(256, 3, 1, 4), (257, 3, 1, 4), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
         (273, 4, 1, 8), (277, 3, 1, 1), (279, 4, 1, 16), (305, 2, 4, i)],
        next_ifd=8,
    )  # fmt: skip


def tiff_huge_strip_count(i: int) -> bytes:
    return _tiff(
        [(256, 3, 1, 16), (257, 3, 1, 16), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
         (273, 4, 0x3FFFFFFF - i, 8), (277, 3, 1, 1), (279, 4, 0x3FFFFFFF, 8)]
    )  # fmt: skip


def heif_truncated(i: int) -> bytes:
    data = _base("heif")
    return data[: len(data) // 2] + bytes([i % 256])


MAKERS: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "jpeg_huge_dimensions": ("jpg", jpeg_huge_dimensions),
    "jpeg_many_segments": ("jpg", jpeg_many_segments),
    "jpeg_segment_past_end": ("jpg", jpeg_segment_past_end),
    "png_bomb_declared": ("png", png_bomb_declared),
    "png_bomb_under_limit": ("png", png_bomb_under_limit),
    "png_huge_chunk_length": ("png", png_huge_chunk_length),
    "gif_huge_screen": ("gif", gif_huge_screen),
    "gif_many_frames": ("gif", gif_many_frames),
    "gif_frame_flood": ("gif", gif_frame_flood),
    "gif_canvas_bomb": ("gif", gif_canvas_bomb),
    "webp_huge_canvas": ("webp", webp_huge_canvas),
    "tiff_huge_dimensions": ("tif", tiff_huge_dimensions),
    "tiff_ifd_loop": ("tif", tiff_ifd_loop),
    "tiff_huge_strip_count": ("tif", tiff_huge_strip_count),
    "heif_truncated": ("heic", heif_truncated),
}
