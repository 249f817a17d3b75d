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
        text = f"can read your library (through: {', '.join(view.through)})"
        if view.restricted:
            text += "; restricted by Pellicle, but its permissions changed since"
    elif view.export.readable:
        text = "sees only the export folder"
        if view.export.writable:
            text += " (and can write to it)"
    else:
        text = "cannot read your library"
    if view.restricted and not view.reads_library:
        text += " (restricted by Pellicle)"
    if view.changed:
        text += f"; {view.changed}"
    return text


def cmd_apps(args: argparse.Namespace) -> int:
    from pellicle.core.grants.flatpak import Flatpak
    from pellicle.core.grants.service import NO_FLATPAK

    if Flatpak.find() is None:  # said before anything else, set up or not
        if args.json:
            print(json.dumps({"flatpak": False, "reason": NO_FLATPAK, "apps": []}, indent=2))
        else:
            print(f"{NO_FLATPAK}: no sandboxed apps to list")
        return EXIT_OK
    with _engine() as engine:
        grants = _grants(engine)
        report = grants.report()
        if not report.available:
            if args.json:
                print(json.dumps({"flatpak": False, "reason": report.reason, "apps": []}, indent=2))
            else:
                print(f"{report.reason}: no sandboxed apps to list")
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
    print(f"library: {', '.join(grants.roots)}")
    print(f"export folder: {grants.export}")
    if not report.apps:
        print("no Flatpak apps installed")
    for view in report.apps:
        print(
            f"{view.app.app_id} ({view.app.name}, {view.app.installation.name}): {sentence(view)}"
        )
        check = by_key.get((view.app.app_id, view.app.installation.name))
        if check is not None:
            print(f"  verified: {check.sentence()}")
            if check.sees_library and not view.reads_library:
                print("  problem: it sees the library although its permissions say it cannot")
    return status


def _targets(args: argparse.Namespace) -> list[str] | None:
    if args.all and args.app_ids:
        raise UserError(f"name apps or use --all, not both (see pellicle {args.command} --help)")
    if not args.all and not args.app_ids:
        raise UserError(f"name the apps to {args.command}, or use --all (see: pellicle apps)")
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
        print("no installed app can read your library; nothing to restrict")
    for outcome in outcomes:
        if not args.json:
            print(f"{outcome.app_id}: restricted to the export folder (read-only)")
            for check in outcome.verifications:
                print(f"  verified ({check.app.installation.name}): {check.sentence()}")
        if outcome.still_sees_library:
            status = EXIT_PROBLEM
            print(f"pellicle: {outcome.app_id} can still see the library", file=sys.stderr)
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
        print("no app is restricted by Pellicle; nothing to undo")
    for outcome in outcomes:
        print(f"{outcome.app_id}: its permissions are back as they were before Pellicle")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from pellicle.core.grants.sandbox import Sandbox

    argv = list(args.argv)
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        raise UserError("no command to run (usage: pellicle run -- COMMAND [ARGS...])")
    with _engine() as engine:
        grants = _grants(engine)
        sandbox = Sandbox.find(grants.protected, grants.export)
    # The database is closed before the program starts: it may run for hours.
    return sandbox.run(argv)
