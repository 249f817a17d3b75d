"""The library's set-up: its roots, the export folder and the export options.

`pellicle init` and the Settings dialog write here; every other room reads
the roots and options through it. It checks what a person asks for before
anything is written (roots that overlap, an export folder inside a root, an
export folder that is a link or cannot be written), so a refused `init`
changes nothing.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Sequence
from typing import Any

from pellicle.core.errors import NotInitialised, UserError
from pellicle.core.plan import Key
from pellicle.core.roots import Root, inside
from pellicle.core.scrub import ScrubOptions
from pellicle.core.store import Store, decode_rel, display
from pellicle.core.words import msg

#: Bumped when the scrubber's output changes, so existing copies are redone.
SCRUB_REVISION = "2"

NO_LIBRARY = msg(
    "core.library", "Pellicle has no library yet; run: pellicle init --library DIR --export DIR"
)


class Library:
    """Roots, export folder and options, as the store records them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def initialised(self) -> bool:
        return self.store.get_setting("export_dir") is not None

    def roots(self) -> list[Root]:
        return [
            Root(int(r["id"]), os.fsdecode(bytes(r["path"])), str(r["label"]), str(r["state"]))
            for r in self.store.query("SELECT id, path, label, state FROM roots ORDER BY id")
        ]

    @property
    def export_dir(self) -> str:
        value = self.store.get_setting("export_dir")
        if value is None:
            raise NotInitialised(NO_LIBRARY)
        return value

    def settings(self) -> dict[str, Any]:
        return {
            "export_dir": self.store.get_setting("export_dir"),
            "opaque_names": self.store.get_setting("opaque_names", "0") == "1",
            "keep_capture_date": self.store.get_setting("keep_capture_date", "0") == "1",
            "live_photo_videos": self.store.get_setting("live_photo_videos", "0") == "1",
        }

    def secret(self) -> bytes:
        """The per-installation key of opaque export names."""
        return bytes.fromhex(self.store.get_setting("secret", "") or "")

    def scrub_options(self) -> ScrubOptions:
        return ScrubOptions(keep_capture_date=self.settings()["keep_capture_date"])

    def options_tag(self) -> str:
        """What an exported copy was made with: a change redoes the copies."""
        opts = self.scrub_options()
        return f"scrub={SCRUB_REVISION};date={int(opts.keep_capture_date)}"

    def source_name(self, key: Key, roots: list[Root]) -> str:
        """A photo's library path, printable on one line."""
        root = next((r for r in roots if r.id == key[0]), None)
        if root is None:
            return display(key[1])
        return display(os.path.join(root.path, decode_rel(key[1])))

    def checked(self, libraries: Sequence[str], export: str) -> tuple[list[str], str]:
        """The real paths of `init`'s roots and export folder, or a
        UserError saying what is wrong; nothing is written."""
        if not libraries:
            raise UserError(msg("core.library", "give at least one --library folder"))
        roots: list[str] = []
        for lib in libraries:
            path = os.path.realpath(os.path.expanduser(lib))
            if not os.path.isdir(path):
                raise UserError(
                    msg(
                        "core.library", "library folder {path} does not exist or is not a folder"
                    ).format(path=display(lib))
                )
            roots.append(path)
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                if a == b or inside(a, b) or inside(b, a):
                    raise UserError(
                        msg("core.library", "library folders overlap: {first} and {second}").format(
                            first=display(a), second=display(b)
                        )
                    )
        target = os.path.realpath(os.path.expanduser(export))
        current = self.store.get_setting("export_dir")
        for root in roots:
            if current is not None and (
                root == current or inside(root, current) or inside(current, root)
            ):
                raise UserError(
                    msg(
                        "core.library",
                        "{path} holds Pellicle's export folder {export}; "
                        "a library folder must lie apart from it",
                    ).format(path=display(root), export=display(current))
                )
        for root in roots:
            if target == root or inside(target, root):
                raise UserError(
                    msg(
                        "core.library", "the export folder {export} lies inside the library {path}"
                    ).format(export=display(target), path=display(root))
                )
            if inside(root, target):
                raise UserError(
                    msg(
                        "core.library", "the library {path} lies inside the export folder {export}"
                    ).format(path=display(root), export=display(target))
                )
        _check_writable_export(target)
        return roots, target

    def write(
        self,
        db: sqlite3.Connection,
        roots: list[str],
        export: str,
        *,
        opaque_names: bool | None,
        keep_capture_date: bool | None,
    ) -> None:
        """Record roots (new ones labelled uniquely, removed ones deleted
        with their index and rules) and the export folder, in `db`'s
        transaction."""
        existing = {
            os.fsdecode(bytes(r[1])): int(r[0]) for r in db.execute("SELECT id, path FROM roots")
        }
        for path, rid in existing.items():
            if path not in roots:
                db.execute("DELETE FROM roots WHERE id=?", (rid,))
        labels = {str(r[0]) for r in db.execute("SELECT label FROM roots")}
        for path in roots:
            if path in existing:
                continue
            label = _unique_label(os.path.basename(path) or "root", labels)
            labels.add(label)
            db.execute("INSERT INTO roots(path, label) VALUES(?, ?)", (os.fsencode(path), label))
        _set(db, "export_dir", export)
        if db.execute("SELECT 1 FROM settings WHERE key='secret'").fetchone() is None:
            _set(db, "secret", secrets.token_hex(32))
        self.write_options(db, opaque_names=opaque_names, keep_capture_date=keep_capture_date)

    def set_options(
        self,
        *,
        opaque_names: bool | None = None,
        keep_capture_date: bool | None = None,
        live_photo_videos: bool | None = None,
    ) -> None:
        with self.store.write() as db:
            self.write_options(
                db,
                opaque_names=opaque_names,
                keep_capture_date=keep_capture_date,
                live_photo_videos=live_photo_videos,
            )
            if live_photo_videos is not None:
                # It changes decisions (a Live Photo video is shareable or
                # not): other processes re-decide as for a rule change.
                self.store.bump_rules_generation(db)

    @staticmethod
    def write_options(
        db: sqlite3.Connection,
        *,
        opaque_names: bool | None = None,
        keep_capture_date: bool | None = None,
        live_photo_videos: bool | None = None,
    ) -> None:
        for key, value in (
            ("opaque_names", opaque_names),
            ("keep_capture_date", keep_capture_date),
            ("live_photo_videos", live_photo_videos),
        ):
            if value is not None:
                _set(db, key, "1" if value else "0")


def away(root: Root) -> bool:
    """Is a root's drive away: recorded offline, not a folder now, or an
    empty mount point (the scan's test, see `index`)."""
    if root.state == "offline":
        return True
    try:
        with os.scandir(root.path) as entries:
            return next(entries, None) is None
    except OSError:
        return True


def _unique_label(base: str, taken: set[str]) -> str:
    label, n = base, 2
    while label in taken:
        label = f"{base} ({n})"
        n += 1
    return label


def _set(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def _check_writable_export(target: str) -> None:
    probe_dir = target
    while not os.path.exists(probe_dir):
        parent = os.path.dirname(probe_dir)
        if parent == probe_dir:
            break
        probe_dir = parent
    if os.path.exists(target) and not os.path.isdir(target):
        raise UserError(
            msg("core.library", "the export folder {export} is a file, not a folder").format(
                export=display(target)
            )
        )
    if os.path.islink(target):
        raise UserError(
            msg(
                "core.library", "the export folder {export} is a link; give the real folder"
            ).format(export=display(target))
        )
    if not os.access(probe_dir, os.W_OK | os.X_OK):
        raise UserError(
            msg("core.library", "the export folder {export} is not writable").format(
                export=display(target)
            )
        )
