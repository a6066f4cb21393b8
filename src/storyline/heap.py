"""The cyclic garbage collector kept off what a run reads back and keeps to its end.

A run reads back most of what it keeps: the stored articles, the story state, each story's
stored timeline and summary, the features of each stored text. Each is millions of small
objects (dataclasses, tuples, dicts), none in a cycle, kept to the end of the run. The
collector scans every object it tracks at each full collection, and a run's own allocations
set off such collections again and again: at 100k articles they took 8.3 s of an update of
10 articles (10.6 s with the younger generations, of 67 s). Pausing it while they are read
only put the scan off to the next collection (8.5 s).

So, inside :func:`run_heap` (an analysis), the end of each :func:`no_cyclic_gc` pause
freezes every object alive (:func:`gc.freeze`: left out of collections, still freed by
reference counting when dropped), and the end of the run thaws them, so that a process that
goes on (the web app, a script) collects them as before: the collector then took 1.5-2.0 s
of that update. Outside a run, a pause is only a pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_runs = 0  # how many run_heap blocks are open (an analysis inside another's callback: 2)


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused (as it was, after); inside :func:`run_heap`,
    what is alive at the end is frozen until the run ends."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if _runs:
                gc.freeze()
            gc.enable()


@contextmanager
def run_heap() -> Iterator[None]:
    """A run: objects frozen inside (see :func:`no_cyclic_gc`) are thawed when it ends.
    Nothing is frozen when the caller has frozen objects of its own (thawing would thaw
    theirs too)."""
    global _runs
    if gc.get_freeze_count() and not _runs:
        yield
        return
    _runs += 1
    try:
        yield
    finally:
        _runs -= 1
        if not _runs:
            gc.unfreeze()
