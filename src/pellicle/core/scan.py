"""Walk the library roots and keep the file index current.

The walk opens each folder once and works relative to that descriptor:
`scandir` on it, one `fstatat` per entry and `openat` for the heads it
reads, the system calls `find -printf '%s %T@ %i'` makes, without the kernel
resolving every file's full path again (measured 12 % faster on a warm
100,000-file tree). Names come back as str from a descriptor's `scandir`
and are turned into the file system's own bytes once each. A file whose size,
mtime and inode did not change keeps the very `FileFacts` object the index
held, so a rescan of an unchanged library reads no image bytes and builds no
objects; its cost is the stat calls plus a few attribute comparisons per
file. A new or changed file has only its first bytes read, to learn its
format from its content.

Those reads run in this thread while they are fast (the page cache holds
the files: each read is a few microseconds of system call, and threads
would only contend for the GIL, which was measured to make a warm first
scan slower). When they turn out slow (a first scan of a cold disk, where
each read waits for the device), the rest of the walk hands each folder's
reads to a small thread pool, so many reads are in flight at once while
this thread goes on listing folders; see `_HeadReader`.

Symlinks are never followed out of a root: a link to a file is recorded
with its resolved target and judged by the target's own decision; links to
folders are not descended into (they could loop or leave the library).
Hidden entries (names starting with ".") are skipped, as photo tools do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import resource
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Final, TypeVar, cast

from pellicle.core.formats import (
    HEAD_SIZE,
    PHOTO_SUFFIXES,
    SUPPORTED,
    classify_tiff,
    sniff,
    unsupported_reason,
)
from pellicle.core.words import msg, os_error

#: Read size for fingerprints: large enough that hashing runs at disk speed.
_CHUNK: Final = 1 << 20

_OPEN_FLAGS: Final = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
#: Folders are opened without following a link: one swapped in for a folder
#: after it was listed must not lead the walk out of the library.
_DIR_FLAGS: Final = (
    os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
)
# What os.fsencode does, without its Python frame (once per entry).
_FS_ENCODING: Final = sys.getfilesystemencoding()
_FS_ERRORS: Final = sys.getfilesystemencodeerrors()

_S_ISREG: Final = stat.S_ISREG
_S_ISDIR: Final = stat.S_ISDIR
_S_ISLNK: Final = stat.S_ISLNK

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the index knows about one photo (or photo-looking file).

    Frozen, because a rescan hands the same object on to the new index when
    the file did not change (objects are shared between index generations);
    slotted, because a 100,000-photo library holds 100,000 of them (120
    bytes each instead of 168 with a `__dict__`).
    """

    rel: bytes
    kind: str  # "file" or "link"
    size: int
    mtime_ns: int
    dev: int
    ino: int
    fmt: str | None
    target: bytes | None = None  # links: the resolved absolute target
    problem: str | None = None
    fingerprint: str | None = None

    def same_stat(self, other: FileFacts) -> bool:
        return (
            self.ino == other.ino
            and self.mtime_ns == other.mtime_ns
            and self.size == other.size
            and self.dev == other.dev
            and self.kind == other.kind
            and self.target == other.target
        )

    @property
    def exportable(self) -> bool:
        return self.problem is None and self.fmt in SUPPORTED


@dataclass(frozen=True, slots=True)
class FolderFacts:
    rel: bytes
    dev: int
    ino: int
    problem: str | None = None


@dataclass
class RootScan:
    """The result of walking one root."""

    online: bool
    files: dict[bytes, FileFacts]
    folders: dict[bytes, FolderFacts]
    #: Index entries whose content was sniffed this time (new or changed).
    changed: set[bytes]
    #: Files that are not photos (videos, sidecars, documents), by the stat
    #: they had when their head was read: the next scan given this does
    #: not open them again while that stat holds.
    not_photos: dict[bytes, StatKey] = field(default_factory=dict)


Progress = Callable[[int], None]

#: (size, mtime_ns, inode, device): a file is taken as unchanged while these hold.
StatKey = tuple[int, int, int, int]


def scan_root(
    root: str,
    previous: dict[bytes, FileFacts],
    *,
    previous_folders: dict[bytes, FolderFacts] | None = None,
    roots: Iterable[str] = (),
    under: bytes = b"",
    progress: Progress | None = None,
    not_photos: dict[bytes, StatKey] | None = None,
) -> RootScan:
    """Walk `root` (or only its subfolder `under`) and return the new index.

    `previous` is the index from the last scan; unchanged files keep their
    facts without being opened, and so do files `not_photos` (a previous
    scan's) knows are not photos. `roots` lists every library root, so links
    can be told apart as inside or outside the library.
    """
    known_not = not_photos or {}
    try:
        top = os.stat(root)
    except OSError:
        return RootScan(False, dict(previous), dict(previous_folders or {}), set(), known_not)
    if not stat.S_ISDIR(top.st_mode):
        return RootScan(False, dict(previous), dict(previous_folders or {}), set(), known_not)

    root_list = [os.fsencode(r.rstrip(os.sep) or os.sep) for r in roots] or [os.fsencode(root)]
    # None marks a file whose head a pool thread is still reading; its slot
    # keeps the walk's order whichever way the read went.
    files: dict[bytes, FileFacts | None] = {}
    folders: dict[bytes, FolderFacts] = {}
    changed: set[bytes] = set()
    skipped: dict[bytes, StatKey] = {}
    get_not = known_not.get
    broot = os.fsencode(root)
    start = os.path.join(broot, under) if under else broot
    stack: list[tuple[bytes, bytes]] = [(start, under)]
    count = 0
    step = 2000
    get = previous.get
    reader = _HeadReader()
    try:
        while stack:
            path, rel = stack.pop()
            try:
                dir_fd = os.open(path, _DIR_FLAGS)
            except OSError as exc:
                if rel == under and under and exc.errno == errno.ENOENT:
                    break
                if rel and exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                    folders[rel] = FolderFacts(rel, 0, 0, _reason(exc))
                continue  # (a link or file swapped in for the folder: not ours to walk)
            try:
                st = os.fstat(dir_fd)
                with os.scandir(dir_fd) as it:
                    entries = list(it)
            except OSError as exc:
                os.close(dir_fd)
                if rel:
                    folders[rel] = FolderFacts(rel, 0, 0, _reason(exc))
                continue
            if rel:
                folders[rel] = FolderFacts(rel, st.st_dev, st.st_ino)
            prefix = rel + b"/" if rel else b""
            unread: _Unread = []  # new or changed files: their heads are read
            for entry in entries:
                text = entry.name
                if text[:1] == ".":
                    continue
                name = text.encode(_FS_ENCODING, _FS_ERRORS)
                child = prefix + name
                try:
                    est = entry.stat(follow_symlinks=False)  # fstatat(dir_fd, name)
                except OSError:
                    continue
                mode = est.st_mode
                if _S_ISREG(mode):
                    old = get(child)
                    if (
                        old is not None
                        and old.ino == est.st_ino
                        and old.mtime_ns == est.st_mtime_ns
                        and old.size == est.st_size
                        and old.dev == est.st_dev
                        and old.kind == "file"
                        and (old.problem is None or not _unreadable(old))
                    ):
                        # The common case: nothing to do. Keyed by the old
                        # object's own bytes, so the index holds each name once.
                        files[old.rel] = old
                    elif (
                        old is None
                        and (known := get_not(child)) is not None
                        and known == (est.st_size, est.st_mtime_ns, est.st_ino, est.st_dev)
                    ):
                        skipped[child] = known  # a known video, sidecar, ...
                        continue
                    else:
                        unread.append((name, child, est, old))
                elif _S_ISDIR(mode):
                    stack.append((path + b"/" + name, child))
                    continue
                elif _S_ISLNK(mode):
                    old = get(child)
                    facts = _link_facts(path + b"/" + name, child, est, root_list, old)
                    if facts is None:
                        continue
                    if old is None or not old.same_stat(facts):
                        changed.add(child)
                    files[child] = facts
                else:
                    continue  # FIFOs, sockets, devices are never photos
                count += 1
                if progress is not None and count >= step:
                    step += 2000
                    progress(count)
            try:
                if unread:
                    if reader.read(unread, dir_fd, path):
                        for item in unread:
                            files[item[1]] = None
                    else:
                        _record(unread, reader.done.pop(), files, changed, skipped)
            finally:
                os.close(dir_fd)
            while reader.backlog:
                _record(*reader.collect(), files, changed, skipped)
        while reader.pending:
            _record(*reader.collect(), files, changed, skipped)
    finally:
        reader.close()
    if not _same_folder(root, top):
        # The root vanished or was swapped while it was walked (a drive
        # unplugged mid-scan): what the walk missed is not gone from the
        # library, so the root is offline and keeps its index and copies.
        return RootScan(False, dict(previous), dict(previous_folders or {}), set(), known_not)
    if reader.deferred:
        found = {rel: facts for rel, facts in files.items() if facts is not None}
    else:
        found = cast(dict[bytes, FileFacts], files)
    if under:
        found = _merge_outside(under, previous, found)
        kept = _merge_outside(under, previous_folders or {}, folders)
        folders = kept
        skipped = _merge_outside(under, known_not, skipped)
    if progress is not None:
        progress(count)
    return RootScan(True, found, folders, changed, skipped)


#: Files whose heads are to be read: (name in its folder, or path, rel,
#: stat, what the index knew).
_Unread = list[tuple[bytes, bytes, os.stat_result, FileFacts | None]]
_Heads = list[tuple[str | None, str | None]]


class _HeadReader:
    """Reads the heads of a walk's new files: here while that is fast, in a
    pool of threads once it is slow.

    A read from the page cache costs a few microseconds and threads would
    only fight over the GIL; a read that waits for a cold disk costs tens of
    microseconds to milliseconds, and then many reads in flight at once are
    what makes it fast (measured on a cold 100,000-file tree: 6.0 s in one
    thread, 2.3 to 2.7 s with a pool). So reads are timed in windows of
    `_WINDOW` files, and the first slow window whose reads went to the
    device (the thread's block input count grew) moves the rest of the walk
    to the pool; it stays there. Reads that are slow only because other
    processes keep the CPU busy stay here: threads would make that worse.
    """

    _WINDOW: Final = 256
    #: Mean seconds per read above which reads wait for the device (a warm
    #: read is 3 to 6 microseconds here).
    _SLOW: Final = 20e-6
    _THREADS: Final = 8
    #: Batches in flight before the walk waits for the oldest: bounds memory.
    _AHEAD: Final = 64

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._window_files = 0
        self._window_time = 0.0
        self._window_blocks = _blocks_read()
        self.pending: deque[tuple[_Unread, Future[_Heads]]] = deque()
        #: Results of reads done in this thread, for the caller to take.
        self.done: list[_Heads] = []
        self.deferred = False

    def read(self, unread: _Unread, dir_fd: int, folder: bytes) -> bool:
        """Read the heads of `unread` (names in the folder open as `dir_fd`,
        at path `folder`); True when they were handed to the pool (collect
        them with `collect`), False when done here (in `done`)."""
        if self._pool is not None:
            # The folder's descriptor is closed before the pool gets to
            # these: the pool opens them by path (a cold disk's reads wait
            # for the device; resolving the path costs nothing beside that).
            paths = [(folder + b"/" + name, rel, st, old) for name, rel, st, old in unread]
            self.pending.append((unread, self._pool.submit(_identify_all, paths, None)))
            self.deferred = True
            return True
        t = time.perf_counter()
        self.done.append(_identify_all(unread, dir_fd))
        self._window_time += time.perf_counter() - t
        self._window_files += len(unread)
        if self._window_files >= self._WINDOW:
            blocks = _blocks_read()
            if self._window_time > self._SLOW * self._window_files and blocks > self._window_blocks:
                self._pool = ThreadPoolExecutor(self._THREADS, thread_name_prefix="pellicle-scan")
            self._window_files = 0
            self._window_time = 0.0
            self._window_blocks = blocks
        return False

    @property
    def backlog(self) -> bool:
        """Whether results are ready, or so many are in flight that the walk
        should wait for the oldest."""
        return bool(self.pending) and (self.pending[0][1].done() or len(self.pending) > self._AHEAD)

    def collect(self) -> tuple[_Unread, _Heads]:
        """The oldest pool batch and its results (waits for them)."""
        unread, future = self.pending.popleft()
        return unread, future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _blocks_read() -> int:
    """Blocks this thread has read from a device (not from the page cache)."""
    return resource.getrusage(resource.RUSAGE_THREAD).ru_inblock


def _identify_all(unread: _Unread, dir_fd: int | None) -> _Heads:
    # `_identify` is looked up per batch (not bound at import) so tests can
    # watch every read.
    identify = _identify
    return [identify(path, rel, st.st_size, dir_fd) for path, rel, st, _old in unread]


def _record(
    unread: _Unread,
    heads: _Heads,
    files: dict[bytes, FileFacts | None],
    changed: set[bytes],
    not_photos: dict[bytes, StatKey],
) -> None:
    """Put the facts of files whose heads were read into the new index, and
    the files that are not photos into `not_photos`."""
    for (_path, rel, st, old), (fmt, problem) in zip(unread, heads, strict=True):
        if fmt is None and (problem is None or problem is _UNREADABLE_OTHER):
            # Not a photo (a pool batch leaves its slot empty). One that
            # could not be read is not remembered: it is tried again.
            if problem is None:
                not_photos[rel] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)
            continue
        facts = FileFacts(
            rel, "file", st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino, fmt, None, problem
        )
        if old is None or not old.same_stat(facts):
            changed.add(rel)
        files[rel] = facts


def _merge_outside(
    under: bytes, previous: dict[bytes, _T], scanned: dict[bytes, _T]
) -> dict[bytes, _T]:
    """A partial walk's result plus everything outside `under` as it was."""
    prefix = under + b"/"
    merged = {
        rel: value for rel, value in previous.items() if rel != under and not rel.startswith(prefix)
    }
    merged.update(scanned)
    return merged


def _same_folder(path: str, before: os.stat_result) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return False
    return stat.S_ISDIR(now.st_mode) and (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino)


def _file_facts(
    path: bytes, rel: bytes, st: os.stat_result, old: FileFacts | None
) -> FileFacts | None:
    if old is not None and not _unreadable(old):
        facts = FileFacts(rel, "file", st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino, None)
        if old.same_stat(facts):
            return old
    return _new_file_facts(path, rel, st)


def _new_file_facts(path: bytes, rel: bytes, st: os.stat_result) -> FileFacts | None:
    """Facts for a new or changed regular file: its head is read (one object
    built, no `dataclasses.replace`: the first scan of a big library makes
    one per file)."""
    fmt, problem = _identify(path, rel, st.st_size)
    if fmt is None and (problem is None or problem is _UNREADABLE_OTHER):
        return None
    return FileFacts(
        rel, "file", st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino, fmt, None, problem
    )


def _link_facts(
    path: bytes, rel: bytes, st: os.stat_result, roots: list[bytes], old: FileFacts | None
) -> FileFacts | None:
    target = os.path.realpath(path)
    try:
        tst = os.stat(target)
    except OSError:
        if _looks_like_photo(rel):
            return FileFacts(
                rel, "link", 0, st.st_mtime_ns, st.st_dev, st.st_ino, None, target, BROKEN_LINK
            )
        return None
    if not stat.S_ISREG(tst.st_mode):
        return None
    facts = FileFacts(
        rel, "link", tst.st_size, tst.st_mtime_ns, tst.st_dev, tst.st_ino, None, target
    )
    if old is not None and old.same_stat(facts) and not _unreadable(old):
        return old
    if not any(_inside(target, r) for r in roots):
        if not _looks_like_photo(rel):
            return None
        return replace(
            facts,
            problem=msg("core.scan", "link to a file outside the library; links are not followed"),
        )
    fmt, problem = _identify(target, rel, tst.st_size)
    if fmt is None and (problem is None or problem is _UNREADABLE_OTHER):
        return None
    return replace(facts, fmt=fmt, problem=problem)


#: `_identify`'s problem for a file that could not be read and is no photo
#: by its name either: ignored like a non-photo, but read again next time.
_UNREADABLE_OTHER: Final = msg("core.scan", "cannot read a file that is no photo by its name")
#: The problem of a link whose target is gone (decisions.py looks for it).
BROKEN_LINK: Final = msg("core.scan", "broken link")


def _identify(
    path: bytes, rel: bytes, size: int, dir_fd: int | None = None
) -> tuple[str | None, str | None]:
    """The format of a file from its first bytes, or why it cannot be used.

    `path` is relative to the folder open as `dir_fd` when that is given.
    Returns (None, None) for files that are simply not photos, and
    (None, `_UNREADABLE_OTHER`) for unreadable ones that are not photos by
    their names.
    """
    if size == 0:
        return (None, msg("core.scan", "empty file")) if _looks_like_photo(rel) else (None, None)
    try:
        fd = os.open(path, _OPEN_FLAGS, dir_fd=dir_fd)
        try:
            head = os.read(fd, HEAD_SIZE)
            fmt = sniff(head)
            if fmt == "tiff":
                # A TIFF may be a camera RAW: its directories tell (a few
                # small reads, for TIFF files only).
                fmt = classify_tiff(lambda off, n: os.pread(fd, n, off))
        finally:
            os.close(fd)
    except OSError as exc:
        if _looks_like_photo(rel):
            return None, msg("core.scan", "cannot read: {error}").format(error=_reason(exc))
        return None, _UNREADABLE_OTHER
    if fmt is None:
        if _looks_like_photo(rel):
            return None, msg(
                "core.scan", "not a recognisable image (its content does not match its name)"
            )
        return None, None
    if fmt not in SUPPORTED:
        return fmt, unsupported_reason(fmt)
    return fmt, None


def _unreadable(facts: FileFacts) -> bool:
    """A file that could not be read is tried again: access may come back
    (chmod changes neither size, mtime nor inode)."""
    return facts.problem is not None and facts.problem.startswith("cannot read")


def _looks_like_photo(rel: bytes) -> bool:
    return os.path.splitext(os.fsdecode(rel))[1].lower() in PHOTO_SUFFIXES


def _inside(path: bytes, root: bytes) -> bool:
    return path == root or path.startswith(root.rstrip(b"/") + b"/")


def _reason(exc: OSError) -> str:
    return os_error(exc)


def fingerprint(path: str) -> str:
    """SHA-256 of a file's content: who is an exact copy of whom."""
    digest = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
    finally:
        os.close(fd)
    return digest.hexdigest()


def safe_fingerprint(path: str) -> str | None:
    """`fingerprint`, or None when the file cannot be read (the caller then
    treats the content as unknown, which keeps photos private)."""
    try:
        return fingerprint(path)
    except OSError:
        return None


def facts_for(path: str, rel: bytes, roots: Iterable[str]) -> FileFacts | None:
    """Facts for one file, as a scan would record them (None: not a photo)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    raw = os.fsencode(path)
    if stat.S_ISLNK(st.st_mode):
        return _link_facts(
            raw, rel, st, [os.fsencode(r.rstrip(os.sep) or os.sep) for r in roots], None
        )
    if stat.S_ISREG(st.st_mode):
        return _file_facts(raw, rel, st, None)
    return None
