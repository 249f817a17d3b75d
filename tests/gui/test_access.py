"""What assistive technology and keyboard users get: named controls, the
drop targets as buttons with a visible focus, and a Tab order that never
stops on read-only text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from gui_helpers import select_rows, wait_idle
from pellicle.gui.access import InfoLabel


def name_of(widget: Any) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return str(iface.text(QAccessible.Text.Name))


def test_qt_s_own_buttons_and_the_inspector_have_names(qtbot: Any, ready: Any) -> None:
    window = ready
    toolbar = window.findChild(QToolButton, "qt_toolbar_ext_button")
    assert QAccessible.queryAccessibleInterface(toolbar).role() == QAccessible.Role.CheckBox
    assert name_of(toolbar) == "More tools"
    clear = window.search.findChildren(QToolButton)
    assert clear and all(name_of(b) == "Clear the search" for b in clear)
    labels = window.inspector.findChildren(InfoLabel)
    assert len(labels) >= 5
    # Nothing selected: each label is named by its heading or its text.
    assert all(name_of(label) for label in labels)
    # One photo: the decision label reads the decision, not "Decision".
    select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.keeps.text() != "", timeout=10_000)
    decision = name_of(window.inspector.decision)
    assert decision != "Decision" and "private" in decision.lower()
    assert "<" not in decision  # markup stripped
    assert (
        QAccessible.queryAccessibleInterface(window.inspector.decision).text(
            QAccessible.Text.Description
        )
        == "Decision"
    )
    assert name_of(window.inspector.title) == window.photo_model.item(0).name
    window.inspector.show_nothing()
    assert name_of(window.inspector.carries) == "What this photo carries"  # empty: its heading
    wait_idle(qtbot, window)


def test_the_drop_targets_are_buttons(qtbot: Any, ready: Any) -> None:
    window = ready
    for target, name in ((window.share_target, "Mark shareable"),
                         (window.private_target, "Mark private")):  # fmt: skip
        iface = QAccessible.queryAccessibleInterface(target)
        assert iface.role() == QAccessible.Role.Button
        assert iface.text(QAccessible.Text.Name) == name
        assert "Drop photos or folders here" in iface.text(QAccessible.Text.Description)
        actions = iface.actionInterface()
        assert actions is not None
        press = QAccessibleActionInterface.pressAction()
        assert press in actions.actionNames()
        with qtbot.waitSignal(target.activated, timeout=2_000) as seen:
            actions.doAction(press)  # what a screen reader's "activate" does
        assert seen.args == [target.decision]
    # Enter and Space on a focused target, as before.
    window.activateWindow()
    window.share_target.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        with qtbot.waitSignal(window.share_target.activated, timeout=2_000):
            QTest.keyClick(window.share_target, key)
    wait_idle(qtbot, window)


def test_focus_on_a_drop_target_is_drawn(qtbot: Any, ready: Any) -> None:
    window = ready
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    target = window.private_target
    window.grid.setFocus()
    before = target.grab().toImage()
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(target.hasFocus, timeout=2_000)
    after = target.grab().toImage()
    assert before != after
    focus = target.palette().color(QPalette.ColorRole.Highlight)

    def count(image: QImage, colour: QColor) -> int:
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).rgb() == colour.rgb()
        )

    assert count(after, focus) > 2 * target.width()  # an outline all around
    assert count(after, focus) > count(before, focus) + target.width()
    # The inspector panel's one Tab stop shows too.
    unfocused = window.inspector.grab().toImage()
    window.inspector.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.inspector.hasFocus, timeout=2_000)
    assert window.inspector.grab().toImage() != unfocused
    wait_idle(qtbot, window)


def test_tab_never_stops_on_read_only_text(qtbot: Any, ready: Any) -> None:
    window = ready
    select_rows(window, [0])
    qtbot.waitUntil(lambda: window.inspector.keeps.text() != "", timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    window.search.setFocus()
    start = QApplication.focusWidget()
    seen = []
    for _ in range(60):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        seen.append(widget)
        if widget is start:
            break
    assert seen[-1] is start, "Tab goes round the window"
    assert window.grid in seen and window.tree in seen
    assert window.share_target in seen and window.private_target in seen
    labels = [w for w in seen if isinstance(w, QLabel)]
    assert labels == [], [w.text()[:40] for w in labels]
    # One stop for the inspector panel (arrows scroll it), none inside it.
    inside = [w for w in seen if window.inspector.isAncestorOf(w) and w is not window.inspector]
    assert inside == []
    assert seen.count(window.inspector) == 1
    wait_idle(qtbot, window)
