"""Walk the library roots and keep the file index current.

The walk uses `os.scandir` and one `lstat` per entry; a file whose size,
mtime and inode did not change keeps what the index knew about it, so a
rescan of an unchanged library reads no image bytes. A new or changed file
has only its first bytes read, to learn its format from its content.

Symlinks are never followed out of a root: a link to a file is recorded
with its resolved target and judged by the target's own decision; links to
folders are not descended into (they could loop or leave the library).
Hidden entries (names starting with ".") are skipped, as photo tools do.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Final

from pellicle.core.formats import HEAD_SIZE, PHOTO_SUFFIXES, SUPPORTED, sniff

#: Read size for fingerprints: large enough that hashing runs at disk speed.
_CHUNK: Final = 1 << 20


@dataclass(frozen=True)
class FileFacts:
    """What the index knows about one photo (or photo-looking file)."""

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
        return (self.kind, self.size, self.mtime_ns, self.dev, self.ino, self.target) == (
            other.kind,
            other.size,
            other.mtime_ns,
            other.dev,
            other.ino,
            other.target,
        )

    @property
    def exportable(self) -> bool:
        return self.problem is None and self.fmt in SUPPORTED


@dataclass(frozen=True)
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


Progress = Callable[[int], None]


def scan_root(
    root: str,
    previous: dict[bytes, FileFacts],
    *,
    previous_folders: dict[bytes, FolderFacts] | None = None,
    roots: Iterable[str] = (),
    under: bytes = b"",
    progress: Progress | None = None,
) -> RootScan:
    """Walk `root` (or only its subfolder `under`) and return the new index.

    `previous` is the index from the last scan; unchanged files keep their
    facts without being opened. `roots` lists every library root, so links
    can be told apart as inside or outside the library.
    """
    try:
        top = os.stat(root)
    except OSError:
        return RootScan(False, dict(previous), dict(previous_folders or {}), set())
    if not stat.S_ISDIR(top.st_mode):
        return RootScan(False, dict(previous), dict(previous_folders or {}), set())

    root_list = [r.rstrip(os.sep) or os.sep for r in roots] or [root]
    files: dict[bytes, FileFacts] = {}
    folders: dict[bytes, FolderFacts] = {}
    changed: set[bytes] = set()
    start = os.path.join(root, os.fsdecode(under)) if under else root
    stack: list[tuple[str, bytes]] = [(start, under)]
    count = 0
    while stack:
        path, rel = stack.pop()
        try:
            st = os.lstat(path)
            entries = list(os.scandir(path))
        except OSError as exc:
            if rel == under and under and exc.errno == errno.ENOENT:
                break
            if rel:
                folders[rel] = FolderFacts(rel, 0, 0, _reason(exc))
            continue
        if not stat.S_ISDIR(st.st_mode):
            continue
        if rel:
            folders[rel] = FolderFacts(rel, st.st_dev, st.st_ino)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            child = os.fsencode(name) if not rel else rel + b"/" + os.fsencode(name)
            try:
                est = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            mode = est.st_mode
            if stat.S_ISDIR(mode):
                stack.append((entry.path, child))
                continue
            if stat.S_ISLNK(mode):
                facts = _link_facts(entry.path, child, est, root_list, previous.get(child))
            elif stat.S_ISREG(mode):
                facts = _file_facts(entry.path, child, est, previous.get(child))
            else:
                continue  # FIFOs, sockets, devices are never photos
            if facts is None:
                continue
            old = previous.get(child)
            if old is None or not old.same_stat(facts):
                changed.add(child)
            files[child] = facts
            count += 1
            if progress is not None and count % 2000 == 0:
                progress(count)
    if not _same_folder(root, top):
        # The root vanished or was swapped while it was walked (a drive
        # unplugged mid-scan): what the walk missed is not gone from the
        # library, so the root is offline and keeps its index and copies.
        return RootScan(False, dict(previous), dict(previous_folders or {}), set())
    if under:
        # A partial walk: keep everything outside `under` as it was.
        prefix = under + b"/"
        for rel, facts in previous.items():
            if rel != under and not rel.startswith(prefix):
                files.setdefault(rel, facts)
        for rel, folder in (previous_folders or {}).items():
            if rel != under and not rel.startswith(prefix):
                folders.setdefault(rel, folder)
    if progress is not None:
        progress(count)
    return RootScan(True, files, folders, changed)


def _same_folder(path: str, before: os.stat_result) -> bool:
    try:
        now = os.stat(path)
    except OSError:
        return False
    return stat.S_ISDIR(now.st_mode) and (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino)


def _file_facts(
    path: str, rel: bytes, st: os.stat_result, old: FileFacts | None
) -> FileFacts | None:
    facts = FileFacts(rel, "file", st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino, None)
    if old is not None and old.same_stat(facts) and not _unreadable(old):
        return old
    fmt, problem = _identify(path, rel, st.st_size)
    if fmt is None and problem is None:
        return None
    return replace(facts, fmt=fmt, problem=problem)


def _link_facts(
    path: str, rel: bytes, st: os.stat_result, roots: list[str], old: FileFacts | None
) -> FileFacts | None:
    target = os.path.realpath(path)
    try:
        tst = os.stat(target)
    except OSError:
        if _looks_like_photo(rel):
            return FileFacts(
                rel,
                "link",
                0,
                st.st_mtime_ns,
                st.st_dev,
                st.st_ino,
                None,
                os.fsencode(target),
                "broken link",
            )
        return None
    if not stat.S_ISREG(tst.st_mode):
        return None
    facts = FileFacts(
        rel, "link", tst.st_size, tst.st_mtime_ns, tst.st_dev, tst.st_ino, None, os.fsencode(target)
    )
    if old is not None and old.same_stat(facts) and not _unreadable(old):
        return old
    if not any(_inside(target, r) for r in roots):
        if not _looks_like_photo(rel):
            return None
        return replace(facts, problem="link to a file outside the library; links are not followed")
    fmt, problem = _identify(target, rel, tst.st_size)
    if fmt is None and problem is None:
        return None
    return replace(facts, fmt=fmt, problem=problem)


def _identify(path: str, rel: bytes, size: int) -> tuple[str | None, str | None]:
    """The format of a file from its first bytes, or why it cannot be used.

    Returns (None, None) for files that are simply not photos.
    """
    if size == 0:
        return (None, "empty file") if _looks_like_photo(rel) else (None, None)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            head = os.read(fd, HEAD_SIZE)
        finally:
            os.close(fd)
    except OSError as exc:
        return (None, f"cannot read: {_reason(exc)}") if _looks_like_photo(rel) else (None, None)
    fmt = sniff(head)
    if fmt is None:
        if _looks_like_photo(rel):
            return None, "not a recognisable image (its content does not match its name)"
        return None, None
    if fmt not in SUPPORTED:
        return fmt, f"unsupported format: {fmt}"
    return fmt, None


def _unreadable(facts: FileFacts) -> bool:
    """A file that could not be read is tried again: access may come back
    (chmod changes neither size, mtime nor inode)."""
    return facts.problem is not None and facts.problem.startswith("cannot read")


def _looks_like_photo(rel: bytes) -> bool:
    return os.path.splitext(os.fsdecode(rel))[1].lower() in PHOTO_SUFFIXES


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


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


def facts_for(path: str, rel: bytes, roots: Iterable[str]) -> FileFacts | None:
    """Facts for one file, as a scan would record them (None: not a photo)."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return _link_facts(path, rel, st, [r.rstrip(os.sep) or os.sep for r in roots], None)
    if stat.S_ISREG(st.st_mode):
        return _file_facts(path, rel, st, None)
    return None
