"""The throttle: call now, hold only the latest call, run it when free.

No timed assertions: what must not have run yet is checked before control
returns to the event loop (no timer can fire), what must run is waited for.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject

from pellicle.gui.throttle import Throttle


class Calls:
    """A function to throttle: records its arguments, says whether it
    started work that ends later (`later`)."""

    def __init__(self, later: bool = True) -> None:
        self.seen: list[Any] = []
        self.later = later

    def __call__(self, value: Any) -> bool:
        self.seen.append(value)
        return self.later


@pytest.fixture
def owner(qtbot: Any) -> QObject:
    return QObject()


def test_first_call_runs_at_once_and_later_ones_wait_for_finished(owner: QObject) -> None:
    calls = Calls()
    throttle = Throttle(calls, parent=owner)
    throttle(1)
    assert calls.seen == [1] and throttle.running and not throttle.pending
    throttle(2)
    throttle(3)
    throttle(4)
    assert calls.seen == [1] and throttle.pending
    throttle.finished()
    # Only the latest held call runs, at once, with its own arguments.
    assert calls.seen == [1, 4] and throttle.running and not throttle.pending
    throttle.finished()
    assert not throttle.busy
    throttle(5)
    assert calls.seen == [1, 4, 5]


def test_a_run_with_nothing_to_do_leaves_it_free(owner: QObject) -> None:
    calls = Calls(later=False)
    throttle = Throttle(calls, parent=owner)
    throttle("a")
    throttle("b")
    assert calls.seen == ["a", "b"] and not throttle.busy


def test_calls_within_the_delay_are_held_then_the_latest_runs(qtbot: Any, owner: QObject) -> None:
    calls = Calls(later=False)
    throttle = Throttle(calls, delay_ms=50, parent=owner)
    throttle(1)
    throttle(2)
    throttle(3)
    assert calls.seen == [1] and throttle.pending
    qtbot.waitUntil(lambda: calls.seen == [1, 3], timeout=5_000)
    assert not throttle.pending
    qtbot.wait(120)  # nothing else was held: nothing else runs
    assert calls.seen == [1, 3]


def test_finished_inside_the_delay_still_waits_for_it(qtbot: Any, owner: QObject) -> None:
    calls = Calls()
    throttle = Throttle(calls, delay_ms=50, parent=owner)
    throttle(1)
    throttle(2)
    throttle.finished()
    assert calls.seen == [1] and throttle.pending and not throttle.running
    qtbot.waitUntil(lambda: calls.seen == [1, 2], timeout=5_000)
    assert throttle.running


def test_a_call_made_from_inside_the_run_is_held(owner: QObject) -> None:
    seen: list[int] = []

    def again(n: int) -> bool:
        seen.append(n)
        if n == 1:
            throttle(2)  # e.g. a slot reacting to what the run emitted
        return False

    throttle: Throttle[[int]] = Throttle(again, parent=owner)
    throttle(1)
    assert seen == [1, 2] and not throttle.busy


def test_finished_called_by_the_run_itself(owner: QObject) -> None:
    def quick(n: int) -> bool:
        throttle.finished()  # the work ended before the run returned
        return True

    throttle: Throttle[[int]] = Throttle(quick, parent=owner)
    throttle(1)
    assert not throttle.running


def test_an_error_in_the_run_leaves_it_free(owner: QObject) -> None:
    def broken(n: int) -> bool:
        raise ValueError(n)

    throttle: Throttle[[int]] = Throttle(broken, parent=owner)
    with pytest.raises(ValueError):
        throttle(1)
    assert not throttle.busy


def test_cancel_drops_the_held_call(qtbot: Any, owner: QObject) -> None:
    calls = Calls()
    throttle = Throttle(calls, delay_ms=20, parent=owner)
    throttle(1)
    throttle(2)
    throttle.cancel()
    throttle.finished()
    qtbot.wait(60)
    assert calls.seen == [1] and not throttle.busy
