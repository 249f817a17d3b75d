"""Tool-dependent tests skip on a developer's machine and fail in CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tool_helpers import require_tool

TESTS = Path(__file__).parent


def test_present_tool_is_found() -> None:
    assert Path(require_tool("sh")).name == "sh"


@pytest.mark.parametrize("ci", ["", "0", "false"])
def test_missing_tool_skips_outside_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        require_tool("pellicle-no-such-tool")


@pytest.mark.parametrize("ci", ["true", "1", "True"])
def test_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="CI must run"):
        require_tool("pellicle-no-such-tool")


def test_no_test_looks_for_a_tool_by_itself() -> None:
    # A `skipif(shutil.which(...))` would skip quietly in CI too: every tool
    # lookup goes through require_tool.
    found = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in TESTS.rglob("*.py")
        # The skip policy's own tests plant skipping tests on purpose.
        if path.name not in ("tool_helpers.py", "test_ci_policy.py", Path(__file__).name)
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"shutil\.which\(|pytest\.skip\(|importorskip\(|mark\.skipif", line)
        and 'which("pellicle"' not in line  # the installed launcher, not a tool
    ]
    assert found == []
