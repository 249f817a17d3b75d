"""HEIC/HEIF/AVIF export: decode, turn upright, re-encode as a high-quality JPEG.

HEIF containers spread metadata over item boxes (Exif, XMP/mime items,
thumbnails, depth and gain maps) and many tools that users share to cannot
read HEIC at all, so these files are not rewritten in place: they are
decoded (pillow-heif for HEIF, Pillow's own AVIF plugin for AVIF), turned to
their display orientation, and written as a JPEG at quality 92 with the ICC
profile. The JPEG has no EXIF unless the capture date is kept.
"""

from __future__ import annotations

import io
import os
from typing import Final

from pellicle.core.imaging import ImageTooLarge, open_image, register_heif
from pellicle.core.scrub._exif import minimal_tiff, valid_date
from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult

QUALITY: Final = 92


def scrub_heif(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    # Pillow is imported here, not with the module: a sync without HEIF or
    # AVIF photos never needs it (see imaging).
    from PIL import Image, ImageOps

    if src.fmt == "heif":
        register_heif()
        formats: tuple[str, ...] = ("HEIF",)
    else:
        formats = ("AVIF",)
    # A private duplicate of the descriptor: Pillow closes its file object.
    with os.fdopen(os.dup(src.fd), "rb") as fp:
        try:
            img = open_image(fp, formats)
        except ImageTooLarge as exc:
            raise ScrubError(f"{src.fmt.upper()} {exc}") from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise ScrubError(f"unreadable {src.fmt.upper()}: {exc}") from None
        with img:
            img.load()
            icc = img.info.get("icc_profile")
            date = None
            if options.keep_capture_date:
                value = img.getexif().get_ifd(0x8769).get(0x9003)
                if isinstance(value, str):
                    date = valid_date(value.encode("ascii", "replace"))
            upright = ImageOps.exif_transpose(img)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        # JPEG has no alpha: flatten onto white, as viewers show it.
        rgba = upright.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        upright = Image.alpha_composite(background, rgba)
    if upright.mode != "RGB":
        upright = upright.convert("RGB")
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": QUALITY, "subsampling": 0}
    if isinstance(icc, bytes) and icc:
        kwargs["icc_profile"] = icc
    tiff = minimal_tiff(1, date)
    if tiff is not None:
        kwargs["exif"] = b"Exif\x00\x00" + tiff
    upright.save(buf, "JPEG", **kwargs)
    sink.write(buf.getbuffer())
    return ScrubResult("jpeg", upright.width, upright.height, 1)
