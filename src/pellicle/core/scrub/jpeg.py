"""Lossless JPEG scrubbing: rebuild the marker stream from a keep-list.

JPEG metadata lives in marker segments (APPn, COM) and after the end-of-image
marker (MPF secondary images, motion-photo videos, vendor trailers). The
entropy-coded image data is copied byte for byte, so the picture is never
re-encoded. Kept: a plain JFIF APP0 (no thumbnail), a minimal EXIF with
Orientation (and DateTimeOriginal on request), the ICC profile chunks in
order, the Adobe APP14 colour-transform marker (needed for CMYK/YCCK), and
the coding segments (DQT, DHT, DAC, DRI, SOF, SOS) in their original order.
"""

from __future__ import annotations

import re
import struct
import sys
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._exif import minimal_tiff, read_kept
from pellicle.core.scrub._io import Sink, Source, scratch
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

# Baseline, extended and progressive Huffman JPEG: what every camera and
# decoder handles. Lossless, hierarchical and arithmetic coding are refused.
_SOF_OK: Final = frozenset({0xC0, 0xC1, 0xC2})
_SOF_ALL: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_CODING: Final = frozenset({0xDB, 0xC4, 0xDD})  # DQT, DHT, DRI
# Markers that end a run of entropy-coded data: 0xFF followed by anything
# except a stuffed zero, a restart marker or another fill byte.
_END_OF_ENTROPY: Final = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
# With numpy, entropy-coded data is searched this many bytes at a time (see
# `_end_of_entropy`): small enough for the arrays to stay in the CPU cache.
_WINDOW: Final = 1 << 18
# Header segments are buffered until the first scan; hostile files must not
# make that buffer unbounded.
_MAX_HEADER: Final = 32 << 20
_ICC_SIG: Final = b"ICC_PROFILE\x00"


def _app(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _icc_segments(chunks: dict[int, bytes], declared: set[int]) -> list[bytes]:
    if not chunks:
        return []
    if len(declared) != 1 or sorted(chunks) != list(range(1, next(iter(declared)) + 1)):
        raise ScrubError(msg("core.scrub", "corrupt JPEG: inconsistent ICC profile chunks"))
    total = len(chunks)
    return [_app(0xE2, _ICC_SIG + bytes((i, total)) + chunks[i]) for i in sorted(chunks)]


def scrub_jpeg(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    if src.read(0, 2, "start of image") != b"\xff\xd8":
        raise ScrubError(msg("core.scrub", "corrupt JPEG: no start of image"))
    pos = 2
    jfif: bytes | None = None
    exif_seen = False
    orientation, date = 1, None
    icc: dict[int, bytes] = {}
    icc_total: set[int] = set()
    adobe: bytes | None = None
    coding: list[bytes] = []
    header_bytes = 0
    size: tuple[int, int] | None = None

    # Phase 1: everything up to the first scan, so that the kept metadata
    # segments can be written first, in a canonical order.
    while True:
        marker, pos = _next_marker(src, pos)
        if marker in (0xD8, 0xD9, 0x01) or 0xD0 <= marker <= 0xD7:
            raise ScrubError(
                msg(
                    "core.scrub", "corrupt JPEG: unexpected marker 0x{marker:02X} before image data"
                ).format(marker=marker)
            )
        length = struct.unpack(">H", src.read(pos, 2, "segment length"))[0]
        if length < 2:
            raise ScrubError(msg("core.scrub", "corrupt JPEG: bad segment length"))
        seg = src.read(pos - 2, length + 2, "segment")
        payload = seg[4:]
        header_bytes += len(seg)
        if header_bytes > _MAX_HEADER:
            raise ScrubError(msg("core.scrub", "corrupt JPEG: too much header data"))
        pos += length
        if marker == 0xE0 and payload[:5] == b"JFIF\x00" and len(payload) >= 14 and jfif is None:
            # Keep version and pixel density; drop any thumbnail.
            jfif = _app(0xE0, payload[:12] + b"\x00\x00")
        elif marker == 0xE1 and payload[:6] == b"Exif\x00\x00" and not exif_seen:
            exif_seen = True
            orientation, date = read_kept(payload[6:])
        elif marker == 0xE2 and payload[:12] == _ICC_SIG and len(payload) >= 14:
            seq, total = payload[12], payload[13]
            if seq == 0 or seq in icc:
                raise ScrubError(msg("core.scrub", "corrupt JPEG: inconsistent ICC profile chunks"))
            icc[seq] = payload[14:]
            icc_total.add(total)
        elif marker == 0xEE and payload[:5] == b"Adobe" and len(payload) >= 12 and adobe is None:
            adobe = _app(0xEE, payload[:12])
        elif 0xE0 <= marker <= 0xEF or marker == 0xFE:
            pass  # every other APPn and comment is metadata
        elif marker in _SOF_ALL:
            if marker not in _SOF_OK:
                raise ScrubError(
                    msg("core.scrub", "unsupported JPEG coding (SOF 0x{marker:02X})").format(
                        marker=marker
                    )
                )
            if size is not None:
                raise ScrubError(msg("core.scrub", "corrupt JPEG: more than one frame header"))
            if len(payload) < 6:
                raise ScrubError(msg("core.scrub", "corrupt JPEG: short frame header"))
            height, width = struct.unpack(">HH", payload[1:5])
            ncomp = payload[5]
            if ncomp not in (1, 3, 4) or len(payload) != 6 + 3 * ncomp:
                raise ScrubError(msg("core.scrub", "corrupt JPEG: bad frame header"))
            try:
                check_dimensions(width, height)
            except ImageTooLarge as exc:
                raise ScrubError(exc.reason("JPEG")) from None
            size = (width, height)
            coding.append(seg)
        elif marker in _CODING or marker == 0xCC:
            coding.append(seg)
        elif marker == 0xDA:
            if size is None:
                raise ScrubError(msg("core.scrub", "corrupt JPEG: scan before frame header"))
            coding.append(seg)
            break
        else:
            raise ScrubError(
                msg("core.scrub", "corrupt JPEG: unexpected marker 0x{marker:02X}").format(
                    marker=marker
                )
            )

    assert size is not None
    if not options.keep_capture_date:
        date = None
    sink.write(b"\xff\xd8")
    if jfif is not None:
        sink.write(jfif)
    tiff = minimal_tiff(orientation, date, jpeg=True)
    if tiff is not None:
        sink.write(_app(0xE1, b"Exif\x00\x00" + tiff))
    for seg in _icc_segments(icc, icc_total):
        sink.write(seg)
    if adobe is not None:
        sink.write(adobe)
    sink.write(b"".join(coding))

    # Phase 2: scans and the segments between them, up to end of image.
    while True:
        pos = _copy_entropy(src, sink, pos)
        marker, pos = _next_marker(src, pos)
        if marker == 0xD9:
            sink.write(b"\xff\xd9")
            break
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7 or marker in _SOF_ALL:
            raise ScrubError(
                msg(
                    "core.scrub", "corrupt JPEG: unexpected marker 0x{marker:02X} between scans"
                ).format(marker=marker)
            )
        length = struct.unpack(">H", src.read(pos, 2, "segment length"))[0]
        if length < 2:
            raise ScrubError(msg("core.scrub", "corrupt JPEG: bad segment length"))
        if marker in _CODING or marker in (0xDA, 0xCC):
            sink.write(src.read(pos - 2, length + 2, "segment"))
        elif not (0xE0 <= marker <= 0xEF or marker in (0xFE, 0xDC)):
            raise ScrubError(
                msg("core.scrub", "corrupt JPEG: unexpected marker 0x{marker:02X}").format(
                    marker=marker
                )
            )
        pos += length
    return ScrubResult("jpeg", size[0], size[1], orientation)


def _next_marker(src: Source, pos: int) -> tuple[int, int]:
    """The marker at `pos` (skipping fill bytes) and the position after it."""
    head = src.read_upto(pos, 64)
    i = 0
    if not head or head[0] != 0xFF:
        if not head:
            raise ScrubError(msg("core.scrub", "truncated JPEG: no end of image"))
        raise ScrubError(msg("core.scrub", "corrupt JPEG: expected a marker"))
    while i < len(head) and head[i] == 0xFF:
        i += 1
    if i == len(head):
        if len(head) < 64:
            raise ScrubError(msg("core.scrub", "truncated JPEG: no end of image"))
        raise ScrubError(msg("core.scrub", "corrupt JPEG: run of fill bytes"))
    return head[i], pos + i + 1


def _copy_entropy(src: Source, sink: Sink, pos: int) -> int:
    """Copy entropy-coded data from `pos`; return the position of the next marker."""
    chunk = scratch()
    while True:
        buf = src.read_into(pos, chunk)
        end = _end_of_entropy(buf)
        if end >= 0:
            # Fill bytes before the marker are not image data.
            while end > 0 and buf[end - 1] == 0xFF:
                end -= 1
            sink.write(buf[:end])
            return pos + end
        if len(buf) < len(chunk):
            raise ScrubError(msg("core.scrub", "truncated JPEG: no end of image"))
        # A trailing 0xFF may start a marker that straddles the chunk edge.
        keep = len(buf)
        while keep > 0 and buf[keep - 1] == 0xFF:
            keep -= 1
        if keep == 0:
            raise ScrubError(msg("core.scrub", "corrupt JPEG: run of fill bytes"))
        sink.write(buf[:keep])
        pos += keep


def _end_of_entropy(buf: memoryview) -> int:
    """Where the first marker in `buf` starts, or -1: a 0xFF followed by
    anything but a stuffed zero, a restart marker or another fill byte (a
    pair that straddles the end of `buf` is not seen).

    Scan data is nearly all of a photo and 0xFF is one byte in a hundred or
    so there, so this search is most of the scrubber's own work. numpy's
    vectorised comparisons do it three times as fast as the regular
    expression, without holding the GIL; but loading numpy costs 0.1-0.3 s,
    more than it saves on a few photos. So numpy is used once it is loaded:
    a sync loads it for a batch big enough to pay for it (`sync.NUMPY_FROM`),
    and a long-lived process keeps it (docs/benchmarks.md, "First export").
    """
    np = _numpy()
    if np is None:
        found = _END_OF_ENTROPY.search(buf)
        return -1 if found is None else found.start()
    is_ff, not_zero = _masks()
    data = np.frombuffer(buf, np.uint8)
    for start in range(0, len(data) - 1, _WINDOW):
        window = data[start : start + _WINDOW + 1]
        n = len(window) - 1
        # Into arrays kept per thread: temporaries this size would cost page
        # faults on every window.
        pairs = np.equal(window[:-1], 0xFF, out=is_ff[:n])
        np.logical_and(pairs, np.not_equal(window[1:], 0, out=not_zero[:n]), out=pairs)
        # Only the rare 0xFF followed by a non-zero byte (restart markers,
        # the marker sought) is looked at again.
        found = np.flatnonzero(pairs)
        if found.size:
            codes = window[found + 1]
            markers = found[(codes != 0xFF) & ((codes < 0xD0) | (codes > 0xD7))]
            if markers.size:
                return start + int(markers[0])
    return -1


def _numpy() -> ModuleType | None:
    """numpy if this process has loaded it, else None (never loads it)."""
    if "numpy" not in sys.modules:
        return None
    import numpy  # waits if another thread is still loading it

    return numpy


_scratch = threading.local()


def _masks() -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """This thread's two boolean arrays of `_WINDOW` for `_end_of_entropy`."""
    masks: tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]] | None
    masks = getattr(_scratch, "masks", None)
    if masks is None or len(masks[0]) < _WINDOW:
        import numpy as np

        masks = _scratch.masks = (np.empty(_WINDOW, np.bool_), np.empty(_WINDOW, np.bool_))
    return masks
