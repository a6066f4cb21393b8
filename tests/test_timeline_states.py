"""A tally counted from a start ("the toll has risen to 40 since Monday") stands at
publication: the timeline dates it there, not on the day it counts from."""

from __future__ import annotations

from storyline.model import Article
from storyline.timeline import TimelineOptions, build_timeline


def make(id_: str, text: str, published: str | None) -> Article:
    return Article(id=id_, title=id_, text=text, raw_text=text, published=published, source=id_)


def dated(text: str, published: str | None) -> dict[str, str]:
    """Each reported sentence's date."""
    timeline = build_timeline([make("a", text, published)], options=TimelineOptions(per_date=4))
    return {ev.text: entry.date for entry in timeline.entries for ev in entry.evidence}


def test_a_toll_risen_since_a_weekday_is_dated_at_publication() -> None:
    # 2026-03-12 is a Thursday: "since Monday" is the 9th, the tallies stand on the 12th.
    text = (
        "The toll has risen to 40 since Monday, hospital officials said.\n"
        "More than 1,600 residents have been evacuated since Tuesday night.\n"
        "The depot exploded on Monday night, killing 12 people."
    )
    assert dated(text, "2026-03-12T18:00:00+01:00") == {
        "The toll has risen to 40 since Monday, hospital officials said.": "2026-03-12",
        "More than 1,600 residents have been evacuated since Tuesday night.": "2026-03-12",
        "The depot exploded on Monday night, killing 12 people.": "2026-03-09",
    }


def test_the_start_of_a_tally_is_kept_in_the_evidence() -> None:
    timeline = build_timeline([make("a", "The toll has risen to 40 since Monday.", "2026-03-12")])
    (entry,) = timeline.entries
    assert entry.date == "2026-03-12"
    assert entry.evidence[0].expression == "Monday"
    assert entry.note == "a state since 2026-03-09, as of publication"


def test_a_start_that_is_the_event_keeps_its_day() -> None:
    text = (
        # no tally: the search began on Wednesday morning
        "Rescue teams have been searching the ruins since Wednesday morning.\n"
        # the start names its event: the earthquake was on Tuesday
        "About 45,000 people have died since Tuesday's earthquake, the UN estimates.\n"
        # no present perfect: "since" is "because"
        "The port closed on Monday, since the fire had spread to 40 warehouses."
    )
    assert dated(text, "2026-03-12") == {
        "Rescue teams have been searching the ruins since Wednesday morning.": "2026-03-11",
        "About 45,000 people have died since Tuesday's earthquake, the UN estimates.": (
            "2026-03-10"
        ),
        "The port closed on Monday, since the fire had spread to 40 warehouses.": "2026-03-09",
    }


def test_a_tally_since_a_calendar_day_keeps_it() -> None:
    text = "More than 1,300 people have been admitted to hospital since 13 April."
    assert dated(text, "2009-04-27") == {text: "2009-04-13"}
