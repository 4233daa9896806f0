"""Waiting for something outside Qt's event loop (another process, an X server) with a
deadline, instead of sleeping a fixed time and hoping. In-process Qt code waits with
qtbot.waitUntil or qtbot.waitSignal instead."""

from __future__ import annotations

import time
from collections.abc import Callable


def poll_until[T](
    condition: Callable[[], T], *, timeout: float, message: str, interval: float = 0.05
) -> T:
    """Call `condition` until it returns something true, and return that; fail with
    `message` when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"{message} (waited {timeout:g} s)"
        time.sleep(interval)
