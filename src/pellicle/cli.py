"""Pellicle's command line: a thin layer over `pellicle.core.engine`.

Exit codes: 0 success; 1 a check found a problem (or a sync left the export
not matching); 2 bad input or usage, with a one-line reason and nothing
changed; 141 the output's reader went away (`pellicle audit | head`),
silently, as for any program a shell sees ended by SIGPIPE. No traceback
ever reaches a user: anything unexpected is reported as one line too.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from pellicle import __version__, grant_cli
from pellicle.core import warnings_policy
from pellicle.core.errors import UserError

if TYPE_CHECKING:
    from pellicle.core.engine import Engine

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as everywhere else
        self.exit(EXIT_USAGE, f"pellicle: {message} (see pellicle --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pellicle",
        description="Keep your photo library private by default; export scrubbed copies "
        "of the photos you mark shareable to one folder you can grant to apps.",
    )
    parser.add_argument("--version", action="version", version=f"pellicle {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check this installation and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", help="choose the library folders and the export folder")
    init.add_argument("--library", action="append", required=True, metavar="DIR")
    init.add_argument("--export", required=True, metavar="DIR")
    names = init.add_mutually_exclusive_group()
    names.add_argument(
        "--opaque-names",
        action="store_true",
        default=None,
        help="flat export names that reveal neither name nor date",
    )
    names.add_argument("--original-names", dest="opaque_names", action="store_false")
    dates = init.add_mutually_exclusive_group()
    dates.add_argument("--keep-capture-date", action="store_true", default=None)
    dates.add_argument("--drop-capture-date", dest="keep_capture_date", action="store_false")

    for name, text in (
        ("share", "mark files or folders shareable"),
        ("private", "mark files or folders private (returns once their copies are gone)"),
        ("clear", "remove the explicit rule (inherit again)"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("paths", nargs="+", metavar="PATH")

    explain = sub.add_parser("explain", help="the decision for a path and the rule behind it")
    explain.add_argument("path", metavar="PATH")
    for name, text in (
        ("status", "counts, export state, problems"),
        ("sync", "one reconcile; exit 0 when the export matches"),
        ("check", "re-read the export and the policy; 0 clean, 1 not"),
        ("audit", "the ledger: what was shared, when, and whether it still is"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
        if name == "check":
            cmd.add_argument(
                "--decode",
                action="store_true",
                help="also decode every exported file (slower; copies are compared with "
                "their photos either way)",
            )
    watch = sub.add_parser("watch", help="sync, then follow changes until SIGINT/SIGTERM")
    watch.add_argument("--json", action="store_true", help="one JSON object per change")
    _grant_parsers(sub)
    return parser


def _grant_parsers(sub: Any) -> None:
    apps = sub.add_parser("apps", help="sandboxed apps and what of the library each can read")
    apps.add_argument("--json", action="store_true", help="machine-readable output")
    apps.add_argument(
        "--verify",
        nargs="*",
        metavar="APPID",
        help="prove it inside each app's own sandbox (all apps, or those named)",
    )
    for name, text, undo in (
        ("restrict", "limit apps to the export folder (read-only)", False),
        ("unrestrict", "restore exactly what the user had", True),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("app_ids", nargs="*", metavar="APPID")
        cmd.add_argument(
            "--all",
            action="store_true",
            help="every app Pellicle restricted"
            if undo
            else "every installed app that can read the library",
        )
        cmd.add_argument(
            "--force", action="store_true", help="even if its override was changed by hand since"
        )
        cmd.add_argument("--json", action="store_true", help="machine-readable output")
    run = sub.add_parser("run", help="run a program that sees the export, not the library")
    run.add_argument("argv", nargs=argparse.REMAINDER, metavar="-- COMMAND...")


#: The status of a command whose reader went away (`pellicle audit | head`):
#: 128 + SIGPIPE, what the shell reports for a C program killed by it.
EXIT_PIPE = 128 + 13


def main(argv: Sequence[str] | None = None) -> int:
    try:
        status = _run(argv)
        # A reader gone after the last line shows up at this flush.
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has gone: stop quietly, as `cat` does. stdout still
        # holds unflushable bytes that Python would try again at exit and
        # report; pointing it at /dev/null lets the exit be silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_PIPE
    return status


def _run(argv: Sequence[str] | None) -> int:
    # Python warnings (Pillow's about damaged files, above all) go to a log,
    # never between the lines a person reads.
    warnings_policy.install()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from pellicle.selftest import run

        return run()
    if args.command is None:
        return _open_gui()
    try:
        return int(_COMMANDS[args.command](args))
    except UserError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        raise  # not an error of the command: main() ends quietly
    except Exception as exc:  # the last guard: no traceback for a user
        _err(f"unexpected error: {type(exc).__name__}: {exc}")
        if os.environ.get("PELLICLE_DEBUG"):
            raise
        return EXIT_USAGE


def _err(message: str) -> None:
    print(f"pellicle: {message}".replace("\n", " "), file=sys.stderr)


def _engine() -> Engine:
    from pellicle.core.engine import Engine

    return Engine()


def _open_gui() -> int:
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        # Qt would abort with a page of plugin diagnostics; say it in one line.
        _err(
            "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run it in a desktop session, or use a command such as: pellicle status"
        )
        return EXIT_USAGE
    try:
        from pellicle.gui.app import run
    except ImportError as exc:
        _err(f"the desktop app cannot start: {exc}")
        return EXIT_USAGE
    return int(run([]))


def _cmd_init(args: argparse.Namespace) -> int:
    with _engine() as engine:
        engine.init(
            args.library,
            args.export,
            opaque_names=args.opaque_names,
            keep_capture_date=args.keep_capture_date,
        )
        roots = engine.roots()
        print(f"library: {', '.join(r.path for r in roots)}")
        print(f"export folder: {engine.export_dir}")
        print("Everything is private until you mark it shareable (pellicle share PATH).")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    with _engine() as engine:
        method = {"share": engine.share, "private": engine.private, "clear": engine.clear}
        for explanation in method[args.command](args.paths):
            print(f"{explanation.path}: {explanation.sentence()}")
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    with _engine() as engine:
        explanation = engine.explain(args.path)
        print(f"{explanation.path}: {explanation.sentence()}")
        if explanation.exported_as:
            print(f"exported as: {explanation.exported_as}")
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    with _engine() as engine:
        status = engine.status()
        status["apps_reading_library"], status["apps_error"] = grant_cli.reading(engine)
    if args.json:
        print(json.dumps(status, indent=2))
        return EXIT_OK
    print(f"export folder: {status['export_dir']}")
    for root in status["roots"]:
        print(f"library: {root['path']} ({root['state']})")
    print(
        f"photos: {status['photos']} ({status['shareable']} shareable, "
        f"{status['private']} private); exported: {status['exported']}"
    )
    if status["in_sync"]:
        print("export: in sync")
    else:
        print(
            f"export: {status['to_add']} to add, {status['to_update']} to update, "
            f"{status['to_remove']} to remove (run pellicle sync)"
        )
    for problem in status["problems"]:
        print(f"problem: {problem['path']}: {problem['reason']}")
    missing = status["not_exported"]
    if missing:
        print(f"not exported: {len(missing)} shareable photo(s) (pellicle sync lists them)")
    for rel in status["foreign"]:
        print(f"not written by Pellicle (left alone): {rel}")
    if status["apps_error"]:
        print(f"warning: cannot tell which apps can read your library: {status['apps_error']}")
    for app in status["apps_reading_library"]:
        print(
            f"warning: the app {app['name']} ({app['app_id']}) can read your library "
            f"(through: {', '.join(app['through'])}); run: pellicle restrict {app['app_id']}"
        )
    return EXIT_OK


def _cmd_sync(args: argparse.Namespace) -> int:
    with _engine() as engine:
        progress = _Progress() if sys.stderr.isatty() and not args.json else None
        report = engine.sync(progress=progress)
        if progress is not None:
            progress.finish()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(f"added {report.added}, updated {report.updated}, removed {report.removed}")
        for path, reason in report.failed:
            print(f"not exported: {path}: {reason}")
        for rel in report.foreign:
            print(f"not written by Pellicle (left alone): {rel}")
        for root in report.paused:
            print(f"paused (library folder unreachable): {root}")
        print("export: in sync" if report.in_sync else "export: not in sync")
    return EXIT_OK if report.in_sync else EXIT_PROBLEM


def _cmd_check(args: argparse.Namespace) -> int:
    with _engine() as engine:
        progress = _Progress() if sys.stderr.isatty() and not args.json else None
        report = engine.check(progress=progress, decode=args.decode)
        if progress is not None:
            progress.finish()
    if args.json:
        print(
            json.dumps(
                {"clean": report.clean, "checked": report.checked, "problems": report.problems},
                indent=2,
            )
        )
    else:
        for problem in report.problems:
            print(f"problem: {problem}")
        print(
            f"checked {report.checked} exported files: "
            + ("clean" if report.clean else f"{len(report.problems)} problem(s)")
        )
    return EXIT_OK if report.clean else EXIT_PROBLEM


def _cmd_audit(args: argparse.Namespace) -> int:
    with _engine() as engine:
        entries = engine.audit()
    if args.json:
        print(json.dumps(entries, indent=2))
        return EXIT_OK
    for entry in entries:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(entry["time"]))
        still = " (still shared)" if entry["still_shared"] else ""
        print(
            f"{when} {entry['action']:<6} {entry['export_path']} <- {entry['source']}: "
            f"{entry['reason']}{still}"
        )
    return EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    from pellicle.core.watch import run_daemon

    stop = {"flag": False}

    def handler(signum: int, frame: object) -> None:
        stop["flag"] = True

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    with _engine() as engine:
        return int(run_daemon(engine, should_stop=lambda: stop["flag"], json_lines=args.json))


class _Progress:
    """One rewritten line on a terminal's stderr."""

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done != total:
            return
        self.last = now
        text = f"{what}: {done}/{total}" if total else f"{what}: {done}"
        sys.stderr.write(f"\r\x1b[K{text}")
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


_COMMANDS = {
    "init": _cmd_init,
    "share": _rules,
    "private": _rules,
    "clear": _rules,
    "explain": _cmd_explain,
    "status": _cmd_status,
    "sync": _cmd_sync,
    "check": _cmd_check,
    "audit": _cmd_audit,
    "watch": _cmd_watch,
    "apps": grant_cli.cmd_apps,
    "restrict": grant_cli.cmd_restrict,
    "unrestrict": grant_cli.cmd_unrestrict,
    "run": grant_cli.cmd_run,
}
