"""The Help menu: the user guide, "What is shared?" and About.

Why it exists: a person who wonders what Pellicle does, what leaves their
computer, or where it keeps its data should find out inside the app,
offline, in their language. This room owns the three answers:

- the user guide (F1): the Markdown guide shipped with the app
  (`pellicle/guide/<lang>/index.md` in a wheel, .deb or bundle;
  `resources/guide/<lang>/index.md` in a source checkout), shown in a
  QTextBrowser in the UI language, English when there is no guide in it;
- "What is shared?": the promise in two lines (the Help menu and the "?"
  beside the export folder in the status bar show it);
- About: version, licence, and where Pellicle keeps its data (database,
  thumbnail cache, settings file, sample library), each path selectable
  and with a Copy button.

It reads files and shows them; it never calls the engine.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pellicle import __version__
from pellicle.core.paths import Locations
from pellicle.gui import language
from pellicle.gui.dialogs import fit_on_screen

#: Where a built package carries the guide (setup.py and pellicle.spec copy
#: resources/guide there), and where a source checkout has it.
PACKAGED_GUIDE = Path(__file__).resolve().parents[1] / "guide"
SOURCE_GUIDE = Path(__file__).resolve().parents[3] / "resources" / "guide"


def guide_file(lang: str) -> Path | None:
    """The guide in `lang`, else the English one; None if neither is there."""
    for folder in (PACKAGED_GUIDE, SOURCE_GUIDE):
        for choice in (lang, "en"):
            path = folder / choice / "index.md"
            if path.is_file():
                return path
    return None


def ui_language() -> str:
    """The language this run speaks (set by `language.install`)."""
    return language.spoken(QLocale())


class GuideWindow(QDialog):
    """The user guide, rendered from Markdown; non-modal, kept open beside
    the main window."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pellicle user guide"))
        self.setAccessibleName(self.tr("Pellicle user guide"))
        self.path = guide_file(lang)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        if self.path is None:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        else:
            self.browser.setMarkdown(self.path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_on_screen(self, 720, 640)


class AboutDialog(QDialog):
    """Version, licence and where the data lives (paths selectable and copyable)."""

    def __init__(self, where: Locations, settings_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Pellicle"))
        self.setAccessibleName(self.tr("About Pellicle"))
        title = QLabel(f"<h2>Pellicle {__version__}</h2>")
        title.setAccessibleName(self.tr("Version"))
        blurb = QLabel(
            self.tr(
                "Keeps your photos private by default, and one export folder of cleaned "
                "copies of the photos you mark shareable."
            )
        )
        blurb.setWordWrap(True)
        # In words, not the SPDX id (GPL-3.0-or-later), so it translates.
        licence = QLabel(self.tr("Licence: GNU General Public License, version 3 or later"))
        licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QLabel("<b>" + self.tr("Where your data lives") + "</b>")
        #: The paths shown, by what they are (tests and the Copy buttons read them).
        self.paths: dict[str, str] = {
            self.tr("Database (rules, index, share history)"): str(where.database),
            self.tr("Thumbnail cache (private to you)"): str(where.thumbnails),
            self.tr("Settings file"): settings_file,
            self.tr("Sample library"): str(where.data / "sample-library"),
        }
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, (name, path) in enumerate(self.paths.items()):
            label = QLabel(name)
            field = QLineEdit(path)
            field.setReadOnly(True)
            field.setAccessibleName(name)
            field.setCursorPosition(0)
            field.setToolTip(path)
            field.setMinimumWidth(120)
            label.setBuddy(field)
            copy = QPushButton(self.tr("Copy"))
            copy.setAccessibleName(self.tr("Copy the path: {what}").format(what=name))
            copy.clicked.connect(lambda _=False, p=path: self.copy(p))
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(copy, row, 2)
        note = QLabel(
            self.tr("Pellicle never writes in your library folders, and sends nothing anywhere.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(licence)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_on_screen(self, 800, self.sizeHint().height())

    @Slot(str)
    def copy(self, path: str) -> None:
        QGuiApplication.clipboard().setText(path)


class Help(QObject):
    """The Help menu's three answers, opened from the window."""

    def __init__(self, where: Locations, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.where = where
        self.qsettings = settings
        self._window = window
        self.guide_window: GuideWindow | None = None
        self.about_dialog: AboutDialog | None = None

    def what_is_shared_text(self) -> str:
        """The promise in two lines."""
        return (
            self.tr(
                "Only the photos you mark shareable are shared, as cleaned copies, "
                "in the one export folder."
            )
            + "\n"
            + self.tr("Everything else stays private, on your computer.")
        )

    @Slot()
    def show_guide(self) -> None:
        """Open (or raise) the guide in the UI language."""
        if self.guide_window is None:
            self.guide_window = GuideWindow(ui_language(), self._window)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()

    @Slot()
    def show_what_is_shared(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("What is shared?"),
            self.what_is_shared_text(),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @Slot()
    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.where, self.qsettings.fileName(), self._window)
        self.about_dialog.show()
        self.about_dialog.raise_()
