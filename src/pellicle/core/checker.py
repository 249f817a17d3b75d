"""`pellicle check`: re-read the export folder and the policy, trust nothing.

A sync's gate proves each copy as it is written; `check` proves the folder
as it stands now: it rescans the library without writing anything,
re-decides every photo, compares what should be exported with what is, and
re-reads every exported file through the gate again. It reports; it never
changes the export folder.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pellicle.core.decisions import LibraryState
from pellicle.core.exportdir import STAGING, ExportBlocked, ExportDir
from pellicle.core.exporter import Exporter, open_in, sha256_fd
from pellicle.core.scrub import ScrubError, ScrubOptions, ScrubResult, verify
from pellicle.core.store import Store
from pellicle.core.words import msg

ProgressFn = Callable[[str, int, int], None]


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def clean(self) -> bool:
        return not self.problems


def check(
    store: Store,
    exporter: Exporter,
    state: LibraryState,
    export: str,
    options: ScrubOptions,
    progress: ProgressFn | None,
) -> CheckReport:
    """Everything that is not right in the export folder, one line each."""
    report = CheckReport()
    planned = exporter.plan(state, export)
    for rel in planned.foreign:
        report.problems.append(
            msg("core.checker", "not written by Pellicle: {path}").format(path=rel)
        )
    for action in planned.plan.removals:
        report.problems.append(
            msg("core.checker", "exported but should not be: {path} ({reason})").format(
                path=action.export_rel, reason=action.reason
            )
        )
    for action in planned.plan.writes:
        report.problems.append(
            msg("core.checker", "missing or out of date: {path} ({reason})").format(
                path=action.export_rel, reason=action.reason
            )
        )
    manifest = store.query("SELECT * FROM exports ORDER BY export_rel")
    try:
        with ExportDir(export) as folder:
            if folder.lstat(STAGING) is not None:
                report.problems.append(
                    msg("core.checker", "staging folder {name} is left over").format(name=STAGING)
                )
            for number, row in enumerate(manifest, 1):
                if progress is not None:
                    progress(msg("core.checker", "checking exported copies"), number, len(manifest))
                rel = bytes(row["export_rel"]).decode()
                fd = open_in(folder, rel)
                if fd is None:
                    continue  # already reported by the plan
                report.checked += 1
                try:
                    digest = sha256_fd(fd)
                    if digest != row["sha256"]:
                        report.problems.append(
                            msg("core.checker", "altered since export: {path}").format(path=rel)
                        )
                        continue
                    expected = _expected_from_file(fd, row)
                    if expected is not None:
                        verify(fd, ScrubResult(**expected), options)
                except ScrubError as exc:
                    report.problems.append(
                        msg("core.checker", "fails the export check: {path}: {error}").format(
                            path=rel, error=str(exc)
                        )
                    )
                finally:
                    os.close(fd)
    except ExportBlocked as exc:
        report.problems.append(str(exc))
    return report


def _expected_from_file(fd: int, row: sqlite3.Row) -> dict[str, Any] | None:
    """What the gate should expect of an exported file, read back with Pillow."""
    from PIL import ImageSequence

    from pellicle.core.imaging import open_image

    try:
        with os.fdopen(os.dup(fd), "rb") as handle, open_image(handle) as image:
            orientation = int(image.getexif().get(0x0112, 1) or 1)
            frames = sum(1 for _ in ImageSequence.Iterator(image))
            fmt = {
                "JPEG": "jpeg",
                "PNG": "png",
                "WEBP": "webp",
                "GIF": "gif",
                "TIFF": "tiff",
                "MPO": "jpeg",
            }.get(image.format or "", str(row["fmt"]))
            width, height = image.size
            if fmt == "tiff" and orientation in (5, 6, 7, 8):
                # Pillow turns TIFFs upright on open; the file (and the gate)
                # hold the stored, unturned dimensions.
                width, height = height, width
            return {
                "fmt": fmt,
                "width": width,
                "height": height,
                "orientation": orientation,
                "frames": frames,
            }
    except Exception:
        return None
    finally:
        os.lseek(fd, 0, os.SEEK_SET)
