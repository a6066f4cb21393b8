"""Holidays named instead of a date, years listed after a year, years far ahead, and schedules
in the present tense (sentences written for these tests)."""

from __future__ import annotations

import pytest

from storyline.timeline import tag_dates

JANUARY = "2022-01-10"
DECEMBER = "2022-12-01"


def read(sentence: str, published: str | None = JANUARY) -> list[tuple[str | None, str]]:
    return [(mention.date, mention.note) for mention in tag_dates(sentence, published)]


def dates(sentence: str, published: str | None = JANUARY) -> list[str | None]:
    return [date for date, _ in read(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Two men were arrested on Christmas Day.", JANUARY, ["2021-12-25"]),
        ("The strike will start on Christmas Eve.", DECEMBER, ["2022-12-24"]),
        ("The shooting happened on Christmas morning.", "2022-12-28", ["2022-12-25"]),
        ("Fireworks on New Year's Eve injured twelve people.", JANUARY, ["2021-12-31"]),
        ("Fireworks on New Year\u2019s Eve injured twelve people.", JANUARY, ["2021-12-31"]),
        ("The curfew lifts on New Year's Day.", DECEMBER, ["2023-01-01"]),
        ("Since St. Valentine's Day, flower prices have doubled.", "2022-03-01", ["2022-02-14"]),
        ("He died on Halloween, his family said.", "2022-11-05", ["2022-10-31"]),
        ("The sales begin on Boxing Day.", "2022-12-10", ["2022-12-26"]),
        ("The wave struck the coast on Boxing Day, 2004.", JANUARY, ["2004-12-26"]),
        # the name of a holiday that qualifies something is no date, nor is the feast itself
        ("Shoppers spent more on Christmas gifts this year.", DECEMBER, ["2022"]),
        ("The Boxing Day sales begin in two weeks.", "2022-12-10", []),
        ("Survivors of the Boxing Day tsunami met in Phuket.", JANUARY, []),
        ("She gave her views on Christmas.", DECEMBER, []),
        ("Halloween is the scariest night of the year.", "2022-10-20", []),
        ("A Christmas tree was lit in the square.", DECEMBER, []),
        ("He hopes to be home for Christmas.", DECEMBER, []),
    ],
)
def test_a_holiday_on_a_fixed_day_is_its_date(
    sentence: str, published: str, expected: list[str]
) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Prices fell in 2008 and 2009.", ["2008", "2009"]),
        ("Floods hit the valley in 2008, 2009, and in 2011.", ["2008", "2009", "2011"]),
        ("Since 2015 or 2016 the lake has shrunk.", ["2015", "2016"]),
        # a count after "and" is no year
        ("In 2008 and 2000 troops came home.", ["2008"]),
        ("In 2019, 2020 people applied.", ["2019"]),
    ],
)
def test_years_listed_after_a_year_are_dated(sentence: str, expected: list[str]) -> None:
    assert dates(sentence) == expected


def test_a_year_far_ahead_is_read_and_flagged() -> None:
    [(date, note)] = read("Engineers say the wall must hold until 2150.")
    assert date == "2150"
    assert "far future: 128 years after publication" in note


@pytest.mark.parametrize(
    "sentence",
    ["The council met in 2500 homes.", "The convoy arrived in 2100 hours.", "In 2300 cases, no"],
)
def test_a_count_beyond_2100_is_no_year(sentence: str) -> None:
    assert dates(sentence) == []


def test_present_schedules_point_ahead() -> None:
    assert dates("The new rules kick in on Saturday.", "2022-01-12") == ["2022-01-15"]
    [(date, note)] = read("The first section opens on March 3, 2024.", "2022-01-12")
    assert (date, note) == ("2024-03-03", "")
    [(_, past_note)] = read("The first section opened on March 3, 2024.", "2022-01-12")
    assert "after publication in a clause not in the future tense" in past_note


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Bombs exploded in three churches on Easter Sunday.", "2019-04-25", ["2019-04-21"]),
        ("Shops will close on Good Friday.", "2024-03-20", ["2024-03-29"]),
        ("He was freed on Easter Monday, 1998.", JANUARY, ["1998-04-13"]),
        ("The ceasefire has held since Easter Monday.", "2025-05-02", ["2025-04-21"]),
        # a feast whose day depends on the calendar or the country is not read
        ("Families gathered on Thanksgiving.", DECEMBER, []),
        ("Services were held on Orthodox Easter.", "2022-04-30", []),
    ],
)
def test_a_feast_that_moves_is_found_in_its_year(
    sentence: str, published: str, expected: list[str]
) -> None:
    assert dates(sentence, published) == expected


def test_western_easter_by_the_computus() -> None:
    from storyline.timeline.holidays import easter

    known = ["1961-04-02", "2000-04-23", "2019-04-21", "2024-03-31", "2025-04-20", "2038-04-25"]
    assert [easter(int(day[:4])).isoformat() for day in known] == known
