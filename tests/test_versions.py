"""A page updated in place: the later version supersedes the earlier one in every analysis,
and nothing is deleted from the store."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.model import Article
from storyline.render import digest_from_json, to_json
from storyline.store import Store
from storyline.storyrun import load_story_state
from storyline.versions import MAX_VERSIONS, Superseded, find_superseded, page_key
from storyline.views import search_view

URL = "https://www.ferrypost.example/news/velden-strike-ends"
FIRST = (
    "Crews of the Velden ferry voted on Monday to end their strike after nine days. "
    "The union said the vote was 212 to 40. Ferries to Norvale will run again from Tuesday, "
    "the operator said, and tickets bought for the cancelled crossings stay valid."
)
CORRECTED = FIRST.replace("212 to 40", "221 to 40") + (
    " Correction: an earlier version of this article gave the vote as 212 to 40."
)
OTHER = (
    "The mayor of Norvale resigned on Monday after a vote of no confidence in the town "
    "council. Her deputy will lead the council until an election in the spring, officials "
    "said, and the budget vote planned for next week is postponed."
)
BRIDGE = (
    "A cargo ship struck the Kestrel bridge at Marlow early on Tuesday, closing the main "
    "crossing of the bay. Nobody was hurt, the coastguard said, and divers were checking the "
    "piers before the bridge could reopen to traffic."
)


def record(rid: str, text: str, url: str = URL, **extra: Any) -> dict[str, Any]:
    fields = {"id": rid, "title": "Velden ferry strike ends", "text": text, "url": url}
    return {**fields, "published": "2026-03-09T10:00:00+00:00", "source": "Ferry Post", **extra}


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def digest_of(tmp_path: Path, batches: list[list[Path]], name: str) -> pipeline.Analysis:
    with Store(tmp_path / name) as store:
        for batch in batches:
            pipeline.ingest(batch, store)
            analysis = pipeline.analyse(store)
    return analysis


def article(rid: str, text: str, url: str = URL, published: str | None = None) -> Article:
    return Article(rid, "Velden ferry strike ends", text, text, url=url, published=published)


# -- what "the same page" is ---------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://ferrypost.example/news/velden-strike-ends",
        "HTTPS://WWW.FerryPost.example:443/news/velden-strike-ends/",
        "https://ferrypost.example/news/velden-strike-ends#comments",
        "https://ferrypost.example/news/velden-strike-ends?utm_source=x&fbclid=1",
        "ferrypost.example/news/velden-strike-ends",
    ],
)
def test_spellings_of_one_url_name_one_page(url: str) -> None:
    assert page_key(url) == page_key(URL) == "ferrypost.example/news/velden-strike-ends"


def test_query_parameters_that_name_the_page_count_in_any_order() -> None:
    assert page_key("https://blog.example/?p=12&lang=en") == page_key(
        "https://blog.example/?lang=en&p=12&utm_medium=rss"
    )
    assert page_key("https://blog.example/?p=12") != page_key("https://blog.example/?p=13")
    assert page_key("https://blog.example:8080/a-1") != page_key("https://blog.example/a-1")


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "https://ferrypost.example",
        "https://ferrypost.example/",
        "https://ferrypost.example/?utm_source=rss",
        "https://ferrypost.example/world/europe/",
        "file:///home/me/saved/velden-strike-ends.html",
        "not a url",
        "https://[broken/velden-1",
    ],
)
def test_a_url_that_names_no_single_article_gives_no_page(url: str) -> None:
    assert page_key(url) is None


# -- which version is current ----------------------------------------------------------------


def test_the_later_publication_wins_else_the_one_stored_later() -> None:
    old, new = article("v1", FIRST, published="2026-03-09"), article("v2", CORRECTED)
    order = {"v1": 2, "v2": 1}.__getitem__

    def stored(ids: list[str]) -> dict[str, int]:
        return {i: order(i) for i in ids}

    # v2 undated: storing order decides (v1 stored later)
    (found,) = find_superseded([old, new], stored)
    assert (found.earlier.id, found.current.id) == ("v2", "v1")
    dated = article("v2", CORRECTED, published="2026-03-10T08:00:00+00:00")
    (found,) = find_superseded([old, dated], stored)
    assert (found.earlier.id, found.current.id) == ("v1", "v2")


def test_a_chain_of_versions_leads_to_the_latest() -> None:
    third = CORRECTED + " Ferries ran to timetable on Tuesday."
    versions = [article("v1", FIRST), article("v2", CORRECTED), article("v3", third)]
    found = find_superseded(versions, lambda ids: {i: int(i[1]) for i in ids})
    assert [(f.earlier.id, f.current.id) for f in found] == [("v1", "v3"), ("v2", "v3")]


def test_a_url_reused_for_an_unrelated_text_keeps_both() -> None:
    pair = [article("v1", FIRST), article("v2", OTHER)]
    assert find_superseded(pair, lambda ids: {i: int(i[1]) for i in ids}) == ()


def test_a_url_shared_by_a_whole_feed_is_not_one_page() -> None:
    items = [article(f"v{n}", FIRST + f" Item {n}.") for n in range(MAX_VERSIONS + 1)]
    assert find_superseded(items, lambda ids: {i: int(i[1:]) for i in ids}) == ()
    assert len(find_superseded(items[:MAX_VERSIONS], lambda ids: {i: 0 for i in ids})) > 0


def test_without_text_the_same_title_makes_a_version() -> None:
    pair = [article("v1", ""), article("v2", CORRECTED)]
    (found,) = find_superseded(pair, lambda ids: {i: int(i[1]) for i in ids})
    assert (found.earlier.id, found.current.id) == ("v1", "v2")


def test_the_remark_names_the_current_version_and_where_it_was_read() -> None:
    pair = [article("v1", FIRST), article("v2", CORRECTED)]
    (found,) = find_superseded(pair, lambda ids: {i: int(i[1]) for i in ids})
    reason = "superseded, left out of the analysis"
    assert found.remark().reason == f"an earlier version of v2 at {URL}: {reason}"
    read = Superseded(found.earlier, replace(found.current, path="b.jsonl", record=4))
    assert read.remark().reason == f"an earlier version of v2 (b.jsonl:4) at {URL}: {reason}"


# -- through the pipeline --------------------------------------------------------------------


def test_two_versions_in_one_run_are_one_article(tmp_path: Path) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        [record("v1", FIRST), record("v2", CORRECTED), record("o1", OTHER, "https://n.example/1")],
    )
    with Store(tmp_path / "one.db") as store:
        pipeline.ingest([feed], store)
        digest = pipeline.analyse(store).digest
        assert store.count_articles() == 3  # nothing is deleted
        assert store.article("v1").text == FIRST
        found = store.search("212")
        hits = {hit.article_id: hit.superseded_by for hit in found}
        assert hits == {"v1": "v2", "v2": ""}
        assert "(an earlier version of v2)" in search_view(found, "md")
        shown = json.loads(search_view(found, "json"))
        assert {h["article_id"]: h["superseded_by"] for h in shown} == {"v1": "v2", "v2": None}
    assert sorted(a.id for a in digest.articles) == ["o1", "v2"]
    assert sorted(i for story in digest.stories for i in story.article_ids) == ["o1", "v2"]
    cited = {i for s in digest.stories for claim in s.summary for i in claim.support}
    assert "v2" in cited and "v1" not in cited
    assert all("v1" not in (r.a, r.b) for r in digest.relations)
    (remark,) = [s for s in digest.skipped if "superseded" in s.reason]
    assert (remark.path, remark.record) == (str(feed), 1)
    assert (remark.article_id, remark.superseded_by) == ("v1", "v2")
    (listed,) = [s for s in json.loads(to_json(digest))["skipped"] if "superseded_by" in s]
    assert (listed["article_id"], listed["superseded_by"]) == ("v1", "v2")
    assert digest_from_json(to_json(digest)).skipped == digest.skipped
    assert remark.reason.startswith(f"an earlier version of v2 ({feed}:2) at {URL}: superseded")


def test_an_update_in_a_later_run_equals_one_run_over_both(tmp_path: Path) -> None:
    day1 = write(
        tmp_path / "day1.jsonl",
        [record("v1", FIRST), record("o1", OTHER, "https://n.example/1")],
    )
    later = {"published": "2026-03-10T09:00:00+00:00", "title": "Ship hits Kestrel bridge"}
    day2 = write(
        tmp_path / "day2.jsonl",
        [record("b1", BRIDGE, "https://m.example/b-1", **later), record("v2", CORRECTED)],
    )
    notes: list[str] = []
    with Store(tmp_path / "grow.db") as store:
        pipeline.ingest([day1], store)
        first = pipeline.analyse(store).digest
        pipeline.ingest([day2], store)
        grown = pipeline.analyse(store, progress=lambda e: notes.append(e.note))
        state = load_story_state(store)[0]
        again = pipeline.analyse(store)
    whole = digest_of(tmp_path, [[day1, day2]], "whole.db")
    assert "v1" in {i for story in first.stories for i in story.article_ids}
    assert grown.json == whole.json == again.json
    assert state is not None and state.to_json() == whole.stories.state.to_json()
    assert "v1" not in whole.stories.state.assignments
    assert any("story state was made again" in note for note in notes)


def test_versions_new_in_one_run_leave_the_stored_state_as_it_is(tmp_path: Path) -> None:
    day1 = write(tmp_path / "day1.jsonl", [record("o1", OTHER, "https://n.example/1")])
    day2 = write(tmp_path / "day2.jsonl", [record("v1", FIRST), record("v2", CORRECTED)])
    notes: list[str] = []
    with Store(tmp_path / "inc.db") as store:
        pipeline.ingest([day1], store)
        pipeline.analyse(store)
        pipeline.ingest([day2], store)
        grown = pipeline.analyse(store, progress=lambda e: notes.append(e.note))
    assert sorted(a.article_id for a in grown.stories.assignments) == ["o1", "v2"]
    assert not any("made again" in note for note in notes)
    assert any("1 earlier version of updated pages left out" in note for note in notes)


@pytest.mark.parametrize(
    ("first_url", "second_url"),
    [
        ("", ""),  # no url: nothing says they are one page
        (URL, "https://other.example/news/velden-strike-ends"),  # a copy at another site
        ("https://ferrypost.example/", "https://ferrypost.example/"),  # a site's root
    ],
)
def test_articles_at_different_or_no_urls_stay_two(
    tmp_path: Path, first_url: str, second_url: str
) -> None:
    feed = write(
        tmp_path / "feed.jsonl",
        [record("v1", FIRST, first_url), record("v2", FIRST, second_url, source="Other")],
    )
    with Store(tmp_path / "two.db") as store:
        pipeline.ingest([feed], store)
        digest = pipeline.analyse(store).digest
    assert sorted(a.id for a in digest.articles) == ["v1", "v2"]
    assert not any("superseded" in s.reason for s in digest.skipped)
