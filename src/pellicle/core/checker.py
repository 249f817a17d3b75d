"""`pellicle check`: re-read the export folder and the policy, trust nothing.

A sync's gate proves each copy as it is written; `check` proves the folder
as it stands now: it rescans the library without writing anything,
re-decides every photo, compares what should be exported with what is, and
puts every exported file through the same gate again: compared with its
source when that is still the photo it was made from, decoded when not
(changed, gone, or on a drive that is away), and decoded as well on request.
A copy that cannot be read or parsed is a problem, never skipped. It
reports; it never changes the export folder.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from pellicle.core.decisions import LibraryState
from pellicle.core.exportdir import STAGING, ExportBlocked, ExportDir
from pellicle.core.exporter import Exporter, sha256_fd
from pellicle.core.scrub import ScrubError, ScrubOptions, verify
from pellicle.core.store import Store, decode_rel
from pellicle.core.words import msg, os_error

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
    *,
    decode: bool = False,
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
                problem = _check_copy(folder, row, state, options, decode=decode)
                if problem is not _MISSING:
                    report.checked += 1
                    if problem is not None:
                        report.problems.append(problem)
    except ExportBlocked as exc:
        report.problems.append(str(exc))
    return report


#: A copy that is not there at all (the plan reports it already).
_MISSING = "missing"
_ALTERED = msg("core.checker", "altered since export: {path}")


def _check_copy(
    folder: ExportDir,
    row: sqlite3.Row,
    state: LibraryState,
    options: ScrubOptions,
    *,
    decode: bool,
) -> str | None:
    """What is wrong with one exported copy, or None."""
    rel = bytes(row["export_rel"]).decode()
    try:
        fd = _open_existing(folder, rel)
    except (OSError, ExportBlocked) as exc:
        why = os_error(exc) if isinstance(exc, OSError) and exc.strerror else str(exc)
        return msg("core.checker", "cannot read the exported copy: {path}: {error}").format(
            path=rel, error=why
        )
    if fd is None:
        return _MISSING
    try:
        source = _check_source(state, row)
        try:
            digest = verify(fd, str(row["fmt"]), source, options, decode=decode)
        except ScrubError as exc:
            reason = str(exc)
            try:
                altered = sha256_fd(fd) != row["sha256"]
            except OSError as err:
                altered = False
                reason = msg("core.checker", "cannot read it: {error}").format(
                    error=os_error(err) if err.strerror else str(err)
                )
            if altered:
                return _ALTERED.format(path=rel)
            return msg("core.checker", "fails the export check: {path}: {error}").format(
                path=rel, error=reason
            )
        if digest != row["sha256"]:
            return _ALTERED.format(path=rel)
        return None
    finally:
        os.close(fd)


def _open_existing(folder: ExportDir, rel: str) -> int | None:
    """A read fd on an exported copy; None when it is missing, OSError when unreadable."""
    try:
        fd, name = folder.parent(rel, create=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
    except FileNotFoundError:
        return None
    finally:
        os.close(fd)


def _check_source(state: LibraryState, row: sqlite3.Row) -> str | None:
    """The library photo an exported copy was made from, if it can be compared.

    None when its drive is away, or it is gone or changed since the export
    (the plan reports those that should be updated): the copy is then
    decoded instead, since there is nothing to compare it with.
    """
    rid, rel = int(row["root_id"]), bytes(row["rel"])
    facts = state.index.get(rid, {}).get(rel)
    root = next((r for r in state.roots if r.id == rid), None)
    if facts is None or root is None or rid not in state.online:
        return None
    if facts.kind == "link" and facts.target:
        path = os.fsdecode(facts.target)
    else:
        path = os.path.join(root.path, decode_rel(rel))
    try:
        st = os.stat(path)
    except OSError:
        return None
    if (st.st_size, st.st_mtime_ns, st.st_ino) != (
        row["src_size"],
        row["src_mtime_ns"],
        row["src_ino"],
    ):
        return None
    return path
