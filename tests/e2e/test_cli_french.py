"""`pellicle` under a French locale: French text, the same JSON and exit codes.

The real command, in subprocesses, on one library with a shared folder, a
private photo and its copy, and a damaged photo. Every command a script
may run gives byte-identical `--json` output and the same exit code under
LANG=C and LANG=fr_FR.UTF-8; errors and usage errors exit 2 in both; and
the text a person reads is French, including the reasons Pellicle stored
in its database in English, with dates and numbers as the French locale
writes them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pellicle.core.demo import make_library, write_photo
from tool_helpers import unavailable

ENGLISH = "C.UTF-8"
FRENCH = "fr_FR.UTF-8"


def pellicle(home: Path, lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME", "LC_NUMERIC")
    }
    env.update(PELLICLE_HOME=str(home), LANG=lang)
    result = subprocess.run(
        [sys.executable, "-m", "pellicle", *args], env=env, capture_output=True, text=True
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("french")
    lib, export, home = tmp / "Images", tmp / "Partagé", tmp / "home"
    make_library(lib, 16, seed=11)
    (lib / "Famille").mkdir(exist_ok=True)
    write_photo(lib / "Famille" / "enfant.jpg", "jpeg", seed=3)
    (lib / "Vacances").mkdir(exist_ok=True)
    shutil.copyfile(lib / "Famille" / "enfant.jpg", lib / "Vacances" / "copie.jpg")
    (lib / "Vacances" / "abîmée.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10junk")
    assert (
        pellicle(home, ENGLISH, "init", "--library", str(lib), "--export", str(export)).returncode
        == 0
    )
    assert (
        pellicle(home, ENGLISH, "share", str(lib / "Vacances"), str(lib / "Holidays")).returncode
        == 0
    )
    assert pellicle(home, ENGLISH, "private", str(lib / "Famille" / "enfant.jpg")).returncode == 0
    first = pellicle(home, ENGLISH, "sync")
    assert first.returncode == 1, first.stdout  # the damaged photo
    return {"lib": lib, "export": export, "home": home}


SCRIPTED = [
    ("status", "--json"),
    ("sync", "--json"),
    ("check", "--json"),
    ("audit", "--json"),
    ("apps", "--json"),
    ("explain", "{lib}/Vacances/copie.jpg"),
    ("share", "{lib}/nowhere.jpg"),
    ("private", "{lib}/../outside.jpg"),
    ("clear",),
    ("sync", "--bogus"),
    ("frobnicate",),
    ("init", "--library", "{lib}", "--export", "{lib}/inside"),
    ("run",),
]


@pytest.mark.parametrize("args", SCRIPTED, ids=" ".join)
def test_json_and_exit_codes_do_not_depend_on_the_language(
    world: dict[str, Path], args: tuple[str, ...]
) -> None:
    argv = [a.format(lib=world["lib"]) for a in args]
    english = pellicle(world["home"], ENGLISH, *argv)
    french = pellicle(world["home"], FRENCH, *argv)
    assert french.returncode == english.returncode
    if "--json" in argv:
        assert french.stdout == english.stdout
        assert french.stdout.strip().startswith(("{", "["))
    if english.returncode == 2:
        # One line, in French, saying what is wrong.
        assert english.stderr.count("\n") == 1 and french.stderr.count("\n") == 1
        assert french.stderr != english.stderr


def test_status_speaks_french(world: dict[str, Path]) -> None:
    text = pellicle(world["home"], FRENCH, "status").stdout
    assert "dossier d’export\u00a0: " in text
    assert "photothèque\u00a0: " in text
    assert "partageables" in text and "privées" in text
    # The damaged photo's reason was stored in English by the first sync.
    assert "problème\u00a0: " in text
    assert re.search(r"abîmée\.jpg\u00a0: (image non reconnue|fichier|JPEG)", text), text
    for english in ("export folder", "shareable", "private", "problem:", "library:"):
        assert english not in text, english


def test_sync_check_and_explain_speak_french(world: dict[str, Path]) -> None:
    sync = pellicle(world["home"], FRENCH, "sync")
    assert sync.returncode == 1
    assert "non exportée\u00a0: " in sync.stdout and "export\u00a0: pas à jour" in sync.stdout
    check = pellicle(world["home"], FRENCH, "check")
    assert re.search(r"fichiers? exportés? vérifiés?", check.stdout), check.stdout
    explain = pellicle(
        world["home"], FRENCH, "explain", str(world["lib"] / "Vacances" / "copie.jpg")
    )
    assert "privée\u00a0: c’est une copie exacte de Famille/enfant.jpg, marquée privée" in (
        explain.stdout
    )
    english = pellicle(
        world["home"], ENGLISH, "explain", str(world["lib"] / "Vacances" / "copie.jpg")
    )
    assert "private: it is an exact copy of Famille/enfant.jpg, which is marked private" in (
        english.stdout
    )


def test_errors_and_help_speak_french(world: dict[str, Path]) -> None:
    missing = pellicle(world["home"], FRENCH, "share", str(world["lib"] / "nowhere.jpg"))
    assert missing.returncode == 2
    assert missing.stderr == f"pellicle: {world['lib'] / 'nowhere.jpg'} n’existe pas\n"
    usage = pellicle(world["home"], FRENCH, "sync", "--bogus")
    assert usage.returncode == 2
    assert "arguments non reconnus\u00a0: --bogus (voir pellicle --help)" in usage.stderr
    helped = pellicle(world["home"], FRENCH, "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("utilisation\u00a0: pellicle")
    assert "marquer des fichiers ou des dossiers partageables" in helped.stdout
    # Command names and options never change.
    for name in ("init", "share", "private", "clear", "status", "sync", "--self-test"):
        assert name in helped.stdout


def test_audit_writes_dates_as_the_french_locale_does(world: dict[str, Path]) -> None:
    if (
        subprocess.run(["locale", "-a"], capture_output=True, text=True)
        .stdout.lower()
        .find("fr_fr.utf8")
        < 0
    ):
        unavailable("the fr_FR.UTF-8 locale is not installed (scripts/install-system-deps --test)")
    french = pellicle(world["home"], FRENCH, "audit").stdout.splitlines()
    english = pellicle(world["home"], ENGLISH, "audit").stdout.splitlines()
    assert french and len(french) == len(english)
    # What happened, then its files indented below it.
    assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \d+ photos? partagées? ", french[0])
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d Shared \d+ photos? ", english[0])
    assert re.match(r"    \d\d/\d\d/\d{4} \d\d:\d\d:\d\d ajout ", french[1]), french[1]
    assert re.match(r"    \d{4}-\d\d-\d\d \d\d:\d\d:\d\d add ", english[1]), english[1]
    assert "partageable (toujours partagée)" in "\n".join(french)


def test_other_languages_read_english(world: dict[str, Path]) -> None:
    german = pellicle(world["home"], "de_DE.UTF-8", "status")
    assert "export folder: " in german.stdout
