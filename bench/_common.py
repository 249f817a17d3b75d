"""Shared pieces of the benchmark suite: generated data, peers, result rows.

Benchmarks measure Pellicle against the tool a person would use instead
(`find`, `vipsthumbnail`, `exiftool`, a plain copy) on the same generated
files in the same run, so a busy or slow machine moves both numbers alike
and the ratio stays meaningful. Generated data lives in a work dir outside
the repository (default /tmp/pellicle-bench) and is reused between runs:
writing 100,000 files takes longer than scanning them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

DEFAULT_WORK = Path("/tmp/pellicle-bench")

#: Files per folder in generated libraries: 100,000 files -> 5,000 folders.
PER_FOLDER = 20

INSTALL_PEERS = "apt-get install libimage-exiftool-perl libvips-tools"


@dataclass
class Row:
    """One line of the summary table: Pellicle against its peer."""

    name: str
    pellicle: float
    peer: float | None
    unit: str
    goal: str
    #: "ratio" goals compare pellicle/peer to `limit`; "abs" (<=) and "abs>="
    #: compare pellicle itself; "info" rows have no goal.
    limit: float
    by: str = "ratio"
    note: str = ""
    #: Set when the goal is not a number (e.g. "nothing decoded again").
    ok: bool | None = None

    @property
    def ratio(self) -> float | None:
        if self.peer is None or self.peer <= 0:
            return None
        return self.pellicle / self.peer

    @property
    def met(self) -> bool | None:
        if self.ok is not None:
            return self.ok
        if self.by == "info":
            return None
        value = self.ratio if self.by == "ratio" else self.pellicle
        if value is None:
            return None
        return value >= self.limit if self.by == "abs>=" else value <= self.limit


def peer(name: str) -> str | None:
    """Path of a peer tool, or None (the row is then skipped with a note)."""
    return shutil.which(name)


def drop_caches() -> bool:
    """Empty the page cache for a cold-ish measurement; False if not permitted."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("3\n")
        return True
    except OSError:
        return False


def small_jpeg() -> bytes:
    from pellicle.core.demo import photo_bytes

    return photo_bytes("jpeg", seed=1, width=8, height=8, plant=False)


def make_tree(root: Path, files: int) -> Path:
    """A library of `files` tiny distinct JPEGs, PER_FOLDER per folder.

    Reused when a previous run left the same tree (a marker names its size).
    """
    marker = root / ".complete"
    if marker.exists() and marker.read_text() == str(files):
        return root / "library"
    shutil.rmtree(root, ignore_errors=True)
    lib = root / "library"
    small = small_jpeg()
    t = time.perf_counter()
    folders = max(1, files // PER_FOLDER)
    for f in range(folders):
        folder = lib / f"{f // 100:03d}" / f"f{f:05d}"
        folder.mkdir(parents=True)
        for i in range(PER_FOLDER):
            data = small[:-2] + f.to_bytes(3, "big") + bytes([i]) + small[-2:]
            (folder / f"p{i:02d}.jpg").write_bytes(data)
    marker.write_text(str(files))
    print(f"  generated {files:,} files in {folders:,} folders in {time.perf_counter() - t:.0f} s")
    return lib


def make_phone_jpegs(folder: Path, count: int) -> list[Path]:
    """Phone-size JPEGs (4032x3024, ~3 MB, planted metadata), made once and kept."""
    from pellicle.core import demo

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.jpg"
        if not path.exists():
            tmp = path.with_suffix(".tmp")
            demo.write_photo(
                tmp, "jpeg", width=4032, height=3024, seed=i, quality=85, orientation=6, icc=True
            )
            tmp.rename(path)
        paths.append(path)
    return paths


def phone_count(size: int) -> int:
    """How many 3 MB photos a run of library size `size` uses (bounded: disk, time)."""
    return max(24, min(240, size // 500))


def timed(cmd: list[str], **kwargs: object) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - t


def proc_cpu_seconds() -> float:
    """User + system CPU of this process and its reaped children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def rss_mb(key: str = "VmHWM", pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def installed_like_env(**extra: str) -> dict[str, str]:
    """The environment for timing `pellicle` commands as a person runs them.

    An installed Pellicle has its bytecode compiled (the packages ship it);
    a shell with PYTHONDONTWRITEBYTECODE set would make every timed command
    compile every module it imports again, 0.14 s of CPU per command here,
    which no user pays. The package is compiled once and the variable left
    out.
    """
    import compileall

    import pellicle

    compileall.compile_dir(os.path.dirname(pellicle.__file__), quiet=1)
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


class MachineLoad:
    """How busy all CPUs were over a span (from /proc/stat), in cores.

    CPU% of a process can only reach 200 % on two cores when nothing else
    runs; other engineers' test suites often do, so results state the
    machine's total load next to the process's own CPU use.
    """

    def __enter__(self) -> MachineLoad:
        self._start = self._read()
        self._t = time.perf_counter()
        self.cores = float("nan")
        return self

    def __exit__(self, *exc: object) -> None:
        busy0, _ = self._start
        busy1, _ = self._read()
        ticks = os.sysconf("SC_CLK_TCK")
        self.cores = (busy1 - busy0) / ticks / (time.perf_counter() - self._t)

    @staticmethod
    def _read() -> tuple[int, int]:
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields) - idle, idle
