"""The window's commands and menus: every command in a menu once, no two
sharing a key, and the context menu acting on what it was opened on."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from gui_helpers import rule_of, select_rows, wait_idle
from pellicle.core.policy import Decision
from pellicle.gui.actions import key_list


def test_context_menu_tags_what_it_was_opened_on(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [4])
    menu = window.acts.tag_menu(paths, folder=False, tag=window.tagging.tag)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Mark shareable", "Mark private", "Clear mark", "Show in file manager"]
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        menu.actions()[1].trigger()
    assert rule_of(paths[0]) is Decision.PRIVATE
    wait_idle(qtbot, window)


def test_menus_hold_every_command_once_and_no_two_share_a_key(ready: Any) -> None:
    window = ready
    menus = {m.title(): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    assert list(menus) == ["&File", "&Edit", "&View", "&Apps", "&Help"]
    in_menus = [a for m in menus.values() for a in m.actions() if not a.isSeparator()]
    assert len(in_menus) == len(set(in_menus))
    assert set(window.actions()) <= set(in_menus)


def test_no_two_enabled_actions_share_a_key(ready: Any) -> None:
    """Every action of the window, its own shortcuts included: a key listed
    twice, even on one action, is "ambiguous" to Qt and does nothing."""
    window = ready
    actions = [a for a in window.findChildren(QAction) if a.isEnabled() or a in window.actions()]
    keys = Counter(
        s.toString(QKeySequence.SequenceFormat.PortableText) for a in actions for s in a.shortcuts()
    )
    assert keys, "the window has shortcuts"
    assert "" not in keys, "an empty shortcut"
    assert [k for k, n in keys.items() if n > 1] == []
    for key in ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Q", "Ctrl+F"):
        assert keys[key] == 1, key


def test_key_list_merges_standard_keys_without_repeats() -> None:
    redo = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert redo, "the platform binds Redo"
    first = redo[0].toString()
    keys = key_list([first, "Ctrl+Y", first, QKeySequence.StandardKey.Redo, ""])
    texts = [k.toString() for k in keys]
    assert texts[0] == first and "Ctrl+Y" in texts and "" not in texts
    assert len(texts) == len(set(texts))
    assert set(texts) >= {k.toString() for k in redo}


@contextmanager
def qt_messages() -> Iterator[list[str]]:
    """Every message Qt prints meanwhile (qWarning and friends)."""
    seen: list[str] = []

    def handler(kind: QtMsgType, context: object, text: str) -> None:
        seen.append(text)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)


def test_keyboard_undo_and_redo_both_redo_keys(qtbot: Any, ready: Any) -> None:
    window = ready
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    paths = select_rows(window, [2])
    window.grid.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier

    def press(key: Qt.Key, mods: Qt.KeyboardModifier) -> None:
        with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
            QTest.keyClick(window.grid, key, mods)

    with qt_messages() as seen:
        press(Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier)
        assert rule_of(paths[0]) is Decision.SHAREABLE
        press(Qt.Key.Key_Z, ctrl)
        assert rule_of(paths[0]) is None
        press(Qt.Key.Key_Z, ctrl | shift)
        assert rule_of(paths[0]) is Decision.SHAREABLE
        press(Qt.Key.Key_Z, ctrl)
        assert rule_of(paths[0]) is None
        press(Qt.Key.Key_Y, ctrl)
        assert rule_of(paths[0]) is Decision.SHAREABLE
        wait_idle(qtbot, window)
    assert not [m for m in seen if "Ambiguous" in m], seen


def test_a_key_listed_twice_is_what_the_message_check_catches(qtbot: Any) -> None:
    """The check above can fail: one action listing a key twice (as the old
    Redo did where the platform's Redo is Ctrl+Shift+Z) makes the key dead
    and Qt says "Ambiguous" (here the message is expected, not a failure)."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    act = QAction("Redo", widget)
    twice = QKeySequence("Ctrl+Shift+Z")
    act.setShortcuts([twice, twice])
    widget.addAction(act)
    fired: list[bool] = []
    act.triggered.connect(lambda: fired.append(True))
    widget.show()
    widget.activateWindow()
    assert QTest.qWaitForWindowActive(widget)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qt_messages() as seen:
        QTest.keyClick(widget, Qt.Key.Key_Z, ctrl_shift)
    assert not fired and any("Ambiguous" in m for m in seen), seen
    act.setShortcuts(key_list([twice, twice]))
    with qt_messages() as seen:
        QTest.keyClick(widget, Qt.Key.Key_Z, ctrl_shift)
    assert fired and not seen


def test_show_in_file_manager_says_so_when_none_can(
    qtbot: Any, ready: Any, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    window = ready
    paths = select_rows(window, [0])
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    menu = window.acts.tag_menu(paths, folder=False, tag=window.tagging.tag)
    menu.actions()[-1].trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and os.path.dirname(paths[0]) in boxes[0].informativeText()
    boxes[0].reject()


def test_alt_mnemonics_of_the_window_are_distinct(ready: Any) -> None:
    """Menu titles, tabs and labels' buddies: Alt+letter shortcuts too are
    "ambiguous" (and dead) when two of them share a letter."""
    from PySide6.QtWidgets import QLabel

    window = ready
    texts = [a.text() for a in window.menuBar().actions()]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    texts += [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    keys = [QKeySequence.mnemonic(t).toString() for t in texts]
    keys = [k for k in keys if k]
    assert len(keys) >= 6, texts
    assert [k for k, n in Counter(keys).items() if n > 1] == [], texts
