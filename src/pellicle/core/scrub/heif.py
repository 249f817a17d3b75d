"""HEIC/HEIF/AVIF export: decode, turn upright, bring to sRGB, re-encode as a high-quality JPEG.

HEIF containers spread metadata over item boxes (Exif, XMP/mime items,
thumbnails, depth and gain maps) and many tools that users share to cannot
read HEIC at all, so these files are not rewritten in place: they are
decoded and written as a JPEG at quality 92, 4:4:4.

HEIF goes through pillow-heif (libheif) at its full bit depth, which applies
the container's rotation and mirroring itself. Its colour then takes one of
two ways (`imaging.heif_to_pillow`): an ICC profile stays with the pixels and
is embedded in the JPEG; colour stated by an nclx box (Display P3, BT.2020,
PQ or HLG HDR) is converted to sRGB and tone-mapped (`core/colour.py`), since
a JPEG has no way to say it. AVIF goes through Pillow's own AVIF plugin
(this pillow-heif build has no AV1 decoder), which reports the container's
orientation as EXIF Orientation, applied here, and an ICC profile but not
nclx colour: `avif_nclx` reads that from the container.

The JPEG has no EXIF unless the capture date is kept; the date is read with
Pellicle's own tolerant EXIF reader, so a damaged EXIF block costs the date,
never the photo.
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Final

from pellicle.core.imaging import check_dimensions, heif_to_pillow, open_image, pillow
from pellicle.core.reasons import describe
from pellicle.core.scrub._exif import minimal_tiff, read_kept
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult

if TYPE_CHECKING:
    from PIL.Image import Image as PillowImage

    from pellicle.core.colour import Nclx

QUALITY: Final = 92


def scrub_heif(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    # Pillow is imported on first need, not with the module: a sync without
    # HEIF or AVIF photos never needs it (see imaging).
    Image = pillow()
    # A private duplicate of the descriptor: the decoders close their file object.
    with os.fdopen(os.dup(src.fd), "rb") as fp:
        try:
            if src.fmt == "heif":
                upright, icc, exif = _decode_heif(fp)
            else:
                upright, icc, exif = _decode_avif(fp)
        except ScrubError:
            raise
        except Exception as exc:  # libheif and Pillow raise many kinds for bad files
            raise ScrubError(describe(exc, src.fmt)) from exc
    date = None
    if options.keep_capture_date and exif:
        _, date = read_kept(_tiff(exif))
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        # JPEG has no alpha: flatten onto white, as viewers show it.
        rgba = upright.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        upright = Image.alpha_composite(background, rgba)
    if upright.mode != "RGB":
        upright = upright.convert("RGB")
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": QUALITY, "subsampling": 0}
    if icc:
        kwargs["icc_profile"] = icc
    tiff = minimal_tiff(1, date, jpeg=True)
    if tiff is not None:
        kwargs["exif"] = b"Exif\x00\x00" + tiff
    upright.save(buf, "JPEG", **kwargs)
    sink.write(buf.getbuffer())
    return ScrubResult("jpeg", upright.width, upright.height, 1)


def _decode_heif(fp: IO[bytes]) -> tuple[PillowImage, bytes | None, bytes | None]:
    """The primary image (upright, sRGB unless its ICC says otherwise), its ICC and EXIF."""
    import pillow_heif

    heif = pillow_heif.open_heif(fp, convert_hdr_to_8bit=False)
    check_dimensions(*heif.size)  # before any pixel is decoded
    primary = heif[heif.primary_index]
    check_dimensions(*primary.size)
    img, icc = heif_to_pillow(primary)
    exif = primary.info.get("exif")
    return img, icc, exif if isinstance(exif, bytes) else None


def _decode_avif(fp: IO[bytes]) -> tuple[PillowImage, bytes | None, bytes | None]:
    """The image turned upright (and to sRGB, see `avif_nclx`), its ICC and EXIF."""
    nclx = avif_nclx(fp.read(_AVIF_HEAD))
    fp.seek(0)
    with open_image(fp, ("AVIF",)) as img:
        img.load()
        icc = img.info.get("icc_profile")
        exif = img.info.get("exif")
        exif = exif if isinstance(exif, bytes) else None
        # The plugin states the container's rotation and mirroring as EXIF
        # Orientation; read with Pellicle's own reader (Pillow's warns, and a
        # damaged EXIF must not cost the photo).
        orientation, _ = read_kept(_tiff(exif)) if exif else (1, None)
        method = _transpose(orientation)
        upright = img.transpose(method) if method is not None else img.copy()
    icc = icc if isinstance(icc, bytes) and icc else None
    if icc is None and nclx is not None and not nclx.is_srgb and upright.mode in ("RGB", "RGBA"):
        import numpy as np

        from pellicle.core.colour import to_srgb

        pixels = to_srgb(np.asarray(upright), 8, nclx)
        upright = pillow().fromarray(pixels, upright.mode)
    return upright, icc, exif


#: How much of an AVIF's start is searched for its colour box (the `meta`
#: box comes first in every AVIF seen; a file that puts it later keeps its
#: pixels as decoded).
_AVIF_HEAD: Final = 1 << 20


def avif_nclx(head: bytes) -> Nclx | None:
    """The nclx colour of an AVIF's primary image, read from its container.

    Pillow's AVIF plugin reports an ICC profile but not nclx colour, so the
    `colr` property associated with the primary item (`meta` > `pitm`,
    `iprp` > `ipco` + `ipma`) is found here. Pixels arrive as 8-bit RGB of
    the coded values, so a PQ or HLG AVIF is tone-mapped from 8 bits.
    Returns None for anything unexpected.
    """
    from pellicle.core.colour import Nclx

    try:
        meta = _box(head, 0, len(head), b"meta")
        if meta is None:
            return None
        start, end = meta[0] + 4, meta[1]  # a FullBox: version and flags first
        pitm, iprp = _box(head, start, end, b"pitm"), _box(head, start, end, b"iprp")
        if pitm is None or iprp is None:
            return None
        primary = int.from_bytes(head[pitm[0] + 4 : pitm[0] + (6 if head[pitm[0]] == 0 else 8)])
        ipco, ipma = _box(head, *iprp, b"ipco"), _box(head, *iprp, b"ipma")
        if ipco is None or ipma is None:
            return None
        properties = list(_boxes(head, *ipco))
        for index in _associations(head, *ipma, primary):
            if 1 <= index <= len(properties):
                kind, at, stop = properties[index - 1]
                if kind == b"colr" and head[at : at + 4] == b"nclx" and stop - at >= 11:
                    primaries, transfer = struct.unpack_from(">HH", head, at + 4)
                    return Nclx(primaries, transfer)
    except (struct.error, ValueError, IndexError):
        pass
    return None


def _boxes(data: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each ISO-BMFF box in `data[start:end]`."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, pos + 8)
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _box(data: bytes, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for found, at, stop in _boxes(data, start, end):
        if found == kind:
            return at, stop
    return None


def _associations(data: bytes, start: int, end: int, item: int) -> list[int]:
    """The property indices `ipma` associates with `item`."""
    version, flags = data[start], int.from_bytes(data[start + 1 : start + 4])
    (count,) = struct.unpack_from(">I", data, start + 4)
    pos = start + 8
    wide_id, wide_index = version >= 1, bool(flags & 1)
    id_size, size = (4 if wide_id else 2), (2 if wide_index else 1)
    for _ in range(count):
        if pos + id_size + 1 > end:
            break
        item_id = int.from_bytes(data[pos : pos + id_size])
        n = data[pos + id_size]
        pos += id_size + 1
        if pos + n * size > end:
            break
        raw = [int.from_bytes(data[pos + i * size : pos + (i + 1) * size]) for i in range(n)]
        pos += n * size
        if item_id == item:
            return [value & (0x7FFF if wide_index else 0x7F) for value in raw]
    return []


def _tiff(exif: bytes) -> bytes:
    return exif[6:] if exif.startswith(b"Exif\x00\x00") else exif


#: EXIF Orientation -> the transposition that shows the image upright.
def _transpose(orientation: int) -> Any:
    """The Pillow transposition that turns an image of EXIF `orientation` upright."""
    transpose = pillow().Transpose
    return {
        2: transpose.FLIP_LEFT_RIGHT,
        3: transpose.ROTATE_180,
        4: transpose.FLIP_TOP_BOTTOM,
        5: transpose.TRANSPOSE,
        6: transpose.ROTATE_270,
        7: transpose.TRANSVERSE,
        8: transpose.ROTATE_90,
    }.get(orientation)
