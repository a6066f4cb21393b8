"""The temporal tagger on sentences written for these tests (fictional events)."""

from __future__ import annotations

import pytest

from helpers_temporal import SUNDAY, WEDNESDAY, only, resolved
from storyline.model import Article
from storyline.timeline import infer_published, published_conflict, tag_dates


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Published on a Sunday: "on Sunday" is that very day, in either tense.
        ("The ferry service stopped on Sunday.", SUNDAY, "2022-01-23"),
        ("The ferry service will stop on Sunday.", SUNDAY, "2022-01-23"),
        ("The ferry service stopped last Sunday.", SUNDAY, "2022-01-16"),
        ("The ferry service will stop next Sunday.", SUNDAY, "2022-01-30"),
        ("The council met on Monday.", SUNDAY, "2022-01-17"),
        ("The council will meet on Monday.", SUNDAY, "2022-01-24"),
        # Published midweek: past tense looks back, future tense looks ahead.
        ("The ferry service stopped on Sunday.", WEDNESDAY, "2022-01-23"),
        ("The ferry service is expected to resume on Sunday.", WEDNESDAY, "2022-01-30"),
        ("On Wednesday, the mayor said the bridge was safe.", WEDNESDAY, "2022-01-26"),
        # Year boundaries.
        ("The warehouse fire started on December 28.", "2022-01-03", "2021-12-28"),
        ("The vote will be held on January 5.", "2021-12-30", "2022-01-05"),
        ("The market reopened on 2 January.", "2022-01-03", "2022-01-02"),
        ("Inspectors visited the site yesterday.", "2022-01-01", "2021-12-31"),
        ("Results are due tomorrow.", "2021-12-31", "2022-01-01"),
    ],
)
def test_days_resolve_against_publication(sentence: str, published: str, expected: str) -> None:
    assert resolved(sentence, published) == (expected, "day")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # No tense in the clause: a date a few weeks ahead is a schedule...
        ("The port can take 350 containers a day as of 25 January.", "2010-01-19", "2010-01-25"),
        ("Offers are due by Oct. 27.", "2008-10-11", "2008-10-27"),
        ("The election is set for February 22.", "2011-01-27", "2011-02-22"),
        # ...while one months ahead is last year's ("his March 31 announcement", in October).
        ("The president spoke in his March 31 announcement.", "2010-10-12", "2010-03-31"),
        ("As of Jan. 1, the stock made up 30 percent of the accounts.", "2010-07-08", "2010-01-01"),
        # A past-tense clause always looks back, however near the date ahead is.
        ("The market reopened on 2 January.", "2021-12-30", "2021-01-02"),
        # "due by" looks ahead, like "will".
        ("Several hundred more troops are due by Friday.", "2010-01-14", "2010-01-15"),
        # A clause with no tense of its own takes the future marker to its left.
        ("He said he would meet Bush and Clinton on Saturday.", "2010-01-15", "2010-01-16"),
        ("He met Bush and Clinton on Saturday.", "2010-01-15", "2010-01-09"),
        # Past and future markers in one clause: the nearer one governs...
        ("On Monday, the envoy said he would ask for more troops.", "2010-01-19", "2010-01-18"),
        ("Officials said the vote would be held on Sunday.", "2010-01-19", "2010-01-24"),
        # ...and an -ed word ("chartered") is no past marker next to a future one.
        ("Citizens will leave on chartered flights on Monday.", "2011-01-30", "2011-01-31"),
    ],
)
def test_dates_without_a_year_or_tense_look_back_unless_near_ahead(
    sentence: str, published: str, expected: str
) -> None:
    assert resolved(sentence, published) == (expected, "day")


def test_past_and_future_clauses_in_one_sentence() -> None:
    mentions = tag_dates("He arrived on December 28 and will leave on January 5.", "2022-01-03")
    assert [(m.expression, m.date) for m in mentions] == [
        ("December 28", "2021-12-28"),
        ("January 5", "2022-01-05"),
    ]


def test_a_weekday_that_ends_a_stretch_comes_after_its_start() -> None:
    """Alone, "Wednesday" in a Monday paper is the Wednesday before; after "from Monday to"
    it is the one after, and a day after publication is said to be."""
    talks = tag_dates("The ferry talks ran from Monday to Wednesday.", "2031-03-03")
    assert [(m.expression, m.date) for m in talks] == [
        ("Monday", "2031-03-03"),
        ("Wednesday", "2031-03-05"),
    ]
    assert (
        talks[1].note
        == "the end of a stretch from 2031-03-03; after the publication date 2031-03-03"
    )
    storm = tag_dates("The storm hit on Sunday night into Monday, crews said.", "2031-03-04")
    assert [(m.expression, m.date, m.note) for m in storm] == [
        ("Sunday", "2031-03-02", ""),
        ("Monday", "2031-03-03", ""),  # already after its start: unchanged
    ]
    said = tag_dates("He said on Monday he would resign on Friday.", "2031-03-03")
    assert [m.date for m in said] == ["2031-03-03", "2031-03-07"]  # no stretch


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # A Tuesday's report of the night before: not the Monday after (2026-12-07).
        ("Russia launched 23 drones overnight into Monday, and 17 were shot down.",
         "2026-12-01T09:00:00Z", "2026-11-30"),
        ("Russia launched 40 drones overnight into Sunday.", "2026-12-01", "2026-11-29"),
        # The night that ends on the publication day is that day, not a week on.
        ("Russia launched 40 drones overnight into Tuesday.", "2026-12-01", "2026-12-01"),
        # A forecast of the coming night: the day after.
        ("Storms are expected overnight into Tuesday.", "2026-11-30", "2026-12-01"),
    ],
)  # fmt: skip
def test_overnight_into_a_weekday_is_the_night_that_ends_on_the_nearest_such_day(
    sentence: str, published: str, expected: str
) -> None:
    assert [m.date for m in tag_dates(sentence, published)] == [expected, expected]


def test_a_weekday_listed_after_another_comes_after_it() -> None:
    # Published on a Friday: alone, "Saturday" would be the Saturday before.
    games = tag_dates("The league decided to postpone games scheduled for Friday and Saturday.",
                      "2031-03-07")  # fmt: skip
    assert [m.date for m in games] == ["2031-03-07", "2031-03-08"]
    assert games[1].note.startswith("listed after 2031-03-07")
    # "tomorrow, Friday" names one day twice.
    bracing = tag_dates("What are you bracing for tomorrow, Friday?", "2031-03-06")
    assert [m.date for m in bracing] == ["2031-03-07", "2031-03-07"]


def test_weeks_are_dated_by_the_month_holding_their_middle() -> None:
    # Published Monday 2022-01-03: last week ran 2021-12-27 to 2022-01-02, mid-week in December.
    mention = only("The talks collapsed last week.", "2022-01-03")
    assert (mention.date, mention.granularity) == ("2021-12", "month")
    assert mention.note == "2021-12-27 to 2022-01-02, dated by month"
    assert resolved("The talks collapsed last week.", "2022-01-19") == ("2022-01", "month")
    mention = only("As announced earlier this week, the plant will close.", "2022-01-27")
    assert (mention.date, mention.note) == ("2022-01", "2022-01-24 to 2022-01-26, dated by month")


def test_years_and_months() -> None:
    assert resolved("Sales have doubled this year.", "2022-05-04") == ("2022", "year")
    assert resolved("Sales fell last year.", "2022-05-04") == ("2021", "year")
    assert resolved("The dam was finished in 2014.", None) == ("2014", "year")
    assert resolved("Aid has flowed since January 2014.", None) == ("2014-01", "month")
    assert resolved("The strike began in March.", "2022-05-04") == ("2022-03", "month")
    assert resolved("The strike began in November.", "2022-05-04") == ("2021-11", "month")


def test_absolute_dates_need_no_publication_date() -> None:
    assert resolved("The pact was signed on Jan. 17, 2022.", None) == ("2022-01-17", "day")
    assert resolved("The pact was signed on 17 January 2022.", None) == ("2022-01-17", "day")
    assert resolved("The pact was signed on 2022-01-17.", None) == ("2022-01-17", "day")
    assert resolved("The rig exploded on April 20 , 2010 .", None) == ("2010-04-20", "day")


def test_ranges_are_dated_at_their_start() -> None:
    mention = only("The summit ran from January 3 to 5.", "2022-01-10")
    assert (mention.expression, mention.date, mention.note) == (
        "from January 3 to 5",
        "2022-01-03",
        "range until 2022-01-05",
    )
    mention = only("The festival ran 3-5 May 2010.", None)
    assert (mention.date, mention.note) == ("2010-05-03", "range until 2010-05-05")


def test_later_counts_from_the_previous_reference() -> None:
    assert resolved("Two days later, the ship sank.", None, context="2022-01-09") == (
        "2022-01-11",
        "day",
    )
    assert resolved("The next day, it was raised.", None, context="2022-01-09") == (
        "2022-01-10",
        "day",
    )
    mention = only("Two days later, the ship sank.", "2022-01-20")
    assert mention.date is None
    assert "no earlier day-precise date" in mention.note


def test_a_shift_that_names_its_event_does_not_count_from_the_previous_date() -> None:
    mention = only("A second tremor struck eight days after the first quake.", SUNDAY,
                   context="2022-01-09")  # fmt: skip
    assert (mention.expression, mention.date) == ("eight days after", None)
    assert "named event" in mention.note
    mention = only("The ferry sailed the day after the vote.", SUNDAY, context="2022-01-09")
    assert mention.date is None
    # Nothing named after it: counted from the previous date, as "later" is.
    assert resolved("A week before, the pier was closed.", SUNDAY, context="2022-01-19") == (
        "2022-01",
        "month",
    )
    assert resolved("A day after that, it reopened.", SUNDAY, context="2022-01-09") == (
        "2022-01-10",
        "day",
    )


def test_later_counts_from_a_day_named_before_it_in_the_sentence() -> None:
    mentions = tag_dates("The rig exploded on 20 October and sank two days later.", SUNDAY,
                         context="2022-01-09")  # fmt: skip
    assert [(m.expression, m.date) for m in mentions] == [
        ("20 October", "2021-10-20"),
        ("two days later", "2021-10-22"),
    ]
    mentions = tag_dates("Crews rescued two people on Saturday and two the day before.", SUNDAY)
    assert [m.date for m in mentions] == ["2022-01-22", "2022-01-21"]


def test_a_count_in_words_is_read_whole() -> None:
    assert resolved("Twenty-five years ago, the shuttle broke up.", SUNDAY) == ("1997", "year")
    assert resolved("Fifteen days later, the ship sank.", None, context="2022-01-09") == (
        "2022-01-24",
        "day",
    )


def test_a_shift_counts_from_the_date_its_event_holds() -> None:
    mentions = tag_dates("Drilling ended three days before the blast on 17 October.", SUNDAY,
                         context="2022-01-09")  # fmt: skip
    assert [(m.expression, m.date) for m in mentions] == [
        ("three days before", "2021-10-14"),
        ("17 October", "2021-10-17"),
    ]
    mentions = tag_dates("Oil reached the shore six weeks after the October 20 blast.", SUNDAY)
    assert (mentions[0].date, mentions[0].granularity) == ("2021-12", "month")
    # Days from a month are not a day.
    mentions = tag_dates("Oil came ashore a week after the blast in April.", SUNDAY)
    assert mentions[0].date is None
    # The date must be in the event phrase, not in the next clause.
    mentions = tag_dates("He left a day after the vote, on 17 April.", SUNDAY)
    assert mentions[0].date is None


def test_no_publication_date_leaves_relative_expressions_unresolved() -> None:
    mention = only("On Sunday, the agency said it would act.", None)
    assert (mention.expression, mention.date, mention.granularity) == ("Sunday", None, None)
    assert mention.note == "relative expression 'Sunday' and no publication date"
    mention = only("The unit left on January 9.", None)
    assert mention.date is None
    assert mention.note == "no year, and no publication date or earlier dated mention"
    mention = only("The unit left on January 9.", None, context="2022-01-05")
    assert (mention.date, mention.note) == (
        "2022-01-09",
        "year 2022 taken from an earlier date in the article",
    )


def test_impossible_dates_are_flagged_not_resolved() -> None:
    mention = only("The deal closed on February 30, 2021.", None)
    assert (mention.date, mention.note) == (None, "impossible date February 30, 2021")
    mention = only("The deal closed on February 30.", "2022-03-01")
    assert (mention.date, mention.note) == (None, "impossible date February 30")


def test_two_digit_years_are_read_and_flagged() -> None:
    mention = only("The ruling of Jan. 17, '22 stands.", None)
    assert (mention.date, mention.note) == ("2022-01-17", "two-digit year read as 2022")
    mention = only("The memo is dated 3/4/99.", "2022-01-01")
    assert mention.date == "1999-03-04"
    assert mention.note == (
        "two-digit year read as 1999; numeric date read as month/day (US order)"
    )


def test_far_future_is_kept_but_flagged() -> None:
    mention = only("The city aims to be carbon neutral by 2050.", "2022-01-01")
    assert (mention.date, mention.note) == ("2050", "far future: 28 years after publication")
    mention = only("The treaty expires on March 3, 2150.", None)
    assert mention.note == "far future: year 2150"


def test_days_after_publication_in_past_tense_are_flagged() -> None:
    mention = only("The dam burst on March 3, 2023.", "2022-01-01")
    assert (mention.date, mention.note) == (
        "2023-03-03",
        "426 days after publication in a clause not in the future tense",
    )
    assert only("The dam will open on March 3, 2023.", "2022-01-01").note == ""


def test_a_past_date_read_a_year_back_says_so_when_this_year_is_weeks_ahead() -> None:
    (slip,) = tag_dates("The mayor stepped down on February 11.", "2031-01-25")
    assert slip.date == "2030-02-11"
    assert "2031-02-11 would be 17 days after the publication date 2031-01-25" in slip.note
    (plain,) = tag_dates("The mayor stepped down on August 11.", "2031-01-25")
    assert (plain.date, plain.note) == ("2030-08-11", "")


def test_a_day_after_publication_is_one_day_not_one_days() -> None:
    (slip,) = tag_dates("The mayor stepped down on 16 November.", "2031-11-15T11:00:00+00:00")
    assert "2031-11-16 would be 1 day after the publication date" in slip.note


@pytest.mark.parametrize(
    "sentence",
    [
        "Correction, 16 November: an earlier version of this article said seven people died.",
        "Clarification (November 16): the bridge was built in 1987, not 1978.",
        "Update on 16 November: a woman injured in the collapse died in hospital.",
        "Editor's note, 16 November: this article was changed to remove a name.",
    ],
)
def test_an_editors_note_is_dated_on_or_after_publication(sentence: str) -> None:
    """A page updated in place keeps its first publication date; its correction note, a day
    later and in the past tense, was read a year back (a QA pass as a fact-checker)."""
    (note, *_) = tag_dates(sentence, "2031-11-15T11:00:00+00:00")
    assert (note.date, note.note) == ("2031-11-16", "")


def test_an_editors_note_on_a_day_long_before_publication_stays_in_its_year() -> None:
    (note,) = tag_dates("Correction, 10 November: the toll was eight.", "2031-11-15")
    assert note.date == "2031-11-10"
    (event,) = tag_dates("Police said on 16 November that the toll was eight.", "2031-11-15")
    assert event.date == "2030-11-16"  # not a note: the past tense rule is unchanged


@pytest.mark.parametrize("text", ["", "word", "x" * 50_000, "2022", "31 31 31", "May I go?"])
def test_bad_input_never_crashes(text: str) -> None:
    assert isinstance(tag_dates(text, None), list)
    assert isinstance(tag_dates(text, "not a date"), list)


def test_no_date_words_means_no_mentions() -> None:
    assert tag_dates("May I ask what the mayor said?", "2022-01-01") == []
    assert tag_dates("Sundays are quiet at the harbour.", "2022-01-01") == []


def test_other_languages_go_through_dateparser() -> None:
    mention = only("Le 17 janvier 2022, Ottawa a averti ses citoyens.", None, language="fr")
    assert (mention.date, mention.granularity) == ("2022-01-17", "day")
    mentions = tag_dates("Le contingent est parti dimanche.", None, language="fr")
    assert [(m.date, m.note) for m in mentions] == [
        (None, "relative expression 'dimanche' and no publication date")
    ]


def test_hours_and_minutes_in_other_languages_are_not_dates() -> None:
    text = "Hoje, o almoço durou cerca de 20 minutos e a costela assou por 12 horas."
    mentions = tag_dates(text, None, language="pt")
    assert [m.expression for m in mentions] == ["Hoje"]
    assert tag_dates("A reunião começou às 17h00 no palácio.", "2004-11-13", language="pt") == []


def article(text: str, published: str | None = None) -> Article:
    return Article(id="a", title="t", text=text, raw_text=text, published=published)


def test_infer_published_from_an_explicit_dateline_only() -> None:
    dated = article("NORVALE, Jan. 17, 2022 - The harbour bridge closed.\nMore text.")
    assert infer_published(dated) == "2022-01-17"
    posted = article("The harbour bridge closed.\nPosted on March 3, 2021")
    assert infer_published(posted) == "2021-03-03"
    assert infer_published(article("The bridge closed on Jan. 17, 2022, officials said.")) is None
    two = article("Jan. 17, 2022 - The bridge closed.\nUpdated: Jan. 19, 2022")
    assert infer_published(two) is None


def test_metadata_contradicting_the_dateline_is_explained() -> None:
    text = "NORVALE, Jan. 17, 2022 - The harbour bridge closed."
    assert published_conflict(article(text, "2022-01-17T09:00:00")) == ""
    assert published_conflict(article(text, "2022-03-01")) == (
        "publication date 2022-03-01 contradicts the dateline 2022-01-17 in the text"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Repairs are expected to be done and the road reopened; works are finished in May.",
            "2025-05",
        ),
        ("The team still needs to raise money for the final in Lisbon in July.", "2025-07"),
        ("In May, the council approved the plan.", "2024-05"),
        ("The club has trained here since September.", "2024-09"),
    ],
)
def test_month_without_year_follows_tense_else_the_nearest(sentence: str, expected: str) -> None:
    (mention,) = [m for m in tag_dates(sentence, "2025-03-12") if m.granularity == "month"]
    assert mention.date == expected


def test_a_weekday_next_to_a_date_is_that_date() -> None:
    # On its own, "Tuesday" in a paper of Thursday 2010-01-21 would be 2010-01-19.
    mention = only("The quake struck on Tuesday, 12 January.", "2010-01-21")
    assert (mention.expression, mention.date, mention.note) == (
        "Tuesday, 12 January",
        "2010-01-12",
        "",
    )
    mention = only("The quake struck on Wednesday, January 12, 2010.", "2010-01-21")
    assert (mention.date, mention.note) == ("2010-01-12", "2010-01-12 is not a Wednesday")
    apart = tag_dates("It rained on Monday and on 12 January.", "2010-01-21")
    assert [(m.expression, m.date) for m in apart] == [
        ("Monday", "2010-01-18"),
        ("12 January", "2010-01-12"),
    ]


def test_rolling_spans_are_not_dates() -> None:
    # "The coming year" in January 2010 is not the calendar year 2011.
    assert tag_dates("Investment will grow over the coming year.", "2010-01-14") == []
    assert tag_dates("Prices rose over the past year.", "2010-01-14") == []
    assert resolved("Prices rose last year.", "2010-01-14") == ("2009", "year")
    assert resolved("Talks collapsed in the past week.", "2010-01-14") == ("2010-01", "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Passagiere wurden in den Hafen von Lindmar gebracht.",  # "Die" is no Dienstag
        "Die Bank erhöhte den Leitzins auf 4,75 Prozent.",  # a decimal is no day and month
        "El banco central subió los tipos al 3,5 %.",
    ],
)
def test_foreign_words_and_decimals_are_not_dates(sentence: str) -> None:
    language = "es" if sentence.startswith("El") else "de"
    assert tag_dates(sentence, "2024-01-10", language) == []


def test_a_foreign_weekday_next_to_a_short_word_is_still_read() -> None:
    found = tag_dates("Der Streik begann am Montag mit einer Kundgebung.", "2024-01-10", "de")
    assert [(m.expression, m.date) for m in found] == [("Montag", "2024-01-08")]


@pytest.mark.parametrize(
    ("sentence", "language", "published", "expected"),
    [
        ("1月9日，一艘渡轮在青川附近沉没。", "zh", "2024-01-10", ("1月9日", "2024-01-09")),
        ("4月2日午前、東京で停電が発生した。", "ja", "2024-04-03", ("4月2日", "2024-04-02")),
        ("12月30日，会议在青川召开。", "zh", "2024-01-02", ("12月30日", "2023-12-30")),
        ("2024年1月9日，渡轮沉没。", "zh", None, ("2024年1月9日", "2024-01-09")),
        ("1월 9일 회의가 열렸다.", "ko", "2024-01-10", ("1월 9일", "2024-01-09")),
        ("1月9日，渡轮沉没。", "zh", None, ("1月9日", None)),  # no year to give it
        ("2023年2月30日，渡轮沉没。", "zh", None, ("2023年2月30日", None)),
        ("化工厂5日凌晨发生爆炸。", "zh", "2024-03-05", ("5日", "2024-03-05")),
        ("化工厂28日发生爆炸。", "zh", "2024-03-05", ("28日", "2024-02-28")),
        ("化工厂5日凌晨发生爆炸。", "zh", None, ("5日", None)),  # no month to give it
    ],
)
def test_numeric_cjk_dates(
    sentence: str, language: str, published: str | None, expected: tuple[str, str | None]
) -> None:
    (mention,) = tag_dates(sentence, published, language)
    assert (mention.expression, mention.date) == expected
    assert (mention.granularity == "day") == (expected[1] is not None)


def test_a_cjk_count_of_days_is_no_day_of_the_month() -> None:
    assert tag_dates("罢工持续了3日間。", "2024-03-05", "ja") == []


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Veyra Rail rechnet damit, dass die Strecke mindestens zehn Tage gesperrt bleibt.", "de"),
        ("La ligne restera fermée pendant au moins dix jours, le temps des travaux.", "fr"),
        ("Dix jours plus tard, la ligne a rouvert.", "fr"),
        ("Линия будет закрыта три дня.", "ru"),
    ],
)
def test_a_foreign_duration_is_no_date(sentence: str, language: str) -> None:
    assert tag_dates(sentence, "2025-11-05", language) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # dateparser took "après" into the weekday: left undated as a count from an event
        ("Le pont de Velmora a été fermé lundi après la découverte de fissures.", [
            ("lundi", "2026-11-02")]),
        ("La rivière est sortie de son lit tôt dimanche après de fortes pluies.", [
            ("dimanche", "2026-11-01")]),
        # ... and the article after it into a count: two days after publication
        ("Les secours sont arrivés deux jours après le séisme.", [("deux jours après", None)]),
        # "after six months of works": six months after publication
        ("Le pont du port a rouvert mardi après six mois de travaux.", [
            ("mardi", "2026-11-03"), ("après six mois", None)]),
    ],
)  # fmt: skip
def test_french_after_neither_hides_a_weekday_nor_counts_from_publication(
    sentence: str, expected: list[tuple[str, str | None]]
) -> None:
    found = tag_dates(sentence, "2026-11-04T06:10:00Z", "fr")
    assert [(mention.expression, mention.date) for mention in found] == expected


def test_a_foreign_count_after_an_event_is_not_counted_from_publication() -> None:
    sentence = "La voie avait été fermée trois semaines après un glissement en 2019."
    first, year = tag_dates(sentence, "2025-11-05", "fr")
    assert (first.expression, first.date) == ("trois semaines après", None)
    assert "counts from another event" in first.note
    assert (year.date, year.granularity) == ("2019", "year")


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Il y a trois jours, le ministre a visité le site.", "fr", "2025-11-02"),
        ("Vor zehn Tagen hatte der Minister die Strecke besucht.", "de", "2025-10-26"),
        ("Три дня назад министр посетил место.", "ru", "2025-11-02"),
        ("Le ministre viendra dans trois jours.", "fr", "2025-11-08"),
    ],
)
def test_a_foreign_count_with_ago_or_in_is_a_date(
    sentence: str, language: str, expected: str
) -> None:
    assert [m.date for m in tag_dates(sentence, "2025-11-05", language)] == [expected]


def test_only_sentences_with_a_digit_or_a_date_word_go_to_dateparser() -> None:
    from storyline.timeline.foreign import _may_hold_date

    assert not _may_hold_date("Le ministre a visité le site avec les habitants.", "fr")
    assert _may_hold_date("Le ministre est venu mardi.", "fr")
    # A lone number is no date (_dates drops it): not searched, which is most of the time
    # dateparser took on a text full of figures. With a month, a year or a second number it is.
    assert not _may_hold_date("Le ministre est venu le 3.", "fr")
    assert not _may_hold_date("Il a payé 62730 euros.", "fr")
    assert _may_hold_date("Le ministre est venu le 3 mai.", "fr")
    assert _may_hold_date("Le ministre est venu le 10/03.", "fr")
    assert _may_hold_date("Le ministre est venu en 2020.", "fr")
    # A month whose full name is short is a cue too ("Mai", "mai", "mei").
    assert _may_hold_date("Im Mai brannte die Halle.", "de")
    assert [m.date for m in tag_dates("En mai, la halle a brûlé.", "2026-03-11", "fr")] == [
        "2025-05"
    ]
    assert _may_hold_date("Министр приехал вчера.", "ru")
    assert _may_hold_date("会议在上月召开。", "zh")
    assert _may_hold_date("Anything at all.", "xx")  # no vocabulary: always searched
    # dateparser read the name "Marco" as "março" (March)
    assert tag_dates("Um policial contou que Marco atuava sozinho.", "2024-03-10", "pt") == []
