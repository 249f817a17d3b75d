"""The single place Pillow is configured for Pellicle.

Pellicle reads photos it did not make, some of them hostile (decompression
bombs, absurd declared dimensions). Pillow's defaults only warn about huge
images and the HEIF opener must be registered before HEIC files can be read.
Every module that decodes images (scrub's HEIF path, the gate when it
decodes, thumbnails) gets Pillow from `pillow()` or opens images with
`open_image`, so there is one deliberate policy, not several accidental ones.

Pillow itself is imported on first need, not with this module: the export
path (scan, scrub, the gate's comparison) never decodes a JPEG, PNG, WebP,
GIF or TIFF, and a `pellicle sync` command should not pay for importing an
image library it does not use. Modules that use Pillow directly call
`pillow()` when they are imported.
HEIF pixels pass through `heif_to_pillow`, so the export and the thumbnail
show the same colours.
"""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from types import ModuleType

    from PIL import Image as _Image

from pellicle.core.words import Message, msg

#: The largest image Pellicle will decode or export, in pixels. 200 MP covers
#: every phone and almost every camera (a 102 MP medium-format sensor is half
#: of it) while keeping a decoded RGB image under about 600 MB.
MAX_PIXELS: Final = 200_000_000

#: The largest ICC profile Pellicle keeps (the scrubbers' and the gate's bound).
MAX_ICC: Final = 16 << 20

_pillow_lock = threading.Lock()
_pillow: ModuleType | None = None
_heif_lock = threading.Lock()
_heif_registered = False


def pillow() -> ModuleType:
    """`PIL.Image`, imported and configured with Pellicle's limits (once)."""
    global _pillow
    if _pillow is not None:
        return _pillow
    with _pillow_lock:
        if _pillow is None:
            from PIL import Image, PngImagePlugin

            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; for
            # us a warning is a refusal. `open_image` also checks explicitly,
            # because a warnings filter is process-global state that an
            # embedding app could reset.
            warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
            # Pillow inflates a PNG's iCCP under the limit it sets for text
            # chunks (1 MB), so a valid PNG with a larger profile (print and
            # camera profiles reach a few MB) would not open at all. Allow
            # what Pellicle keeps; the total for text chunks
            # (MAX_TEXT_MEMORY, 64 MB) still bounds what a file may hold.
            PngImagePlugin.MAX_TEXT_CHUNK = max(PngImagePlugin.MAX_TEXT_CHUNK, MAX_ICC)
            _pillow = Image
    return _pillow


class ImageTooLarge(ValueError):
    """The image declares more pixels than `MAX_PIXELS`."""

    def reason(self, what: str) -> Message:
        """The refusal for a file of the format named `what` ("JPEG image
        too large: 30000x20000 pixels")."""
        problem = str(self)
        if not isinstance(problem, Message):
            problem = " ".join(problem.split())
        return msg("core.imaging", "{what} {problem}").format(what=what, problem=problem)


def check_dimensions(width: int, height: int) -> None:
    """Refuse dimensions that are empty or larger than the pixel budget."""
    if width <= 0 or height <= 0:
        raise ImageTooLarge(
            msg("core.imaging", "invalid dimensions {width}x{height}").format(
                width=str(width), height=str(height)
            )
        )
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(
            msg("core.imaging", "image too large: {width}x{height} pixels").format(
                width=str(width), height=str(height)
            )
        )


def register_heif() -> None:
    """Register pillow-heif's HEIF opener with Pillow, once, on first need.

    Lazy because importing pillow-heif loads libheif and its codecs, which
    most runs (no HEIC in the library) never need.
    """
    global _heif_registered
    pillow()
    with _heif_lock:
        if _heif_registered:
            return
        import pillow_heif

        pillow_heif.register_heif_opener()
        _heif_registered = True


def open_image(fp: IO[bytes], formats: tuple[str, ...] | None = None) -> _Image.Image:
    """Open an image with Pellicle's limits enforced.

    Raises `ImageTooLarge` for bombs, and whatever Pillow raises for
    unreadable data (callers wrap it in their own error type).
    """
    # No `warnings.catch_warnings()` here: it swaps process-wide state and
    # races with the sync's other decoding threads (one thread's exit can
    # undo another's filters or warnings hook). `pillow()`'s filter makes
    # Pillow's bomb warning an error, and `check_dimensions` refuses the same
    # images even if an embedding application reset the filters.
    image = pillow()
    try:
        img: _Image.Image = image.open(fp, formats=list(formats) if formats else None)
    except (image.DecompressionBombError, image.DecompressionBombWarning) as exc:
        # Pillow: "Image size (N pixels) exceeds limit of M pixels, could be
        # decompression bomb DOS attack."
        found = re.search(r"\((\d+) pixels\)", str(exc))
        if found is None:
            raise ImageTooLarge(msg("core.imaging", "image too large")) from exc
        raise ImageTooLarge(
            msg("core.imaging", "image too large: {pixels} pixels").format(pixels=found.group(1))
        ) from exc
    check_dimensions(*img.size)
    return img


#: Colour keys of a pillow-heif `info` that a thumbnail without its own takes from its image.
_COLOUR_KEYS: Final = (
    "icc_profile",
    "nclx_profile",
    "content_light_level",
    "mastering_display_colour_volume",
    "nominal_diffuse_white_luminance",
)


def heif_to_pillow(
    image: Any, fallback: Mapping[str, Any] | None = None
) -> tuple[_Image.Image, bytes | None]:
    """An 8-bit RGB or RGBA image of a pillow-heif image, and the ICC profile to keep with it.

    `image` comes from `pillow_heif.open_heif(..., convert_hdr_to_8bit=False)`:
    a HEIF's primary image or one of its thumbnails (which may state no colour
    of their own: `fallback`, the primary's `info`, then stands in). Colour
    given by an ICC profile stays as coded and the profile is returned; colour
    given by an nclx box is converted to sRGB and HDR tone-mapped
    (`core/colour.py`).
    """
    import numpy as np

    from pellicle.core.colour import Nclx, to_srgb

    info: dict[str, Any] = dict(image.info)
    if fallback is not None and not ({"icc_profile", "nclx_profile"} & info.keys()):
        info.update({k: fallback[k] for k in _COLOUR_KEYS if k in fallback})
    width, height = image.size
    pixels = np.asarray(image)[:height, :width]  # rows may be padded to a stride
    if pixels.ndim == 2:  # monochrome
        pixels = np.repeat(pixels[..., None], 3, axis=2)
    if str(image.mode).split(";")[0].endswith("a"):  # premultiplied alpha
        pixels = _unpremultiply(pixels)
    icc = info.get("icc_profile")
    icc = icc if isinstance(icc, bytes) and icc else None
    nclx = None if icc else Nclx.from_info(info)
    bit_depth = int(info.get("bit_depth") or (8 if pixels.dtype == np.uint8 else 16))
    out = to_srgb(pixels, bit_depth, nclx)
    return pillow().fromarray(out, "RGBA" if out.shape[2] == 4 else "RGB"), icc


def _unpremultiply(pixels: Any) -> Any:
    import numpy as np

    top = float(np.iinfo(pixels.dtype).max)
    alpha = pixels[..., 3:4].astype(np.float32)
    colour = pixels[..., :3].astype(np.float32) * top / np.maximum(alpha, 1.0)
    out = pixels.copy()
    out[..., :3] = np.clip(np.round(colour), 0, top).astype(pixels.dtype)
    return out
