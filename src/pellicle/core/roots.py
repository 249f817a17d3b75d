"""Library roots, and the one answer to "which root holds this path?".

Every layer needs to turn an absolute path into (root, path inside it): the
engine for rules and scans, the watcher for events, the GUI for drops and
undo. It is written once, here, so the answer cannot differ between them
(a path equal to a root, a sibling folder sharing a prefix, a trailing
separator).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Root:
    """One library folder as the store records it."""

    id: int
    path: str
    label: str
    #: "online" or "offline" (the last scan could not read it: a drive away).
    state: str

    @property
    def online(self) -> bool:
        return self.state != "offline"


@dataclass(frozen=True)
class Located:
    """Where a path lies: its root, and its path inside it as stored.

    `rel` is the file system's bytes relative to the root (b"" for the root
    itself), the form rules and the index use.
    """

    root: Root
    rel: bytes


def inside(path: str, folder: str) -> bool:
    """Is `path` strictly inside `folder` (both absolute, normalised)?"""
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def locate(path: str, roots: Iterable[Root]) -> Located | None:
    """The root holding the absolute, normalised `path`, or None.

    The path is taken as given: callers decide whether links are resolved
    first (rules are set on real paths, watcher events are not resolved).
    """
    for root in roots:
        if path == root.path:
            return Located(root, b"")
        if inside(path, root.path):
            return Located(root, os.fsencode(path[len(root.path.rstrip(os.sep)) + 1 :]))
    return None


def root_names(roots: list[Root]) -> dict[int, str]:
    """How each root is named in explanations: its label when there are
    several roots, its full path when there is just one."""
    return {r.id: (r.label if len(roots) > 1 else r.path) for r in roots}
