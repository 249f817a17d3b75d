"""One writer to the export at a time, across every Pellicle process.

GUI, CLI and `pellicle watch` may all run at once; their writes to the
export folder must never interleave. They take an exclusive `flock` on a
file in Pellicle's state folder, which the kernel releases if a process
dies, so a crash never leaves the lock held.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from pellicle.core.errors import Busy
from pellicle.core.words import msg


class ExportLock:
    def __init__(self, path: Path, *, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self.fd = -1

    def __enter__(self) -> ExportLock:
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        deadline = time.monotonic() + self.timeout
        delay = 0.01
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(self.fd)
                    self.fd = -1
                    raise Busy(
                        msg(
                            "core.lock",
                            "another Pellicle process is writing the export "
                            "(waited {seconds:.0f} s); try again when it is done",
                        ).format(seconds=self.timeout)
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.2)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.fd >= 0:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = -1
