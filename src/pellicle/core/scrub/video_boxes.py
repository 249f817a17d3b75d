"""ISO base media boxes and sample tables, as the video writer reads them.

The writer (`video`) decides what a kept movie holds; to do so it asks the
same mechanical questions of every box: where are the children and do they
exactly fill their parent, is this table exactly as long as its entry count
says (no slack where other bytes could ride along), how many bytes does each
chunk hold given the sample-to-chunk runs and the sample sizes, which
grouping does a sample-group box describe. The answers live here so the
writer reads as its keep-list, and so each answer can be checked against
the specification on its own. Every function refuses (`unreadable`) rather
than guesses.

The gate (`verify_video`) has its own walker and shares nothing with this
module, on purpose: a mistake here must not be repeated by the check.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from pellicle.core.scrub._types import ScrubError
from pellicle.core.words import msg

_MAX_DEPTH: Final = 12


@dataclass
class Box:
    """Where one box lies in a buffer (the movie box, read whole)."""

    type: bytes
    start: int  # of the header, relative to the buffer
    body: int  # first byte after the header
    end: int


def unreadable(reason: str) -> ScrubError:
    """The error for a file whose structure cannot be trusted."""
    return ScrubError(msg("core.scrub", "unreadable video: {reason}").format(reason=reason))


def u32(buf: bytes | memoryview, off: int) -> int:
    return int.from_bytes(buf[off : off + 4], "big")


def box_bytes(kind: bytes, *parts: bytes) -> bytes:
    """A new box of type `kind` holding `parts` (always a 32-bit size)."""
    body = b"".join(parts)
    if len(body) + 8 >= 1 << 32:
        raise ScrubError(msg("core.scrub", "video box too large"))
    return struct.pack(">I", len(body) + 8) + kind + body


def child_boxes(buf: bytes, start: int, end: int, depth: int) -> Iterator[Box]:
    """The boxes that exactly fill buf[start:end]; sizes that lie are refused."""
    if depth > _MAX_DEPTH:
        raise unreadable(msg("core.scrub", "boxes nested too deep"))
    pos = start
    while pos < end:
        if end - pos < 8:
            raise unreadable(msg("core.scrub", "box header cut short"))
        size = u32(buf, pos)
        kind = bytes(buf[pos + 4 : pos + 8])
        header = 8
        if size == 1:
            if end - pos < 16:
                raise unreadable(msg("core.scrub", "box header cut short"))
            size = int.from_bytes(buf[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise unreadable(
                msg("core.scrub", "box '{box}' has a size that does not fit").format(
                    box=fourcc(kind)
                )
            )
        yield Box(kind, pos, pos + header, pos + size)
        pos += size


def fourcc(kind: bytes) -> str:
    """A box type as a message can show it (escapes for unprintable bytes)."""
    return kind.decode("latin-1").encode("unicode_escape").decode("ascii")


def entry_boxes(moov: bytes, start: int, end: int) -> list[Box]:
    """The boxes inside a sample entry. Some writers end the list with a few
    zero bytes; anything else that is not a box is refused."""
    boxes = []
    pos = start
    while end - pos >= 8:
        size = u32(moov, pos)
        if size < 8 or pos + size > end:
            break
        boxes.append(Box(moov[pos + 4 : pos + 8], pos, pos + 8, pos + size))
        pos += size
    if moov[pos:end].strip(b"\x00"):
        raise unreadable(msg("core.scrub", "stray bytes in a sample description"))
    return boxes


def check_table(kind: bytes, body: bytes) -> None:
    """The table's size must be exactly what its entry count says: no slack
    where other bytes could ride along."""
    if len(body) < 8:
        raise unreadable(msg("core.scrub", "bad '{box}' table").format(box=fourcc(kind)))
    if body[0] > 1 and kind != b"cslg":
        raise unreadable(msg("core.scrub", "unknown '{box}' version").format(box=fourcc(kind)))
    count = u32(body, 4)
    if kind == b"stsz":
        if len(body) < 12:
            raise unreadable(msg("core.scrub", "bad sample size table"))
        count = u32(body, 8)
        want = 12 + (4 * count if u32(body, 4) == 0 else 0)
    elif kind == b"stz2":
        if len(body) < 12 or body[7] not in (4, 8, 16):
            raise unreadable(msg("core.scrub", "bad compact sample size table"))
        want = 12 + (u32(body, 8) * body[7] + 7) // 8
    elif kind == b"cslg":
        want = 24 if body[0] == 0 else 44
    elif kind == b"sdtp":
        return  # one byte per sample: checked against the sample count
    else:
        entry = {b"stts": 8, b"ctts": 8, b"stss": 4, b"stps": 4, b"stsc": 12}[kind]
        want = 8 + count * entry
    if len(body) != want:
        raise unreadable(
            msg("core.scrub", "'{box}' table size does not match its entries").format(
                box=fourcc(kind)
            )
        )


def check_entry_box(kind: bytes, body: bytes) -> None:
    fixed = {b"pasp": 8, b"clap": 32, b"btrt": 12, b"fiel": 2, b"clli": 4, b"mdcv": 24, b"gama": 4}
    if kind in fixed and len(body) != fixed[kind]:
        raise unreadable(msg("core.scrub", "bad '{box}' box").format(box=fourcc(kind)))
    if kind == b"colr":
        ctype = body[:4]
        if not (
            (ctype == b"nclx" and len(body) == 11)
            or (ctype == b"nclc" and len(body) == 10)
            or (ctype in (b"prof", b"rICC") and 4 < len(body) <= (16 << 20))
        ):
            raise unreadable(msg("core.scrub", "bad colour box"))


def chunk_offsets(kind: bytes, body: bytes) -> list[int]:
    if len(body) < 8:
        raise unreadable(msg("core.scrub", "bad chunk offset table"))
    count = u32(body, 4)
    width = 4 if kind == b"stco" else 8
    if len(body) != 8 + width * count:
        raise unreadable(msg("core.scrub", "chunk offset table size does not match its entries"))
    code = "I" if width == 4 else "Q"
    return list(struct.unpack(f">{count}{code}", body[8:]))


def sample_sizes(box: bytes) -> tuple[int, array[int] | None, int]:
    """(fixed size or 0, per-sample sizes or None, sample count) of stsz/stz2.

    A fixed size is never expanded into a list: PCM audio counts every
    frame as a sample, and a hostile count would fill the memory.
    """
    body = box[8:]
    count = u32(body, 8)
    if box[4:8] == b"stsz":
        fixed = u32(body, 4)
        if fixed:
            return fixed, None, count
        return 0, _be_array("I", body[12:]), count
    bits = body[7]
    data = body[12:]
    if bits == 16:
        return 0, _be_array("H", data[: 2 * count]), count
    if bits == 8:
        return 0, array("B", data[:count]), count
    return 0, array("B", ((data[i // 2] >> (0 if i % 2 else 4)) & 0xF for i in range(count))), count


def _be_array(code: str, data: bytes) -> array[int]:
    values = array(code, data)
    if struct.pack("=H", 1) == b"\x01\x00":
        values.byteswap()
    return values


def chunk_sizes(
    stsc: bytes, chunks: int, fixed: int, sizes: array[int] | None, count: int
) -> list[int]:
    """Bytes in each chunk, from sample-to-chunk runs and sample sizes."""
    entries = u32(stsc, 4)
    runs = [struct.unpack_from(">III", stsc, 8 + 12 * i) for i in range(entries)]
    if not runs or runs[0][0] != 1:
        raise unreadable(msg("core.scrub", "bad sample-to-chunk table"))
    out: list[int] = []
    sample = 0
    for i, (first, per_chunk, _desc) in enumerate(runs):
        last = runs[i + 1][0] if i + 1 < len(runs) else chunks + 1
        if last <= first or last > chunks + 1 or per_chunk == 0:
            raise unreadable(msg("core.scrub", "bad sample-to-chunk table"))
        if sample + (last - first) * per_chunk > count:
            raise unreadable(
                msg("core.scrub", "sample-to-chunk table names more samples than there are")
            )
        for _chunk in range(first, last):
            if sizes is None:
                out.append(fixed * per_chunk)
            else:
                out.append(sum(sizes[sample : sample + per_chunk]))
            sample += per_chunk
    if len(out) != chunks or sample != count:
        raise unreadable(msg("core.scrub", "sample-to-chunk table does not match the samples"))
    return out


def grouping_type(kind: bytes, body: bytes) -> bytes | None:
    """The grouping type of an sbgp/sgpd box, or None when its layout cannot
    be checked (it is then dropped)."""
    if len(body) < 12:
        raise unreadable(msg("core.scrub", "bad '{box}' box").format(box=fourcc(kind)))
    grouping = body[4:8]
    if kind == b"sbgp":
        extra = 4 if body[0] == 1 else 0
        if len(body) < 12 + extra:
            raise unreadable(msg("core.scrub", "bad sample-to-group box"))
        count = u32(body, 8 + extra)
        if len(body) != 12 + extra + 8 * count:
            raise unreadable(msg("core.scrub", "sample-to-group size does not match its entries"))
        return grouping
    # Only version 1 says how long each description is; others are dropped.
    if body[0] != 1:
        return None
    default_length, count = u32(body, 8), u32(body, 12)
    pos = 16
    for _ in range(count):
        length = default_length
        if length == 0:
            if pos + 4 > len(body):
                raise unreadable(msg("core.scrub", "sample group description cut short"))
            length = u32(body, pos)
            pos += 4
        pos += length
        if pos > len(body):
            raise unreadable(msg("core.scrub", "sample group description cut short"))
    if pos != len(body):
        raise unreadable(
            msg("core.scrub", "sample group description size does not match its entries")
        )
    return grouping
