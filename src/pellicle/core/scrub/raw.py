"""RAW export: a high-quality JPEG rendition, never a thumbnail or a placeholder.

A camera RAW is sensor data plus a pile of metadata (maker notes, serials,
lens, GPS) and, inside, one or more ready-made JPEG previews. Few tools that
people share to read RAW, so, like HEIC, it is exported as a JPEG:

- the camera's embedded full-size preview when it is at least 1600 px on its
  long side: a JPEG the camera already rendered with its own look, scrubbed
  like any JPEG (`jpeg.scrub_jpeg`, container level, never re-encoded), with
  the RAW's orientation (the preview usually carries none of its own);
- otherwise a LibRaw rendering (rawpy) with the camera's white balance and
  the orientation applied, encoded at quality 92 with an sRGB profile.

LibRaw picks the largest preview; anything smaller than the threshold (a
thumbnail, a 1x1 placeholder) is never exported. LibRaw opens the file
through this process's descriptor, so the path is not resolved again.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime
from typing import Final

from pellicle.core.imaging import ImageTooLarge, check_dimensions
from pellicle.core.scrub._exif import minimal_tiff, valid_date
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.scrub.jpeg import scrub_jpeg
from pellicle.core.words import msg

#: A preview at least this long on its long side is a full-size rendition.
MIN_PREVIEW: Final = 1600
QUALITY: Final = 92
# A sensor image this small is a stand-in, not the photo.
_PLACEHOLDER: Final = 64
# LibRaw's flip to the EXIF orientation that shows the picture upright.
_FLIP_TO_ORIENTATION: Final = {0: 1, 3: 3, 5: 8, 6: 6}


class _Memory(Source):
    """A JPEG held in memory (the extracted preview), read like a file."""

    def __init__(self, data: bytes) -> None:  # no file behind it
        self.fmt = "jpeg"
        self.fd = -1
        self.size = len(data)
        self._data = data

    def close(self) -> None:
        pass

    def check_unchanged(self) -> None:
        pass

    def read(self, off: int, n: int, what: str = "data") -> bytes:
        if n < 0 or off < 0 or off + n > self.size:
            raise ScrubError(
                msg("core.scrub", "truncated RAW preview: {what} past end of file").format(
                    what=what
                )
            )
        return self._data[off : off + n]

    def read_upto(self, off: int, n: int) -> bytes:
        return self._data[off : off + n] if off < self.size else b""

    def read_into(self, off: int, buf: bytearray) -> memoryview:
        data = self._data[off : off + len(buf)]
        view = memoryview(buf)[: len(data)]
        view[:] = data
        return view


def scrub_raw(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    import rawpy  # numpy and LibRaw: loaded only when a RAW is exported

    try:
        with rawpy.RawPy() as raw:
            raw.open_file(f"/proc/self/fd/{src.fd}")
            sizes = raw.sizes
            check_dimensions(sizes.width, sizes.height)
            if sizes.width * sizes.height <= _PLACEHOLDER:
                raise ScrubError(msg("core.scrub", "RAW holds no image larger than a placeholder"))
            orientation = _FLIP_TO_ORIENTATION.get(sizes.flip, 1)
            date = _capture_date(raw) if options.keep_capture_date else None
            preview = full_size_preview(raw)
            if preview is not None:
                return _export_preview(preview, orientation, date, sink, options)
            return _render(raw, date, sink)
    except ImageTooLarge as exc:
        raise ScrubError(exc.reason("RAW")) from None
    except rawpy.LibRawFileUnsupportedError:
        raise ScrubError(msg("core.scrub", "RAW file of a kind LibRaw cannot read")) from None
    except rawpy.LibRawError as exc:
        raise ScrubError(
            msg("core.scrub", "unreadable RAW: {error}").format(error=_libraw_reason(exc))
        ) from None


def full_size_preview(raw: object) -> bytes | None:
    """The embedded JPEG preview when it is a full-size rendition, else None."""
    import rawpy

    assert isinstance(raw, rawpy.RawPy)
    try:
        thumb = raw.extract_thumb()
    except (rawpy.LibRawNoThumbnailError, rawpy.LibRawUnsupportedThumbnailError):
        return None
    if thumb.format != rawpy.ThumbFormat.JPEG or not isinstance(thumb.data, bytes):
        return None
    size = jpeg_size(thumb.data)
    if size is None or max(size) < MIN_PREVIEW:
        return None
    return thumb.data


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, without decoding it."""
    pos = 2
    if not data.startswith(b"\xff\xd8"):
        return None
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None


def _export_preview(
    preview: bytes, orientation: int, date: bytes | None, sink: Sink, options: ScrubOptions
) -> ScrubResult:
    # The preview's own EXIF (if any) describes the camera, not this
    # rendition: it is dropped, and the RAW's orientation (and kept date)
    # put first, where the JPEG scrubber takes them from.
    body = _without_app1(preview)
    tiff = minimal_tiff(orientation, date)
    head = b"\xff\xd8"
    if tiff is not None:
        payload = b"Exif\x00\x00" + tiff
        head += b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return scrub_jpeg(_Memory(head + body[2:]), sink, options)


def _without_app1(jpeg: bytes) -> bytes:
    """The JPEG with every APP1 segment before its first scan removed."""
    out = bytearray(b"\xff\xd8")
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF:
        marker = jpeg[pos + 1]
        if marker == 0xDA:
            break
        length = struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
        if marker != 0xE1:
            out += jpeg[pos : pos + 2 + length]
        pos += 2 + length
    return bytes(out + jpeg[pos:])


def _render(raw: object, date: bytes | None, sink: Sink) -> ScrubResult:
    import rawpy

    assert isinstance(raw, rawpy.RawPy)
    # Camera white balance; LibRaw applies the orientation (flip) itself.
    rgb = raw.postprocess(use_camera_wb=True, output_bps=8)
    # Pillow only now: a sync without RAW renditions never imports it.
    from PIL import Image, ImageCms

    img = Image.fromarray(rgb, "RGB")
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    kwargs: dict[str, object] = {"quality": QUALITY, "subsampling": 0, "icc_profile": srgb}
    tiff = minimal_tiff(1, date)
    if tiff is not None:
        kwargs["exif"] = b"Exif\x00\x00" + tiff
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kwargs)
    sink.write(buf.getbuffer())
    return ScrubResult("jpeg", img.width, img.height, 1)


def _capture_date(raw: object) -> bytes | None:
    """The camera's capture time as EXIF text (LibRaw read it from the RAW)."""
    stamp = getattr(getattr(raw, "other", None), "timestamp", None)
    if isinstance(stamp, datetime):
        return valid_date(stamp.strftime("%Y:%m:%d %H:%M:%S").encode())
    return None


def _libraw_reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.replace("\n", " ")
