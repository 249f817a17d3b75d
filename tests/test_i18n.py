"""The catalogues are complete, faithful to the code, and compile to agreeing forms.

A sentence added to the code without a translation fails here (CI runs
it): lupdate is run over the code into a copy of the catalogues and must
find exactly the messages they hold, each one translated. The gettext
file (command line, core's sentences) and the Qt file (the app) compiled
from one catalogue must say the same thing. And what core says reaches
people in French, even when it lost its Message on the way (a reason read
back from the database).
"""

from __future__ import annotations

import gettext
import re
import shutil
from pathlib import Path

import pytest

import catalogues
from pellicle import i18n
from pellicle.core.words import Message, msg

FR = catalogues.ts_path("fr")
EN = catalogues.ts_path("en")
PACKAGE = Path(i18n.__file__).parent

#: `{name}` fields, Qt's `%1`, argparse's `%(name)s` / `%s` / `%r`.
FIELDS = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\d|%\([a-z_]+\)[sr]|%[sr]")
PLURAL = re.compile(r"%L?n")
TAGS = re.compile(r"</?[a-z]+[^>]*>")
#: Fields a translation may leave out: technical words the English keeps
#: ("segment length") that a person reading French would not understand.
OMISSIBLE = {"{what}"}


def _key(entry: catalogues.Entry) -> tuple[str, str, str, bool]:
    return (entry.context, entry.source, entry.comment, entry.numerus)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_catalogue_holds_exactly_the_code_s_sentences(tmp_path: Path, lang: str) -> None:
    committed = catalogues.ts_path(lang)
    copy = tmp_path / committed.name
    shutil.copyfile(committed, copy)
    catalogues.update(copy, lang)
    before = sorted(_key(e) for e in catalogues.messages(committed))
    after = sorted(_key(e) for e in catalogues.messages(copy))
    added = sorted(set(after) - set(before))
    gone = sorted(set(before) - set(after))
    hint = "run scripts/i18n update, then translate them (resources/i18n/README.md)"
    assert not added, f"sentences in the code, not in {committed.name} ({hint}): {added}"
    assert not gone, f"sentences in {committed.name}, no longer in the code: {gone}"
    assert after == before


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_message_is_translated(lang: str) -> None:
    entries = catalogues.messages(catalogues.ts_path(lang))
    assert entries
    untranslated = [
        (e.context, e.source)
        for e in entries
        if e.state or not all(e.forms) or (e.numerus and len(e.forms) != 2)
    ]
    assert untranslated == []
    if lang == "en":
        assert all(e.numerus for e in entries), "the English catalogue holds plural forms only"


def test_the_french_catalogue_covers_every_context_of_the_code() -> None:
    contexts = {e.context for e in catalogues.messages(FR)}
    # The app, the command line, argparse and core all speak French.
    for wanted in ("MainWindow", "SettingsDialog", "cli", "argparse", "core.policy", "core.rules"):
        assert wanted in contexts


def test_translations_keep_their_placeholders_and_markup() -> None:
    problems = []
    for entry in catalogues.messages(FR):
        source_fields = sorted(FIELDS.findall(entry.source))
        for form in entry.forms:
            fields = sorted(FIELDS.findall(form))
            if fields != source_fields:
                missing = set(source_fields) - set(fields)
                extra = set(fields) - set(source_fields)
                if extra or missing - OMISSIBLE or entry.context != "core.scrub":
                    problems.append((entry.source, form, "fields"))
            if bool(PLURAL.search(entry.source)) != bool(PLURAL.search(form)):
                problems.append((entry.source, form, "%n"))
            if sorted(TAGS.findall(entry.source)) != sorted(TAGS.findall(form)):
                problems.append((entry.source, form, "markup"))
            if entry.source.count("&") - entry.source.count("&&") != form.count("&") - form.count(
                "&&"
            ):
                problems.append((entry.source, form, "keyboard accelerator"))
            if form != form.strip() and entry.source == entry.source.strip():
                problems.append((entry.source, form, "spaces"))
    assert problems == []


def test_french_typography() -> None:
    """A no-break space before : ; ? ! as French writes them, never a plain one."""
    bad = [
        form
        for entry in catalogues.messages(FR)
        for form in entry.forms
        if re.search(r" [:;?!]", form)
    ]
    assert bad == []


def test_the_glossary_is_followed() -> None:
    """The words of resources/i18n/README.md, the same everywhere."""
    forms = [f for e in catalogues.messages(FR) for f in e.forms]
    text = "\n".join(forms).lower()
    for wrong in ("bibliothèque", "dossier d'exportation", "dossier d’exportation", "partagable",
                  "librairie", "sandbox", "synchronisé"):  # fmt: skip
        assert wrong not in text, wrong
    assert sum("photothèque" in f for f in forms) > 50
    assert sum("dossier d’export" in f for f in forms) > 30


def test_gettext_and_qt_forms_say_the_same(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    catalogues.build(tmp_path)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "pellicle_fr.qm"))
    with open(tmp_path / "fr" / "LC_MESSAGES" / "pellicle.mo", "rb") as handle:
        mo = gettext.GNUTranslations(handle)
    checked = 0
    for entry in catalogues.messages(FR):
        context = entry.context if not entry.comment else f"{entry.context}|{entry.comment}"
        if entry.numerus:
            for n in (0, 1, 2, 5):
                qt = translator.translate(entry.context, entry.source, entry.comment or None, n)
                assert mo.npgettext(context, entry.source, entry.source, n) == qt, entry.source
        elif entry.context in catalogues.NO_CONTEXT:
            assert mo.gettext(entry.source) == translator.translate(entry.context, entry.source)
        else:
            assert mo.pgettext(context, entry.source) == translator.translate(
                entry.context, entry.source, entry.comment or None
            ), entry.source
        checked += 1
    assert checked == len(catalogues.messages(FR))


def test_words_objects_are_named_like_their_context() -> None:
    """lupdate reads `cli.tr(...)` with the context "cli": the variable name."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for name, context in re.findall(r"^(\w+) = Words\(\"([\w.]+)\"\)", path.read_text(), re.M):
            found.append(path.name)
            assert name == context, path
    assert "cli.py" in found and "grant_cli.py" in found


def test_core_sentences_say_which_part_speaks() -> None:
    """Core's contexts start with "core." (`say` recognises them by it)."""
    core = PACKAGE / "core"
    contexts = set()
    for path in core.rglob("*.py"):
        contexts.update(re.findall(r"\bmsg\(\s*\"([^\"]*)\"", path.read_text()))
    assert contexts
    assert {c for c in contexts if not c.startswith("core.")} == set()


# -- core's sentences in French ------------------------------------------------


@pytest.fixture
def french() -> object:
    i18n.setup(["fr"])
    yield
    i18n.setup(["en"])


@pytest.mark.usefixtures("french")
def test_a_message_is_said_in_french_with_its_arguments() -> None:
    inner = msg("core.policy", "folder {place} is marked private").format(place="Vacances/2025")
    outer = msg("core.policy", "private: {reason}").format(reason=inner)
    assert outer == "private: folder Vacances/2025 is marked private"
    assert i18n.say(outer) == "privée\u00a0: le dossier Vacances/2025 est marqué privé"


@pytest.mark.usefixtures("french")
def test_plain_english_from_the_database_is_recognised() -> None:
    # A problem stored by a scan and read back is a plain str.
    stored = "cannot read: permission denied"
    assert not isinstance(stored, Message)
    assert i18n.say(stored) == "lecture impossible\u00a0: permission refusée"
    # A ledger reason: a decision and its reason, nested.
    reason = "private: it is an exact copy of Famille/a.jpg, which is marked private"
    assert i18n.say(reason) == (
        "privée\u00a0: c’est une copie exacte de Famille/a.jpg, marquée privée"
    )
    # A refusal worded around another sentence ("{what} {problem}").
    assert i18n.say("HEIF image too large: 30000x20000 pixels") == (
        "HEIF\u00a0: image trop grande\u00a0: 30000x20000 pixels"
    )


@pytest.mark.usefixtures("french")
def test_text_that_is_not_pellicle_s_stays_as_it_is() -> None:
    for text in ("IMG_0001.jpg", "Holidays 2025", "a b", "Jane Planted-Person", ""):
        assert i18n.say(text) == text
    # Text from a file is never taken for one of Pellicle's sentences.
    assert i18n.say("shareable", recall=False) == "shareable"
    assert i18n.say("shareable") == "partageable"


@pytest.mark.usefixtures("french")
def test_a_broken_translation_falls_back_to_english() -> None:
    text = msg("core.test", "not in the catalogue: {x}").format(x="1")
    assert i18n.say(text) == "not in the catalogue: 1"


def test_english_needs_no_catalogue_for_core_sentences() -> None:
    i18n.setup(["en"])
    text = msg("core.rules", "{path} does not exist").format(path="/a")
    assert i18n.say(text) == "/a does not exist"
    assert i18n.translate("cli", "%n problem(s)", None, 1) == "1 problem"
    assert i18n.translate("cli", "%n problem(s)", None, 3) == "3 problems"


def test_the_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.setup() == "fr"
    monkeypatch.setenv("LC_ALL", "C")  # LC_ALL wins over LANG
    assert i18n.setup() == "en"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LANGUAGE", "de:fr")  # the first language Pellicle speaks
    assert i18n.setup() == "fr"
    monkeypatch.setenv("LANGUAGE", "de")
    assert i18n.setup() == "en"
    i18n.setup(["en"])
