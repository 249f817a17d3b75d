"""`pellicle --self-test`: prove that this installation can do its job.

An installer is only as good as the proof that what it installed runs. The
things that break in a packaged Pellicle are not in Pellicle's own code but
around it: a Qt platform plugin whose system libraries are missing (the
classic Qt 6 failure is `libxcb-cursor0`), an image codec a bundler left out
(HEIC lives in pillow-heif's private libheif), a file-watching backend that
cannot start, data folders that cannot be written. Each check here exercises
one of them for real and prints one line:

    ok  <check>: detail
    FAIL <check>: reason

The exit status is 0 when every check passed and 1 otherwise. No traceback
ever reaches the user: an unexpected exception becomes that check's FAIL line.

The Qt check runs in a child process because a Qt platform plugin that
cannot start does not raise, it aborts the process (qFatal). The child is
this same program (`sys.executable` is the bundle's executable when frozen)
told by a private environment variable to run only the Qt probe and report
one JSON line.
"""

from __future__ import annotations

import ctypes
import io
import json
import logging
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pellicle import __version__

#: Set in the child process that runs only the Qt probe.
_CHILD_ENV = "_PELLICLE_SELFTEST_QT_PROBE"
#: The platform plugins that put a window on a Linux desktop. Their system
#: libraries are what a package must depend on, so they are load-tested even
#: when there is no display to open a window on.
_LINUX_DESKTOP_PLUGINS = ("xcb", "wayland")
_QT_TIMEOUT = 60.0
_WATCH_TIMEOUT = 5.0


class CheckFailed(Exception):
    """A check's expected failure: the message is the whole reason."""


def run() -> int:
    """Run every check, print one line each; 0 when all passed, else 1."""
    if os.environ.get(_CHILD_ENV):
        return _qt_child(os.environ[_CHILD_ENV])
    checks: list[tuple[str, Callable[[], str]]] = [
        ("python", check_python),
        ("qt", check_qt),
        ("jpeg", lambda: check_image_format("JPEG")),
        ("png", lambda: check_image_format("PNG")),
        ("webp", lambda: check_image_format("WEBP")),
        ("heic", lambda: check_image_format("HEIF")),
        ("sqlite", check_sqlite),
        ("watch", check_watch),
        ("language", check_language),
        ("paths", check_paths),
    ]
    failed = 0
    for name, check in checks:
        ok, detail = _attempt(check)
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {_one_line(detail)}", flush=True)
    return 1 if failed else 0


def _attempt(check: Callable[[], str]) -> tuple[bool, str]:
    try:
        return True, check()
    except CheckFailed as exc:
        return False, str(exc)
    except Exception as exc:  # a self-test reports, it never crashes
        return False, f"{type(exc).__name__}: {exc}"


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "(no detail)"


def frozen_root() -> Path | None:
    """The bundle folder when running from a PyInstaller bundle, else None."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return None


# --- python ---------------------------------------------------------------


def check_python() -> str:
    """Which Pellicle and Python this is, and where it runs from."""
    root = frozen_root()
    where = f"bundle {root}" if root else f"interpreter {sys.executable}"
    return (
        f"pellicle {__version__}, Python {platform.python_version()} "
        f"on {platform.system()} {platform.machine()}, {where}"
    )


# --- qt -------------------------------------------------------------------


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_qt() -> str:
    """Start a QApplication on the platform the GUI would use.

    With QT_QPA_PLATFORM set, that platform. On Linux without a display, the
    offscreen platform (a headless CI machine or an ssh session), after
    checking that the desktop platform plugins can at least be loaded: a
    missing system library is an installation fault whether or not a window
    can be opened right now. Everywhere else, Qt's native platform.
    """
    requested = os.environ.get("QT_QPA_PLATFORM", "")
    if requested:
        result = _run_qt_child(requested)
        if not result.get("ok"):
            raise CheckFailed(f"QT_QPA_PLATFORM={requested} cannot start: {result['error']}")
        return f"platform {result['platform']} (QT_QPA_PLATFORM={requested}); {_qt_facts(result)}"
    if sys.platform.startswith("linux") and not _has_display():
        result = _run_qt_child("offscreen")
        if not result.get("ok"):
            raise CheckFailed(f"even the offscreen platform cannot start: {result['error']}")
        unloadable = _as_dict(result.get("unloadable"))
        # xcb is the plugin every X11 and XWayland session falls back to; a
        # Wayland session without the wayland plugin still gets a window.
        if "xcb" in unloadable:
            raise CheckFailed(f"the xcb platform plugin cannot load: {unloadable['xcb']}")
        loaded = ", ".join(str(name) for name in _as_list(result.get("loadable"))) or "none"
        missing = "".join(
            f"; {name} plugin not loadable ({why}), xcb serves instead"
            for name, why in unloadable.items()
        )
        return (
            f"platform offscreen (no display: DISPLAY and WAYLAND_DISPLAY unset; "
            f"desktop plugins loadable: {loaded}{missing}); {_qt_facts(result)}"
        )
    result = _run_qt_child("")
    if result.get("ok"):
        return f"platform {result['platform']} (native); {_qt_facts(result)}"
    # The window would not open. The offscreen run tells a missing system
    # library (plugins that cannot load) from a missing or broken Qt.
    fallback = _run_qt_child("offscreen")
    unloadable = _as_dict(fallback.get("unloadable"))
    if "xcb" in unloadable:
        raise CheckFailed(f"native platform cannot start: xcb plugin: {unloadable['xcb']}")
    qt_itself = "offscreen works" if fallback.get("ok") else "offscreen fails too"
    raise CheckFailed(f"native platform cannot start: {result['error']} ({qt_itself})")


def _as_dict(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _qt_facts(result: dict[str, object]) -> str:
    return f"Qt {result['qt']}, screen {result['screen']}, window shown"


def _run_qt_child(platform_name: str) -> dict[str, object]:
    """Run the Qt probe in a fresh process; a plugin failure aborts only it."""
    env = dict(os.environ)
    env[_CHILD_ENV] = platform_name or "native"
    if platform_name:
        env["QT_QPA_PLATFORM"] = platform_name
    else:
        env.pop("QT_QPA_PLATFORM", None)
    if frozen_root():
        command = [sys.executable, "--self-test"]
    else:
        command = [sys.executable, "-m", "pellicle", "--self-test"]
    try:
        proc = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=_QT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": f"no answer within {_QT_TIMEOUT:.0f} s"}
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("{"):
            try:
                answer = json.loads(line)
            except ValueError:
                continue
            if isinstance(answer, dict):
                return answer
    return {"ok": False, "error": _qt_failure_reason(proc.returncode, proc.stderr)}


def _qt_failure_reason(returncode: int, stderr: str) -> str:
    """The most telling line of what Qt printed before it aborted."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    # Qt prints its libxcb-cursor0 hint whenever xcb fails, even when the
    # real cause is an unreachable display, so that hint comes last.
    markers = (
        "could not connect",
        "Could not find",
        "cannot open",
        "Cannot load",
        "is needed",
        "Could not load",
    )
    for marker in markers:
        for line in lines:
            if marker in line:
                return line
    how = f"signal {-returncode}" if returncode < 0 else f"exit status {returncode}"
    return f"{lines[-1]} ({how})" if lines else f"process ended with {how}"


def _qt_child(requested: str) -> int:
    """In the child: start Qt, show a window, print one JSON line."""
    answer: dict[str, object] = {"ok": False}
    try:
        from PySide6.QtCore import QLibraryInfo, QTimer, qVersion
        from PySide6.QtWidgets import QApplication, QLabel

        if requested == "offscreen" and sys.platform.startswith("linux"):
            plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
            answer["loadable"], answer["unloadable"] = _load_platform_plugins(plugins)
        app = QApplication([sys.argv[0]])
        label = QLabel("Pellicle self-test")
        label.show()
        shown: list[bool] = []

        def look() -> None:
            handle = label.windowHandle()
            shown.append(label.isVisible() and handle is not None and handle.isExposed())
            # exit(), not quit(): since Qt 6 quit() first closes every window.
            app.exit(0)

        # Let the platform map the window: a plugin that starts but cannot
        # draw fails here rather than in front of the user. The second timer
        # is a backstop for a window manager that never exposes it.
        QTimer.singleShot(100, look)
        QTimer.singleShot(5000, look)
        app.exec()
        screen = app.primaryScreen()
        size = screen.size() if screen is not None else None
        answer.update(
            ok=bool(shown and shown[0]),
            platform=app.platformName(),
            qt=qVersion(),
            screen=f"{size.width()}x{size.height()}" if size is not None else "none",
        )
        if not answer["ok"]:
            answer["error"] = "the test window was not shown on screen"
        label.close()
    except Exception as exc:
        answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(answer), flush=True)
    return 0


def _load_platform_plugins(plugins: Path) -> tuple[list[str], dict[str, str]]:
    """dlopen each bundled desktop platform plugin; name the ones that fail.

    dlopen resolves every library the plugin links, so a missing system
    package shows up as "libxcb-cursor.so.0: cannot open shared object file"
    without needing a display.
    """
    loadable: list[str] = []
    unloadable: dict[str, str] = {}
    for name in _LINUX_DESKTOP_PLUGINS:
        path = plugins / "platforms" / f"libq{name}.so"
        if not path.exists():
            continue
        try:
            ctypes.CDLL(str(path))
        except OSError as exc:
            unloadable[name] = str(exc)
        else:
            loadable.append(name)
    return loadable, unloadable


# --- images ---------------------------------------------------------------


def check_image_format(fmt: str) -> str:
    """Encode a small image in memory, decode it, compare a pixel."""
    from PIL import Image

    from pellicle.core import imaging

    imaging.pillow()  # Pillow as Pellicle configures it
    if fmt == "HEIF":
        imaging.register_heif()
    colour = (200, 40, 90)
    original = Image.new("RGB", (32, 24), colour)
    buffer = io.BytesIO()
    original.save(buffer, format=fmt, quality=90)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        if decoded.size != original.size:
            raise CheckFailed(f"decoded size {decoded.size}, wrote {original.size}")
        pixel = decoded.convert("RGB").getpixel((16, 12))
    assert isinstance(pixel, tuple)
    # Lossy codecs move colours a little; a broken one moves them a lot.
    if max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) > 24:
        raise CheckFailed(f"decoded pixel {pixel}, wrote {colour}")
    return f"encode+decode {len(buffer.getvalue())} bytes, {_codec_version(fmt)}"


def _codec_version(fmt: str) -> str:
    import PIL
    from PIL import features

    if fmt == "HEIF":
        import pillow_heif

        return f"pillow-heif {pillow_heif.__version__}, libheif {pillow_heif.libheif_version()}"
    feature = {"JPEG": "jpg", "PNG": "zlib", "WEBP": "webp"}[fmt]
    return f"Pillow {PIL.__version__}, {feature} {features.version(feature)}"


# --- sqlite ---------------------------------------------------------------


def check_sqlite() -> str:
    """Pellicle's state is one SQLite database in WAL mode."""
    with tempfile.TemporaryDirectory(prefix="pellicle-selftest-") as folder:
        conn = sqlite3.connect(Path(folder) / "t.sqlite3")
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO t VALUES (1)")
            conn.commit()
        finally:
            conn.close()
    if mode != "wal":
        raise CheckFailed(f"journal_mode is {mode}, not wal")
    return f"SQLite {sqlite3.sqlite_version}, WAL journal"


# --- watch ----------------------------------------------------------------


def check_watch() -> str:
    """Start the watchdog observer Pellicle would use and see one event."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    seen = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if Path(os.fsdecode(event.src_path)).name == "probe.txt":
                seen.set()

    with tempfile.TemporaryDirectory(prefix="pellicle-selftest-") as folder:
        observer = Observer()
        kind = type(observer).__name__
        try:
            observer.schedule(Handler(), folder, recursive=True)
            observer.start()
            started = time.monotonic()
            (Path(folder) / "probe.txt").write_bytes(b"x")
            if not seen.wait(_WATCH_TIMEOUT):
                raise CheckFailed(f"{kind} saw no event within {_WATCH_TIMEOUT:.0f} s")
            latency = time.monotonic() - started
        finally:
            # watchdog's inotify emitter logs an error when an event races
            # its own shutdown; that is noise here, not a finding.
            quiet = logging.getLogger("watchdog")
            level = quiet.level
            quiet.setLevel(logging.CRITICAL)
            try:
                observer.stop()
                if observer.is_alive():
                    observer.join(_WATCH_TIMEOUT)
            finally:
                quiet.setLevel(level)
    return f"{kind} saw a new file after {latency * 1000:.0f} ms{_watch_limit()}"


def _watch_limit() -> str:
    """The inotify watch budget: a big library can exhaust a small one."""
    try:
        limit = Path("/proc/sys/fs/inotify/max_user_watches").read_text().strip()
    except OSError:
        return ""
    return f", inotify max_user_watches {limit}"


# --- languages ------------------------------------------------------------


def check_language() -> str:
    """The compiled catalogues are installed and say the same thing: the
    .mo the command line reads, the .qm the app loads, and Qt's own."""
    import gettext

    from PySide6.QtCore import QTranslator

    from pellicle import i18n

    found = []
    for lang in i18n.LANGUAGES:
        mo = i18n.CATALOGUES / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
        qm = i18n.CATALOGUES / f"{i18n.DOMAIN}_{lang}.qm"
        for path in (mo, qm):
            if not path.is_file():
                raise CheckFailed(f"{path} is missing (the build compiles it from resources/i18n)")
        with open(mo, "rb") as handle:
            catalogue = gettext.GNUTranslations(handle)
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise CheckFailed(f"{qm} does not load")
        sample = ("core.policy", "this photo is marked private")
        said = catalogue.pgettext(*sample)
        if said == sample[1] or translator.translate(*sample) != said:
            raise CheckFailed(f"{mo.name} and {qm.name} do not agree on {sample[1]!r}")
        qt = Path(i18n.qt_translations(), f"qtbase_{lang}.qm")
        if not qt.is_file():
            raise CheckFailed(f"Qt's own catalogue {qt} is missing")
        keys = getattr(catalogue, "_catalog", {})
        sentences = len({k if isinstance(k, str) else k[0] for k in keys}) - 1  # minus the header
        found.append(f"{lang} ({sentences} sentences, {qt.name})")
    return "catalogues " + ", ".join(found)


# --- paths ----------------------------------------------------------------


def check_paths() -> str:
    """Configuration, state and cache folders can be written.

    Folders that do not exist yet are not created (a self-test leaves no
    trace); their nearest existing parent must then be writable.
    """
    from pellicle.core.paths import locations

    where = locations()
    source = "PELLICLE_HOME" if os.environ.get("PELLICLE_HOME") else "platformdirs"
    shown = []
    for label, folder in (("config", where.config), ("data", where.data), ("cache", where.cache)):
        existing = folder
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        if not existing.is_dir():
            raise CheckFailed(f"{label} folder {folder}: {existing} is not a folder")
        try:
            with tempfile.NamedTemporaryFile(dir=existing, prefix=".pellicle-selftest-"):
                pass
        except OSError as exc:
            raise CheckFailed(f"{label} folder {folder} is not writable: {exc}") from exc
        state = "" if existing == folder else " (not created yet)"
        shown.append(f"{label} {folder}{state}")
    return f"{source}: " + ", ".join(shown) + ", writable"
