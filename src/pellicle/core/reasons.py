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

from pellicle.core.words import msg, os_error

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
    found = NAMES.get(fmt or "")
    return found if found is not None else msg("core.reasons", "image")


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
        return exc.reason(what)
    if isinstance(exc, MemoryError):
        return msg("core.reasons", "{what} needs more memory to decode than is available").format(
            what=what
        )
    if isinstance(exc, OSError) and exc.errno is not None and exc.strerror:
        return msg("core.reasons", "cannot read: {error}").format(error=os_error(exc))
    if isinstance(exc, (LibraryWarning, Warning)):  # a warning made an error: Pillow guessed
        return msg("core.reasons", "damaged {what}: part of it is invalid").format(what=what)
    text = str(exc)
    if isinstance(exc, EOFError) or _TRUNCATED.search(text):
        return msg(
            "core.reasons", "truncated {what}: the file ends before its image data does"
        ).format(what=what)
    if type(exc).__name__ == "UnidentifiedImageError" or _UNIDENTIFIED.search(text):
        return msg("core.reasons", "not a readable {what} file").format(what=what)
    if _UNSUPPORTED.search(text):
        return msg("core.reasons", "{what} uses a feature Pellicle cannot decode").format(what=what)
    return msg("core.reasons", "damaged {what}: its image data does not decode").format(what=what)


def one_line(text: str) -> str:
    """`text` on one line, whitespace collapsed."""
    return " ".join(text.split())
