"""Leak searches shared by the scrub tests (imported by name: keep this module name unique)."""

from __future__ import annotations

import zlib
from pathlib import Path

from pellicle.core import demo
from pellicle.core.scrub import ScrubResult

Scrubbed = tuple[ScrubResult, bytes, Path]


def inflated_streams(data: bytes) -> list[bytes]:
    """Every zlib stream found anywhere in `data`, inflated (bounded)."""
    out = []
    for i in range(len(data) - 1):
        if data[i] == 0x78 and ((data[i] << 8) | data[i + 1]) % 31 == 0:
            d = zlib.decompressobj()
            try:
                chunk = d.decompress(data[i:], 1 << 22)
            except zlib.error:
                continue
            if chunk:
                out.append(chunk)
    return out


def leaks(data: bytes, planted: tuple[bytes, ...] = demo.PLANTED) -> list[bytes]:
    """Planted strings present in `data` raw or inside any zlib stream."""
    haystacks = [data, *inflated_streams(data)]
    return [p for p in planted if any(p in h for h in haystacks)]
