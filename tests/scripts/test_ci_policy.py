"""Under CI=true a skip is a failure (tests/ci_policy.py), outside it a skip.

Runs pytest on a throwaway suite with the policy as a plugin: a skipif, a
skip inside a test, a module-level importorskip; an expected failure stays
what it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SUITE = {
    "test_a.py": """
import pytest

@pytest.mark.skipif(True, reason="no such-tool here")
def test_marked(): pass

def test_inside(): pytest.skip("tool missing")

@pytest.mark.xfail(reason="known", strict=True)
def test_expected_failure(): assert False

def test_plain(): pass
""",
    "test_b.py": """
import pytest
pytest.importorskip("no_such_module_anywhere")
def test_never(): pass
""",
}


def run_suite(tmp_path: Path, ci: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    for name, text in SUITE.items():
        (tmp_path / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(ROOT / "tests")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "ci_policy", "-p", "no:cacheprovider",
         "-q", "-rA", "--rootdir", str(tmp_path), *args, str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_every_skip_fails_under_ci(tmp_path: Path) -> None:
    result = run_suite(tmp_path, "true", "--continue-on-collection-errors")
    last = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout
    # A skipif acts at setup, so it fails there: an error, like the module.
    assert "1 failed, 1 passed, 1 xfailed, 2 errors" in last, result.stdout
    assert "skipped" not in last
    assert "skipped under CI=true" in result.stdout
    for reason in ("no such-tool here", "tool missing", "no_such_module_anywhere"):
        assert reason in result.stdout, reason


def test_a_module_skip_stops_the_run_under_ci_as_a_collection_error(tmp_path: Path) -> None:
    result = run_suite(tmp_path, "true")
    assert result.returncode == 2, result.stdout
    assert "ERROR test_b.py - skipped under CI=true" in result.stdout


@pytest.mark.parametrize("ci", [None, "false"])
def test_skips_stay_skips_outside_ci(tmp_path: Path, ci: str | None) -> None:
    result = run_suite(tmp_path, ci)
    last = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout
    assert "1 passed, 3 skipped, 1 xfailed" in last, result.stdout
