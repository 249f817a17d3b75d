"""The grant as the CLI and the GUI use it: which apps can read the library,
restricting them to the export folder, undoing that, and proving it.

Why it exists: one place holds the rules the person relies on. Pellicle
changes an app's permissions only with `flatpak override --user`; before the
first change it keeps the user's override file byte for byte (or notes that
there was none) in its own state folder, and the hash of the file it left
behind in its database. `unrestrict` puts back exactly what was there. An
override changed by hand since is never overwritten silently: Pellicle says
what changed and goes on only when told to (`force`). What an app can see is
proved by reading through the app's own sandbox (`verify`), with whatever
its runtime ships (ls, test, cat, or a shell).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from pellicle.core.errors import UserError
from pellicle.core.grants.exposure import Access, Where, access, exposures, restriction
from pellicle.core.grants.flatpak import App, Flatpak, FlatpakError, valid_app_id
from pellicle.core.grants.permissions import Entry, Mode, merge, read_keyfile
from pellicle.core.grants.proof import Verification, prove
from pellicle.core.paths import Locations
from pellicle.core.store import Store
from pellicle.core.words import join, msg, os_error

# `Verification` is proof's; the CLI and the GUI take it from here with the rest.
__all__ = [
    "NO_FLATPAK",
    "AppView",
    "Grants",
    "Outcome",
    "Report",
    "Verification",
    "describe_change",
]

NO_FLATPAK: Final = (
    msg("core.grants", "Flatpak is not installed (no flatpak command on PATH)")
    if sys.platform.startswith("linux")
    else msg(
        "core.grants",
        "apps cannot be restricted on this system (no Flatpak; see docs/grants.md): "
        "give apps only the export folder",
    )
)

_NOT_AN_ID: Final = msg("core.grants", "{app} is not a Flatpak application id")
_APP_CHANGE: Final = msg("core.grants", "{app}: {change}")


@dataclass(frozen=True)
class AppView:
    """One installed app and what it can reach."""

    app: App
    library: dict[str, Access]  # per protected folder (library roots first)
    export: Access
    restricted: bool
    changed: str | None = None  # what changed by hand since Pellicle restricted it

    @property
    def reads_library(self) -> bool:
        return any(a.readable for a in self.library.values())

    @property
    def through(self) -> list[str]:
        out: list[str] = []
        for acc in self.library.values():
            out.extend(x for x in acc.through if x not in out)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "app_id": self.app.app_id,
            "name": self.app.name,
            "installation": self.app.installation.name,
            "branch": self.app.branch,
            "icon": self.app.icon,
            "reads_library": self.reads_library,
            "through": self.through,
            "library": {
                path: {"readable": a.readable, "writable": a.writable, "through": list(a.through)}
                for path, a in self.library.items()
            },
            "export": {
                "readable": self.export.readable,
                "writable": self.export.writable,
                "through": list(self.export.through),
            },
            "restricted": self.restricted,
            "changed_by_hand": self.changed,
        }


@dataclass(frozen=True)
class Report:
    available: bool
    reason: str
    apps: list[AppView] = field(default_factory=list)

    def reading(self) -> list[AppView]:
        return [a for a in self.apps if a.reads_library]


@dataclass(frozen=True)
class Outcome:
    app_id: str
    action: str  # "restricted" | "unrestricted"
    verifications: list[Verification] = field(default_factory=list)

    @property
    def still_sees_library(self) -> bool:
        return any(v.sees_library for v in self.verifications)


class Grants:
    """The grant for one Pellicle state (its store, library and export)."""

    def __init__(
        self,
        store: Store,
        where: Locations,
        roots: Sequence[str],
        export: str,
        *,
        flatpak: Flatpak | None = None,
        place: Where | None = None,
        find: bool = True,
    ) -> None:
        self.store = store
        self.where = where
        self.roots = [os.path.realpath(r) for r in roots]
        self.export = os.path.realpath(export)
        self.flatpak = flatpak if flatpak is not None or not find else Flatpak.find()
        self.place = place or Where.current(self.flatpak.env if self.flatpak else None)

    @property
    def protected(self) -> list[str]:
        """Folders no restricted app may read: the library roots, and
        Pellicle's own state and cache (names and thumbnails of private
        photos live there)."""
        return [*self.roots, str(self.where.data), str(self.where.cache)]

    def _need_flatpak(self) -> Flatpak:
        if self.flatpak is None:
            raise UserError(NO_FLATPAK)
        return self.flatpak

    # -- reading ------------------------------------------------------------

    def report(self) -> Report:
        if self.flatpak is None:
            return Report(False, NO_FLATPAK)
        records = self._records()
        views = [self._view(app, records) for app in self.flatpak.apps()]
        return Report(True, "", views)

    def _view(self, app: App, records: dict[str, dict[str, Any]]) -> AppView:
        assert self.flatpak is not None
        table = exposures(merge(self.flatpak.layers(app)), self.place)
        library = {p: access(self.place.resolve(p), table) for p in self.protected}
        export = access(self.export, table)
        record = records.get(app.app_id)
        changed = None
        if record is not None:
            changed = self._changed(app.app_id, record)
        return AppView(app, library, export, record is not None, changed)

    def exposed(self) -> list[AppView]:
        """Installed apps that can read the library now (for `status`)."""
        return self.report().reading()

    # -- the records ----------------------------------------------------------

    def _records(self) -> dict[str, dict[str, Any]]:
        rows = self.store.query(
            "SELECT app_id, time, before_sha256, after_sha256, options FROM grants"
        )
        return {str(r["app_id"]): dict(r) for r in rows}

    def restricted_ids(self) -> list[str]:
        return sorted(self._records())

    def _saved(self, app_id: str, which: str) -> Path:
        return self.where.data / "grants" / f"{app_id}.{which}"

    def _changed(self, app_id: str, record: dict[str, Any]) -> str | None:
        """What changed in the override since Pellicle wrote it, or None."""
        assert self.flatpak is not None
        after = record["after_sha256"]
        if after is None:
            return None  # interrupted while restricting: Pellicle's own change
        current = self.flatpak.user_override(app_id)
        if current is not None and _sha(current) == after:
            return None
        if current is None:
            return msg("core.grants", "its override file was deleted")
        try:
            left = self._saved(app_id, "after").read_bytes()
        except OSError:
            return msg("core.grants", "its override file was changed")
        return describe_change(left, current)

    # -- restricting -----------------------------------------------------------

    def _installed(self, app_ids: Sequence[str] | None) -> dict[str, list[App]]:
        flatpak = self._need_flatpak()
        by_id: dict[str, list[App]] = {}
        for app in flatpak.apps():
            by_id.setdefault(app.app_id, []).append(app)
        if app_ids is None:
            return by_id
        for app_id in app_ids:
            if not valid_app_id(app_id):
                raise UserError(_NOT_AN_ID.format(app=repr(app_id)))
            if app_id not in by_id:
                raise UserError(
                    msg(
                        "core.grants", "no installed Flatpak app {app} (see: pellicle apps)"
                    ).format(app=app_id)
                )
        return {a: by_id[a] for a in dict.fromkeys(app_ids)}

    def restrict(
        self,
        app_ids: Sequence[str] | None,
        *,
        force: bool = False,
        verify: bool = True,
    ) -> list[Outcome]:
        """Limit apps to the export folder (read-only). `None`: every
        installed app that can read the library now."""
        flatpak = self._need_flatpak()
        if not self.roots:
            raise UserError(
                msg("core.grants", "Pellicle has no library folder yet; run: pellicle init")
            )
        installed = self._installed(app_ids)
        records = self._records()
        if app_ids is None:
            reading = {v.app.app_id for v in self.report().reading()}
            installed = {a: apps for a, apps in installed.items() if a in reading}
        refused = []
        for app_id in installed:
            record = records.get(app_id)
            if record is not None and not force:
                change = self._changed(app_id, record)
                if change:
                    refused.append(_APP_CHANGE.format(app=app_id, change=change))
        if refused:
            raise UserError(
                msg(
                    "core.grants",
                    "changed by hand since Pellicle restricted it, left as it is: {apps} "
                    "(use --force to restrict it anyway)",
                ).format(apps=join(refused))
            )
        outcomes = []
        for app_id, apps in installed.items():
            entries = self._restriction(flatpak, apps)
            self._apply(flatpak, app_id, entries, records.get(app_id))
            checks = [self.verify_app(app) for app in apps] if verify else []
            outcomes.append(Outcome(app_id, "restricted", checks))
        return outcomes

    def _restriction(self, flatpak: Flatpak, apps: list[App]) -> list[Entry]:
        own = flatpak.user_layer(apps[0].app_id)
        combined: dict[str, Entry] = {}
        for app in apps:
            layers = flatpak.layers(app)
            below = merge(layers[:-1])
            for entry in restriction(
                below, own.table(), self.roots, self.protected[len(self.roots) :],
                self.export, self.place,
            ):  # fmt: skip
                old = combined.get(entry.location)
                # Two installations of one app: a withdrawal wins.
                if old is None or entry.mode == Mode.NONE:
                    combined[entry.location] = entry
        reset = combined.pop("host-reset")
        return [reset, *combined.values()]

    def _apply(
        self,
        flatpak: Flatpak,
        app_id: str,
        entries: list[Entry],
        record: dict[str, Any] | None,
    ) -> None:
        before = flatpak.user_override(app_id)
        options = [e.option() for e in entries]
        if record is None:
            # Keep the person's file first, durably, then note the change
            # as under way: a crash after the override still knows the
            # original.
            saved = self._saved(app_id, "before")
            saved.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if before is not None:
                _write_durably(saved, before)
            else:
                saved.unlink(missing_ok=True)
            with self.store.write() as db:
                db.execute(
                    "INSERT INTO grants(app_id, time, before_sha256, after_sha256, options) "
                    "VALUES(?, ?, ?, NULL, ?)",
                    (app_id, time.time(), None if before is None else _sha(before),
                     json.dumps(options)),
                )  # fmt: skip
        else:
            with self.store.write() as db:
                db.execute(
                    "UPDATE grants SET after_sha256=NULL, options=? WHERE app_id=?",
                    (json.dumps(options), app_id),
                )
        try:
            flatpak.override(app_id, options)
        except FlatpakError:
            # Nothing was written: forget the change, or keep the record
            # pointing at the file as it still is.
            with self.store.write() as db:
                if record is None:
                    db.execute("DELETE FROM grants WHERE app_id=?", (app_id,))
                else:
                    db.execute(
                        "UPDATE grants SET after_sha256=?, options=? WHERE app_id=?",
                        (record["after_sha256"], record["options"], app_id),
                    )
            if record is None:
                self._saved(app_id, "before").unlink(missing_ok=True)
            raise
        after = flatpak.user_override(app_id)
        if after is None:
            raise FlatpakError(
                msg("core.grants", "flatpak override wrote no override file for {app}").format(
                    app=app_id
                )
            )
        _write_durably(self._saved(app_id, "after"), after)
        with self.store.write() as db:
            db.execute(
                "UPDATE grants SET after_sha256=?, time=? WHERE app_id=?",
                (_sha(after), time.time(), app_id),
            )

    # -- undoing -----------------------------------------------------------------

    def unrestrict(self, app_ids: Sequence[str] | None, *, force: bool = False) -> list[Outcome]:
        """Put back exactly the override each app had before Pellicle."""
        flatpak = self._need_flatpak()
        records = self._records()
        if app_ids is None:
            chosen = sorted(records)
        else:
            chosen = list(dict.fromkeys(app_ids))
            for app_id in chosen:
                if not valid_app_id(app_id):
                    raise UserError(_NOT_AN_ID.format(app=repr(app_id)))
                if app_id not in records:
                    raise UserError(
                        msg(
                            "core.grants", "{app} was not restricted by Pellicle; nothing to undo"
                        ).format(app=app_id)
                    )
        refused = []
        for app_id in chosen:
            change = None if force else self._changed(app_id, records[app_id])
            if change:
                refused.append(_APP_CHANGE.format(app=app_id, change=change))
            before_sha = records[app_id]["before_sha256"]
            if before_sha is not None:
                try:
                    saved = self._saved(app_id, "before").read_bytes()
                except OSError as exc:
                    raise UserError(
                        msg(
                            "core.grants",
                            "{app}: Pellicle's copy of the original override is unreadable "
                            "({error}); nothing changed",
                        ).format(app=app_id, error=os_error(exc))
                    ) from None
                if _sha(saved) != before_sha:
                    raise UserError(
                        msg(
                            "core.grants",
                            "{app}: Pellicle's copy of the original override was altered; "
                            "nothing changed",
                        ).format(app=app_id)
                    )
        if refused:
            raise UserError(
                msg(
                    "core.grants",
                    "changed by hand since Pellicle restricted it, left as it is: {apps} "
                    "(use --force to restore the original anyway)",
                ).format(apps=join(refused))
            )
        outcomes = []
        for app_id in chosen:
            self._restore(flatpak, app_id, records[app_id])
            outcomes.append(Outcome(app_id, "unrestricted"))
        return outcomes

    def _restore(self, flatpak: Flatpak, app_id: str, record: dict[str, Any]) -> None:
        path = flatpak.override_path(app_id)
        if record["before_sha256"] is None:
            if flatpak.user_override(app_id) is not None:
                flatpak.reset(app_id)
        else:
            data = self._saved(app_id, "before").read_bytes()
            path.parent.mkdir(parents=True, exist_ok=True)
            # Putting the person's own bytes back: flatpak override cannot
            # reproduce a file byte for byte, so the saved copy is renamed
            # into place (atomically, like Flatpak's own writes).
            _write_durably(path, data, mode=0o644)
        with self.store.write() as db:
            db.execute("DELETE FROM grants WHERE app_id=?", (app_id,))
        for which in ("before", "after"):
            self._saved(app_id, which).unlink(missing_ok=True)

    # -- proof ---------------------------------------------------------------------

    def verify(self, app_ids: Sequence[str] | None = None) -> list[Verification]:
        installed = self._installed(app_ids)
        return [self.verify_app(app) for apps in installed.values() for app in apps]

    def verify_app(self, app: App) -> Verification:
        """Try, inside the app's sandbox, to list each library folder and to
        read one exported file (see `proof`)."""
        return prove(self._need_flatpak(), app, self.roots, self.export)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_durably(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.pellicle-tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        os.write(fd, data)
        os.fchmod(fd, mode)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def describe_change(left: bytes, now: bytes) -> str:
    """What differs between the override Pellicle left and today's, in a
    few words: `[Context] filesystems: added home; removed /x:ro`."""
    a = read_keyfile(left.decode("utf-8", "replace"))
    b = read_keyfile(now.decode("utf-8", "replace"))
    parts = []
    for group in sorted(set(a) | set(b)):
        ga, gb = a.get(group, {}), b.get(group, {})
        for key in sorted(set(ga) | set(gb)):
            va, vb = ga.get(key), gb.get(key)
            if va == vb:
                continue
            la = [x for x in (va or "").split(";") if x]
            lb = [x for x in (vb or "").split(";") if x]
            added = [x for x in lb if x not in la]
            removed = [x for x in la if x not in lb]
            bits: list[str] = []
            if added:
                bits.append(msg("core.grants", "added {items}").format(items=", ".join(added)))
            if removed:
                bits.append(msg("core.grants", "removed {items}").format(items=", ".join(removed)))
            if not bits:
                bits.append(msg("core.grants", "reordered"))
            parts.append(
                msg("core.grants", "[{group}] {key}: {changes}").format(
                    group=group, key=key, changes=join(bits)
                )
            )
    return msg("core.grants", "its override was changed by hand ({changes})").format(
        changes=join(parts, ", ") if parts else msg("core.grants", "formatting")
    )
