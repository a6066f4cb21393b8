"""Work given as calls, run here or by a pool of workers (:mod:`storyline.workers`).

A stage that can spread its work hands its calls to a :class:`Pool`'s runner; without one,
or for few calls, :func:`in_order` runs them here. Kept apart from the pool itself so that a
stage's code (and so the fingerprint of its stored results, see :mod:`storyline.fingerprint`)
does not take in the process machinery and the modules a fork server loads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

__all__ = ["Call", "Pool", "Runner", "in_order"]

T = TypeVar("T")
# A computation to run, here or in a worker: picklable (a functools.partial of a
# module-level function over frozen dataclasses), never a closure.
Call = Callable[[], Any]
# Runs the calls of a stream of (item, call or None) pairs, in order: yields each item with
# its call's result (None where there was no call).
Runner = Callable[[Iterable[tuple[T, Call | None]]], Iterator[tuple[T, Any]]]


def in_order(calls: Iterable[tuple[T, Call | None]]) -> Iterator[tuple[T, Any]]:
    """Each call run here, one after the other: what a run with one job does."""
    for item, call in calls:
        yield item, (call() if call is not None else None)


class Pool(Protocol):
    """What a stage asks of :class:`storyline.workers.Workers`."""

    def runner(self, calls: int, per_task: int = 0, least: int = 0) -> Runner[Any]:
        """How to run ``calls`` calls: :func:`in_order`, or in the workers."""
        ...
