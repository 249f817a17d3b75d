"""Lossless PNG (and APNG) scrubbing: copy the chunks on a keep-list, check every CRC.

PNG metadata lives in ancillary chunks (tEXt, zTXt, iTXt with XMP, eXIf,
tIME, vendor chunks) and after IEND. Pixels (IDAT, and APNG's fdAT frames)
are copied byte for byte. The ICC profile (iCCP) is kept, but its free-text
name is replaced and its compressed data re-deflated, so neither the name
nor bytes hidden after the zlib stream survive. eXIf is removed, so an
exported PNG always has orientation 1 (see docs/scrub.md).
"""

from __future__ import annotations

import struct
import zlib
from typing import Final

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._io import CHUNK, Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
# Chunks that describe how to show the pixels and identify nobody.
_KEEP: Final = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
        b"sBIT", b"bKGD", b"pHYs", b"hIST", b"cICP", b"mDCV", b"cLLI",
        b"acTL", b"fcTL", b"fdAT",
    }
)  # fmt: skip
_ICC_NAME: Final = b"ICC profile"
_MAX_ICC: Final = 16 << 20
_MAX_SMALL_CHUNK: Final = 16 << 20


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _inflate_bounded(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise ScrubError("corrupt PNG: ICC profile too large")
    if not d.eof:
        raise ScrubError("corrupt PNG: truncated ICC profile")
    return out


def scrub_png(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    del options  # PNG keeps no dates: eXIf is never written
    if src.read(0, 8, "signature") != SIGNATURE:
        raise ScrubError("corrupt PNG: bad signature")
    pos = 8
    sink.write(SIGNATURE)
    size: tuple[int, int] | None = None
    frames = 1
    seen_idat = False
    seen_iccp = False
    while True:
        length, kind = struct.unpack(">I4s", src.read(pos, 8, "chunk header"))
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise ScrubError("corrupt PNG: bad chunk header")
        body = pos + 8
        end = body + length + 4
        if end > src.size:
            raise ScrubError(f"truncated PNG: {kind.decode('latin-1')} chunk past end of file")
        if size is None and kind != b"IHDR":
            raise ScrubError("corrupt PNG: IHDR is not first")
        keep = kind in _KEEP
        if kind == b"iCCP":
            keep = False
            if length > _MAX_SMALL_CHUNK:
                raise ScrubError("corrupt PNG: ICC profile too large")
            data = src.read(body, length + 4, "iCCP chunk")
            _check_crc(kind, data[:-4], data[-4:])
            nul = data.find(b"\x00", 0, 80)
            if nul < 1 or len(data) < nul + 2 + 4 or data[nul + 1] != 0:
                raise ScrubError("corrupt PNG: bad iCCP chunk")
            if seen_iccp or seen_idat:
                raise ScrubError("corrupt PNG: misplaced iCCP chunk")
            seen_iccp = True
            profile = _inflate_bounded(data[nul + 2 : -4], _MAX_ICC)
            sink.write(_chunk(b"iCCP", _ICC_NAME + b"\x00\x00" + zlib.compress(profile, 9)))
        elif keep and length <= CHUNK:
            data = src.read(pos, length + 12, "chunk")
            _check_crc(kind, data[8:-4], data[-4:])
            if kind == b"IHDR":
                if size is not None or length != 13:
                    raise ScrubError("corrupt PNG: bad IHDR")
                width, height = struct.unpack(">II", data[8:16])
                try:
                    check_dimensions(width, height)
                except ImageTooLarge as exc:
                    raise ScrubError(f"PNG {exc}") from None
                size = (width, height)
            elif kind == b"acTL" and length == 8 and not seen_idat:
                frames = max(1, struct.unpack(">I", data[8:12])[0])
            sink.write(data)
        elif keep:
            # Big pixel chunks: stream through a CRC without holding them.
            crc = zlib.crc32(kind)
            off, remaining = body, length
            sink.write(src.read(pos, 8, "chunk header"))
            while remaining:
                piece = src.read(off, min(CHUNK, remaining), "chunk data")
                crc = zlib.crc32(piece, crc)
                sink.write(piece)
                off += len(piece)
                remaining -= len(piece)
            stored = src.read(off, 4, "chunk CRC")
            if struct.unpack(">I", stored)[0] != crc:
                raise ScrubError(f"corrupt PNG: bad CRC in {kind.decode('latin-1')} chunk")
            sink.write(stored)
        elif not (kind[0] & 0x20):
            raise ScrubError(f"unsupported PNG: unknown critical chunk {kind.decode('latin-1')}")
        if kind == b"IDAT":
            seen_idat = True
        pos = end
        if kind == b"IEND":
            break
    if not seen_idat:
        raise ScrubError("corrupt PNG: no image data")
    assert size is not None
    return ScrubResult("png", size[0], size[1], 1, frames)


def _check_crc(kind: bytes, data: bytes, stored: bytes) -> None:
    if zlib.crc32(kind + data) != struct.unpack(">I", stored)[0]:
        raise ScrubError(f"corrupt PNG: bad CRC in {kind.decode('latin-1')} chunk")
