"""The searches for the end of a JPEG's scan data, scrubber's and gate's.

Each has two ways: a regular expression, and numpy a window at a time
(three times as fast, used once numpy is loaded; docs/benchmarks.md). The
numpy way is checked against the regular expression on byte strings made
of the bytes that matter (0xFF, stuffed zeros, restart codes, marker codes)
with windows a few bytes long, so that markers, fill runs and restarts fall
across every window edge. A scrub through tiny read chunks must give the
same file as through the real ones, either way; and a sync loads numpy only
for a batch big enough to pay for loading it.
"""

from __future__ import annotations

import mmap
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy  # the searches use numpy once it is loaded: it is, here
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pellicle.core.demo import write_photo
from pellicle.core.scrub import ScrubError, scrub

# The gate's search lives with its walks.
from pellicle.core.scrub import allowlist as verify_module
from pellicle.core.scrub import jpeg as jpeg_module

#: What the scrubber's search replaced: a marker is 0xFF followed by
#: anything but a stuffed zero, a restart code or another fill byte.
SCRUB_REFERENCE = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
#: And the gate's (the same set, spelled as the codes a marker may have).
GATE_REFERENCE = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")

INTERESTING = [0xFF, 0x00, 0xD0, 0xD7, 0xD8, 0xD9, 0xDA, 0xCF, 0xC4, 0x01, 0xFE, 0x5A]
scan_bytes = st.lists(st.sampled_from(INTERESTING), max_size=80).map(bytes)


@given(data=scan_bytes, window=st.integers(1, 9))
@settings(max_examples=400, deadline=None)
def test_the_scrubbers_search_finds_what_the_regular_expression_found(
    data: bytes, window: int
) -> None:
    found = SCRUB_REFERENCE.search(data)
    real = jpeg_module._WINDOW
    jpeg_module._WINDOW = window
    try:
        got = jpeg_module._end_of_entropy(memoryview(bytearray(data)))
    finally:
        jpeg_module._WINDOW = real
    assert got == (found.start() if found else -1)


@given(data=scan_bytes.filter(bool), window=st.integers(1, 9), start=st.integers(0, 79))
@settings(max_examples=400, deadline=None)
def test_the_gates_search_finds_what_the_regular_expression_found(
    data: bytes, window: int, start: int
) -> None:
    start = min(start, len(data) - 1)
    found = GATE_REFERENCE.search(data, start)
    real = verify_module._SCAN_WINDOW
    verify_module._SCAN_WINDOW = window
    try:
        with mmap.mmap(-1, len(data)) as mm:
            mm.write(data)
            got = verify_module._scan_end(mm, start)
            # No array may still refer to the mapping: it must close.
    finally:
        verify_module._SCAN_WINDOW = real
    assert got == (found.start() if found else -1)


def test_the_gates_search_lets_the_mapping_close_when_it_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise MemoryError("no memory")

    import numpy as np

    monkeypatch.setattr(np, "flatnonzero", broken)
    mm = mmap.mmap(-1, 64)
    mm.write(b"\xff\x00" * 32)
    try:
        with pytest.raises(MemoryError):
            verify_module._scan_end(mm, 0)
    finally:
        mm.close()  # BufferError if an array over it were still alive
    assert mm.closed


def test_without_numpy_the_searches_use_the_regular_expressions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = b"\x12\xff\x00\xff\xd3\x44\xff\xff\xd9\x00"
    assert jpeg_module._numpy() is numpy
    assert verify_module._loaded_numpy() is numpy

    def no_numpy(buf: object, *args: object, **kwargs: object) -> object:
        raise AssertionError("numpy used")

    monkeypatch.setattr(numpy, "frombuffer", no_numpy)
    monkeypatch.setattr(jpeg_module, "_numpy", lambda: None)
    monkeypatch.setattr(verify_module, "_loaded_numpy", lambda: None)
    assert jpeg_module._end_of_entropy(memoryview(bytearray(data))) == 7
    with mmap.mmap(-1, len(data)) as mm:
        mm.write(data)
        assert verify_module._scan_end(mm, 0) == 7


@pytest.mark.parametrize("chunk", [7, 64, 1 << 20])
@pytest.mark.parametrize("shape", [{}, {"progressive": True, "restart": 2}])
@pytest.mark.parametrize("with_numpy", [True, False])
def test_a_scrub_through_small_chunks_writes_the_same_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chunk: int,
    shape: dict[str, object],
    with_numpy: bool,
) -> None:
    source = tmp_path / "in.jpg"
    write_photo(source, "jpeg", seed=3, width=64, height=48, **shape)  # type: ignore[arg-type]

    def scrubbed(name: str) -> bytes:
        out = tmp_path / name
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            scrub(source, fd, "jpeg")
        finally:
            os.close(fd)
        return out.read_bytes()

    whole = scrubbed("whole.jpg")
    if not with_numpy:
        monkeypatch.setattr(jpeg_module, "_numpy", lambda: None)
    monkeypatch.setattr(jpeg_module, "scratch", lambda: bytearray(chunk))
    monkeypatch.setattr(jpeg_module, "_WINDOW", 5)
    assert scrubbed("small.jpg") == whole


def test_a_run_of_fill_bytes_as_long_as_a_chunk_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.jpg"
    write_photo(source, "jpeg", seed=3, width=64, height=48, plant=False)  # no trailer
    data = source.read_bytes()
    end = data.rindex(b"\xff\xd9")
    source.write_bytes(data[:end] + b"\xff" * 64 + data[end:])
    monkeypatch.setattr(jpeg_module, "scratch", lambda: bytearray(32))
    fd = os.open(tmp_path / "out.jpg", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with pytest.raises(ScrubError, match="fill bytes"):
            scrub(source, fd, "jpeg")
    finally:
        os.close(fd)


LOADS_NUMPY = """
import sys
import pellicle.core.sync as sync
sync.NUMPY_FROM = int(sys.argv[1])
from pellicle.core.engine import Engine
with Engine() as engine:
    assert engine.sync().added == 3
print("numpy" in sys.modules)
"""


@pytest.mark.parametrize(("limit", "loaded"), [(1 << 40, False), (1, True)])
def test_a_sync_loads_numpy_only_for_a_batch_that_pays_for_it(
    home: Path, library: Path, export: Path, limit: int, loaded: bool
) -> None:
    """Loading numpy costs 0.1-0.3 s: a sync of a few photos must not pay it."""
    from pellicle.core.engine import Engine

    for i in range(3):
        write_photo(library / f"{i}.jpg", "jpeg", seed=i)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library)])
    out = subprocess.run(
        [sys.executable, "-c", LOADS_NUMPY, str(limit)],
        env=dict(os.environ, PELLICLE_HOME=str(home)),
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == str(loaded)
