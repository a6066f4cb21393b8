"""Progress on the terminal: rich bars on a TTY, silent otherwise, timing lines with -v."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from .pipeline import Progress as StageProgress
from .pipeline import ProgressCallback

# A log (no terminal) with -v gets a line this often during a long stage: CI services stop
# a step that prints nothing for ten minutes, and ingesting a 300 MB dump takes longer.
HEARTBEAT_SECONDS = 60.0


class _Rate(ProgressColumn):
    """Items a second, once rich has timed a few steps: with the count, what tells how long
    a stage will take when its total is unknown (records are read without counting first)."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("" if speed is None else f"{speed:,.0f}/s")


@contextmanager
def progress_reporter(
    quiet: bool = False, verbose: bool = False, clock: Callable[[], float] = time.monotonic
) -> Iterator[ProgressCallback]:
    """Yield a callback for :mod:`storyline.pipeline` that draws bars and/or timing lines.

    Bars go to stderr and only when stderr is a terminal and ``quiet`` is off; with
    ``verbose`` one line ``stage: 1.23 s`` is printed per finished stage, followed by the
    stage's note when it has one (how much it reused from the last run), and, when there are
    no bars, a line ``ingest: 120,000 so far (1,010/s)`` every minute of a stage that counts.
    """
    console = Console(file=sys.stderr)
    show_bars = console.is_terminal and not quiet
    bars = Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        _Rate(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not show_bars,
    )
    tasks: dict[str, TaskID] = {}
    heartbeat = _Heartbeat(clock) if verbose and not show_bars else None

    def report(event: StageProgress) -> None:
        if heartbeat is not None and (line := heartbeat.line(event)):
            console.print(line, highlight=False, soft_wrap=True)
        if event.finished:
            if event.stage in tasks:
                bars.remove_task(tasks.pop(event.stage))
            if verbose:
                note = f" ({event.note})" if event.note else ""
                # One line each, however long the note: a log is read with grep, and rich
                # would break a line at 80 columns when standard error is no terminal.
                line = f"{event.stage}: {event.seconds:.2f} s{note}"
                console.print(line, highlight=False, soft_wrap=True)
            return
        if event.stage not in tasks:
            tasks[event.stage] = bars.add_task(event.stage, total=event.total, unit=event.unit)
        bars.update(tasks[event.stage], completed=event.done, total=event.total, unit=event.unit)

    with bars:
        yield report


class _Heartbeat:
    """When each stage started and last said how far it got, for the lines of a log."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.times: dict[str, tuple[float, float]] = {}  # stage: (started, last line)

    def line(self, event: StageProgress) -> str:
        """The line to print for ``event``: empty but once a minute of a counting stage."""
        if event.finished:
            self.times.pop(event.stage, None)
            return ""
        now = self.clock()
        started, last = self.times.setdefault(event.stage, (now, now))
        if not event.done or now - last < HEARTBEAT_SECONDS:
            return ""
        self.times[event.stage] = (started, now)
        total = f" of {event.total:,}" if event.total else ""
        rate = event.done / (now - started)
        return f"{event.stage}: {event.done:,}{total} so far ({rate:,.0f}/s)"
