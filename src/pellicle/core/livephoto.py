"""Find Live Photos: a still (HEIC or JPEG) and the short MOV recorded with it.

An iPhone writes a Live Photo as two files in the same folder with the same
base name (IMG_1234.HEIC + IMG_1234.MOV) and stamps both with one content
identifier: the MOV in its QuickTime keys
(`com.apple.quicktime.content.identifier`), the still in Apple's MakerNote
(tag 0x0011). For rules the pair is one photo: the still's rule and sticky
private decide for the video too.

Pairing is by name first, from the index the scan already has; identifiers
are read only for those candidates (a few small reads each), and only to
refuse a pair whose identifiers both exist and differ (a MOV that merely
shares a name). Nothing here decides or exports: `pair_live_photos` answers
"which still does this video belong to", and the engine applies its rules.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Final

#: Formats a Live Photo's still and video come in.
STILL_FORMATS: Final = frozenset({"heif", "jpeg"})
VIDEO_FORMATS: Final = frozenset({"mov"})
CONTENT_KEY: Final = b"com.apple.quicktime.content.identifier"
_MAX_MOOV: Final = 16 << 20
_MAX_EXIF: Final = 1 << 20

#: Reads the content identifier of a library file (relative path), or None.
IdentifierReader = Callable[[bytes], "str | None"]


@dataclass(frozen=True)
class LivePair:
    still: bytes
    video: bytes


def pair_live_photos(
    files: Iterable[tuple[bytes, str | None]], identifier: IdentifierReader | None = None
) -> dict[bytes, LivePair]:
    """Pairs among `files` ((relative path, format) as the index has them),
    keyed by the video's path.

    A still and a MOV pair when they share a folder and a base name (case
    aside), with one still of that name (IMG_1234.HEIC beside IMG_1234.JPG
    is ambiguous and left unpaired). With `identifier`, a pair whose two
    identifiers are both known and differ is not a pair.
    """
    stills: dict[tuple[bytes, bytes], list[bytes]] = {}
    videos: dict[tuple[bytes, bytes], list[bytes]] = {}
    for rel, fmt in files:
        folder, _, name = rel.rpartition(b"/")
        stem = os.path.splitext(name)[0].lower()
        if fmt in STILL_FORMATS:
            stills.setdefault((folder, stem), []).append(rel)
        elif fmt in VIDEO_FORMATS:
            videos.setdefault((folder, stem), []).append(rel)
    pairs: dict[bytes, LivePair] = {}
    for key, movs in videos.items():
        found = stills.get(key)
        if found is None or len(found) != 1 or len(movs) != 1:
            continue
        still, video = found[0], movs[0]
        if identifier is not None:
            a, b = identifier(still), identifier(video)
            if a is not None and b is not None and a != b:
                continue
        pairs[video] = LivePair(still, video)
    return pairs


def content_identifier(path: str | os.PathLike[str]) -> str | None:
    """The Live Photo content identifier of a MOV, HEIC or JPEG, or None.

    Reads only what it needs (the MOV's movie box, the still's EXIF); any
    file that is not what it seems gives None, never an exception.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        head = os.pread(fd, 12, 0)
        if head[:3] == b"\xff\xd8\xff":
            return _from_jpeg(fd)
        if head[4:8] == b"ftyp" and head[8:12] in (b"qt  ", b"isom", b"mp42"):
            return _from_movie(fd)
        if head[4:8] == b"ftyp":
            return _from_heif(fd)
        return None
    except (OSError, ValueError, struct.error, IndexError):
        return None
    finally:
        os.close(fd)


# --- MOV: moov/meta/keys + ilst ------------------------------------------------


def _boxes(buf: bytes, start: int, end: int) -> Iterable[tuple[bytes, int, int]]:
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, pos)
        header = 8
        if size == 1:
            size = struct.unpack_from(">Q", buf, pos + 8)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _top_box(fd: int, wanted: bytes) -> bytes | None:
    size_of_file = os.fstat(fd).st_size
    pos = 0
    for _ in range(1000):
        head = os.pread(fd, 16, pos)
        if len(head) < 8:
            return None
        size, kind = struct.unpack_from(">I4s", head)
        header = 8
        if size == 1 and len(head) == 16:
            size, header = struct.unpack_from(">Q", head, 8)[0], 16
        elif size == 0:
            size = size_of_file - pos
        if size < header:
            return None
        if kind == wanted:
            if size - header > _MAX_MOOV:
                return None
            return os.pread(fd, size - header, pos + header)
        pos += size
    return None


def _from_movie(fd: int) -> str | None:
    moov = _top_box(fd, b"moov")
    if moov is None:
        return None
    # iPhones write moov/meta; some tools put the keys in moov/udta/meta.
    metas = []
    for kind, start, end in _boxes(moov, 0, len(moov)):
        if kind == b"meta":
            metas.append((start, end))
        elif kind == b"udta":
            metas += [(s, e) for k, s, e in _boxes(moov, start, end) if k == b"meta"]
    for start, end in metas:
        found = _from_meta(moov, start, end)
        if found is not None:
            return found
    return None


def _from_meta(buf: bytes, start: int, end: int) -> str | None:
    if buf[start : start + 4] == bytes(4):
        start += 4  # an ISO full box (version, flags); QuickTime's has none
    keys: list[bytes] = []
    ilst: tuple[int, int] | None = None
    for kind, s, e in _boxes(buf, start, end):
        if kind == b"keys":
            count = struct.unpack_from(">I", buf, s + 4)[0]
            pos = s + 8
            for _ in range(min(count, 4096)):
                size = struct.unpack_from(">I", buf, pos)[0]
                if size < 8 or pos + size > e:
                    break
                keys.append(buf[pos + 8 : pos + size])
                pos += size
        elif kind == b"ilst":
            ilst = (s, e)
    if CONTENT_KEY not in keys or ilst is None:
        return None
    index = keys.index(CONTENT_KEY) + 1
    for kind, s, e in _boxes(buf, *ilst):
        if int.from_bytes(kind, "big") != index:
            continue
        for inner, ds, de in _boxes(buf, s, e):
            if inner == b"data" and de - ds > 8:
                return _clean(buf[ds + 8 : de])
    return None


# --- stills: Apple MakerNote tag 0x0011 -------------------------------------------


def _from_jpeg(fd: int) -> str | None:
    pos = 2
    for _ in range(64):
        head = os.pread(fd, 4, pos)
        if len(head) < 4 or head[0] != 0xFF or head[1] == 0xDA:
            return None
        length = struct.unpack(">H", head[2:4])[0]
        if head[1] == 0xE1:
            payload = os.pread(fd, min(length - 2, _MAX_EXIF), pos + 4)
            if payload.startswith(b"Exif\x00\x00"):
                return _from_tiff(payload[6:])
        pos += 2 + length
    return None


def _from_heif(fd: int) -> str | None:
    """HEIC keeps EXIF as an item; its bytes start with a 4-byte offset and
    'Exif\\0\\0'. Search the first megabytes for the TIFF header after it."""
    data = os.pread(fd, 4 << 20, 0)
    at = data.find(b"Exif\x00\x00MM\x00*")
    if at < 0:
        at = data.find(b"Exif\x00\x00II*\x00")
    if at < 0:
        return None
    return _from_tiff(data[at + 6 : at + 6 + _MAX_EXIF])


def _from_tiff(tiff: bytes) -> str | None:
    e = "<" if tiff[:2] == b"II" else ">"
    exif_ifd = _ifd_value(tiff, e, struct.unpack_from(f"{e}I", tiff, 4)[0], 0x8769)
    if exif_ifd is None:
        return None
    note = _ifd_entry(tiff, e, exif_ifd[1], 0x927C)
    if note is None:
        return None
    _typ, count, value_at = note
    maker = tiff[value_at : value_at + count]
    if not maker.startswith(b"Apple iOS\x00"):
        return None
    # Apple's MakerNote: header, then a big-endian IFD at offset 14 whose
    # offsets count from the start of the MakerNote.
    entry = _ifd_entry(maker, ">", 14, 0x0011)
    if entry is None:
        return None
    _typ, count, at = entry
    return _clean(maker[at : at + count])


def _ifd_entry(tiff: bytes, e: str, off: int, tag: int) -> tuple[int, int, int] | None:
    """(type, byte count, where the value is) of `tag` in the IFD at `off`."""
    n = struct.unpack_from(f"{e}H", tiff, off)[0]
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 7: 1}
    for i in range(min(n, 1024)):
        t, typ, count = struct.unpack_from(f"{e}HHI", tiff, off + 2 + 12 * i)
        if t != tag:
            continue
        nbytes = sizes.get(typ, 1) * count
        at = off + 2 + 12 * i + 8
        if nbytes > 4:
            at = struct.unpack_from(f"{e}I", tiff, at)[0]
        return typ, nbytes, at
    return None


def _ifd_value(tiff: bytes, e: str, off: int, tag: int) -> tuple[int, int] | None:
    entry = _ifd_entry(tiff, e, off, tag)
    if entry is None:
        return None
    return entry[0], struct.unpack_from(f"{e}I", tiff, entry[2])[0]


def _clean(raw: bytes) -> str | None:
    text = raw.split(b"\x00", 1)[0].decode("utf-8", "replace").strip()
    return text or None
