"""The video gate's proof that an export holds its source's samples, byte for byte.

`verify_video` walks the export against its keep-list and, with the
source's sample tables beside it, lists where every chunk of samples lies
in both files. This module does the reading: the chunks must tile the
export's media data exactly (no byte there that is not a sample), every
chunk must equal the source's, read and compared in bounded pieces (a
200 MB clip is never held in memory), and the export's SHA-256 is computed
from the same pieces on a second thread, so hashing (the slowest part) runs
beside the reads and comparisons. Without a source, only the tiling is
checked and the export hashed.

It is a room of its own because it is tuned I/O (the piece size, reused
buffers, `preadv`, the hashing thread) that a reader of the keep-list need
not hold in mind, and the other way round; `lossless` is its counterpart
for images. Like the rest of the gate it shares no code with the writers.
"""

from __future__ import annotations

import hashlib
import os
import queue
import threading
from typing import Final

from pellicle.core.scrub._types import ScrubError
from pellicle.core.words import msg

#: Bytes read, compared and hashed at a time; at most `_BUFFERS` are in use.
#: 1 MB pieces stay in the CPU's caches between the read, the comparison and
#: the hash: 12 % less CPU than 8 MB pieces for a 190 MB clip, measured.
_PIECE: Final = 1 << 20
_BUFFERS: Final = 4
_PREADV: Final = hasattr(os, "preadv")


def fail(reason: str) -> ScrubError:
    # The reason itself is a diagnostic for a bug report: it stays English.
    return ScrubError(msg("core.scrub", "verification failed: {reason}").format(reason=reason))


class Reader:
    """Bounded reads of one open file (the export, or the source)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.size = os.fstat(fd).st_size

    def read(self, start: int, end: int) -> bytes:
        if start < 0 or end > self.size or end < start:
            raise fail("reference past the end of the file")
        data = os.pread(self.fd, end - start, start)
        while len(data) < end - start:
            more = os.pread(self.fd, end - start - len(data), start + len(data))
            if not more:
                raise fail("file shorter than it says")
            data += more
        return data

    def read_into(self, view: memoryview, start: int) -> None:
        """Fill `view` with the bytes at `start`, without allocating."""
        if start < 0 or start + len(view) > self.size:
            raise fail("reference past the end of the file")
        got = 0
        while got < len(view):
            if _PREADV:
                n = os.preadv(self.fd, [view[got:]], start + got)
            else:
                data = os.pread(self.fd, len(view) - got, start + got)
                n = len(data)
                view[got : got + n] = data
            if not n:
                raise fail("file shorter than it says")
            got += n


def prove(
    out: Reader,
    pairs: list[tuple[int, int, int]],
    mdat: tuple[int, int],
    src: Reader | None,
) -> str:
    """Hash the export in file order while comparing every chunk with the
    source's; the chunks must tile the media data exactly.

    `pairs` holds (export offset, length, source offset) for every chunk,
    the source offset -1 when there is no source to compare with."""
    runs = _runs(sorted(pairs), mdat)
    # Pieces no larger than the longest run: a small clip allocates little.
    piece = max(1, min(_PIECE, max((length for _, length, _ in runs), default=1)))
    source_piece = bytearray(piece) if src is not None else None
    with _Digest(piece) as digest:
        digest.update(out.read(0, mdat[0]))
        for off, length, src_off in runs:
            done = 0
            while done < length:
                n = min(piece, length - done)
                buffer = digest.buffer()
                exported = memoryview(buffer)[:n]
                out.read_into(exported, off + done)
                digest.submit(buffer, n)  # hashed on the other thread meanwhile
                if src is not None and source_piece is not None:
                    src.read_into(memoryview(source_piece)[:n], src_off + done)
                    # startswith compares the first n bytes with memcmp, in
                    # place (== on memoryviews goes byte by byte).
                    if not source_piece.startswith(exported):
                        raise fail("a sample differs from the source's")
                done += n
        return digest.hexdigest()


def _runs(pairs: list[tuple[int, int, int]], mdat: tuple[int, int]) -> list[tuple[int, int, int]]:
    """Check that the chunks tile the media data exactly, and merge chunks
    that follow each other in both files into one run (compared in large
    pieces instead of one small read per chunk)."""
    runs: list[tuple[int, int, int]] = []
    pos = mdat[0]
    for off, length, src_off in pairs:
        if off != pos:
            raise fail("media data holds bytes that are not samples")
        pos = off + length
        if runs:
            last_off, last_length, last_src = runs[-1]
            follows = src_off < 0 or src_off == last_src + last_length
            if last_off + last_length == off and (last_src < 0) == (src_off < 0) and follows:
                runs[-1] = (last_off, last_length + length, last_src)
                continue
        runs.append((off, length, src_off))
    if pos != mdat[1]:
        raise fail("media data holds bytes that are not samples")
    return runs


class _Digest:
    """SHA-256 computed on a second thread while this one reads and compares.

    hashlib releases the GIL on large buffers, so hashing the export (the
    slowest part of the gate) runs beside the comparison with the source on
    the other core. Pieces are read into a few reused buffers (no allocation
    and no page faults per piece); a buffer returns to this thread once it
    is hashed, so memory stays bounded. The thread always takes work until
    its end marker, so the reader never waits on it forever, and leaving the
    block joins it, whatever happened.
    """

    def __init__(self, piece: int) -> None:
        self._piece = piece
        self._hash = hashlib.sha256()
        self._todo: queue.SimpleQueue[tuple[bytes | bytearray, int] | None] = queue.SimpleQueue()
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._made = 0
        self._thread = threading.Thread(target=self._run, name="pellicle-video-hash", daemon=True)
        self._failed: BaseException | None = None

    def __enter__(self) -> _Digest:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish()

    def _run(self) -> None:
        while (item := self._todo.get()) is not None:
            data, n = item
            if self._failed is None:
                try:
                    self._hash.update(memoryview(data)[:n])
                except BaseException as exc:  # MemoryError: reported by hexdigest
                    self._failed = exc
            if isinstance(data, bytearray):
                self._free.put(data)

    def buffer(self) -> bytearray:
        """A buffer of `piece` bytes that nobody else is using."""
        if self._made < _BUFFERS:
            try:
                return self._free.get_nowait()
            except queue.Empty:
                self._made += 1
                return bytearray(self._piece)
        return self._free.get()

    def submit(self, buffer: bytearray, n: int) -> None:
        """Hash the first `n` bytes of `buffer`, then hand it back."""
        self._todo.put((buffer, n))

    def update(self, data: bytes) -> None:
        self._todo.put((data, len(data)))

    def _finish(self) -> None:
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self._finish()
        if self._failed is not None:
            raise fail(f"cannot hash the export: {type(self._failed).__name__}")
        return self._hash.hexdigest()
