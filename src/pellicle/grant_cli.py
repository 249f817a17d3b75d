"""The grant's commands: `apps`, `restrict`, `unrestrict`, `run`, and the
warning `status` gives while an app can read the library.

Why it exists: cli.py stays a table of commands; what these print and
which exit codes they return lives here, over `pellicle.core.grants`.
Exit codes as everywhere: 0 done; 1 a check found a problem (an app still
sees the library after `restrict`, or `apps --verify` found an app seeing
more than Pellicle's model says, or a restricted app seeing the library);
2 bad input with one line and nothing changed (unknown app, no Flatpak for
`restrict`, no bubblewrap for `run`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pellicle.core.errors import UserError
from pellicle.core.grants.service import AppView, Grants, Verification
from pellicle.i18n import Words, say

#: The same context as cli.py's sentences.
cli = Words("cli")

EXIT_OK = 0
EXIT_PROBLEM = 1


def _grants(engine: Any) -> Grants:
    return Grants(
        engine.store, engine.locations, [r.path for r in engine.roots()], engine.export_dir
    )


def _engine() -> Any:
    from pellicle.core.engine import Engine

    return Engine()


def reading(engine: Any) -> tuple[list[dict[str, Any]], str | None]:
    """Installed apps that can read the library, for `status` (one entry
    per app id), and why they could not be listed, if they could not."""
    try:
        views = _grants(engine).exposed()
    except UserError as exc:
        return [], str(exc)
    out: dict[str, dict[str, Any]] = {}
    for view in views:
        entry = out.setdefault(
            view.app.app_id,
            {
                "app_id": view.app.app_id,
                "name": view.app.name,
                "installations": [],
                "through": [],
                "restricted": view.restricted,
            },
        )
        entry["installations"].append(view.app.installation.name)
        entry["through"].extend(x for x in view.through if x not in entry["through"])
    return list(out.values()), None


def sentence(view: AppView) -> str:
    """What the app can reach, in the words the Apps view uses."""
    if view.reads_library:
        text = cli.tr("can read your library (through: {through})").format(
            through=", ".join(view.through)
        )
        if view.restricted:
            text = cli.tr(
                "{text}; restricted by Pellicle, but its permissions changed since"
            ).format(text=text)
    elif view.export.readable and view.export.writable:
        text = cli.tr("sees only the export folder (and can write to it)")
    elif view.export.readable:
        text = cli.tr("sees only the export folder")
    else:
        text = cli.tr("cannot read your library")
    if view.restricted and not view.reads_library:
        text = cli.tr("{text} (restricted by Pellicle)").format(text=text)
    if view.changed:
        text = cli.tr("{text}; {change}").format(text=text, change=say(view.changed))
    return text


def cmd_apps(args: argparse.Namespace) -> int:
    from pellicle.core.grants.flatpak import Flatpak
    from pellicle.core.grants.service import NO_FLATPAK

    if Flatpak.find() is None:  # said before anything else, set up or not
        if args.json:
            print(json.dumps({"flatpak": False, "reason": NO_FLATPAK, "apps": []}, indent=2))
        else:
            print(cli.tr("{reason}: no sandboxed apps to list").format(reason=say(NO_FLATPAK)))
        return EXIT_OK
    with _engine() as engine:
        grants = _grants(engine)
        report = grants.report()
        if not report.available:
            if args.json:
                print(json.dumps({"flatpak": False, "reason": report.reason, "apps": []}, indent=2))
            else:
                print(
                    cli.tr("{reason}: no sandboxed apps to list").format(reason=say(report.reason))
                )
            return EXIT_OK
        checks: list[Verification] = []
        if args.verify is not None:
            checks = grants.verify(args.verify or None)
    by_key = {(c.app.app_id, c.app.installation.name): c for c in checks}
    status = EXIT_OK
    for view in report.apps:
        check = by_key.get((view.app.app_id, view.app.installation.name))
        if check is not None and check.sees_library and (view.restricted or not view.reads_library):
            status = EXIT_PROBLEM
    if args.json:
        apps: list[dict[str, Any]] = []
        for view in report.apps:
            item = view.as_dict()
            check = by_key.get((view.app.app_id, view.app.installation.name))
            if check is not None:
                item["verified"] = check.as_dict()
            apps.append(item)
        out = {"flatpak": True, "library": grants.roots, "export": grants.export, "apps": apps}
        print(json.dumps(out, indent=2))
        return status
    print(cli.tr("library: {folders}").format(folders=", ".join(grants.roots)))
    print(cli.tr("export folder: {path}").format(path=grants.export))
    if not report.apps:
        print(cli.tr("no Flatpak apps installed"))
    for view in report.apps:
        print(
            f"{view.app.app_id} ({view.app.name}, {view.app.installation.name}): {sentence(view)}"
        )
        check = by_key.get((view.app.app_id, view.app.installation.name))
        if check is not None:
            print("  " + cli.tr("verified: {result}").format(result=say(check.sentence())))
            if check.sees_library and not view.reads_library:
                print(
                    "  "
                    + cli.tr("problem: it sees the library although its permissions say it cannot")
                )
    return status


def _targets(args: argparse.Namespace) -> list[str] | None:
    if args.all and args.app_ids:
        raise UserError(
            cli.tr("name apps or use --all, not both (see pellicle {command} --help)").format(
                command=args.command
            )
        )
    if not args.all and not args.app_ids:
        if args.command == "restrict":
            raise UserError(cli.tr("name the apps to restrict, or use --all (see: pellicle apps)"))
        raise UserError(cli.tr("name the apps to unrestrict, or use --all (see: pellicle apps)"))
    return None if args.all else list(args.app_ids)


def cmd_restrict(args: argparse.Namespace) -> int:
    targets = _targets(args)
    with _engine() as engine:
        grants = _grants(engine)
        outcomes = grants.restrict(targets, force=args.force)
    status = EXIT_OK
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "app_id": o.app_id,
                        "action": o.action,
                        "verified": [v.as_dict() for v in o.verifications],
                        "still_sees_library": o.still_sees_library,
                    }
                    for o in outcomes
                ],
                indent=2,
            )
        )
    if targets is None and not outcomes and not args.json:
        print(cli.tr("no installed app can read your library; nothing to restrict"))
    for outcome in outcomes:
        if not args.json:
            print(
                cli.tr("{app}: restricted to the export folder (read-only)").format(
                    app=outcome.app_id
                )
            )
            for check in outcome.verifications:
                print(
                    "  "
                    + cli.tr("verified ({installation}): {result}").format(
                        installation=check.app.installation.name, result=say(check.sentence())
                    )
                )
        if outcome.still_sees_library:
            status = EXIT_PROBLEM
            print(
                "pellicle: " + cli.tr("{app} can still see the library").format(app=outcome.app_id),
                file=sys.stderr,
            )
    return status


def cmd_unrestrict(args: argparse.Namespace) -> int:
    targets = _targets(args)
    with _engine() as engine:
        grants = _grants(engine)
        outcomes = grants.unrestrict(targets, force=args.force)
    if args.json:
        print(json.dumps([{"app_id": o.app_id, "action": o.action} for o in outcomes], indent=2))
        return EXIT_OK
    if not outcomes:
        print(cli.tr("no app is restricted by Pellicle; nothing to undo"))
    for outcome in outcomes:
        print(
            cli.tr("{app}: its permissions are back as they were before Pellicle").format(
                app=outcome.app_id
            )
        )
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from pellicle.core.grants.sandbox import NO_COMMAND, Sandbox

    argv = list(args.argv)
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        raise UserError(NO_COMMAND)
    with _engine() as engine:
        grants = _grants(engine)
        sandbox = Sandbox.find(grants.protected, grants.export)
    # The database is closed before the program starts: it may run for hours.
    return sandbox.run(argv)
