"""Images built to exhaust memory or time, synced by a real process.

About a thousand small hostile files (declared dimensions far past the pixel
budget, decompression bombs just under it, thousands of segments, chunk
lengths past the end, IFD loops, GIF animations whose one-pixel frames add
up to minutes of decoding or gigabytes of canvas) are synced in a child
process that reports its own peak RSS (VmHWM) and the longest time spent
scrubbing and checking any one file. The sync must finish, stay within a
memory and a per-file time bound, refuse every bomb with a one-line reason,
and export nothing that leaks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from faults_helpers import env_for, visible
from hostile_images import MAKERS

from pellicle.core.demo import PLANTED, write_photo
from scrub_helpers import is_plain, leaks

#: Kinds that must be refused; the others are odd but within budget.
REFUSED = {
    "jpeg_huge_dimensions",
    "jpeg_segment_past_end",
    "png_bomb_declared",
    "png_huge_chunk_length",
    "gif_huge_screen",
    "gif_frame_flood",
    "gif_canvas_bomb",
    "webp_huge_canvas",
    "tiff_huge_dimensions",
    "tiff_huge_strip_count",
    "heif_truncated",
}
#: Kinds that cost real work per file: a few of each keep the test fast.
HEAVY = {"png_bomb_under_limit", "gif_many_frames"}
TOTAL = 1000
MAX_RSS_MB = 250
MAX_SECONDS_PER_FILE = 5.0

RUNNER = """
import json, sys, time
import pellicle.core.sync as s
from pellicle.core.engine import Engine
slowest = [0.0, ""]
def timed(real):
    def call(item, *args):
        start = time.monotonic()
        try:
            return real(item, *args)
        finally:
            spent = time.monotonic() - start
            if spent > slowest[0]:
                slowest[:] = [spent, getattr(item, "export_rel", None) or item.action.export_rel]
    return call
s._stage, s._verify = timed(s._stage), timed(s._verify)
with Engine() as engine:
    engine.init([sys.argv[1]], sys.argv[2])
    engine.share([sys.argv[1]])
    report = engine.sync()
    problems = engine.status()["problems"]
# VmHWM, not getrusage's ru_maxrss: the kernel carries ru_maxrss over
# from the process this one was spawned from (the test runner, hundreds of
# MB late in a full run), while VmHWM is this program's own peak.
with open("/proc/self/status") as status:
    rss = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
print(json.dumps({"report": report.as_dict(), "problems": problems, "rss_mb": rss,
                  "slowest": slowest}))
"""


def test_sync_over_a_thousand_hostile_files(tmp_path: Path) -> None:
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    light = [k for k in MAKERS if k not in HEAVY]
    counts = {k: 4 for k in HEAVY}
    per_light = (TOTAL - sum(counts.values())) // len(light)
    counts.update({k: per_light for k in light})
    for kind, count in counts.items():
        ext, make = MAKERS[kind]
        (lib / kind).mkdir(parents=True)
        for i in range(count):
            (lib / kind / f"{i:04d}.{ext}").write_bytes(make(i))
    for i in range(3):
        write_photo(lib / f"fine{i}.jpg", "jpeg", seed=i)
    assert sum(counts.values()) >= TOTAL - len(light)

    child = subprocess.run(
        [sys.executable, "-c", RUNNER, str(lib), str(export)],
        env=env_for(home),
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert child.returncode == 0, child.stderr
    out = json.loads(child.stdout)
    print(f"peak RSS {out['rss_mb']:.0f} MB, slowest file {out['slowest']}")
    assert out["rss_mb"] < MAX_RSS_MB, out["rss_mb"]
    assert out["slowest"][0] < MAX_SECONDS_PER_FILE, out["slowest"]

    reasons: dict[str, str] = {}
    for failed in out["report"]["failed"]:
        reasons[failed["path"]] = failed["reason"]
    for problem in out["problems"]:
        reasons[os.path.relpath(problem["path"], lib)] = problem["reason"]
    assert all(is_plain(r) for r in reasons.values()), {
        r for r in reasons.values() if not is_plain(r)
    }
    shown = visible(export)
    for kind in REFUSED:
        refused = {os.path.splitext(rel)[0] for rel in reasons if rel.startswith(kind + "/")}
        assert len(refused) == counts[kind], (kind, len(refused))
        assert not any(rel.startswith(kind + "/") for rel in shown), kind
    assert {"fine0.jpg", "fine1.jpg", "fine2.jpg"} <= shown
    for rel in shown:
        assert leaks((export / rel).read_bytes(), PLANTED) == [], rel
