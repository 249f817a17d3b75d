"""Lossless PNG (and APNG) scrubbing: copy the chunks on a keep-list, check every CRC.

PNG metadata lives in ancillary chunks (tEXt, zTXt, iTXt with XMP, eXIf,
tIME, vendor chunks) and after IEND. Pixels (IDAT, and APNG's fdAT frames)
are copied byte for byte. The ICC profile (iCCP) is kept, but its free-text
name is replaced and its compressed data re-deflated, so neither the name
nor bytes hidden after the zlib stream survive.

The source's eXIf is never copied. When it says the image is displayed
rotated or flipped (Orientation != 1), or the export profile keeps the
capture date, a fresh eXIf holding only those values is built by
`_exif.minimal_tiff` and written before the animation control and image
data, where the PNG specification requires it (see docs/scrub.md).
"""

from __future__ import annotations

import struct
import zlib
from typing import Final, NamedTuple

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._exif import minimal_tiff, read_kept
from pellicle.core.scrub._io import CHUNK, Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
# Chunks that describe how to show the pixels and identify nobody.
_KEEP: Final = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
        b"sBIT", b"bKGD", b"pHYs", b"hIST", b"cICP", b"mDCV", b"cLLI",
        b"acTL", b"fcTL", b"fdAT",
    }
)  # fmt: skip
# The written eXIf goes before the first of these (eXIf must precede IDAT;
# keeping it ahead of the APNG control chunks keeps frame 0's fcTL next to IDAT).
_EXIF_BEFORE: Final = frozenset({b"acTL", b"fcTL", b"IDAT"})
_ICC_NAME: Final = b"ICC profile"
_MAX_ICC: Final = 16 << 20
_MAX_SMALL_CHUNK: Final = 16 << 20
_MAX_CHUNKS: Final = 1_000_000  # the index costs ~150 bytes a chunk


class _Chunk(NamedTuple):
    kind: bytes
    pos: int  # offset of the length field
    length: int  # data length (the chunk spans length + 12 bytes)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _inflate_bounded(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj()
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise ScrubError(msg("core.scrub", "corrupt PNG: ICC profile too large"))
    if not d.eof:
        raise ScrubError(msg("core.scrub", "corrupt PNG: truncated ICC profile"))
    return out


def _index(src: Source) -> list[_Chunk]:
    """Every chunk from IHDR to IEND, headers checked; nothing after IEND."""
    if src.read(0, 8, "signature") != SIGNATURE:
        raise ScrubError(msg("core.scrub", "corrupt PNG: bad signature"))
    chunks: list[_Chunk] = []
    pos = 8
    while True:
        length, kind = struct.unpack(">I4s", src.read(pos, 8, "chunk header"))
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise ScrubError(msg("core.scrub", "corrupt PNG: bad chunk header"))
        if pos + 12 + length > src.size:
            raise ScrubError(
                msg("core.scrub", "truncated PNG: {chunk} chunk past end of file").format(
                    chunk=kind.decode("latin-1")
                )
            )
        if not chunks and kind != b"IHDR":
            raise ScrubError(msg("core.scrub", "corrupt PNG: IHDR is not first"))
        chunks.append(_Chunk(kind, pos, length))
        if len(chunks) > _MAX_CHUNKS:
            raise ScrubError(msg("core.scrub", "corrupt PNG: too many chunks"))
        pos += 12 + length
        if kind == b"IEND":
            return chunks


def _kept_exif(src: Source, chunks: list[_Chunk]) -> tuple[int, bytes | None]:
    """(Orientation, DateTimeOriginal) from the source's first eXIf, if readable.

    eXIf may sit before or (in older files) after IDAT; readers honour both.
    An eXIf with a bad CRC, too large, or not starting with a TIFF header is
    ignored, as Pillow ignores it: nothing is kept from it.
    """
    for c in chunks:
        if c.kind != b"eXIf":
            continue
        if c.length > _MAX_SMALL_CHUNK:
            return 1, None
        data = src.read(c.pos + 8, c.length + 4, "eXIf chunk")
        if zlib.crc32(b"eXIf" + data[:-4]) != struct.unpack(">I", data[-4:])[0]:
            return 1, None
        return read_kept(data[:-4])
    return 1, None


def scrub_png(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    chunks = _index(src)
    orientation, date = _kept_exif(src, chunks)
    exif = minimal_tiff(orientation, date if options.keep_capture_date else None)
    sink.write(SIGNATURE)
    size: tuple[int, int] | None = None
    frames = 1
    seen_idat = False
    seen_iccp = False
    for kind, pos, length in chunks:
        body = pos + 8
        if exif is not None and kind in _EXIF_BEFORE:
            sink.write(_chunk(b"eXIf", exif))
            exif = None
        keep = kind in _KEEP
        if kind == b"iCCP":
            if length > _MAX_SMALL_CHUNK:
                raise ScrubError(msg("core.scrub", "corrupt PNG: ICC profile too large"))
            data = src.read(body, length + 4, "iCCP chunk")
            _check_crc(kind, data[:-4], data[-4:])
            nul = data.find(b"\x00", 0, 80)
            if nul < 1 or len(data) < nul + 2 + 4 or data[nul + 1] != 0:
                raise ScrubError(msg("core.scrub", "corrupt PNG: bad iCCP chunk"))
            if seen_iccp or seen_idat:
                raise ScrubError(msg("core.scrub", "corrupt PNG: misplaced iCCP chunk"))
            seen_iccp = True
            profile = _inflate_bounded(data[nul + 2 : -4], _MAX_ICC)
            sink.write(_chunk(b"iCCP", _ICC_NAME + b"\x00\x00" + zlib.compress(profile, 9)))
        elif keep and length <= CHUNK:
            data = src.read(pos, length + 12, "chunk")
            _check_crc(kind, data[8:-4], data[-4:])
            if kind == b"IHDR":
                if size is not None or length != 13:
                    raise ScrubError(msg("core.scrub", "corrupt PNG: bad IHDR"))
                width, height = struct.unpack(">II", data[8:16])
                try:
                    check_dimensions(width, height)
                except ImageTooLarge as exc:
                    raise ScrubError(exc.reason("PNG")) from None
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
                raise ScrubError(
                    msg("core.scrub", "corrupt PNG: bad CRC in {chunk} chunk").format(
                        chunk=kind.decode("latin-1")
                    )
                )
            sink.write(stored)
        elif not (kind[0] & 0x20):
            raise ScrubError(
                msg("core.scrub", "unsupported PNG: unknown critical chunk {chunk}").format(
                    chunk=kind.decode("latin-1")
                )
            )
        if kind == b"IDAT":
            seen_idat = True
    if not seen_idat:
        raise ScrubError(msg("core.scrub", "corrupt PNG: no image data"))
    assert size is not None
    # IDAT is in _EXIF_BEFORE, so the minimal eXIf (if any) has been written.
    return ScrubResult("png", size[0], size[1], orientation, frames)


def _check_crc(kind: bytes, data: bytes, stored: bytes) -> None:
    if zlib.crc32(kind + data) != struct.unpack(">I", stored)[0]:
        raise ScrubError(
            msg("core.scrub", "corrupt PNG: bad CRC in {chunk} chunk").format(
                chunk=kind.decode("latin-1")
            )
        )
