"""Arguments given to the scripts mean what they mean in the caller's folder.

`cd ~ && pellicle/scripts/run share Pictures/Holidays` must mark the
caller's ~/Pictures/Holidays, although the script installs from the
repository; `scripts/test` moves to the repository too, and takes the test
paths it passes to pytest with it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pellicle.core.demo import write_photo

ROOT = Path(__file__).resolve().parents[2]


def test_run_passes_relative_paths_from_the_callers_folder(tmp_path: Path) -> None:
    (tmp_path / "pellicle").symlink_to(ROOT)  # the clone, as ~/pellicle
    (tmp_path / "Pictures" / "Holidays").mkdir(parents=True)
    write_photo(tmp_path / "Pictures" / "Holidays" / "beach.jpg")
    write_photo(tmp_path / "Pictures" / "kids.jpg")
    env = dict(os.environ, PELLICLE_HOME=str(tmp_path / "state"))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(["pellicle/scripts/run", *args], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result

    run("init", "--library", "Pictures", "--export", "Shared")
    run("share", "Pictures/Holidays")
    explained = run("explain", "Pictures/Holidays/beach.jpg").stdout
    assert "shareable" in explained, explained
    assert "private" in run("explain", "Pictures/kids.jpg").stdout
    run("sync")
    assert len(list((tmp_path / "Shared").rglob("*.jpg"))) == 1
    assert not (ROOT / "Pictures").exists() and not (ROOT / "Shared").exists()


def test_test_script_makes_existing_paths_absolute(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("")
    script = (
        f'source "{ROOT}/scripts/_args.sh"; cd "{tmp_path}"; '
        'absolute_args tests/test_x.py::test_a tests -k tests --packaging no/such/file ""; '
        'printf "%s\\n" "${ABSOLUTE_ARGS[@]}"'
    )
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:-1] == [
        f"{tmp_path}/tests/test_x.py::test_a",
        f"{tmp_path}/tests",
        "-k",
        "tests",  # -k's expression, though a folder has that name
        "--packaging",
        "no/such/file",
        "",
    ]
