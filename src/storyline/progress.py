"""Progress on the terminal: rich bars on a TTY, silent otherwise, timing lines with -v."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from .pipeline import Progress as StageProgress
from .pipeline import ProgressCallback


@contextmanager
def progress_reporter(quiet: bool = False, verbose: bool = False) -> Iterator[ProgressCallback]:
    """Yield a callback for :mod:`storyline.pipeline` that draws bars and/or timing lines.

    Bars go to stderr and only when stderr is a terminal and ``quiet`` is off; with
    ``verbose`` one line ``stage: 1.23 s`` is printed per finished stage, followed by the
    stage's note when it has one (how much it reused from the last run).
    """
    console = Console(file=sys.stderr)
    show_bars = console.is_terminal and not quiet
    bars = Progress(
        TextColumn("{task.description:>9}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        console=console,
        transient=True,
        disable=not show_bars,
    )
    tasks: dict[str, TaskID] = {}

    def report(event: StageProgress) -> None:
        if event.finished:
            if event.stage in tasks:
                bars.remove_task(tasks.pop(event.stage))
            if verbose:
                note = f" ({event.note})" if event.note else ""
                console.print(f"{event.stage}: {event.seconds:.2f} s{note}", highlight=False)
            return
        if event.stage not in tasks:
            tasks[event.stage] = bars.add_task(event.stage, total=event.total, unit=event.unit)
        bars.update(tasks[event.stage], completed=event.done, total=event.total, unit=event.unit)

    with bars:
        yield report
