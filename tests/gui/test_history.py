"""The Share history tab: events as rows, their photos behind them, search,
elision, tooltips and times with seconds, under the model tester."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from gui_helpers import select_rows, wait_idle
from pellicle.core import ledger
from pellicle.core.ledger import Event, History, Photo
from pellicle.core.policy import Decision
from pellicle.gui.history import CHUNK, EventKeyRole, HistoryModel, HistoryView

MANY = 1003

#: 2023-11-14 22:13:37 UTC: a time whose seconds (37) are the same in every
#: time zone (offsets are whole minutes).
T0 = 1_700_000_017.0

LONG = "/home/someone/Pictures/A folder with a rather long name/2025/IMG_20250704_183059.jpg"


def photo(n: int, source: str | None = None, *, still: bool = True, action: str = "add") -> Photo:
    source = source or f"/lib/Holidays/IMG_{n:04d}.jpg"
    name = source.rsplit("/", 1)[-1]
    return Photo(n, T0 + n, action, source, f"Holidays/{name}", "shareable", still)


def fetched(model: HistoryModel, row: int) -> QModelIndex:
    """Event `row`, with every photo of it given (as a view scrolling would)."""
    index = model.index(row, 0)
    while model.can_fetch_photos(index):
        model.fetch_photos(index)
    return index


def history(*events: Event, version: int = 1) -> History:
    return History(sorted(events, key=lambda e: e.key, reverse=True), (version, 0), 0)


def shared(key: int, count: int, *, still: int | None = None) -> Event:
    photos = [photo(key + n, still=still is None or n < still) for n in range(count)]
    event = Event(key, ledger.SHARED, "shareable", T0 + key, photos, "/lib/Holidays")
    event.still_shared = sum(p.still_shared for p in photos)
    return event


def withdrawn(key: int) -> Event:
    gone = [photo(key, LONG, still=False, action="remove")]
    return Event(key, ledger.WITHDRAWN, "private", T0 + key, gone, "", 0)


def test_events_are_rows_with_their_photos_behind_them(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    model.set_history(history(shared(1, MANY), withdrawn(5000)))
    assert model.rowCount() == 2 and model.columnCount() == 4
    top = [model.index(0, c).data() for c in range(4)]
    assert top[1:] == ["Withdrew 1 photo (no longer shareable)", "1", "1 withdrawn"]
    first = model.index(1, 0)
    # Counts are written as the locale writes them.
    assert model.index(1, 1).data() == f"Shared {MANY:,} photos from Holidays"
    assert model.index(1, 2).data() == f"{MANY:,}"
    assert model.index(1, 3).data() == f"{MANY:,} still shared"
    # The photos behind an event reach the view a chunk at a time.
    # (asked by the view, never by QTreeView's own fetchMore).
    assert model.hasChildren(first) and model.rowCount(first) == 0
    assert not model.canFetchMore(first)
    model.fetch_photos(first)
    assert model.rowCount(first) == CHUNK and model.can_fetch_photos(first)
    fetched(model, 1)
    assert model.rowCount(first) == MANY and not model.can_fetch_photos(first)
    child = model.index(500, 1, first)
    assert child.parent() == first.siblingAtColumn(0)
    # Seen from the event's folder; the tooltip has the whole path.
    assert child.data() == "IMG_0501.jpg"
    assert child.data(Qt.ItemDataRole.ToolTipRole).startswith("/lib/Holidays/IMG_0501.jpg\n")
    assert not model.hasChildren(child) and model.rowCount(child) == 0
    assert model.headerData(0, Qt.Orientation.Horizontal, 0) == "When"


def test_events_reach_the_view_a_chunk_at_a_time(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    model.set_history(history(*(withdrawn(n) for n in range(2 * CHUNK + 7))))
    assert model.rowCount() == CHUNK and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * CHUNK + 7 and not model.canFetchMore(QModelIndex())
    # Newest first, the oldest last.
    assert model.index(0, 0).data(EventKeyRole) == 2 * CHUNK + 6
    assert model.index(2 * CHUNK + 6, 0).data(EventKeyRole) == 0


def test_an_open_event_gets_more_photos_as_the_view_scrolls(qtbot: Any, model_tester: Any) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    model_tester(view.model)
    view.resize(600, 400)
    view.show()
    # The big event is in the middle: QTreeView fetches more only for the
    # end of the tree; the view asks as it scrolls.
    total = 20 * CHUNK
    view.set_history(history(shared(1, total), withdrawn(0), withdrawn(90_001)))
    event = view.model.index(1, 0)
    assert event.data(EventKeyRole) == 1
    view.tree.expand(event)
    qtbot.wait(300)  # relayouts fetch nothing more
    given = view.model.rowCount(event)
    assert given == CHUNK
    view.tree.scrollTo(view.model.index(given - 20, 0, event))
    qtbot.waitUntil(lambda: view.model.rowCount(event) > given, timeout=2000)


def test_some_still_shared_and_headers(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    model.set_history(history(shared(1, 5, still=2), shared(100, 1, still=0)))
    assert model.index(1, 3).data() == "2 still shared"
    assert model.index(0, 3).data() == "None still shared"
    assert model.index(0, 1).data() == "Shared 1 photo from Holidays"


def test_times_show_seconds(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    model.set_history(history(shared(0, 1)))
    # Both the event and its photo: hours, minutes and these seconds.
    assert re.search(r"\d:\d\d:37\b", model.index(0, 0).data())
    assert re.search(r"\d:\d\d:37\b", model.index(0, 0, fetched(model, 0)).data())


def test_search_by_photo_name_by_path_and_by_action(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    model.set_history(history(shared(1, 30), withdrawn(500)))
    model.set_search("img_0012")
    assert model.rowCount() == 1 and model.narrowed(0)
    assert model.rowCount(fetched(model, 0)) == 1
    model.set_search("rather LONG name")  # a folder in the path
    assert model.rowCount() == 1 and model.index(0, 1).data().startswith("Withdrew")
    model.set_search("shared 30")  # what happened: the whole event
    assert model.rowCount() == 1 and not model.narrowed(0)
    model.set_search("nothing like this")
    assert model.rowCount() == 0
    model.set_search("")
    assert model.rowCount() == 2


def test_the_same_history_is_not_reloaded(qtbot: Any, model_tester: Any) -> None:
    model = HistoryModel()
    model_tester(model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    shown = history(shared(1, 3))
    model.set_history(shown)
    model.set_history(shown)
    assert len(resets) == 1
    model.set_history(history(shared(1, 3), withdrawn(9), version=2))
    assert len(resets) == 2 and model.rowCount() == 2


def test_view_elides_in_the_middle_tooltips_hold_the_full_path(
    qtbot: Any, model_tester: Any
) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    model_tester(view.model)
    view.resize(500, 300)
    view.show()
    view.set_history(history(withdrawn(1), shared(10, 2)))
    # Narrow: "What happened" keeps a readable width and the tree scrolls.
    header = view.tree.header()
    assert header.sectionSize(1) >= 30 * view.tree.fontMetrics().averageCharWidth()
    # ...and it is the last column: what runs past the edge is the end of a
    # sentence, never "Now" (is it still shared?), which stays in view.
    assert header.visualIndex(1) == view.model.columnCount() - 1
    now = header.sectionViewportPosition(3) + header.sectionSize(3)
    assert now <= view.tree.viewport().width()
    view.resize(1400, 300)
    qtbot.waitUntil(lambda: header.length() >= view.tree.viewport().width() - 1, timeout=2000)
    view.resize(500, 300)
    assert view.tree.textElideMode() == Qt.TextElideMode.ElideMiddle
    event = view.model.index(1, 0)  # the withdrawal (older)
    view.tree.expand(event)  # the view fetches its photos
    child = view.model.index(0, 1, event)
    assert child.data() == LONG
    tip = child.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[:2] == [LONG, "In the export as: Holidays/IMG_20250704_183059.jpg"]
    assert tip.splitlines()[2:] == ["Why: shareable", "Withdrawn"]
    # The column is narrower than the path: what is painted is elided in
    # the middle, keeping the start and the file name.
    rect = view.tree.visualRect(child)
    metrics = view.tree.fontMetrics()
    assert metrics.horizontalAdvance(LONG) > rect.width()
    shown = metrics.elidedText(LONG, Qt.TextElideMode.ElideMiddle, rect.width())
    assert shown.startswith("/home") and shown.endswith(".jpg") and "…" in shown


def test_an_empty_history_says_what_will_appear(qtbot: Any, model_tester: Any) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    model_tester(view.model)
    view.show()
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text().startswith("Nothing has been shared yet.")
    view.set_history(history(shared(1, 2)))
    assert view.pages.currentWidget() is view.tree
    view.search.setText("no such photo")
    view._apply_search()
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text() == "Nothing in the history matches this search."


def test_open_events_stay_open_and_search_opens_matches(qtbot: Any, model_tester: Any) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    model_tester(view.model)
    view.show()
    view.set_history(history(shared(1, 3), withdrawn(50)))
    view.tree.expand(view.model.index(1, 0))  # the share, opened by hand
    with qtbot.waitSignal(view._reopening.timeout, timeout=2000):
        view.set_history(history(shared(1, 3), withdrawn(50), shared(90, 2), version=2))
    rows = {view.model.index(r, 0).data(EventKeyRole): r for r in range(3)}
    assert view.tree.isExpanded(view.model.index(rows[1], 0))
    assert view.model.rowCount(view.model.index(rows[1], 0)) == 3
    assert not view.tree.isExpanded(view.model.index(rows[90], 0))
    # A search by name opens the events it narrowed, once typing pauses.
    with qtbot.waitSignal(view._reopening.timeout, timeout=2000):
        view.search.setText("IMG_0091")
    assert view.model.rowCount() == 1
    assert view.tree.isExpanded(view.model.index(0, 0))
    assert view.model.rowCount(view.model.index(0, 0)) == 1
    with qtbot.waitSignal(view._reopening.timeout, timeout=2000):
        view.search.clear()
        view._apply_search()
    assert view.model.rowCount() == 3
    # What the search opened is not kept open; what the person opened is.
    rows = {view.model.index(r, 0).data(EventKeyRole): r for r in range(3)}
    assert not view.tree.isExpanded(view.model.index(rows[90], 0))
    assert view.tree.isExpanded(view.model.index(rows[1], 0))


def test_window_history_shows_a_folder_share_as_one_row(
    qtbot: Any, ready: Any, sample_library: Path
) -> None:
    window = ready
    before = window.history_model.rowCount()
    paths = select_rows(window, [0, 1, 2])
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tagging.tag(paths, Decision.SHAREABLE)
    with qtbot.waitSignal(window.syncing.synced, timeout=15_000):
        window.syncing.sync_now()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.history_model.rowCount() == before + 1, timeout=10_000)
    model = window.history_model
    assert model.index(0, 1).data().startswith("Shared 3 photos")
    assert model.index(0, 2).data() == "3"
    window.acts.history.trigger()
    assert window.tabs.currentWidget() is window.history
    # Ctrl+F while the history is shown searches the history.
    window.activateWindow()
    window.acts.find.trigger()
    assert window.tabs.currentWidget() is window.history
    qtbot.waitUntil(window.history.search.hasFocus, timeout=2000)
