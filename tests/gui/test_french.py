"""Under the French locale, no widget of the app shows an English string.

The same window is built twice on the same synced library, once in
English and once in French, with the same photo selected and the same
dialogs open; every text a person can read or hear is collected from both
(window titles, labels, buttons, tooltips, status tips, "What's this",
accessible names and descriptions, placeholders, combo box items, tabs,
menus and their actions, the tray menu, column headers and cells of every
model). A text that is the same in both languages must be one that is the
same in French: a file or folder name from the library, a path, or a word
the catalogue translates to itself ("Photos", "Pellicle"). Everything else
is an English string that slipped through.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSystemTrayIcon,
    QTabWidget,
    QWidget,
)

import catalogues
from gui_helpers import select_rows, wait_idle
from pellicle.core.demo import PLANTED
from pellicle.core.policy import Decision
from pellicle.gui import language

Texts = dict[str, str]

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
)


def _add(texts: Texts, key: str, value: object) -> None:
    if isinstance(value, str) and value.strip():
        texts[key] = value


def _actions(texts: Texts, key: str, actions: list[QAction], seen: set[int]) -> None:
    for i, action in enumerate(actions):
        if action.isSeparator():
            continue
        here = f"{key}/action{i}"
        for name in ("text", "toolTip", "statusTip", "whatsThis", "iconText"):
            _add(texts, f"{here}.{name}", getattr(action, name)())
        menu = action.menu()
        if isinstance(menu, QMenu) and id(menu) not in seen:
            seen.add(id(menu))
            _add(texts, f"{here}.menu.title", menu.title())
            menu.aboutToShow.emit()  # menus filled on demand
            _actions(texts, f"{here}.menu", menu.actions(), seen)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    # A list model's columnCount is private in PySide6.
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)


def _model(texts: Texts, key: str, model: QAbstractItemModel, limit: int = 40) -> None:
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        horizontal = orientation == Qt.Orientation.Horizontal
        count = _columns(model, QModelIndex()) if horizontal else 0
        for section in range(count):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                _add(texts, f"{key}/header{section}.{int(role)}",
                     model.headerData(section, orientation, role))  # fmt: skip
    stack: list[tuple[QModelIndex, str]] = [(QModelIndex(), key)]
    while stack:
        parent, where = stack.pop()
        for row in range(min(model.rowCount(parent), limit)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in ROLES:
                    _add(texts, f"{where}/{row}.{column}.{int(role)}", model.data(index, role))
            stack.append((model.index(row, 0, parent), f"{where}/{row}"))


def collect(root: QWidget) -> Texts:
    """Every text of `root` and the widgets, actions, menus and models under it."""
    texts: Texts = {}
    seen_menus: set[int] = set()
    seen_models: set[int] = set()

    def walk(widget: QWidget, key: str) -> None:
        if widget.isWindow():
            _add(texts, f"{key}.windowTitle", widget.windowTitle())
        for name in ("toolTip", "statusTip", "whatsThis", "accessibleName",
                     "accessibleDescription"):  # fmt: skip
            _add(texts, f"{key}.{name}", getattr(widget, name)())
        if isinstance(widget, (QLabel, QAbstractButton)):
            _add(texts, f"{key}.text", widget.text())
        if isinstance(widget, QLineEdit):
            _add(texts, f"{key}.placeholder", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            _add(texts, f"{key}.title", widget.title())
        if isinstance(widget, QMenu):
            _add(texts, f"{key}.title", widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                _add(texts, f"{key}.item{i}", widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                _add(texts, f"{key}.tab{i}", widget.tabText(i))
                _add(texts, f"{key}.tabTip{i}", widget.tabToolTip(i))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            if id(model) not in seen_models:
                seen_models.add(id(model))
                _model(texts, f"{key}.model", model)
        _actions(texts, f"{key}.actions", widget.actions(), seen_menus)
        children = [c for c in widget.children() if isinstance(c, QWidget)]
        for i, child in enumerate(children):
            name = child.objectName()
            if "qt_" in name:
                name = ""
            walk(child, f"{key}/{type(child).__name__}{name or i}")

    walk(root, type(root).__name__)
    return texts


def neutral_words(library: Path, extra: list[str]) -> set[str]:
    """What reads the same in both languages: the library's own names and
    paths, and what the catalogue translates to itself."""
    same = {
        catalogues_plain(entry.source)
        for entry in catalogues.messages(catalogues.ts_path("fr"))
        if not entry.numerus and catalogues_plain(entry.source) == catalogues_plain(entry.forms[0])
    }
    names = {p.name for p in library.rglob("*")} | {library.name}
    # Languages are named in their own language, whatever the app's.
    endonyms = set(language.NAMES.values())
    return same | names | endonyms | {str(library), *extra, "OK"}


def catalogues_plain(text: str) -> str:
    return text.replace("&", "")


def english_left(english: Texts, french: Texts, neutral: set[str]) -> list[tuple[str, str]]:
    """Texts unchanged by the French locale that are not neutral."""
    left = []
    for key, text in english.items():
        if french.get(key) != text:
            continue
        rest = catalogues_plain(text)
        for word in sorted(neutral, key=len, reverse=True):
            rest = rest.replace(word, " ")
        rest = re.sub(r"/\S*", " ", rest)  # paths
        rest = re.sub(r"\b\d+\b", " ", rest)
        if re.search(r"[A-Za-z]{2}", rest):
            left.append((key, text))
    return left


def english_words_in(texts: Texts, neutral: set[str]) -> list[tuple[str, str]]:
    """Texts holding a word that appears in the catalogue's English
    sentences and in none of its French ones."""
    entries = catalogues.messages(catalogues.ts_path("fr"))
    words = re.compile(r"[A-Za-z]{4,}")
    # Case kept: "CITY" in a photo's metadata is not the label "City".
    english = {w for e in entries for w in words.findall(catalogues_plain(e.source))}
    fields = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sr]")  # placeholders are not words
    french = {w for e in entries for f in e.forms for w in words.findall(fields.sub(" ", f))}
    only_english = english - french
    found = []
    for key, text in texts.items():
        rest = text
        for word in sorted(neutral, key=len, reverse=True):
            rest = rest.replace(word, " ")
        rest = re.sub(r"<[^>]*>", " ", rest)  # markup
        rest = re.sub(r"/\S*", " ", rest)  # paths
        hits = set(words.findall(rest)) & only_english
        if hits:
            found.append((key, f"{sorted(hits)}: {text}"))
    return found


@pytest.fixture
def tray_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offscreen platform has no tray; the tray's menu is built anyway."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))


def use_language(settings: Any, choice: str) -> None:
    app = QApplication.instance()
    assert app is not None
    language.set_choice(settings, choice)
    language.install(app, settings)


def everything(window: Any, qtbot: Any, library: Path, monkeypatch: pytest.MonkeyPatch) -> Texts:
    """The window in a known state, then its dialogs one after the other."""
    from pellicle.gui.apps import AppsDialog
    from pellicle.gui.dialogs import FirstRunDialog, SettingsDialog

    qtbot.waitUntil(lambda: window.grants.report is not None, timeout=15_000)
    paths = select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.keeps.text() != "", timeout=15_000)
    wait_idle(qtbot, window)
    texts = {f"main/{k}": v for k, v in collect(window).items()}
    # Several photos selected: the inspector's summary.
    select_rows(window, [0, 1, 2])
    qtbot.waitUntil(lambda: "3" in window.inspector.title.text(), timeout=5_000)
    texts.update({f"many/{k}": v for k, v in collect(window.inspector).items()})
    select_rows(window, [0])
    # Context menus of the grid (with "Open with") and of the tree.
    menu = window.acts.tag_menu(paths, folder=False, tag=window.tagging.tag)
    window.grants.add_open_with(menu, paths)
    texts.update({f"photo-menu/{k}": v for k, v in collect(menu).items()})
    menu.close()
    tree_menu = window.acts.tag_menu([str(library)], folder=True, tag=window.tagging.tag)
    texts.update({f"folder-menu/{k}": v for k, v in collect(tree_menu).items()})
    tree_menu.close()
    # The tray's menu.
    assert window.tray.icon is not None
    tray_menu = window.tray.icon.contextMenu()
    texts.update({f"tray/{k}": v for k, v in collect(tray_menu).items()})
    _add(texts, "tray.toolTip", window.tray.icon.toolTip())
    # The status bar's states and the undo stack's names.
    area = window.status_area
    for i, status in enumerate(
        (
            {},
            {"problems": [1, 2], "in_sync": True},
            {"problems": [1], "in_sync": False},
            {"foreign": ["x"]},
            {"roots": [{"label": "Pictures", "state": "offline"}]},
            {"in_sync": False, "to_add": 3, "to_update": 0, "to_remove": 1},
        )
    ):
        _add(texts, f"state{i}", area.state_text(status, watching=bool(i % 2)))
    area.sync_started()
    area.sync_progress("scanning Pictures", 12, 0)
    _add(texts, "progress0", area.sync_label.text())
    area.sync_progress("exporting", 3, 9)
    _add(texts, "progress1", area.sync_label.text())
    area.sync_progress("checking exported copies", 3, 9)
    _add(texts, "progress2", area.sync_label.text())
    area.sync_failed("the state database /x is busy: another Pellicle process holds it")
    _add(texts, "failed", area.sync_label.text())
    _add(texts, "failed.message", window.statusBar().currentMessage())
    area.sync_finished()
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.PRIVATE)
    wait_idle(qtbot, window)
    _add(texts, "undo.text", window.acts.undo.text())
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.undo_stack.undo()  # the next window finds the library as it was
    wait_idle(qtbot, window)
    # The question asked for files dropped from a file manager.
    asked: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box) or 0)
    window.tagging.ask_decision(paths * 2)
    texts.update({f"drop-question/{k}": v for k, v in collect(asked[0]).items()})
    # Open, where no file manager can open the export folder.
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    area.open_export()
    assert area.cannot_open is not None
    texts.update({f"cannot-open/{k}": v for k, v in collect(area.cannot_open).items()})
    area.cannot_open.done(0)
    # The explanation before a drop onto a tree folder takes effect.
    folder = next(f for f in window.snapshot.folders if f.rel)
    box = window.folder_drop.question(paths * 3, folder)
    texts.update({f"folder-drop/{k}": v for k, v in collect(box).items()})
    box.deleteLater()
    # Dialogs: first run, Settings, the Apps view (on a report that lists
    # no app, and while it looks).
    first = FirstRunDialog(window.where, window)
    texts.update({f"first-run/{k}": v for k, v in collect(first).items()})
    first.done(0)
    settings = SettingsDialog(
        [str(library)], "/tmp/export", opaque_names=False, keep_capture_date=True, tray=True,
        parent=window,
    )  # fmt: skip
    texts.update({f"settings/{k}": v for k, v in collect(settings).items()})
    settings.done(0)
    apps = AppsDialog(window.grants, window)
    texts.update({f"apps/{k}": v for k, v in collect(apps).items()})
    apps.done(0)
    # Help: About, the guide window, "What is shared?".
    window.help.show_about()
    texts.update({f"about/{k}": v for k, v in collect(window.help.about_dialog).items()})
    window.help.about_dialog.close()
    window.help.show_guide()
    texts.update({f"guide/{k}": v for k, v in collect(window.help.guide_window).items()})
    window.help.guide_window.close()
    _add(texts, "what-is-shared", window.help.what_is_shared_text())
    return texts


@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "This plugin does not support")  # tray faked
def test_no_english_string_under_the_french_locale(
    qtbot: Any,
    engine: Any,
    sample_library: Path,
    make_window: Callable[..., Any],
    settings: QSettings,
    tray_available: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine.share([str(sample_library / "Holidays")])
    engine.sync()
    made: dict[str, Texts] = {}
    for choice in ("en", "fr"):
        use_language(settings, choice)
        window = make_window()
        qtbot.waitUntil(lambda w=window: not w.busy, timeout=15_000)
        made[choice] = everything(window, qtbot, sample_library, monkeypatch)
        window.hide()
    english, french = made["en"], made["fr"]
    assert len(english) > 300, "the walk reached the window's widgets"
    # The same widgets, except what longer French words push into the menu
    # bar's overflow menu.
    both = english.keys() & french.keys()
    assert len(both) > 0.95 * len(english)
    # What the photos themselves carry (shown by the inspector) is theirs.
    planted = [p.decode() for p in PLANTED]
    neutral = neutral_words(sample_library, [engine.export_dir, *planted])
    assert english_left(english, french, neutral) == []
    # Every French text, also those the English window does not have: no
    # word that only English sentences of the catalogue use.
    assert english_words_in(french, neutral) == []
    # And it is French, not just different.
    everything_fr = "\n".join(french.values())
    for word in ("Photothèque", "partageable", "Dossier d’export", "Paramètres", "Annuler"):
        assert word.lower() in everything_fr.lower(), word
    assert QLocale().language() == QLocale.Language.French


def test_french_menus_have_one_key_per_item(
    make_window: Callable[..., Any], settings: QSettings
) -> None:
    use_language(settings, "fr")
    window = make_window(start=False)
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    menus.append(window.menuBar())
    for menu in menus:
        keys = [
            re.search(r"&(\w)", a.text()).group(1).lower()  # type: ignore[union-attr]
            for a in menu.actions()
            if re.search(r"&(\w)", a.text())
        ]
        assert len(keys) == len(set(keys)), (menu.title(), keys)
    # Window-wide Alt+letter keys (menu titles, tabs, labels' buddies) too.
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    alt = [QKeySequence.mnemonic(t).toString() for t in texts]
    alt = [k for k in alt if k]
    assert len(alt) >= 6 and len(alt) == len(set(alt)), texts


def test_settings_offers_the_language_and_keeps_the_choice(
    qtbot: Any, engine: Any, sample_library: Path, make_window: Callable[..., Any],
    settings: QSettings,
) -> None:  # fmt: skip
    from pellicle.gui.dialogs import SettingsDialog

    window = make_window()
    dialog = SettingsDialog([str(sample_library)], engine.export_dir, opaque_names=False,
                            keep_capture_date=False, tray=False, parent=window)  # fmt: skip
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "system",
        "en",
        "fr",
    ]
    assert dialog.language.itemText(2) == "Français"
    dialog.language.setCurrentIndex(2)
    with qtbot.waitSignal(window.settings_flow.message, timeout=5_000) as note:
        window.settings_flow.apply_settings(dialog)
    assert "next time" in note.args[0]
    assert language.choice(settings) == "fr"
    wait_idle(qtbot, window)
    # Applied on the next start: this window still speaks English.
    assert window.acts.sync.text() == "S&ync now"
    use_language(settings, "fr")
    assert QApplication.translate("Actions", "S&ync now") == "S&ynchroniser"


def test_the_system_language_is_the_default(monkeypatch: pytest.MonkeyPatch,
                                            settings: QSettings) -> None:  # fmt: skip
    assert language.choice(settings) == "system"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    # QLocale.system() is read once per process; the choice maps it.
    assert language.spoken(QLocale("fr_FR")) == "fr"
    assert language.spoken(QLocale("fr_BE")) == "fr"
    assert language.spoken(QLocale("de_DE")) == "en"
    assert language.locale_for("fr").language() == QLocale.Language.French
    assert language.locale_for("en").language() == QLocale.Language.English


def test_qt_s_own_french_catalogue_is_found() -> None:
    from pellicle import i18n

    assert Path(i18n.qt_translations(), "qtbase_fr.qm").is_file()


@pytest.fixture(autouse=True)
def _back_to_english(settings: QSettings) -> Iterator[None]:
    yield
    use_language(settings, "en")


def test_a_video_s_inspection_speaks_french(
    qtbot: Any,
    engine: Any,
    sample_library: Path,
    make_window: Callable[..., Any],
    settings: QSettings,
) -> None:
    """What a video carries (tracks, boxes, header dates) is worded by
    Pellicle, so it is French too; only what the file itself says is not."""
    from video_helpers import PLANTED as VIDEO_PLANTED
    from video_helpers import make_video

    folder = sample_library / "Vidéos"
    folder.mkdir()
    make_video(folder / "clip.mov", container="mov")
    engine.share([str(folder)])
    engine.sync()
    seen: dict[str, Texts] = {}
    carried: dict[str, str] = {}
    for choice in ("en", "fr"):
        use_language(settings, choice)
        window = make_window()
        qtbot.waitUntil(lambda w=window: not w.busy, timeout=15_000)
        model = window.photo_model
        row = next(r for r in range(model.rowCount()) if model.item(r).name == "clip.mov")
        select_rows(window, [row])
        qtbot.waitUntil(lambda w=window: "mov" in w.inspector.carries.text(), timeout=15_000)
        seen[choice] = collect(window.inspector)
        carried[choice] = window.inspector.carries.text()
        window.hide()
    planted = [p.decode() for p in VIDEO_PLANTED] + ["PLANTED-HANDLER-NAME", "SubtitleHandler"]
    # Box and codec names ('text', 'tmcd') and the file's own metadata keys
    # ("timecode") are the file's words.
    codes = ["GoPro MET", "« text »", "Clé timecode", "'text'", "Key timecode"]
    neutral = neutral_words(sample_library, [engine.export_dir, *planted, *codes])
    assert english_left(seen["en"], seen["fr"], neutral) == []
    assert english_words_in(seen["fr"], neutral) == []
    carries = carried["fr"]
    for words in ("Pistes et données cachées", "Piste que l’export retire", "en-tête du film"):
        assert words in carries, words


def test_french_folder_badges_agree_with_a_folder(settings: QSettings) -> None:
    """A photo is "privée", a folder "privé": the tree's badge has its own words."""
    from pellicle.gui.delegate import FolderDelegate, photo_badge
    from pellicle.gui.snapshot import FolderItem

    use_language(settings, "fr")
    folder = FolderItem(1, b"Lisbon", "/lib/Lisbon", "Lisbon", Decision.PRIVATE, Decision.PRIVATE,
                        "why", 0, 10, 0)  # fmt: skip
    assert [t for t, _c in FolderDelegate().folder_badges(folder)] == ["Privé"]
    shared = FolderItem(1, b"Lyon", "/lib/Lyon", "Lyon", Decision.SHAREABLE, Decision.SHAREABLE,
                        "why", 10, 0, 0)  # fmt: skip
    assert [t for t, _c in FolderDelegate().folder_badges(shared)] == ["Partageable"]
    from pellicle.gui.delegate import BADGE_TEXT, badge_text

    badge = photo_badge(Decision.PRIVATE, True, None)
    assert badge is not None and badge_text(BADGE_TEXT[badge.kind]) == "Privée"
