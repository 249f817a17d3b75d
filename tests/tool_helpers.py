"""External programs the tests use as oracles (imported by name: keep the name unique).

A test that needs exiftool, desktop-file-validate or appstreamcli skips on a
developer's machine that lacks it, but fails under CI: CI installs every tool
(`scripts/install-system-deps --test`), so a missing one there means the check
silently stopped running, which must never pass unnoticed.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    """True when the CI environment variable is set the way CI services set it."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """A test cannot run here: skip it, or fail it under CI."""
    if in_ci():
        pytest.fail(f"{reason}, and CI must run every test")
    pytest.skip(reason)


def require_tool(name: str) -> str:
    """The path of program `name`; skip the test without it, or fail it under CI."""
    path = shutil.which(name)
    if path is not None:
        return path
    if in_ci():
        pytest.fail(f"{name} is not installed, and CI must run every tool-dependent test")
    pytest.skip(f"{name} is not installed (scripts/install-system-deps --test installs it)")
