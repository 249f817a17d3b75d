"""Workers: the engine on its own threads, thumbnails on a pool.

The GUI thread must never read image files, hash or wait on SQLite, and an
Engine's connection belongs to one thread. So each `EngineThread` owns a
QThread with its own Engine and runs submitted jobs there one at a time,
in order (picard's `run_task(fn, next)` shape). Results come back through a
signal connected to a bound slot of a GUI-thread object, so callbacks always
run on the GUI thread. Two of them exist: one for quick rule edits and
queries, one for syncs (a long sync must not hold up a tag).

`ThumbLoader` decodes thumbnails on a QThreadPool through the disk cache and
hands back QImages (made to own their buffer with `.copy()`); QPixmaps are
made on the GUI thread only. Requests are served newest first and old ones
are dropped, so fast scrolling does not queue thousands of stale decodes.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QThread, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPixmap

from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.formats import HEAD_SIZE, classify_tiff, sniff
from pellicle.core.paths import Locations
from pellicle.core.thumbs import ThumbCache, ThumbError, make_thumbnail

Job = Callable[[Engine], object]
Done = Callable[[object], None]
Failed = Callable[[str], None]

#: Every worker thread the GUI started; tests check they all ended.
LIVE_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()
#: Every thread pool the GUI made; tests check they are idle.
LIVE_POOLS: weakref.WeakSet[QThreadPool] = weakref.WeakSet()


class _Worker(QObject):
    """Lives on the worker thread; owns that thread's Engine."""

    finished = Signal(int, object, object)  # job id, result, error text or None
    progress = Signal(str, int, int)

    def __init__(self, where: Locations) -> None:
        super().__init__()
        self._where = where
        self._engine: Engine | None = None
        self._last_progress = 0.0

    @Slot(int, object)
    def run(self, job_id: int, job: object) -> None:
        assert callable(job)
        try:
            if self._engine is None:
                self._engine = Engine(self._where)
            result = job(self._engine)
        except UserError as exc:
            self.finished.emit(job_id, None, str(exc))
            return
        except Exception as exc:  # reported in the window, never a crash
            self.finished.emit(job_id, None, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(job_id, result, None)

    def report(self, what: str, done: int, total: int) -> None:
        """Progress callback for engine.sync: throttled to ~20 updates/s."""
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or (total and done >= total):
            self._last_progress = now
            self.progress.emit(what, done, total)

    @Slot()
    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None
        thread = QThread.currentThread()
        thread.quit()


class EngineThread(QObject):
    """Runs jobs `fn(engine)` in order on one dedicated thread."""

    _submit = Signal(int, object)
    _shutdown = Signal()
    #: (what, done, total) from `progress_fn`, on the GUI thread.
    progress = Signal(str, int, int)
    #: Emitted when no job is queued or running any more.
    idle = Signal()

    def __init__(self, where: Locations, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        LIVE_THREADS.add(self._thread)
        self._worker = _Worker(where)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._shutdown.connect(self._worker.close)
        self._worker.finished.connect(self._on_finished)
        self._worker.progress.connect(self.progress)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next = 0
        self._stopped = False
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @property
    def progress_fn(self) -> Callable[[str, int, int], None]:
        """A progress callback safe to call from inside a job."""
        return self._worker.report

    def submit(self, job: Job, done: Done | None = None, failed: Failed | None = None) -> int:
        if self._stopped:
            return -1
        self._next += 1
        self._callbacks[self._next] = (done, failed)
        self._submit.emit(self._next, job)
        return self._next

    @Slot(int, object, object)
    def _on_finished(self, job_id: int, result: object, error: object) -> None:
        done, failed = self._callbacks.pop(job_id, (None, None))
        try:
            if error is None:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(str(error))
        finally:
            if not self._callbacks:
                self.idle.emit()

    def stop(self) -> None:
        """Finish queued jobs, close the engine, end the thread (blocks)."""
        if self._stopped:
            return
        self._stopped = True
        self._shutdown.emit()
        self._thread.wait()
        self._callbacks.clear()


class _ThumbSignals(QObject):
    result = Signal(str, int, QImage, str)  # path, size, image (null on failure), error


def pil_to_qimage(img: Image.Image) -> QImage:
    """A QImage owning its own copy of a Pillow RGB/RGBA image's pixels."""
    if img.mode == "RGBA":
        fmt, depth = QImage.Format.Format_RGBA8888, 4
    else:
        img = img.convert("RGB") if img.mode != "RGB" else img
        fmt, depth = QImage.Format.Format_RGB888, 3
    data = img.tobytes()
    image = QImage(data, img.width, img.height, img.width * depth, fmt)
    return image.copy()  # detach from `data`, which Python will free


def _pixmap_bytes(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(pixmap.depth(), 8) // 8


class ThumbLoader(QObject):
    """Thumbnails as QPixmaps for the GUI, decoded on a worker pool."""

    #: A thumbnail for this path is ready (or failed): repaint it.
    ready = Signal(str)

    def __init__(
        self,
        cache_dir: Path,
        *,
        threads: int | None = None,
        memory_bytes: int = 48 << 20,
        max_pending: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache = ThumbCache(cache_dir)
        self._pool = QThreadPool()
        ideal = QThreadPool.globalInstance().maxThreadCount()
        self._pool.setMaxThreadCount(threads or max(2, min(4, ideal)))
        LIVE_POOLS.add(self._pool)
        self._signals = _ThumbSignals()
        self._signals.result.connect(self._on_result)
        self._lock = threading.Lock()
        self._pending: deque[tuple[str, int]] = deque()
        self._requested: set[tuple[str, int]] = set()
        self._pixmaps: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._failed: dict[tuple[str, int], str] = {}
        #: Pixel memory the ready pixmaps may hold; least recently painted
        #: go first. 48 MB is ~800 cells at 144 px (40 screens of the grid)
        #: or ~250 at 256 px (HiDPI), and a cell scrolled back to is
        #: re-read from the disk cache in well under a millisecond.
        self._memory_bytes = memory_bytes
        self._held_bytes = 0
        self._max_pending = max_pending
        self._stopped = False
        #: Thumbnails delivered so far (benchmarks and tests read it).
        self.delivered = 0

    def pixmap(self, path: str, size: int) -> QPixmap | None:
        """The thumbnail if it is ready; otherwise ask for it and return None."""
        key = (path, size)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        if key in self._failed or self._stopped:
            return None
        with self._lock:
            if key in self._requested:
                # Already queued: make it the next one served (it is on screen).
                with contextlib.suppress(ValueError):
                    self._pending.remove(key)
                    self._pending.append(key)
                return None
            self._requested.add(key)
            self._pending.append(key)
            while len(self._pending) > self._max_pending:
                # Scrolled past long ago; it will be asked for again if seen.
                self._requested.discard(self._pending.popleft())
        self._pool.start(self._work)
        return None

    def ready_pixmap(self, path: str, sizes: Sequence[int]) -> QPixmap | None:
        """The largest thumbnail of `path` already decoded at one of `sizes`,
        without asking for any (to show while another size is decoded)."""
        for size in reversed(sizes):
            found = self._pixmaps.get((path, size))
            if found is not None:
                return found
        return None

    def failed(self, path: str, size: int) -> str | None:
        return self._failed.get((path, size))

    def forget(self, path: str) -> None:
        """Drop what is known about `path` (it changed on disk)."""
        for key in [k for k in self._pixmaps if k[0] == path]:
            self._held_bytes -= _pixmap_bytes(self._pixmaps.pop(key))
        for key in [k for k in self._failed if k[0] == path]:
            del self._failed[key]

    def _work(self) -> None:
        # Runs on a pool thread: no QPixmap, no widgets; only QImage.
        with self._lock:
            if not self._pending or self._stopped:
                return
            key = self._pending.pop()  # newest first: what is on screen now
        path, size = key
        try:
            image = pil_to_qimage(self.cache.get(path, size))
            error = ""
        except ThumbError as exc:
            image, error = QImage(), str(exc)
        except Exception as exc:
            image, error = QImage(), f"{type(exc).__name__}: {exc}"
        self._signals.result.emit(path, size, image, error)

    @Slot(str, int, QImage, str)
    def _on_result(self, path: str, size: int, image: QImage, error: str) -> None:
        key = (path, size)
        with self._lock:
            self._requested.discard(key)
        if image.isNull():
            self._failed[key] = error or "cannot be shown"
        else:
            pixmap = QPixmap.fromImage(image)
            old = self._pixmaps.pop(key, None)
            if old is not None:
                self._held_bytes -= _pixmap_bytes(old)
            self._pixmaps[key] = pixmap
            self._held_bytes += _pixmap_bytes(pixmap)
            while self._held_bytes > self._memory_bytes and len(self._pixmaps) > 1:
                _, dropped = self._pixmaps.popitem(last=False)
                self._held_bytes -= _pixmap_bytes(dropped)
        self.delivered += 1
        self.ready.emit(path)

    def stop(self) -> None:
        """Drop queued work and wait for running decodes (blocks briefly)."""
        self._stopped = True
        with self._lock:
            self._pending.clear()
            self._requested.clear()
        self._pool.clear()
        self._pool.waitForDone()


def _kind(path: str) -> str:
    """What `path` holds, by its first bytes (on a worker: it reads the file)."""
    try:
        with open(path, "rb") as handle:
            kind = sniff(handle.read(HEAD_SIZE))
            if kind == "tiff":
                kind = classify_tiff(lambda off, n: os.pread(handle.fileno(), n, off))
    except Exception:  # unreadable: the decode that follows says why
        return ""
    return kind or ""


class _DecodeSignals(QObject):
    result = Signal(object, QImage, object, str)  # key, image (null on failure), reason, kind


class ImageDecoder(QObject):
    """Large images (the preview) decoded on a small pool of their own.

    A preview wants one photo at screen size now, not a backlog: `decode`
    queues a decode (served in the order asked), `drop_queued` forgets the
    ones not started yet and says which (a person pressing an arrow key
    faster than photos decode), and the caller ignores results for keys it
    no longer wants. Nothing is cached on disk: a screen-sized copy of every
    photo looked at would crowd out the grid's thumbnails. The thumbnail
    code makes these images too (EXIF orientation applied; a RAW's embedded
    preview; a video's first frame), only larger.
    """

    #: (key, image, reason, kind): the image is null and `reason` a one-line
    #: sentence (a core Message, shown through `i18n.say`) when it cannot
    #: be shown, else ""; `kind` is what the file holds by its content
    #: ("jpeg", "raw", "mp4", ...; "" when unknown), so the caller can say
    #: that a video shows its first frame and a RAW its embedded preview.
    decoded = Signal(object, QImage, object, str)

    def __init__(self, *, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool()
        # Two: in comparison, the original and the exported copy at once.
        self._pool.setMaxThreadCount(threads)
        LIVE_POOLS.add(self._pool)
        self._signals = _DecodeSignals()
        self._signals.result.connect(self._on_result)
        self._lock = threading.Lock()
        self._pending: deque[tuple[object, str, int]] = deque()
        self._stopped = False

    def decode(self, key: object, path: str, size: int) -> None:
        """Decode `path` to fit `size` square; `decoded(key, ...)` follows."""
        if self._stopped:
            return
        with self._lock:
            self._pending.append((key, path, size))
        self._pool.start(self._work)

    def drop_queued(self) -> list[object]:
        """Forget every decode that has not started yet; their keys."""
        with self._lock:
            dropped = [key for key, _, _ in self._pending]
            self._pending.clear()
        return dropped

    def _work(self) -> None:
        # On a pool thread: Pillow and QImage only, never a QPixmap. One
        # runnable per request; a request dropped meanwhile leaves one that
        # finds nothing to do.
        with self._lock:
            if not self._pending or self._stopped:
                return
            key, path, size = self._pending.popleft()
        error: str = ""
        kind = _kind(path)
        try:
            image = pil_to_qimage(make_thumbnail(path, size))
        except ThumbError as exc:
            # The Message itself (not str(exc)), so it can be translated.
            image, error = QImage(), exc.args[0] if exc.args else str(exc)
        except Exception as exc:  # a hostile file may raise anything: a reason, not a crash
            image, error = QImage(), f"{type(exc).__name__}: {exc}"
        self._signals.result.emit(key, image, error, kind)

    @Slot(object, QImage, object, str)
    def _on_result(self, key: object, image: QImage, error: object, kind: str) -> None:
        if not self._stopped:
            self.decoded.emit(key, image, error, kind)

    def stop(self) -> None:
        """Drop queued decodes and wait for running ones (blocks briefly)."""
        self._stopped = True
        self.drop_queued()
        self._pool.clear()
        self._pool.waitForDone()
