"""Pellicle's command line: a thin layer over `pellicle.core.engine`.

Exit codes: 0 success; 1 a check found a problem (or a sync left the export
not matching); 2 bad input or usage, with a one-line reason and nothing
changed; 141 the output's reader went away (`pellicle audit | head`),
silently, as for any program a shell sees ended by SIGPIPE. No traceback
ever reaches a user: anything unexpected is reported as one line too.

Text output speaks the locale's language (`pellicle.i18n`: LANGUAGE,
LC_ALL, LC_MESSAGES, LANG) and writes numbers and dates as the locale does;
`--json` output, exit codes and command names never change with it.
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

from pellicle import __version__, grant_cli, i18n
from pellicle.core import warnings_policy
from pellicle.core.errors import UserError
from pellicle.core.words import msg
from pellicle.i18n import Words, say

if TYPE_CHECKING:
    from pellicle.core.engine import Engine

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2

#: The command line's own sentences (lupdate reads `cli.tr(...)` with the
#: context "cli"; grant_cli.py shares it).
cli = Words("cli")

# argparse's own words, which it asks gettext for without a context; listed
# here so that lupdate puts them in the catalogue (i18n.use_for_argparse).
_ARGPARSE_WORDS = (
    msg("argparse", "usage: "),
    msg("argparse", "positional arguments"),
    msg("argparse", "options"),
    msg("argparse", "show this help message and exit"),
    msg("argparse", "argument %(argument_name)s: %(message)s"),
    msg("argparse", "unrecognized arguments: %s"),
    msg("argparse", "not allowed with argument %s"),
    msg("argparse", "ignored explicit argument %r"),
    msg("argparse", "the following arguments are required: %s"),
    msg("argparse", "one of the arguments %s is required"),
    msg("argparse", "expected one argument"),
    msg("argparse", "expected at most one argument"),
    msg("argparse", "expected at least one argument"),
    msg("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    msg("argparse", "unexpected option string: %s"),
    msg("argparse", "invalid %(type)s value: %(value)r"),
    msg("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as everywhere else
        self.exit(
            EXIT_USAGE,
            "pellicle: " + cli.tr("{message} (see pellicle --help)").format(message=message) + "\n",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pellicle",
        description=cli.tr(
            "Keep your photo library private by default; export scrubbed copies "
            "of the photos you mark shareable to one folder you can grant to apps."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"pellicle {__version__}",
        help=cli.tr("show the version and exit"),
    )
    parser.add_argument(
        "--self-test", action="store_true", help=cli.tr("check this installation and exit")
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar=cli.tr("COMMAND"))

    init = sub.add_parser("init", help=cli.tr("choose the library folders and the export folder"))
    init.add_argument(
        "--library",
        action="append",
        required=True,
        metavar="DIR",
        help=cli.tr("a library folder (give it again for more)"),
    )
    init.add_argument("--export", required=True, metavar="DIR", help=cli.tr("the export folder"))
    names = init.add_mutually_exclusive_group()
    names.add_argument(
        "--opaque-names",
        action="store_true",
        default=None,
        help=cli.tr("flat export names that reveal neither name nor date"),
    )
    names.add_argument(
        "--original-names",
        dest="opaque_names",
        action="store_false",
        help=cli.tr("export names that mirror the library's folders and names"),
    )
    dates = init.add_mutually_exclusive_group()
    dates.add_argument(
        "--keep-capture-date",
        action="store_true",
        default=None,
        help=cli.tr("keep the capture date in exported copies"),
    )
    dates.add_argument(
        "--drop-capture-date",
        dest="keep_capture_date",
        action="store_false",
        help=cli.tr("remove the capture date too (the default)"),
    )

    for name, text in (
        ("share", cli.tr("mark files or folders shareable")),
        ("private", cli.tr("mark files or folders private (returns once their copies are gone)")),
        ("clear", cli.tr("remove the explicit rule (inherit again)")),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("paths", nargs="+", metavar="PATH")

    explain = sub.add_parser(
        "explain", help=cli.tr("the decision for a path and the rule behind it")
    )
    explain.add_argument("path", metavar="PATH")
    for name, text in (
        ("status", cli.tr("counts, export state, problems")),
        ("sync", cli.tr("one reconcile; exit 0 when the export matches")),
        ("check", cli.tr("re-read the export and the policy; 0 clean, 1 not")),
        ("audit", cli.tr("the ledger: what was shared, when, and whether it still is")),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--json", action="store_true", help=cli.tr("machine-readable output"))
        if name == "check":
            cmd.add_argument(
                "--decode",
                action="store_true",
                help=cli.tr(
                    "also decode every exported file (slower; copies are compared with "
                    "their photos either way)"
                ),
            )
    watch = sub.add_parser("watch", help=cli.tr("sync, then follow changes until SIGINT/SIGTERM"))
    watch.add_argument("--json", action="store_true", help=cli.tr("one JSON object per change"))
    _grant_parsers(sub)
    return parser


def _grant_parsers(sub: Any) -> None:
    apps = sub.add_parser(
        "apps", help=cli.tr("sandboxed apps and what of the library each can read")
    )
    apps.add_argument("--json", action="store_true", help=cli.tr("machine-readable output"))
    apps.add_argument(
        "--verify",
        nargs="*",
        metavar="APPID",
        help=cli.tr("prove it inside each app's own sandbox (all apps, or those named)"),
    )
    for name, text, undo in (
        ("restrict", cli.tr("limit apps to the export folder (read-only)"), False),
        ("unrestrict", cli.tr("restore exactly what the user had"), True),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("app_ids", nargs="*", metavar="APPID")
        cmd.add_argument(
            "--all",
            action="store_true",
            help=cli.tr("every app Pellicle restricted")
            if undo
            else cli.tr("every installed app that can read the library"),
        )
        cmd.add_argument(
            "--force",
            action="store_true",
            help=cli.tr("even if its override was changed by hand since"),
        )
        cmd.add_argument("--json", action="store_true", help=cli.tr("machine-readable output"))
    run = sub.add_parser("run", help=cli.tr("run a program that sees the export, not the library"))
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
    # The locale's language, for text output and argparse's own words.
    i18n.setup()
    i18n.use_for_argparse()
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
        _err(cli.tr("interrupted"))
        return 130
    except BrokenPipeError:
        raise  # not an error of the command: main() ends quietly
    except Exception as exc:  # the last guard: no traceback for a user
        _err(cli.tr("unexpected error: {error}").format(error=f"{type(exc).__name__}: {exc}"))
        if os.environ.get("PELLICLE_DEBUG"):
            raise
        return EXIT_USAGE


def _err(message: str) -> None:
    """One line on stderr; core's sentences in the person's language."""
    print(f"pellicle: {say(message)}".replace("\n", " "), file=sys.stderr)


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
            cli.tr(
                "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "run it in a desktop session, or use a command such as: pellicle status"
            )
        )
        return EXIT_USAGE
    try:
        from pellicle.gui.app import run
    except ImportError as exc:
        _err(cli.tr("the desktop app cannot start: {error}").format(error=str(exc)))
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
        print(cli.tr("library: {folders}").format(folders=", ".join(r.path for r in roots)))
        print(cli.tr("export folder: {path}").format(path=engine.export_dir))
        print(cli.tr("Everything is private until you mark it shareable (pellicle share PATH)."))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    with _engine() as engine:
        method = {"share": engine.share, "private": engine.private, "clear": engine.clear}
        for explanation in method[args.command](args.paths):
            print(f"{explanation.path}: {say(explanation.sentence())}")
    return EXIT_OK


def _cmd_explain(args: argparse.Namespace) -> int:
    with _engine() as engine:
        explanation = engine.explain(args.path)
        print(f"{explanation.path}: {say(explanation.sentence())}")
        if explanation.exported_as:
            print(cli.tr("exported as: {path}").format(path=explanation.exported_as))
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    with _engine() as engine:
        status = engine.status()
        status["apps_reading_library"], status["apps_error"] = grant_cli.reading(engine)
    if args.json:
        print(json.dumps(status, indent=2))
        return EXIT_OK
    n = i18n.number
    print(cli.tr("export folder: {path}").format(path=status["export_dir"]))
    for root in status["roots"]:
        print(
            cli.tr("library: {folder} ({state})").format(
                folder=root["path"], state=_root_state(root["state"])
            )
        )
    print(
        cli.tr("photos: {photos} ({shareable}, {private}); exported: {exported}").format(
            photos=n(status["photos"]),
            shareable=cli.tr("%n shareable", "", status["shareable"]),
            private=cli.tr("%n private", "", status["private"]),
            exported=n(status["exported"]),
        )
    )
    if status["in_sync"]:
        print(cli.tr("export: in sync"))
    else:
        print(
            cli.tr(
                "export: {add} to add, {update} to update, {remove} to remove (run pellicle sync)"
            ).format(
                add=n(status["to_add"]),
                update=n(status["to_update"]),
                remove=n(status["to_remove"]),
            )
        )
    for problem in status["problems"]:
        print(
            cli.tr("problem: {path}: {reason}").format(
                path=problem["path"], reason=say(problem["reason"])
            )
        )
    missing = status["not_exported"]
    if missing:
        print(
            cli.tr(
                "not exported: %n shareable photo(s) (pellicle sync lists them)", "", len(missing)
            )
        )
    for rel in status["foreign"]:
        print(cli.tr("not written by Pellicle (left alone): {path}").format(path=rel))
    if status["apps_error"]:
        print(
            cli.tr("warning: cannot tell which apps can read your library: {error}").format(
                error=say(status["apps_error"])
            )
        )
    for app in status["apps_reading_library"]:
        print(
            cli.tr(
                "warning: the app {name} ({app}) can read your library (through: {through}); "
                "run: pellicle restrict {app}"
            ).format(name=app["name"], app=app["app_id"], through=", ".join(app["through"]))
        )
    return EXIT_OK


def _root_state(state: str) -> str:
    """A library folder's state in `status` (the JSON keeps the English word)."""
    words = {"online": cli.tr("online"), "offline": cli.tr("offline"), "polling": cli.tr("polling")}
    return words.get(state, state)


def _cmd_sync(args: argparse.Namespace) -> int:
    with _engine() as engine:
        progress = _Progress() if sys.stderr.isatty() and not args.json else None
        report = engine.sync(progress=progress)
        if progress is not None:
            progress.finish()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        n = i18n.number
        print(
            cli.tr("added {added}, updated {updated}, removed {removed}").format(
                added=n(report.added), updated=n(report.updated), removed=n(report.removed)
            )
        )
        for path, reason in report.failed:
            print(cli.tr("not exported: {path}: {reason}").format(path=path, reason=say(reason)))
        for rel in report.foreign:
            print(cli.tr("not written by Pellicle (left alone): {path}").format(path=rel))
        for root in report.paused:
            print(cli.tr("paused (library folder unreachable): {folder}").format(folder=root))
        print(cli.tr("export: in sync") if report.in_sync else cli.tr("export: not in sync"))
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
            print(cli.tr("problem: {problem}").format(problem=say(problem)))
        checked = cli.tr("checked %n exported file(s)", "", report.checked)
        if report.clean:
            print(cli.tr("{checked}: clean").format(checked=checked))
        else:
            print(
                cli.tr("{checked}: {problems}").format(
                    checked=checked, problems=cli.tr("%n problem(s)", "", len(report.problems))
                )
            )
    return EXIT_OK if report.clean else EXIT_PROBLEM


def _cmd_audit(args: argparse.Namespace) -> int:
    from pellicle.core import ledger

    with _engine() as engine:
        if args.json:
            # One object per file, as it always was (a stable interface).
            print(json.dumps(engine.audit(), indent=2))
            return EXIT_OK
        events = engine.history().events
    actions = {
        "add": cli.tr("add"),
        "update": cli.tr("update"),
        "remove": cli.tr("remove"),
        "rename": cli.tr("rename"),
    }
    width = max(len(word) for word in actions.values())
    # What happened, oldest first as a log reads, each with its files below.
    for event in reversed(events):
        when, what = i18n.when(event.time), say(event.sentence())
        if event.act in (ledger.WITHDRAWN, ledger.MOVED):
            print(cli.tr("{when} {what}").format(when=when, what=what))
        else:
            if event.still_shared:
                now = cli.tr("%n still shared", "", event.still_shared)
            else:
                now = cli.tr("none still shared")
            print(cli.tr("{when} {what} ({now})").format(when=when, what=what, now=now))
        for photo in event.photos:
            copy = f"{photo.was} -> {photo.export_path}" if photo.was else photo.export_path
            line = cli.tr("{when} {action} {copy} <- {source}: {reason}").format(
                when=i18n.when(photo.time),
                action=actions["rename" if photo.was else photo.action].ljust(width),
                copy=copy,
                source=photo.source,
                reason=say(photo.reason),
            )
            if photo.still_shared:
                line = cli.tr("{line} (still shared)").format(line=line)
            print(f"    {line}")
    return EXIT_OK


def _cmd_watch(args: argparse.Namespace) -> int:
    from pellicle.core.watch import run_daemon

    stop = {"flag": False}

    def handler(signum: int, frame: object) -> None:
        stop["flag"] = True

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)
    with _engine() as engine:
        return int(
            run_daemon(engine, should_stop=lambda: stop["flag"], json_lines=args.json, say=say)
        )


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
        n = i18n.number
        text = (
            cli.tr("{what}: {done}/{total}").format(what=say(what), done=n(done), total=n(total))
            if total
            else cli.tr("{what}: {done}").format(what=say(what), done=n(done))
        )
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
