"""Every options object refuses a value of the wrong type or range where it is given."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from storyline.clean import CleanOptions
from storyline.cli import cli
from storyline.dedup import DedupOptions
from storyline.errors import OptionsError
from storyline.ingest import IngestOptions
from storyline.pipeline import RunOptions
from storyline.stories import StoryOptions
from storyline.summary import SummaryOptions
from storyline.timeline import TimelineOptions

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"
KINDS: tuple[type[Any], ...] = (
    IngestOptions,
    CleanOptions,
    DedupOptions,
    StoryOptions,
    TimelineOptions,
    SummaryOptions,
    RunOptions,
)


@pytest.mark.parametrize(("kind", "name"), [(kind, f.name) for kind in KINDS for f in fields(kind)])
def test_every_field_of_every_options_object_refuses_a_wrong_type(
    kind: type[Any], name: str
) -> None:
    with pytest.raises(OptionsError, match=rf"{kind.__name__}\.{name}"):
        kind(**{name: object()})


def test_the_values_qa_found_accepted_are_refused_naming_the_field() -> None:
    with pytest.raises(
        OptionsError, match=r"SummaryOptions\.max_words must be an integer or None, got str '50'"
    ):
        SummaryOptions(max_words="50")  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"DedupOptions\.shingle_size must be an integer"):
        DedupOptions(shingle_size="5")  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"TimelineOptions\.start must be a date"):
        TimelineOptions(start="2024-13-01")
    with pytest.raises(OptionsError, match=r"StoryOptions\.join_rule"):
        StoryOptions(join_rule=None)  # type: ignore[arg-type]
    with pytest.raises(
        OptionsError, match=r"TimelineOptions\.keywords must be a tuple of \(a string\)"
    ):
        TimelineOptions(keywords="flood")  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"TimelineOptions\.granularities"):
        TimelineOptions(granularities=("week",))  # type: ignore[arg-type]
    with pytest.raises(OptionsError, match=r"CleanOptions\.phrases must be True or False"):
        CleanOptions(phrases=1)  # type: ignore[arg-type]


def test_numbers_must_be_finite_and_integers_may_come_from_numpy() -> None:
    with pytest.raises(OptionsError, match=r"SummaryOptions\.position_weight must be a finite"):
        SummaryOptions(position_weight=float("nan"))
    with pytest.raises(OptionsError, match=r"StoryOptions\.half_life_days"):
        StoryOptions(half_life_days=float("inf"))
    assert DedupOptions(shingle_size=np.int64(4)).shingle_size == 4  # type: ignore[arg-type]
    assert StoryOptions(threshold=1).threshold == 1  # an int is a float


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (lambda: TimelineOptions(lag_weight=-1.0), r"lag_weight must be in \[0, inf\]"),
        (lambda: TimelineOptions(max_lag_days=-2), r"max_lag_days must be in \[0, inf\]"),
        (lambda: TimelineOptions(distinct_weight=2.0), r"distinct_weight must be in \[0, 1\]"),
        (lambda: TimelineOptions(quote_penalty=1.0), r"quote_penalty must be in \[0, 1\)"),
        (lambda: DedupOptions(threshold=0.0), r"threshold must be in \(0, 1\]"),
        (lambda: DedupOptions(num_perm=8192, bands=2), r"num_perm must be in \[1, 4096\]"),
        (lambda: SummaryOptions(min_words=9, max_sentence_words=8), r"max_sentence_words"),
        (lambda: CleanOptions(min_repeat=1), r"CleanOptions\.min_repeat must be in \[2, inf\]"),
        (lambda: IngestOptions(max_file_bytes=0), r"IngestOptions\.max_file_bytes"),
    ],
)
def test_ranges_are_checked_by_name(options: Any, message: str) -> None:
    with pytest.raises(OptionsError, match=message):
        options()


@pytest.mark.parametrize(
    "bad", ["2024-13-01", "2025-02-30", "2024-00", "2023-02-29", "24-01-01", "２０２４", "0000"]
)
def test_timeline_bounds_are_calendar_dates(bad: str) -> None:
    with pytest.raises(OptionsError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        TimelineOptions(end=bad)


def test_timeline_bounds_of_any_granularity_are_kept() -> None:
    options = TimelineOptions(start="2024", end="2024-02-29")
    assert (options.start, options.end) == ("2024", "2024-02-29")
    assert TimelineOptions(start="2024-02").start == "2024-02"


def test_the_cli_refuses_an_impossible_timeline_bound_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["timeline", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--from", "2024-13-01"]
    )
    assert result.exit_code == 2
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert error == [
        "Error: Invalid value for '--from': '2024-13-01' is not a date written YYYY, YYYY-MM "
        "or YYYY-MM-DD"
    ]
    assert not (tmp_path / "x.db").exists()
    month = CliRunner().invoke(cli, ["timeline", str(EXAMPLES), "-q", "--to", "2025-03"])
    assert month.exit_code == 0, month.output
