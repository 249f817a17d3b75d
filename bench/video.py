"""Benchmark video and RAW export against their peers, in one run.

Not a test: run by hand, results go to docs/benchmarks.md ("Videos and RAW").

    python bench/video.py [--mb 200] [--rounds 3] [--workdir DIR]

Makes a 4K phone-like clip of about `--mb` MB once (one second of 3840x2160
H.264 + AAC with QuickTime metadata, looped by stream copy, so the clip is
big without a long encode), then times, interleaved round by round:

- `cp` + `sync`: the durable copy a video export must be measured against;
- Pellicle: scrub into a staging file, fsync, and the gate (which re-reads
  the export and the source and compares every sample);
- `exiftool -all= -o` and `ffmpeg -map_metadata -1 -c copy` (+ fsync), the
  peers (neither drops data tracks or trailers);

and the thumbnails the app shows: a video's first keyframe (system FFmpeg)
and a RAW's embedded preview (a DNG with a 6000x4000 preview). Medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pellicle.core.scrub import scrub, verify
from pellicle.core.thumbs import make_thumbnail


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


def time_cp(src: Path, out: Path) -> float:
    start = time.perf_counter()
    _run("cp", src, out)
    _run("sync")
    return time.perf_counter() - start


def time_pellicle(src: Path, out: Path) -> float:
    start = time.perf_counter()
    fd = os.open(out, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        result = scrub(src, fd, "mov")
        os.fsync(fd)
        verify(fd, result)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pellicle-bench-video"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    clip = make_clip(args.workdir, args.mb)
    raw = make_raw(args.workdir)
    print(f"clip: {clip.stat().st_size / 1e6:.0f} MB 3840x2160; raw preview 6000x4000")
    ways = {"cp + sync": time_cp, "pellicle": time_pellicle, "exiftool -all=": time_exiftool,
            "ffmpeg -c copy": time_ffmpeg}  # fmt: skip
    times: dict[str, list[float]] = {name: [] for name in ways}
    out_dir = args.workdir / "out"
    for _ in range(args.rounds):
        for name, way in ways.items():
            shutil.rmtree(out_dir, ignore_errors=True)
            out_dir.mkdir()
            _run("sync")
            times[name].append(way(clip, out_dir / clip.name))
    shutil.rmtree(out_dir, ignore_errors=True)
    base = statistics.median(times["cp + sync"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:16s} {median * 1000:8.0f} ms  {median / base:5.2f}x cp+sync")
    for label, path in (("video thumbnail", clip), ("RAW thumbnail", raw)):
        samples = []
        for _ in range(max(5, args.rounds)):
            start = time.perf_counter()
            make_thumbnail(path, 256)
            samples.append(time.perf_counter() - start)
        print(f"{label:16s} {statistics.median(samples) * 1000:8.1f} ms (256 px)")


if __name__ == "__main__":
    main()
