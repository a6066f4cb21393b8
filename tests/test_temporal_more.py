"""The temporal tagger on foreign dates, intentions, schedules and states (fictional events)."""

from __future__ import annotations

import pytest

from helpers_temporal import SUNDAY, only, resolved
from storyline.timeline import tag_dates


def test_the_verb_last_is_not_a_past_marker() -> None:
    future = tag_dates("The strike will last until January 15.", "2024-01-09")
    assert [(m.expression, m.date) for m in future] == [("January 15", "2024-01-15")]
    past = tag_dates("The strike lasted until January 15.", "2024-01-09")
    assert [m.date for m in past] == ["2023-01-15"]


@pytest.mark.parametrize(
    ("sentence", "language", "published", "expected"),
    [
        ("El ministro habló el miércoles.", "es", "2024-01-10", "2024-01-10"),  # a Wednesday
        ("Le ministre a parlé lundi.", "fr", "2024-01-11", "2024-01-08"),
        ("Il est parti il y a une semaine.", "fr", "2024-01-11", "2024-01-04"),
    ],
)
def test_a_foreign_weekday_named_like_the_publication_day_is_that_day(
    sentence: str, language: str, published: str, expected: str
) -> None:
    assert [m.date for m in tag_dates(sentence, published, language)] == [expected]


def test_a_foreign_date_is_read_out_of_the_words_the_search_took_in() -> None:
    found = tag_dates("Die Fähre sank am Freitag in einem Sturm.", "2024-01-11", "de")
    assert [(m.expression, m.date) for m in found] == [("Freitag", "2024-01-05")]
    sentence = "Der Minister sprach am Montag."
    (monday,) = tag_dates(sentence, "2024-01-11", "de")
    assert sentence[monday.start : monday.end] == "Montag" and monday.date == "2024-01-08"


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Veltrix a annoncé jeudi une hausse des prix.", "fr", ("jeudi", "2024-01-11")),
        ("La empresa anunció el lunes una subida.", "es", ("lunes", "2024-01-08")),
    ],
)
def test_an_article_after_a_foreign_weekday_is_not_the_first_of_the_month(
    sentence: str, language: str, expected: tuple[str, str]
) -> None:
    found = tag_dates(sentence, "2024-01-11", language)
    assert [(m.expression, m.date) for m in found] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Published Wednesday 2025-03-12. Intentions and schedules point ahead ...
        ("The ferry company hopes to resume sailings on Saturday.", "2025-03-15"),
        ("Engineers should finish the repairs by Monday.", "2025-03-17"),
        ("The operator expects to finish the repairs by Sunday.", "2025-03-16"),
        ("The hearing, set for Friday, may be moved.", "2025-03-14"),
        ("Elections are scheduled for September.", "2025-09"),
        # ... a simple past whose participle differs points back ...
        ("Shares in Norvale Freight fell on March 20.", "2024-03-20"),
        ("The river rose in May.", "2024-05"),
        # ... so does hindsight, and a report of what someone said that day.
        ("The levee should have been raised in May.", "2024-05"),
        ("The mayor said on Monday that the port should stay closed.", "2025-03-10"),
        # What follows "since" closely is past, whatever the main verb.
        ("The minister will visit for the first time since the May 3 flood.", "2024-05-03"),
        ("The ports, which will reopen soon, have been shut since Sunday.", "2025-03-09"),
        # Ahead by more than 300 days: the date just past, which news would not date so.
        ("Wages owed will be paid by March 10.", "2025-03-10"),
        # A date that names an event is not moved ahead by a clause that looks ahead.
        ("Engineers will study the effects of the October 20 blast.", "2024-10-20"),
        # A dateline or a chronology's entry takes no tense from what follows it.
        ("VELMORA, March 10 (Wire) -- Floods are expected to hit the coast.", "2025-03-10"),
        ("February 20 - The ministry says it will review the port.", "2025-02-20"),
        ("March 30: Engineers will seal the well.", "2025-03-30"),
        # An intention's infinitive after a past cue points ahead ...
        ("The airline said it had a jet standing by to fly to Velmora on Saturday.", "2025-03-15"),
        ("Union leaders agreed to meet the minister on Friday.", "2025-03-14"),
        ("Health officials advised the school to close until Monday.", "2025-03-17"),
        ("The two ministers agreed to meet again on 20 March in Lissa.", "2025-03-20"),
        # ... not to a day of the year that would be most of a year ahead ...
        ("Health officials advised the school to close until 2 March.", "2025-03-02"),
        # ... and not an attempt, nor a plan overtaken ("had planned").
        ("Engineers tried to raise the wreck on Saturday.", "2025-03-08"),
        ("The crews had planned to dredge the harbour on Saturday.", "2025-03-08"),
    ],
)
def test_intentions_point_ahead_and_simple_pasts_back(sentence: str, expected: str) -> None:
    assert only(sentence, "2025-03-12").date == expected


def test_a_month_after_for_is_a_date_only_when_something_is_set_for_it() -> None:
    assert tag_dates("Retail sales for November rose sharply.", "2025-03-12") == []
    assert tag_dates("Fans cannot wait for November.", "2025-03-12") == []
    assert tag_dates("Support for May fell among her MPs.", "2025-03-12") == []
    # "Rose" with a capital is a name, not a verb: the date stays ahead.
    assert only("Rose Tallis will speak on Saturday.", "2025-03-12").date == "2025-03-15"


def test_a_comparison_is_no_shift_and_a_postponement_points_ahead() -> None:
    sentence = "The line should reopen on November 12, two days earlier than first planned."
    assert [m.date for m in tag_dates(sentence, "2025-11-05")] == ["2025-11-12"]
    assert only("The hearing was moved to December 3.", "2025-11-05").date == "2025-12-03"
    assert only("The vote was postponed until Friday.", "2025-11-05").date == "2025-11-07"
    # with the postponed thing between: the date is where it went, ahead
    assert only("The court adjourned the case until November 24.", "2025-11-05").date == (
        "2025-11-24"
    )
    assert only("Officials delayed the vote until Friday.", "2025-11-05").date == "2025-11-07"
    # a date it was suspended until that has passed stays in this year
    assert only("The curfew was suspended until November 2.", "2025-11-05").date == "2025-11-02"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In March last year a blaze in the same warehouse killed three workers.", "2025-03"),
        ("The fire was the second since June of last year.", "2025-06"),
        ("The terminal will open in June next year.", "2027-06"),
    ],
)
def test_a_month_with_its_year_named_after_it(sentence: str, expected: str) -> None:
    assert [(m.date, m.granularity) for m in tag_dates(sentence, "2026-03-11")] == [
        (expected, "month")
    ]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("La explosión mató a 12 personas e hirió a 57, y destruyó dos almacenes.", "es"),
        ("L'explosion a blessé 57, et brisé des vitres.", "fr"),
        ("Ein Feuer in Lagerhalle 1 drei Arbeiter.", "de"),
        ("Les hôpitaux ont soigné 57 personnes, dont neuf dans un état critique.", "fr"),
    ],
)
def test_a_foreign_count_beside_a_short_word_is_no_date(sentence: str, language: str) -> None:
    assert tag_dates(sentence, "2026-03-11", language) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A schedule in the present points ahead (published Thursday 2026-11-19) ...
        ("Mallory's first game is at Kilbride Athletic on Saturday.", "2026-11-21"),
        ("The inquiry begins on Monday.", "2026-11-23"),
        ("The harbour reopens on Tuesday, the port authority said.", "2026-11-24"),
        # ... but a present passive, an event named and a headline's present tell the past.
        ("He is accused of stealing the van on Saturday.", "2026-11-14"),
        ("Smoke is still rising from Tuesday night's blast.", "2026-11-17"),
        ("Storm floods Velmora harbour on Sunday.", "2026-11-15"),
        # A copula far back is another clause's.
        (
            "The ferry is one of the oldest in the fleet the owners sold in Velmora on Monday.",
            "2026-11-16",
        ),
    ],
)
def test_a_weekday_in_a_present_schedule_points_ahead(sentence: str, expected: str) -> None:
    assert only(sentence, "2026-11-19").date == expected


def test_a_foreign_month_of_last_year_is_last_years() -> None:
    sentence = "C'est le deuxième incendie : en mars de l'année dernière, un incendie a tué trois."
    assert [m.date for m in tag_dates(sentence, "2026-03-11", "fr")] == ["2025-03"]
    sentence = "Im Februar des vergangenen Jahres brannte die Halle."
    assert [m.date for m in tag_dates(sentence, "2026-03-11", "de")] == ["2025-02"]
    # Without "last year" the month is the latest one, as before.
    assert [m.date for m in tag_dates("En mars, un incendie a tué trois.", "2026-03-11", "fr")] == [
        "2026-03"
    ]


def test_a_foreign_numeric_date_after_a_preposition_is_the_day() -> None:
    assert [m.date for m in tag_dates("Am 10.03.2026 kam er.", "2026-03-11", "de")] == [
        "2026-03-10"
    ]


@pytest.mark.parametrize(
    ("sentence", "language", "published", "expected"),
    [
        # The day number before a German month was dropped: "März" alone, a month.
        ("Die Minister vereinbarten ein neues Treffen am 24. März.", "de", "2029-03-18",
         ("2029-03-24", "day")),
        ("Der Aufmarsch begann nach Angaben des Ministeriums am 5. März.", "de", "2029-03-12",
         ("2029-03-05", "day")),
        # A day and month two days after publication were read a whole year back.
        ("Les délégations se retrouveront à Lissa le samedi 17 mars, a annoncé jeudi la "
         "médiatrice.", "fr", "2029-03-15", ("2029-03-17", "day")),
        ("Фестиваль продлится до 25 марта.", "ru", "2029-03-13", ("2029-03-25", "day")),
        # Far ahead, still the past one.
        ("Le pont a été inauguré le 20 novembre.", "fr", "2029-03-15", ("2028-11-20", "day")),
    ],
)  # fmt: skip
def test_foreign_day_and_month_without_year(
    sentence: str, language: str, published: str, expected: tuple[str, str]
) -> None:
    first = tag_dates(sentence, published, language)[0]
    assert (first.date, first.granularity) == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Future clauses: the next such day, not the week before (published Thursday 15th).
        ("Norvanien und Estrelien werden am Samstag in Lissa verhandeln, teilte die "
         "Vermittlerin am Donnerstag mit.", "de", ["2029-03-17", "2029-03-15"]),
        ("Норвания и Эстрелия проведут переговоры в Лиссе в субботу, сообщила в четверг "
         "посредник.", "ru", ["2029-03-17", "2029-03-15"]),
        ("Норванія та Естрелія проведуть переговори в Ліссі в суботу, повідомила в четвер "
         "посередниця.", "uk", ["2029-03-17", "2029-03-15"]),
        ("Следующее заявление министерства ожидается во вторник.", "ru", ["2029-03-20"]),
        ("Le sommet se tiendra samedi à Lissa.", "fr", ["2029-03-17"]),
        ("Le sommet aura lieu jeudi à Lissa.", "fr", ["2029-03-15"]),
        # A month or a day and month without a year: the next one, not the one before.
        ("La hausse entrera en vigueur en septembre.", "fr", ["2029-09"]),
        ("Die Erhöhung werde im September in Kraft treten.", "de", ["2029-09"]),
        ("Le sommet se tiendra le 20 novembre à Lissa.", "fr", ["2029-11-20"]),
        ("Die Wahl wird im März stattfinden.", "de", ["2029-03"]),
        # ... within 300 days: a day just past is the one just past
        ("Les salaires seront versés avant le 10 mars.", "fr", ["2029-03-10"]),
        # Past clauses keep the latest such day.
        ("Der Zug wurde am Samstag gestoppt.", "de", ["2029-03-10"]),
        ("Die Regel trat im September in Kraft.", "de", ["2028-09"]),
        ("Le ministre est venu samedi, a-t-il dit.", "fr", ["2029-03-10"]),
    ],
)  # fmt: skip
def test_foreign_date_without_year_in_a_clause_that_looks_ahead(
    sentence: str, language: str, expected: list[str]
) -> None:
    assert [m.date for m in tag_dates(sentence, "2029-03-15", language)] == expected


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # "last week" was the day seven days back, a precision the text does not give.
        ("Letzte Woche sprach der Minister in Velgrad.", "de",
         ("2029-03", "month", "2029-03-05 to 2029-03-11, dated by month")),
        ("Минулого тижня міністр заявив про загрозу.", "uk",
         ("2029-03", "month", "2029-03-05 to 2029-03-11, dated by month")),
        ("Nächste Woche spricht der Minister in Velgrad.", "de",
         ("2029-03", "month", "2029-03-19 to 2029-03-25, dated by month")),
        # "a week ago" is that day.
        ("Vor einer Woche sprach der Minister in Velgrad.", "de", ("2029-03-08", "day", "")),
    ],
)  # fmt: skip
def test_foreign_last_week_is_the_week(
    sentence: str, language: str, expected: tuple[str, str, str]
) -> None:
    (mention,) = tag_dates(sentence, "2029-03-15", language)
    assert (mention.date, mention.granularity, mention.note) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A state that holds at publication ends ahead of it.
        ("Schools in Marlow have been closed until 6 May .", "2022-05-06"),
        ("The ferry terminal is shut until Wednesday .", "2022-01-26"),
        ("Flights remain suspended until at least Tuesday .", "2022-01-25"),
        ("The council has halted all building work until March 30 .", "2022-03-30"),
        # ... with the verb further back (read as the Wednesday before: session 25)
        (
            "The weather service has issued a red warning for the Oss valley until Wednesday ,"
            " with another 60 millimetres of rain expected .",
            "2022-01-26",
        ),
        # A state that is over ended in the past.
        ("The ferry terminal was shut until Wednesday .", "2022-01-19"),
        ("The schools stayed closed until January 6 .", "2022-01-06"),
    ],
)
def test_until_after_a_present_state_points_ahead(sentence: str, expected: str) -> None:
    assert resolved(sentence, SUNDAY) == (expected, "day")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # An intention's month a few months ahead is the coming one ...
        ("The envoys agreed to hold a donors' conference in March .", SUNDAY, "2022-03"),
        ("The mayor prepared to open the new bridge in July .", SUNDAY, "2022-07"),
        # ... one much further ahead was more often a plan for a month now past.
        ("The minister planned to visit the valley in March .", "2022-06-09", "2022-03"),
    ],
)
def test_a_month_an_intention_names(sentence: str, published: str, expected: str) -> None:
    assert resolved(sentence, published) == (expected, "month")


def test_an_extension_until_a_weekday_points_ahead() -> None:
    # Said on Tuesday 2026-11-03: the order now runs to the coming Thursday, not the last one.
    said = "2026-11-03"
    assert only("The governor extended the evacuation order until Thursday.", said).date == (
        "2026-11-05"
    )
    assert only("The curfew was extended until Monday.", said).date == "2026-11-09"
    assert only("Officials prolonged the state of emergency until Sunday.", said).date == (
        "2026-11-08"
    )
    # an extension of something else, on a day: that day is past
    assert only("The order was extended on Thursday to two more villages.", said).date == (
        "2026-10-29"
    )


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Published Wednesday 2026-12-02: the number after the weekday counts prisoners,
        # arrests or wounded; it is neither the year 1984 nor the 12th or 15th of the month.
        ("L'Ukraine et la Russie ont échangé mercredi 84 prisonniers.", "fr", "2026-12-02"),
        ("В среду 84 военнопленных вернулись домой.", "ru", "2026-12-02"),
        ("У середу 84 українці повернулися додому.", "uk", "2026-12-02"),
        ("El miércoles 84 presos fueron liberados.", "es", "2026-12-02"),
        ("La police a annoncé lundi 12 arrestations.", "fr", "2026-11-30"),
        ("Mardi 15 blessés ont été évacués.", "fr", "2026-12-01"),
        ("Am Mittwoch 84 Gefangene.", "de", "2026-12-02"),
        ("Mercredi 3 décembre, 84 soldats sont rentrés.", "fr", "2026-12-03"),
        # A day of the month that a month name follows is still that day.
        ("Le sommet aura lieu le lundi 14 décembre.", "fr", "2026-12-14"),
    ],
)
def test_a_count_after_a_foreign_weekday_is_not_its_day_or_year(
    sentence: str, language: str, expected: str
) -> None:
    assert [m.date for m in tag_dates(sentence, "2026-12-02", language)] == [expected]
