"""Benchmark Pellicle's export path against a plain copy and exiftool.

Not a test: run by hand, results go to docs/benchmarks.md ("Scrub").

    python bench/scrub.py [--count 120] [--workdir DIR]

Generates phone-size JPEGs (4032x3024, with planted metadata) once, caches
them in the work dir, then times three ways of producing an export folder,
interleaved file by file so that cache and CPU-frequency effects hit all of
them alike: Pellicle (open a staging fd, scrub, verify, as the sync layer
does, without the batched syncfs), `shutil.copyfile`, and one
`exiftool -all= -o OUTDIR` process over all files.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pellicle.core import demo
from pellicle.core.scrub import scrub, verify


def _sources(workdir: Path, count: int) -> list[Path]:
    src = workdir / "src"
    src.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = src / f"IMG_{i:04d}.jpg"
        if not path.exists():
            demo.write_photo(
                path, "jpeg", width=4032, height=3024, seed=i, quality=85, orientation=6, icc=True
            )
        paths.append(path)
    return paths


def _pellicle(src: Path, out: Path) -> tuple[float, float]:
    """Stage like sync does (write fd for scrub, a read fd for verify); return both times."""
    t0 = time.perf_counter()
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        result = scrub(src, fd, "jpeg")
    finally:
        os.close(fd)
    t1 = time.perf_counter()
    fd = os.open(out, os.O_RDONLY | os.O_CLOEXEC)
    try:
        verify(fd, result)
    finally:
        os.close(fd)
    return t1 - t0, time.perf_counter() - t1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--workdir", type=Path, default=Path("bench/out/scrub"))
    args = parser.parse_args()
    sources = _sources(args.workdir, args.count)
    total_mb = sum(p.stat().st_size for p in sources) / 1e6
    print(f"{len(sources)} JPEGs, {total_mb / len(sources):.2f} MB each on average")

    times = {"pellicle": 0.0, "scrub": 0.0, "verify": 0.0, "copy": 0.0}
    for name in ("pellicle", "copy", "exiftool"):
        target = args.workdir / name
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
    for path in sources:  # warm the page cache so every method reads from memory
        path.read_bytes()
    for path in sources:
        scrub_s, verify_s = _pellicle(path, args.workdir / "pellicle" / path.name)
        t0 = time.perf_counter()
        shutil.copyfile(path, args.workdir / "copy" / path.name)
        times["copy"] += time.perf_counter() - t0
        times["scrub"] += scrub_s
        times["verify"] += verify_s
        times["pellicle"] += scrub_s + verify_s

    exiftool = shutil.which("exiftool")
    if exiftool:
        t0 = time.perf_counter()
        subprocess.run(
            [
                exiftool,
                "-q",
                "-all=",
                "-o",
                str(args.workdir / "exiftool") + "/",
                *map(str, sources),
            ],
            check=True,
        )
        times["exiftool"] = time.perf_counter() - t0

    n = len(sources)
    for name, seconds in times.items():
        print(f"{name:>9}: {1000 * seconds / n:7.2f} ms/file")
    print(f"pellicle / copy     = {times['pellicle'] / times['copy']:.2f}x (goal <= 1.3x)")
    print(f"scrub alone / copy  = {times['scrub'] / times['copy']:.2f}x")
    if "exiftool" in times:
        print(f"pellicle / exiftool = {times['pellicle'] / times['exiftool']:.2f}x (goal <= 0.5x)")


if __name__ == "__main__":
    main()
