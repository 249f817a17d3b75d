"""Speaking the person's language: the catalogue, core's sentences, numbers.

Why it exists: Pellicle has one translation catalogue per language,
`resources/i18n/pellicle_<lang>.ts`, kept with `pyside6-lupdate` and
compiled at build time into two forms (packaging/catalogues.py): a Qt
`.qm` that the app installs with QTranslator (its widgets use `self.tr()`),
and a GNU gettext `.mo` read here, without Qt, by the command line and for
core's sentences everywhere. Both are made from the same file, so a
sentence is translated once; the command line starts without loading Qt
(about 0.2 s); see docs/design-notes.md, "Languages".

- `setup()` picks the language: from the environment as every Unix
  command does (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or the one the app
  chose; English otherwise.
- `say(text)` shows one of core's sentences (`core.words.Message`) in that
  language. Text that lost its Message on the way (a reason stored in the
  database, an exception's text) is recognised by its English template.
- `Words(context).tr(text)` is the command line's own sentences, with
  plural forms (`tr(text, "", n)`, `%n` in the text), like Qt's `tr`.
- `number(n)` and `when(seconds)` write counts and times as the locale
  does; the app hands in QLocale's, the command line reads the C library's.

Nothing here changes JSON output: `--json` prints core's English values.
"""

from __future__ import annotations

import copy
import gettext
import locale
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final

from pellicle.core.words import Message

DOMAIN: Final = "pellicle"
#: Where the compiled catalogues are: <lang>/LC_MESSAGES/pellicle.mo and
#: pellicle_<lang>.qm (made by packaging/catalogues.py; not in git).
CATALOGUES: Final = Path(__file__).resolve().parent / "translations"
#: Languages Pellicle speaks besides English (its source language).
LANGUAGES: Final = ("fr",)
#: Context of argparse's own messages in the catalogue (they carry none).
ARGPARSE: Final = "argparse"
#: Contexts of core's sentences start with this.
CORE_PREFIX: Final = "core."


class _Null(gettext.NullTranslations):
    pass


@dataclass
class _State:
    language: str = "en"
    translations: gettext.NullTranslations = field(default_factory=_Null)
    number: Callable[[int], str] = str
    when: Callable[[float], str] = lambda t: time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t))


_state = _State()
_lock = threading.Lock()


def setup(
    languages: Sequence[str] | None = None,
    *,
    number: Callable[[int], str] | None = None,
    when: Callable[[float], str] | None = None,
) -> str:
    """Choose the language (None: from the environment) and how numbers and
    times are written (None: as the C library's locale says). Returns the
    language spoken ("fr", or "en" for everything Pellicle cannot speak)."""
    wanted = list(languages) if languages is not None else _from_environment()
    chosen = "en"
    for lang in wanted:
        base = lang.replace("-", "_").split(".")[0].split("@")[0]
        short = base.split("_")[0]
        if short in ("C", "POSIX", "en"):
            break
        if short in LANGUAGES and _mo(short) is not None:
            chosen = short
            break
    translations: gettext.NullTranslations = _Null()
    if chosen != "en":
        found = _load(chosen)
        if found is not None:
            translations = found
    english = _load("en")
    if english is not None and english is not translations:
        translations.add_fallback(english)
    if number is None or when is None:
        local_number, local_when = _c_library_formats()
        number = number or local_number
        when = when or local_when
    with _lock:
        _state.language = chosen
        _state.translations = translations
        _state.number = number
        _state.when = when
    _recall_index.cache_clear()
    return chosen


def use_for_argparse() -> None:
    """argparse's own words ("usage:", "options") from Pellicle's catalogue.

    argparse asks the process-wide gettext domain; the command line is
    the program, so it may set it."""
    gettext.bindtextdomain(DOMAIN, str(CATALOGUES))
    gettext.textdomain(DOMAIN)


def language() -> str:
    return _state.language


def qt_translations() -> str:
    """Where Qt's own catalogues are (qtbase_fr.qm: standard buttons and
    dialogs): Qt's translations folder, or the one inside the PySide6
    package. For the app and the self-test; imports Qt when called."""
    from PySide6.QtCore import QLibraryInfo

    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if path and Path(path, "qtbase_fr.qm").is_file():
        return path
    import PySide6

    return str(Path(PySide6.__file__).parent / "Qt" / "translations")


def _from_environment() -> list[str]:
    # The order and rules of GNU gettext (and of Python's gettext.find).
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value.split(":") if variable == "LANGUAGE" else [value]
    return ["C"]


def _mo(lang: str) -> Path | None:
    path = CATALOGUES / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    return path if path.is_file() else None


@cache
def _load_cached(path: str, mtime_ns: int) -> gettext.GNUTranslations:
    with open(path, "rb") as handle:
        return gettext.GNUTranslations(handle)


def _load(lang: str) -> gettext.GNUTranslations | None:
    path = _mo(lang)
    if path is None:
        return None
    try:
        loaded = _load_cached(str(path), path.stat().st_mtime_ns)
    except (OSError, ValueError):  # unreadable or damaged: speak English
        return None
    # A private copy, as gettext.translation makes: add_fallback must not
    # chain the cached object.
    return copy.copy(loaded)


# -- numbers and times -----------------------------------------------------


def number(value: int) -> str:
    """A count as the locale writes it ("12 345" in French)."""
    return _state.number(value)


def when(seconds: float) -> str:
    """A moment (seconds since the epoch) as the locale writes date and time."""
    return _state.when(seconds)


def _c_library_formats() -> tuple[Callable[[int], str], Callable[[float], str]]:
    """Separators and date formats of the C library's locale.

    Read once with setlocale and put back at once: a process-wide
    LC_NUMERIC would change how C extensions read numbers. Without that
    locale installed, numbers stay plain and dates ISO."""
    separator = ""
    date_format, time_format = "%Y-%m-%d", "%H:%M:%S"
    with _lock:
        try:
            old_numeric = locale.setlocale(locale.LC_NUMERIC)
            old_time = locale.setlocale(locale.LC_TIME)
        except locale.Error:
            old_numeric = old_time = "C"
        try:
            locale.setlocale(locale.LC_NUMERIC, "")
            separator = str(locale.localeconv().get("thousands_sep") or "")
            locale.setlocale(locale.LC_TIME, "")
            if locale.setlocale(locale.LC_TIME) not in ("C", "POSIX", "C.UTF-8", "C.utf8"):
                date_format = locale.nl_langinfo(locale.D_FMT) or date_format
                time_format = locale.nl_langinfo(locale.T_FMT) or time_format
        except (locale.Error, AttributeError, ValueError):
            pass
        finally:
            for category, old in ((locale.LC_NUMERIC, old_numeric), (locale.LC_TIME, old_time)):
                try:
                    locale.setlocale(category, old)
                except locale.Error:
                    locale.setlocale(category, "C")

    def grouped(value: int) -> str:
        text = f"{value:,}"
        return text.replace(",", separator) if separator else text.replace(",", "")

    # %x/%X resolved to their numeric patterns: strftime then needs no locale.
    pattern = f"{date_format} {time_format}"

    def local_time(seconds: float) -> str:
        return time.strftime(pattern, time.localtime(seconds))

    return grouped, local_time


# -- the command line's sentences ----------------------------------------------


class Words:
    """One part's sentences, translated now: `Words("cli").tr("...")`.

    lupdate reads `name.tr("text")` with the context `name`: the object
    must be named like its context (tests/test_i18n.py checks it).
    """

    def __init__(self, context: str) -> None:
        self.context = context

    def tr(self, text: str, disambiguation: str | None = None, n: int | None = None) -> str:
        return translate(self.context, text, disambiguation, n)


def translate(
    context: str, text: str, disambiguation: str | None = None, n: int | None = None
) -> str:
    """The catalogue's translation of `text` (itself when there is none);
    `%n` becomes `n` written as the locale does."""
    key = f"{context}|{disambiguation}" if disambiguation else context
    translations = _state.translations
    if n is None:
        return translations.pgettext(key, text) if key else translations.gettext(text)
    found = translations.npgettext(key, text, text, n)
    return found.replace("%Ln", number(n)).replace("%n", number(n))


# -- core's sentences ------------------------------------------------------------


class _Number:
    """A number argument: the locale's digits unless the template formats it
    otherwise (`{count:,}`, grouped in English, is grouped as the locale does)."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        return number(self.value) if spec in ("", ",") else format(self.value, spec)


def say(text: str, *, recall: bool = True) -> str:
    """`text` in the chosen language: a core Message translated, arguments
    included; plain text recognised by its English template (unless
    `recall` is False: text that came from a file, never from Pellicle),
    or as it is."""
    if isinstance(text, Message):
        return _say(text)
    if not recall or _state.language == "en" or not text:
        return text
    return _recall(text)


def _say(message: Message) -> str:
    args = {key: _argument(value) for key, value in message.args.items()}
    template = message.template
    if message.context and _state.language != "en":
        template = translate(message.context, template)
    try:
        return template.format_map(args)
    except (KeyError, IndexError, ValueError):
        # A broken translation shows the English sentence, never a traceback.
        return message.template.format_map(args)


def _argument(value: object) -> object:
    if isinstance(value, Message):
        return _say(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return value
    return _Number(value)


_FIELD: Final = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


@lru_cache(maxsize=1)
def _recall_index() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, context, template) for every core sentence, most specific first."""
    catalogue = _catalogue_of(_state.translations)
    entries = []
    for key in catalogue:
        if not isinstance(key, str) or "\x04" not in key:
            continue
        context, template = key.split("\x04", 1)
        if not context.startswith(CORE_PREFIX) or "|" in context:
            continue
        entries.append((_pattern(template), context, template))
    # Longer fixed text first: "x does not exist and has no rule to clear"
    # before "x does not exist"; a photo's sentence before a folder's.
    entries.sort(key=lambda e: (-len(_FIELD.sub("", e[2])), e[1] == "core.folder"))
    return tuple(entries)


def _catalogue_of(translations: gettext.NullTranslations) -> Mapping[Any, str]:
    catalogue = getattr(translations, "_catalog", None)
    return catalogue if isinstance(catalogue, dict) else {}


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for match in _FIELD.finditer(template):
        parts.append(re.escape(_unescape(template[last : match.start()])))
        name = match.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        last = match.end()
    parts.append(re.escape(_unescape(template[last:])))
    return re.compile("".join(parts), re.DOTALL)


def _unescape(literal: str) -> str:
    return literal.replace("{{", "{").replace("}}", "}")


def _recall(text: str, depth: int = 0) -> str:
    """Plain English text: find the core sentence it was made from."""
    return _recalled(text, depth)[0]


def _recalled(text: str, depth: int) -> tuple[str, bool]:
    """(`text` translated, whether a sentence of core was recognised)."""
    if depth > 4 or len(text) > 2000:
        return text, False
    for pattern, context, template in _recall_index():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        found = {name: _recalled(value, depth + 1) for name, value in match.groupdict().items()}
        # A template with no words of its own ("{what} {problem}") fits
        # almost any text: it counts only around a sentence it holds.
        if not _WORD.search(_FIELD.sub("", template)) and not any(k for _, k in found.values()):
            continue
        args = {name: value for name, (value, _) in found.items()}
        translated = _FIELD.sub(lambda m: "{" + m.group(1) + "}", translate(context, template))
        try:
            return translated.format_map(args), True
        except (KeyError, IndexError, ValueError):
            return text, False
    return text, False


_WORD: Final = re.compile(r"[A-Za-z]{2}")
