"""Thumbnails for the desktop app, made without Qt and cached on disk.

The GUI shows a grid of thousands of photos; decoding each at full size on
every start would take minutes. This module makes small thumbnails fast
(JPEG decoded at 1/2..1/8 scale with `Image.draft`, HEIC from its embedded
thumbnail when it has one) and keeps them in a disk cache keyed by path,
size and mtime, so an unchanged photo is never decoded twice. The cache
holds images of private photos: it lives under `Locations.thumbnails`, mode
0700, and is bounded in bytes with least-recently-used eviction.

It never imports Qt (core must not): the GUI's workers call `ThumbCache.get`
and turn the returned Pillow image into a QImage themselves.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Final

from PIL import Image, ImageOps
from PIL.JpegImagePlugin import JpegImageFile

from pellicle.core.formats import HEAD_SIZE, VIDEO, classify_tiff, sniff
from pellicle.core.imaging import check_dimensions, heif_to_pillow, open_image, pillow
from pellicle.core.moviebox import movie_header
from pellicle.core.reasons import describe
from pellicle.core.words import msg, os_error

pillow()  # Pellicle's limits, before any image is opened here

#: Default cache budget: about 20,000 grid thumbnails of 256 px.
DEFAULT_MAX_BYTES: Final = 256 * 1024 * 1024

#: Bump when the way thumbnails are made changes, so old ones are not reused.
_REVISION: Final = b"3"  # 3: HEIF colour from nclx converted to sRGB; videos, RAW


class ThumbError(Exception):
    """The photo cannot be shown as a thumbnail (unreadable, too large, ...)."""


def make_thumbnail(path: str | os.PathLike[str], size: int) -> Image.Image:
    """Decode `path` into an RGB or RGBA image no larger than `size` square.

    EXIF orientation is applied, so the thumbnail looks the way the photo
    is displayed. Raises `ThumbError`, with a plain one-line reason, for
    anything that cannot be decoded.
    """
    if size <= 0:
        raise ValueError("size must be positive")
    head = b""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_SIZE)
            handle.seek(0)
            kind = sniff(head)
            if kind == "tiff":
                kind = classify_tiff(lambda off, n: os.pread(handle.fileno(), n, off))
            if kind == "raw":
                return _raw_thumbnail(handle.fileno(), size)
            if kind in VIDEO:
                return _video_thumbnail(path, size)
            if _is_heif(head):
                return _heif_thumbnail(handle, size)
            with open_image(handle) as img:
                if isinstance(img, JpegImageFile):
                    # Decode at the smallest 1/2^n scale still >= size: the
                    # decoder skips most of the work (Pillow's `draft`). The
                    # class, not `img.format`: a JPEG carrying an MPF block
                    # (most phone photos: depth maps, second frames) opens
                    # as "MPO", and was decoded at full size, 4x slower.
                    img.draft("RGB", (size, size))
                return _finish(img, size)
    except ThumbError:
        raise
    except Exception as exc:  # hostile files raise anything; never crash a worker
        raise ThumbError(describe(exc, sniff(head))) from exc


def _is_heif(head: bytes) -> bool:
    # AVIF is left to Pillow's own AVIF plugin: this pillow-heif build may
    # lack an AV1 decoder.
    return head[4:8] == b"ftyp" and head[8:12] in (
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
        b"heif",
    )  # fmt: skip


def _heif_thumbnail(handle: io.BufferedReader, size: int) -> Image.Image:
    """Use the HEIF's own embedded thumbnail when it is big enough.

    Pixels go through `heif_to_pillow`, like the export's: colour stated by
    an nclx box (wide gamut, HDR) looks in the grid as it will in the export.
    """
    import pillow_heif

    heif = pillow_heif.open_heif(handle, convert_hdr_to_8bit=False)
    check_dimensions(*heif.size)
    primary = heif[heif.primary_index]
    best = None
    boxes = primary.info.get("thumbnails")
    for index in range(len(boxes) if isinstance(boxes, list) else 0):
        # Phones embed a ~320 px thumbnail: decoding it is ~50x cheaper than
        # the primary image. Take the smallest that still covers `size`
        # (sizes are known before anything is decoded).
        with contextlib.suppress(Exception):
            candidate = primary.get_thumbnail(index)
            side = max(candidate.size)
            if side >= size and (best is None or side < max(best.size)):
                best = candidate
    img = None
    if best is not None:
        with contextlib.suppress(Exception):
            img, _ = heif_to_pillow(best, fallback=primary.info)
    if img is None:
        img, _ = heif_to_pillow(primary)
    # libheif already applied the container's rotation and mirroring; EXIF
    # orientation inside a HEIF is informational and must not be applied twice.
    return _finish(img, size, transpose=False)


def _raw_thumbnail(fd: int, size: int) -> Image.Image:
    """A RAW's embedded preview (LibRaw picks the largest), never its sensor data."""
    import rawpy

    with rawpy.RawPy() as raw:
        raw.open_file(f"/proc/self/fd/{fd}")
        flip = raw.sizes.flip
        try:
            thumb = raw.extract_thumb()
        except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
            raise ThumbError(msg("core.thumbs", "RAW without a preview")) from None
    if thumb.format == rawpy.ThumbFormat.JPEG and isinstance(thumb.data, bytes):
        img = open_image(io.BytesIO(thumb.data), ("JPEG",))
        img.draft("RGB", (size, size))
    elif not isinstance(thumb.data, bytes):
        img = Image.fromarray(thumb.data)
    else:
        raise ThumbError(msg("core.thumbs", "RAW preview in an unknown format"))
    img = _finish(img, size, transpose=False)
    turn = {
        3: Image.Transpose.ROTATE_180,
        5: Image.Transpose.ROTATE_90,
        6: Image.Transpose.ROTATE_270,
    }
    return img.transpose(turn[flip]) if flip in turn else img


#: FFmpeg input options for a first keyframe, cheapest first. Probing a
#: stream decodes several frames before the one we want (about 40 ms of CPU
#: on a 4K H.264 clip here); an ISO media file's sample description already
#: holds what the decoder needs, so the first try skips the probe and the
#: frame threads (one frame is wanted). A file that needs the probe gets a
#: second try with FFmpeg's defaults.
_VIDEO_TRIES: Final = (
    ("-threads", "1", "-probesize", "32", "-analyzeduration", "0"),
    (),
)


def _video_thumbnail(path: str | os.PathLike[str], size: int) -> Image.Image:
    """The first keyframe, decoded by the system's FFmpeg when there is one.

    Pellicle bundles no video decoder (FFmpeg's libraries would take the
    package over its size limit, see docs/design-notes.md); without one the
    caller shows a plain video tile with `video_duration`. Most of the cost
    is starting `ffmpeg` (it loads some 200 libraries) and decoding one
    keyframe; `ThumbCache` keeps the result, so it is paid once per video.
    """
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ThumbError(msg("core.thumbs", "no video decoder on this system"))
    scale = f"scale={size}:{size}:force_original_aspect_ratio=decrease"
    for options in _VIDEO_TRIES:
        result = subprocess.run(
            [ffmpeg, "-nostdin", "-v", "error", *options, "-skip_frame", "nokey",
             "-an", "-sn", "-dn", "-i", os.fspath(path), "-map", "0:v:0", "-frames:v", "1",
             "-vf", scale, "-f", "image2pipe", "-c:v", "bmp", "-"],
            capture_output=True, timeout=30, check=False,
        )  # fmt: skip
        if result.returncode == 0 and result.stdout:
            # FFmpeg applies the rotation matrix itself (autorotate).
            bmp = open_image(io.BytesIO(result.stdout), ("BMP",))
            return _finish(bmp, size, transpose=False)
    raise ThumbError(msg("core.thumbs", "the video has no decodable frame"))


def video_duration(path: str | os.PathLike[str]) -> float | None:
    """A video's duration in seconds from its movie header (for the grid's
    badge), or None when the file is not a readable ISO media file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        header = movie_header(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    if header is None or not header.timescale:
        return None
    return header.duration / header.timescale


def _finish(img: Image.Image, size: int, *, transpose: bool = True) -> Image.Image:
    if transpose:
        img = ImageOps.exif_transpose(img)
    img.load()
    if img.mode not in ("RGB", "RGBA"):
        has_alpha = img.mode in ("LA", "PA") or (img.mode == "P" and "transparency" in img.info)
        img = img.convert("RGBA" if has_alpha else "RGB")
    img.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return img.copy()


def cache_key(path: str | os.PathLike[str], size: int, mtime_ns: int, file_size: int) -> str:
    """The cache name for one thumbnail: changes whenever the photo does."""
    digest = hashlib.sha256()
    for part in (_REVISION, os.fsencode(os.path.abspath(path)), str(size).encode(),
                 str(mtime_ns).encode(), str(file_size).encode()):  # fmt: skip
        digest.update(part)
        digest.update(b"\0")
    return digest.hexdigest()


class ThumbCache:
    """A bounded, thread-safe disk cache of thumbnails.

    Several GUI worker threads call `get` at once; files are written under a
    temporary name and renamed, so a reader never sees half a thumbnail.
    Recency is the file's mtime, refreshed on every hit; when the total
    exceeds `max_bytes` the least recently used files are removed until the
    cache is at 90 % of its budget (so eviction does not run on every write).
    """

    def __init__(self, folder: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = Path(folder)
        self.max_bytes = max_bytes
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.folder, 0o700)
        self._lock = threading.Lock()
        self._total: int | None = None
        #: How many thumbnails were decoded from photos (not read from cache).
        self.made = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.thumb"

    def get(self, path: str | os.PathLike[str], size: int) -> Image.Image:
        """The thumbnail of `path`, from the cache or made (and cached) now."""
        try:
            st = os.stat(path)
        except OSError as exc:
            raise ThumbError(
                msg("core.thumbs", "cannot read: {error}").format(error=os_error(exc))
            ) from exc
        key = cache_key(path, size, st.st_mtime_ns, st.st_size)
        cached = self._path(key)
        try:
            with open(cached, "rb") as handle:
                data = handle.read()
            with contextlib.suppress(OSError):
                os.utime(cached)  # recency for LRU eviction
            loaded: Image.Image = Image.open(io.BytesIO(data))
            loaded.load()
            return loaded
        except FileNotFoundError:
            pass
        except Exception:
            # A damaged cache entry is only a cache miss.
            with contextlib.suppress(OSError):
                cached.unlink()
        img = make_thumbnail(path, size)
        with self._lock:
            self.made += 1
        self._store(cached, img)
        return img

    def _store(self, cached: Path, img: Image.Image) -> None:
        buf = io.BytesIO()
        if img.mode == "RGBA":
            img.save(buf, "PNG", compress_level=1)
        else:
            img.save(buf, "JPEG", quality=88)
        data = buf.getvalue()
        try:
            cached.parent.mkdir(exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, cached)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return  # a full or read-only cache disk only costs speed
        with self._lock:
            if self._total is None:
                self._total = self._measure()
            else:
                self._total += len(data)
            if self._total > self.max_bytes:
                self._evict()

    def _entries(self) -> list[tuple[float, int, Path]]:
        found: list[tuple[float, int, Path]] = []
        for sub in self.folder.iterdir() if self.folder.is_dir() else ():
            if not sub.is_dir():
                continue
            for entry in os.scandir(sub):
                with contextlib.suppress(OSError):
                    st = entry.stat(follow_symlinks=False)
                    found.append((st.st_mtime, st.st_size, Path(entry.path)))
        return found

    def _measure(self) -> int:
        return sum(size for _, size, _ in self._entries())

    def _evict(self) -> None:
        entries = sorted(self._entries())
        total = sum(size for _, size, _ in entries)
        target = int(self.max_bytes * 0.9)
        for _, size, path in entries:
            if total <= target:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
        self._total = total

    def total_bytes(self) -> int:
        """The cache's size on disk now (walks the folder)."""
        with self._lock:
            self._total = self._measure()
            return self._total

    def clear(self) -> None:
        """Remove every cached thumbnail (for "forget this library")."""
        with self._lock:
            for _, _, path in self._entries():
                with contextlib.suppress(OSError):
                    path.unlink()
            self._total = 0
