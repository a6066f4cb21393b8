"""Which way a date without a year points, in a media monitor's items (a QA pass, session 22)."""

from __future__ import annotations

import pytest

from storyline.timeline import tag_dates

SUNDAY = "2026-12-06"
FRIDAY = "2026-12-04"


def _dates(sentence: str, published: str) -> list[str | None]:
    return [mention.date for mention in tag_dates(sentence, published)]


def test_a_vote_to_strike_from_a_weekday_points_ahead() -> None:
    # "voted on Sunday to strike from Tuesday": the vote is Sunday's, the strike the next
    # Tuesday; read as past, the timeline put the vote on the Tuesday before.
    sentence = "Workers at the plant voted on Sunday to strike from Tuesday, the union said."
    assert _dates(sentence, SUNDAY) == ["2026-12-06", "2026-12-08"]
    assert _dates("Workers voted on Friday.", SUNDAY) == ["2026-12-04"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "recommended" after "a" is an adjective, not the past tense that outweighed "will"
        (
            "The AquaPure 400 will be available in Germany, France and the Benelux from "
            "February at a recommended price of 899 euros.",
            ["2027-02"],
        ),
        ("The affected units were sold in March.", ["2026-03"]),
    ],
)
def test_an_adjective_in_ed_is_no_past_tense(sentence: str, expected: list[str]) -> None:
    assert _dates(sentence, FRIDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # the units were built in September; the extension is what lies ahead
        (
            "Verrano said on Tuesday it would extend its recall to units built in September, "
            "bringing the total to 61,500 machines.",
            "2026-12-08",
            ["2026-12-08", "2026-09"],
        ),
        ("Williams would not comment on any decisions made Sunday by the board.", "2026-12-08",
         ["2026-12-06"]),
        # a passive future stays ahead
        ("The new model will be built in March.", "2026-12-08", ["2027-03"]),
    ],
)  # fmt: skip
def test_a_date_of_things_made_is_past(sentence: str, published: str, expected: list[str]) -> None:
    assert _dates(sentence, published) == expected


def test_a_decision_expected_by_a_weekday_is_ahead() -> None:
    # the CEO's "decision expected by Friday", said on a Tuesday, is that week's Friday
    sentence = (
        "She said the company would widen the recall if engineers found the fault, "
        "with a decision expected by Friday."
    )
    assert _dates(sentence, "2026-12-08") == ["2026-12-11"]
    assert _dates("A ruling was expected by Monday but came late.", "2026-12-08") == ["2026-12-07"]
