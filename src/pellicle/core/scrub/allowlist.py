"""The gate's walks: what an exported file of each format may hold.

One allowlist parser per format family (JPEG, PNG, WebP, GIF, TIFF), each
reading the written file's structure itself and refusing anything that is
not image data, an ICC profile or the minimal EXIF, and any byte after the
image's end. Each returns the `Layout` the gate's proof (`lossless`)
compares with the source. This is the privacy check; it shares no code with
the writers in this package (a contract in pyproject.toml holds that), so a
writer's bug cannot hide in a parser the check shares with it. `verify`
runs these walks, the proof and, where needed, a decode.
"""

from __future__ import annotations

import mmap
import re
import struct
import sys
import threading
import zlib
from types import ModuleType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

from pellicle.core.scrub._types import ScrubOptions
from pellicle.core.scrub.lossless import PNG_COPIED, Layout, Piece
from pellicle.core.scrub.lossless import fail as _fail

_ENTROPY_END: Final = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")
#: With numpy, scan data is searched for its end this many bytes at a time.
_SCAN_WINDOW: Final = 1 << 18
_EXIF_DATE: Final = re.compile(rb"[0-9]{4}:[0-9]{2}:[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\x00")
_PNG_ALLOWED: Final = PNG_COPIED | {b"iCCP"}
_PNG_ICC_NAME: Final = b"ICC profile"
_TIFF_SIZES: Final = {1: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
# Image-structure tags a verified TIFF may hold, with their largest count.
_TIFF_ALLOWED: Final = {
    256: 1, 257: 1, 258: 16, 259: 1, 262: 1, 266: 1, 273: 1 << 20, 274: 1,
    277: 1, 278: 1, 279: 1 << 20, 282: 1, 283: 1, 284: 1, 296: 1, 317: 1,
    318: 2, 319: 6, 320: 3 * 65536, 322: 1, 323: 1, 324: 1 << 20, 325: 1 << 20,
    332: 1, 338: 16, 339: 16, 340: 16, 341: 16, 529: 3, 530: 2, 531: 1, 532: 6,
    34675: 16 << 20,
}  # fmt: skip
_MAX_ICC: Final = 16 << 20
# The IFD0 tags a JPEG's EXIF may hold besides Orientation, each with the one
# value accepted: tag -> (type, and the rational or the short with its padding).
_JPEG_NEUTRAL: Final = {
    0x011A: (5, 72, 1),
    0x011B: (5, 72, 1),
    0x0128: (3, 2, 0),
    0x0213: (3, 1, 0),
}
_INFLATE_IN: Final = 1 << 16
_INFLATE_OUT: Final = 1 << 20


def walk(mm: mmap.mmap, fmt: str, options: ScrubOptions) -> Layout:
    """The layout of an exported file of `fmt`, or the reason it is refused."""
    if fmt == "jpeg":
        return _walk_jpeg(mm, options)
    if fmt == "png":
        return _walk_png(mm, options)
    if fmt == "webp":
        return _walk_webp(mm, options)
    if fmt == "gif":
        return _walk_gif(mm)
    if fmt == "tiff":
        return _walk_tiff(mm)
    raise _fail(f"not an export format: {fmt}")


# --- minimal EXIF ----------------------------------------------------------------


def _check_exif(tiff: bytes, options: ScrubOptions, *, jpeg: bool = False) -> int:
    """Accept only Orientation (and DateTimeOriginal if kept); return the orientation.

    A JPEG's EXIF may also hold the four IFD0 tags the EXIF standard requires
    there, each with exactly its neutral default (72 dpi, inches, centred).
    """
    if tiff[:4] == b"II*\x00":
        e = "<"
    elif tiff[:4] == b"MM\x00*":
        e = ">"
    else:
        raise _fail("EXIF without a TIFF header")
    covered: list[tuple[int, int]] = [(0, 8)]

    def ifd(off: int) -> dict[int, tuple[int, int, int]]:
        if off < 8 or off + 2 > len(tiff):
            raise _fail("EXIF directory out of range")
        (n,) = struct.unpack_from(f"{e}H", tiff, off)
        end = off + 2 + 12 * n + 4
        if end > len(tiff):
            raise _fail("EXIF directory out of range")
        covered.append((off, end))
        if struct.unpack_from(f"{e}I", tiff, end - 4)[0] != 0:
            raise _fail("EXIF has a second image directory (thumbnail)")
        out = {}
        for i in range(n):
            tag, typ, count = struct.unpack_from(f"{e}HHI", tiff, off + 2 + 12 * i)
            if tag in out:  # a repeated entry would escape the per-tag checks below
                raise _fail(f"EXIF tag 0x{tag:04X} repeated")
            out[tag] = (typ, count, off + 2 + 12 * i + 8)
        return out

    orientation = 1
    ifd0 = ifd(struct.unpack_from(f"{e}I", tiff, 4)[0])
    for tag, (typ, count, at) in ifd0.items():
        if tag == 0x0112 and typ == 3 and count == 1:
            orientation, pad = struct.unpack_from(f"{e}HH", tiff, at)
            if not 1 <= orientation <= 8 or pad != 0:
                raise _fail("EXIF orientation out of range")
        elif jpeg and tag in _JPEG_NEUTRAL and (typ, count) == (_JPEG_NEUTRAL[tag][0], 1):
            if typ == 5:
                at = struct.unpack_from(f"{e}I", tiff, at)[0]
                if at + 8 > len(tiff):
                    raise _fail("EXIF value out of range")
                covered.append((at, at + 8))
            if (
                struct.unpack_from(f"{e}II" if typ == 5 else f"{e}HH", tiff, at)
                != _JPEG_NEUTRAL[tag][1:]
            ):
                raise _fail(f"EXIF tag 0x{tag:04X} holds a value other than its default")
        elif tag == 0x8769 and typ == 4 and count == 1 and options.keep_capture_date:
            sub = ifd(struct.unpack_from(f"{e}I", tiff, at)[0])
            if set(sub) != {0x9003}:
                raise _fail(f"EXIF sub-directory holds tags {sorted(sub)}")
            dtyp, dcount, dat = sub[0x9003]
            voff = struct.unpack_from(f"{e}I", tiff, dat)[0]
            if dtyp != 2 or dcount != 20 or voff + 20 > len(tiff):
                raise _fail("malformed DateTimeOriginal")
            if not _EXIF_DATE.fullmatch(tiff[voff : voff + 20]):
                raise _fail("DateTimeOriginal is not a date")
            covered.append((voff, voff + 20))
        else:
            raise _fail(f"EXIF tag 0x{tag:04X} is not allowed")
    pos = 0
    for start, end in sorted(covered):
        if start != pos:
            raise _fail("EXIF holds unaccounted bytes")
        pos = end
    if pos != len(tiff):
        raise _fail("EXIF holds unaccounted bytes")
    return orientation


# --- JPEG -----------------------------------------------------------------------


def _walk_jpeg(mm: mmap.mmap, options: ScrubOptions) -> Layout:
    size = len(mm)
    pieces: list[Piece] = []
    if mm[:2] != b"\xff\xd8":
        raise _fail("JPEG does not start with SOI")
    pos = 2
    dims: tuple[int, int] | None = None
    orientation = 1
    seen_app: set[int] = set()
    icc_parts: list[tuple[int, int]] = []
    scans = 0
    while True:
        if pos + 2 > size or mm[pos] != 0xFF:
            raise _fail(f"JPEG: expected a marker at {pos}")
        marker = mm[pos + 1]
        if marker == 0xD9:
            if pos + 2 != size:
                raise _fail(f"{size - pos - 2} bytes after JPEG end of image")
            break
        if pos + 4 > size:
            raise _fail("JPEG segment past end of file")
        length = struct.unpack_from(">H", mm, pos + 2)[0]
        body = mm[pos + 4 : pos + 2 + length]
        if length < 2 or pos + 2 + length > size:
            raise _fail("JPEG segment past end of file")
        if marker == 0xE0:
            if (
                0xE0 in seen_app
                or len(body) != 14
                or body[:5] != b"JFIF\x00"
                or body[12:] != b"\0\0"
            ):
                raise _fail("JPEG APP0 is not a plain JFIF header")
        elif marker == 0xE1:
            if 0xE1 in seen_app or body[:6] != b"Exif\x00\x00":
                raise _fail("JPEG APP1 that is not a single EXIF block (XMP?)")
            orientation = _check_exif(body[6:], options, jpeg=True)
        elif marker == 0xE2:
            if body[:12] != b"ICC_PROFILE\x00" or len(body) < 15:
                raise _fail("JPEG APP2 that is not an ICC profile chunk (MPF?)")
            icc_parts.append((body[12], body[13]))
        elif marker == 0xEE:
            if len(body) != 12 or body[:5] != b"Adobe" or 0xEE in seen_app:
                raise _fail("JPEG APP14 is not a plain Adobe marker")
        elif 0xE0 <= marker <= 0xEF:
            raise _fail(f"JPEG APP{marker - 0xE0} segment is not allowed")
        elif marker == 0xFE:
            raise _fail("JPEG comment segment")
        elif marker in (0xC0, 0xC1, 0xC2):
            if dims is not None or len(body) < 6:
                raise _fail("JPEG frame header repeated or short")
            h, w = struct.unpack_from(">HH", body, 1)
            dims = (w, h)
            pieces.append(Piece(bytes((marker,)), pos, 2 + length))
        elif marker in (0xDB, 0xC4, 0xDD, 0xCC):
            pieces.append(Piece(bytes((marker,)), pos, 2 + length))
        elif marker == 0xDA:
            if dims is None:
                raise _fail("JPEG scan before frame header")
            scans += 1
            pieces.append(Piece(b"\xda", pos, 2 + length))
            start = pos + 2 + length
            pos = _scan_end(mm, start)
            if pos < 0:
                raise _fail("JPEG has no end of image")
            if mm[pos - 1] == 0xFF:
                raise _fail("JPEG fill bytes before marker")
            pieces.append(Piece(b"ECS", start, pos - start))
            continue
        else:
            raise _fail(f"JPEG marker 0x{marker:02X} is not allowed")
        if 0xE0 <= marker <= 0xEF:
            seen_app.add(marker)
        pos += 2 + length
    if dims is None or scans == 0:
        raise _fail("JPEG without frame or scan")
    if icc_parts:
        total = {t for _, t in icc_parts}
        if len(total) != 1 or [s for s, _ in icc_parts] != list(range(1, len(icc_parts) + 1)):
            raise _fail("JPEG ICC chunks out of order")
        if total != {len(icc_parts)}:
            raise _fail("JPEG ICC chunk count mismatch")
    return Layout(dims[0], dims[1], orientation, 1, pieces)


def _scan_end(mm: mmap.mmap, start: int) -> int:
    """The position of the first marker from `start` on (0xFF, then a code
    from 0x01 to 0xCF or 0xD8 to 0xFE: not stuffing, a restart or fill), or -1.

    The scan data is nearly the whole file; this is the walk's main cost.
    With numpy loaded (see `_loaded_numpy`) it compares a window at a time,
    three times as fast as the regular expression and without the GIL.
    """
    np = _loaded_numpy()
    if np is None:
        found = _ENTROPY_END.search(mm, start)
        return -1 if found is None else found.start()
    ff, nonzero = _scan_masks()
    whole = window = np.frombuffer(mm, np.uint8)
    try:
        for at in range(start, len(whole) - 1, _SCAN_WINDOW):
            window = whole[at : at + _SCAN_WINDOW + 1]
            n = len(window) - 1
            # Into arrays kept per thread: temporaries of a window's size
            # would cost page faults every time.
            pairs = np.equal(window[:-1], 0xFF, out=ff[:n])
            pairs &= np.not_equal(window[1:], 0, out=nonzero[:n])
            # Pairs whose second byte is not zero are rare in scan data
            # (restarts, the end): only those are looked at again.
            found = np.flatnonzero(pairs)
            code = window[found + 1]
            ends = found[((code >= 0x01) & (code <= 0xCF)) | ((code >= 0xD8) & (code <= 0xFE))]
            if ends.size:
                return at + int(ends[0])
        return -1
    finally:
        # Arrays over the mapping must be gone before it closes, also when
        # this raised (the traceback keeps this frame, not these names).
        del whole, window


def _loaded_numpy() -> ModuleType | None:
    """numpy once something loaded it, else None: loading it costs 0.1-0.3 s,
    more than it saves on a few files; the sync loads it for big batches."""
    if "numpy" not in sys.modules:
        return None
    import numpy  # waits if another thread is still loading it

    return numpy


_scratch = threading.local()


def _scan_masks() -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """This thread's two boolean arrays of `_SCAN_WINDOW` for `_scan_end`."""
    masks: tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]] | None
    masks = getattr(_scratch, "masks", None)
    if masks is None or len(masks[0]) < _SCAN_WINDOW:
        import numpy as np

        masks = (np.empty(_SCAN_WINDOW, np.bool_), np.empty(_SCAN_WINDOW, np.bool_))
        _scratch.masks = masks
    return masks


# --- PNG ------------------------------------------------------------------------


def _walk_png(mm: mmap.mmap, options: ScrubOptions) -> Layout:
    size = len(mm)
    pieces: list[Piece] = []
    if mm[:8] != b"\x89PNG\r\n\x1a\n":
        raise _fail("PNG signature")
    pos = 8
    dims: tuple[int, int] | None = None
    frames = 1
    orientation = 1
    seen_exif = seen_idat = seen_actl = False
    inflater: zlib._Decompress | None = None
    stream_kind = b""
    while True:
        if pos + 12 > size:
            raise _fail("PNG chunk past end of file")
        length, kind = struct.unpack_from(">I4s", mm, pos)
        end = pos + 12 + length
        if end > size:
            raise _fail("PNG chunk past end of file")
        if kind not in _PNG_ALLOWED and kind != b"eXIf":
            raise _fail(f"PNG chunk {kind.decode('latin-1', 'replace')!r} is not allowed")
        data = mm[pos + 8 : pos + 8 + length]
        if zlib.crc32(data, zlib.crc32(kind)) != struct.unpack_from(">I", mm, end - 4)[0]:
            raise _fail(f"PNG CRC mismatch in {kind.decode('latin-1')}")
        if kind in PNG_COPIED:
            pieces.append(Piece(kind, pos, 12 + length))
        if kind == b"IHDR":
            if dims is not None or length != 13 or pos != 8:
                raise _fail("PNG IHDR misplaced")
            dims = struct.unpack_from(">II", data)
        elif kind == b"acTL":
            # One animation control, before the image data (APNG): a second
            # one leaves readers guessing which frames there are.
            if seen_actl or seen_idat or length != 8:
                raise _fail("damaged PNG: its animation control is repeated or misplaced")
            seen_actl = True
            frames = struct.unpack_from(">I", data)[0]
        elif kind == b"iCCP":
            name, _, rest = data.partition(b"\x00")
            if name != _PNG_ICC_NAME or rest[:1] != b"\x00":
                raise _fail("PNG iCCP profile name is not blank")
            _inflate_exactly([rest[1:]])
        elif kind == b"eXIf":
            # Only the minimal EXIF (Orientation, the date when kept), once, before IDAT.
            if seen_exif or seen_idat:
                raise _fail("PNG eXIf repeated or after image data")
            seen_exif = True
            orientation = _check_exif(data, options)
        elif kind == b"IDAT":
            seen_idat = True
        # Every deflate stream of pixel data must end exactly where its chunks end.
        if kind in (b"IDAT", b"fdAT"):
            if inflater is None or stream_kind != kind:
                _finish(inflater)
                inflater, stream_kind = zlib.decompressobj(), kind
            _feed(inflater, data[4:] if kind == b"fdAT" else data)
        elif kind == b"fcTL" or kind == b"IEND":
            _finish(inflater)
            inflater = None
        pos = end
        if kind == b"IEND":
            break
    if pos != size:
        raise _fail(f"{size - pos} bytes after PNG end")
    if dims is None:
        raise _fail("PNG without IHDR")
    return Layout(dims[0], dims[1], orientation, frames, pieces)


def _feed(d: zlib._Decompress, data: bytes) -> None:
    """Inflate one chunk's share of a stream, discarding output, in bounded steps.

    Input goes in 64 KB slices so that `unconsumed_tail` (a copy) stays small
    however big the chunk; output is capped at 1 MB a call (bombs).
    """
    if d.eof:
        raise _fail("PNG data after the end of a deflate stream")
    view = memoryview(data)
    for start in range(0, len(view), _INFLATE_IN):
        if d.eof:
            raise _fail("PNG data after the end of a deflate stream")
        d.decompress(view[start : start + _INFLATE_IN], _INFLATE_OUT)
        while d.unconsumed_tail:
            d.decompress(d.unconsumed_tail, _INFLATE_OUT)
        if d.unused_data:
            raise _fail("PNG data after the end of a deflate stream")


def _finish(d: zlib._Decompress | None) -> None:
    if d is not None and not d.eof:
        raise _fail("PNG deflate stream is incomplete")


def _inflate_exactly(parts: list[bytes]) -> None:
    d = zlib.decompressobj()
    total = 0
    for part in parts:
        total += len(d.decompress(part, _MAX_ICC))
        if d.unconsumed_tail or total > _MAX_ICC:
            raise _fail("PNG ICC profile too large")
    if not d.eof or d.unused_data:
        raise _fail("PNG ICC profile stream is malformed")


# --- WebP -----------------------------------------------------------------------


def _walk_webp(mm: mmap.mmap, options: ScrubOptions) -> Layout:
    size = len(mm)
    if mm[:4] != b"RIFF" or mm[8:12] != b"WEBP":
        raise _fail("WebP RIFF header")
    if struct.unpack_from("<I", mm, 4)[0] + 8 != size:
        raise _fail("WebP RIFF size does not match the file (trailing bytes?)")
    chunks = _riff_chunks(mm, 12, size)
    kinds = [k for k, _, _ in chunks]
    first, off, length = chunks[0]
    if first in (b"VP8 ", b"VP8L"):
        if len(chunks) != 1:
            raise _fail("simple WebP with extra chunks")
        w, h = _vp8_dims(mm, first, off, length)
        return Layout(w, h, 1, 1, [Piece(first, off - 8, 8 + length)])
    if first != b"VP8X" or length != 10:
        raise _fail("WebP without VP8X or bitstream")
    flags = mm[off]
    if flags & 0x04 or b"XMP " in kinds:
        raise _fail("WebP XMP")
    if bool(flags & 0x20) != (b"ICCP" in kinds) or bool(flags & 0x08) != (b"EXIF" in kinds):
        raise _fail("WebP VP8X flags disagree with chunks")
    w = int.from_bytes(mm[off + 4 : off + 7], "little") + 1
    h = int.from_bytes(mm[off + 7 : off + 10], "little") + 1
    orientation = 1
    frames = 0
    # The canvas (and VP8X's reserved bytes) are copied; only the flags are rewritten.
    pieces = [Piece(b"VP8X", off + 1, 9)]
    for kind, coff, clen in chunks[1:]:
        if kind == b"EXIF":
            if kinds.count(b"EXIF") != 1:
                raise _fail("WebP with several EXIF chunks")
            orientation = _check_exif(mm[coff : coff + clen], options)
        elif kind == b"ANMF":
            frames += 1
            if clen < 16:
                raise _fail("WebP frame header is short")
            pieces.append(Piece(b"ANMF", coff, 16))
            for sub, soff, slen in _riff_chunks(mm, coff + 16, coff + clen):
                if sub not in (b"ALPH", b"VP8 ", b"VP8L"):
                    raise _fail(f"WebP frame holds chunk {sub!r}")
                pieces.append(Piece(sub, soff - 8, 8 + slen))
        elif kind in (b"ANIM", b"ALPH", b"VP8 ", b"VP8L"):
            pieces.append(Piece(kind, coff - 8, 8 + clen))
        elif kind != b"ICCP":
            raise _fail(f"WebP chunk {kind!r} is not allowed")
    return Layout(w, h, orientation, max(frames, 1), pieces)


def _riff_chunks(mm: mmap.mmap, pos: int, end: int) -> list[tuple[bytes, int, int]]:
    out = []
    while pos < end:
        if pos + 8 > end:
            raise _fail("WebP chunk header past end")
        kind, length = struct.unpack_from("<4sI", mm, pos)
        if pos + 8 + length > end:
            raise _fail("WebP chunk past end")
        out.append((kind, pos + 8, length))
        pos += 8 + length + (length & 1)
    if pos != end or not out:
        raise _fail("WebP chunks do not fill their container")
    return out


def _vp8_dims(mm: mmap.mmap, kind: bytes, off: int, length: int) -> tuple[int, int]:
    if kind == b"VP8 ":
        if length < 10 or mm[off + 3 : off + 6] != b"\x9d\x01\x2a":
            raise _fail("VP8 frame header")
        w, h = struct.unpack_from("<HH", mm, off + 6)
        return w & 0x3FFF, h & 0x3FFF
    if length < 5 or mm[off] != 0x2F:
        raise _fail("VP8L header")
    bits = struct.unpack_from("<I", mm, off + 1)[0]
    return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1


# --- GIF ------------------------------------------------------------------------


def _walk_gif(mm: mmap.mmap) -> Layout:
    size = len(mm)
    if mm[:6] not in (b"GIF87a", b"GIF89a"):
        raise _fail("GIF signature")
    w, h, flags = struct.unpack_from("<HHB", mm, 6)
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0
    pieces = [Piece(b"screen", 6, pos - 6)]

    def skip_blocks(p: int) -> int:
        while True:
            if p >= size:
                raise _fail("GIF data past end of file")
            n = mm[p]
            p += 1 + n
            if n == 0:
                return p

    while True:
        if pos >= size:
            raise _fail("GIF without trailer")
        intro = mm[pos]
        if intro == 0x3B:
            if pos + 1 != size:
                raise _fail(f"{size - pos - 1} bytes after GIF trailer")
            break
        if intro == 0x2C:
            start = pos
            lflags = mm[pos + 9]
            pos += 10 + (3 << ((lflags & 7) + 1) if lflags & 0x80 else 0) + 1
            pos = skip_blocks(pos)
            pieces.append(Piece(b"image", start, pos - start))
            frames += 1
        elif intro == 0x21:
            label = mm[pos + 1]
            if label == 0xF9:
                if mm[pos + 2] != 4 or mm[pos + 7] != 0:
                    raise _fail("GIF graphic control extension malformed")
                pieces.append(Piece(b"control", pos, 8))
                pos += 8
            elif label == 0xFF:
                block = mm[pos + 2 : pos + 16]
                if block != b"\x0bNETSCAPE2.0\x03\x01" and block != b"\x0bANIMEXTS1.0\x03\x01":
                    raise _fail("GIF application extension other than looping")
                if mm[pos + 18] != 0:
                    raise _fail("GIF looping extension malformed")
                pos += 19
            elif label == 0xFE:
                raise _fail("GIF comment extension")
            else:
                raise _fail(f"GIF extension 0x{label:02X} is not allowed")
        else:
            raise _fail(f"GIF block 0x{intro:02X}")
    return Layout(w, h, 1, frames, pieces)


# --- TIFF -----------------------------------------------------------------------


def _walk_tiff(mm: mmap.mmap) -> Layout:
    size = len(mm)
    if mm[:4] == b"II*\x00":
        e = "<"
    elif mm[:4] == b"MM\x00*":
        e = ">"
    else:
        raise _fail("TIFF header")
    ifd = struct.unpack_from(f"{e}I", mm, 4)[0]
    (n,) = struct.unpack_from(f"{e}H", mm, ifd)
    ifd_end = ifd + 2 + 12 * n + 4
    if ifd_end > size:
        raise _fail("TIFF directory past end")
    if struct.unpack_from(f"{e}I", mm, ifd_end - 4)[0] != 0:
        raise _fail("TIFF has more than one directory (pages, thumbnails)")
    covered = [(0, 8), (ifd, ifd_end)]
    values: dict[int, tuple[int, ...]] = {}
    tags: dict[int, tuple[int, int, bytes]] = {}
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", mm, ifd + 2 + 12 * i)
        if tag in tags:
            raise _fail(f"TIFF tag {tag} repeated")
        limit = _TIFF_ALLOWED.get(tag)
        if limit is None:
            raise _fail(f"TIFF tag {tag} is not allowed")
        if typ not in _TIFF_SIZES or count > limit or count == 0:
            raise _fail(f"TIFF tag {tag} has an unexpected type or count")
        nbytes = _TIFF_SIZES[typ] * count
        at = ifd + 2 + 12 * i + 8
        if nbytes > 4:
            at = struct.unpack_from(f"{e}I", mm, at)[0]
            covered.append((at, at + nbytes + (nbytes & 1)))
        if at + nbytes > size:
            raise _fail(f"TIFF tag {tag} past end of file")
        tags[tag] = (typ, count, mm[at : at + nbytes])
        if typ in (3, 4) and tag in (256, 257, 273, 274, 279, 324, 325):
            code = "H" if typ == 3 else "I"
            values[tag] = struct.unpack_from(f"{e}{count}{code}", mm, at)
    offsets = values.get(273) or values.get(324) or ()
    counts = values.get(279) or values.get(325) or ()
    if not offsets or len(offsets) != len(counts):
        raise _fail("TIFF strip offsets and counts disagree")
    covered += [(o, o + c) for o, c in zip(offsets, counts, strict=True)]
    pos = 0
    for start, end in sorted(covered):
        if start < pos:
            raise _fail("TIFF structures overlap")
        if start > pos + 1:  # one pad byte keeps values word-aligned
            raise _fail(f"TIFF holds {start - pos} unreferenced bytes at {pos}")
        pos = end
    if pos != size:
        raise _fail(f"TIFF holds {size - pos} bytes past its image data")
    orientation = values.get(274, (1,))[0]
    if 256 not in values or 257 not in values:
        raise _fail("TIFF without dimensions")
    return Layout(values[256][0], values[257][0], orientation, 1, tags=tags, order=mm[:4])
