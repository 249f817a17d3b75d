"""Benchmark Pellicle's export path against a plain copy and exiftool.

Not a test: run by hand, results go to docs/benchmarks.md ("Scrub").

    python bench/scrub.py [--count 120] [--rounds 5] [--workdir DIR]
    python bench/scrub.py --decoders 40 [--rounds 3] [--workdir DIR]
    python bench/scrub.py --first-export [--count N] [--workdir DIR] [--json OUT]

Generates phone-size JPEGs (4032x3024, with planted metadata) once, caches
them in the work dir, then times three ways of producing an export folder,
interleaved file by file so that cache and CPU-frequency effects hit all of
them alike: Pellicle (open a staging fd, scrub, verify, as the sync layer
does, without the batched syncfs), `shutil.copyfile`, and one
`exiftool -all= -o OUTDIR` process over all files. The gate's two halves
(structural walk + sha256, and the Pillow decode) are also timed apart on
each exported file. The whole pass is repeated `--rounds` times and the
median of the per-round ms/file is reported, so a busy machine skews one
round rather than the result. `--decoders N` instead times the JPEG decode
variants the gate could use on N files exported by an earlier run.

`--first-export` instead runs a real `Engine.sync()` that exports all
`--count` photos at once (the first export of a big shared set) and reports
its wall time and the process's CPU use (two cores: ~200 % when the scrub
and verify pool keeps both busy), against `cp -r` + `sync` and one
`exiftool -all= -o` over the same files. `--json OUT` writes the summary
rows `bench/run` prints.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import mmap
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pellicle.core import demo
from pellicle.core.scrub import ScrubOptions, ScrubResult, scrub, verify
from pellicle.core.scrub.verify import _decode, _walk


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


def _gate_parts(path: Path) -> tuple[float, float]:
    """The gate's two halves on an exported file: (walk + sha256, Pillow decode)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as mm:
            t0 = time.perf_counter()
            seen = _walk(mm, "jpeg", ScrubOptions())
            hashlib.sha256(mm).hexdigest()
            t1 = time.perf_counter()
            expected = ScrubResult("jpeg", seen.width, seen.height, seen.orientation)
            _decode(mm, expected)
            return t1 - t0, time.perf_counter() - t1
    finally:
        os.close(fd)


def _decoders(files: list[Path], rounds: int) -> None:
    """Time Pillow decode variants on exported files, interleaved; print median CPU ms.

    Thread CPU time, not wall time: the decode runs in this thread and is
    CPU-bound, and CPU time is far less disturbed by a busy machine.
    """
    from PIL import Image

    variants: dict[str, tuple[str | None, int, bool]] = {
        "full size, RGB": (None, 1, False),
        'draft("RGB", 1/8) (gate before)': ("RGB", 8, False),
        'draft("YCbCr", 1/8)': ("YCbCr", 8, False),
        'draft("L", 1/8) (gate now)': ("L", 8, False),
        'draft("L", 1/2)': ("L", 2, False),
        'draft("L", 1/8), whole file per decoder call': ("L", 8, True),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for path in files:
            data = path.read_bytes()
            for name, (mode, scale, one_block) in variants.items():
                t0 = time.thread_time()
                with Image.open(io.BytesIO(data)) as img:
                    if mode:
                        img.draft(mode, (img.width // scale, img.height // scale))
                    if one_block:
                        img.decodermaxblock = len(data)
                    img.load()
                times[name].append(time.thread_time() - t0)
    for name, values in times.items():
        print(f"{name:>48}: {1000 * statistics.median(values):7.2f} ms CPU")


def _round(sources: list[Path], workdir: Path) -> dict[str, float]:
    """One interleaved pass over every file; ms/file for each method."""
    times = dict.fromkeys(("pellicle", "scrub", "verify", "walk+sha", "decode", "copy"), 0.0)
    for name in ("pellicle", "copy", "exiftool"):
        target = workdir / name
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir()
    for path in sources:
        out = workdir / "pellicle" / path.name
        scrub_s, verify_s = _pellicle(path, out)
        t0 = time.perf_counter()
        shutil.copyfile(path, workdir / "copy" / path.name)
        times["copy"] += time.perf_counter() - t0
        times["scrub"] += scrub_s
        times["verify"] += verify_s
        times["pellicle"] += scrub_s + verify_s
        walk_s, decode_s = _gate_parts(out)
        times["walk+sha"] += walk_s
        times["decode"] += decode_s
    exiftool = shutil.which("exiftool")
    if exiftool:
        t0 = time.perf_counter()
        subprocess.run(
            [exiftool, "-q", "-q", "-all=", "-o", f"{workdir / 'exiftool'}/", *map(str, sources)],
            check=True,
        )
        times["exiftool"] = time.perf_counter() - t0
    return {name: 1000 * seconds / len(sources) for name, seconds in times.items()}


def _first_export(sources: list[Path], workdir: Path) -> list[dict[str, object]]:
    """One Engine.sync() exporting every source; CPU use and its peers."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import MachineLoad, Row

    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations

    home, export = workdir / "home-first-export", workdir / "export-first"
    for folder in (home, export, workdir / "cp-first"):
        shutil.rmtree(folder, ignore_errors=True)
    for path in sources:
        path.read_bytes()
    os.environ["PELLICLE_HOME"] = str(home)
    where = locations()
    where.ensure()
    library = sources[0].parent
    with Engine(where) as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library)])
        os.sync()
        t, c = time.perf_counter(), time.process_time()
        with MachineLoad() as load:
            engine.sync()
        wall = time.perf_counter() - t
        cpu = 100 * (time.process_time() - c) / wall
    exported = len(list(export.rglob("*.jpg")))
    others = max(0.0, load.cores - cpu / 100)
    t = time.perf_counter()
    subprocess.run(["cp", "-r", str(library), str(workdir / "cp-first")], check=True)
    os.sync()
    cp_s = time.perf_counter() - t
    rows = [
        Row("first export: CPU use of the process (%)", cpu, None, "%", ">= 170 % (both cores)",
            170, by="abs>=", note=f"other processes used {others:.1f} cores meanwhile"),
        Row("first export, wall (s)", wall, cp_s, "s", "(info; peer cp -r + sync)", 0, by="info"),
    ]  # fmt: skip
    exiftool = shutil.which("exiftool")
    if exiftool:
        out = workdir / "exiftool-first"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        t = time.perf_counter()
        subprocess.run(
            [exiftool, "-q", "-q", "-all=", "-o", f"{out}/", *map(str, sources)], check=True
        )
        ex_s = time.perf_counter() - t
        rows.append(
            Row("first export vs exiftool -all= (s)", wall, ex_s, "s", "<= 0.5x exiftool", 0.5)
        )
    print(f"first export of {exported} photos: {wall:.2f} s, CPU {cpu:.0f} % "
          f"(others used {others:.1f} cores); cp -r + sync {cp_s:.2f} s")  # fmt: skip
    return [r.__dict__ for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("bench/out/scrub"))
    parser.add_argument(
        "--decoders", type=int, metavar="N", help="only time decode variants on N exported files"
    )
    parser.add_argument("--first-export", action="store_true")
    parser.add_argument("--json", type=Path, help="write summary rows here")
    args = parser.parse_args()
    if args.first_export:
        rows = _first_export(_sources(args.workdir, args.count), args.workdir)
        if args.json:
            args.json.write_text(json.dumps(rows))
        return
    if args.decoders:
        exported = sorted((args.workdir / "pellicle").glob("*.jpg"))[: args.decoders]
        if not exported:
            parser.error("run the benchmark once first: no exported files")
        _decoders(exported, args.rounds)
        return
    sources = _sources(args.workdir, args.count)
    total_mb = sum(p.stat().st_size for p in sources) / 1e6
    print(f"{len(sources)} JPEGs, {total_mb / len(sources):.2f} MB each on average")
    for path in sources:  # warm the page cache so every method reads from memory
        path.read_bytes()

    rounds = []
    for i in range(args.rounds):
        rounds.append(_round(sources, args.workdir))
        line = "  ".join(f"{k} {v:.2f}" for k, v in rounds[-1].items())
        print(f"round {i + 1}: {line}")
    med = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    print(f"median of {len(rounds)} rounds, ms/file:")
    for name, ms in med.items():
        spread = f"{min(r[name] for r in rounds):.2f}-{max(r[name] for r in rounds):.2f}"
        print(f"{name:>9}: {ms:7.2f}   (range {spread})")
    print(f"pellicle / copy     = {med['pellicle'] / med['copy']:.2f}x (goal <= 1.3x)")
    print(f"scrub alone / copy  = {med['scrub'] / med['copy']:.2f}x")
    print(
        f"scrub + walk + sha256 (no decode) / copy = "
        f"{(med['scrub'] + med['walk+sha']) / med['copy']:.2f}x"
    )
    if "exiftool" in med:
        print(f"pellicle / exiftool = {med['pellicle'] / med['exiftool']:.2f}x (goal <= 0.5x)")
    if args.json:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from _common import Row

        rows = [Row("scrub+verify vs copy (ms/file)", med["pellicle"], med["copy"], "ms",
                    "<= 1.3x copy", 1.3)]  # fmt: skip
        if "exiftool" in med:
            rows.append(Row("scrub+verify vs exiftool (ms/file)", med["pellicle"],
                            med["exiftool"], "ms", "<= 0.5x exiftool", 0.5))  # fmt: skip
        else:
            rows.append(Row("scrub+verify vs exiftool (ms/file)", med["pellicle"], None, "ms",
                            "<= 0.5x exiftool", 0.5, note="exiftool not installed"))  # fmt: skip
        args.json.write_text(json.dumps([r.__dict__ for r in rows]))


if __name__ == "__main__":
    main()
