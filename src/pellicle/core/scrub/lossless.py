"""The gate's proof that an exported copy holds its source's image data, byte for byte.

Pellicle copies the coded image data of JPEG, PNG, WebP, GIF and TIFF photos
without re-encoding it. Decoding the copy (what the gate did before) showed
only that a decoder accepts it, at the cost of a full entropy decode; comparing
it with the source proves the export lossless, per file, and costs one read of
bytes that are already in the page cache.

`verify.py` walks the copy and lists where its image data lies (the
`Piece`s). This module reads the *source* with a parser of its own, finds the
same pieces there, in the same order, and compares them, hashing the copy in
the same pass (the digest the manifest and the ledger keep). Everything the
scrubber drops (metadata segments and chunks, fill bytes, trailers) is
skipped; anything else that does not line up refuses the copy. Like
`verify.py` it shares no code with the writers, so a writer's bug cannot hide
in a reader the check shares with it.

The source lives in a library root: it is opened read-only and non-blocking,
read with bounded `pread`s (never mapped: a file that shrinks under a mapping
kills the process with SIGBUS), and the proof fails if it changed meanwhile.

Besides the pieces, the source's display orientation is read here, by the
same rules the scrubber documents (docs/scrub.md): it is the one kept value
that is not copied byte for byte.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import stat
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from pellicle.core.scrub._types import ScrubError
from pellicle.core.words import msg, os_error

#: Compare and hash this much at a time.
BLOCK: Final = 1 << 20
#: The source is read through a window this large for its many small reads.
_WINDOW: Final = 1 << 16

#: PNG chunks the scrubber copies byte for byte (all it keeps but the
#: re-deflated iCCP and the eXIf it builds): every one is compared.
PNG_COPIED: Final = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
        b"sBIT", b"bKGD", b"pHYs", b"hIST", b"cICP", b"mDCV", b"cLLI",
        b"acTL", b"fcTL", b"fdAT",
    }
)  # fmt: skip
#: TIFF image-structure tags (the copy's allowlist less the strip and tile
#: layout and Orientation, which are rewritten): each must hold the same
#: type, count and value in the copy as in the source.
TIFF_SAME: Final = frozenset(
    {
        256, 257, 258, 259, 262, 266, 277, 278, 282, 283, 284, 296, 317, 318,
        319, 320, 322, 323, 332, 338, 339, 340, 341, 529, 530, 531, 532, 34675,
    }
)  # fmt: skip
_TIFF_SIZES: Final = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_TIFF_MAX_VALUE: Final = 16 << 20
_TIFF_MAX_STRIPS: Final = 1 << 20
_MAX_ITEMS: Final = 1_000_000
_MAX_FILL: Final = 1 << 16
_PNG_MAX_EXIF: Final = 16 << 20
_WEBP_MAX_EXIF: Final = 1 << 20
_WEBP_IMAGE: Final = frozenset({b"ALPH", b"VP8 ", b"VP8L"})


_scratch = threading.local()


def _block() -> bytearray:
    """This thread's BLOCK-sized buffer for the source's bulk reads: reused,
    because a fresh megabyte per read costs page faults and the allocator's
    trimming, about as much as the read itself."""
    buf: bytearray | None = getattr(_scratch, "buf", None)
    if buf is None:
        buf = _scratch.buf = bytearray(BLOCK)
    return buf


def fail(reason: str) -> ScrubError:
    # The reason itself is a diagnostic for a bug report: it stays English.
    return ScrubError(msg("core.scrub", "verification failed: {reason}").format(reason=reason))


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the copy that must equal a stretch of the source.

    `kind` names what the copy's walk found there (a JPEG marker byte, a
    PNG or RIFF fourcc, or a label such as b"ECS" for JPEG scan data), so the
    source's parser can tell a missing piece from a reordered one.
    """

    kind: bytes
    off: int
    size: int


@dataclass
class Layout:
    """What the copy's walk saw: its dimensions, orientation, frames, and pieces."""

    width: int
    height: int
    orientation: int
    frames: int
    pieces: list[Piece] = field(default_factory=list)
    #: TIFF only: tag -> (type, count, value bytes) of the copy's one IFD.
    tags: dict[int, tuple[int, int, bytes]] = field(default_factory=dict)
    #: TIFF only: the copy's byte order header (b"II*\0" or b"MM\0*").
    order: bytes = b""


class _Source:
    """Bounded, read-only, change-aware access to the library photo."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY | os.O_NONBLOCK
        try:
            self.fd = os.open(path, flags)
        except OSError as exc:
            raise ScrubError(
                msg("core.scrub", "verification failed: cannot read the source: {error}").format(
                    error=os_error(exc) if exc.strerror else str(exc)
                )
            ) from exc
        try:
            st = os.fstat(self.fd)
            if not stat.S_ISREG(st.st_mode):
                raise fail("the source is not a regular file")
        except BaseException:
            os.close(self.fd)
            raise
        self.size = st.st_size
        self._stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
        self._win_at = 0
        self._win = b""

    def close(self) -> None:
        os.close(self.fd)

    def changed(self) -> bool:
        st = os.fstat(self.fd)
        return (st.st_size, st.st_mtime_ns, st.st_ino) != self._stamp

    def read(self, off: int, n: int, what: str) -> bytes:
        """Exactly `n` bytes at `off`; small reads come from a cached window."""
        if off < 0 or n < 0 or off + n > self.size:
            raise fail(f"the source's {what} runs past its end")
        rel = off - self._win_at
        if rel >= 0 and rel + n <= len(self._win):
            return self._win[rel : rel + n]
        if n <= _WINDOW // 4:
            self._win_at = off
            self._win = self.pread(off, min(_WINDOW, self.size - off))
            return self._win[:n]
        return self.pread(off, n)

    def read_into(self, off: int, buf: bytearray, n: int, what: str) -> memoryview:
        """Exactly `n` bytes at `off`, read into `buf` (at least `n` long)."""
        if off < 0 or n < 0 or off + n > self.size:
            raise fail(f"the source's {what} runs past its end")
        view = memoryview(buf)
        got = 0
        while got < n:
            more = os.preadv(self.fd, [view[got:n]], off + got)
            if more == 0:
                raise fail("the source became shorter while it was read")
            got += more
        return view[:n]

    def pread(self, off: int, n: int) -> bytes:
        data = os.pread(self.fd, n, off)
        while len(data) < n:
            more = os.pread(self.fd, n - len(data), off + len(data))
            if not more:
                raise fail("the source became shorter while it was read")
            data += more
        return data


class _Proof:
    """Compares pieces of the copy with the source, hashing the copy once, in order."""

    def __init__(self, mm: mmap.mmap, src: _Source) -> None:
        self.mm = mm
        self.src = src
        self.pieces: list[Piece] = []
        self.next = 0
        self._sha = hashlib.sha256()
        self._hashed = 0

    def take(self, kind: bytes, what: str) -> Piece:
        """The copy's next piece, which must be of `kind`."""
        if self.next >= len(self.pieces):
            raise fail(f"the source has {what} the copy lacks")
        piece = self.pieces[self.next]
        if piece.kind != kind:
            raise fail(f"the source's {what} is not where the copy has it")
        self.next += 1
        return piece

    def same(self, piece: Piece, src_off: int, what: str) -> None:
        """Prove `piece` of the copy equal to the source's bytes from `src_off`."""
        if src_off < 0 or src_off + piece.size > self.src.size:
            raise fail(f"the source's {what} runs past its end")
        hashing = piece.off >= self._hashed
        if hashing:
            self._hash_to(piece.off)
        done = 0
        while done < piece.size:
            n = min(BLOCK, piece.size - done)
            at = piece.off + done
            # Small pieces (headers, GIF controls, PNG chunks) come from the
            # source's read window: a file of many tiny chunks is not a
            # system call per chunk.
            theirs: bytes | memoryview
            if n <= _WINDOW // 4:
                theirs = self.src.read(src_off + done, n, what)
            else:
                theirs = self.src.read_into(src_off + done, _block(), n, what)
            # Found within exactly [at, at + n) means equal there; unlike a
            # slice of the mapping, find() copies nothing.
            if self.mm.find(theirs, at, at + n) != at:
                raise fail(f"{what} differs from the source's (at byte {at} of the copy)")
            if hashing:
                self._sha.update(theirs)  # the same bytes as the copy's
            done += n
        if hashing:
            self._hashed = piece.off + piece.size

    def finish(self) -> str:
        if self.next != len(self.pieces):
            raise fail("the copy holds image data the source does not have")
        self._hash_to(len(self.mm))
        return self._sha.hexdigest()

    def _hash_to(self, end: int) -> None:
        if end > self._hashed:
            with memoryview(self.mm) as view:
                self._sha.update(view[self._hashed : end])
            self._hashed = end


def prove(
    mm: mmap.mmap, fmt: str, layout: Layout, source: str | os.PathLike[str]
) -> tuple[int, str]:
    """Prove the copy in `mm` carries the image data of `source`, byte for byte.

    Returns the source's display orientation (for the caller to compare with
    the copy's) and the sha256 of the copy. Raises ScrubError when a piece
    differs, is missing or is extra, when the source is structurally broken,
    or when it changed while it was read.
    """
    matcher = _MATCHERS.get(fmt)
    if matcher is None:
        raise fail(f"no byte-for-byte proof for {fmt}")
    src = _Source(source)
    try:
        proof = _Proof(mm, src)
        proof.pieces = layout.pieces
        orientation = matcher(src, proof, layout)
        digest = proof.finish()
        if src.changed():
            raise fail("the source changed while it was compared")
        return orientation, digest
    finally:
        src.close()


# --- EXIF Orientation, as the scrubber keeps it ---------------------------------


def exif_orientation(tiff: bytes) -> int:
    """Orientation (1-8) from a TIFF-structured EXIF block; 1 when absent or odd.

    The rule (docs/scrub.md): IFD0's tag 0x0112; an entry whose value does not
    lie inside the block does not count, a repeated tag counts by its last
    entry that does; it must be a SHORT of 1 to 8, else the orientation is 1.
    """
    if len(tiff) < 8 or tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return 1
    e = "<" if tiff[:1] == b"I" else ">"
    (ifd,) = struct.unpack_from(f"{e}I", tiff, 4)
    if ifd < 8 or ifd + 2 > len(tiff):
        return 1
    (n,) = struct.unpack_from(f"{e}H", tiff, ifd)
    if ifd + 2 + 12 * n > len(tiff):
        return 1
    found: tuple[int, int, int] | None = None
    for i in range(n):
        at = ifd + 2 + 12 * i
        tag, typ, count = struct.unpack_from(f"{e}HHI", tiff, at)
        if tag != 0x0112:
            continue
        size = _TIFF_SIZES.get(typ, 0) * count
        if size == 0 or size > 1 << 16:
            continue
        value_at = at + 8
        if size > 4:
            (value_at,) = struct.unpack_from(f"{e}I", tiff, value_at)
        if value_at + size > len(tiff):
            continue
        found = (typ, count, value_at)
    if found is None or found[0] != 3:
        return 1
    (value,) = struct.unpack_from(f"{e}H", tiff, found[2])
    return value if 1 <= value <= 8 else 1


# --- JPEG -----------------------------------------------------------------------


def _jpeg_marker(src: _Source, pos: int) -> tuple[int, int]:
    """The marker at `pos` after any fill bytes, and the position after it."""
    if src.read(pos, 1, "marker")[0] != 0xFF:
        raise fail(f"the source has no JPEG marker at byte {pos}")
    start = pos
    while src.read(pos, 1, "marker")[0] == 0xFF:
        pos += 1
        if pos - start > _MAX_FILL:
            raise fail("the source holds a run of fill bytes")
    return src.read(pos, 1, "marker")[0], pos + 1


def _match_jpeg(src: _Source, proof: _Proof, layout: Layout) -> int:
    """Tables, frame and scan headers and the scan data, in order; APPn and COM skipped."""
    del layout
    if src.read(0, 2, "start of image") != b"\xff\xd8":
        raise fail("the source is not a JPEG")
    pos = 2
    orientation = 1
    exif_seen = scanned = False
    while True:
        marker, pos = _jpeg_marker(src, pos)
        if marker == 0xD9:
            return orientation
        if marker in (0x00, 0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            raise fail(f"the source has JPEG marker 0x{marker:02X} out of place")
        (length,) = struct.unpack(">H", src.read(pos, 2, "segment length"))
        if length < 2:
            raise fail("the source has a JPEG segment with a bad length")
        if 0xE0 <= marker <= 0xEF or marker in (0xFE, 0xDC):
            # Metadata (and DNL), dropped by the scrubber. Orientation comes
            # from the first EXIF APP1 before the image data, as it keeps it.
            if marker == 0xE1 and not exif_seen and not scanned:
                body = src.read(pos + 2, length - 2, "APP1 segment")
                if body[:6] == b"Exif\x00\x00":
                    exif_seen = True
                    orientation = exif_orientation(body[6:])
            pos += length
            continue
        what = f"JPEG segment 0x{marker:02X}"
        piece = proof.take(bytes((marker,)), what)
        if piece.size != length + 2:
            raise fail(f"the source's {what} has another length than the copy's")
        proof.same(piece, pos - 2, what)
        pos += length
        if marker == 0xDA:
            scanned = True
            scan = proof.take(b"ECS", "JPEG scan data")
            proof.same(scan, pos, "JPEG scan data")
            pos += scan.size
            # The source's scan data must end exactly there: at a marker,
            # perhaps after fill bytes, not in a stuffed byte or a restart.
            if src.read(pos, 1, "scan data")[0] != 0xFF:
                raise fail("the source's scan data goes on past the copy's")
            after, _ = _jpeg_marker(src, pos)
            if after == 0x00 or 0xD0 <= after <= 0xD7:
                raise fail("the source's scan data goes on past the copy's")


# --- PNG ------------------------------------------------------------------------


def _match_png(src: _Source, proof: _Proof, layout: Layout) -> int:
    """Every chunk copied byte for byte (whole: length, type, data, CRC), in order."""
    del layout
    if src.read(0, 8, "signature") != b"\x89PNG\r\n\x1a\n":
        raise fail("the source is not a PNG")
    pos = 8
    orientation: int | None = None
    for _ in range(_MAX_ITEMS):
        length, kind = struct.unpack(">I4s", src.read(pos, 8, "chunk header"))
        if length > 0x7FFFFFFF or pos + 12 + length > src.size:
            raise fail("the source has a PNG chunk past its end")
        if kind == b"eXIf" and orientation is None:
            # The first eXIf decides, as in the scrubber; a bad one means 1.
            orientation = 1
            if length <= _PNG_MAX_EXIF:
                data = src.read(pos + 8, length + 4, "eXIf chunk")
                (crc,) = struct.unpack(">I", data[-4:])
                if zlib.crc32(data[:-4], zlib.crc32(kind)) == crc:
                    orientation = exif_orientation(data[:-4])
        elif kind in PNG_COPIED:
            what = f"PNG {kind.decode('latin-1')} chunk"
            piece = proof.take(kind, what)
            if piece.size != length + 12:
                raise fail(f"the source's {what} has another length than the copy's")
            proof.same(piece, pos, what)
        pos += 12 + length
        if kind == b"IEND":
            return orientation or 1
    raise fail("the source has too many PNG chunks")


# --- WebP -----------------------------------------------------------------------


def _riff(src: _Source, pos: int, end: int) -> list[tuple[bytes, int, int]]:
    out: list[tuple[bytes, int, int]] = []
    while pos < end:
        if pos + 8 > end or len(out) >= _MAX_ITEMS:
            raise fail("the source's WebP chunks do not fill their container")
        kind, size = struct.unpack("<4sI", src.read(pos, 8, "chunk header"))
        if pos + 8 + size > end:
            raise fail("the source has a WebP chunk past its container")
        out.append((kind, pos + 8, size))
        pos += 8 + size + (size & 1)
    return out


def _match_webp(src: _Source, proof: _Proof, layout: Layout) -> int:
    """Canvas, animation and frame headers, and every ALPH/VP8/VP8L chunk, in order."""
    del layout
    riff, size, webp = struct.unpack("<4sI4s", src.read(0, 12, "RIFF header"))
    if riff != b"RIFF" or webp != b"WEBP" or 8 + size > src.size:
        raise fail("the source is not a whole WebP")
    chunks = _riff(src, 12, 8 + size)
    if not chunks:
        raise fail("the source's WebP has no chunks")

    def chunk(kind: bytes, off: int, length: int) -> None:
        what = f"WebP {kind.decode('latin-1').strip()} chunk"
        piece = proof.take(kind, what)
        if piece.size != 8 + length:
            raise fail(f"the source's {what} has another length than the copy's")
        proof.same(piece, off - 8, what)

    first, off, length = chunks[0]
    if first in (b"VP8 ", b"VP8L"):
        chunk(first, off, length)  # the simple layout: one bitstream, nothing else
        return 1
    if first != b"VP8X" or length < 10:
        raise fail("the source's WebP layout is unknown")
    proof.same(proof.take(b"VP8X", "WebP canvas"), off + 1, "WebP canvas")
    orientation = 1
    exif_seen = False
    for kind, coff, clen in chunks[1:]:
        if kind == b"EXIF" and not exif_seen:
            exif_seen = True
            if clen <= _WEBP_MAX_EXIF:
                raw = src.read(coff, clen, "EXIF chunk")
                orientation = exif_orientation(raw[6:] if raw[:6] == b"Exif\x00\x00" else raw)
        elif kind == b"ANIM" and clen == 6:
            chunk(kind, coff, clen)
        elif kind == b"ANMF" and clen >= 16:
            proof.same(proof.take(b"ANMF", "WebP frame header"), coff, "WebP frame header")
            for sub, soff, slen in _riff(src, coff + 16, coff + clen):
                if sub in _WEBP_IMAGE:
                    chunk(sub, soff, slen)
        elif kind in _WEBP_IMAGE:
            chunk(kind, coff, clen)
    return orientation


# --- GIF ------------------------------------------------------------------------


def _skip_sub_blocks(src: _Source, pos: int) -> int:
    for _ in range(_MAX_ITEMS):
        n = src.read(pos, 1, "data sub-block")[0]
        pos += 1 + n
        if n == 0:
            return pos
    raise fail("the source has too many GIF data sub-blocks")


def _match_gif(src: _Source, proof: _Proof, layout: Layout) -> int:
    """Screen descriptor and colour table, graphic controls, and each image whole."""
    del layout
    head = src.read(0, 13, "header")
    if head[:6] not in (b"GIF87a", b"GIF89a"):
        raise fail("the source is not a GIF")
    flags = head[10]
    table = 3 << ((flags & 7) + 1) if flags & 0x80 else 0
    proof.same(proof.take(b"screen", "GIF screen descriptor"), 6, "GIF screen descriptor")
    pos = 13 + table
    for _ in range(_MAX_ITEMS):
        intro = src.read(pos, 1, "block")[0]
        if intro == 0x3B:
            return 1
        if intro == 0x2C:
            # Equal bytes from the image separator on mean equal descriptor,
            # colour table, code size and LZW sub-blocks up to the terminator.
            image = proof.take(b"image", "GIF image")
            proof.same(image, pos, "GIF image")
            pos += image.size
        elif intro == 0x21:
            label = src.read(pos + 1, 1, "extension")[0]
            if label == 0xF9:
                control = proof.take(b"control", "GIF graphic control")
                proof.same(control, pos, "GIF graphic control")
                pos += control.size
            elif label == 0xFF:
                pos = _skip_sub_blocks(src, pos + 3 + src.read(pos + 2, 1, "extension")[0])
            else:
                pos = _skip_sub_blocks(src, pos + 2)
        else:
            raise fail(f"the source has GIF block 0x{intro:02X}")
    raise fail("the source has too many GIF blocks")


# --- TIFF -----------------------------------------------------------------------


def _tiff_ints(e: str, typ: int, count: int, value: bytes) -> tuple[int, ...]:
    code = {1: "B", 3: "H", 4: "I"}.get(typ)
    if code is None:
        raise fail("the source has a TIFF layout tag that is not an integer")
    return struct.unpack(f"{e}{count}{code}", value)


def _match_tiff(src: _Source, proof: _Proof, layout: Layout) -> int:
    """IFD0's image-structure tags equal; every strip or tile equal, in order."""
    head = src.read(0, 8, "header")
    if head[:4] != layout.order:
        raise fail("the source's TIFF header differs from the copy's")
    e = "<" if head[:1] == b"I" else ">"
    (ifd,) = struct.unpack(f"{e}I", head[4:])
    (n,) = struct.unpack(f"{e}H", src.read(ifd, 2, "directory"))
    if n == 0 or n > 4096:
        raise fail("the source's TIFF directory is malformed")
    raw = src.read(ifd + 2, 12 * n, "directory")
    wanted = TIFF_SAME | {273, 279, 324, 325, 274}
    tags: dict[int, tuple[int, int, bytes]] = {}
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", raw, 12 * i)
        size = _TIFF_SIZES.get(typ, 0) * count
        if size == 0 or tag not in wanted:
            continue  # unknown types are skipped, as readers (and the scrubber) must
        if size > _TIFF_MAX_VALUE:
            raise fail(f"the source's TIFF tag {tag} is too large")
        if size <= 4:
            value = raw[12 * i + 8 : 12 * i + 8 + size]
        else:
            (at,) = struct.unpack_from(f"{e}I", raw, 12 * i + 8)
            value = src.read(at, size, f"TIFF tag {tag}")
        tags[tag] = (typ, count, value)
    for tag in sorted(TIFF_SAME):
        if tags.get(tag) != layout.tags.get(tag):
            raise fail(f"TIFF tag {tag} differs from the source's")

    def ints(tag: int) -> tuple[int, ...]:
        typ, count, value = tags[tag]
        return _tiff_ints(e, typ, count, value)

    off_tag, count_tag = (273, 279) if 273 in tags else (324, 325)
    if off_tag not in tags or count_tag not in tags:
        raise fail("the source's TIFF has no strips or tiles")
    offsets, counts = ints(off_tag), ints(count_tag)
    ours = layout.tags.get(off_tag), layout.tags.get(count_tag)
    if ours[0] is None or ours[1] is None:
        raise fail("the copy's TIFF lays its data out otherwise than the source")
    our_offsets = _tiff_ints(e, *ours[0])
    if _tiff_ints(e, *ours[1]) != counts or len(offsets) != len(counts):
        raise fail("the TIFF strip sizes differ from the source's")
    if len(offsets) > _TIFF_MAX_STRIPS:
        raise fail("the source has too many TIFF strips")
    # Strips that are contiguous on both sides are compared as one run.
    i = 0
    while i < len(offsets):
        j, size = i + 1, counts[i]
        while (
            j < len(offsets)
            and offsets[j] == offsets[i] + size
            and our_offsets[j] == our_offsets[i] + size
        ):
            size += counts[j]
            j += 1
        proof.same(Piece(b"strip", our_offsets[i], size), offsets[i], "TIFF image data")
        i = j
    orientation = 1
    if 274 in tags:
        stored = ints(274)[0]
        orientation = stored if 1 <= stored <= 8 else 1
    return orientation


_Matcher = Callable[[_Source, _Proof, Layout], int]
_MATCHERS: Final[dict[str, _Matcher]] = {
    "jpeg": _match_jpeg,
    "png": _match_png,
    "webp": _match_webp,
    "gif": _match_gif,
    "tiff": _match_tiff,
}
