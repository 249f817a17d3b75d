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
orientation as EXIF Orientation, applied here.

The JPEG has no EXIF unless the capture date is kept; the date is read with
Pellicle's own tolerant EXIF reader, so a damaged EXIF block costs the date,
never the photo.
"""

from __future__ import annotations

import io
import os
from typing import IO, Final

from PIL import Image

from pellicle.core.imaging import check_dimensions, heif_to_pillow, open_image
from pellicle.core.reasons import describe
from pellicle.core.scrub._exif import minimal_tiff, read_kept
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult

QUALITY: Final = 92


def scrub_heif(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
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


def _decode_heif(fp: IO[bytes]) -> tuple[Image.Image, bytes | None, bytes | None]:
    """The primary image (upright, sRGB unless its ICC says otherwise), its ICC and EXIF."""
    import pillow_heif

    heif = pillow_heif.open_heif(fp, convert_hdr_to_8bit=False)
    check_dimensions(*heif.size)  # before any pixel is decoded
    primary = heif[heif.primary_index]
    check_dimensions(*primary.size)
    img, icc = heif_to_pillow(primary)
    exif = primary.info.get("exif")
    return img, icc, exif if isinstance(exif, bytes) else None


def _decode_avif(fp: IO[bytes]) -> tuple[Image.Image, bytes | None, bytes | None]:
    """The image turned upright, its ICC and EXIF, through Pillow's AVIF plugin."""
    with open_image(fp, ("AVIF",)) as img:
        img.load()
        icc = img.info.get("icc_profile")
        exif = img.info.get("exif")
        exif = exif if isinstance(exif, bytes) else None
        # The plugin states the container's rotation and mirroring as EXIF
        # Orientation; read with Pellicle's own reader (Pillow's warns, and a
        # damaged EXIF must not cost the photo).
        orientation, _ = read_kept(_tiff(exif)) if exif else (1, None)
        method = _TRANSPOSE.get(orientation)
        upright = img.transpose(method) if method is not None else img.copy()
    return upright, icc if isinstance(icc, bytes) and icc else None, exif


def _tiff(exif: bytes) -> bytes:
    return exif[6:] if exif.startswith(b"Exif\x00\x00") else exif


#: EXIF Orientation -> the transposition that shows the image upright.
_TRANSPOSE: Final = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
