"""Per-story, per-pair and per-file work spread over worker processes (``RunOptions.jobs``).

The timeline and summary of one story depend on that story's articles only, what two
articles are to each other (a copy, a rewrite, shared passages) on those two only, and what a
page holds on that page only, so stories can be computed, candidate pairs classified and pages
read side by side.
Only the main process touches SQLite: a worker gets picklable calls (a module-level
function with its arguments, see :data:`Call`) and sends back their results, which the main
process takes in the order the calls were given. The output is therefore the same bytes for
any number of workers, and a call that raises in a worker raises the same exception (type,
message, notes) in the main process, as it would have raised there.

Workers are started with ``forkserver`` where the platform has it (Linux, macOS), else
``spawn`` (Windows). Not ``fork``: by the time a stage runs, the main process holds an open
SQLite connection and may run threads (the progress bars' refresh thread), and a forked
child inherits both, with any lock another thread held at that instant. The fork server is
a fresh process that imports the stage code once (:data:`PRELOAD`, and what the first pool
adds: the libraries its calls import lazily); each worker is forked from it, so a pool of N
starts in about the time of one import, not N.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import Any, TypeVar

from .calls import Call, Runner, in_order
from .errors import StorylineError

__all__ = ["Call", "Runner", "Workers", "default_jobs", "in_order", "usable_cores"]

T = TypeVar("T")

# The most workers the default starts: the measured speed-up flattens before this (the main
# process fingerprints, encodes and stores every result itself), and each worker costs memory.
MAX_DEFAULT_JOBS = 8
# A stage starts workers only for at least this many calls: starting the pool takes about a
# second (the fork server imports the stage code), as long as ~500 stories take on one core.
POOL_FROM = 500
# Calls per task sent to a worker (a story takes about 2 ms: a task is ~60 ms of work, so
# the per-task overhead is small and a Ctrl-C finds little left running); tasks kept in
# flight per worker, so a worker never waits for the main process to hand out the next.
TASK_CALLS = 32
IN_FLIGHT = 4
# At most this many items wait in one task's block (calls and the items between them whose
# results were read from the store): bounds the memory held ahead of the main process.
BLOCK_ITEMS = 256
# Imported once by the fork server, so that each worker starts with the stage code loaded
# (and the CLI's: a worker imports the main module again, the storyline script's imports it).
PRELOAD = ("storyline.pipeline", "storyline.cli")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform says)."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def default_jobs() -> int:
    """The number of workers when none is given: the usable cores, at most 8."""
    return max(1, min(usable_cores(), MAX_DEFAULT_JOBS))


class Workers:
    """Up to ``jobs`` worker processes for one analysis: started the first time a stage has
    :data:`POOL_FROM` calls or more, kept for the later stages, ended when the analysis
    ends; at once (terminated) when it ends by an exception or Ctrl-C."""

    def __init__(self, jobs: int, preload: tuple[str, ...] = ()) -> None:
        self.jobs = jobs
        self.preload = preload  # modules the calls import, besides PRELOAD
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, *exc: BaseException | TracebackType | None
    ) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kind is None:
            pool.shutdown(wait=True)
        else:  # the results are not wanted: workers must not finish their tasks first
            _terminate(pool)

    def runner(self, calls: int, per_task: int = 0, least: int = 0) -> Runner[Any]:
        """How to run ``calls`` calls: here, or ``per_task`` at a time (default
        :data:`TASK_CALLS`) in the workers when there are at least ``least`` (default
        :data:`POOL_FROM`)."""
        if self.jobs < 2 or calls < max(least or POOL_FROM, 2):
            return in_order
        return partial(self._ordered, per_task=per_task or TASK_CALLS)

    def _ordered(
        self, calls: Iterable[tuple[T, Call | None]], per_task: int
    ) -> Iterator[tuple[T, Any]]:
        try:
            pool = self._started()
        except (OSError, ImportError, NotImplementedError) as error:
            # A sandbox without POSIX semaphores or shared memory (some containers and
            # serverless hosts) cannot run a pool: the work is done here, and said so once.
            self.jobs = 1
            warnings.warn(
                f"storyline: worker processes could not be started ({error}); working in one "
                "process (--jobs 1 / RunOptions.jobs=1 says so and hides this warning)",
                RuntimeWarning,
                stacklevel=2,
            )
            yield from in_order(calls)
            return
        try:
            yield from self._in_pool(pool, calls, per_task)
        except BrokenProcessPool as error:  # killed (out of memory?): say so, not a traceback
            raise StorylineError(
                "a worker process ended abruptly (killed, or out of memory?); run again with "
                "--jobs 1 (RunOptions.jobs=1) to work in one process"
            ) from error

    def _in_pool(
        self, pool: ProcessPoolExecutor, calls: Iterable[tuple[T, Call | None]], per_task: int
    ) -> Iterator[tuple[T, Any]]:
        window: deque[tuple[list[tuple[T, Call | None]], Future[list[Any]] | None]] = deque()
        block: list[tuple[T, Call | None]] = []
        waiting = 0  # calls in the block
        for item in calls:
            block.append(item)
            waiting += item[1] is not None
            if waiting >= per_task or len(block) >= BLOCK_ITEMS:
                window.append(_submitted(pool, block))
                block, waiting = [], 0
                while len(window) > self.jobs * IN_FLIGHT:
                    yield from _results(*window.popleft())
        window.append(_submitted(pool, block))
        while window:
            yield from _results(*window.popleft())

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=_context(self.preload), initializer=_worker_started
            )
        return self._pool


def _context(preload: tuple[str, ...]) -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # heard only when the server starts: once a process, for its first pool
        context.set_forkserver_preload([*PRELOAD, *preload])
        return context
    return multiprocessing.get_context("spawn")


def _worker_started() -> None:
    # Ctrl-C in a terminal signals every process of the group: the main process stops the
    # run and ends the workers. A worker's own KeyboardInterrupt would only come back as a
    # task's result, or kill an idle worker with a traceback on stderr.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_calls(calls: list[Call]) -> list[Any]:
    """In a worker: one task's calls, in order."""
    return [call() for call in calls]


def _submitted(
    pool: ProcessPoolExecutor, block: list[tuple[T, Call | None]]
) -> tuple[list[tuple[T, Call | None]], Future[list[Any]] | None]:
    calls = [call for _, call in block if call is not None]
    return block, (pool.submit(_run_calls, calls) if calls else None)


def _results(
    block: list[tuple[T, Call | None]], future: Future[list[Any]] | None
) -> Iterator[tuple[T, Any]]:
    results = iter(future.result() if future is not None else ())
    for item, call in block:
        yield item, (next(results) if call is not None else None)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """End the workers now: what ``terminate_workers`` does from Python 3.14 on."""
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
