"""Pellicle's translation catalogues: extract, check, compile.

The sources are `resources/i18n/pellicle_<lang>.ts` (Qt Linguist files,
in git). This module is the one place that knows how they are made and
what is built from them, for every build path: the wheel (setup.py),
the bundle and the .deb (packaging/pellicle.spec), development and tests
(scripts/i18n, tests/conftest.py).

- `update()` runs `pyside6-lupdate` over the package: new sentences are
  added unfinished, vanished ones dropped. `pellicle_en.ts` holds only
  the plural forms English needs ("1 photo", "2 photos").
- `build(out)` compiles every catalogue into `out` (the package's
  `translations` folder): `pellicle_<lang>.qm` with `pyside6-lrelease` for
  the app's QTranslator, and `<lang>/LC_MESSAGES/pellicle.mo` (GNU
  gettext) for the command line and core's sentences, which are read
  without Qt (see pellicle/i18n.py and docs/design-notes.md, "Languages").
- `messages(ts)` reads a catalogue, for the tests that keep it complete.

Run as a script: `python packaging/catalogues.py update|build [OUT]`.
Nothing compiled is committed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "i18n"
PACKAGE = ROOT / "src" / "pellicle"
DOMAIN = "pellicle"
#: The package folder the compiled catalogues go to (see pellicle.i18n).
OUT = PACKAGE / "translations"
#: Languages translated in full; English gets its plural forms only.
LANGUAGES = ("fr",)
#: Core marks its sentences with `msg(context, text)` (pellicle.core.words),
#: which lupdate reads as Qt's `translate(context, text)`.
ALIASES = "translate+=msg"
#: Context of argparse's messages: written without a context in the .mo,
#: as argparse asks gettext with none.
NO_CONTEXT = ("argparse",)
#: Plural rules, as gettext writes them, matching Qt's for each language.
PLURALS = {
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}


class CatalogueError(RuntimeError):
    pass


@dataclass(frozen=True)
class Entry:
    """One message of a .ts file."""

    context: str
    source: str
    comment: str
    numerus: bool
    #: The translation (one per plural form when numerus); "" when empty.
    forms: tuple[str, ...]
    #: The translation's type attribute: "" (finished), "unfinished",
    #: "obsolete" or "vanished".
    state: str


def ts_path(lang: str) -> Path:
    return SOURCES / f"{DOMAIN}_{lang}.ts"


def find_tool(name: str) -> str:
    """`lupdate` / `lrelease`: PySide6-Essentials ships both."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent
        for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    for candidate in (f"pyside6-{name}", name, f"{name}-qt6", f"/usr/lib/qt6/bin/{name}"):
        found = shutil.which(candidate)
        if found:
            return found
    raise CatalogueError(
        f"{name} not found: install PySide6-Essentials (pip) or qt6-l10n-tools (apt)"
    )


def _run(argv: list[str]) -> str:
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CatalogueError(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def sources(package: Path = PACKAGE) -> list[str]:
    """Every Python file of the package, in a stable order."""
    return sorted(str(p) for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def update(target: Path | None = None, lang: str = "fr", package: Path = PACKAGE) -> str:
    """Bring one catalogue up to date with the code (lupdate). Returns
    lupdate's report ("Found N source text(s) (M new ...)")."""
    target = target or ts_path(lang)
    argv = [
        find_tool("lupdate"),
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        lang,
        "-tr-function-alias",
        ALIASES,
        "-extensions",
        "py",
    ]
    if lang == "en":
        argv.append("-pluralonly")
    report = _run([*argv, *sources(package), "-ts", str(target)])
    _drop_stray_comments(target)
    return report


#: lupdate reads every Python `#:` comment as a note for translators and
#: gives it to the next sentence, however far; Pellicle writes `#:` to
#: document attributes. Only notes written for translators are kept.
_EXTRA = re.compile(r"\n\s*<extracomment>(?!Translators:)[^<]*</extracomment>")


def _drop_stray_comments(ts: Path) -> None:
    text = ts.read_text(encoding="utf-8")
    cleaned = _EXTRA.sub("", text)
    if cleaned != text:
        ts.write_text(cleaned, encoding="utf-8")


def messages(path: Path) -> list[Entry]:
    """Every message of a .ts file."""
    root = ET.parse(path).getroot()
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            state = translation.get("type", "") if translation is not None else "unfinished"
            if translation is None:
                forms: tuple[str, ...] = ("",)
            elif numerus:
                forms = tuple(f.text or "" for f in translation.iter("numerusform")) or ("",)
            else:
                forms = (translation.text or "",)
            entries.append(
                Entry(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    numerus,
                    forms,
                    state,
                )
            )
    return entries


def language_of(path: Path) -> str:
    lang = ET.parse(path).getroot().get("language") or path.stem.split("_", 1)[1]
    return lang.split("_")[0]


def write_mo(ts: Path, mo: Path) -> int:
    """A GNU gettext catalogue from a .ts file; returns how many messages.

    Contexts become msgctxt ("context" or "context|comment"); a plural
    message's source is both msgid and msgid_plural, as Qt has one source
    text for all forms. Unfinished and vanished messages are left out, so
    they fall back to English.
    """
    lang = language_of(ts)
    if lang not in PLURALS:
        raise CatalogueError(f"{ts}: no plural rule known for {lang!r}")
    catalogue: dict[str, str] = {
        "": (
            "Project-Id-Version: pellicle\n"
            f"Language: {lang}\n"
            "MIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=UTF-8\n"
            "Content-Transfer-Encoding: 8bit\n"
            f"Plural-Forms: {PLURALS[lang]}\n"
        )
    }
    for entry in messages(ts):
        if entry.state in ("unfinished", "obsolete", "vanished") or not any(entry.forms):
            continue
        context = entry.context if not entry.comment else f"{entry.context}|{entry.comment}"
        key = entry.source
        if entry.context not in NO_CONTEXT or entry.comment:
            key = f"{context}\x04{entry.source}"
        if entry.numerus:
            catalogue[f"{key}\x00{entry.source}"] = "\x00".join(entry.forms)
        else:
            catalogue[key] = entry.forms[0]
    mo.parent.mkdir(parents=True, exist_ok=True)
    tmp = mo.with_name(mo.name + ".tmp")
    tmp.write_bytes(_mo_bytes(catalogue))
    os.replace(tmp, mo)
    return len(catalogue) - 1


def _mo_bytes(catalogue: dict[str, str]) -> bytes:
    """The .mo layout (as GNU msgfmt writes it, without the hash table)."""
    keys = sorted(catalogue)
    ids = [k.encode("utf-8") for k in keys]
    strs = [catalogue[k].encode("utf-8") for k in keys]
    count = len(keys)
    key_table = 7 * 4
    value_table = key_table + count * 8
    data = value_table + count * 8
    offsets: list[int] = []
    blob = b""
    for raw in ids + strs:
        offsets += [len(raw), data + len(blob)]
        blob += raw + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, key_table, value_table, 0, data)
    return header + struct.pack(f"<{4 * count}I", *offsets) + blob


def build(out: Path = OUT, sources_dir: Path = SOURCES) -> list[Path]:
    """Compile every catalogue into `out`; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    lrelease = find_tool("lrelease")
    written = []
    for ts in sorted(sources_dir.glob(f"{DOMAIN}_*.ts")):
        lang = language_of(ts)
        qm = out / f"{DOMAIN}_{lang}.qm"
        _run([lrelease, "-silent", "-nounfinished", str(ts), "-qm", str(qm)])
        mo = out / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        write_mo(ts, mo)
        written += [qm, mo]
    if not written:
        raise CatalogueError(f"no catalogues in {sources_dir}")
    return written


def stale(out: Path = OUT, sources_dir: Path = SOURCES) -> bool:
    """True when a compiled catalogue is missing or older than its source."""
    for ts in sources_dir.glob(f"{DOMAIN}_*.ts"):
        lang = language_of(ts)
        for made in (out / f"{DOMAIN}_{lang}.qm", out / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"):
            if not made.is_file() or made.stat().st_mtime_ns < ts.stat().st_mtime_ns:
                return True
    return False


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "update":
        for lang in (*LANGUAGES, "en"):
            print(f"{ts_path(lang).name}: {update(lang=lang).strip()}")
        return 0
    if len(argv) >= 1 and argv[0] == "build":
        out = Path(argv[1]) if len(argv) > 1 else OUT
        for path in build(out):
            print(path)
        return 0
    print("usage: catalogues.py update | build [OUT]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
