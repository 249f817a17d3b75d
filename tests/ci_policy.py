"""Under `CI=true`, a test that skips fails instead.

CI installs every tool the suite uses (`scripts/install-system-deps --test`),
so a skip there means a missing install step or a test that silently stopped
testing: a skipped test in CI is a test that does not exist. Outside CI a
test may still skip when its tool is missing (say which package brings it),
for someone running pytest on a machine set up by hand.

Loaded by `tests/conftest.py`; a plugin of its own (`-p ci_policy`) so that
its test can run it on a throwaway suite.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest

_REASON = "skipped under CI=true, where every tool the tests use is installed"


def _in_ci() -> bool:
    return os.environ.get("CI") == "true"


def _reason(longrepr: Any) -> str:
    # A skip's longrepr is (path, line, "Skipped: why").
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    # An expected failure is reported as skipped too; it is not a skip.
    if _in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"{_REASON}: {_reason(report.longrepr)}"
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    # A module-level pytest.importorskip or pytest.skip skips at collection.
    report = yield
    if _in_ci() and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"{_REASON}: {_reason(report.longrepr)}"
    return report
