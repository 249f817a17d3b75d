"""First run and settings: choosing the library, the export folder, options.

First run explains the model in three sentences, suggests the Pictures
folder and an export folder beside it, and offers sample photos (generated
with fake GPS, serials and names) so a person can try Pellicle without
touching their own library. Settings edit the same choices later, plus
start-at-login (an XDG autostart entry), the tray and the language.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.paths import Locations, default_library
from pellicle.gui import language
from pellicle.gui.tasks import LIVE_POOLS
from pellicle.i18n import say

#: How Pellicle works, in three sentences (translated where shown).
MODEL_SENTENCES = (
    str(
        QT_TRANSLATE_NOOP(
            "FirstRunDialog",
            "Everything in your library starts private: "
            "nothing leaves your computer until you say so.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "FirstRunDialog",
            "Mark photos or folders shareable, and Pellicle keeps one export folder "
            "holding cleaned copies of just those photos, without location, camera serials, "
            "names or dates.",
        )
    ),
    str(
        QT_TRANSLATE_NOOP(
            "FirstRunDialog",
            "That export folder is the one thing you grant to AI and creative apps; "
            "make a photo private again and its copy disappears from it.",
        )
    ),
)

#: How many photos "Try with sample photos" writes (core.samples.COUNT,
#: repeated here so opening the dialog does not import Pillow's drawing).
SAMPLE_COUNT = 48


def autostart_file() -> Path:
    """The XDG autostart entry for Pellicle in the user's config dir."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
    return Path(base) / "autostart" / "pellicle.desktop"


def set_autostart(enabled: bool) -> None:
    path = autostart_file()
    if not enabled:
        path.unlink(missing_ok=True)
        return
    program = shutil.which("pellicle")
    command = shlex.quote(program) if program else f"{shlex.quote(sys.executable)} -m pellicle"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Pellicle\n"
        "Comment=Keep the export folder of shareable photos in sync\n"
        f"Exec={command}\n"
        "Icon=pellicle\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def autostart_enabled() -> bool:
    return autostart_file().is_file()


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize `widget` to width x height, or less where the screen is smaller
    (a 1024x700 screen at 150 % scale has 683x467 logical pixels)."""
    screen = widget.screen().availableGeometry()
    widget.resize(min(width, screen.width() * 95 // 100), min(height, screen.height() * 9 // 10))


class FolderList(QWidget):
    """A list of folders with Add and Remove buttons."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        # The list takes the dialog's spare height (a capped list floated in
        # the middle of its row when the dialog grew); four rows at least.
        rows = self.list.fontMetrics().lineSpacing() * 4 + 2 * self.list.frameWidth() + 8
        self.list.setMinimumHeight(rows)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        add = QPushButton(self.tr("&Add…"))
        add.setAccessibleName(self.tr("Add to {list}").format(list=name.lower()))
        remove = QPushButton(self.tr("&Remove"))
        remove.setAccessibleName(self.tr("Remove from {list}").format(list=name.lower()))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def folders(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_folders(self, folders: list[str]) -> None:
        self.list.clear()
        self.list.addItems(folders)
        self.changed.emit()

    @Slot()
    def _add(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a library folder"), str(Path.home())
        )
        if folder and folder not in self.folders():
            self.list.addItem(folder)
            self.changed.emit()

    @Slot()
    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()


def _folder_field(name: str, parent: QWidget) -> tuple[QLineEdit, QWidget]:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    browse = QPushButton(QCoreApplication.translate("FolderField", "Choose…"))
    title = QCoreApplication.translate("FolderField", "Choose the {field}").format(
        field=name.lower()
    )
    browse.setAccessibleName(title)

    def choose() -> None:
        folder = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
        if folder:
            edit.setText(folder)

    browse.clicked.connect(choose)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(browse)
    return edit, row


class FirstRunDialog(QDialog):
    """Choose library folders and the export folder; or try sample photos."""

    samples_ready = Signal(str, str)  # library, export (emitted on the GUI thread)
    _samples_done = Signal(str, str, str)  # library, export, error (from the pool)

    def __init__(self, where: Locations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.where = where
        self.setWindowTitle(self.tr("Welcome to Pellicle"))
        self.setAccessibleName(self.tr("Welcome to Pellicle"))
        sentences = [self.tr(s) for s in MODEL_SENTENCES]
        intro = QLabel("<p>" + "</p><p>".join(sentences) + "</p>")
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("How Pellicle works"))
        self.libraries = FolderList(self.tr("Library folders"))
        pictures = default_library()
        if pictures.is_dir():
            self.libraries.set_folders([str(pictures)])
        self.export, export_row = _folder_field(self.tr("Export folder"), self)
        self.export.setText(str(Path.home() / self.tr("Pellicle Export")))
        self.sample = QPushButton(self.tr("Try with &sample photos"))
        self.sample.setAccessibleName(self.tr("Try with sample photos"))
        self.sample.setToolTip(
            self.tr(
                "Creates %n generated photos carrying fake GPS positions and names "
                "in Pellicle's data folder, and uses them as the library.",
                "",
                SAMPLE_COUNT,
            )
        )
        self.sample.clicked.connect(self.make_samples)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Library folders:"), self.libraries)
        form.addRow(self.tr("&Export folder:"), export_row)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.sample, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        fit_on_screen(self, 620, 460)
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        LIVE_POOLS.add(self._pool)
        self._samples_done.connect(self._on_samples)

    def choice(self) -> tuple[list[str], str]:
        return self.libraries.folders(), self.export.text().strip()

    @Slot()
    def _check_and_accept(self) -> None:
        libraries, export = self.choice()
        if not libraries:
            self.message.setText(self.tr("Add at least one library folder."))
            return
        if not export:
            self.message.setText(self.tr("Choose an export folder."))
            return
        self.accept()

    @Slot()
    def make_samples(self) -> None:
        """Generate the sample library on a worker (it writes ~50 images)."""
        self.sample.setEnabled(False)
        self.message.setText(self.tr("Making sample photos…"))
        library = self.where.data / "sample-library"
        export = self.where.data / "sample-export"

        def work() -> None:
            # Imported here: Pillow's drawing is not needed to open the window.
            from pellicle.core import samples

            try:
                if not samples.is_camera_roll(library):
                    library.mkdir(parents=True, exist_ok=True)
                    samples.make_camera_roll(library)
                self._samples_done.emit(str(library), str(export), "")
            except Exception as exc:
                self._samples_done.emit(str(library), str(export), str(exc))

        self._pool.start(work)

    @Slot(str, str, str)
    def _on_samples(self, library: str, export: str, error: str) -> None:
        self.sample.setEnabled(True)
        if error:
            self.message.setText(
                self.tr("Could not make the sample photos: {error}").format(error=say(error))
            )
            return
        self.libraries.set_folders([library])
        self.export.setText(export)
        self.message.setText(
            self.tr(
                "%n sample photos are ready. They carry fake GPS positions, camera "
                "serials and a made-up person's name, so you can see what Pellicle removes.",
                "",
                SAMPLE_COUNT,
            )
        )
        self.samples_ready.emit(library, export)

    def done(self, result: int) -> None:
        self._pool.waitForDone()
        super().done(result)


class SettingsDialog(QDialog):
    """Roots, export folder, naming and date options, login start, tray."""

    def __init__(
        self,
        roots: list[str],
        export: str,
        *,
        opaque_names: bool,
        keep_capture_date: bool,
        tray: bool,
        language_choice: str = "system",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pellicle settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.libraries = FolderList(self.tr("Library folders"))
        self.libraries.set_folders(roots)
        self.export, export_row = _folder_field(self.tr("Export folder"), self)
        self.export.setText(export)
        self.opaque = QCheckBox(
            self.tr("Use &opaque names in the export (hide file names and dates)")
        )
        self.opaque.setChecked(opaque_names)
        self.keep_date = QCheckBox(self.tr("&Keep the capture date in exported copies"))
        self.keep_date.setChecked(keep_capture_date)
        self.autostart = QCheckBox(self.tr("Start Pellicle when I &log in"))
        self.autostart.setChecked(autostart_enabled())
        self.tray = QCheckBox(self.tr("Keep syncing in the &tray when the window is closed"))
        self.tray.setChecked(tray)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        system = language.NAMES[language.system_language()]
        for value in language.CHOICES:
            if value == "system":
                text = self.tr("System language ({language})").format(language=system)
            else:
                text = language.NAMES[value]
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(language_choice)))
        language_note = QLabel(self.tr("A new language applies the next time Pellicle starts."))
        language_note.setWordWrap(True)
        language_row = QWidget()
        language_layout = QVBoxLayout(language_row)
        language_layout.setContentsMargins(0, 0, 0, 0)
        language_layout.addWidget(self.language)
        language_layout.addWidget(language_note)
        note = QLabel(
            self.tr(
                "The export folder is the one folder to grant to AI and creative apps. "
                "Changing it withdraws every copy from the old one."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Library folders:"), self.libraries)
        form.addRow(self.tr("&Export folder:"), export_row)
        form.addRow("", note)
        form.addRow(self.tr("Export names:"), self.opaque)
        form.addRow(self.tr("Dates:"), self.keep_date)
        form.addRow(self.tr("Login:"), self.autostart)
        form.addRow(self.tr("Tray:"), self.tray)
        form.addRow(self.tr("Lan&guage:"), language_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        fit_on_screen(self, 620, 480)

    def language_choice(self) -> str:
        value = self.language.currentData()
        return value if isinstance(value, str) else "system"
