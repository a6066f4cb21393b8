"""The temporal tagger read as a wire editor reads dates (sentences written for these tests)."""

from __future__ import annotations

import pytest

from storyline.timeline import tag_dates

WEDNESDAY = "2022-03-09"
FRIDAY = "2024-11-08"


def dates(sentence: str, published: str | None, language: str = "en") -> list[str | None]:
    return [mention.date for mention in tag_dates(sentence, published, language)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # what the clause waits for, said in words rather than in a future tense
        ("The walkout makes Thursday's strike all but certain.", WEDNESDAY, ["2022-03-10"]),
        (
            "Union leaders met on Tuesday, making Thursday's strike all but certain.",
            WEDNESDAY,
            ["2022-03-08", "2022-03-10"],
        ),
        (
            "Lawmakers are racing to pass the bill ahead of Friday's deadline.",
            WEDNESDAY,
            ["2022-03-11"],
        ),
        ("Markets are bracing for Thursday's rate decision.", WEDNESDAY, ["2022-03-10"]),
        ("With Sunday's runoff looming, both camps held rallies.", FRIDAY, ["2024-11-10"]),
        ("Tuesday's vote is likely to be close.", FRIDAY, ["2024-11-12"]),
        ("Organisers expect 50,000 people at Saturday's rally.", FRIDAY, ["2024-11-09"]),
        ("The truce is supposed to take effect at midnight on Friday.", WEDNESDAY, ["2022-03-11"]),
        ("A ruling is not expected before Friday.", WEDNESDAY, ["2022-03-11"]),
        # ... but a past clause keeps its weekday back
        ("Thursday's explosion killed three workers.", WEDNESDAY, ["2022-03-03"]),
        ("Police are investigating Tuesday's attack on a mosque.", FRIDAY, ["2024-11-05"]),
        ("Wednesday's announcement stunned investors.", FRIDAY, ["2024-11-06"]),
    ],
)
def test_a_weekday_a_clause_waits_for_is_ahead(
    sentence: str, published: str, expected: list[str]
) -> None:
    assert dates(sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The firm must respond by Monday, the regulator said.", ["2024-11-11"]),
        ("The company has promised an update by Monday.", ["2024-11-11"]),
        ("The regulator has until Thursday to decide.", ["2024-11-14"]),
        (
            "Officials warned on Thursday that the storm could make landfall by Sunday.",
            ["2024-11-07", "2024-11-10"],
        ),
        # told in the past, "by" is when something was done
        ("By Monday, rescuers had pulled 40 people from the rubble.", ["2024-11-04"]),
        ("The count was finished by Wednesday.", ["2024-11-06"]),
    ],
)
def test_a_weekday_deadline_is_ahead_unless_told_in_the_past(
    sentence: str, expected: list[str]
) -> None:
    assert dates(sentence, FRIDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kickoff is at 3 p.m. on Saturday.", ["2024-11-09"]),
        ("The ban goes into force on Monday.", ["2024-11-11"]),
        ("The pact, signed on Wednesday, takes effect on Saturday.", ["2024-11-06", "2024-11-09"]),
        ("The board meets on Tuesday to pick a new chair.", ["2024-11-12"]),
        ("The party holds its congress on Sunday.", ["2024-11-10"]),
        ("Voters go to the polls on Sunday in a test for the government.", ["2024-11-10"]),
    ],
)
def test_a_present_schedule_points_a_weekday_ahead(sentence: str, expected: list[str]) -> None:
    assert dates(sentence, FRIDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The embassy moved to Lviv in February.", ["2022-02"]),
        ("The team moved to Paris on Monday.", ["2022-03-07"]),
        # a rescheduling still points to its new date
        ("The hearing was moved to April 4.", ["2022-04-04"]),
        ("The vote was postponed to Thursday.", ["2022-03-10"]),
    ],
)
def test_a_move_to_a_place_is_no_rescheduling(sentence: str, expected: list[str]) -> None:
    assert dates(sentence, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks broke down in mid-January.", ["2022-01"]),
        ("Output peaked in mid-2021.", ["2021"]),
        ("Talks broke down in mid January.", ["2022-01"]),
    ],
)
def test_mid_with_a_hyphen_is_mid(sentence: str, expected: list[str]) -> None:
    assert dates(sentence, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # published on Tuesday 1 March 2022: the weekend before is February's
        ("Thousands marched through the capital over the weekend.", ["2022-02"]),
        ("Fighting intensified at the weekend.", ["2022-02"]),
        ("The weekend's floods destroyed hundreds of homes.", ["2022-02"]),
        ("The talks will resume at the weekend.", ["2022-03"]),
    ],
)
def test_a_weekend_without_last_or_next_is_the_nearest(sentence: str, expected: list[str]) -> None:
    assert dates(sentence, "2022-03-01") == expected
    mention = tag_dates(sentence, "2022-03-01")[0]
    assert mention.note.endswith("dated by month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The exhibition runs until September 30.", ["2022-09-30"]),
        ("The strike continues until Friday.", ["2022-03-11"]),
        ("The exhibition ran until September 30.", ["2021-09-30"]),
        ("The strike lasted until Friday.", ["2022-03-04"]),
    ],
)
def test_a_present_of_lasting_until_a_date_points_ahead(sentence: str, expected: list[str]) -> None:
    assert dates(sentence, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 2014 law bans the practice.", [("2014", "2014")]),
        ("Since the 2008 financial crisis, banks have tightened lending.", [("2008", "2008")]),
        ("Britain's 2010 election was close.", [("2010", "2010")]),
        # counts and decades are no years
        ("The 2014 workers went on strike.", []),
        ("Officials said 2,014 people had been evacuated.", []),
        ("The 1990s were a decade of growth.", []),
        ("The 9/11 attacks changed air travel.", []),
    ],
)
def test_a_year_that_names_what_it_qualifies(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = tag_dates(sentence, WEDNESDAY)
    assert [(mention.expression, mention.date) for mention in found] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "by" as who or what did it, and as when something was done
        ("Dozens may have been killed by Tuesday's earthquake.", ["2024-11-05"]),
        ("Protesters stand by Thursday in Cairo.", ["2024-11-07"]),
        ("By Thursday, the networks were silenced.", ["2024-11-07"]),
        ("Claimants who filed by Tuesday could get interim payments.", ["2024-11-05"]),
        ("Claims must be filed by Tuesday, officials said.", ["2024-11-12"]),
        ("Officials say the well could be permanently sealed by Sunday.", ["2024-11-10"]),
        # what a clause waits for governs the date after it, not one before
        (
            "Crowds that had gathered on Thursday ahead of the speech dispersed.",
            ["2024-11-07"],
        ),
        ("The relief well, projected to be done by mid-December, is on schedule.", ["2024-12"]),
    ],
)
def test_by_and_ahead_of_point_ahead_only_where_they_govern(
    sentence: str, expected: list[str]
) -> None:
    assert dates(sentence, FRIDAY) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Les écoles resteront fermées jusqu'à mardi.", "fr", ["2022-03-15"]),
        ("Les écoles sont fermées jusqu'à mardi.", "fr", ["2022-03-15"]),
        ("Le gouvernement a jusqu'à vendredi pour répondre.", "fr", ["2022-03-11"]),
        ("Le vote est prévu pour dimanche.", "fr", ["2022-03-13"]),
        ("Die Schulen bleiben bis Dienstag geschlossen.", "de", ["2022-03-15"]),
        ("Las escuelas permanecerán cerradas hasta el martes.", "es", ["2022-03-15"]),
        ("Los ministros se reunirán el jueves en Bruselas.", "es", ["2022-03-10"]),
        ("Las elecciones se celebrarán el domingo.", "es", ["2022-03-13"]),
        ("El acuerdo entrará en vigor en septiembre.", "es", ["2022-09"]),
        # a state that ended
        ("Les écoles sont restées fermées jusqu'à mardi.", "fr", ["2022-03-08"]),
        ("Die Schulen blieben bis Dienstag geschlossen.", "de", ["2022-03-08"]),
        ("Las escuelas estuvieron cerradas hasta el martes.", "es", ["2022-03-08"]),
    ],
)
def test_a_foreign_until_or_future_points_a_weekday_ahead(
    sentence: str, language: str, expected: list[str]
) -> None:
    assert dates(sentence, WEDNESDAY, language) == expected


def test_a_foreign_year_is_the_year_written() -> None:
    (found,) = tag_dates("В 2014 году посольство переехало во Львов.", WEDNESDAY, "ru")
    assert (found.date, found.granularity) == ("2014", "year")


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Les prix ont augmenté de 5 % le mois dernier.", "fr", "2022-02"),
        ("Les négociations reprendront la semaine prochaine.", "fr", "2022-03"),
        ("Die Preise stiegen im vergangenen Monat um fünf Prozent.", "de", "2022-02"),
        ("Los precios subieron un 5 % el mes pasado.", "es", "2022-02"),
        ("Las negociaciones se reanudarán la próxima semana.", "es", "2022-03"),
        ("В прошлом месяце цены выросли на 5 процентов.", "ru", "2022-02"),
        ("Переговоры возобновятся на следующей неделе.", "ru", "2022-03"),
        ("Выборы прошли в прошлом году.", "ru", "2021"),
        ("Соглашение вступит в силу в сентябре.", "ru", "2022-09"),
        ("Соглашение было подписано в сентябре.", "ru", "2021-09"),
        ("Школы будут закрыты до вторника.", "ru", "2022-03-15"),
        ("Школы были закрыты до вторника.", "ru", "2022-03-08"),
        ("Die Wahl findet am Sonntag statt.", "de", "2022-03-13"),
        ("Das Abkommen tritt im September in Kraft.", "de", "2022-09"),
    ],
)
def test_foreign_periods_months_and_weekdays_the_search_leaves_out(
    sentence: str, language: str, expected: str
) -> None:
    assert dates(sentence, WEDNESDAY, language) == [expected]


def test_foreign_periods_without_a_publication_date_stay_unresolved() -> None:
    (found,) = tag_dates("Les prix ont augmenté le mois dernier.", None, "fr")
    assert found.date is None and "no publication date" in found.note


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Prices have been rising since the start of the year.",
            [("the start of the year", "2022")],
        ),
        ("The deal should close by the end of the month.", [("the end of the month", "2022-03")]),
        ("The plan will be ready by the end of next year.", [("next year", "2023")]),
        ("At the end of the month of Ramadan, crowds gathered.", []),
    ],
)
def test_the_start_or_end_of_the_month_or_year_is_publications(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    found = tag_dates(sentence, WEDNESDAY)
    assert [(mention.expression, mention.date) for mention in found] == expected


def test_a_start_ahead_is_the_next_ones_and_a_start_with_its_year_not_publications() -> None:
    november = "2008-11-20"
    ahead = "Prices could fall to $75 a barrel by the beginning of the year."
    assert dates(ahead, november) == ["2009"]
    named = "Fears grew about a computer shutdown at the start of the year 2000."
    assert "2008" not in dates(named, november)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Le sommet se tiendra du 23 au 25 mars.", "fr", ("du 23 au 25 mars", "2022-03-23")),
        (
            "Der Gipfel findet vom 23. bis 25. März statt.",
            "de",
            ("vom 23. bis 25. März", "2022-03-23"),
        ),
        (
            "La cumbre se celebrará del 23 al 25 de marzo.",
            "es",
            ("del 23 al 25 de marzo", "2022-03-23"),
        ),
        ("Саммит пройдёт с 23 по 25 марта.", "ru", ("с 23 по 25 марта", "2022-03-23")),
        ("Le festival a eu lieu du 28 au 2 mars.", "fr", ("du 28 au 2 mars", "2022-02-28")),
    ],
)
def test_a_foreign_range_with_its_month_written_once_is_dated_at_its_start(
    sentence: str, language: str, expected: tuple[str, str]
) -> None:
    (found,) = tag_dates(sentence, WEDNESDAY, language)
    assert (found.expression, found.date) == expected
    assert found.note.startswith("range until")
