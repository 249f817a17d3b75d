"""The movie header (`mvhd`) of an ISO base media file (MP4, MOV, 3GP).

Two readers need it and nothing else of the file: the grid's duration badge
(`thumbs.video_duration`) and the date a video was taken
(`dates.read_taken`). Both used to walk the top-level boxes themselves; this
is that walk, once. It reads box headers with `pread` and only the start of
`moov`, so a 4 GB clip costs a few small reads. The exporter and the gate
have their own box walkers on purpose (docs/design-notes.md, "Videos").
"""

from __future__ import annotations

import os
import struct
from typing import Final, NamedTuple

#: How much of `moov` is read to find `mvhd` (its first child in practice).
_MOOV_READ: Final = 1 << 16


class MovieHeader(NamedTuple):
    """What `mvhd` says: times in seconds since 1904 (QuickTime's epoch, 0
    when unset) and the duration in `timescale` units."""

    created: int
    timescale: int
    duration: int


def movie_header(fd: int) -> MovieHeader | None:
    """The movie header of the open file `fd`, or None when it is not a
    readable ISO media file (never raises for a hostile file's content;
    OSError from reading is the caller's)."""
    end = os.fstat(fd).st_size
    pos = 0
    for _ in range(10_000):
        head = os.pread(fd, 16, pos)
        if len(head) < 8:
            return None
        box, kind = struct.unpack_from(">I4s", head)
        header = 8
        if box == 1 and len(head) == 16:
            box, header = struct.unpack_from(">Q", head, 8)[0], 16
        elif box == 0:
            box = end - pos
        if box < header:
            return None
        if kind == b"moov":
            body = os.pread(fd, min(box - header, _MOOV_READ), pos + header)
            at = body.find(b"mvhd")
            try:
                if at < 4:
                    return None
                if body[at + 4] == 1:  # version 1: 64-bit times and duration
                    created, _modified, scale, duration = struct.unpack_from(">QQIQ", body, at + 8)
                else:
                    created, _modified, scale, duration = struct.unpack_from(">IIII", body, at + 8)
            except (struct.error, IndexError):
                return None
            return MovieHeader(created, scale, duration)
        pos += box
    return None
