"""Thumbnails against `vipsthumbnail` on phone-size photos (not a test).

Phone-size JPEGs (4032x3024, ~3 MB, with an MPF block as phones write
them) are thumbnailed to 256 px (the GUI's HiDPI cell) by Pellicle's
`ThumbCache.get` on two threads, as the GUI's pool does, and by two
`vipsthumbnail -s 256` processes at once, each over half of the same files:
both sides get the same two cores. CPU time per file is reported for each
side too (this process's, and the vipsthumbnail children's), which a busy
machine disturbs less than wall time. Then:

- a second pass over the warm cache (nothing may be decoded again; no peer:
  vipsthumbnail has no cache, so a ratio would compare different work);
- HEIC from the embedded thumbnail against a full decode;
- the LRU bound: a cache smaller than the set stays under its budget and
  keeps what was used last.

    .venv/bin/python bench/thumbs.py [--size 100000] [--work /tmp/pellicle-bench]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_WORK, MachineLoad, Row, make_phone_jpegs, peer, phone_count

SIZE = 256


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _vips_two_processes(vips: str, files: list[Path], out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of two vipsthumbnail processes sharing the files."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    halves = [files[0::2], files[1::2]]
    cpu = _children_cpu()
    t = time.perf_counter()
    procs = [
        subprocess.Popen([vips, "-s", str(SIZE), "-o", f"{out}/%s.jpg", *map(str, half)])
        for half in halves
    ]
    for proc in procs:
        if proc.wait() != 0:
            raise subprocess.CalledProcessError(proc.returncode, vips)
    return time.perf_counter() - t, _children_cpu() - cpu


def _heics(folder: Path, count: int) -> list[Path]:
    """12 MP HEICs with a 320 px embedded thumbnail, as iPhones write them.

    Smooth content (upscaled) so that the HEVC encoder takes seconds, not a
    minute; decode cost depends on the pixel count, not on the content much.
    """
    from PIL import Image

    from pellicle.core import demo
    from pellicle.core.imaging import register_heif

    register_heif()
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        path = folder / f"IMG_{i:04d}.heic"
        if not path.exists():
            img = demo.pixels(504, 378, seed=i).resize((4032, 3024), Image.Resampling.BILINEAR)
            buf = io.BytesIO()
            img.save(buf, "HEIF", quality=80, thumbnails=[320])
            path.write_bytes(buf.getvalue())
        out.append(path)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="library size (photo count)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--json", type=Path, help="write the summary rows here")
    args = parser.parse_args()

    from pellicle.core.thumbs import ThumbCache, make_thumbnail

    count = phone_count(args.size)
    files = make_phone_jpegs(args.work / "scrub" / "src", count)  # shared with bench/scrub.py
    mb = sum(p.stat().st_size for p in files) / len(files) / 1e6
    print(f"thumbs: {count} JPEGs 4032x3024, {mb:.2f} MB each, to {SIZE} px")
    for path in files:  # page cache warm for both sides
        path.read_bytes()
    rows: list[Row] = []
    cache_dir = args.work / "thumbcache"

    # Cold: Pellicle on two threads vs two vipsthumbnail processes, three
    # times in alternating order, best of each.
    pel_s: list[float] = []
    pel_cpu: list[float] = []
    cpu_pct: list[float] = []
    vips_s: list[float] = []
    vips_cpu: list[float] = []
    others: list[float] = []
    vips = peer("vipsthumbnail")

    def pellicle_pass() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)
        cache = ThumbCache(cache_dir)
        t, c = time.perf_counter(), time.process_time()
        with MachineLoad() as load, ThreadPoolExecutor(max_workers=2) as pool:
            list(pool.map(cache.get, files, [SIZE] * len(files)))
        wall = time.perf_counter() - t
        cpu = time.process_time() - c
        pel_s.append(wall)
        pel_cpu.append(cpu)
        cpu_pct.append(100 * cpu / wall)
        others.append(max(0.0, load.cores - cpu_pct[-1] / 100))
        assert cache.made == len(files)

    def vips_pass() -> None:
        assert vips is not None
        wall, cpu = _vips_two_processes(vips, files, args.work / "vips-out")
        vips_s.append(wall)
        vips_cpu.append(cpu)

    for i in range(3):
        order = [pellicle_pass, vips_pass] if vips else [pellicle_pass]
        for run in order if i % 2 == 0 else order[::-1]:
            run()
    pel_ms = 1000 * min(pel_s) / len(files)
    pel_cpu_ms = 1000 * min(pel_cpu) / len(files)
    vips_ms = 1000 * min(vips_s) / len(files) if vips_s else None
    vips_cpu_ms = 1000 * min(vips_cpu) / len(files) if vips_cpu else None
    busy = f"other processes used {min(others):.1f} of the 2 cores meanwhile"
    print(
        f"  pellicle, 2 threads:        {pel_ms:.1f} ms/file wall, {pel_cpu_ms:.1f} ms CPU/file, "
        f"CPU {max(cpu_pct):.0f} % ({busy})"
    )
    if vips_ms is not None and vips_cpu_ms is not None:
        print(
            f"  vipsthumbnail, 2 processes: {vips_ms:.1f} ms/file wall, "
            f"{vips_cpu_ms:.1f} ms CPU/file"
        )
    missing = "" if vips else "vipsthumbnail not installed"
    rows.append(
        Row(
            "thumbnail, phone JPEG, 2 cores each (ms/file)",
            pel_ms,
            vips_ms,
            "ms",
            "<= 0.8x two vipsthumbnail processes",
            0.8,
            note=missing,
        )
    )
    rows.append(
        Row(
            "thumbnail, phone JPEG, CPU per file (ms)",
            pel_cpu_ms,
            vips_cpu_ms,
            "ms",
            "(info; peer: vipsthumbnail CPU)",
            0,
            by="info",
            note=missing,
        )
    )
    rows.append(
        Row(
            "thumbnail CPU use, 2 threads (%)",
            max(cpu_pct),
            None,
            "%",
            ">= 170 % (both cores)",
            170,
            by="abs>=",
            note=busy,
        )
    )

    # Warm: every file again through the same cache.
    cache = ThumbCache(cache_dir)
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda p: cache.get(p, SIZE), files))
    warm_ms = 1000 * (time.perf_counter() - t) / len(files)
    print(f"  warm cache: {warm_ms:.2f} ms/file, decoded again: {cache.made}")
    rows.append(
        Row(
            "thumbnail from cache (ms/file)",
            warm_ms,
            None,
            "ms",
            "none re-decoded",
            0,
            note=f"{cache.made} re-decoded",
            ok=cache.made == 0,
        )
    )

    # HEIC: embedded thumbnail vs full decode.
    heics = _heics(args.work / "heic", 3)
    from pellicle.core.imaging import register_heif

    register_heif()
    import pillow_heif

    emb, full = [], []
    for path in heics:
        t = time.perf_counter()
        make_thumbnail(path, SIZE)
        emb.append(time.perf_counter() - t)
        t = time.perf_counter()
        heif = pillow_heif.open_heif(path)
        heif.to_pillow().load()
        full.append(time.perf_counter() - t)
    emb_ms, full_ms = 1000 * statistics.median(emb), 1000 * statistics.median(full)
    print(f"  HEIC: embedded thumbnail {emb_ms:.1f} ms, full decode {full_ms:.0f} ms")
    rows.append(
        Row(
            "HEIC thumbnail, embedded (ms/file)",
            emb_ms,
            full_ms,
            "ms",
            "<= 40 ms (peer: full decode)",
            40,
            by="abs",
        )
    )

    # LRU bound: budget for ~1/3 of the set; the files used last survive.
    per_thumb = ThumbCache(cache_dir).total_bytes() / len(files)
    budget = int(per_thumb * len(files) / 3)
    lru_dir = args.work / "thumbcache-lru"
    shutil.rmtree(lru_dir, ignore_errors=True)
    small = ThumbCache(lru_dir, max_bytes=budget)
    for path in files:
        small.get(path, SIZE)
    small.made = 0
    for path in files[-len(files) // 5 :]:
        small.get(path, SIZE)
    kept = small.made == 0
    total = small.total_bytes()
    print(f"  LRU: {total:,} bytes on disk for a {budget:,} byte budget; last used kept: {kept}")
    rows.append(
        Row(
            "thumbnail cache size / budget",
            total / budget,
            None,
            "x",
            "<= 1 and last used kept",
            1.0,
            by="abs",
            note="" if kept else "recently used thumbnails were evicted",
            ok=kept and total <= budget,
        )
    )
    shutil.rmtree(lru_dir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
