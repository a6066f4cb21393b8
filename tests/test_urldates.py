"""A record with a web address and no date is dated by the day its address files it under."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers_cli import Run
from storyline.ingest.urldates import url_date


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example/world/2019/03/07/harbour-strike-ends", "2019-03-07"),
        ("https://www.paper.example/uk/2012/jun/11/ferry-fares-rise", "2012-06-11"),
        ("http://portal.example/esportes/noticias/2006/dez/17/16.htm", "2006-12-17"),
        ("http://daily.example/english/doc/2006-08/24/content_4471.htm", "2006-08-24"),
        ("http://wire.example/news/2008-02-29-council-vote_x.htm", "2008-02-29"),
        ("http://tv.example/2009/WORLD/europe/11/05/bridge.collapse/index.html", "2009-11-05"),
        ("http://radio.example/arts/2007/1118/concert.html", "2007-11-18"),
        ("http://city.example/tribune/20050127/news_local.html", "2005-01-27"),
        ("http://agency.example/national/20071203-104803-8209r.htm", "2007-12-03"),
        ("http://portal.example/news?tmpl=story&u=/ap/20060412/us_floods", "2006-04-12"),
        ("https://la.example/2016/may/03/local/la-me-0504-rehab-20160504", "2016-05-03"),
        ("https://blog.example/2015/1/9/snowfall", "2015-01-09"),
        ("http://corp.example/speeches/2006/11-16Keynote.asp", "2006-11-16"),
        # the archive's capture stamp is not the article's day; the archived address is
        (
            "http://web.archive.org/web/20101030032711/http://news.example/2004/11/16/a.html",
            "2004-11-16",
        ),
    ],
)
def test_a_news_address_gives_its_day(url: str, day: str) -> None:
    assert url_date(url) == day


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/2019/03/harbour-strike-ends",  # a month, no day
        "https://news.example/2019/02/30/impossible",
        "https://news.example/story/1100384525293.html",  # a long number, not a date
        "http://br.news.example/041113/25/p0en.html",  # two-digit year
        "https://2019-03-07.example/news/story",  # the host is not read
        "http://web.archive.org/web/20051030032711/http://news.example/story.html",
        "https://news.example/2019/13/07/no-such-month",
        "https://news.example/archive/1750/01/01/too-early",
        "not a url 2019/03/07/",
        "",
    ],
)
def test_an_address_without_a_whole_day_gives_none(url: str) -> None:
    assert url_date(url) is None


def test_a_record_is_dated_by_its_address_only_when_it_has_no_date(
    run: Run, tmp_path: Path
) -> None:
    text = "Ferry crews in Velden voted on Monday to end the strike, the union said."
    records = [
        {"id": "a", "title": "Ferry strike ends", "text": text,
         "url": "https://news.example/2019/03/07/ferry-strike-ends"},
        {"id": "b", "title": "Ferry strike over", "text": text + " Sailings resume.",
         "url": "https://other.example/2019/03/06/ferry", "published": "2019-03-08"},
        {"id": "c", "title": "Ferries", "text": text + " More later.",
         "url": "https://third.example/ferries/latest"},
    ]  # fmt: skip
    feed = tmp_path / "items.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    digest = json.loads(run("digest", str(feed), "--format", "json", "-q").stdout)
    dated = {a["id"]: (a["published"], a["published_origin"]) for a in digest["articles"]}
    assert dated == {
        "a": ("2019-03-07", "url"),
        "b": ("2019-03-08", "field"),  # its own date beats its address
        "c": (None, ""),
    }
    assert (
        "1 of 3 articles is dated by its web address, not by a date of their own."
        in (digest["notes"])
    )


def test_a_date_from_the_address_is_marked_in_markdown_and_html(run: Run, tmp_path: Path) -> None:
    record = {
        "id": "a",
        "title": "Ferry strike ends",
        "text": "Ferry crews in Velden voted on Monday to end the strike, the union said.",
        "url": "https://news.example/2019/03/07/ferry-strike-ends",
    }
    feed = tmp_path / "items.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert "2019-03-07 (from its web address)" in run("digest", str(feed), "-q").stdout
    page = run("digest", str(feed), "-q", "--format", "html").stdout
    assert 'title="dated by its web address">2019-03-07*</time>' in page
