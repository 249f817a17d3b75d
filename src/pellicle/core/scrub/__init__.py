"""Lossless, container-level metadata removal, and the gate that checks it.

This package is the heart of Pellicle's privacy promise: an exported file
carries pixels, colour profile and display orientation, and nothing that
identifies a person, a place or a device. Each format family has its own
module that rebuilds the file from a keep-list (never by deleting what it
recognises, which leaves behind what it does not). `verify` re-reads the
result with a separate parser before the sync layer lets the file be seen.

`scrub` never lets any exception other than `ScrubError` escape, and never
writes anywhere but the caller's descriptor.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from pellicle.core.formats import VIDEO
from pellicle.core.reasons import describe
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.scrub.gif import scrub_gif
from pellicle.core.scrub.heif import scrub_heif
from pellicle.core.scrub.jpeg import scrub_jpeg
from pellicle.core.scrub.png import scrub_png
from pellicle.core.scrub.raw import scrub_raw
from pellicle.core.scrub.tiff import scrub_tiff
from pellicle.core.scrub.verify import verify as verify_image
from pellicle.core.scrub.verify_video import verify_video
from pellicle.core.scrub.video import scrub_video
from pellicle.core.scrub.webp import scrub_webp
from pellicle.core.words import msg, os_error

__all__ = ["ScrubError", "ScrubOptions", "ScrubResult", "scrub", "verify"]

_Scrubber = Callable[[Source, Sink, ScrubOptions], ScrubResult]

_SCRUBBERS: dict[str, _Scrubber] = {
    "jpeg": scrub_jpeg,
    "png": scrub_png,
    "webp": scrub_webp,
    "gif": scrub_gif,
    "tiff": scrub_tiff,
    "heif": scrub_heif,
    "avif": scrub_heif,
    "raw": scrub_raw,
    "mp4": scrub_video,
    "mov": scrub_video,
    "m4v": scrub_video,
    "3gp": scrub_video,
}


def scrub(
    src: str | os.PathLike[str],
    out_fd: int,
    fmt: str,
    options: ScrubOptions = ScrubOptions(),  # noqa: B008 - frozen, so sharing is safe
) -> ScrubResult:
    """Write a scrubbed copy of `src` (of format `fmt`, as sniffed) to `out_fd`.

    `out_fd` must be an empty regular file; it is neither closed nor synced.
    Raises ScrubError with a one-line reason for anything refused: formats
    outside SUPPORTED, corrupt, truncated or hostile input, or a source that
    changed (size or mtime) while it was read. On error the content of
    `out_fd` is unspecified and the caller discards it.
    """
    scrubber = _SCRUBBERS.get(fmt)
    if scrubber is None:
        raise ScrubError(msg("core.scrub", "unsupported format: {format}").format(format=fmt))
    source = Source(src, fmt)
    try:
        result = scrubber(source, Sink(out_fd), options)
        source.check_unchanged()
        return result
    except ScrubError:
        raise
    except OSError as exc:
        if exc.errno is not None:
            raise ScrubError(
                msg("core.scrub", "I/O error: {error}").format(
                    error=os_error(exc) if exc.strerror else str(exc)
                )
            ) from exc
        raise ScrubError(describe(exc, fmt)) from exc
    except Exception as exc:
        # Any other failure is a parser meeting input it cannot handle; the
        # file is refused rather than half-exported, with a plain reason
        # (the library's own words go to the debug log).
        raise ScrubError(describe(exc, fmt)) from exc
    finally:
        source.close()


def verify(
    fd: int,
    source_fmt: str,
    source: str | os.PathLike[str] | None,
    options: ScrubOptions = ScrubOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    claimed: ScrubResult | None = None,
    decode: bool = False,
) -> str:
    """The gate for any exported file, made from a photo of `source_fmt` at
    `source`: see `verify.verify` (images) and `verify_video.verify_video`
    (videos). Returns the file's sha256."""
    if source_fmt in VIDEO:
        return verify_video(fd, source, options, claimed=claimed)
    return verify_image(fd, source_fmt, source, options, claimed=claimed, decode=decode)
