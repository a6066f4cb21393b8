"""The web app on a big store: the digest read part by part, /api/stories paged."""

from __future__ import annotations

import json
import re
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.model import Story
from storyline.render import digest_from_json, jsonin, to_json
from storyline.render.jsonout import digest_to_dict
from storyline.render.views import DigestIndex
from storyline.store import Store
from storyline.web import create_app
from web_fixtures import big_digest, make_db, sample_articles, sample_digest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _many_stories(tmp_path: Path, n: int = 450) -> tuple[Path, tuple[Story, ...]]:
    """A store whose digest has ``n`` one-article stories (ranked in digest order) plus the
    sample's stories, summaries and relations."""
    articles, big = big_digest(n)
    sample = sample_digest()
    stories = tuple(
        replace(big.stories[0], id=f"s{i:04d}", title=f"Fair day {i}", article_ids=(a.id,))
        for i, a in enumerate(articles)
    )
    digest = replace(
        sample,
        articles=sample.articles + big.articles,
        stories=sample.stories + stories,
    )
    return make_db(tmp_path / "many.db", sample_articles() + articles, digest), digest.stories


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """Record each call of jsonin's reader ``name`` (the id it read)."""
    calls: list[str] = []
    real = getattr(jsonin, name)

    def counted(r: Any) -> Any:
        found = real(r)
        calls.append(getattr(found, "id", "") or getattr(found, "a", ""))
        return found

    monkeypatch.setattr(jsonin, name, counted)
    return calls


# ---------------------------------------------------------------- the first request


def test_the_first_pages_decode_no_story_or_relation_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first request after a digest decoded all of it (4-7 s for 72 MB at 20,000
    articles): the stories list needs only outlines, a story page only its own story."""
    db, _ = _many_stories(tmp_path)
    read_claims = _count_calls(monkeypatch, "_read_claim")
    read_relations = _count_calls(monkeypatch, "_read_relation")
    with TestClient(create_app(db)) as client:
        assert client.get("/").status_code == 200
        assert client.get("/api/stories").status_code == 200
        assert read_claims == [] and read_relations == []
        page = client.get("/stories/s-bridge")
        assert page.status_code == 200 and "Mayor Ilse Varga said repairs" in page.text
        # its own summary only, and the relations of its articles
        assert len(read_claims) == len(sample_digest().stories[0].summary)
        assert sorted(read_relations) == ["dup1", "rew1"]
        assert client.get("/api/stories/s-bridge").json()["story"]["summary"]
        assert len(read_claims) == 2 and len(read_relations) == 2  # kept, not decoded again


def test_the_digest_route_builds_no_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/api/digest decoded the whole digest only to check one was stored, then sent the text."""
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    read_stories = _count_calls(monkeypatch, "_read_story")
    with TestClient(create_app(db)) as client:
        text = client.get("/api/digest").text
        assert read_stories == []  # not even an outline
    assert digest_from_json(text) == sample_digest()
    empty = make_db(tmp_path / "e.db", sample_articles(), None)
    with TestClient(create_app(empty)) as client:
        missing = client.get("/api/digest")
    assert missing.status_code == 503 and "holds no digest yet" in missing.text


def test_outlines_and_whole_stories_match_the_digest() -> None:
    from storyline.web.lazy import index_digest

    _, big = big_digest(30)
    digest = replace(sample_digest(), articles=sample_digest().articles + big.articles)
    digest = replace(digest, stories=digest.stories + big.stories)
    whole = DigestIndex(digest)
    index = index_digest(to_json(digest))
    assert index.digest.articles == digest.articles
    assert index.digest.groups == digest.groups and index.digest.skipped == digest.skipped
    assert (index.digest.version, index.digest.notes) == (digest.version, digest.notes)
    for story in digest.stories:
        assert index.story(story.id) == story
        outline = replace(story, summary=(), timeline=(), undated=())
        assert index.stories[story.id] == outline
    assert index.story("s-none") is None
    for article in digest.articles:
        assert index.relations_of.get(article.id) == whole.relations_of.get(article.id)
        assert (article.id in index.relations_of) == (article.id in whole.relations_of)
    assert index.story_relations(digest.stories[0]) == whole.story_relations(digest.stories[0])
    assert index.ranked() == [index.stories[s.id] for s in _ranked(whole)]


def test_an_outline_missing_a_field_is_read_too() -> None:
    """An older 1.x digest may lack a field (here a topic): the outline finds the others."""
    from storyline.web.lazy import index_digest

    digest = sample_digest()
    text = to_json(digest)
    assert ',\n      "topic_id": "t-city"' in text
    index = index_digest(text.replace(',\n      "topic_id": "t-city"', "", 1))
    story = replace(digest.stories[0], topic_id=None)
    assert index.stories[story.id] == replace(story, summary=(), timeline=(), undated=())
    assert index.story(story.id) == story


def _ranked(index: DigestIndex) -> list[Story]:
    from storyline.render.views import ranked_stories

    return ranked_stories(index)


def test_a_digest_in_another_layout_is_decoded_whole(tmp_path: Path) -> None:
    """JSON that to_json did not write (compact, as another tool may save it) still shows
    everything: it is decoded whole, as before."""
    db = make_db(tmp_path / "s.db", sample_articles(), None)
    with Store(db) as store:
        store.save_digest(json.dumps(digest_to_dict(sample_digest())))
    with TestClient(create_app(db)) as client:
        page = client.get("/stories/s-bridge")
        assert page.status_code == 200 and "Mayor Ilse Varga said repairs" in page.text
        data = client.get("/api/stories/s-bridge").json()
        assert data["story"]["summary"] and len(data["relations"]) == 2


def test_a_broken_story_is_named_on_its_page(tmp_path: Path) -> None:
    digest = sample_digest()
    text = to_json(digest).replace('"first_seen": "', '"first_seen": 7, "x": "', 1)
    db = make_db(tmp_path / "s.db", sample_articles(), None)
    with Store(db) as store:
        store.save_digest(text)
    with TestClient(create_app(db)) as client:
        assert client.get("/").status_code == 200
        broken = client.get("/api/stories/s-bridge")
        assert broken.status_code == 503
        assert "digest.stories[0].summary[0].first_seen" in broken.json()["error"]["message"]


def test_a_new_digest_shows_on_a_story_page_seen_before(tmp_path: Path) -> None:
    """Pages never show the digest before the last run: the whole stories decoded for one
    digest are forgotten with it."""
    digest = sample_digest()
    db = make_db(tmp_path / "s.db", sample_articles(), digest)
    with TestClient(create_app(db)) as client:
        assert "Mayor Ilse Varga said repairs" in client.get("/stories/s-bridge").text
        story = digest.stories[0]
        claim = replace(story.summary[0], text="The bridge opens again in May.")
        renewed = replace(digest, stories=(replace(story, summary=(claim,)), *digest.stories[1:]))
        with Store(db) as store:
            store.save_digest(to_json(renewed))
        assert "The bridge opens again in May." in client.get("/stories/s-bridge").text
        data = client.get("/api/stories/s-bridge").json()
        assert [c["text"] for c in data["story"]["summary"]] == ["The bridge opens again in May."]


def test_concurrent_first_requests_build_the_index_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.web import app as app_module
    from storyline.web.lazy import index_digest

    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    built: list[int] = []
    release = threading.Event()

    finished: list[int] = []

    def slow(text: str) -> Any:
        built.append(1)
        release.wait(5)
        finished.append(1)
        return index_digest(text)

    monkeypatch.setattr(app_module, "index_digest", slow)
    application = create_app(db)
    backend = application.state.backend
    found: list[object] = []
    workers = [threading.Thread(target=lambda: found.append(backend.index())) for _ in range(2)]
    with TestClient(application) as client:
        for worker in workers:
            worker.start()
        time.sleep(0.2)  # both are waiting for the one build now
        hits = client.get("/api/search", params={"q": "cables"})  # needs no digest: no wait
        # Answered while the build still waits: a search that waited for it would come back
        # only after the build gave up waiting and finished.
        assert hits.status_code == 200 and finished == []
        release.set()
        for worker in workers:
            worker.join(10)
    assert built == [1] and len(found) == 2 and found[0] is found[1]


# ---------------------------------------------------------------- /api/stories paged


def test_api_stories_pages_by_200_with_a_next_link(tmp_path: Path) -> None:
    """/api/stories answered every story at once (5.9 MB, 1.8 s at 16,581 stories)."""
    db, stories = _many_stories(tmp_path)
    with TestClient(create_app(db)) as client:
        first = client.get("/api/stories")
        data = first.json()
        assert (data["total"], data["offset"], data["limit"]) == (len(stories), 0, 200)
        following = f"/api/stories?limit=200&offset=200&digest={data['digest']}"
        assert len(data["stories"]) == 200 and data["next"] == following
        assert first.headers["link"] == f'<{following}>; rel="next"'
        assert re.fullmatch("[0-9a-f]{16}", data["digest"])
        assert (data["version"], data["articles"], data["skipped"]) == ("1.2", 454, 1)
        seen, url = [], "/api/stories"
        while url:
            page = client.get(url).json()
            seen += [s["id"] for s in page["stories"]]
            url = page["next"]
        everything = client.get("/api/stories", params={"limit": 0}).json()
        assert everything["next"] is None and everything["limit"] == 0
        assert seen == [s["id"] for s in everything["stories"]]  # every story once, same order
        assert sorted(seen) == sorted(s.id for s in stories)
        last = client.get("/api/stories", params={"limit": 100, "offset": 400}).json()
        assert len(last["stories"]) == len(stories) - 400 and last["next"] is None
        assert "link" not in client.get("/api/stories?limit=100&offset=400").headers
        beyond = client.get("/api/stories", params={"offset": len(stories)})
        assert beyond.status_code == 404
        assert f"the digest has {len(stories)}" in beyond.json()["error"]["message"]


def test_paging_across_a_new_digest_is_a_409(tmp_path: Path) -> None:
    """A script paging while `storyline digest` runs again would mix two orders (stories
    missed or repeated): the next page names the digest of the first, and says to start
    again once it changed."""
    db, stories = _many_stories(tmp_path)
    with TestClient(create_app(db)) as client:
        first = client.get("/api/stories").json()
        assert client.get(first["next"]).status_code == 200
        renamed = replace(stories[-1], title="Fair day, renamed")
        digest = digest_from_json(client.get("/api/digest").text)
        with Store(db) as store:
            store.save_digest(to_json(replace(digest, stories=(*stories[:-1], renamed))))
        stale = client.get(first["next"])
        assert stale.status_code == 409
        message = stale.json()["error"]["message"]
        assert "the digest changed" in message and "start again at /api/stories" in message
        again = client.get("/api/stories").json()
        assert again["digest"] != first["digest"] and again["total"] == first["total"]
        assert client.get(again["next"]).status_code == 200


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=-1", "parameter 'limit': Input should be greater than or equal to 0"),
        ("limit=1001", "parameter 'limit': Input should be less than or equal to 1000"),
        ("limit=ten", "parameter 'limit': Input should be a valid integer"),
        ("offset=-5", "parameter 'offset': Input should be greater than or equal to 0"),
    ],
)
def test_api_stories_bad_paging_is_a_400(tmp_path: Path, query: str, message: str) -> None:
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    with TestClient(create_app(db)) as client:
        response = client.get(f"/api/stories?{query}")
        assert response.status_code == 400
        assert response.json()["error"]["message"].startswith(message)


def test_api_stories_of_an_empty_digest(tmp_path: Path) -> None:
    digest = replace(sample_digest(), stories=(), relations=(), groups=(), topics=())
    db = make_db(tmp_path / "s.db", sample_articles(), digest)
    with TestClient(create_app(db)) as client:
        data = client.get("/api/stories").json()
        assert (data["total"], data["stories"], data["next"]) == (0, [], None)
    assert digest_from_json(to_json(digest)).stories == ()
