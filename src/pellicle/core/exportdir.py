"""Safe file operations inside the export folder.

The export folder is shared with other programs, so anything in it may be
hostile: a folder swapped for a symlink, a link planted where Pellicle is
about to write. Every operation here walks paths one component at a time
with `O_NOFOLLOW` directory descriptors, never follows a link, and never
overwrites a file it was not told it owns.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import stat
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Final

from pellicle.core.errors import UserError
from pellicle.core.words import msg, os_error

STAGING: Final = ".pellicle-staging"
#: Changes of up to this many files are flushed file by file and folder by
#: folder (fsync); larger ones with one syncfs (DESIGN, promise 5).
FSYNC_AT_MOST: Final = 8
_DIR_FLAGS: Final = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


class ExportBlocked(UserError):
    """Something in the export folder stops a write; str() says what.

    A `UserError`: when it stops a whole sync (the folder deleted, read-only,
    its staging folder replaced by a link), the person gets the one line."""


@dataclass(frozen=True)
class Entry:
    """One thing found in the export folder (never followed if a link)."""

    rel: str
    kind: str  # "file", "dir", "link", "other"
    size: int
    mtime_ns: int
    ino: int


def _syncfs_function() -> object | None:
    # The running interpreter's own symbols include the C library's: no need
    # for ctypes.util.find_library, which runs `ldconfig -p` in a subprocess
    # (about 15 ms of every command's start).
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return getattr(libc, "syncfs", None)
    except (OSError, AttributeError):
        return None


_SYNCFS = _syncfs_function()


class ExportDir:
    """An open export folder. Use as a context manager, or call close()."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.fd = os.open(path, _DIR_FLAGS)
        except OSError as exc:
            raise ExportBlocked(
                msg("core.exportdir", "cannot open the export folder {path}: {error}").format(
                    path=path, error=os_error(exc)
                )
            ) from None

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __enter__(self) -> ExportDir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- walking ------------------------------------------------------------

    def parent(self, rel: str, *, create: bool) -> tuple[int, str]:
        """An fd for the folder holding `rel` (caller closes it) and the name."""
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts):
            raise ExportBlocked(
                msg("core.exportdir", "refusing unsafe export path {path}").format(path=repr(rel))
            )
        fd = os.dup(self.fd)
        try:
            for part in parts[:-1]:
                try:
                    child = os.open(part, _DIR_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    if not create:
                        raise
                    try:
                        os.mkdir(part, 0o755, dir_fd=fd)
                    except FileExistsError:
                        pass
                    child = os.open(part, _DIR_FLAGS, dir_fd=fd)
                except OSError as exc:
                    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise ExportBlocked(
                            msg(
                                "core.exportdir",
                                "{name} in the export folder is not a plain folder "
                                "(a link or a file is in the way of {path})",
                            ).format(name=repr(part), path=repr(rel))
                        ) from None
                    raise
                os.close(fd)
                fd = child
        except BaseException:
            os.close(fd)
            raise
        return fd, parts[-1]

    def lstat(self, rel: str) -> os.stat_result | None:
        try:
            fd, name = self.parent(rel, create=False)
        except (FileNotFoundError, ExportBlocked, NotADirectoryError):
            return None
        try:
            return os.stat(name, dir_fd=fd, follow_symlinks=False)
        except OSError:
            return None
        finally:
            os.close(fd)

    def walk(self) -> Iterator[Entry]:
        """Everything in the export folder except the staging folder itself."""
        stack: list[tuple[int, str]] = [(os.dup(self.fd), "")]
        while stack:
            fd, prefix = stack.pop()
            try:
                names = os.listdir(fd)
                for name in sorted(names):
                    rel = f"{prefix}{name}"
                    if rel == STAGING:
                        continue
                    try:
                        st = os.stat(name, dir_fd=fd, follow_symlinks=False)
                    except OSError:
                        continue
                    kind = kind_of(st.st_mode)
                    if kind == "dir":
                        try:
                            stack.append((os.open(name, _DIR_FLAGS, dir_fd=fd), rel + "/"))
                        except OSError:
                            pass
                    yield Entry(rel, kind, st.st_size, st.st_mtime_ns, st.st_ino)
            finally:
                os.close(fd)

    # -- changing -----------------------------------------------------------

    def remove(self, rel: str) -> bool:
        """Remove a file or link Pellicle wrote; folders are never removed here."""
        try:
            fd, name = self.parent(rel, create=False)
        except (FileNotFoundError, NotADirectoryError):
            return False
        try:
            st = os.stat(name, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISDIR(st.st_mode):
                raise ExportBlocked(
                    msg("core.exportdir", "a folder stands where the copy {path} was").format(
                        path=repr(rel)
                    )
                )
            os.unlink(name, dir_fd=fd)
            return True
        except FileNotFoundError:
            return False
        finally:
            os.close(fd)

    def prune(self, rels: list[str]) -> None:
        """Remove folders left empty by removals, deepest first."""
        folders: set[str] = set()
        for rel in rels:
            parts = rel.split("/")[:-1]
            for i in range(len(parts), 0, -1):
                folders.add("/".join(parts[:i]))
        for folder in sorted(folders, key=lambda f: (-f.count("/"), f)):
            try:
                fd, name = self.parent(folder, create=False)
            except (OSError, ExportBlocked):
                continue
            try:
                os.rmdir(name, dir_fd=fd)
            except OSError:
                pass  # not empty (or foreign): leave it
            finally:
                os.close(fd)

    def staging(self) -> Staging:
        return Staging(self)

    def drop_leftover_staging(self) -> None:
        """Empty and remove a staging folder an interrupted sync left behind.

        A sync that has copies to write does this when it opens the staging
        folder; one with nothing to write must too, or the killed sync's
        half-written files would stay in the export (hidden, but there).
        Anything but a plain folder under that name is left for a writing
        sync to refuse with its reason.
        """
        try:
            st = os.stat(STAGING, dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            return
        if stat.S_ISDIR(st.st_mode):
            Staging(self).close()

    def sync(self, rels: Collection[str] | None = None) -> None:
        """Make the export's changes durable.

        Given the few files that were added, replaced or removed (`rels`, at
        most `FSYNC_AT_MOST`), only the folders that hold them are flushed,
        up to the export folder itself; otherwise, or if a folder cannot be
        opened, one syncfs flushes the whole file system. A watcher's single
        copy then does not wait for whatever else is being written to the
        same disk: with a large copy running on it, syncfs took 0.1-0.3 s
        here and an fsync of a folder 1 ms.
        """
        if rels is None or len(rels) > FSYNC_AT_MOST:
            sync_fd(self.fd)
            return
        folders: set[str] = set()
        for rel in rels:
            parts = rel.split("/")[:-1]
            folders.update("/".join(parts[:i]) for i in range(len(parts) + 1))
        try:
            # Deepest first, the export folder itself last.
            for folder in sorted(folders, key=lambda f: (-f.count("/") - bool(f), f)):
                if folder:
                    try:
                        # parent() of a name inside `folder` opens `folder`
                        # itself, component by component, never via a link.
                        fd, _name = self.parent(f"{folder}/-", create=False)
                    except FileNotFoundError:
                        continue  # pruned: its parent's flush records that
                else:
                    fd = os.dup(self.fd)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except (OSError, ExportBlocked):
            # A folder swapped for a link since the copy was shown, or one
            # that cannot be opened: never followed, so flush everything.
            sync_fd(self.fd)


class Staging:
    """The hidden folder where copies are written before they are shown."""

    def __init__(self, export: ExportDir) -> None:
        self.export = export
        try:
            os.mkdir(STAGING, 0o700, dir_fd=export.fd)
        except FileExistsError:
            pass
        except OSError as exc:
            raise ExportBlocked(
                msg("core.exportdir", "cannot write in the export folder: {error}").format(
                    error=os_error(exc)
                )
            ) from None
        try:
            self.fd = os.open(STAGING, _DIR_FLAGS, dir_fd=export.fd)
        except OSError:
            raise ExportBlocked(
                msg(
                    "core.exportdir", "{name} in the export folder is not a plain folder; remove it"
                ).format(name=STAGING)
            ) from None
        self.clear()

    def clear(self) -> None:
        """Drop leftovers of an interrupted sync: staged files are never shown."""
        for name in os.listdir(self.fd):
            try:
                st = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
                if stat.S_ISDIR(st.st_mode):
                    continue
                os.unlink(name, dir_fd=self.fd)
            except OSError:
                pass

    def create(self) -> tuple[int, str]:
        """A new, empty staged file: (writable fd, name)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        name = f"{secrets.token_hex(8)}.part"
        return os.open(name, flags, 0o644, dir_fd=self.fd), name

    def open_read(self, name: str) -> int:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=self.fd)

    def discard(self, name: str) -> None:
        try:
            os.unlink(name, dir_fd=self.fd)
        except FileNotFoundError:
            pass

    def publish(self, name: str, rel: str, *, replace: bool) -> os.stat_result:
        """Rename a staged file into view at `rel`; returns its final stat.

        A new copy never replaces anything (a hard link fails if the name is
        taken, and is then dropped); an update replaces Pellicle's own file.
        """
        fd, final = self.export.parent(rel, create=True)
        try:
            existing: os.stat_result | None
            try:
                existing = os.stat(final, dir_fd=fd, follow_symlinks=False)
            except FileNotFoundError:
                existing = None
            if existing is not None and stat.S_ISDIR(existing.st_mode):
                raise ExportBlocked(
                    msg("core.exportdir", "a folder is in the way of {path}").format(path=repr(rel))
                )
            if replace and existing is not None:
                os.rename(name, final, src_dir_fd=self.fd, dst_dir_fd=fd)
            else:
                try:
                    os.link(name, final, src_dir_fd=self.fd, dst_dir_fd=fd, follow_symlinks=False)
                except FileExistsError:
                    raise ExportBlocked(
                        msg(
                            "core.exportdir",
                            "a file Pellicle did not write is in the way of {path}",
                        ).format(path=repr(rel))
                    ) from None
                os.unlink(name, dir_fd=self.fd)
            return os.stat(final, dir_fd=fd, follow_symlinks=False)
        finally:
            os.close(fd)

    def sync(self, names: Collection[str] | None = None) -> None:
        """Make staged files durable before they are shown: each of a few
        `names` with its own fsync, more (or None) with one syncfs."""
        if names is None or len(names) > FSYNC_AT_MOST:
            sync_fd(self.fd)
            return
        try:
            for name in names:
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=self.fd)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError:
            sync_fd(self.fd)

    def close(self) -> None:
        """Close, and remove the staging folder when it is empty."""
        if self.fd < 0:
            return
        self.clear()
        os.close(self.fd)
        self.fd = -1
        try:
            os.rmdir(STAGING, dir_fd=self.export.fd)
        except OSError:
            pass


def sync_fd(fd: int) -> None:
    """syncfs(2) when the C library has it: one flush for a batch of files."""
    if _SYNCFS is not None:
        if _SYNCFS(fd) == 0:  # type: ignore[operator]
            return
    os.sync()


def kind_of(mode: int) -> str:
    """ "file", "dir", "link" or "other": what an lstat says an entry is."""
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISLNK(mode):
        return "link"
    return "other"
