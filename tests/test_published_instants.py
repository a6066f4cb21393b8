"""Publication times compared as UTC instants, and ``published`` values read safely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.dedup.groups import duplicate_groups
from storyline.ingest import read_sources
from storyline.ingest.dates import (
    UNDATED,
    Instant,
    parse_published,
    published_instant,
    published_order,
    read_published,
)
from storyline.model import Article, Digest, DuplicateGroup, Relation, Story
from storyline.pipeline import RunOptions
from storyline.provenance import direction
from storyline.render import to_markdown
from storyline.render.svg import reuse_graph
from storyline.render.views import DigestIndex, fold_story, split_skipped
from storyline.store import Store
from storyline.stories import stream_order
from storyline.summary import summarize
from storyline.summary.attribution import first_seen
from storyline.summary.options import SummaryOptions
from storyline.summary.select import opening
from storyline.summary.sentences import article_sentences

PARIS = "2031-05-06T10:00:00+02:00"  # 08:00 UTC
LONDON = "2031-05-06T09:00:00+00:00"  # 09:00 UTC, though it reads as the earlier string


def _article(article_id: str, published: str | None, title: str = "") -> Article:
    return Article(article_id, title or article_id, "text", "text", "Out", published=published)


def _instant(published: str) -> Instant:
    found = published_instant(published)
    assert found is not None
    return found


def test_offsets_are_compared_in_utc() -> None:
    assert published_order(PARIS) < published_order(LONDON)
    assert _instant(PARIS) == _instant("2031-05-06T08:00:00Z")
    assert published_instant("2031-05-06T08:00:00") == _instant(PARIS)  # no offset: UTC


def test_a_day_sorts_before_its_times_but_is_not_before_them() -> None:
    day, midnight = _instant("2031-05-06"), _instant("2031-05-06T00:00:00+00:00")
    assert published_order("2031-05") < day < midnight < _instant(LONDON)
    assert _instant("2031") < published_order("2031-01-01")
    assert not day.before(_instant(LONDON))
    assert day.before(_instant("2031-05-07T00:00:00Z"))
    # 23:30 on the 6th at UTC-5 is the 7th in UTC: after the whole UTC day
    assert day.before(_instant("2031-05-06T23:30:00-05:00"))


@pytest.mark.parametrize("stored", [None, "", "garbage", "2031-13", "2031-02-30", "2031-05-06Tx"])
def test_undated_and_unreadable_values_sort_last(stored: str | None) -> None:
    assert published_instant(stored) is None
    assert published_order(stored) == UNDATED > published_order("2050-12-31T23:59:59-12:00")


def test_provenance_names_the_earlier_instant_and_prints_values_as_given() -> None:
    paris, london = _article("paris", PARIS), _article("london", LONDON)
    for a, b in ((london, paris), (paris, london)):
        original, reason = direction(a, b, "near-duplicate", 1.0, 1.0)
        assert original == "paris"
        assert reason == (
            f"published earlier: {PARIS} before {LONDON}, "
            "in UTC 2031-05-06 08:00 UTC before 2031-05-06 09:00 UTC"
        )
    same_day = _article("day", "2031-05-06")
    assert direction(same_day, london, "near-duplicate", 1.0, 1.0)[0] is None
    same_moment = _article("z", "2031-05-06T08:00:00Z")
    original, reason = direction(paris, same_moment, "near-duplicate", 1.0, 1.0)
    assert original is None and "same publication date" in reason


def test_first_seen_stream_order_groups_and_folding_follow_instants() -> None:
    london, paris = _article("a-london", LONDON, "Same"), _article("b-paris", PARIS, "Same")
    undated = _article("c-undated", None)
    by_id = {a.id: a for a in (london, paris, undated)}
    assert first_seen(["a-london", "b-paris", "c-undated"], by_id) == "b-paris"
    ordered = [a.id for a, _ in stream_order([london, undated, paris])]
    assert ordered == ["b-paris", "a-london", "c-undated"]  # undated stays after london
    relation = Relation("a-london", "b-paris", "near-duplicate", 1.0, 1.0, 1.0)
    (group,) = duplicate_groups([relation], [london, paris])
    assert group.representative == "b-paris"
    story = Story("s", "t", ("a-london", "c-undated", "b-paris"))
    digest = Digest(articles=(london, paris, undated), stories=(story,))
    folded = fold_story(story, DigestIndex(digest))
    assert [f.article.id for f in folded] == ["b-paris", "a-london", "c-undated"]
    grouped = Digest(articles=digest.articles, stories=(story,), groups=(_group(),))
    (head,) = fold_story(story, DigestIndex(grouped))
    assert head.article.id == "c-undated"
    assert [d.id for d, _ in head.duplicates] == ["b-paris", "a-london"]


def test_summary_and_reuse_graph_read_in_utc_order() -> None:
    bridge = "The old bridge over the river Elbe was closed to traffic on Monday evening."
    budget = "The city council of Lyon approved a new budget for public libraries."
    london = Article("london", "Bridge", bridge, bridge, "London Post", published=LONDON)
    paris = Article("paris", "Budget", budget, budget, "Paris Daily", published=PARIS)
    claims = summarize([london, paris])
    assert [c.article_id for c in claims] == ["paris", "london"]
    sentences = {s.article_id: s for a in (london, paris) for s in article_sentences(a, _OPTIONS)}
    published = {"london": LONDON, "paris": PARIS}
    lead = opening(list(sentences.values()), published, {}, _OPTIONS)
    assert lead is not None and lead.article_id == "paris"
    graph = reuse_graph(
        [Relation("london", "paris", "rewrite", 0.5)],
        {"london": london, "paris": paris},
        lambda i: f"#{i}",
    )
    assert graph.index('href="#paris"') < graph.index('href="#london"')


_OPTIONS = SummaryOptions()


def _group() -> DuplicateGroup:
    return DuplicateGroup("g", "c-undated", ("a-london", "b-paris", "c-undated"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (20240506, "2024-05-06"),  # a valid YYYYMMDD, not 1970-08-23 in epoch seconds
        ("20240506", "2024-05-06"),
        (1714982400, "2024-05-06T08:00:00+00:00"),  # epoch seconds
        ("1714982400", "2024-05-06T08:00:00+00:00"),
        (1714982400123, "2024-05-06T08:00:00+00:00"),  # epoch milliseconds
        (2024, "2024"),  # a year, not 33 minutes past the epoch
        ("2024-05", "2024-05"),
        ("2024/05/06 10:00", "2024-05-06T10:00:00"),
        ("2024-5-6", "2024-05-06"),
        (PARIS, PARIS),
        ("Tue, 07 Apr 2031 10:00:00 GMT", "2031-04-07T10:00:00+00:00"),
        # a feed's offset with a colon and a zone name the mail parser does not know were
        # dropped, and the time read as UTC (a helper's find, session 17)
        ("Tue, 07 Apr 2031 10:00:00 +02:00", "2031-04-07T10:00:00+02:00"),
        ("Tue, 07 Apr 2031 10:00:00 CEST", "2031-04-07T10:00:00+02:00"),
        ("Tue, 07 Apr 2031 10:00:00 -05:30", "2031-04-07T10:00:00-05:30"),
        ("23 January 2022", "2022-01-23"),
        ("1800-01-01", "1800-01-01"),
        ("2050-12-31", "2050-12-31"),
    ],
)
def test_readable_values(value: object, expected: str) -> None:
    assert read_published(value) == (expected, "")
    assert parse_published(expected) == expected  # what ingest stores reads back the same


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2024-13-01", "not a valid year-month-day date"),  # never read as 13 January
        ("2024.13.01", "not a valid year-month-day date"),
        ("2024-02-30", "not a valid year-month-day date"),
        ("0000-01-01", "not a valid year-month-day date"),
        ("-0001-05-05", "a negative year"),
        ("0001-05-05", "year 0001 is outside 1800-2050"),
        ("1799-12-31", "year 1799 is outside 1800-2050"),
        ("2099-01-01", "year 2099 is outside 1800-2050"),
        ("2051-01-01T00:00:00Z", "year 2051 is outside 1800-2050"),
        (4102444800, "year 2100 is outside 1800-2050"),  # epoch seconds of 2100-01-01
        (19991301, "neither a Unix time"),  # 8 digits but no valid day
        (86400, "neither a Unix time"),  # 1970-01-02: not plausible as a news time
        (-1714982400, "neither a Unix time"),
        (float("nan"), "neither a Unix time"),
        (10**30, "neither a Unix time"),
        ("February 30, 2022", "not a date that can be read"),
        ("06/05/24", "day and month could be either way round"),
        ("yesterday", "no year"),
        (True, "not a date that can be read"),
        ("x" * 101, "too long for a date"),
    ],
)
def test_unreadable_values_say_why(value: object, reason: str) -> None:
    found, why = read_published(value)
    assert found is None
    assert reason in why


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_value_is_no_problem(value: object) -> None:
    assert read_published(value) == (None, "")


def _feed(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


_TEXT = (
    "Flood waters rose across the Ostrava valley on Monday after three days of heavy rain, "
    "forcing the evacuation of 1,200 residents from low-lying streets near the old bridge. "
    "The regional prefect said pumps were running through the night and that the river "
    "would crest on Tuesday morning, before falling slowly over the rest of the week."
)


def test_an_unreadable_date_keeps_the_article_and_is_reported(tmp_path: Path) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        [
            {"id": "bad", "text": _TEXT, "published": "2024-13-01"},
            {"id": "good", "text": _TEXT + " More rain fell.", "published": 20240506},
        ],
    )
    read = {a.id: a for a in read_sources([feed]) if isinstance(a, Article)}
    assert (read["bad"].published, read["good"].published) == (None, "2024-05-06")
    assert "'2024-13-01' not read (not a valid year-month-day date)" in read["bad"].ingest_note
    with Store(tmp_path / "s.db") as store:
        report = pipeline.ingest([feed], store, RunOptions(strict=True))  # kept: not fatal
        assert report.added == 2
        assert report.skipped == ()  # a remark on an article read, not a loss
        (note,) = report.notes
        assert (note.path, note.record) == (str(feed), 1)
        assert note.reason.endswith("kept, undated")
        assert store.article("bad").published is None
        digest = pipeline.analyse(store, with_timeline=False).digest
    assert [s.reason for s in digest.skipped] == [note.reason]  # the JSON lists it
    assert split_skipped(digest) == ((), (note,))  # pages show it apart from the skips
    assert "2 articles.\n" in to_markdown(digest) and "## Read, with a note" in to_markdown(digest)
    assert all(a.ingest_note == "" for a in digest.articles)


def test_the_digest_orders_by_instant(tmp_path: Path) -> None:
    feed = _feed(
        tmp_path / "tz.jsonl",
        [
            {"id": "london", "source": "London Post", "text": _TEXT, "published": LONDON},
            {"id": "paris", "source": "Paris Daily", "text": _TEXT, "published": PARIS},
        ],
    )
    with Store(tmp_path / "tz.db") as store:
        pipeline.ingest([feed], store)
        digest = pipeline.analyse(store, with_timeline=False).digest
    assert [a.id for a in digest.articles] == ["paris", "london"]
    (relation,) = digest.relations
    assert relation.original == "paris"
    (story,) = digest.stories
    assert story.article_ids[0] == "paris"
    assert {claim.first_seen for claim in story.summary} == {"paris"}
    assert [g.representative for g in digest.groups] == ["paris"]


_FRENCH = (
    "La crue de la Varenne a inondé lundi soir les quartiers bas de la ville, obligeant "
    "1 200 habitants à quitter leurs maisons près du vieux pont. Le préfet a déclaré que les "
    "pompes fonctionneraient toute la nuit et que la rivière atteindrait son maximum mardi."
)


def test_a_language_the_text_contradicts_is_overruled_and_reported(tmp_path: Path) -> None:
    feed = _feed(
        tmp_path / "feed.jsonl",
        [
            {"id": "en-said-fr", "text": _FRENCH, "language": "en", "published": "2024-05-07"},
            {"id": "en", "text": _TEXT, "language": "en", "published": "2024-05-07"},
        ],
    )
    read = {a.id: a for a in read_sources([feed]) if isinstance(a, Article)}
    assert (read["en-said-fr"].language, read["en"].language) == ("fr", "en")
    assert read["en-said-fr"].ingest_note == ("language given as 'en', but the text reads as 'fr'")
    assert read["en"].ingest_note == ""
    with Store(tmp_path / "s.db") as store:
        report = pipeline.ingest([feed], store, RunOptions(strict=True))  # kept: not fatal
        assert report.added == 2 and report.skipped == ()
        (note,) = report.notes
        assert (note.path, note.record, note.reason) == (
            str(feed),
            1,
            read["en-said-fr"].ingest_note,
        )
        assert store.article("en-said-fr").language == "fr"
