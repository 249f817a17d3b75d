"""Lossless TIFF scrubbing: write a new single-IFD file around the copied image data.

TIFF mixes image structure and metadata in the same tag directories, and
points into the rest of the file by offset, so deleting tags in place would
leave their values (and any unreferenced bytes) behind. Instead the scrubber
writes a fresh file: a header, one IFD holding only image-structure tags
(with bounded counts, so no kept tag can smuggle text), their values, and
the strip or tile data copied byte for byte. Artist, Make, Model, Software,
dates, XMP, IPTC, Photoshop resources, EXIF and GPS sub-IFDs, SubIFDs and
every page after the first are gone. TIFF-based RAW files are refused
(`formats.classify_tiff` tells them apart; they are rendered by `raw`).
"""

from __future__ import annotations

import struct
from typing import Final

from pellicle.core.formats import classify_tiff
from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

_TYPE_SIZE: Final = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}
_NUMERIC: Final = frozenset({1, 3, 4, 5, 6, 8, 9, 10, 11, 12})
_MAX_ENTRIES: Final = 4096
_MAX_VALUES: Final = 64 << 20
_MAX_STRIPS: Final = 1 << 20

# Image-structure tags and the largest count each may have. Bounding counts
# keeps numeric tags from becoming a carrier for hidden text.
_KEEP: Final = {
    256: 1, 257: 1, 258: 16, 259: 1, 262: 1, 266: 1, 274: 1, 277: 1, 278: 1,
    282: 1, 283: 1, 284: 1, 296: 1, 317: 1, 318: 2, 319: 6, 320: 3 * 65536,
    322: 1, 323: 1, 332: 1, 338: 16, 339: 16, 340: 16, 341: 16, 529: 3, 530: 2,
    531: 1, 532: 6, 34675: 16 << 20,
}  # fmt: skip
_STRIPS: Final = (273, 279)
_TILES: Final = (324, 325)
# Compressions Pillow decodes and whose data holds nothing but pixels.
# (JPEG-in-TIFF is refused: its strips are JPEG streams that may carry APPn.)
_COMPRESSIONS: Final = frozenset({1, 5, 8, 32773, 32946})


class _Entry:
    __slots__ = ("count", "tag", "typ", "value")

    def __init__(self, tag: int, typ: int, count: int, value: bytes) -> None:
        self.tag, self.typ, self.count, self.value = tag, typ, count, value


def _read_ifd(src: Source, off: int, e: str, budget: list[int]) -> dict[int, _Entry]:
    (n,) = struct.unpack(f"{e}H", src.read(off, 2, "IFD"))
    if n == 0 or n > _MAX_ENTRIES:
        raise ScrubError(msg("core.scrub", "corrupt TIFF: bad IFD entry count"))
    raw = src.read(off + 2, 12 * n, "IFD")
    entries: dict[int, _Entry] = {}
    for i in range(n):
        tag, typ, count = struct.unpack_from(f"{e}HHI", raw, 12 * i)
        size = _TYPE_SIZE.get(typ, 0) * count
        if size == 0:
            continue  # unknown types are skipped, as readers must
        if size <= 4:
            value = raw[12 * i + 8 : 12 * i + 8 + size]
        elif tag in _KEEP or tag in _STRIPS or tag in _TILES or tag in (271, 330):
            budget[0] -= size
            if budget[0] < 0:
                raise ScrubError(msg("core.scrub", "corrupt TIFF: tag values too large"))
            (voff,) = struct.unpack_from(f"{e}I", raw, 12 * i + 8)
            value = src.read(voff, size, "tag value")
        else:
            value = b""  # dropped anyway; not worth reading
        entries[tag] = _Entry(tag, typ, count, value)
    return entries


def _ints(entry: _Entry | None, e: str) -> list[int]:
    if entry is None:
        return []
    if entry.typ == 3:
        return list(struct.unpack(f"{e}{entry.count}H", entry.value))
    if entry.typ == 4:
        return list(struct.unpack(f"{e}{entry.count}I", entry.value))
    if entry.typ == 1:
        return list(entry.value)
    raise ScrubError(
        msg("core.scrub", "corrupt TIFF: tag {tag} has a non-integer type").format(
            tag=str(entry.tag)
        )
    )


def _one(entries: dict[int, _Entry], tag: int, e: str, default: int | None = None) -> int:
    values = _ints(entries.get(tag), e)
    if values:
        return values[0]
    if default is None:
        raise ScrubError(msg("core.scrub", "corrupt TIFF: missing tag {tag}").format(tag=str(tag)))
    return default


def _refuse_raw(src: Source) -> None:
    # The scan already calls these "raw"; a TIFF reaching this scrubber that
    # still classifies as RAW (it changed, or the caller guessed) is refused
    # rather than exported as one of its thumbnails or placeholder images.
    if classify_tiff(src.read_upto) == "raw":
        raise ScrubError(msg("core.scrub", "a camera RAW file, not a plain TIFF"))


def scrub_tiff(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    del options  # TIFF never keeps dates: they live in tags we drop
    head = src.read(0, 8, "header")
    if head[:4] == b"II*\x00":
        e = "<"
    elif head[:4] == b"MM\x00*":
        e = ">"
    else:
        raise ScrubError(
            msg("core.scrub", "unsupported TIFF variant (BigTIFF or unknown byte order)")
        )
    (ifd0,) = struct.unpack(f"{e}I", head[4:8])
    entries = _read_ifd(src, ifd0, e, [_MAX_VALUES])
    _refuse_raw(src)

    width, height = _one(entries, 256, e), _one(entries, 257, e)
    try:
        check_dimensions(width, height)
    except ImageTooLarge as exc:
        raise ScrubError(exc.reason("TIFF")) from None
    compression = _one(entries, 259, e, 1)
    if compression not in _COMPRESSIONS:
        raise ScrubError(
            msg("core.scrub", "unsupported TIFF compression {compression}").format(
                compression=str(compression)
            )
        )
    if 273 in entries:
        off_tag, count_tag = _STRIPS
    elif 324 in entries:
        off_tag, count_tag = _TILES
    else:
        raise ScrubError(msg("core.scrub", "corrupt TIFF: no image data"))
    offsets = _ints(entries.get(off_tag), e)
    counts = _ints(entries.get(count_tag), e)
    if not offsets or len(offsets) != len(counts) or len(offsets) > _MAX_STRIPS:
        raise ScrubError(msg("core.scrub", "corrupt TIFF: strip offsets and byte counts disagree"))
    for off, n in zip(offsets, counts, strict=True):
        if off + n > src.size:
            raise ScrubError(msg("core.scrub", "truncated TIFF: image data past end of file"))

    orientation = _one(entries, 274, e, 1)
    if not 1 <= orientation <= 8:
        orientation = 1
    kept: list[_Entry] = []
    for tag, entry in entries.items():
        limit = _KEEP.get(tag)
        if limit is None or tag == 274:
            continue
        numeric = entry.typ in _NUMERIC or (tag == 34675 and entry.typ == 7)
        if not numeric or entry.count > limit:
            raise ScrubError(
                msg("core.scrub", "corrupt TIFF: unexpected value in tag {tag}").format(
                    tag=str(tag)
                )
            )
        kept.append(entry)
    if orientation != 1:
        kept.append(_Entry(274, 3, 1, struct.pack(f"{e}H", orientation)))
    n = len(offsets)
    kept.append(_Entry(off_tag, 4, n, b""))  # filled in once the layout is known
    kept.append(_Entry(count_tag, 4, n, struct.pack(f"{e}{n}I", *counts)))
    kept.sort(key=lambda en: en.tag)

    ifd_size = 2 + 12 * len(kept) + 4
    pos = 8 + ifd_size
    value_at: dict[int, int] = {}
    for entry in kept:
        size = _TYPE_SIZE[entry.typ] * entry.count
        if size > 4:
            value_at[entry.tag] = pos
            pos += size + (size & 1)
    new_offsets = []
    for count in counts:
        new_offsets.append(pos)
        pos += count
    if pos >= 1 << 32:
        raise ScrubError(msg("core.scrub", "unsupported TIFF: too large for a classic TIFF"))
    for entry in kept:
        if entry.tag == off_tag:
            entry.value = struct.pack(f"{e}{n}I", *new_offsets)

    out = bytearray(head[:4] + struct.pack(f"{e}I", 8) + struct.pack(f"{e}H", len(kept)))
    values = bytearray()
    for entry in kept:
        out += struct.pack(f"{e}HHI", entry.tag, entry.typ, entry.count)
        if entry.tag in value_at:
            out += struct.pack(f"{e}I", value_at[entry.tag])
            values += entry.value + (b"\x00" if len(entry.value) & 1 else b"")
        else:
            out += entry.value.ljust(4, b"\x00")
    out += struct.pack(f"{e}I", 0)
    sink.write(out + values)
    # Coalesce strips that are contiguous in the source into single copies.
    run_start, run_len = offsets[0], 0
    for off, count in zip(offsets, counts, strict=True):
        if off == run_start + run_len:
            run_len += count
        else:
            sink.copy(src, run_start, run_len)
            run_start, run_len = off, count
    sink.copy(src, run_start, run_len)
    return ScrubResult("tiff", width, height, orientation)
