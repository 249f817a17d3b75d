"""A decoding library's failure, said as one plain sentence.

Pellicle shows why a photo was not exported in the app, in `status` and
`sync` (text and JSON) and in the inspector. Pillow, pillow-heif and libheif
describe a bad file in their own terms ("cannot identify image file
<_io.BufferedReader name=13>", "Invalid input: No 'meta' box", "broken data
stream when reading image file", "could not create decoder object"), often
with a Python object's repr or an exception class name. `describe` maps such
an exception to a sentence a person can act on; the library's own words go to
the debug log only (`PELLICLE_DEBUG=1` shows it).
"""

from __future__ import annotations

import logging
import re
from typing import Final

_log = logging.getLogger(__name__)

#: Display names of formats (`formats.sniff` names -> words).
NAMES: Final = {
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
    "gif": "GIF",
    "tiff": "TIFF",
    "heif": "HEIF",
    "avif": "AVIF",
}

_TRUNCATED: Final = re.compile(
    r"truncat|end of file|unexpected end|past end|outside of file bounds|premature|"
    r"not enough data|too short|ended early",
    re.IGNORECASE,
)
_UNIDENTIFIED: Final = re.compile(
    r"cannot identify|not a .*file|no '?[a-z]{4}'? box|unknown brand|invalid signature",
    re.IGNORECASE,
)
_UNSUPPORTED: Final = re.compile(
    r"unsupported|not supported|no decoder|decoder .*not available|"
    r"unknown compression|plugin",
    re.IGNORECASE,
)


def name(fmt: str | None) -> str:
    """The word for a format in a reason ("HEIF", "WebP"); "image" when unknown."""
    return NAMES.get(fmt or "", "image")


def describe(exc: BaseException, fmt: str | None = None) -> str:
    """Why a file of format `fmt` could not be read, as one plain sentence.

    Keeps Pellicle's own messages (`ImageTooLarge`: "image too large: ...")
    and turns everything else into one of a few sentences; the exception
    itself is logged at debug level.
    """
    # Imported here: this module must stay cheap to import for the CLI.
    from pellicle.core.imaging import ImageTooLarge
    from pellicle.core.warnings_policy import LibraryWarning

    what = name(fmt)
    _log.debug("%s refused: %s: %r", what, type(exc).__name__, exc)
    if isinstance(exc, ImageTooLarge):
        return f"{what} {one_line(str(exc))}"
    if isinstance(exc, MemoryError):
        return f"{what} needs more memory to decode than is available"
    if isinstance(exc, OSError) and exc.errno is not None and exc.strerror:
        return f"cannot read: {exc.strerror.lower()}"
    if isinstance(exc, (LibraryWarning, Warning)):  # a warning made an error: Pillow guessed
        return f"damaged {what}: part of it is invalid"
    text = str(exc)
    if isinstance(exc, EOFError) or _TRUNCATED.search(text):
        return f"truncated {what}: the file ends before its image data does"
    if type(exc).__name__ == "UnidentifiedImageError" or _UNIDENTIFIED.search(text):
        return f"not a readable {what} file"
    if _UNSUPPORTED.search(text):
        return f"{what} uses a feature Pellicle cannot decode"
    return f"damaged {what}: its image data does not decode"


def one_line(text: str) -> str:
    """`text` on one line, whitespace collapsed."""
    return " ".join(text.split())
