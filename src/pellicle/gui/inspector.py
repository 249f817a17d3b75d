"""The inspector: one photo's decision and why, what it gives away, what
the export keeps, and a preview of the exported copy.

It exists so a person can see, before and after deciding, exactly what a
photo would reveal and that the export does not. The details are read on a
worker (`inspect_job`, on the rules engine thread, one read at a time):
this widget asks for them when the selection changes and lays out the
plain results.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from pellicle.core.engine import Engine, Explanation
from pellicle.core.inspect import Inspection, inspect
from pellicle.core.thumbs import ThumbError, make_thumbnail
from pellicle.gui.access import InfoLabel
from pellicle.gui.delegate import BADGE_COLOURS, BADGE_TEXT, badge_text
from pellicle.gui.snapshot import PhotoItem
from pellicle.gui.tasks import EngineThread, pil_to_qimage
from pellicle.gui.throttle import Throttle
from pellicle.i18n import say

PREVIEW = 200


@dataclass
class Details:
    explanation: Explanation | None
    inspection: Inspection
    export_path: str | None
    preview: QImage | None
    preview_error: str | None


def inspect_job(path: str) -> Callable[[Engine], Details]:
    """A job for an engine thread: everything the inspector shows for `path`."""

    def job(engine: Engine) -> Details:
        explanation = engine.explain(path)
        keep = bool(engine.settings()["keep_capture_date"])
        inspection = inspect(path, keep_capture_date=keep)
        export_path = preview = error = None
        if explanation.exported_as:
            export_path = os.path.join(engine.export_dir, explanation.exported_as)
            try:
                preview = pil_to_qimage(make_thumbnail(export_path, PREVIEW))
            except ThumbError as exc:
                error = str(exc)
        return Details(explanation, inspection, export_path, preview, error)

    return job


class Inspector(QScrollArea):
    """Right-hand panel; shows a selection summary or one photo's details.

    `follow()` shows what `selected` gives now; one photo's details are
    read on `rules` (an engine thread), at most one read at a time, and a
    burst of selection changes ends in one read of the last selection.
    """

    def __init__(
        self,
        rules: EngineThread,
        selected: Callable[[], list[PhotoItem]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rules = rules
        self._selected = selected
        self._follow = Throttle(self._show_selection, delay_ms=60, parent=self)
        self.setWidgetResizable(True)
        # Its text wraps to the panel's width; a sideways scrollbar at the
        # narrowest width (1024 px windows) only ever scrolled a few pixels
        # of margin beside the exported copy's preview.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Tab stops once on the panel (arrows scroll it): show where it is.
        self.setStyleSheet(
            "Inspector { border: 2px solid transparent; }"
            " Inspector:focus { border: 2px solid palette(highlight); }"
        )
        self.setAccessibleName(self.tr("Inspector"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = self._label(layout, self.tr("Photo"))
        self.title.setStyleSheet("font-weight: bold; font-size: 120%;")
        self.decision = self._label(layout, self.tr("Decision"))
        # The exported copy and the allowlist come first: they answer "what
        # do apps get?"; the long list of what the original carries follows.
        self.preview_caption = self._label(layout, self.tr("Exported copy"))
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Preview of the exported copy"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumHeight(0)
        layout.addWidget(self.preview)
        self.keeps = self._label(layout, self.tr("What the copy removes and keeps"))
        self.carries = self._label(layout, self.tr("What this photo carries"))
        layout.addStretch(1)
        self.setWidget(body)
        self.show_nothing()

    @Slot()
    def follow(self) -> None:
        """The selection, or what is known about it, changed: show it."""
        self._follow()

    def stop(self) -> None:
        """Drop a held update (the window is closing)."""
        self._follow.cancel()

    def _show_selection(self) -> bool:
        items = self._selected()
        if not items:
            self.show_nothing()
            return False
        if len(items) > 1:
            self.show_many(items)
            return False
        item = items[0]
        self.show_loading(item)

        # A result is shown only when no newer selection waits to be read.
        def done(details: object) -> None:
            if not self._follow.pending and isinstance(details, Details):
                self.show_details(item, details)
            self._follow.finished()

        def failed(error: str) -> None:
            if not self._follow.pending:
                self.show_error(item, error)
            self._follow.finished()

        return self._rules.submit(inspect_job(item.path), done, failed) >= 0

    def _label(self, layout: QVBoxLayout, name: str) -> QLabel:
        label = InfoLabel(name)  # read by its content; Tab passes it by
        layout.addWidget(label)
        return label

    def _clear(self) -> None:
        for label in (self.decision, self.carries, self.keeps, self.preview_caption):
            label.clear()
        self.preview.clear()

    def show_nothing(self) -> None:
        self._clear()
        self.title.setText(self.tr("Nothing selected"))
        self.decision.setText(
            self.tr("Select a photo to see whether it is shared, why, and what it would reveal.")
        )

    def show_many(self, items: list[PhotoItem]) -> None:
        self._clear()
        shared = sum(1 for p in items if p.decision.value == "shareable")
        self.title.setText(self.tr("%Ln photo(s) selected", "", len(items)))
        self.decision.setText(
            self.tr("%Ln shareable", "", shared)
            + ", "
            + self.tr("%Ln private", "", len(items) - shared)
            + ".<br>"
            + self.tr(
                "Press <b>S</b> to mark them all shareable, <b>P</b> private, "
                "<b>U</b> to clear their own marks."
            )
        )

    def show_loading(self, item: PhotoItem) -> None:
        self._clear()
        self.title.setText(html.escape(item.name))
        self.decision.setText(self._badge_html(item) + html.escape(say(item.sentence())))

    def show_details(self, item: PhotoItem, details: Details) -> None:
        self.title.setText(html.escape(item.name))
        exp = details.explanation
        sentence = exp.sentence() if exp is not None else item.sentence()
        text = self._badge_html(item) + html.escape(say(sentence))
        if details.export_path:
            text += "<br><small>{}</small>".format(
                html.escape(self.tr("In the export as {path}").format(path=details.export_path))
            )
        self.decision.setText(text)
        self.carries.setText(self._carries_html(details.inspection))
        self.keeps.setText(self._removed_kept_html(details.inspection))
        if details.preview is not None and not details.preview.isNull():
            self.preview_caption.setText(self.tr("<b>The exported copy</b> (what apps see)"))
            pixmap = QPixmap.fromImage(details.preview)
            room = self.viewport().width() - 24  # the body's margins
            if 0 < room < pixmap.width():  # the narrowest panel: never cut it
                pixmap = pixmap.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            pixmap.setDevicePixelRatio(1.0)
            self.preview.setPixmap(pixmap)
        elif item.decision.value == "shareable":
            reason = (
                say(details.preview_error)
                if details.preview_error
                else self.tr("not exported yet; it appears after the next sync")
            )
            self.preview_caption.setText(
                self.tr("<b>The exported copy</b>: {reason}").format(reason=html.escape(reason))
            )
            self.preview.clear()
        else:
            self.preview_caption.setText(
                self.tr("<b>Not exported.</b> Nothing of this photo leaves your computer.")
            )
            self.preview.clear()

    def show_error(self, item: PhotoItem, error: str) -> None:
        self.show_loading(item)
        self.carries.setText(
            html.escape(self.tr("Could not read this photo: {error}").format(error=say(error)))
        )

    @staticmethod
    def _badge_html(item: PhotoItem) -> str:
        colour = BADGE_COLOURS[item.badge].name()
        return (
            f"<span style='background:{colour}; color:white; font-weight:bold;'>"
            f"&nbsp;{html.escape(badge_text(BADGE_TEXT[item.badge]))}&nbsp;</span>&nbsp; "
        )

    def _removed_kept_html(self, inspection: Inspection) -> str:
        """What the copy drops from THIS photo, in plain words, against the
        short list it keeps (both from core: `Inspection.removed`, `kept`)."""
        removed = inspection.removed
        if removed:
            names = html.escape(", ".join(say(label) for label in removed))
            removed_line = self.tr("<b>Removed from the copy:</b> {items}").format(items=names)
        else:
            removed_line = html.escape(
                self.tr("Nothing identifying to remove besides the picture itself.")
            )
        kept = [say(k) for k in inspection.kept] + [self.tr("nothing else")]
        kept_line = self.tr("<b>Kept:</b> {items}").format(items=html.escape("; ".join(kept)))
        return f"<p style='margin-bottom:4px'>{removed_line}</p><p>{kept_line}</p>"

    def _carries_html(self, inspection: Inspection) -> str:
        groups = inspection.by_category()
        if not groups:
            body = html.escape(self.tr("Nothing identifying found besides the picture itself."))
        else:
            kept = " <i>({})</i>".format(html.escape(self.tr("kept")))
            finding = self.tr("{label}: {value}")
            parts = []
            for category, findings in groups.items():
                rows = "".join(
                    "<li>{}{}</li>".format(
                        html.escape(
                            finding.format(label=say(f.label), value=say(f.value, recall=False))
                        ),
                        kept if f.kept else "",
                    )
                    for f in findings
                )
                parts.append(f"<b>{html.escape(say(category))}</b><ul style='margin-left:-20px'>"
                             f"{rows}</ul>")  # fmt: skip
            body = "".join(parts)
        if inspection.error:
            body += "<br><small>{}</small>".format(
                html.escape(self.tr("Stopped reading: {error}").format(error=say(inspection.error)))
            )
        size = (
            f" ({inspection.width}×{inspection.height} {inspection.fmt or ''})"
            if inspection.width
            else ""
        )
        title = html.escape(self.tr("What this photo carries"))
        return f"<b>{title}</b>{html.escape(size)}<br>{body}"
