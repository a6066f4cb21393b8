"""The timeline chart's axis: broken at a gap that would squeeze the news into one dot."""

from __future__ import annotations

import re

from storyline.model import TimelineEntry
from storyline.render.svg import timeline_chart


def _entry(day: str) -> TimelineEntry:
    return TimelineEntry(day, "day", f"Something on {day}.", (), ("a",), ("Outlet",))


def _xs(entries: list[TimelineEntry]) -> dict[str, float]:
    svg = str(timeline_chart(entries, lambda i: f"#e-{i}"))
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    return {entry.date or "": x for entry, x in zip(entries, xs, strict=True)}


def test_a_background_year_does_not_squeeze_a_month_of_news() -> None:
    days = ["2011-06-01", "2025-03-03", "2025-03-04", "2025-03-05", "2025-03-11", "2025-03-13"]
    xs = _xs([_entry(day) for day in days])
    news = [xs[day] for day in days[1:]]
    assert max(news) - min(news) > 300  # of 592 pixels; on one axis they would span 7
    assert xs["2011-06-01"] < min(news)
    assert sorted(news) == news  # time still runs left to right within the stretch


def test_an_even_spread_keeps_one_axis() -> None:
    days = ["2025-03-01", "2025-03-08", "2025-03-15", "2025-03-29"]
    xs = _xs([_entry(day) for day in days])
    # One axis: positions in proportion to the days (28 days over 592 pixels).
    assert abs(xs["2025-03-08"] - (24 + 592 * 7 / 28)) < 0.1
    assert abs(xs["2025-03-29"] - 616) < 0.1
