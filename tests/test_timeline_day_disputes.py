"""The timeline says when sources date one statement to different days (issues 5 and 6).

A rewrite that said "shut ... on Sunday" of a wire's "closed ... on Monday" put the closure
on the timeline twice, on both days, each looking certain (QA as a fact-checker, session
28). The day more voices give keeps the entry, which lists the other day and who gives it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import Run
from storyline.model import Article, Evidence, TimelineEntry, Variant
from storyline.render.markdown import variant_lines
from storyline.timeline import Timeline, build_timeline
from storyline.timeline.variants import with_variants

HEAD = "---\ntitle: {title}\nsource: {source}\npublished: {published}\n---\n{title}\n\n"
# 2031-05-07 is a Wednesday: Monday is 2031-05-05, Sunday 2031-05-04, Tuesday 2031-05-06.
CLOSED = (
    "The city of Tarnholm closed the Oskar bridge on Monday after engineers found cracks in two "
    "of its pillars and said repairs would cost 6.5 million crowns."
)
WIRE_REST = (
    "Mayor Ingrid Solvang said the bridge, which opened in 1974, would stay shut until the "
    "engineers finished their survey.\n\nCommuters were sent to the Vallen road and the "
    "harbour tunnel, adding up to forty minutes to a crossing.\n\nThe city council will vote "
    "on an emergency budget for the repairs next month, the mayor's office said.\n"
)
WIRE = (
    HEAD.format(
        title="Tarnholm shuts Oskar bridge after cracks found",
        source="Nordic Wire",
        published="2031-05-07T08:00:00Z",
    )
    + f"{CLOSED}\n\n{WIRE_REST}"
)
REPRINT = (
    HEAD.format(
        title="Oskar bridge closed over cracks",
        source="Harbour Daily",
        published="2031-05-07T11:00:00Z",
    )
    + f"{CLOSED}\n\n{WIRE_REST}\n(Nordic Wire)\n"
)
OWN_WORDS = HEAD.format(
    title="Cracked pillars close Tarnholm's busiest bridge",
    source="Valley Post",
    published="2031-05-07T12:00:00Z",
) + (
    "Tarnholm's busiest crossing, the Oskar bridge, was closed by the city on Monday when "
    "engineers discovered cracks in two of its pillars.\n\nThe engineers put the cost of the "
    "repairs at 6.5 million crowns, a figure the opposition called too low.\n\nLocal shops "
    "near the bridge said trade had halved since the closure.\n"
)
LEAD = (
    "Tarnholm shut the Oskar bridge on Sunday after engineers found cracks in two of its "
    "pillars and put the cost of repairs at about 6 million crowns."
)
REWRITE = HEAD.format(
    title="Bridge shut in Tarnholm", source="Coast Courier", published="2031-05-07T15:00:00Z"
) + (
    "{lead}\n\nMayor Ingrid Solvang said the bridge, which opened in 1974, would stay shut "
    "until the engineers finished their survey.\n\nCommuters were sent to the Vallen road and "
    "the harbour tunnel, adding up to forty minutes to a crossing.\n\n{extra}The city council "
    "will vote on an emergency budget for the repairs next month, the mayor's office said.\n"
)


def _timeline(
    tmp_path: Path, run: Run, lead: str = LEAD, extra: str = "", own: bool = True
) -> list[Any]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [
        ("wire.md", WIRE),
        ("reprint.md", REPRINT),
        ("own.md", OWN_WORDS if own else ""),
        ("rewrite.md", REWRITE.format(lead=lead, extra=extra)),
    ]:
        if text:
            (folder / name).write_text(text, encoding="utf-8")
    result = run("digest", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.output)["stories"]
    return list(story["timeline"])


def _days(entries: list[Any]) -> dict[str, list[str]]:
    return {e["date"]: [v["text"] for v in e["variants"]] for e in entries if e["date"]}


def test_the_day_most_sources_give_keeps_the_entry_and_names_the_other(
    tmp_path: Path, run: Run
) -> None:
    entries = _timeline(tmp_path, run)
    days = _days(entries)
    assert "2031-05-04" not in days  # the rewrite's Sunday is no event of its own
    assert days["2031-05-05"] == ["Monday, 2031-05-05", "Sunday, 2031-05-04"]
    (monday,) = [e for e in entries if e["date"] == "2031-05-05"]
    (sunday,) = [v for v in monday["variants"] if v["text"].startswith("Sunday")]
    assert len(sunday["article_ids"]) == 1
    assert sunday["article_ids"][0] not in monday["article_ids"]  # not cited for Monday
    assert len(monday["variants"][0]["article_ids"]) == 3  # wire, reprint, own words


def test_the_markdown_says_sources_differ_on_the_date(tmp_path: Path, run: Run) -> None:
    _timeline(tmp_path, run)
    result = run("digest", str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    line = "  - sources differ on the date: Monday, 2031-05-05 [1][2][3]; Sunday, 2031-05-04 [4]"
    assert line in result.output.splitlines()
    page = run("digest", str(tmp_path / "in"), "--format", "html")
    assert "sources differ on the date: Monday, 2031-05-05" in page.output


def test_one_voice_against_one_the_first_report_keeps_its_day(tmp_path: Path, run: Run) -> None:
    # The wire and its reprint are one voice, the rewrite another: the wire came first.
    days = _days(_timeline(tmp_path, run, own=False))
    assert "2031-05-04" not in days
    assert days["2031-05-05"] == ["Monday, 2031-05-05", "Sunday, 2031-05-04"]


@pytest.mark.parametrize(
    "lead",
    [
        # A day that dates what was said, and a day counted from the closure: later news.
        LEAD.replace("on Sunday after engineers", "after engineers said on Sunday they"),
        LEAD.replace("on Sunday", "on Wednesday, two days after it closed it,"),
        # Another count: an update, not the same statement dated otherwise.
        LEAD.replace("about 6 million", "9 million"),
    ],
)
def test_later_news_is_no_day_dispute(tmp_path: Path, run: Run, lead: str) -> None:
    days = _days(_timeline(tmp_path, run, lead))
    assert days.get("2031-05-05") == []


def test_unrelated_events_of_adjacent_days_are_untouched(tmp_path: Path, run: Run) -> None:
    extra = "Ferries began running extra crossings across the fjord on Tuesday.\n\n"
    lead = LEAD.replace("on Sunday", "on Monday").replace("about 6", "6.5")
    days = _days(_timeline(tmp_path, run, lead, extra))
    assert days["2031-05-05"] == []
    assert days["2031-05-06"] == []


def test_an_entry_keeps_its_days_in_dispute_with_its_figures_versions() -> None:
    text = "At least 9 people died when the Oskar bridge collapsed in Tarnholm on Monday."
    other = text.replace("At least 9", "More than 30")
    days = (Variant("Monday, 2031-05-05", ("a", "b")), Variant("Sunday, 2031-05-04", ("c",)))
    entry = TimelineEntry(
        "2031-05-05",
        "day",
        text,
        (Evidence(text, "a", "Monday"), Evidence(other, "b", "Monday")),
        ("a", "b"),
        ("A", "B"),
        variants=days,
    )
    timeline = with_variants(Timeline(entries=(entry,), undated=()))
    (kept,) = timeline.entries
    assert kept.variants[:2] == days
    assert [v.text for v in kept.variants[2:]] == ["At least 9 people", "More than 30 people"]
    lines = variant_lines(kept, lambda ids: f"[{', '.join(ids)}]")
    assert lines == [
        "  - sources differ on the date: Monday, 2031-05-05 [a, b]; Sunday, 2031-05-04 [c]",
        "  - sources differ: At least 9 people [a]; More than 30 people [b]",
    ]


def test_a_source_of_the_event_with_another_toll_is_a_version_of_it() -> None:
    # Content words shared: cosine 0.56, under the summary's bar for any sentence (0.6).
    said = (
        "At least 9 people died when the passenger train Solbris derailed in heavy snow near "
        "Kvarn station late on Friday, the rail authority said."
    )
    heard = (
        "More than 30 people died when the crowded train Solbris crashed near Kvarn station "
        "late on Friday, according to villagers who helped the rescue."
    )
    articles = [
        Article(id_, "Train crash", text, text, source, published=published)
        for id_, text, source, published in [
            ("w", said + "\nThe line was closed.", "North Wire", "2031-11-15T20:05:00+00:00"),
            ("v", heard + "\nRelatives waited.", "Village Post", "2031-11-16T09:00:00+00:00"),
        ]
    ]
    (entry,) = with_variants(build_timeline(articles)).entries
    assert entry.article_ids == ("v", "w")
    versions = {v.text: v.article_ids for v in entry.variants}
    assert versions == {"At least 9 people": ("w",), "More than 30 people": ("v",)}
