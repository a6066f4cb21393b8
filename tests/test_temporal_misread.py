"""Dates the tagger misread in other languages and in English plans told in the past (a
multilingual corpus, session 28): counts and vote tallies read as years, a day without a
year put a year back though its clause looks ahead, or ahead though it is told in the past."""

from __future__ import annotations

import pytest

from storyline.timeline import tag_dates

MARCH = "2025-03-20"


def _dates(sentence: str, language: str, published: str = MARCH) -> list[str | None]:
    return [mention.date for mention in tag_dates(sentence, published, language)]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a count followed by what it counts is no year (they were 1900 and 1800)
        ("Комбинат выплавил 1900 тонн меди и сохранит 1800 рабочих мест.", "ru", []),
        ("Фабрика виробила 1900 тонн цукру у 2014 році.", "uk", ["2014"]),
        ("Mehr als 1800 Menschen und 1900 Fahrgäste saßen fest.", "de", []),
        # ... but a year before another word is still one
        (
            "En 1900 personne ne connaissait Vernolle; 1800 emplois y sont menacés.",
            "fr",
            ["1900"],
        ),
        ("В 2025 и 2026 годах комбинат выплавит 1900 тонн.", "ru", ["2025", "2026"]),
        # dateparser read a Russian year with its word as so many years back: it was lost
        ("Комбинат в Тальске открыли в 1900 году.", "ru", ["1900"]),
    ],
)
def test_a_count_is_no_year(sentence: str, language: str, expected: list[str]) -> None:
    assert _dates(sentence, language) == expected


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        # "mit 34" was read as 1934, "34 à 17" as 17 March 1934
        ("Der Gemeinderat von Ostwald stimmte mit 34 zu 17 Stimmen für die Brücke.", "de"),
        ("Le conseil de Vernolle a adopté le projet par 34 voix contre 17, soit 34 à 17.", "fr"),
    ],
)
def test_a_vote_tally_is_no_date(sentence: str, language: str) -> None:
    assert _dates(sentence, language) == []


def test_a_tally_beside_a_date_leaves_the_date() -> None:
    assert _dates("Am 5. März stimmte der Rat mit 34 zu 17 Stimmen zu.", "de") == ["2025-03-05"]
    # "3 à 5" before a month is a range of days, dated as before (at its end)
    assert _dates("La foire de Vernolle se tiendra du 3 à 5 mai.", "fr") == ["2025-05-05"]


def test_a_foreign_day_months_ahead_follows_its_tense_both_ways() -> None:
    # a clause that looks ahead: the coming July, four months off (it went a year back)
    ahead = "Il programma del festival sarà presentato a Morello il 22 luglio."
    assert _dates(ahead, "it") == ["2025-07-22"]
    assert _dates("A mostra será aberta ao público em Vilar a 22 de julho.", "pt") == ["2025-07-22"]
    # told in the past: last July
    assert _dates("Il regista Bruno Vitali è morto il 22 luglio.", "it") == ["2024-07-22"]


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # told in the past, a few weeks ahead of publication: the one before (it went ahead)
        ("Il regista Bruno Vitali è morto il 10 aprile.", "it", "2024-04-10"),
        ("Murió en Valdeluz el 2 de abril.", "es", "2024-04-02"),
        ("O prefeito de Vilar morreu em 10 de abril.", "pt", "2024-04-10"),
        ("Le maire de Vernolle a été élu le 2 avril.", "fr", "2024-04-02"),
        ("Der Bürgermeister von Ostwald ist am 2. April gestorben.", "de", "2024-04-02"),
    ],
)
def test_a_foreign_day_told_in_the_past_is_before_publication(
    sentence: str, language: str, expected: str
) -> None:
    assert _dates(sentence, language) == [expected]


def test_a_foreign_day_moved_or_scheduled_stays_ahead() -> None:
    # a date moved to a later day is ahead, though told in the past
    assert _dates("Die Abstimmung in Ostwald wurde auf den 2. April verschoben.", "de") == [
        "2025-04-02"
    ]
    assert _dates("La prima del film è stata rinviata al 10 aprile.", "it") == ["2025-04-10"]
    # so is a day set in the past tense
    assert _dates("Le conseil a fixé le vote au 10 avril.", "fr") == ["2025-04-10"]
    assert _dates("A câmara marcou a votação para 10 de abril.", "pt") == ["2025-04-10"]
    assert _dates("Der Rat hat die Abstimmung auf den 10. April festgelegt.", "de") == [
        "2025-04-10"
    ]
    # what is reported has its own tense
    said = "Il museo di Morello ha annunciato che la mostra riapre il 10 aprile."
    assert _dates(said, "it") == ["2025-04-10"]
    assert _dates("Il museo ha detto che il pittore è morto il 10 aprile.", "it") == ["2024-04-10"]
    # the day after publication is a dating slip, not a year back
    assert _dates("Il regista Bruno Vitali è morto il 21 marzo.", "it") == ["2025-03-21"]
    # no tense to go by: a few weeks ahead is a schedule
    assert _dates("Apertura della mostra di Morello il 10 aprile.", "it") == ["2025-04-10"]
    # ... and the past still goes back (it went ahead)
    assert _dates("La mostra di Morello ha chiuso il 10 aprile.", "it") == ["2024-04-10"]


def test_a_plan_told_in_the_past_has_no_tense() -> None:
    # the tour called off before it began: its first day is still ahead (it went a year
    # back, flagged as a dating slip)
    sentence = (
        "The Kestrel Quartet's tour was to begin in Oslo on April 3 and end in Riga on May 2."
    )
    assert _dates(sentence, "en") == ["2025-04-03", "2025-05-02"]
    assert _dates("The tour was to begin on April 3 but was called off.", "en") == ["2025-04-03"]
    assert _dates("The ferry had been due to resume on April 14.", "en") == ["2025-04-14"]
    # the nearer of the two, either side: four months ahead rather than eight back
    assert _dates("The Vernolle festival was to open on July 22.", "en") == ["2025-07-22"]


def test_a_plan_far_from_publication_is_the_one_before() -> None:
    # a plan's day nearer back than ahead: the one before (the summit went to the coming
    # October, six months ahead rather than five and a half back)
    assert _dates("The summit was scheduled to open on October 3.", "en") == ["2024-10-03"]
    sentence = "The Harlow bridge was to open on January 10, but the steel came late."
    assert _dates(sentence, "en") == ["2025-01-10"]
    # "was to blame" is no plan: the crash went by
    assert _dates("The driver was to blame for the crash on March 2.", "en") == ["2025-03-02"]


def test_a_span_after_a_weekday_is_no_day_of_the_month() -> None:
    # "domingo, 12 anos": the 12th of the month (read a year back when told in the past)
    sentence = "O géiser de Vilar voltou a jorrar este domingo, 12 anos depois da última vez."
    assert _dates(sentence, "pt", "2025-03-23") == ["2025-03-23"]
    # a day after a weekday is still the date's own
    assert _dates("O géiser voltou a jorrar no domingo, 16 de março.", "pt", "2025-03-23") == [
        "2025-03-16"
    ]
