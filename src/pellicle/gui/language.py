"""The app's language: the system's, or the one chosen in Settings.

Why it exists: the window speaks the person's language from its first
widget on, so the language is settled once, right after the QApplication
exists and before any widget is made: Pellicle's catalogue
(`pellicle_<lang>.qm`, for every `self.tr()`), Qt's own (`qtbase_<lang>.qm`:
standard buttons, file dialogs, context menus of text fields), core's
sentences (`pellicle.i18n`, the same catalogue as a gettext file) and the
locale that writes numbers and dates (`QLocale.setDefault`).

The choice lives in QSettings ("language": "system", "en" or "fr") and is
made in Settings; it applies the next time Pellicle starts. Translating
every open window again on the fly would need each widget to redo its
texts, for a choice made once.
"""

from __future__ import annotations

import locale as c_locale

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QSettings, QTranslator

from pellicle import i18n

KEY = "language"
#: The choices Settings offers, in its order. Languages are named in their
#: own language (a person who cannot read the current one finds theirs).
CHOICES = ("system", "en", "fr")
NAMES = {"en": "English", "fr": "Français"}

_installed: list[QTranslator] = []


def choice(settings: QSettings) -> str:
    value = settings.value(KEY, "system")
    return value if isinstance(value, str) and value in CHOICES else "system"


def set_choice(settings: QSettings, value: str) -> None:
    if value not in CHOICES:
        raise ValueError(f"unknown language choice {value!r}")
    settings.setValue(KEY, value)


def locale_for(chosen: str) -> QLocale:
    """The locale for a choice: the system's, or the chosen language with
    the system's country when it has one (French in Belgium: fr_BE)."""
    system = QLocale.system()
    if chosen == "system":
        return system
    language = QLocale.Language.French if chosen == "fr" else QLocale.Language.English
    if system.language() == language:
        return system
    return QLocale(language)


def spoken(locale: QLocale) -> str:
    """The language Pellicle speaks for `locale`: one of i18n.LANGUAGES, or "en"."""
    for name in locale.uiLanguages():
        short = name.replace("-", "_").split("_")[0]
        if short == "en":
            return "en"
        if short in i18n.LANGUAGES:
            return short
    return "en"


def system_language() -> str:
    return spoken(QLocale.system())


def install(app: QCoreApplication, settings: QSettings) -> str:
    """Settle the language for this run (call once, before any widget is
    made); returns the language spoken ("fr" or "en")."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = locale_for(choice(settings))
    QLocale.setDefault(locale)
    lang = spoken(locale)
    ours = QTranslator(app)
    # English still loads a catalogue: its plural forms ("1 photo").
    if ours.load(f"{i18n.DOMAIN}_{lang}", str(i18n.CATALOGUES)):
        app.installTranslator(ours)
        _installed.append(ours)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", i18n.qt_translations()):
            app.installTranslator(qt)
            _installed.append(qt)
    i18n.setup([lang], number=_number, when=_when)
    # Qt set the C library's locale from the environment; error messages
    # the OS gives (strerror) go into Pellicle's database and its JSON
    # output, which stay English whatever the language (core translates the
    # common ones itself: core.words.os_error).
    try:
        c_locale.setlocale(c_locale.LC_MESSAGES, "C")
    except (c_locale.Error, AttributeError):
        pass
    return lang


def _number(value: int) -> str:
    return QLocale().toString(value)


def _when(seconds: float) -> str:
    moment = QDateTime.fromMSecsSinceEpoch(int(seconds * 1000))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
