"""Leak searches and reason checks shared by the scrub tests (imported by name: keep it unique)."""

from __future__ import annotations

import re
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


#: What a reason a person reads must never hold: a repr, a class name, a traceback.
_NOT_PLAIN = re.compile(
    r"<[_a-zA-Z]|\bTraceback\b|\b[A-Za-z_.]*(Error|Exception|Warning)\b|object at 0x|\bb['\"]"
)


def is_plain(reason: str) -> bool:
    """One line, not empty, and nothing of Python's own in it."""
    return bool(reason) and "\n" not in reason and _NOT_PLAIN.search(reason) is None
