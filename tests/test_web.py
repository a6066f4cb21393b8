"""The web app through FastAPI's TestClient: every page and API route, errors, security."""

from __future__ import annotations

import re
import sqlite3
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storyline.model import Article, Digest, Story
from storyline.render import digest_from_json, to_json
from storyline.render.html import WebLinks
from storyline.reuse import compare as compare_articles
from storyline.store import Store
from storyline.web import create_app
from web_fixtures import (
    EXAMPLES,
    SEEDS,
    big_digest,
    digest_corpus,
    hostile_articles,
    hostile_digest,
    make_db,
    sample_articles,
    sample_digest,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = make_db(tmp_path_factory.mktemp("web") / "s.db", sample_articles(), sample_digest())
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = make_db(tmp_path_factory.mktemp("web") / "h.db", hostile_articles(), hostile_digest())
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _html(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:300])
    assert response.headers["content-type"].startswith("text/html")
    return str(response.text)


# ---------------------------------------------------------------- pages


def test_stories_page(client: TestClient) -> None:
    html = _html(client, "/")
    assert "<h1>Stories</h1>" in html
    assert html.count('<svg class="spark"') == 1  # the undated story has no sparkline
    assert '<a href="/stories/s-bridge">Velmora bridge closure</a>' in html
    assert '<form class="search" role="search" action="/search" method="get">' in html
    assert '<label for="q">Search articles</label>' in html
    assert '<script src="/static/app.js" defer></script>' in html


def test_story_page(client: TestClient) -> None:
    html = _html(client, "/stories/s-bridge")
    assert '<h1 dir="auto">Velmora bridge closure</h1>' in html
    assert '<a href="/articles/wire1" aria-label="source 1">[1]</a>' in html
    assert html.count('class="node original"') == 1
    assert '<a href="/compare?a=rew1&amp;b=wire1">compare</a>' in html
    assert "1 duplicate" in html
    entry = "<strong>2031-03-03</strong> <bdi>The bridge closes after cracks are found.</bdi>"
    assert entry in html


def test_article_page_highlights_reused_passages(client: TestClient) -> None:
    html = _html(client, "/articles/wire1")
    assert '<h1 dir="auto">Velmora bridge closed after cable cracks</h1>' in html
    marks = re.findall(r"<mark [^>]*>([^<]*)</mark>", html)
    # the duplicate covers the whole text; overlapping rewrite passages are then skipped
    assert marks == [sample_articles()[0].text]
    assert '<a href="/compare?a=wire1&amp;b=rew1">compare</a>' in html
    assert "this is the original" in html
    assert 'href="/stories/s-bridge"' in html


def test_article_page_of_the_rewrite(client: TestClient) -> None:
    html = _html(client, "/articles/rew1")
    marks = re.findall(r"<mark [^>]*>([^<]*)</mark>", html)
    assert marks == [
        "The harbour bridge in Velmora closed on Monday",
        "Ferries will run every twenty minutes",
    ]
    assert "javascript:" not in html  # its url is javascript: and is not linked
    assert "this is the copy" in html


def test_compare_page(client: TestClient) -> None:
    html = _html(client, "/compare?a=wire1&b=rew1")
    assert html.count('<mark id="pa-') == 2 and html.count('<mark id="pb-') == 2
    assert "rewrite" in html and "similarity 0.62" in html
    assert '<span class="badge original">original</span>' in html


def test_compare_page_without_relation(client: TestClient) -> None:
    html = _html(client, "/compare?a=wire1&b=chess")
    assert "no recorded relation" in html
    assert "<mark" not in html


def test_search_page(client: TestClient) -> None:
    html = _html(client, "/search?q=chess")
    assert "1 result for “chess”." in html
    assert '<a href="/articles/chess">Chess club wins regional cup</a>' in html
    assert "<mark>chess</mark>" in html.lower()
    # A phrase in quotes, as the page's hint says: its words together, in order.
    assert "1 result for" in _html(client, '/search?q="chess club"')
    assert "0 results for" in _html(client, '/search?q="club chess"')
    assert "&quot;a phrase&quot; in quotes" in html


def test_stories_list_pages_by_200(tmp_path: Path) -> None:
    """A 20,000-article archive made 16,581 stories: the list was one 12.9 MB page that took
    1.5-2 s at every visit. It pages by 200, most widely reported first across pages."""
    articles, big = big_digest(450)
    stories = tuple(
        replace(big.stories[0], id=f"s{i:04d}", title=f"Fair day {i}", article_ids=(a.id,))
        for i, a in enumerate(articles)
    )
    db = make_db(tmp_path / "many.db", articles, replace(big, stories=stories))
    with TestClient(create_app(db)) as client:
        first = _html(client, "/")
        assert first.count('<a href="/stories/s') == 200
        assert "450 stories" in first and "stories 1–200 of 450" in first
        assert "page 1 of 3" in first and '<a rel="next" href="/?page=2">' in first
        last = _html(client, "/?page=3")
        assert last.count('<a href="/stories/s') == 50 and "stories 401–450 of 450" in last
        assert '<a rel="prev" href="/?page=2">' in last and 'rel="next"' not in last
        shown = re.findall(r'<a href="/stories/(s\d+)">', first + _html(client, "/?page=2") + last)
        assert shown == [s.id for s in stories]  # every story once, in order (ties: digest order)
        beyond = client.get("/?page=4")
        assert beyond.status_code == 404 and "it has 3" in beyond.text
        for alias in ("/stories?page=3", "/stories/?page=3"):
            moved = client.get(alias, follow_redirects=False)
            assert (moved.status_code, moved.headers["location"]) == (307, "/?page=3"), alias
            assert client.get(alias).text == last


def test_story_paging_of_5000_articles(tmp_path: Path) -> None:
    articles, digest = big_digest(5000)
    db = make_db(tmp_path / "big.db", articles, digest)
    with TestClient(create_app(db)) as client:
        html = _html(client, "/stories/s-big?page=2")
        assert html.count('<li id="a-') == 100
        assert "page 2 of 50" in html
        assert '<a rel="next" href="/stories/s-big?page=3">' in html
        assert '<a rel="prev" href="/stories/s-big?page=1">' in html
        last = _html(client, "/stories/s-big?page=999")
        assert "page 50 of 50" in last and last.count('<li id="a-') == 100
        data = client.get("/api/stories/s-big?page=50").json()
        assert (data["page"], data["pages"], len(data["articles"])) == (50, 50, 100)
        assert data["articles"][-1]["number"] == 5000
        beyond = client.get("/api/stories/s-big?page=51")
        assert beyond.status_code == 404 and "it has 50" in beyond.text
        stories = client.get("/api/stories").json()["stories"]
        assert len(stories[0]["per_day"]) == 30 and stories[0]["per_day"][0] == ["2031-06-01", 167]


# ---------------------------------------------------------------- api


def test_api_stories(client: TestClient) -> None:
    data = client.get("/api/stories").json()
    assert (data["version"], data["articles"], data["skipped"]) == ("1.2", 4, 1)
    first = data["stories"][0]
    assert first["id"] == "s-bridge" and first["size"] == 3 and first["href"] == "/stories/s-bridge"
    assert first["per_day"] == [["2031-03-03", 2], ["2031-03-04", 1]]


def test_api_story_matches_the_digest(client: TestClient) -> None:
    data = client.get("/api/stories/s-bridge").json()
    assert data["story"]["summary"][1]["variants"][1] == {
        "text": "about a month",
        "article_ids": ["rew1"],
    }
    assert [a["number"] for a in data["articles"]] == [1, 3]
    assert data["articles"][0]["duplicates"][0]["article"]["id"] == "dup1"
    assert [(r["a"], r["b"]) for r in data["relations"]] == [("dup1", "wire1"), ("rew1", "wire1")]


def test_api_article_and_compare(client: TestClient) -> None:
    article = client.get("/api/articles/rew1").json()
    assert article["article"]["text"] == sample_articles()[2].text
    assert article["story_id"] == "s-bridge" and len(article["relations"]) == 1
    compare = client.get("/api/compare", params={"a": "wire1", "b": "rew1"}).json()
    # oriented so that the requested a is side a
    assert (
        compare["relation"]["a"] == "wire1" and compare["relation"]["passages"][0]["a_start"] == 0
    )
    # each aligned passage says which of its figures the other side gives otherwise: none here
    assert [p["figures_differ"] for p in compare["relation"]["passages"]] == [[], []]


def test_api_search_and_digest(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "cables"}).json()["hits"]
    assert {h["article_id"] for h in hits} == {"wire1", "dup1", "rew1"}
    assert hits[0]["href"].startswith("/articles/")
    digest = client.get("/api/digest")
    assert digest.headers["content-type"] == "application/json"
    assert digest_from_json(digest.text) == sample_digest()


def test_api_openapi_documents_every_route(client: TestClient) -> None:
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert paths == {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/compare",
        "/api/search",
        "/api/digest",
    }


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "url",
    [
        "/articles/nope",
        "/stories/nope",
        "/compare?a=wire1&b=nope",
        "/no/such/page",
        "/static/x.css",
    ],
)
def test_unknown_ids_give_a_404_page(client: TestClient, url: str) -> None:
    html = _html(client, url, 404)
    assert "<h1>Not found</h1>" in html and "Traceback" not in html


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/stories/nope", "/api/compare?a=x&b=y"])
def test_unknown_ids_give_a_json_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert set(response.json()) == {"error"} and response.json()["error"]["status"] == 404


def test_a_unique_start_of_a_story_id_redirects_to_the_story(client: TestClient) -> None:
    # The CLI's --story takes a unique start of an id: so does the app, by a redirect.
    for url, full in [
        ("/stories/s-br", "/stories/s-bridge"),
        ("/stories/s-b?page=1", "/stories/s-bridge?page=1"),
        ("/api/stories/s-br", "/api/stories/s-bridge"),
    ]:
        response = client.get(url, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (307, full), url
    assert "Velmora bridge closure" in _html(client, "/stories/s-bri")
    # no id at all: the list, as /stories/ is on pages ("no story ''" was a 404)
    moved = client.get("/api/stories/?limit=1&offset=0", follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (307, "/api/stories?limit=1&offset=0")
    assert client.get("/api/stories/?limit=1").json() == client.get("/api/stories?limit=1").json()
    assert client.get("/api/stories/s-bri").json()["story"]["id"] == "s-bridge"
    ambiguous = _html(client, "/stories/s-", 404)
    assert "&#39;s-&#39; starts 2 story ids (s-bridge, s-chess): give more" in ambiguous
    unknown = client.get("/api/stories/s-x").json()["error"]["message"]
    assert unknown == "no story 's-x' in the digest, nor one whose id starts so"


def test_bad_parameters_give_400(client: TestClient) -> None:
    assert client.get("/stories/s-bridge?page=abc").status_code == 400
    assert client.get("/api/search?q=x&limit=0").json()["error"]["status"] == 400
    assert client.get("/compare?a=wire1").status_code == 400


def test_a_bad_parameter_is_named_with_what_is_wrong(client: TestClient) -> None:
    """The message said "invalid parameter: query.b" for a missing b (a QA pass)."""
    assert "missing parameter &#39;b&#39;" in _html(client, "/compare?a=wire1", 400)
    error = client.get("/api/search?q=x&limit=0").json()["error"]
    # the reason is pydantic's own words ("Input should be greater than or equal to 1")
    assert error["message"].startswith("parameter 'limit': ") and error["message"].endswith("1")


def test_missing_database_explains_the_command(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.db")) as client:
        html = _html(client, "/", 503)
        assert "no database at" in html and "storyline ingest PATH --db" in html
        error = client.get("/api/stories").json()["error"]
        assert error["status"] == 503 and "no database at" in error["message"]
        # the database appears later: the app picks it up without a restart
        make_db(tmp_path / "none.db", sample_articles(), sample_digest())
        assert client.get("/").status_code == 200


def test_database_without_digest_says_run_digest(tmp_path: Path) -> None:
    db = make_db(tmp_path / "nodigest.db", sample_articles(), None)
    with TestClient(create_app(db)) as client:
        html = _html(client, "/", 503)
        assert f"storyline digest PATH --db {db}" in html
        assert (
            client.get("/api/stories").json()["error"]["command"]
            == f"storyline digest PATH --db {db}"
        )


def test_old_or_foreign_database_is_a_clear_page(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with TestClient(create_app(foreign)) as client:
        html = _html(client, "/", 503)
        assert "not a storyline one" in html


def test_new_digest_is_picked_up(tmp_path: Path) -> None:
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    with TestClient(create_app(db)) as client:
        assert "Velmora bridge closure" in client.get("/").text
        digest = sample_digest()
        renamed = digest.stories[0].__class__(**{**digest.stories[0].__dict__, "title": "Renamed"})
        with Store(db) as store:
            store.save_digest(
                to_json(digest.__class__(**{**digest.__dict__, "stories": (renamed,)}))
            )
        assert "Renamed" in client.get("/").text


def test_articles_added_after_the_digest_are_announced(tmp_path: Path) -> None:
    articles = sample_articles()
    db = make_db(tmp_path / "s.db", articles, sample_digest())
    with TestClient(create_app(db)) as client:
        assert "bring it up to date" not in client.get("/").text
        assert "not in the latest digest" not in client.get("/articles/wire1").text
        late = articles[0].__class__(**{**articles[0].__dict__, "id": "late1"})
        with Store(db) as store:
            store.add_articles([late])
        home = client.get("/").text
        assert "holds 5 articles; this digest was made from 4" in home
        assert f"storyline digest --db {db}" in home
        page = client.get("/articles/late1").text
        assert "not in the latest digest" in page
        assert "No passage of this article is shared" not in page
        assert "not in the latest digest" not in client.get("/articles/wire1").text


def test_a_duplicates_page_says_its_text_is_the_same(tmp_path: Path) -> None:

    digest = sample_digest()
    # as find_relations makes it: a duplicate carries no passages
    relations = tuple(
        replace(r, passages=()) if r.kind == "duplicate" else r for r in digest.relations
    )
    db = make_db(tmp_path / "d.db", sample_articles(), replace(digest, relations=relations))
    with TestClient(create_app(db)) as client:
        page = client.get("/articles/dup1").text
        assert "Its whole text is that of its duplicates above." in page
        assert "No passage of this article is shared" not in page
        assert "the same text" in client.get("/compare?a=dup1&b=wire1").text


# ---------------------------------------------------------------- security


@pytest.mark.parametrize("url", ["/", "/stories/s-bridge", "/api/stories", "/api/digest"])
def test_head_answers_as_get_without_the_body(client: TestClient, url: str) -> None:
    # an uptime monitor's `curl -I` was a 405 on every route
    got, head = client.get(url), client.head(url)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]
    assert client.head("/stories/nope").status_code == 404


def test_only_get_routes_and_readonly(client: TestClient, tmp_path: Path) -> None:
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/stories").status_code == 405
    assert client.post("/").status_code == 405
    app = client.app
    methods = {m for route in app.routes for m in getattr(route, "methods", set())}  # type: ignore[attr-defined]
    assert methods <= {"GET", "HEAD"}
    assert app.state.backend.store().readonly  # type: ignore[attr-defined]


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    [
        "/articles/..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2Fpyproject.toml",
        "/static/%2e%2e%2fhtml.py",
        "/stories/..%2F..%2Fetc%2Fpasswd",
        "/articles/%00",
    ],
)
def test_no_path_traversal(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text


def _no_active_markup(html: str) -> None:
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert re.search(r"<[^>]+\son\w+=", re.sub(r'"[^"]*"', '""', html)) is None
    assert 'href="javascript:' not in html and "<img" not in html and "<iframe" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/%3Cscript%3Es%3C%2Fscript%3E",
        "/articles/h1",
        "/articles/h2",
        "/compare?a=h1&b=h2",
    ],
)
def test_hostile_corpus_renders_inert(hostile: TestClient, url: str) -> None:
    html = _html(hostile, url)
    _no_active_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_search_query(hostile: TestClient) -> None:
    query = '<script>alert(1)</script> " OR 1=1 -- NEAR( * title:'
    html = _html(hostile, "/search?q=" + query.replace(" ", "+").replace("#", "%23"))
    _no_active_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    response = hostile.get("/api/search", params={"q": query})
    assert response.status_code == 200 and response.json()["query"] == query
    assert hostile.get("/api/search", params={"q": "x" * 501}).status_code == 400


# ---------------------------------------------------------------- real corpora


def _visit_everything(client: TestClient) -> int:
    """Every page and API route of every story, article and relation; returns pages seen."""
    digest = digest_from_json(client.get("/api/digest").text)
    links = WebLinks()
    urls = ["/", "/search?q=the"]
    urls += [links.story(s.id) for s in digest.stories]
    urls += [links.article(a.id) for a in digest.articles]
    urls += [links.compare(r.a, r.b) for r in digest.relations]
    for url in urls:
        html = _html(client, url)
        assert "Traceback" not in html
        api = client.get("/api" + url if url != "/" else "/api/stories")
        assert api.status_code == 200, url
    return len(urls)


def test_example_corpus_renders_every_page(tmp_path: Path) -> None:
    db = digest_corpus(EXAMPLES, tmp_path / "example.db")
    with TestClient(create_app(db)) as client:
        digest = digest_from_json(client.get("/api/digest").text)
        assert digest.stories and digest.relations
        assert _visit_everything(client) == 2 + len(digest.stories) + len(digest.articles) + len(
            digest.relations
        )


@pytest.mark.shared
def test_seeds_render_every_page(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    db = digest_corpus(SEEDS, tmp_path / "seeds.db")
    with TestClient(create_app(db)) as client:
        digest = digest_from_json(client.get("/api/digest").text)
        assert len(digest.articles) == 5
        assert _visit_everything(client) == 2 + len(digest.stories) + 5 + len(digest.relations)


def test_old_database_names_the_upgrade_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.store import schema

    db = make_db(tmp_path / "old.db", sample_articles(), sample_digest())
    # this storyline now expects one more migration than the file has: the file is old
    newer = schema.Migration(schema.target_version() + 1, "a later change", lambda conn: None)
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, newer))
    with TestClient(create_app(db)) as client:
        html = _html(client, "/", 503)
        assert f"run `storyline migrate --db {db}` first" in html
        assert "<h1>Database unavailable</h1>" in html


def test_an_earlier_version_of_a_page_is_named_not_announced_as_pending(tmp_path: Path) -> None:
    """A page updated in place keeps its earlier version in the database, left out of the
    analysis on purpose: the app said "The database holds 5 articles; this digest was made
    from 4. Run `storyline digest` ..." on every page, and running it changed nothing (a QA
    pass as a journalist); the earlier version's page now names the version read instead."""

    from storyline.model import Skipped

    articles = sample_articles()
    old = replace(articles[0], id="old-wire1", text=articles[0].text + " Updated later.")
    note = "an earlier version of wire1 (w.html): superseded, left out of the analysis"
    digest = replace(sample_digest(), skipped=(Skipped("w.html", note, 0, "old-wire1", "wire1"),))
    db = make_db(tmp_path / "v.db", [*articles, old], digest)
    with TestClient(create_app(db)) as client:
        assert "bring it up to date" not in client.get("/").text
        page = client.get("/articles/old-wire1").text
        assert "This is an earlier version of the page" in page
        assert 'href="/articles/wire1"' in page and "not in the latest digest" not in page
        assert client.get("/api/articles/old-wire1").json()["superseded_by"] == "wire1"
        assert client.get("/api/articles/wire1").json()["superseded_by"] is None
        with Store(db) as store:
            store.add_articles([replace(articles[0], id="late1")])
        assert (
            "holds 6 articles; this digest was made from 4 and 1 earlier versions of pages"
            in client.get("/").text
        )


@pytest.mark.parametrize("url", ["/api/articles", "/api/articles/", "/articles/"])
def test_no_article_id_says_where_ids_are(client: TestClient, url: str) -> None:
    # It read "no article ''" (QA pass S): the reader asked for a list, not for an id.
    response = client.get(url)
    assert response.status_code == 404
    assert (
        "give an article id" in response.text and "each story lists its articles" in response.text
    )


def test_api_compare_lists_the_words_a_spin_swapped(tmp_path: Path) -> None:
    """A passage copied with swapped words says which (a QA pass as a disinformation
    researcher, session 16); a passage copied word for word says none."""
    statement = (
        "Firefighters were called to the plant on Quarry Road at 3:40 a.m., and 12 people "
        "were taken to Dunmere General Hospital with breathing problems, the chief said."
    )
    spun = statement.replace("called", "summoned").replace("plant", "facility")
    wire = Article("wire", "Fire", statement, statement, "Meridian Wire")
    spin = Article("spin", "Blaze", spun, spun, "Daily Lantern")
    relation = compare_articles(wire, spin)
    assert relation is not None
    digest = Digest(articles=(wire, spin), stories=(), relations=(relation,))
    db = make_db(tmp_path / "spin.db", [wire, spin], digest)
    with TestClient(create_app(db)) as test_client:
        found = test_client.get("/api/compare", params={"a": "wire", "b": "spin"}).json()
    (passage,) = found["relation"]["passages"]
    assert passage["kind"] == "verbatim" and passage["score"] < 1
    assert passage["words_differ"] == [["called", "summoned"], ["plant", "facility"]]
    assert passage["figures_differ"] == []


def test_api_compare_names_a_figure_changed_before_the_passage(tmp_path: Path) -> None:
    """A rewrite that changed the toll at the head of a copied sentence: the aligned passage
    starts after the figure, and ``figures_differ`` named nothing (a QA pass as a
    fact-checker, session 22)."""
    toll = (
        "Seven people died and 31 were injured when a footbridge over the Skarva river "
        "collapsed during the lantern festival in Tolvik on Saturday evening, police said."
    )
    wire = Article("wire", "Bridge", toll, toll, "Nordline Wire")
    changed = toll.replace("Seven people died", "At least 47 people died")
    farm = Article("farm", "Horror", changed, changed, "ViralNow")
    relation = compare_articles(wire, farm)
    assert relation is not None
    digest = Digest(articles=(wire, farm), stories=(), relations=(relation,))
    db = make_db(tmp_path / "toll.db", [wire, farm], digest)
    with TestClient(create_app(db)) as test_client:
        found = test_client.get("/api/compare", params={"a": "wire", "b": "farm"}).json()
    assert [p["figures_differ"] for p in found["relation"]["passages"]] == [
        [["Seven people", "At least 47 people"]]
    ]


def test_story_page_names_the_figure_a_copy_changed(tmp_path: Path) -> None:
    """The app's digest holds no article text, so the note on a copy that changed the toll
    at the head of a sentence compared the aligned passage alone, which starts after the
    figure, and said nothing; the page now reads the story's texts (a QA pass as a
    fact-checker, session 22)."""
    toll = (
        "Seven people died and 31 were injured when a footbridge over the Skarva river "
        "collapsed during the lantern festival in Tolvik on Saturday evening, police said."
    )
    wire = Article("wire", "Bridge", toll, toll, "Nordline Wire", published="2031-11-15T20:05Z")
    changed = toll.replace("Seven people died", "At least 47 people died")
    farm = Article("farm", "Horror", changed, changed, "ViralNow", published="2031-11-16T05:40Z")
    relation = compare_articles(wire, farm)
    assert relation is not None and relation.original == "wire"
    story = Story("s-toll", "Bridge", ("wire", "farm"))
    digest = Digest(articles=(wire, farm), stories=(story,), relations=(relation,))
    db = make_db(tmp_path / "toll.db", [wire, farm], digest)
    with TestClient(create_app(db)) as test_client:
        page = test_client.get("/stories/s-toll").text
    assert "figures differ: At least 47 people here / Seven people in [1]" in page
    # The relations table gives them in the relation's order (its side a first).
    first, second = ("Seven people", "At least 47 people")[:: 1 if relation.a == "wire" else -1]
    assert f"figures differ: {first} / {second}" in page
