"""The PEP 517 backend: setuptools, plus PySide6-Essentials when a wheel is built.

Why it exists: a wheel ships compiled catalogues (setup.py runs lrelease,
which comes with PySide6-Essentials), so building one needs PySide6 in the
build environment. An editable install does not compile them and should not
download Qt for nothing, so only `build_wheel` asks for it. The version is
the one pyproject.toml depends on.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the whole backend interface)

_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _pyside() -> list[str]:
    with open(_PYPROJECT, "rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    return [d.split("#")[0].strip() for d in dependencies if d.startswith("PySide6")]


def get_requires_for_build_wheel(config_settings: Any = None) -> list[str]:
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *_pyside()]
