"""Fixtures for the scrub tests: planted demo photos, and scrub + verify on real files."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pellicle.core import demo
from pellicle.core.scrub import ScrubOptions, scrub, verify
from scrub_helpers import Scrubbed

_DEFAULT = ScrubOptions()


@pytest.fixture
def run_scrub(tmp_path: Path) -> Callable[..., Scrubbed]:
    """scrub() then verify() a source file into a fresh staging file, as the sync does
    (the gate compares the copy with its source); return result, bytes and path."""
    counter = [0]

    def run(src: Path, fmt: str, options: ScrubOptions = _DEFAULT) -> Scrubbed:
        counter[0] += 1
        out = tmp_path / f"out-{counter[0]}"
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            result = scrub(src, fd, fmt, options)
            digest = verify(fd, fmt, src, options, claimed=result)
        finally:
            os.close(fd)
        data = out.read_bytes()
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
