"""File-tree helpers shared by tests (imported by name: keep the name unique)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under `root` with its content hash: proof nothing changed."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                out[str(path.relative_to(root))] = "link:" + os.readlink(path)
            else:
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name in dirnames:
            out[str((Path(dirpath) / name).relative_to(root)) + "/"] = "dir"
    return out


def exported_files(export: Path) -> set[str]:
    """Relative paths of the files (and links) in the export folder.

    os.walk, not Path.rglob: a sync running meanwhile removes its staging
    folder, and rglob of Debian's Python 3.11.2 raises FileNotFoundError
    when a folder vanishes under it, where os.walk passes over it.
    """
    found: set[str] = set()
    for folder, dirs, files in os.walk(export):
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in files + links:
            found.add(os.path.relpath(os.path.join(folder, name), export))
    return found
