"""Where worker processes cannot be started (no POSIX semaphores in some containers and
serverless hosts), the work is done in one process, with a warning, not a crash."""

from __future__ import annotations

from functools import partial
from typing import Any

import pytest

from storyline import workers


def _no_semaphores(*args: Any, **kwargs: Any) -> None:
    raise OSError(38, "Function not implemented")


def test_a_pool_that_cannot_start_leaves_the_work_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "ProcessPoolExecutor", _no_semaphores)
    calls: list[tuple[int, workers.Call | None]] = [
        (n, partial(pow, n, 2) if n % 2 else None) for n in range(600)
    ]
    with workers.Workers(2) as pool:
        run = pool.runner(len(calls))
        with pytest.warns(RuntimeWarning, match="could not be started .*working in one process"):
            got = list(run(iter(calls)))
        assert pool.jobs == 1  # later stages do not try again
        assert pool.runner(len(calls)) is workers.in_order
    assert got == [(n, n * n if n % 2 else None) for n in range(600)]
