"""Carry out a sync plan without ever showing a half-written or unchecked file.

Removals run first. Each copy is then scrubbed into a staging file inside
the export folder, a whole batch is made durable with one syncfs while every
staged file passes the independent verification gate (which compares it
with its source and hashes it in the same pass), the source is checked
unchanged and still shareable, and only then is the file renamed into view.
The manifest and the ledger are written in the same step, with a `pending`
record before the rename so a crash between rename and manifest is undone
by the next sync.

Scrubbing runs on a small thread pool: the heavy parts (copying and
comparing image data, hashing, decoding HEIC, and with numpy loaded the
search through JPEG scan data) release the GIL, so both cores are used
while files are still published one by one, in order. Worker processes
were measured and not taken (docs/design-notes.md, "Export speed").
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Final

from pellicle.core import ledger
from pellicle.core.exportdir import ExportBlocked, ExportDir, Staging
from pellicle.core.imaging import MAX_PIXELS
from pellicle.core.manifest import MANIFEST
from pellicle.core.plan import Action, Key, Plan, Wanted
from pellicle.core.scrub import ScrubError, ScrubOptions, ScrubResult, scrub, verify
from pellicle.core.store import Store, display
from pellicle.core.words import msg, os_error

#: A photo that changed under the export (the watcher retries it soon).
_CHANGED_WHILE_EXPORTING = msg("core.sync", "changed while exporting; retried next sync")

#: Files per durability batch, and the most bytes staged at once.
BATCH_FILES: Final = 32
BATCH_BYTES: Final = 256 << 20
#: A sync that writes at least this many bytes loads numpy before it starts:
#: the scrubber and the gate search JPEG scan data with it once it is loaded
#: (three times as fast as without, and without holding the GIL), and
#: loading it (0.1-0.3 s) pays for itself from about this much
#: (docs/benchmarks.md, "First export").
NUMPY_FROM: Final = 128 << 20


@dataclass
class Outcome:
    """What one action did, for reports and the one-line-per-change log."""

    action: Action
    ok: bool
    detail: str = ""


@dataclass
class ApplyReport:
    done: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    #: Set when rules changed mid-sync: the caller must re-plan.
    interrupted: bool = False


@dataclass(frozen=True)
class Context:
    """What the executor needs from the engine, as plain callables."""

    store: Store
    export: ExportDir
    options: ScrubOptions
    options_tag: str
    #: Absolute path to read a source from (a link's target for links).
    source_path: Callable[[Key], str]
    #: Printable source name for the ledger.
    source_name: Callable[[Key], str]
    #: True when rules changed since planning (cheap; polled between files).
    rules_changed: Callable[[], bool]
    #: Records a scrub refusal as the photo's problem.
    record_problem: Callable[[Wanted, str], None]
    source_hash: Callable[[Key], str | None] = lambda key: None
    progress: Callable[[int, int], None] | None = None
    log: Callable[[str], None] | None = None
    workers: int = 2


@dataclass
class _Staged:
    action: Action
    name: str
    result: ScrubResult | None = None
    error: str | None = None
    sha256: str | None = None


def apply(plan: Plan, ctx: Context) -> ApplyReport:
    report = ApplyReport()
    #: Every ledger row of this apply names it: the share history shows
    #: "Shared 80 photos from Holidays" as one line, not eighty.
    batch = ledger.Batch(ctx.store)
    removed: list[str] = []
    for action in plan.removals:
        _remove(action, ctx, report, batch)
        removed.append(action.export_rel)
    if removed:
        ctx.export.prune(removed)
    if not plan.writes:
        ctx.export.drop_leftover_staging()  # a killed sync's, if any
        ctx.export.sync(removed)
        return report
    if sum(a.wanted.src_size for a in plan.writes if a.wanted) >= NUMPY_FROM:
        import numpy  # noqa: F401  (loaded here, before any worker searches)
    staging = ctx.export.staging()
    total = len(plan.writes)
    batches = list(_batches(plan.writes))
    #: What this apply changed in view, for the final flush; None (flush the
    #: whole file system) if it stopped half-way.
    touched: list[str] | None = None
    try:
        with ThreadPoolExecutor(max_workers=max(1, ctx.workers)) as pool:
            done = 0
            # A pipeline: while this thread flushes batch k to the disk and
            # then publishes it one file at a time, the pool checks batch k
            # and already stages batch k+1, so both cores stay busy. The gate
            # reads what was written, durable or not, so it need not wait
            # for the flush; a file is renamed into view only once it is
            # both durable and verified. Staged files are invisible until
            # published, so the crash ordering is unchanged.
            staging_next: list[Future[_Staged]] = [
                pool.submit(_stage, a, staging, ctx) for a in batches[0]
            ]
            for number, _batch in enumerate(batches):
                staged = [future.result() for future in staging_next]
                staging_next = []
                if ctx.rules_changed():
                    report.interrupted = True
                    for item in staged:
                        staging.discard(item.name)
                    break
                checks = [pool.submit(_verify, item, staging, ctx) for item in staged]
                if number + 1 < len(batches):
                    staging_next = [
                        pool.submit(_stage, a, staging, ctx) for a in batches[number + 1]
                    ]
                staging.sync([item.name for item in staged if item.result is not None])
                staged = [future.result() for future in checks]
                for item in staged:
                    if report.interrupted or ctx.rules_changed():
                        report.interrupted = True
                        staging.discard(item.name)
                        continue
                    _publish(item, staging, ctx, report, batch)
                    done += 1
                    if ctx.progress is not None:
                        ctx.progress(done, total)
                if report.interrupted:
                    break
            for future in staging_next:
                # Staged ahead but not to be shown (interrupted): wait for the
                # worker, then let the staging folder's clean-up take it.
                future.exception()
        touched = removed + [o.action.export_rel for o in report.done if o.action.kind != "remove"]
    finally:
        staging.close()
        ctx.export.sync(touched)
    return report


def _batches(actions: list[Action]) -> Iterator[list[Action]]:
    batch: list[Action] = []
    size = 0
    for action in actions:
        assert action.wanted is not None
        batch.append(action)
        size += action.wanted.src_size
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _remove(action: Action, ctx: Context, report: ApplyReport, batch: ledger.Batch) -> None:
    entry = action.exported
    assert entry is not None
    try:
        ctx.export.remove(action.export_rel)
    except (OSError, ExportBlocked) as exc:
        report.failed.append(Outcome(action, False, _why(exc)))
        return
    with ctx.store.write() as db:
        db.execute("DELETE FROM exports WHERE export_rel=?", (action.export_rel.encode(),))
        ctx.store.bump_generation(db, MANIFEST)
        ledger.record(
            db,
            batch,
            "remove",
            action.cause,
            ctx.source_name(entry.key),
            action.export_rel,
            None,
            None,
            action.reason,
        )
    report.done.append(Outcome(action, True))
    if ctx.log is not None:
        ctx.log(
            msg("core.sync", "removed {path} ({reason})").format(
                path=action.export_rel, reason=action.reason
            )
        )


def _stage(action: Action, staging: Staging, ctx: Context) -> _Staged:
    wanted = action.wanted
    assert wanted is not None
    try:
        fd, name = staging.create()
    except OSError as exc:
        # The export folder itself refuses writes (deleted, read-only, out
        # of inodes): no file can be exported, so the whole sync stops.
        raise ExportBlocked(
            msg("core.sync", "cannot write in the export folder {path}: {error}").format(
                path=display(ctx.export.path), error=os_error(exc)
            )
        ) from None
    item = _Staged(action, name)
    try:
        source = ctx.source_path(wanted.key)
        if not _unchanged(source, wanted):
            item.error = msg(
                "core.sync", "changed since it was scanned; it will be exported on the next sync"
            )
            return item
        result = scrub(source, fd, wanted.fmt, ctx.options)
        _within_budget(result)
        item.result = result
    except ScrubError as exc:
        item.error = str(exc)
        if not _transient(exc):
            ctx.record_problem(wanted, str(exc))
    except OSError as exc:
        item.error = msg("core.sync", "cannot read: {error}").format(error=_why(exc))
    finally:
        os.close(fd)
    return item


def _verify(item: _Staged, staging: Staging, ctx: Context) -> _Staged:
    if item.result is None:
        return item
    wanted = item.action.wanted
    assert wanted is not None
    source = ctx.source_path(wanted.key)
    try:
        fd = staging.open_read(item.name)
        try:
            # The gate compares the copy with the source itself; its digest,
            # taken in the same pass over the staged bytes, is the manifest's.
            item.sha256 = verify(fd, wanted.fmt, source, ctx.options, claimed=item.result)
        finally:
            os.close(fd)
    except ScrubError as exc:
        if not _unchanged(source, wanted):
            # The photo changed after it was copied: the copy is merely stale.
            item.error = _CHANGED_WHILE_EXPORTING
            return item
        item.error = msg(
            "core.sync", "held back by the check of the exported copy: {error}"
        ).format(error=str(exc))
        if not _transient(exc):  # a disk that failed to read it back is no fault of the photo
            ctx.record_problem(wanted, item.error)
    except OSError as exc:
        item.error = msg("core.sync", "cannot re-read the staged copy: {error}").format(
            error=_why(exc)
        )
    return item


def _publish(
    item: _Staged, staging: Staging, ctx: Context, report: ApplyReport, batch: ledger.Batch
) -> None:
    action = item.action
    wanted = action.wanted
    assert wanted is not None
    if item.error is not None or item.sha256 is None:
        staging.discard(item.name)
        report.failed.append(Outcome(action, False, item.error or msg("core.sync", "not staged")))
        return
    source = ctx.source_path(wanted.key)
    if not _unchanged(source, wanted):
        staging.discard(item.name)
        report.failed.append(Outcome(action, False, _CHANGED_WHILE_EXPORTING))
        return
    # A rule changed since planning: the caller re-plans (and the copy is
    # published then only if the photo is still shareable). Checked again
    # here, after the source check, as the last thing before the rename.
    if ctx.rules_changed():
        staging.discard(item.name)
        report.interrupted = True
        return
    rel = action.export_rel
    with ctx.store.write() as db:
        db.execute(
            "INSERT OR REPLACE INTO pending(export_rel, sha256) VALUES(?, ?)",
            (rel.encode(), item.sha256),
        )
    try:
        st = staging.publish(item.name, rel, replace=action.kind == "update")
    except (OSError, ExportBlocked) as exc:
        staging.discard(item.name)
        with ctx.store.write() as db:
            db.execute("DELETE FROM pending WHERE export_rel=?", (rel.encode(),))
        report.failed.append(Outcome(action, False, _why(exc)))
        return
    source_name = ctx.source_name(wanted.key)
    with ctx.store.write() as db:
        ctx.store.bump_generation(db, MANIFEST)
        db.execute("DELETE FROM exports WHERE root_id=? AND rel=?", wanted.key)
        db.execute("DELETE FROM exports WHERE export_rel=?", (rel.encode(),))
        db.execute(
            "INSERT INTO exports(export_rel, root_id, rel, src_size, src_mtime_ns, src_ino, fmt,"
            " sha256, size, mtime_ns, ino, options, time) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rel.encode(),
                wanted.key[0],
                wanted.key[1],
                wanted.src_size,
                wanted.src_mtime_ns,
                wanted.src_ino,
                wanted.fmt,
                item.sha256,
                st.st_size,
                st.st_mtime_ns,
                st.st_ino,
                ctx.options_tag,
                time.time(),
            ),
        )
        db.execute("DELETE FROM pending WHERE export_rel=?", (rel.encode(),))
        ledger.record(
            db,
            batch,
            action.kind,
            action.cause,
            source_name,
            rel,
            item.sha256,
            ctx.source_hash(wanted.key),
            action.reason,
        )
    report.done.append(Outcome(action, True))
    if ctx.log is not None:
        if action.kind == "add":
            line = msg("core.sync", "added {path} from {source} ({reason})")
        else:
            line = msg("core.sync", "updated {path} from {source} ({reason})")
        ctx.log(line.format(path=rel, source=source_name, reason=action.reason))


def _within_budget(result: ScrubResult) -> None:
    """Refuse an animation whose frames add up to more pixels than one image
    may have: a decoder (thumbnails, `pellicle check --decode`) draws every
    frame onto a full canvas, so a few KB of one-pixel frames on a huge
    canvas would take minutes and gigabytes."""
    total = result.width * result.height * max(1, result.frames)
    if total > MAX_PIXELS:
        raise ScrubError(
            msg(
                "core.sync", "{format} animation too large: {frames} frames of {size} pixels"
            ).format(
                format=result.fmt.upper(),
                frames=result.frames,
                size=f"{result.width}x{result.height}",
            )
        )


def _transient(exc: ScrubError) -> bool:
    """Whether a refusal came from the system (disk full, I/O error, no access)
    rather than from the photo's content: such a photo is retried next sync,
    never recorded as a problem of the photo (which would stop the retries
    until the file changes)."""
    cause = exc.__cause__
    return isinstance(cause, OSError) and cause.errno is not None


def _unchanged(source: str, wanted: Wanted) -> bool:
    try:
        st = os.stat(source)
    except OSError:
        return False
    return (st.st_size, st.st_mtime_ns, st.st_ino) == (
        wanted.src_size,
        wanted.src_mtime_ns,
        wanted.src_ino,
    )


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        if isinstance(exc.filename, str | bytes):
            return msg("core.sync", "{error} ({path})").format(
                error=os_error(exc), path=display(exc.filename)
            )
        return os_error(exc)
    return str(exc)
