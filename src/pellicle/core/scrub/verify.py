"""The gate: re-read an exported file with an independent parser before it becomes visible.

A scrubber bug must not become a leak. This module shares no parsing code
with the writers (it imports only the value types and Pillow's limits): it
walks the written file's structure itself and accepts only what is on the
allowlist — image coding data, an ICC profile, and a minimal EXIF holding
Orientation (plus DateTimeOriginal when the profile keeps the capture date).
It then decodes the file with Pillow and checks dimensions, orientation and
frame count against what the scrubber reported. Anything else is refused.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import mmap
import os
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Final

from PIL import ImageFile

from pellicle.core.imaging import open_image
from pellicle.core.reasons import describe
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.warnings_policy import library_warnings_are_errors
from pellicle.core.words import msg

_ENTROPY_END: Final = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")
_EXIF_DATE: Final = re.compile(rb"[0-9]{4}:[0-9]{2}:[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\x00")
_PNG_ALLOWED: Final = frozenset(
    {
        b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB",
        b"sBIT", b"bKGD", b"pHYs", b"hIST", b"cICP", b"mDCV", b"cLLI",
        b"acTL", b"fcTL", b"fdAT", b"iCCP",
    }
)  # fmt: skip
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


@dataclass
class _Seen:
    width: int
    height: int
    orientation: int
    frames: int


def _fail(reason: str) -> ScrubError:
    # The reason itself is a diagnostic for a bug report: it stays English.
    return ScrubError(msg("core.scrub", "verification failed: {reason}").format(reason=reason))


def verify(
    fd: int,
    expected: ScrubResult,
    options: ScrubOptions = ScrubOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> str:
    """Check the file behind `fd` against `expected`; return its sha256 hex digest.

    `fd` may be write-only (it is then reopened read-only through /proc).
    Raises ScrubError with the reason when anything is outside the allowlist,
    the file does not decode, or it does not match `expected`.
    """
    try:
        rfd = _readable(fd)
    except OSError as exc:
        raise _fail(f"cannot read back: {exc.strerror or exc}") from exc
    try:
        size = os.fstat(rfd).st_size
        if size == 0:
            raise _fail("empty file")
        with mmap.mmap(rfd, size, access=mmap.ACCESS_READ) as mm:
            seen = _walk(mm, expected.fmt, options)
            _compare(seen, expected)
            with library_warnings_are_errors():  # Pillow's "I guessed" is a refusal here
                _decode(mm, expected)
            return hashlib.sha256(mm).hexdigest()
    except ScrubError:
        raise
    except Exception as exc:
        raise _fail(describe(exc, expected.fmt)) from exc
    finally:
        os.close(rfd)


def _readable(fd: int) -> int:
    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
        return os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    return os.dup(fd)


def _walk(mm: mmap.mmap, fmt: str, options: ScrubOptions) -> _Seen:
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


def _compare(seen: _Seen, expected: ScrubResult) -> None:
    got = (seen.width, seen.height, seen.orientation, seen.frames)
    want = (expected.width, expected.height, expected.orientation, expected.frames)
    if got != want:
        raise _fail(f"file has size/orientation/frames {got}, expected {want}")


def _decode(mm: mmap.mmap, expected: ScrubResult) -> None:
    """Decode every frame with Pillow; JPEG at 1/8 scale (still reads all scan data)."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Process-global: if anything switched it on, a cut-off file would "decode".
        raise _fail("Pillow is set to accept truncated images")
    with open_image(io.BytesIO(mm), _PIL_FORMAT[expected.fmt]) as img:
        w, h = expected.width, expected.height
        allowed = {(w, h)}
        if expected.orientation in (5, 6, 7, 8):
            allowed.add((h, w))  # Pillow turns TIFFs upright on open
        if img.size not in allowed:
            raise _fail(f"decoder sees {img.size[0]}x{img.size[1]}, expected {w}x{h}")
        frames = getattr(img, "n_frames", 1)
        if frames != expected.frames:
            raise _fail(f"decoder sees {frames} frames, expected {expected.frames}")
        if expected.fmt == "jpeg":
            # At 1/8 scale libjpeg's inverse DCT keeps only the DC term, and "L"
            # (honoured for YCbCr files only) skips the chroma IDCT and colour
            # conversion. The Huffman decoder still reads every coefficient of
            # every component in every scan: that is what proves the scan data
            # decodes, and it is most of the cost (see docs/benchmarks.md).
            img.draft("L", (max(1, w // 8), max(1, h // 8)))
        for i in range(frames):
            img.seek(i)
            img.load()


_PIL_FORMAT: Final = {
    "jpeg": ("JPEG",),
    "png": ("PNG",),
    "webp": ("WEBP",),
    "gif": ("GIF",),
    "tiff": ("TIFF",),
}


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


def _walk_jpeg(mm: mmap.mmap, options: ScrubOptions) -> _Seen:
    size = len(mm)
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
        elif marker in (0xDB, 0xC4, 0xDD, 0xCC):
            pass
        elif marker == 0xDA:
            if dims is None:
                raise _fail("JPEG scan before frame header")
            scans += 1
            found = _ENTROPY_END.search(mm, pos + 2 + length)
            if found is None:
                raise _fail("JPEG has no end of image")
            pos = found.start()
            if mm[pos - 1] == 0xFF:
                raise _fail("JPEG fill bytes before marker")
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
    return _Seen(dims[0], dims[1], orientation, 1)


# --- PNG ------------------------------------------------------------------------


def _walk_png(mm: mmap.mmap, options: ScrubOptions) -> _Seen:
    size = len(mm)
    if mm[:8] != b"\x89PNG\r\n\x1a\n":
        raise _fail("PNG signature")
    pos = 8
    dims: tuple[int, int] | None = None
    frames = 1
    orientation = 1
    seen_exif = seen_idat = False
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
        if kind == b"IHDR":
            if dims is not None or length != 13 or pos != 8:
                raise _fail("PNG IHDR misplaced")
            dims = struct.unpack_from(">II", data)
        elif kind == b"acTL":
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
    return _Seen(dims[0], dims[1], orientation, frames)


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


def _walk_webp(mm: mmap.mmap, options: ScrubOptions) -> _Seen:
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
        return _Seen(w, h, 1, 1)
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
    for kind, coff, clen in chunks[1:]:
        if kind == b"EXIF":
            if kinds.count(b"EXIF") != 1:
                raise _fail("WebP with several EXIF chunks")
            orientation = _check_exif(mm[coff : coff + clen], options)
        elif kind == b"ANMF":
            frames += 1
            for sub, _, _ in _riff_chunks(mm, coff + 16, coff + clen):
                if sub not in (b"ALPH", b"VP8 ", b"VP8L"):
                    raise _fail(f"WebP frame holds chunk {sub!r}")
        elif kind not in (b"ICCP", b"ANIM", b"ALPH", b"VP8 ", b"VP8L"):
            raise _fail(f"WebP chunk {kind!r} is not allowed")
    return _Seen(w, h, orientation, max(frames, 1))


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


def _walk_gif(mm: mmap.mmap) -> _Seen:
    size = len(mm)
    if mm[:6] not in (b"GIF87a", b"GIF89a"):
        raise _fail("GIF signature")
    w, h, flags = struct.unpack_from("<HHB", mm, 6)
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    frames = 0

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
            lflags = mm[pos + 9]
            pos += 10 + (3 << ((lflags & 7) + 1) if lflags & 0x80 else 0) + 1
            pos = skip_blocks(pos)
            frames += 1
        elif intro == 0x21:
            label = mm[pos + 1]
            if label == 0xF9:
                if mm[pos + 2] != 4 or mm[pos + 7] != 0:
                    raise _fail("GIF graphic control extension malformed")
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
    return _Seen(w, h, 1, frames)


# --- TIFF -----------------------------------------------------------------------


def _walk_tiff(mm: mmap.mmap) -> _Seen:
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
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", mm, ifd + 2 + 12 * i)
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
    return _Seen(values[256][0], values[257][0], orientation, 1)
