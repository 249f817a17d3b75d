"""Bounded, change-aware reading of a source photo and writing of its copy.

The scrubbers never map or slurp a source file: it lives in a library root we
must not touch, may be huge or hostile, and may change while we read it (a
mapped file that shrinks kills the process with SIGBUS). Reads are positional
and bounded; bulk image data goes from file to file in the kernel
(`copy_file_range`, falling back to bounded pread/write), so pixel data rarely passes through
Python objects.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from typing import Final

from pellicle.core.scrub._types import ScrubError
from pellicle.core.words import msg, os_error

#: Bulk copies and scans move this much at a time.
CHUNK: Final = 1 << 20

_scratch = threading.local()


def scratch() -> bytearray:
    """This thread's CHUNK-sized buffer for bulk reads (`Source.read_into`).

    Reused, not allocated per read: a fresh megabyte for every read costs
    page faults and the allocator's trimming, about as much as the read.
    """
    buf: bytearray | None = getattr(_scratch, "buf", None)
    if buf is None:
        buf = _scratch.buf = bytearray(CHUNK)
    return buf


class Source:
    """A read-only handle on the photo being scrubbed."""

    def __init__(self, path: str | os.PathLike[str], fmt: str) -> None:
        self.fmt = fmt
        flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY | os.O_NONBLOCK
        try:
            self.fd = os.open(path, flags)
        except OSError as exc:
            raise ScrubError(
                msg("core.scrub", "cannot open: {error}").format(
                    error=os_error(exc) if exc.strerror else str(exc)
                )
            ) from exc
        try:
            st = os.fstat(self.fd)
            if not stat.S_ISREG(st.st_mode):
                raise ScrubError(msg("core.scrub", "not a regular file"))
            self.size = st.st_size
            self._stamp = (st.st_size, st.st_mtime_ns)
        except BaseException:
            os.close(self.fd)
            raise

    def close(self) -> None:
        os.close(self.fd)

    def check_unchanged(self) -> None:
        """Refuse the result if the file changed size or mtime while we read it."""
        st = os.fstat(self.fd)
        if (st.st_size, st.st_mtime_ns) != self._stamp:
            raise ScrubError(msg("core.scrub", "file changed while being read"))

    def read(self, off: int, n: int, what: str = "data") -> bytes:
        """Exactly `n` bytes at `off`, or a ScrubError naming what was truncated."""
        if n < 0 or off < 0 or off + n > self.size:
            raise ScrubError(
                msg("core.scrub", "truncated {format}: {what} past end of file").format(
                    format=self.fmt.upper(), what=what
                )
            )
        data = os.pread(self.fd, n, off)
        while len(data) < n:
            more = os.pread(self.fd, n - len(data), off + len(data))
            if not more:
                raise ScrubError(
                    msg("core.scrub", "truncated {format}: {what} past end of file").format(
                        format=self.fmt.upper(), what=what
                    )
                )
            data += more
        return data

    def read_into(self, off: int, buf: bytearray) -> memoryview:
        """Fill `buf` from `off` (less only at the end of the file); the part filled."""
        want = min(len(buf), max(0, self.size - off))
        view = memoryview(buf)
        got = 0
        while got < want:
            n = os.preadv(self.fd, [view[got:want]], off + got)
            if n == 0:
                break  # shorter than when opened: the caller sees a short read
            got += n
        return view[:got]

    def read_upto(self, off: int, n: int) -> bytes:
        """Up to `n` bytes at `off` (fewer only at the end of the file)."""
        if off >= self.size:
            return b""
        return os.pread(self.fd, min(n, self.size - off), off)


class Sink:
    """Sequential writer on the caller's staging fd (never closed or synced here)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.written = 0
        self._kernel_copy = True

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
            self.written += n

    def copy(self, src: Source, off: int, n: int) -> None:
        """Append `n` bytes of `src` from `off`, in the kernel when possible."""
        if off < 0 or n < 0 or off + n > src.size:
            raise ScrubError(
                msg("core.scrub", "truncated {format}: data past end of file").format(
                    format=src.fmt.upper()
                )
            )
        while n > 0 and self._kernel_copy:
            try:
                done = os.copy_file_range(src.fd, self.fd, n, off)
            except OSError as exc:
                if exc.errno in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
                    self._kernel_copy = False
                    break
                raise
            if done == 0:
                raise ScrubError(
                    msg("core.scrub", "truncated {format}: data past end of file").format(
                        format=src.fmt.upper()
                    )
                )
            off += done
            n -= done
            self.written += done
        while n > 0:
            data = src.read_upto(off, min(n, CHUNK))
            if not data:
                raise ScrubError(
                    msg("core.scrub", "truncated {format}: data past end of file").format(
                        format=src.fmt.upper()
                    )
                )
            self.write(data)
            off += len(data)
            n -= len(data)
