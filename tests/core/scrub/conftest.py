"""Shared helpers for the scrub tests: run scrub + verify on real files, and leak searches."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pellicle.core import demo
from pellicle.core.scrub import ScrubOptions, ScrubResult, scrub, verify

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


@pytest.fixture
def run_scrub(tmp_path: Path) -> Callable[..., Scrubbed]:
    """scrub() then verify() a source file into a fresh staging file; return result and bytes."""
    counter = [0]

    def run(src: Path, fmt: str, options: ScrubOptions = ScrubOptions()) -> Scrubbed:
        counter[0] += 1
        out = tmp_path / f"out-{counter[0]}"
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            result = scrub(src, fd, fmt, options)
            digest = verify(fd, result, options)
        finally:
            os.close(fd)
        data = out.read_bytes()
        import hashlib

        assert digest == hashlib.sha256(data).hexdigest()
        return result, data, out

    return run


@pytest.fixture
def photo(tmp_path: Path) -> Callable[..., Path]:
    """Write a demo photo with planted metadata and return its path."""
    counter = [0]

    def make(fmt: str = "jpeg", **kwargs: object) -> Path:
        counter[0] += 1
        path = tmp_path / f"src-{counter[0]}"
        demo.write_photo(path, fmt, **kwargs)  # type: ignore[arg-type]
        return path

    return make
