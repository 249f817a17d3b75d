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
"""

from __future__ import annotations

import threading
import warnings
from typing import IO, TYPE_CHECKING, Final

if TYPE_CHECKING:
    from types import ModuleType

    from PIL import Image as _Image

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


def check_dimensions(width: int, height: int) -> None:
    """Refuse dimensions that are empty or larger than the pixel budget."""
    if width <= 0 or height <= 0:
        raise ImageTooLarge(f"invalid dimensions {width}x{height}")
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(f"image too large: {width}x{height} pixels")


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
    image = pillow()
    with warnings.catch_warnings():
        warnings.simplefilter("error", image.DecompressionBombWarning)
        try:
            img: _Image.Image = image.open(fp, formats=list(formats) if formats else None)
        except (image.DecompressionBombError, image.DecompressionBombWarning) as exc:
            raise ImageTooLarge(str(exc)) from exc
    check_dimensions(*img.size)
    return img
