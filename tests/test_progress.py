"""What a long run tells its user while it runs: on a terminal a bar with the time spent and
the rate; in a log (no terminal) with -v, a line a minute, so a CI job that stops a step
silent for ten minutes keeps a 12-minute ingest of a 300 MB dump alive."""

from __future__ import annotations

import pytest

from storyline.pipeline import Progress
from storyline.progress import progress_reporter


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_log_gets_a_line_a_minute_with_the_count_and_the_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = _Clock()
    with progress_reporter(verbose=True, clock=clock) as report:
        report(Progress("ingest"))
        for done in range(1000, 200_001, 1000):
            clock.now += 0.5  # 2,000 records a second
            report(Progress("ingest", done))
        report(Progress("ingest", finished=True, seconds=100.0))
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "ingest: 120,000 so far (2,000/s)",
        "ingest: 100.00 s",
    ]


def test_a_log_line_names_the_total_when_it_is_known(capsys: pytest.CaptureFixture[str]) -> None:
    clock = _Clock()
    with progress_reporter(verbose=True, clock=clock) as report:
        report(Progress("results"))
        clock.now += 61
        report(Progress("results", 300, 1200))
    assert capsys.readouterr().err.splitlines() == ["results: 300 of 1,200 so far (5/s)"]


def test_without_verbose_a_log_stays_quiet(capsys: pytest.CaptureFixture[str]) -> None:
    clock = _Clock()
    with progress_reporter(clock=clock) as report:
        report(Progress("ingest"))
        clock.now += 600
        report(Progress("ingest", 5000))
        report(Progress("ingest", finished=True, seconds=600.0))
    assert capsys.readouterr().err == ""


def test_a_long_note_stays_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # It was broken at 80 columns in a log: "... 1 new or updated of" / "30 articles cleaned)".
    note = "1 earlier version of updated pages left out, 1 new or updated of 30 articles cleaned"
    with progress_reporter(verbose=True, clock=_Clock()) as report:
        report(Progress("clean", finished=True, seconds=0.07, note=note))
    assert capsys.readouterr().err.splitlines() == [f"clean: 0.07 s ({note})"]
