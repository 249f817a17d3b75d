"""Benchmark Pellicle's export path against a plain copy and exiftool.

Not a test: run by hand (or by `bench/run`), results go to
docs/benchmarks.md ("Scrub" and "First export").

    python bench/scrub.py [--count 120] [--rounds 5] [--workdir DIR] [--json OUT]
    python bench/scrub.py --first-export [--count N] [--rounds 3] [--workdir DIR] [--json OUT]
        [--baseline OTHER_CHECKOUT/src]
    python bench/scrub.py --decoders 40 [--rounds 3] [--workdir DIR]

Generates phone-size JPEGs once (4032x3024, ~3.3 MB, full planted metadata
and an MPF second image, as phones write them) and caches them in the work
dir.

The default run times, per file and interleaved file by file so that cache
and CPU-frequency effects hit every method alike: the scrub (staging fd,
`scrub`), the gate (`verify` comparing the copy with its source, hashing it
in the same pass) and its parts (the allowlist walk; the comparison with
the hash), `shutil.copyfile`, and one `exiftool -all= -o OUTDIR` process
over all files; and, for reference, the Pillow decode the gate no longer
runs. Then both cores busy: two threads scrub every file, and two threads
scrub and gate every file, alternately; the goal is scrub + gate within
1.2x of the scrub alone. The same is timed with two forked worker
processes instead of threads (the lever measured and not taken). Each
figure is the median over `--rounds` rounds. numpy is loaded first, as a
sync of this many photos does (`sync.NUMPY_FROM`).

`--first-export` times what a person sees: the real `pellicle sync` command
exporting all `--count` photos into an empty export folder, from the
command's start to its return (interpreter start-up, scan, scrub, gate,
syncfs, rename, manifest), against `cp -r` + `sync` and one
`exiftool -all= -o` over the same files, in rotating order, `--rounds`
times (medians). Page cache warm for the sources; dirty pages flushed
before each timed command.

`--decoders N` times the Pillow decode variants (`pellicle check --decode`
uses one) on N files exported by an earlier run.

`--json OUT` writes the summary rows `bench/run` prints.
"""

from __future__ import annotations

import argparse
import compileall
import io
import json
import mmap
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

import numpy  # noqa: E402, F401  (loaded as a sync of this many photos loads it)
from _common import MachineLoad, Row, installed_like_env, make_phone_jpegs  # noqa: E402

from pellicle.core.scrub import ScrubOptions, scrub, verify  # noqa: E402
from pellicle.core.scrub.lossless import prove  # noqa: E402
from pellicle.core.scrub.verify import _decode, _walk  # noqa: E402


def _stage(src: Path, out: Path) -> None:
    """Scrub like the sync layer: a fresh write-only staging file."""
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
    try:
        scrub(src, fd, "jpeg")
    finally:
        os.close(fd)


def _gate(src: Path, out: Path) -> str:
    fd = os.open(out, os.O_RDONLY | os.O_CLOEXEC)
    try:
        return verify(fd, "jpeg", src)
    finally:
        os.close(fd)


def _gate_parts(src: Path, out: Path) -> tuple[float, float, float]:
    """(allowlist walk, comparison + sha256, Pillow decode) of one exported file, in s."""
    fd = os.open(out, os.O_RDONLY | os.O_CLOEXEC)
    try:
        with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as mm:
            t0 = time.perf_counter()
            layout = _walk(mm, "jpeg", ScrubOptions())
            t1 = time.perf_counter()
            prove(mm, "jpeg", layout, src)
            t2 = time.perf_counter()
            _decode(mm, "jpeg", layout)
            return t1 - t0, t2 - t1, time.perf_counter() - t2
    finally:
        os.close(fd)


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _round(sources: list[Path], workdir: Path) -> dict[str, float]:
    """One interleaved pass over every file, one thread; ms/file for each method."""
    names = ("scrub", "gate", "scrub+gate", "walk", "compare+sha256", "decode", "copy")
    times = dict.fromkeys(names, 0.0)
    # CPU time of this thread too: what the work costs whatever else runs.
    cpu = dict.fromkeys(("scrub CPU", "gate CPU", "copy CPU"), 0.0)
    pel, copy = _fresh(workdir / "pellicle"), _fresh(workdir / "copy")
    for path in sources:
        out = pel / path.name
        t0, c0 = time.perf_counter(), time.thread_time()
        _stage(path, out)
        t1, c1 = time.perf_counter(), time.thread_time()
        _gate(path, out)
        t2, c2 = time.perf_counter(), time.thread_time()
        shutil.copyfile(path, copy / path.name)
        t3, c3 = time.perf_counter(), time.thread_time()
        times["scrub"] += t1 - t0
        times["gate"] += t2 - t1
        times["scrub+gate"] += t2 - t0
        times["copy"] += t3 - t2
        cpu["scrub CPU"] += c1 - c0
        cpu["gate CPU"] += c2 - c1
        cpu["copy CPU"] += c3 - c2
        walk, compare, decode = _gate_parts(path, out)
        times["walk"] += walk
        times["compare+sha256"] += compare
        times["decode"] += decode
    exiftool = shutil.which("exiftool")
    if exiftool:
        out_dir = _fresh(workdir / "exiftool")
        t0 = time.perf_counter()
        subprocess.run(
            [exiftool, "-q", "-q", "-all=", "-o", f"{out_dir}/", *map(str, sources)], check=True
        )
        times["exiftool"] = time.perf_counter() - t0
    times.update(cpu)
    return {name: 1000 * seconds / len(sources) for name, seconds in times.items()}


def _one(job: tuple[Path, Path, bool]) -> None:
    path, out, with_gate = job
    _stage(path, out)
    if with_gate:
        _gate(path, out)


def _both_cores(
    sources: list[Path], workdir: Path, rounds: int
) -> dict[tuple[str, bool], tuple[float, float]]:
    """ms/file (wall) and CPU % with both cores busy, scrub alone and scrub +
    gate, by two threads (as the sync does) and by two worker processes
    (forked: the lever measured and not taken, docs/benchmarks.md); medians.
    """
    results: dict[tuple[str, bool], list[tuple[float, float]]] = {}

    def run(kind: str, with_gate: bool) -> tuple[float, float]:
        out = _fresh(workdir / "both-cores")
        jobs = [(path, out / path.name, with_gate) for path in sources]
        cpu0 = time.process_time() + _child_cpu()
        t = time.perf_counter()
        if kind == "threads":
            with ThreadPoolExecutor(max_workers=2) as pool:
                list(pool.map(_one, jobs))
        else:
            fork = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=2, mp_context=fork) as pool:
                list(pool.map(_one, jobs, chunksize=4))
        wall = time.perf_counter() - t
        cpu = time.process_time() + _child_cpu() - cpu0
        return 1000 * wall / len(sources), 100 * cpu / wall

    variants = [(kind, gate) for kind in ("threads", "processes") for gate in (False, True)]
    for i in range(rounds):
        for variant in variants[i % 4 :] + variants[: i % 4]:
            results.setdefault(variant, []).append(run(*variant))
    return {
        variant: (
            statistics.median(ms for ms, _ in values),
            statistics.median(pct for _, pct in values),
        )
        for variant, values in results.items()
    }


def _decoders(files: list[Path], rounds: int) -> None:
    """Time Pillow decode variants on exported files, interleaved; print median CPU ms.

    Thread CPU time, not wall time: the decode runs in this thread and is
    CPU-bound, and CPU time is far less disturbed by a busy machine.
    """
    from PIL import Image

    variants: dict[str, tuple[str | None, int, bool]] = {
        "full size, RGB": (None, 1, False),
        'draft("RGB", 1/8)': ("RGB", 8, False),
        'draft("YCbCr", 1/8)': ("YCbCr", 8, False),
        'draft("L", 1/8) (check --decode)': ("L", 8, False),
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


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one command, from its start to its return."""
    os.sync()  # nobody's dirty pages are flushed on the timed command's account
    cpu = _child_cpu()
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, _child_cpu() - cpu


def _first_export(
    sources: list[Path], workdir: Path, rounds: int, baseline: Path | None = None
) -> list[dict[str, object]]:
    """The real `pellicle sync` exporting every source, against its peers.

    With `baseline` (another checkout's `src` folder), that Pellicle's sync
    is timed too, in the same rotation: before and after a change, in one run.
    """
    # A library of exactly these files (hard links: the source folder may
    # hold more, made by a run with a larger --count).
    library = _fresh(workdir / f"first-library-{len(sources)}")
    for path in sources:
        os.link(path, library / path.name)
    sources = sorted(library.iterdir())
    pellicle = [sys.executable, "-m", "pellicle"]
    exiftool = shutil.which("exiftool")
    results: dict[str, list[float]] = {
        "pellicle": [], "baseline": [], "cp": [], "exiftool": [], "cpu": [], "pellicle CPU": [],
        "baseline CPU": [], "cp CPU": [], "exiftool CPU": [],
    }  # fmt: skip
    exported = 0

    def sync(name: str, src: Path | None) -> None:
        nonlocal exported
        home, export = workdir / "first-home", workdir / "first-export"
        for folder in (home, export):
            shutil.rmtree(folder, ignore_errors=True)
        env = installed_like_env(PELLICLE_HOME=str(home))
        if src is not None:
            env["PYTHONPATH"] = str(src)
            compileall.compile_dir(str(src), quiet=1)
        for args in (["init", "--library", str(library), "--export", str(export)],
                     ["share", str(library)]):  # fmt: skip
            subprocess.run([*pellicle, *args], check=True, env=env, capture_output=True)
        wall, cpu = _timed([*pellicle, "sync"], env)
        results[name].append(wall)
        results[f"{name} CPU"].append(cpu)
        if src is None:
            results["cpu"].append(100 * cpu / wall)
            exported = len(list(export.rglob("*.jpg")))
        elif len(list(export.rglob("*.jpg"))) != len(sources):
            raise SystemExit("the baseline did not export every photo")

    def run_pellicle() -> None:
        sync("pellicle", None)

    def run_baseline() -> None:
        sync("baseline", baseline)

    def run_cp() -> None:
        target = workdir / "first-cp"
        shutil.rmtree(target, ignore_errors=True)
        os.sync()
        cpu = _child_cpu()
        t = time.perf_counter()
        subprocess.run(["cp", "-r", str(library), str(target)], check=True)
        subprocess.run(["sync"], check=True)
        results["cp"].append(time.perf_counter() - t)
        results["cp CPU"].append(_child_cpu() - cpu)

    def run_exiftool() -> None:
        assert exiftool is not None
        out = _fresh(workdir / "first-exiftool")
        wall, cpu = _timed([exiftool, "-q", "-q", "-all=", "-o", f"{out}/", *map(str, sources)])
        results["exiftool"].append(wall)
        results["exiftool CPU"].append(cpu)

    methods: list[Callable[[], None]] = [run_pellicle, run_cp]
    if exiftool:
        methods.append(run_exiftool)
    if baseline is not None:
        methods.append(run_baseline)
    for path in sources:  # the page cache holds the sources for every method
        path.read_bytes()
    with MachineLoad() as load:
        for i in range(rounds):
            for method in methods[i % len(methods) :] + methods[: i % len(methods)]:
                method()
    med = {name: statistics.median(values) for name, values in results.items() if values}
    print(
        f"first export of {exported} photos (median of {rounds}): pellicle sync "
        f"{med['pellicle']:.3f} s (CPU {med['cpu']:.0f} %), cp -r + sync {med['cp']:.3f} s"
        + (f", exiftool -all= {med['exiftool']:.3f} s" if "exiftool" in med else "")
        + (f", baseline {med['baseline']:.3f} s" if "baseline" in med else "")
        + f"; machine busy {load.cores:.1f} cores on average"
    )
    for name in ("pellicle", "baseline", "cp", "exiftool"):
        if results.get(name):
            print(f"  {name}: " + " ".join(f"{x:.3f}" for x in results[name]))
    print(
        "  CPU seconds (user + system, median): "
        + ", ".join(f"{name[:-4]} {med[name]:.3f}" for name in med if name.endswith(" CPU"))
    )
    rows = [
        Row("first export vs cp -r + sync (s)", med["pellicle"], med["cp"], "s",
            "<= 1.3x cp -r + sync", 1.3,
            note=f"{exported} phone JPEGs, `pellicle sync` start to return"),
        Row("first export: CPU use of pellicle sync (%)", med["cpu"], None, "%", "(info)", 0,
            by="info"),
    ]  # fmt: skip
    if "baseline" in med:
        rows.append(Row("first export vs the baseline (s)", med["pellicle"], med["baseline"], "s",
                        "(info)", 0, by="info", note=str(baseline)))  # fmt: skip
    if "exiftool" in med:
        rows.append(Row("first export vs exiftool -all= (s)", med["pellicle"], med["exiftool"],
                        "s", "<= 0.5x exiftool", 0.5))  # fmt: skip
    else:
        rows.append(Row("first export vs exiftool -all= (s)", med["pellicle"], None, "s",
                        "<= 0.5x exiftool", 0.5, note="exiftool not installed"))  # fmt: skip
    return [r.__dict__ for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/pellicle-bench/scrub"))
    parser.add_argument(
        "--decoders", type=int, metavar="N", help="only time decode variants on N exported files"
    )
    parser.add_argument("--first-export", action="store_true")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="SRC",
        help="with --first-export, also time the Pellicle in this src folder (before/after)",
    )
    parser.add_argument("--json", type=Path, help="write summary rows here")
    args = parser.parse_args()
    sources = make_phone_jpegs(args.workdir / "src", args.count)
    if args.first_export:
        rows = _first_export(sources, args.workdir, args.rounds, args.baseline)
        if args.json:
            args.json.write_text(json.dumps(rows))
        return
    if args.decoders:
        exported = sorted((args.workdir / "pellicle").glob("*.jpg"))[: args.decoders]
        if not exported:
            parser.error("run the benchmark once first: no exported files")
        _decoders(exported, args.rounds)
        return
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
    print(f"median of {len(rounds)} rounds, ms/file (one thread):")
    for name, ms in med.items():
        spread = f"{min(r[name] for r in rounds):.2f}-{max(r[name] for r in rounds):.2f}"
        print(f"{name:>15}: {ms:7.2f}   (range {spread})")
    print(f"scrub + gate / copy = {med['scrub+gate'] / med['copy']:.2f}x")
    if "exiftool" in med:
        print(f"scrub + gate / exiftool = {med['scrub+gate'] / med['exiftool']:.2f}x")
    both = _both_cores(sources, args.workdir, args.rounds)
    for kind in ("threads", "processes"):
        (alone, _), (gated, cpu) = both[(kind, False)], both[(kind, True)]
        print(
            f"both cores, two {kind}: scrub alone {alone:.2f} ms/file, scrub + gate "
            f"{gated:.2f} ms/file ({gated / alone:.2f}x, CPU {cpu:.0f} %)"
        )
    (alone, _), (gated, cpu) = both[("threads", False)], both[("threads", True)]
    if args.json:
        rows = [
            Row("scrub + gate, both cores (ms/file)", gated, alone, "ms",
                "<= 1.2x scrub alone (both cores)", 1.2, note=f"CPU {cpu:.0f} %"),
            Row("scrub + gate, one thread (ms/file)", med["scrub+gate"], med["copy"], "ms",
                "(info; peer: copy)", 0, by="info"),
            Row("scrub + gate, two processes instead of threads (ms/file)",
                both[("processes", True)][0], gated, "ms", "(info; peer: two threads)", 0,
                by="info"),
        ]  # fmt: skip
        if "exiftool" in med:
            rows.append(Row("scrub + gate vs exiftool, one thread (ms/file)", med["scrub+gate"],
                            med["exiftool"], "ms", "(info)", 0, by="info"))  # fmt: skip
        args.json.write_text(json.dumps([r.__dict__ for r in rows]))


if __name__ == "__main__":
    main()
