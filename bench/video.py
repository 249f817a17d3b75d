"""Benchmark video and RAW export against their peers, in one run.

Not a test: run by hand, results go to docs/benchmarks.md ("Videos and RAW").

    python bench/video.py [--mb 200] [--rounds 5] [--workdir DIR]

Makes a 4K phone-like clip of about `--mb` MB once (one second of 3840x2160
H.264 + AAC with QuickTime metadata, looped by stream copy, so the clip is
big without a long encode), then times, interleaved round by round, each
from a warm page cache (the source was just read by the round before):

- `cp` then `sync FILE` (an fsync of the copy): the durable copy a video
  export is measured against; and `cp` then `sync`, DESIGN's wording, which
  also flushes whatever else is waiting to be written;
- Pellicle as a sync does it: scrub into a staging file, then the fsync and
  the gate side by side (the gate re-reads the export and the source,
  compares every kept sample and hashes the export); its phases are shown;
- `exiftool -all= -o` and `ffmpeg -map_metadata -1 -c copy` (+ fsync), the
  peers (neither drops data tracks or trailers);

and the thumbnails the app shows: a video's first keyframe (system FFmpeg),
what that time is made of (starting `ffmpeg`, reading the movie box and the
first packet, decoding the keyframe, scaling and writing it), a cache hit,
and a RAW's embedded preview (a DNG with a 6000x4000 preview). Medians; the
machine's load (busy cores of the 2) is printed, since other work on the
same cores moves every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import MachineLoad

from pellicle.core.scrub import scrub, verify
from pellicle.core.thumbs import _VIDEO_TRIES, ThumbCache, make_thumbnail


def _run(*args: str | Path) -> None:
    subprocess.run([str(a) for a in args], check=True, capture_output=True)


def make_clip(folder: Path, mb: int) -> Path:
    clip = folder / f"clip-{mb}mb.mov"
    if clip.exists():
        return clip
    second = folder / "second.mov"
    _run(
        "ffmpeg", "-v", "error", "-y",
        "-f", "lavfi", "-i", "testsrc2=size=3840x2160:rate=30:duration=1",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
        "-c:v", "libx264", "-preset", "ultrafast", "-qp", "12", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-metadata", "location=+48.8582+002.2945/",
        "-metadata", "com.apple.quicktime.make=Apple", "-movflags", "use_metadata_tags",
        second,
    )  # fmt: skip
    loops = max(1, mb * 1_000_000 // second.stat().st_size)
    _run(
        "ffmpeg", "-v", "error", "-y", "-stream_loop", str(loops - 1), "-i", second,
        "-c", "copy", "-map", "0", "-movflags", "use_metadata_tags",
        "-metadata", "com.apple.quicktime.make=Apple", clip,
    )  # fmt: skip
    second.unlink()
    return clip


def make_raw(folder: Path) -> Path:
    from tiff_builder import make_dng

    raw = folder / "photo.dng"
    if not raw.exists():
        raw.write_bytes(make_dng(preview_size=(6000, 4000), raw_size=(256, 192)))
    return raw


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


#: Pellicle's phases in each timed run, in seconds.
PHASES: dict[str, list[float]] = {"scrub (write)": [], "fsync": [], "gate": [], "fsync | gate": []}


#: CPU seconds this process used for the fsync and the gate (both threads).
GATE_CPU: list[float] = []


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def time_cp(src: Path, out: Path) -> float:
    start = time.perf_counter()
    _run("cp", src, out)
    _run("sync", out)  # fsync of the copy only, as Pellicle flushes its own file
    return time.perf_counter() - start


def time_cp_sync_all(src: Path, out: Path) -> float:
    start = time.perf_counter()
    _run("cp", src, out)
    _run("sync")  # DESIGN's wording ("cp followed by sync"): flushes every file system
    return time.perf_counter() - start


def time_pellicle(src: Path, out: Path) -> float:
    """As core/sync.py does it: scrub into a staging file, then the flush
    and the gate side by side; the copy could be shown once both are done."""
    start = time.perf_counter()
    fd = os.open(out, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        result = scrub(src, fd, "mov")
        written = time.perf_counter()
        flushed: list[float] = []

        def flush() -> None:
            os.fsync(fd)
            flushed.append(time.perf_counter())

        cpu = _cpu()
        thread = threading.Thread(target=flush)
        thread.start()
        try:
            verify(fd, result)
            verified = time.perf_counter()
        finally:
            thread.join()
        end = time.perf_counter()
        GATE_CPU.append(_cpu() - cpu)
    finally:
        os.close(fd)
    PHASES["scrub (write)"].append(written - start)
    PHASES["fsync"].append(flushed[0] - written)
    PHASES["gate"].append(verified - written)
    PHASES["fsync | gate"].append(end - written)
    return end - start


def time_sha256(src: Path, out: Path) -> float:
    """Hashing the clip alone (page cache, one thread): what any gate that
    hashes every exported byte adds at least, once the copy is written."""
    start = time.perf_counter()
    digest = hashlib.sha256()
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    fd = os.open(src, os.O_RDONLY)
    try:
        while n := os.readv(fd, [buffer]):
            digest.update(view[:n])
    finally:
        os.close(fd)
    return time.perf_counter() - start


def time_exiftool(src: Path, out: Path) -> float:
    start = time.perf_counter()
    _run("exiftool", "-q", "-all=", "-api", "LargeFileSupport=1", "-o", out, src)
    _fsync(out)
    return time.perf_counter() - start


def time_ffmpeg(src: Path, out: Path) -> float:
    start = time.perf_counter()
    _run("ffmpeg", "-v", "error", "-i", src, "-map_metadata", "-1", "-c", "copy", "-map", "0", out)
    _fsync(out)
    return time.perf_counter() - start


def _child(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `args` (output discarded)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(args, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def thumbnail_steps(clip: Path, rounds: int) -> dict[str, tuple[float, float]]:
    """What one video thumbnail's FFmpeg run is made of: each step adds one
    stage to the one before (medians of wall and CPU, interleaved)."""
    fast = list(_VIDEO_TRIES[0])
    base = ["ffmpeg", "-nostdin", "-v", "error"]
    keyframe = [*fast, "-skip_frame", "nokey", "-an", "-sn", "-dn", "-i", str(clip)]
    keyframe += ["-map", "0:v:0"]
    steps = {
        "start ffmpeg (ffmpeg -version)": ["ffmpeg", "-version"],
        "+ read the movie box and 1st packet": [
            *base, *fast, "-i", str(clip), "-map", "0:v:0", "-c", "copy", "-frames:v", "1",
            "-f", "null", "-",
        ],
        "+ decode the 4K keyframe": [*base, *keyframe, "-frames:v", "1", "-f", "null", "-"],
        "+ scale to 256 px, write a BMP": [
            *base, *keyframe, "-frames:v", "1",
            "-vf", "scale=256:256:force_original_aspect_ratio=decrease",
            "-f", "image2pipe", "-c:v", "bmp", "-",
        ],
        "FFmpeg's defaults (stream probe, threads)": [
            *base, "-skip_frame", "nokey", "-i", str(clip), "-map", "0:v:0", "-frames:v", "1",
            "-vf", "scale=256:256:force_original_aspect_ratio=decrease",
            "-f", "image2pipe", "-c:v", "bmp", "-",
        ],
    }  # fmt: skip
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, args in steps.items():
            samples[name].append(_child(args))
    return {
        name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
        for name, v in samples.items()
    }


def _median_ms(fn: Callable[[], object], rounds: int) -> float:
    values = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return statistics.median(values) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pellicle-bench-video"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    clip = make_clip(args.workdir, args.mb)
    raw = make_raw(args.workdir)
    cores = len(os.sched_getaffinity(0))
    mb = clip.stat().st_size / 1e6
    print(f"clip: {mb:.0f} MB 3840x2160; raw preview 6000x4000; {cores} cores")
    ways = {"cp + sync FILE": time_cp, "cp + sync": time_cp_sync_all,
            "pellicle": time_pellicle, "exiftool -all=": time_exiftool,
            "ffmpeg -c copy": time_ffmpeg, "sha256 of the clip": time_sha256}  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in ways}
    out_dir = args.workdir / "out"
    clip.read_bytes()  # a warm page cache for every way alike
    with MachineLoad() as load:
        for _ in range(args.rounds):
            for name, way in ways.items():
                shutil.rmtree(out_dir, ignore_errors=True)
                out_dir.mkdir()
                _run("sync")  # no other way's dirty pages left to flush
                times[name].append(way(clip, out_dir / clip.name))
    shutil.rmtree(out_dir, ignore_errors=True)
    base = statistics.median(times["cp + sync FILE"])
    print(f"\nexport, medians of {args.rounds} interleaved rounds "
          f"(machine busy: {load.cores:.1f} of {cores} cores on average)")  # fmt: skip
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:28s} {median * 1000:7.0f} ms  {median / base:5.2f}x cp+sync")
    for name, values in PHASES.items():
        print(f"    pellicle {name:19s} {statistics.median(values) * 1000:7.0f} ms")
    cpu_ms = statistics.median(GATE_CPU) * 1000
    print(f"    pellicle CPU in fsync | gate {cpu_ms:7.0f} ms")
    pellicle = statistics.median(times["pellicle"])
    floor = statistics.median(PHASES["scrub (write)"]) + statistics.median(
        times["sha256 of the clip"]
    )
    print(f"  floor for any gate hashing every byte after the write: {floor * 1000:.0f} ms "
          f"({floor / base:.2f}x cp + sync FILE)")  # fmt: skip
    for peer in ("cp + sync FILE", "cp + sync"):
        ratio = pellicle / statistics.median(times[peer])
        print(f"  goal <= 1.30x {peer}: {'met' if ratio <= 1.3 else 'NOT met'} ({ratio:.2f}x)")

    print("\nthumbnails (256 px)")
    thumb_rounds = max(7, args.rounds)
    with MachineLoad() as load:
        video_ms = _median_ms(lambda: make_thumbnail(clip, 256), thumb_rounds)
        steps = thumbnail_steps(clip, thumb_rounds)
        cache = ThumbCache(args.workdir / "thumbcache")
        cache.clear()
        cache.get(clip, 256)
        hit_ms = _median_ms(lambda: cache.get(clip, 256), thumb_rounds)
        raw_ms = _median_ms(lambda: make_thumbnail(raw, 256), thumb_rounds)
    print(f"  (machine busy: {load.cores:.1f} of {cores} cores on average)")
    verdict = "met" if video_ms <= 150 else "NOT met"
    print(f"  video, first keyframe      {video_ms:7.1f} ms  goal <= 150 ms: {verdict}")
    for name, (wall, cpu) in steps.items():
        print(f"    {name:40s} {wall * 1000:6.0f} ms (CPU {cpu * 1000:4.0f} ms)")
    print(f"  video, from the cache      {hit_ms:7.1f} ms")
    verdict = "met" if raw_ms <= 50 else "NOT met"
    print(f"  RAW, embedded preview      {raw_ms:7.1f} ms  goal <= 50 ms: {verdict}")


if __name__ == "__main__":
    main()
