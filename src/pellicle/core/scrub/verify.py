"""The gate: re-read an exported file with an independent parser before it becomes visible.

A scrubber bug must not become a leak, nor a damaged photo. This module shares
no parsing code with the writers (it imports only the value types, Pillow's
limits and the gate's own `lossless` module):

1. It walks the written file's structure itself (`allowlist`, one parser
   per format) and accepts only what is on the allowlist: image coding
   data, an ICC profile, and a minimal EXIF holding Orientation (plus
   DateTimeOriginal when the profile keeps the capture date), and no byte
   after the image's end. This is the privacy
   check, for every format.
2. For what Pellicle copies byte for byte (JPEG, PNG, WebP, GIF, TIFF), it
   proves the copy's image data identical to the source's (`lossless`):
   the export is lossless, per file, and the source's own decodability is
   not a condition of export.
3. What Pellicle encodes itself (HEIF and AVIF renditions) is decoded with
   Pillow, as is any copy whose source cannot be compared (`pellicle check`
   after the source changed or went away) and, on request, every file.

The same function serves the sync (before a file is renamed into view) and
`pellicle check` (afterwards), so both judge a file by one notion of what it
should be: the source's, read here.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import mmap
import os
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    pass

from pellicle.core.imaging import open_image, pillow
from pellicle.core.reasons import describe
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.scrub.allowlist import walk as _walk
from pellicle.core.scrub.lossless import Layout, prove
from pellicle.core.scrub.lossless import fail as _fail
from pellicle.core.warnings_policy import library_warnings_are_errors

#: Source formats Pellicle renders (decodes and encodes again), with the
#: format of the rendition. Everything else is copied byte for byte.
RENDERED: Final = {"heif": "jpeg", "avif": "jpeg", "raw": "jpeg"}


def verify(
    fd: int,
    source_fmt: str,
    source: str | os.PathLike[str] | None,
    options: ScrubOptions = ScrubOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    claimed: ScrubResult | None = None,
    decode: bool = False,
) -> str:
    """Check the exported file behind `fd`; return its sha256 hex digest.

    `source_fmt` is the format of the library photo it was made from (as
    sniffed) and `source` that photo's path, or None when it cannot be
    compared (gone, or changed since): the copy is then decoded instead.
    `claimed` is what the scrubber reported writing; when given, the file
    must match it too. `decode` decodes the file with Pillow even when it
    was compared. `fd` may be write-only (it is then reopened read-only
    through /proc).

    Raises ScrubError with the reason when anything is outside the
    allowlist, the image data differs from the source's, the file does not
    decode (when decoded), or it does not match `claimed`.
    """
    try:
        rfd = _readable(fd)
    except OSError as exc:
        raise _fail(f"cannot read back: {exc.strerror or exc}") from exc
    try:
        size = os.fstat(rfd).st_size
        if size == 0:
            raise _fail("empty file")
        fmt = RENDERED.get(source_fmt, source_fmt)
        if claimed is not None and claimed.fmt != fmt:
            raise _fail(f"file is {claimed.fmt}, expected {fmt}")
        with mmap.mmap(rfd, size, access=mmap.ACCESS_READ) as mm:
            layout = _walk(mm, fmt, options)
            if claimed is not None:
                _compare(layout, claimed)
            digest = None
            copied = source_fmt not in RENDERED
            if copied and source is not None:
                orientation, digest = prove(mm, fmt, layout, source)
                if orientation != layout.orientation:
                    raise _fail(
                        f"file has orientation {layout.orientation}, the source has {orientation}"
                    )
            if decode or digest is None:
                with library_warnings_are_errors():  # Pillow's "I guessed" is a refusal
                    _decode(mm, fmt, layout)
            return digest or hashlib.sha256(mm).hexdigest()
    except ScrubError:
        raise
    except Exception as exc:
        raise _fail(describe(exc, source_fmt)) from exc
    finally:
        os.close(rfd)


def _readable(fd: int) -> int:
    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
        return os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    return os.dup(fd)


def _compare(seen: Layout, claimed: ScrubResult) -> None:
    got = (seen.width, seen.height, seen.orientation, seen.frames)
    want = (claimed.width, claimed.height, claimed.orientation, claimed.frames)
    if got != want:
        raise _fail(f"file has size/orientation/frames {got}, expected {want}")


def _decode(mm: mmap.mmap, fmt: str, seen: Layout) -> None:
    """Decode every frame with Pillow; JPEG at 1/8 scale (still reads all scan data).

    The decoder must see what the walk saw: the same size when the file is
    opened (a GIF's frames may reach past its logical screen, and Pillow
    then grows the canvas as it seeks; the screen is what the file says)
    and the same number of frames.
    """
    pillow()  # Pellicle's limits; Pillow is imported on first need (see imaging)
    from PIL import ImageFile

    if ImageFile.LOAD_TRUNCATED_IMAGES:
        # Process-global: if anything switched it on, a cut-off file would "decode".
        raise _fail("Pillow is set to accept truncated images")
    with open_image(io.BytesIO(mm), _PIL_FORMAT[fmt]) as img:
        w, h = seen.width, seen.height
        allowed = {(w, h)}
        if seen.orientation in (5, 6, 7, 8):
            allowed.add((h, w))  # Pillow turns TIFFs upright on open
        if img.size not in allowed:
            raise _fail(f"decoder sees {img.size[0]}x{img.size[1]}, expected {w}x{h}")
        frames = getattr(img, "n_frames", 1)
        if frames != seen.frames:
            raise _fail(f"decoder sees {frames} frames, expected {seen.frames}")
        if fmt == "jpeg":
            # At 1/8 scale libjpeg's inverse DCT keeps only the DC term, and "L"
            # (honoured for YCbCr files only) skips the chroma IDCT and colour
            # conversion. The Huffman decoder still reads every coefficient of
            # every component in every scan: that is what proves the scan data
            # decodes, and it is most of the cost (see docs/benchmarks.md).
            img.draft("L", (max(1, w // 8), max(1, h // 8)))
        for i in range(frames):
            img.seek(i)
            img.load()


_PIL_FORMAT: Final = {
    "jpeg": ("JPEG",),
    "png": ("PNG",),
    "webp": ("WEBP",),
    "gif": ("GIF",),
    "tiff": ("TIFF",),
}
