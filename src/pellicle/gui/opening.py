"""Opening a folder in the person's file manager, and saying so when none can.

`QDesktopServices.openUrl` answers False, and shows nothing, where no file
manager is registered (a bare window manager, a minimal container, a
broken MIME database). A button that does nothing is worse than one that
explains: this room opens the folder or, failing that, says it could not
and offers the path to copy, so the person can paste it wherever they work.
Both the export folder's Open button and "Show in file manager" use it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(path: str, parent: QWidget | None) -> QMessageBox | None:
    """Show `path` in the file manager; if nothing can, say so (the box is
    returned, already open and not blocking) and offer to copy the path."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Opening", "Cannot open the folder"))
    box.setText(
        QCoreApplication.translate("Opening", "No file manager is set up to open folders here.")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Opening",
            "The folder is:\n{path}\n\nCopy its path and open it in the application you use.",
        ).format(path=path)
    )
    copy = box.addButton(
        QCoreApplication.translate("Opening", "Copy path"), QMessageBox.ButtonRole.AcceptRole
    )
    copy.setAccessibleName(QCoreApplication.translate("Opening", "Copy the folder's path"))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(copy)

    def copied() -> None:
        if box.clickedButton() is copy:
            QGuiApplication.clipboard().setText(path)

    box.finished.connect(copied)
    box.finished.connect(box.deleteLater)  # one per failed click; none piles up
    box.open()
    return box
