"""A desk's export writes its dates one way round: --date-order reads those that could swap."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import Run
from storyline.ingest.dates import read_published


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("03/04/2025", "dmy", "2025-04-03"),
        ("03/04/2025", "mdy", "2025-03-04"),
        ("3.4.2025", "dmy", "2025-04-03"),
        ("03-04-2025 10:30", "dmy", "2025-04-03T10:30:00"),
        ("13/04/2025", "dmy", "2025-04-13"),  # unambiguous: the same either way it is asked
        ("2025-03-04", "dmy", "2025-03-04"),  # year first is never read day first
    ],
)
def test_a_given_order_reads_a_date_whose_day_and_month_could_swap(
    value: str, order: str, expected: str
) -> None:
    assert read_published(value, order) == (expected, "")  # type: ignore[arg-type]


def test_without_an_order_such_a_date_is_not_read_and_the_reason_names_the_option() -> None:
    assert read_published("03/04/2025") == (
        None,
        "day and month could be either way round: --date-order dmy or mdy reads it",
    )
    # A time glued on with a "T" is no way round the question.
    assert read_published("03-04-2025T10:30:00Z")[0] is None
    # Two-digit years are not read with an order either: the option is not suggested.
    assert read_published("03/04/25") == (None, "day and month could be either way round")


def test_a_date_that_does_not_fit_the_order_says_so() -> None:
    assert read_published("25/03/2025", "mdy") == (None, "not a valid month/day/year date")
    assert read_published("31/02/2025", "dmy") == (None, "not a valid day/month/year date")


def _export(path: Path) -> Path:
    rows = [
        (
            "Council approves new harbour wall",
            "03/04/2025",
            "Marlow council approved a new "
            "harbour wall on Monday after the spring storm breached the old one.",
        ),
        (
            "Seafront café reopens after storm",
            "13/04/2025",
            "The seafront café reopened on "
            "Saturday after repairs that cost its owner twenty thousand pounds.",
        ),
    ]
    with path.open("w", newline="", encoding="cp1252") as stream:
        writer = csv.writer(stream)
        writer.writerow(["Headline", "Date", "Body"])
        writer.writerows(rows)
    return path


def test_a_second_run_with_the_order_dates_what_the_first_left_undated(
    run: Run, tmp_path: Path
) -> None:
    export = str(_export(tmp_path / "export.csv"))
    db = str(tmp_path / "desk.db")
    fields = ("--field", "title=Headline", "--field", "published=Date", "--field", "text=Body")
    first = run("digest", export, "--db", db, *fields, "--format", "json")
    assert "--date-order dmy or mdy reads it" in first.stderr
    dates = {a["title"]: a["published"] for a in json.loads(first.stdout)["articles"]}
    assert dates["Council approves new harbour wall"] is None
    again = run("digest", export, "--db", db, *fields, "--date-order", "dmy", "--format", "json")
    assert "either way round" not in again.stderr
    dates = {a["title"]: a["published"] for a in json.loads(again.stdout)["articles"]}
    assert dates == {
        "Council approves new harbour wall": "2025-04-03",
        "Seafront café reopens after storm": "2025-04-13",
    }


def test_the_order_is_one_of_two(run: Run, tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"), "--date-order", "ymd")
    assert result.exit_code == 2 and "'dmy'" in result.output


def test_an_export_of_swappable_dates_is_named_three_times_then_counted(
    run: Run, tmp_path: Path
) -> None:
    export = tmp_path / "desk.csv"
    with export.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["title", "published", "text"])
        for day in (1, 2, 3, 4, 6, 7, 8):  # not 5: 05/05 reads the same either way
            writer.writerow(
                [f"Wall section {day} poured", f"{day:02}/05/2025", f"Crews poured section {day}."]
            )
    result = run("ingest", str(export), "--db", str(tmp_path / "desk.db"))
    named = [line for line in result.stderr.splitlines() if "'0" in line]
    assert len(named) == 3
    assert f"note {export}: 4 more: dates not read: day and month could be either way round" in (
        result.stderr
    )
