"""A reader that goes away (`pellicle audit | head`) ends a command quietly.

Each command runs with its stdout a pipe whose reading end is already
closed, the state `head` leaves behind once it has its lines. The command
must stop with 141 (128 + SIGPIPE, what a shell shows for any program its
pipe ended) and print nothing on stderr about it: no BrokenPipeError
traceback, no "Exception ignored" from the interpreter's exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pellicle.core.demo import make_library, write_photo

EXIT_PIPE = 141


def run_with_reader_gone(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PELLICLE_HOME=str(home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "pellicle", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # before the program has written a byte
    _, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, b"", err)


def assert_quiet_end(result: subprocess.CompletedProcess[bytes]) -> None:
    err = result.stderr.decode()
    assert result.returncode == EXIT_PIPE, (result.returncode, err)
    for word in ("Traceback", "BrokenPipe", "Exception ignored", "unexpected error"):
        assert word not in err, err


@pytest.fixture
def shared_library(tmp_path: Path) -> Path:
    """A set-up home whose library is synced, so every command has output."""
    home = tmp_path / "home"
    library = tmp_path / "library"
    make_library(library, 6)
    env = dict(os.environ, PELLICLE_HOME=str(home))
    for args in (
        ["init", "--library", str(library), "--export", str(tmp_path / "export")],
        ["share", str(library)],
        ["sync"],
    ):
        subprocess.run([sys.executable, "-m", "pellicle", *args], env=env, check=True,
                       capture_output=True)  # fmt: skip
    return home


@pytest.mark.parametrize(
    "args",
    [
        ["--self-test"],
        ["status"],
        ["status", "--json"],
        ["audit"],
        ["explain", "{library}"],
        ["check"],
        ["sync"],
    ],
)
def test_commands_end_quietly_when_their_reader_is_gone(
    shared_library: Path, tmp_path: Path, args: list[str]
) -> None:
    args = [arg.format(library=tmp_path / "library") for arg in args]
    assert_quiet_end(run_with_reader_gone(shared_library, *args))


def test_watch_json_ends_at_its_first_line(shared_library: Path) -> None:
    # --json writes a "started" object first: the closed pipe shows at once.
    assert_quiet_end(run_with_reader_gone(shared_library, "watch", "--json"))


def test_watch_ends_when_its_first_change_line_has_no_reader(
    shared_library: Path, tmp_path: Path
) -> None:
    # Plain watch writes to stdout only when the export changes; until then
    # it cannot know its reader went away, and keeps watching.
    env = dict(os.environ, PELLICLE_HOME=str(shared_library))
    err_path = tmp_path / "watch.err"
    with open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pellicle", "watch"], env=env, stdout=subprocess.PIPE, stderr=err
        )
    assert proc.stdout is not None
    proc.stdout.close()
    try:
        deadline = time.monotonic() + 60
        while "watching" not in err_path.read_text() and time.monotonic() < deadline:
            assert proc.poll() is None, err_path.read_text()
            time.sleep(0.05)
        assert proc.poll() is None, err_path.read_text()
        write_photo(tmp_path / "library" / "new.jpg")
        returncode = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert_quiet_end(subprocess.CompletedProcess(proc.args, returncode, b"", err_path.read_bytes()))
