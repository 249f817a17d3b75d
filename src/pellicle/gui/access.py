"""What assistive technology needs that Qt does not give by itself.

Kept in one room so the views stay about what they show:

- `InfoLabel`: read-only text (the inspector's) that a screen reader reads
  by its content, with its heading as the description, and that Tab never
  stops on: it is selectable with the mouse, not a keyboard stop.
- `name_toolbar_extras`: names for the buttons Qt adds on its own (the
  toolbar's "more tools" arrow, which is a checkable button announced as a
  nameless check box, and a line edit's clear button).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QToolBar, QToolButton, QWidget


class InfoLabel(QLabel):
    """Read-only rich text with a heading.

    Its accessible name is its content (Qt reads a label's text, stripped of
    markup, when no name is set), or the heading while it is empty; the
    heading is always its description. A fixed name such as "Decision"
    would hide the decision itself from a screen reader.
    """

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleDescription(heading)
        self.setAccessibleName(heading)

    def setText(self, text: str) -> None:
        super().setText(text)
        # An empty name makes Qt fall back to the text itself.
        self.setAccessibleName("" if text else self.heading)

    def clear(self) -> None:
        super().clear()
        self.setAccessibleName(self.heading)


def name_toolbar_extras(bar: QToolBar, *edits: QLineEdit) -> None:
    """Give accessible names to the buttons Qt makes inside `bar` and `edits`."""
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if isinstance(more, QToolButton):
        text = QCoreApplication.translate("Access", "More tools")
        more.setAccessibleName(text)
        more.setToolTip(text)
    for edit in edits:
        for button in edit.findChildren(QToolButton):
            button.setAccessibleName(QCoreApplication.translate("Access", "Clear the search"))
