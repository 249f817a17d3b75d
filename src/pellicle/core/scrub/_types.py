"""The scrubber's public value types, shared by every format module and the gate.

They live apart from `__init__` so that format modules and `verify` can import
them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


class ScrubError(Exception):
    """A file was refused. `str(e)` is a one-line human reason."""


@dataclass(frozen=True)
class ScrubOptions:
    """What an export profile allows beyond the default allowlist."""

    #: Keep EXIF DateTimeOriginal (and nothing else besides Orientation).
    keep_capture_date: bool = False


@dataclass(frozen=True)
class ScrubResult:
    """What `scrub` wrote; `verify` checks the file against it."""

    fmt: str
    width: int
    height: int
    orientation: int
    #: Frames of an animation; for a video, the number of tracks kept.
    frames: int = 1
