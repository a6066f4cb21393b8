"""build_timeline on small fictional articles, and on the seeds when ../shared is present."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storyline.errors import OptionsError
from storyline.model import Article, DuplicateGroup
from storyline.text import normalize
from storyline.timeline import TimelineOptions, build_timeline
from storyline.timeline.tallies import latest_tally
from storyline.timeline.temporal import calendar_day

SHARED = Path(__file__).resolve().parents[2] / "shared"


def make(id_: str, text: str, published: str | None, source: str) -> Article:
    return Article(id=id_, title=id_, text=text, raw_text=text, published=published, source=source)


BRIDGE = (
    "The Norvale harbour bridge closed on Sunday after engineers found a crack in a pier.\n"
    "Engineers said on Friday that the crack in the pier was growing.\n"
    "The mayor will inspect the bridge on Tuesday, her office said."
)
ARTICLES = (
    make("a1", BRIDGE, "2022-01-23", "Alpha"),  # a Sunday
    make("a2", BRIDGE, "2022-01-23", "Beta"),  # a verbatim copy of a1
    make(
        "a3",
        "Norvale's harbour bridge closed on Sunday after engineers found a crack in a pier.\n"
        "Ferries will run extra crossings until the bridge reopens, the port said.",
        "2022-01-24",
        "Gamma",
    ),
    make(
        "a4",
        "The old Norvale bridge first opened on March 3, 1958, after four years of work.\n"
        "Two days later, the first trams crossed the river.\n"
        "On Monday, the council met to discuss the closure of the bridge.",
        None,
        "Delta",
    ),
)
GROUPS = (DuplicateGroup(id="g1", representative="a1", article_ids=("a1", "a2")),)


def test_entries_are_dated_ordered_and_sourced() -> None:
    timeline = build_timeline(ARTICLES, GROUPS)
    assert [(e.date, e.granularity) for e in timeline.entries] == [
        ("1958-03-03", "day"),
        ("1958-03-05", "day"),
        ("2022-01-21", "day"),
        ("2022-01-23", "day"),
        ("2022-01-25", "day"),
    ]
    closure = timeline.entries[3]
    assert closure.article_ids == ("a1", "a2", "a3")
    assert closure.outlets == ("Alpha", "Beta", "Gamma")
    assert "closed on Sunday" in closure.text
    assert {e.expression for e in closure.evidence} == {"Sunday"}
    assert timeline.entries[1].text == "Two days later, the first trams crossed the river."


def test_evidence_offsets_point_into_the_article_text() -> None:
    timeline = build_timeline(ARTICLES, GROUPS)
    by_id = {a.id: a for a in ARTICLES}
    for entry in timeline.entries + timeline.undated:
        for evidence in entry.evidence:
            assert by_id[evidence.article_id].text[evidence.start : evidence.end] == evidence.text
            assert evidence.expression in evidence.text


def test_relative_dates_without_publication_are_undated_with_the_reason() -> None:
    timeline = build_timeline(ARTICLES, GROUPS)
    assert [(e.article_ids, e.evidence[0].expression, e.note) for e in timeline.undated] == [
        (("a4",), "Monday", "'Monday': relative expression 'Monday' and no publication date")
    ]
    assert timeline.undated[0].date is None and timeline.undated[0].granularity is None


def test_a_duplicate_group_counts_as_one_voice() -> None:
    grouped = build_timeline(ARTICLES, GROUPS, TimelineOptions(max_dates=1))
    assert [e.date for e in grouped.entries] == ["2022-01-23"]
    apart = build_timeline(ARTICLES, (), TimelineOptions(max_dates=1))
    assert apart.entries[0].date == "2022-01-23"
    assert apart.entries[0].score > grouped.entries[0].score


def test_options_bound_and_limit_the_timeline() -> None:
    options = TimelineOptions(start="2022-01", end="2022-01-23", per_date=2)
    timeline = build_timeline(ARTICLES, GROUPS, options)
    assert [e.date for e in timeline.entries] == ["2022-01-21", "2022-01-23"]
    only_years = build_timeline(ARTICLES, GROUPS, TimelineOptions(granularities=("year",)))
    assert only_years.entries == ()


def test_a_stretch_dated_by_its_month_is_bounded_by_its_days() -> None:
    talks = make(
        "t1",
        "The two governments agreed on Friday to hold talks next week in Geneva.",
        "2022-03-11",  # a Friday: "next week" is 14 to 20 March, dated 2022-03
        "Alpha",
    )

    def dates(start: str, end: str) -> list[str]:
        timeline = build_timeline((talks,), (), TimelineOptions(start=start, end=end))
        return [entry.date for entry in timeline.entries]

    wide = build_timeline((talks,), (), TimelineOptions(start="2022-03-01", end="2022-03-31"))
    assert [(e.date, e.note) for e in wide.entries] == [
        ("2022-03", "2022-03-14 to 2022-03-20, dated by month")
    ]
    assert dates("2022-03-20", "2022-03-25") == ["2022-03"]
    assert dates("2022-03-10", "2022-03-12") == ["2022-03-11"]  # the days of the talks are out
    assert dates("2022-03-21", "2022-03-31") == []


def test_same_input_same_output_in_any_order() -> None:
    forward = build_timeline(ARTICLES, GROUPS)
    backward = build_timeline(tuple(reversed(ARTICLES)), GROUPS)
    assert forward == backward


def test_empty_and_dateless_input() -> None:
    assert build_timeline(()).entries == ()
    blank = make("b", "", None, "x")
    plain = make("p", "Nothing here has a date at all, says nobody.", None, "x")
    timeline = build_timeline((blank, plain))
    assert (timeline.entries, timeline.undated) == ((), ())


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_dates": 0},
        {"per_date": 0},
        {"start": "January"},
        {"granularities": ("week",)},
        {"merge_similarity": 0.0},
        {"min_words": 5, "max_words": 4},
        {"max_article_chars": 0},
    ],
)
def test_bad_options_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionsError):
        TimelineOptions(**kwargs)  # type: ignore[arg-type]


def test_a_huge_article_is_read_only_up_to_the_cap_and_noted() -> None:
    line = "The harbour board met again on Tuesday and said the works go on.\n"
    tail = "The bridge reopened on 4 March 2022 after repairs.\n"
    huge = make("h", line * 40 + tail, "2022-01-27", "x")
    options = TimelineOptions(max_article_chars=len(line) * 40 + 10)
    timeline = build_timeline((huge,), options=options)
    assert [entry.date for entry in timeline.entries] == ["2022-01-25"]
    assert timeline.notes == (
        f"article h: only its first {len(line) * 40 + 10:,} characters of {len(huge.text):,}"
        " were read for the timeline",
    )
    whole = build_timeline((huge,), options=TimelineOptions(max_article_chars=None))
    assert [entry.date for entry in whole.entries] == ["2022-01-25", "2022-03-04"]
    assert whole.notes == ()


def seed_articles() -> list[Article]:
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is absent")
    articles = []
    for path in sorted(seeds.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        title, _, rest = raw.partition("\n")
        articles.append(
            Article(id=path.stem, title=title.strip(), text=normalize(rest), raw_text=raw)
        )
    return articles


@pytest.mark.shared
def test_seeds_order_what_they_can_and_invent_no_date() -> None:
    """The seeds carry no publication date, so only absolute expressions may date an entry.

    "January 9" (seed 003/004) and "January 17" (004) have no year. Seed 003 names 2014,
    2020 and "(c) 2022", but none of them is a full date earlier in the text that the month-day
    continues, and a copyright footer is often the year the page was served rather than
    published: taking a year from either would be a guess. So both stay undated, with the
    expression; so does the Lviv move, dated only "the day after" another event.
    """
    timeline = build_timeline(seed_articles())
    undated = {(e.evidence[0].expression, e.article_ids[0][:3]): e for e in timeline.undated}
    contingent = undated[("January 9", "003")]
    assert "contingent" in contingent.text
    assert contingent.note.startswith("'January 9': no year")
    assert "unit sent on January 9" in undated[("January 9", "004")].text
    advisory = undated[("January 17", "004")]
    assert "warned their citizens against visiting Ukraine" in advisory.text
    lviv = undated[("the day after", "002")]
    assert "Lviv" in lviv.text
    assert "no earlier day-precise date" in lviv.note
    # What can be ordered is: month-day entries lead the undated list in calendar order.
    leading = [(e.month_day, e.article_ids[0][:3]) for e in timeline.undated[:3]]
    assert leading == [("--01-09", "003"), ("--01-09", "004"), ("--01-17", "004")]
    assert lviv.month_day == "" and timeline.undated.index(lviv) > 2
    # Every dated entry comes from an absolute expression in the text: years and a month.
    assert [(e.date, e.granularity) for e in timeline.entries] == [
        ("2014", "year"),
        ("2014-01", "month"),
        ("2020", "year"),
    ]
    expressions = {ev.expression for e in timeline.entries for ev in e.evidence}
    assert expressions == {"in 2014", "January 2014", "since 2020"}


def test_metadata_contradicting_the_text_is_noted_on_the_entry() -> None:
    text = "NORVALE, Jan. 17, 2022 - The harbour bridge closed on Jan. 16, 2022, officials said."
    article = make("c1", text, "2022-03-01", "Alpha")
    timeline = build_timeline((article,))
    # One sentence speaks for one date only: the earlier of two equally salient ones.
    assert [e.date for e in timeline.entries] == ["2022-01-16"]
    assert all(
        e.note == "publication date 2022-03-01 contradicts the dateline 2022-01-17 in the text"
        for e in timeline.entries
    )


def test_invalid_publication_metadata_degrades_to_undated() -> None:
    article = make("x", "The ferry stopped on Sunday after a storm hit.", "2022-13-45T00:00", "A")
    options = TimelineOptions(publication_leads=1, max_lag_days=3)
    timeline = build_timeline((article,), options=options)
    assert timeline.entries == ()
    assert [e.note for e in timeline.undated] == [
        "'Sunday': relative expression 'Sunday' and no publication date"
    ]


def test_a_sentence_dated_to_the_day_is_not_also_listed_as_undated() -> None:
    text = "Drivers queued for hours on Tuesday, a day after the crash closed the bridge."
    article = Article(
        id="q1",
        title="Queues",
        text=text,
        raw_text=text,
        source="Gazette",
        published="2025-03-04",
    )
    timeline = build_timeline([article])
    assert [entry.date for entry in timeline.entries] == ["2025-03-04"]
    assert timeline.undated == ()


def test_a_wire_dateline_is_not_printed_but_its_sentence_is_dated() -> None:
    text = (
        "NORVALE (Harbour Wire) - The harbour bridge closed on Sunday after engineers found a "
        "crack in a pier.\nFerries will run extra crossings until the bridge reopens."
    )
    article = make("w1", text, "2022-01-23", "Harbour Wire")
    (entry,) = [e for e in build_timeline([article]).entries if e.date == "2022-01-23"]
    assert entry.text.startswith("The harbour bridge closed on Sunday")
    (evidence,) = entry.evidence
    assert text[evidence.start : evidence.end] == evidence.text == entry.text


def test_a_title_case_dateline_opening_the_article_is_not_printed() -> None:
    text = (
        "Norvale - The harbour bridge closed on Sunday after engineers found a crack.\n"
        "Elland - Norvale ferries ran extra crossings on Monday."
    )
    article = make("w2", text, "2022-01-25", "Harbour Wire")
    entries = {e.date: e for e in build_timeline([article]).entries}
    assert entries["2022-01-23"].text.startswith("The harbour bridge closed")
    # Inside the text the same shape is news, not a dateline.
    assert entries["2022-01-24"].text.startswith("Elland - Norvale ferries")


def test_undated_month_days_come_first_in_calendar_order() -> None:
    text = (
        "The ferry strike began on March 3. The harbour reopened last week. "
        "Union leaders met on 12 February to plan it. Talks resume on March 30th."
    )
    timeline = build_timeline((make("f1", text, None, "Alpha"),))
    assert [(e.month_day, e.evidence[0].expression) for e in timeline.undated] == [
        ("--02-12", "12 February"),
        ("--03-03", "March 3"),
        ("--03-30", "March 30th"),
        ("", "last week"),
    ]
    assert timeline.entries == ()


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("January 9", "--01-09"),
        ("9 Jan", "--01-09"),
        ("Feb. 29", "--02-29"),
        ("February 30", ""),
        ("January 9, 2022", ""),
        ("last week", ""),
    ],
)
def test_calendar_day(expression: str, expected: str) -> None:
    assert calendar_day(expression) == expected


def test_an_undated_quote_restated_by_two_articles_is_listed_once() -> None:
    quote = (
        '"As we said earlier this week, the ferry timetable will double from March," '
        "{} said.\nThe harbour master resigned earlier this week after the vote."
    )
    first = make("q1", quote.format("the port authority"), None, "Alpha")
    second = make(
        "q2",
        quote.format("a spokesperson for the port").replace(
            "The harbour master resigned", "Union leaders walked out"
        ),
        None,
        "Beta",
    )
    undated = build_timeline((first, second)).undated
    texts = {entry.text: entry.article_ids for entry in undated}
    restated = next(text for text in texts if text.startswith('"As we said'))
    assert texts[restated] == ("q1", "q2")
    # Same expression, other news: still two entries.
    assert texts["The harbour master resigned earlier this week after the vote."] == ("q1",)
    assert texts["Union leaders walked out earlier this week after the vote."] == ("q2",)
    assert len(undated) == 3


def test_a_piece_of_a_sentence_is_printed_only_when_the_date_has_nothing_else() -> None:
    # The piece of a quotation is the more central sentence of the date (a second outlet
    # says the same), yet the whole sentence is printed.
    text = (
        "The harbour bridge in Velmora reopened to traffic on Monday after three weeks.\n"
        "a great relief for the ferry crews and the ferry passengers, '' the mayor said of "
        "Monday's reopening."
    )
    other = "Ferry crews and ferry passengers felt great relief at Monday's reopening, she said."
    articles = [make("a", text, "2031-03-05", "Northwire"), make("c", other, "2031-03-05", "Coast")]
    options = TimelineOptions(per_date=1)
    (entry,) = build_timeline(articles, options=options).entries
    assert entry.date == "2031-03-03"
    assert entry.text.startswith("The harbour bridge in Velmora reopened")
    alone = "a great relief for the ferry crews, '' the mayor said of Monday's reopening."
    (entry,) = build_timeline(
        [make("b", alone, "2031-03-05", "Northwire")], options=options
    ).entries
    assert entry.text.startswith("a great relief")


def test_a_day_entry_gives_the_latest_version_of_a_tally() -> None:
    fire = "in the fire at the Norvale paint works, the county coroner said on Wednesday."
    early = make("t1", f"At least three people have died {fire}", "2026-11-18T10:15:00+00:00", "A")
    later = make("t2", f"Five people have died {fire}", "2026-11-18T11:05:00+00:00", "B")
    latest = make("t3", f"Seven people have now died {fire}", "2026-11-18T13:00:00Z", "C")
    other = make("t4", f"Four people were hurt {fire}", "2026-11-18T14:00:00+00:00", "D")
    options = TimelineOptions(merge_similarity=0.3)
    (entry,) = build_timeline((early, later, latest), options=options).entries
    assert entry.text.startswith("Seven people have now died")
    # What counts another thing ("hurt", not "died") is not a later version of the tally ...
    versions = [(a.text, a) for a in (early, other)]
    assert latest_tally(early.text, versions, early.published or "") == early.text
    # ... nor is one published before the lead, nor one of the same day without a time.
    backdated = replace(latest, published="2026-11-18T09:00:00+00:00")
    undated = replace(latest, published="2026-11-18")
    for version in (backdated, undated):
        found = latest_tally(early.text, [(version.text, version)], early.published or "")
        assert found == early.text
    next_day = replace(latest, published="2026-11-19")
    assert latest_tally(early.text, [(latest.text, next_day)], "2026-11-18") == latest.text


def test_an_undated_copy_does_not_repeat_in_the_undated_list_what_its_group_dates() -> None:
    # a5 is a copy of a1 that gives no date (a feed that dropped it): its "Sunday" is a1's,
    # dated already; an undated article of no group, or a sentence of its own, stays listed.
    copy = make("a5", BRIDGE + "\nCommuters were told to use the ferry on Monday.", None, "Echo")
    alone = make("a6", BRIDGE, None, "Foxtrot")
    groups = (DuplicateGroup(id="g1", representative="a1", article_ids=("a1", "a2", "a5")),)
    timeline = build_timeline([*ARTICLES[:2], copy, alone], groups)
    assert [(e.article_ids, e.text[:24]) for e in timeline.undated] == [
        (("a5",), "Commuters were told to u"),
        (("a6",), "The Norvale harbour brid"),
        (("a6",), "Engineers said on Friday"),
        (("a6",), "The mayor will inspect t"),
    ]
    # Another expression of the same sentence dated (a year) does not date its "January 9":
    # the copies' unresolved day stays listed, once, with both articles.
    said = "Crews have trained near the border since 2020, and the last left around January 9."
    pair = [make("c1", said, None, "Alpha"), make("c2", said, None, "Beta")]
    group = (DuplicateGroup(id="g2", representative="c1", article_ids=("c1", "c2")),)
    (entry,) = build_timeline(pair, group).undated
    assert (entry.article_ids, entry.month_day) == (("c1", "c2"), "--01-09")
