"""Progress inside a long stage, reported per chunk through an optional callback.

The clean, dedup and stories stages run for minutes on a large corpus; without steps a
progress bar only shows that they started. A stage takes ``steps`` (None: nothing is
reported) and calls it with (done, total, unit) every :data:`CHUNK` items, not per item, so
reporting costs nothing measurable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

__all__ = ["CHUNK", "Steps", "counted"]

Steps = Callable[[int, int, str], None]
"""Called with how many of how many items (``unit``: "articles", "pairs") are done."""

CHUNK = 256

_T = TypeVar("_T")


def counted(items: Sequence[_T], steps: Steps | None, unit: str) -> Iterator[_T]:
    """``items`` in order; ``steps`` hears (0, total) first, then every :data:`CHUNK` items
    once the caller has handled them, and once all are."""
    if steps is None:
        yield from items
        return
    total = len(items)
    steps(0, total, unit)
    for done, item in enumerate(items, start=1):
        yield item
        if done % CHUNK == 0 or done == total:
            steps(done, total, unit)
