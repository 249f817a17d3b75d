"""Lossless WebP scrubbing: rebuild the RIFF container from a keep-list.

WebP keeps metadata in EXIF and XMP chunks (flagged in VP8X) and sometimes
in unknown chunks or after the RIFF end. The coded image chunks (VP8, VP8L,
ALPH, and ANMF frames) are copied byte for byte; the RIFF size and the VP8X
flags are rewritten. Orientation (and the capture date on request) is kept
as a minimal EXIF chunk, as for JPEG; a file without VP8X never has EXIF.
"""

from __future__ import annotations

import struct
from typing import Final

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._exif import minimal_tiff, read_kept
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

_IMAGE: Final = frozenset({b"VP8 ", b"VP8L", b"ALPH"})
_MAX_META: Final = 1 << 20
_MAX_FRAMES: Final = 100_000

# VP8X flag bits.
_ICC, _ALPHA, _EXIF, _XMP, _ANIM = 0x20, 0x10, 0x08, 0x04, 0x02


def _chunks(src: Source, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(fourcc, data offset, data size) for each chunk in [start, end)."""
    out: list[tuple[bytes, int, int]] = []
    pos = start
    while pos < end:
        if pos + 8 > end:
            raise ScrubError(msg("core.scrub", "corrupt WebP: chunk header past end of container"))
        kind, size = struct.unpack("<4sI", src.read(pos, 8, "chunk header"))
        if pos + 8 + size > end:
            raise ScrubError(
                msg("core.scrub", "truncated WebP: {chunk} chunk past end of container").format(
                    chunk=repr(kind)
                )
            )
        out.append((kind, pos + 8, size))
        pos += 8 + size + (size & 1)
        if len(out) > _MAX_FRAMES:
            raise ScrubError(msg("core.scrub", "corrupt WebP: too many chunks"))
    return out


def _bitstream_size(src: Source, kind: bytes, off: int, size: int) -> tuple[int, int]:
    if kind == b"VP8 ":
        head = src.read(off, 10, "VP8 header") if size >= 10 else b""
        if len(head) < 10 or head[3:6] != b"\x9d\x01\x2a":
            raise ScrubError(msg("core.scrub", "corrupt WebP: bad VP8 header"))
        w, h = struct.unpack("<HH", head[6:10])
        return w & 0x3FFF, h & 0x3FFF
    head = src.read(off, 5, "VP8L header") if size >= 5 else b""
    if len(head) < 5 or head[0] != 0x2F:
        raise ScrubError(msg("core.scrub", "corrupt WebP: bad VP8L header"))
    bits = int.from_bytes(head[1:5], "little")
    return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1


def _check(width: int, height: int) -> None:
    try:
        check_dimensions(width, height)
    except ImageTooLarge as exc:
        raise ScrubError(exc.reason("WebP")) from None


def scrub_webp(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    head = src.read(0, 12, "RIFF header")
    riff, riff_size, webp = struct.unpack("<4sI4s", head)
    if riff != b"RIFF" or webp != b"WEBP" or riff_size < 4:
        raise ScrubError(msg("core.scrub", "corrupt WebP: bad RIFF header"))
    end = 8 + riff_size
    if end > src.size:
        raise ScrubError(msg("core.scrub", "truncated WebP: file shorter than its RIFF size"))
    chunks = _chunks(src, 12, end)
    if not chunks:
        raise ScrubError(msg("core.scrub", "corrupt WebP: no chunks"))

    first, off, size = chunks[0]
    if first in (b"VP8 ", b"VP8L"):
        # Simple format: one bitstream chunk, no room for metadata.
        width, height = _bitstream_size(src, first, off, size)
        _check(width, height)
        _write_riff(sink, src, [(first, off, size)], 4 + 8 + size + (size & 1))
        return ScrubResult("webp", width, height, 1)
    if first != b"VP8X" or size < 10:
        raise ScrubError(msg("core.scrub", "corrupt WebP: unknown layout"))

    vp8x = src.read(off, 10, "VP8X chunk")
    flags = vp8x[0]
    width = int.from_bytes(vp8x[4:7], "little") + 1
    height = int.from_bytes(vp8x[7:10], "little") + 1
    _check(width, height)

    kept: list[tuple[bytes, int, int]] = []
    icc: bytes | None = None
    orientation, date = 1, None
    exif_seen = False
    frames: list[tuple[int, bytes, list[tuple[bytes, int, int]]]] = []
    has_image = False
    for kind, coff, csize in chunks[1:]:
        if kind == b"ICCP" and icc is None:
            if csize > 16 << 20:
                raise ScrubError(msg("core.scrub", "corrupt WebP: ICC profile too large"))
            icc = src.read(coff, csize, "ICC profile")
        elif kind == b"EXIF" and not exif_seen:
            exif_seen = True
            if csize <= _MAX_META:
                raw = src.read(coff, csize, "EXIF chunk")
                if raw.startswith(b"Exif\x00\x00"):
                    raw = raw[6:]
                orientation, date = read_kept(raw)
        elif kind == b"ANIM" and csize == 6:
            kept.append((kind, coff, csize))
        elif kind == b"ANMF" and csize >= 16:
            header = src.read(coff, 16, "ANMF header")
            subs = [c for c in _chunks(src, coff + 16, coff + csize) if c[0] in _IMAGE]
            if not any(c[0] in (b"VP8 ", b"VP8L") for c in subs):
                raise ScrubError(msg("core.scrub", "corrupt WebP: animation frame without image"))
            frames.append((len(kept), header, subs))
            kept.append((kind, coff, csize))
        elif kind in _IMAGE:
            has_image = has_image or kind != b"ALPH"
            kept.append((kind, coff, csize))
        # Everything else (XMP, EXIF repeats, unknown chunks) is dropped.

    n_frames = len(frames)
    if flags & _ANIM:
        if n_frames == 0:
            raise ScrubError(msg("core.scrub", "corrupt WebP: animation without frames"))
    elif not has_image or n_frames:
        raise ScrubError(msg("core.scrub", "corrupt WebP: no single image"))
    if not options.keep_capture_date:
        date = None
    tiff = minimal_tiff(orientation, date)

    new_flags = flags & (_ALPHA | _ANIM)
    if icc is not None:
        new_flags |= _ICC
    if tiff is not None:
        new_flags |= _EXIF
    body = bytearray(b"VP8X" + struct.pack("<I", 10) + bytes((new_flags,)) + vp8x[1:10])
    if icc is not None:
        body += b"ICCP" + struct.pack("<I", len(icc)) + icc + (b"\x00" if len(icc) & 1 else b"")
    sink_parts: list[tuple[bytes, int, int] | bytes] = [bytes(body)]
    frame_at = {index: (header, subs) for index, header, subs in frames}
    for i, (kind, coff, csize) in enumerate(kept):
        if i in frame_at:
            header, subs = frame_at[i]
            inner = 16 + sum(8 + s + (s & 1) for _, _, s in subs)
            sink_parts.append(b"ANMF" + struct.pack("<I", inner) + header)
            sink_parts.extend(subs)
        else:
            sink_parts.append((kind, coff, csize))
    if tiff is not None:
        pad = b"\x00" if len(tiff) & 1 else b""
        sink_parts.append(b"EXIF" + struct.pack("<I", len(tiff)) + tiff + pad)

    total = 4
    for part in sink_parts:
        total += len(part) if isinstance(part, bytes) else 8 + part[2] + (part[2] & 1)
    sink.write(b"RIFF" + struct.pack("<I", total) + b"WEBP")
    for part in sink_parts:
        if isinstance(part, bytes):
            sink.write(part)
        else:
            _copy_chunk(sink, src, *part)
    return ScrubResult("webp", width, height, orientation, max(1, n_frames))


def _copy_chunk(sink: Sink, src: Source, kind: bytes, off: int, size: int) -> None:
    sink.write(kind + struct.pack("<I", size))
    sink.copy(src, off, size)
    if size & 1:
        sink.write(b"\x00")


def _write_riff(sink: Sink, src: Source, chunks: list[tuple[bytes, int, int]], total: int) -> None:
    sink.write(b"RIFF" + struct.pack("<I", total) + b"WEBP")
    for kind, off, size in chunks:
        _copy_chunk(sink, src, kind, off, size)
