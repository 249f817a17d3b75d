"""Pellicle's Pillow limits hold whatever the process's warning filters say."""

from __future__ import annotations

import io
import struct
import warnings
import zlib

import pytest

from pellicle.core.imaging import MAX_PIXELS, ImageTooLarge, open_image


def _declared_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize("action", ["ignore", "error"])
@pytest.mark.parametrize("scale", [1.5, 3.0])  # Pillow warns below 2x its limit, raises above
def test_bombs_are_refused_under_any_warning_filter(action: str, scale: float) -> None:
    side = int((MAX_PIXELS * scale) ** 0.5) + 1
    with warnings.catch_warnings():
        warnings.resetwarnings()
        warnings.simplefilter(action)  # type: ignore[arg-type]
        with pytest.raises(ImageTooLarge):
            open_image(io.BytesIO(_declared_png(side, side)))
