"""The window's commands and menus: every command in a menu once, no two
sharing a key, and the context menu acting on what it was opened on."""

from __future__ import annotations

from typing import Any

from gui_helpers import rule_of, select_rows, wait_idle
from pellicle.core.policy import Decision


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
    keys = [k for a in window.actions() for k in {s.toString() for s in a.shortcuts()}]
    assert keys and len(keys) == len(set(keys)), sorted(keys)
    assert set(window.actions()) <= set(in_menus)
