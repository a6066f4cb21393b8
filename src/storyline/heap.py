"""The cyclic garbage collector paused while a run builds objects that make no cycles.

A run reads back most of what it keeps: the stored articles, the story state, each story's
stored timeline and summary, the features of each stored text. Each is built of millions of
small objects (dataclasses, tuples, dicts), none in a cycle, kept to the end of the run, and
each collection their allocation sets off scans the whole heap: at 100k articles, decoding
every story's stored summary took 5.5-7.1 s with the collector on and 3.3-3.6 s paused.
Reference counting still frees everything else at once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused (as it was, after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
