"""Scanning a big library against `find` (not a test).

On a generated library of N tiny JPEGs in N/20 folders (100,000 files in
5,000 folders by default) this times:

- the initial scan (`scan_root` with an empty index: every file's first
  64 bytes are read to learn its format), warm and cold (page, dentry and
  inode caches dropped first, when this process may), against the bare
  system-call floor measured in the same run: a Python loop that makes
  only the calls such a scan needs (per folder a scandir, per entry an
  lstat, per file open, read of the head, close), nothing else; the faster
  of its two forms (full paths, or relative to each folder's descriptor)
  is the floor. Goal: at most 1.3x the floor, cold and warm. `find ROOT
  -printf '%s %T@ %i\\n'` (the stat calls alone, no file content) is shown
  for reference;
- a rescan with nothing changed (`scan_root` given the previous index),
  counting how many files it opened (must be none), against find;
- the same through the engine: the first `Engine.sync()` (scan + writing
  the index to SQLite) and a no-op `Engine.sync()`;
- where the memory of a synced 100,000-photo engine goes (tracemalloc's
  top allocation sites during a no-op sync), for the engine's owner.

    .venv/bin/python bench/scan.py [--size 100000] [--work /tmp/pellicle-bench]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Final

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_WORK, Row, drop_caches, make_tree, rss_mb


def _find(root: Path) -> float:
    t = time.perf_counter()
    subprocess.run(
        ["find", str(root), "-printf", "%s %T@ %i\\n"], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - t


def _best(fn: Callable[[], float], n: int = 3) -> float:
    return min(fn() for _ in range(n))


_HEAD: Final = 64  # formats.HEAD_SIZE, what the scan reads of each new file
_READ: Final = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC
_DIR: Final = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def _floor_paths(root: Path) -> float:
    """scandir(path), lstat(path) per entry, open/read/close(path) per file."""
    t = time.perf_counter()
    stack = [os.fsencode(root)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode):
                    stack.append(entry.path)
                elif stat.S_ISREG(st.st_mode):
                    fd = os.open(entry.path, _READ)
                    os.read(fd, _HEAD)
                    os.close(fd)
    return time.perf_counter() - t


def _floor_fds(root: Path) -> float:
    """The same calls relative to each folder's descriptor (fstatat, openat)."""
    t = time.perf_counter()
    stack = [os.fsencode(root)]
    while stack:
        path = stack.pop()
        dir_fd = os.open(path, _DIR)
        try:
            with os.scandir(dir_fd) as it:
                for entry in it:
                    st = entry.stat(follow_symlinks=False)
                    if stat.S_ISDIR(st.st_mode):
                        stack.append(path + b"/" + os.fsencode(entry.name))
                    elif stat.S_ISREG(st.st_mode):
                        fd = os.open(entry.name, _READ, dir_fd=dir_fd)
                        os.read(fd, _HEAD)
                        os.close(fd)
        finally:
            os.close(dir_fd)
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--memory-top", type=int, default=12)
    args = parser.parse_args()

    import pellicle.core.scan as scan
    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations

    lib = make_tree(args.work / f"tree-{args.size}", args.size)
    print(f"scan: {args.size:,} files in {args.size // 20:,} folders")
    rows: list[Row] = []

    opened = [0]
    real_identify = scan._identify

    def counting(
        path: bytes, rel: bytes, size: int, dir_fd: int | None = None
    ) -> tuple[str | None, str | None]:
        opened[0] += 1
        return real_identify(path, rel, size, dir_fd)

    scan._identify = counting  # type: ignore[assignment]

    def first_scan() -> float:
        t = time.perf_counter()
        scan.scan_root(str(lib), {})
        return time.perf_counter() - t

    # Each side in turn, the order rotating; best of each. Cold: caches
    # dropped before every side (twice each); warm: five times each.
    sides: dict[str, Callable[[], float]] = {
        "scan": first_scan,
        "paths": lambda: _floor_paths(lib),
        "fds": lambda: _floor_fds(lib),
        "find": lambda: _find(lib),
    }

    def measure(times: int, cold: bool) -> dict[str, float]:
        got: dict[str, list[float]] = {name: [] for name in sides}
        names = list(sides)
        for i in range(times):
            for name in names[i % len(names) :] + names[: i % len(names)]:
                if cold:
                    drop_caches()
                got[name].append(sides[name]())
        return {name: min(values) for name, values in got.items()}

    if drop_caches():
        best = measure(2, cold=True)
        floor_cold = min(best["paths"], best["fds"])
        print(
            f"  cold: initial scan {best['scan']:.2f} s; floor {floor_cold:.2f} s "
            f"(paths {best['paths']:.2f}, fds {best['fds']:.2f}); find {best['find']:.2f} s"
        )
        rows.append(Row("initial scan, cold (s)", best["scan"], floor_cold, "s",
                        "<= 1.3x system-call floor", 1.3,
                        note=f"find {best['find']:.2f} s"))  # fmt: skip
    else:
        print("  cold: not measured (cannot write /proc/sys/vm/drop_caches)")
    best = measure(5, cold=False)
    find_warm = best["find"]
    pel_first = best["scan"]
    floor_warm = min(best["paths"], best["fds"])
    print(
        f"  warm: initial scan {pel_first:.3f} s; floor {floor_warm:.3f} s "
        f"(paths {best['paths']:.3f}, fds {best['fds']:.3f}); find {find_warm:.3f} s"
    )
    rows.append(Row("initial scan, warm (s)", pel_first, floor_warm, "s",
                    "<= 1.3x system-call floor", 1.3,
                    note=f"find {find_warm:.3f} s"))  # fmt: skip

    index = scan.scan_root(str(lib), {})
    opened[0] = 0
    times = []
    for _ in range(5):
        t = time.perf_counter()
        scan.scan_root(str(lib), index.files, previous_folders=index.folders)
        times.append(time.perf_counter() - t)
    rescan = statistics.median(times)
    print(f"  rescan, nothing changed: {rescan:.3f} s (files opened: {opened[0]})")
    rows.append(
        Row(
            "rescan, nothing changed (s)",
            rescan,
            find_warm,
            "s",
            "<= 2x find, < 2 s, no reads",
            2.0,
            note=f"{opened[0]} files opened",
            ok=rescan <= 2 * find_warm and rescan < 2.0 and opened[0] == 0,
        )
    )
    del index

    # Through the engine, with its SQLite index.
    home = args.work / f"home-scan-{args.size}"
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(args.work / "export-scan", ignore_errors=True)
    os.environ["PELLICLE_HOME"] = str(home)
    where = locations()
    where.ensure()
    with Engine(where) as engine:
        engine.init([str(lib)], str(args.work / "export-scan"))
        t = time.perf_counter()
        engine.sync()
        first_sync = time.perf_counter() - t
    opened[0] = 0
    syncs = []
    with Engine(where) as engine:
        for _ in range(3):
            t = time.perf_counter()
            engine.sync()
            syncs.append(time.perf_counter() - t)
        noop = statistics.median(syncs)
        print(
            f"  Engine.sync(): first {first_sync:.2f} s, no-op {noop:.2f} s "
            f"(files opened: {opened[0]})"
        )
        rows.append(
            Row("first Engine.sync() (s)", first_sync, find_warm, "s", "(info)", 0, by="info")
        )
        rows.append(
            Row(
                "no-op Engine.sync() (s)",
                noop,
                find_warm,
                "s",
                "< 2 s, no reads",
                2.0,
                by="abs",
                note=f"{opened[0]} files opened",
                ok=noop < 2.0 and opened[0] == 0,
            )
        )
        # One rule changes (a folder of 20 photos shared), then the
        # watcher-style sync that follows it: only the photos under the
        # rule are decided again, whatever the library's size.
        import pellicle.core.policy as policy_mod

        decided = [0]
        real_decide = policy_mod.Policy.decide

        def counting_decide(
            self: policy_mod.Policy,
            root_id: int,
            rel: bytes,
            fingerprint: str | None = None,
            *,
            size: int | None,
        ) -> policy_mod.Verdict:
            decided[0] += 1
            return real_decide(self, root_id, rel, fingerprint, size=size)

        policy_mod.Policy.decide = counting_decide  # type: ignore[method-assign]
        folders = sorted(p for p in lib.glob("*/*") if p.is_dir())
        rule_times = []
        for folder in folders[7:12]:
            decided[0] = 0
            t = time.perf_counter()
            engine.share([str(folder)])
            engine.sync(changed=[str(folder)])
            rule_times.append(time.perf_counter() - t)
        policy_mod.Policy.decide = real_decide  # type: ignore[method-assign]
        rule_change = statistics.median(rule_times)
        print(
            f"  one folder shared + its sync: {rule_change:.3f} s "
            f"(photos decided again: {decided[0]})"
        )
        rows.append(
            Row(
                "rule change + its sync (s)",
                rule_change,
                find_warm,
                "s",
                "re-plans only the photos under it",
                0,
                by="abs",
                note=f"{decided[0]} of {args.size:,} photos decided again",
                ok=decided[0] <= 20,
            )
        )
    rss = rss_mb("VmRSS")
    print(f"  RSS after syncs {rss:.0f} MB; peak RSS {rss_mb():.0f} MB")
    # Where a synced engine's memory goes: a fresh Engine, one no-op sync,
    # everything still allocated afterwards, by source line.
    tracemalloc.start(1)
    with Engine(where) as engine:
        engine.sync()
        held, peak = tracemalloc.get_traced_memory()
        snap = tracemalloc.take_snapshot()
    tracemalloc.stop()
    print(
        f"  tracemalloc, engine after one sync: {held / 2**20:.1f} MB held, "
        f"{peak / 2**20:.1f} MB peak; top sites:"
    )
    for site in snap.statistics("lineno")[: args.memory_top]:
        frame = site.traceback[0]
        print(
            f"    {site.size / 2**20:7.1f} MB {site.count:9,d} blocks  "
            f"{Path(frame.filename).name}:{frame.lineno}"
        )
    shutil.rmtree(home, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
