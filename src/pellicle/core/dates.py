"""When each photo was taken, read once and kept, for the grid's date order.

The grid can be sorted by date taken and grouped under month headers. A
photo's date taken is its EXIF DateTimeOriginal (or DateTimeDigitized), a
video's movie-header creation time, and, when a file says nothing (a
screenshot, a damaged file), its modification time. Reading the EXIF of
100,000 photos takes minutes, so each answer is kept in the state
database, keyed by the file's (size, mtime): an unchanged file is never
opened again, only `stat`-ed.

The cache is the `taken` table (schema migration 6 in core/store.py):
nothing else reads it, and losing it costs only time.

Times are "wall-clock seconds": the local date and time the photo shows,
counted as if it were UTC (`calendar.timegm`). EXIF dates carry no time
zone, so this is the only scale on which they, video times (UTC, turned
into local time here) and modification times sort together; a month header
is `time.gmtime(value)`'s year and month.
"""

from __future__ import annotations

import calendar
import os
import time
from collections.abc import Sequence
from typing import Final

from pellicle.core.formats import HEAD_SIZE, VIDEO, sniff
from pellicle.core.imaging import open_image, register_heif
from pellicle.core.moviebox import movie_header
from pellicle.core.roots import Root
from pellicle.core.store import Store, decode_rel

#: Where a date came from (stored with it; tests and `source` read it).
EXIF, VIDEO_HEADER, MODIFIED = "exif", "video", "mtime"

#: EXIF tags holding the capture time, best first: DateTimeOriginal,
#: DateTimeDigitized (in the Exif IFD, 0x8769).
_EXIF_IFD: Final = 0x8769
_DATE_TAGS: Final = (0x9003, 0x9004)
#: Seconds from 1904-01-01 (QuickTime's epoch) to 1970-01-01.
_QT_EPOCH: Final = 2_082_844_800
#: Photos are looked up and read this many at a time (one query, one write).
BATCH: Final = 200


def wall_clock(struct_time: time.struct_time | tuple[int, ...]) -> int:
    """Wall-clock seconds of a broken-down local time."""
    return calendar.timegm((*tuple(struct_time)[:6], 0, 0, 0))


def local_wall_clock(epoch_seconds: float) -> int:
    """Wall-clock seconds of a true (UTC) time, as shown here."""
    return wall_clock(time.localtime(epoch_seconds))


def _exif_time(value: object) -> int | None:
    """Wall-clock seconds of an EXIF date "YYYY:MM:DD HH:MM:SS"; None for
    the blank or impossible ones cameras write ("0000:00:00 00:00:00")."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip().rstrip("\0").strip()
    try:
        date, _, clock = text.partition(" ")
        year, month, day = (int(p) for p in date.replace("-", ":").split(":")[:3])
        parts = [int(p) for p in clock.split(":")[:3]] if clock else [0, 0, 0]
        hour, minute, second = [*parts, 0, 0, 0][:3]
    except ValueError:
        return None
    if not (1800 <= year <= 2200 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 60):
        return None
    return calendar.timegm((year, month, day, hour, minute, min(second, 59), 0, 0, 0))


def _image_time(handle: object) -> int | None:
    with open_image(handle) as img:  # type: ignore[arg-type]
        exif = img.getexif()
        sub = exif.get_ifd(_EXIF_IFD)
        for tag in _DATE_TAGS:
            found = _exif_time(sub.get(tag))
            if found is not None:
                return found
    return None


def _video_time(fd: int) -> int | None:
    """The movie header's creation time (UTC), as local wall-clock seconds."""
    header = movie_header(fd)
    if header is None:
        return None
    created = header.created
    if not created or created <= _QT_EPOCH or created > 1 << 40:
        return None  # unset, or before 1970: a camera without a clock
    return local_wall_clock(created - _QT_EPOCH)


def read_taken(path: str | os.PathLike[str]) -> tuple[int, str]:
    """When `path` was taken (wall-clock seconds) and where that came from.

    Never raises: a file that cannot be read or says nothing gets its
    modification time, and a file that cannot even be `stat`-ed gets 0.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_SIZE)
            handle.seek(0)
            modified = local_wall_clock(os.fstat(handle.fileno()).st_mtime)
            try:
                kind = sniff(head)
                if kind in VIDEO:
                    found = _video_time(handle.fileno())
                    if found is not None:
                        return found, VIDEO_HEADER
                else:  # Pillow reads the EXIF of images and TIFF-based RAWs
                    if head[4:8] == b"ftyp":
                        register_heif()
                    found = _image_time(handle)
                    if found is not None:
                        return found, EXIF
            except Exception:  # hostile files raise anything: the mtime will do
                pass
            return modified, MODIFIED
    except OSError:
        try:
            return local_wall_clock(os.stat(path).st_mtime), MODIFIED
        except OSError:
            return 0, MODIFIED


class TakenCache:
    """Dates taken, kept in the state database by (root, rel, size, mtime)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: Files opened to read a date (tests check cache hits open none).
        self.read = 0

    def dates(self, roots: Sequence[Root], photos: Sequence[tuple[int, bytes]]) -> list[int]:
        """The date taken of each (root_id, rel), in order: from the cache
        when the file's size and mtime are unchanged, else read and kept."""
        paths = {r.id: r.path for r in roots}
        out: list[int] = []
        for start in range(0, len(photos), BATCH):
            out.extend(self._batch(paths, photos[start : start + BATCH]))
        return out

    def _batch(self, paths: dict[int, str], photos: Sequence[tuple[int, bytes]]) -> list[int]:
        known: dict[tuple[int, bytes], tuple[int, int, int]] = {}
        by_root: dict[int, list[bytes]] = {}
        for rid, rel in photos:
            by_root.setdefault(rid, []).append(rel)
        for rid, rels in by_root.items():
            marks = ",".join("?" * len(rels))
            sql = (
                f"SELECT rel, size, mtime_ns, taken FROM taken WHERE root_id=? AND rel IN ({marks})"
            )
            for rel, size, mtime_ns, taken in self.store.db.execute(sql, (rid, *rels)):
                known[(rid, bytes(rel))] = (size, mtime_ns, taken)
        out: list[int] = []
        fresh: list[tuple[int, bytes, int, int, int, str]] = []
        for rid, rel in photos:
            root = paths.get(rid)
            if root is None:
                out.append(0)
                continue
            path = os.path.join(root, decode_rel(rel))
            try:
                st = os.stat(path)
            except OSError:
                out.append(0)  # gone or away: no date, and nothing to keep
                continue
            cached = known.get((rid, rel))
            if cached is not None and cached[:2] == (st.st_size, st.st_mtime_ns):
                out.append(cached[2])
                continue
            self.read += 1
            taken, source = read_taken(path)
            out.append(taken)
            fresh.append((rid, rel, st.st_size, st.st_mtime_ns, taken, source))
        if fresh:
            with self.store.write() as db:
                db.executemany(
                    "INSERT INTO taken(root_id, rel, size, mtime_ns, taken, source) "
                    "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(root_id, rel) DO UPDATE SET "
                    "size=excluded.size, mtime_ns=excluded.mtime_ns, "
                    "taken=excluded.taken, source=excluded.source",
                    fresh,
                )
        return out
