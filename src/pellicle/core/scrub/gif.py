"""Lossless GIF scrubbing: rebuild the block stream from a keep-list.

GIF metadata hides in comment extensions, application extensions (XMP is
stored as an "XMP DataXMP" application block, vendors add their own) and
after the trailer. Kept: header, screen descriptor, colour tables, graphic
control extensions, image descriptors with their LZW data (byte for byte),
and the NETSCAPE2.0/ANIMEXTS1.0 loop count, rewritten canonically. Plain
text extensions are dropped too: almost no viewer renders them and they are
free text.
"""

from __future__ import annotations

import struct
from typing import Final

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._io import CHUNK, Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

_LOOP_APPS: Final = frozenset({b"NETSCAPE2.0", b"ANIMEXTS1.0"})
_MAX_FRAMES: Final = 100_000


class _Reader:
    """Buffered forward reader: GIF is a stream of tiny length-prefixed blocks."""

    def __init__(self, src: Source, pos: int) -> None:
        self.src = src
        self.pos = pos
        self._buf = b""
        self._start = pos

    def _fill(self, n: int) -> None:
        rel = self.pos - self._start
        if rel + n <= len(self._buf):
            return
        self._start = self.pos
        self._buf = self.src.read_upto(self.pos, max(n, CHUNK))
        if len(self._buf) < n:
            raise ScrubError(msg("core.scrub", "truncated GIF: no trailer"))

    def take(self, n: int) -> bytes:
        self._fill(n)
        rel = self.pos - self._start
        self.pos += n
        return self._buf[rel : rel + n]

    def sub_blocks(self) -> bytes:
        """The raw bytes of a sub-block sequence, terminator included."""
        parts: list[bytes] = []
        while True:
            n = self.take(1)[0]
            parts.append(bytes((n,)))
            if n == 0:
                return b"".join(parts)
            parts.append(self.take(n))

    def skip_sub_blocks(self) -> None:
        while True:
            n = self.take(1)[0]
            if n == 0:
                return
            self._fill(n)
            self.pos += n


def scrub_gif(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    del options  # GIF has no EXIF to keep
    r = _Reader(src, 0)
    header = r.take(13)
    if header[:6] not in (b"GIF87a", b"GIF89a"):
        raise ScrubError(msg("core.scrub", "corrupt GIF: bad signature"))
    width, height, flags = struct.unpack("<HHB", header[6:11])
    try:
        check_dimensions(width, height)
    except ImageTooLarge as exc:
        raise ScrubError(exc.reason("GIF")) from None
    # Always GIF89a: the graphic control and loop extensions need it.
    out = [b"GIF89a", header[6:]]
    if flags & 0x80:
        out.append(r.take(3 << ((flags & 7) + 1)))
    sink.write(b"".join(out))
    frames = 0
    loop_written = False
    while True:
        intro = r.take(1)[0]
        if intro == 0x3B:
            break
        if intro == 0x2C:
            desc = r.take(9)
            lflags = desc[8]
            parts = [b"\x2c", desc]
            if lflags & 0x80:
                parts.append(r.take(3 << ((lflags & 7) + 1)))
            code_size = r.take(1)
            if not 1 <= code_size[0] <= 11:
                raise ScrubError(msg("core.scrub", "corrupt GIF: bad LZW code size"))
            parts.append(code_size)
            sink.write(b"".join(parts))
            _copy_image_data(r, sink)
            frames += 1
            if frames > _MAX_FRAMES:
                raise ScrubError(msg("core.scrub", "corrupt GIF: too many frames"))
        elif intro == 0x21:
            label = r.take(1)[0]
            if label == 0xF9:
                block = r.take(6)
                if block[0] != 4 or block[5] != 0:
                    raise ScrubError(
                        msg("core.scrub", "corrupt GIF: bad graphic control extension")
                    )
                sink.write(b"\x21\xf9" + block)
            elif label == 0xFF:
                size = r.take(1)[0]
                ident = r.take(size)
                data = r.sub_blocks()
                # The loop count is the one application block worth keeping.
                if ident in _LOOP_APPS and not loop_written and data[:2] == b"\x03\x01":
                    loop_written = True
                    sink.write(b"\x21\xff\x0bNETSCAPE2.0\x03\x01" + data[2:4] + b"\x00")
            else:
                r.skip_sub_blocks()
        else:
            raise ScrubError(
                msg("core.scrub", "corrupt GIF: unexpected block 0x{block:02X}").format(block=intro)
            )
    if frames == 0:
        raise ScrubError(msg("core.scrub", "corrupt GIF: no image"))
    sink.write(b"\x3b")
    return ScrubResult("gif", width, height, 1, frames)


def _copy_image_data(r: _Reader, sink: Sink) -> None:
    """Copy LZW sub-blocks in large writes rather than one per 255-byte block."""
    start = r.pos
    r.skip_sub_blocks()
    sink.copy(r.src, start, r.pos - start)
