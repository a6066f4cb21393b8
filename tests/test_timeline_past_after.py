"""A page whose date is years before what its text reports as past (QA, session 28).

A page dated 2019 that says the ferry "capsized on March 10, 2026" has a wrong date, and
its "on Friday" read against 2019 is wrong too: the entry says so.
"""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.timeline import build_timeline
from storyline.timeline.published import reported_past_after

MARCH = (
    "Relatives of those who died when the barge Selka sank in Lake Orvo on March 10, 2026, "
    "marched to the town hall on Friday.\n"
    "The mayor met a delegation of relatives."
)
NOTE = (
    "publication date 2019-03-13 is before 2026-03-10, which the text reports as past: "
    "it may be wrong, and so may the days read from it"
)


def _make(text: str, published: str) -> Article:
    return Article(id="p1", title="p1", text=text, raw_text=text, published=published, source="A")


def test_a_past_day_years_after_the_page_date_is_noted_on_its_entries() -> None:
    timeline = build_timeline((_make(MARCH, "2019-03-13T09:00:00Z"),))
    assert [e.date for e in timeline.entries] == ["2019-03-08"]
    assert [e.note for e in timeline.entries] == [NOTE]


def test_the_same_text_on_a_right_date_has_no_note() -> None:
    timeline = build_timeline((_make(MARCH, "2026-03-14T09:00:00Z"),))
    assert [(e.date, e.note) for e in timeline.entries] == [("2026-03-10", "")]


@pytest.mark.parametrize(
    "text",
    [
        # A schedule in the present or future tense, a day without its year, the next day.
        "The trial opens on April 2, 2026, the court said.",
        "The report will be published on June 1, 2026.",
        "The barge sank on March 10, the police said.",
        "The barge sank on March 14, 2026, the police said.",
        # A page updated days after its date, or a reader's comment.
        "The barge sank on March 20, 2026, the police said.",
    ],
)
def test_no_evidence_of_a_wrong_date(text: str) -> None:
    assert reported_past_after(text, "2026-03-13T09:00:00Z") is None


def test_evidence_of_a_wrong_date() -> None:
    text = "The barge sank on May 20, 2026, the police said."
    assert reported_past_after(text, "2026-03-13T09:00:00Z") == "2026-05-20"
