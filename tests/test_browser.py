"""Real-browser tests: Playwright drives Debian's Chromium against the app on a free port.

Skipped when /usr/bin/chromium is absent (CI installs it: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline.render import to_html
from storyline.web import create_app
from web_fixtures import (
    EXAMPLES,
    digest_corpus,
    hostile_articles,
    hostile_digest,
    make_db,
    sample_articles,
    sample_digest,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """uvicorn on 127.0.0.1 in a background thread; yields the base URL."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=ARGS
        )
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def test_click_from_stories_to_comparison(page: Any, tmp_path: Path) -> None:
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    with serve(db) as base:
        page.goto(base + "/")
        assert page.locator("h1").inner_text() == "Stories"
        assert page.locator("table.stories tbody tr").count() == 2
        page.screenshot(path=str(tmp_path / "stories.png"), full_page=True)

        page.get_by_role("link", name="Velmora bridge closure").click()
        assert page.locator("h1").inner_text() == "Velmora bridge closure"
        assert page.locator("svg.reuse-graph circle.original").count() == 1
        assert page.locator("svg.timeline-chart circle").count() == 2
        page.screenshot(path=str(tmp_path / "story.png"), full_page=True)

        page.locator("ul.articles").get_by_role("link", name="Commuters face month").click()
        assert page.locator("h1").inner_text() == "Commuters face month of delays in Velmora"
        assert page.locator("article.text mark").count() == 2
        page.screenshot(path=str(tmp_path / "article.png"), full_page=True)

        page.get_by_role("link", name="compare").first.click()
        assert page.locator("h1").inner_text() == "Compare"
        assert page.locator(".compare mark").count() == 4
        page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert page.dialogs == []
    for name in ("stories", "story", "article", "compare"):
        assert (tmp_path / f"{name}.png").stat().st_size > 1000


def test_live_search_uses_the_api(page: Any, tmp_path: Path) -> None:
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    with serve(db) as base:
        page.goto(base + "/")
        with page.expect_response(lambda r: "/api/search" in r.url):
            page.fill("#q", "chess")
        page.wait_for_selector("#search-results li")
        assert page.locator("#search-results li a").all_inner_texts() == [
            "Chess club wins regional cup"
        ]


def test_phone_width_has_no_horizontal_scroll(browser: Any, tmp_path: Path) -> None:
    db = make_db(tmp_path / "s.db", sample_articles(), sample_digest())
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    with serve(db) as base:
        for path in ("/", "/stories/s-bridge", "/articles/rew1", "/compare?a=rew1&b=wire1"):
            phone.goto(base + path)
            overflow = phone.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, path
        phone.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    context.close()


def _assert_inert(page: Any) -> None:
    assert page.evaluate("window.__pwned === undefined")
    assert page.dialogs == []


def test_hostile_corpus_runs_no_script_in_the_app(page: Any, tmp_path: Path) -> None:
    db = make_db(tmp_path / "h.db", hostile_articles(), hostile_digest())
    with serve(db) as base:
        page.goto(base + "/")
        _assert_inert(page)
        page.locator("table.stories a").first.click()
        _assert_inert(page)
        assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
        page.locator("ul.articles a").first.click()
        _assert_inert(page)
        assert (
            page.locator("article.text img, article.text iframe, article.text script").count() == 0
        )
        page.get_by_role("link", name="compare").first.click()
        _assert_inert(page)
        page.goto(base + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        _assert_inert(page)
        page.fill("#q", "<img src=x onerror=alert(9)>")
        page.wait_for_timeout(500)
        _assert_inert(page)
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)


def test_hostile_report_runs_no_script(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(to_html(hostile_digest()), encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    _assert_inert(page)
    page.fill("#q", "second")
    assert page.locator("table.stories tbody tr:not([hidden])").count() == 0
    page.fill("#q", "story")
    assert page.locator("table.stories tbody tr:not([hidden])").count() == 1
    assert [url for url in requests if not url.startswith("file:")] == []
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)


def test_example_corpus_click_through(page: Any, tmp_path: Path) -> None:
    db = digest_corpus(EXAMPLES, tmp_path / "example.db")
    with serve(db) as base:
        page.goto(base + "/")
        first = page.locator("table.stories tbody tr").first.locator("a").first
        title = first.inner_text()
        first.click()
        assert page.locator("h1").inner_text() == title
        assert page.locator("svg.reuse-graph circle.original").count() >= 1
        page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
        # an article that takes part in a relation, from the reuse table
        link = page.locator("table.relations a").first
        article_title = link.inner_text()
        link.click()
        assert page.locator("h1").inner_text() == article_title
        assert page.locator("article.text mark").count() >= 1
        page.screenshot(path=str(tmp_path / "article.png"), full_page=True)
        page.get_by_role("link", name="compare").first.click()
        assert page.locator("h1").inner_text() == "Compare"
        assert page.locator(".compare section").count() == 2
        assert page.locator(".compare mark").count() >= 2
        page.screenshot(path=str(tmp_path / "compare.png"), full_page=True)
    assert page.dialogs == []


def test_a_long_unbroken_word_does_not_widen_the_page(browser: Any, tmp_path: Path) -> None:
    # A pasted url as a title, an outlet name with no space, a base64 run in a text: the
    # page breaks them rather than scrolling sideways, on a desk and on a phone.
    word = "https://cdn.example.com/" + "a1b2c3d4" * 40
    articles = sample_articles()
    articles[0] = replace(articles[0], title=word, source="Northwire" + "X" * 90)
    articles[2] = replace(articles[2], text=articles[2].text + " " + word)
    digest = sample_digest(articles)
    digest = replace(digest, stories=(replace(digest.stories[0], title=word), *digest.stories[1:]))
    db = make_db(tmp_path / "long.db", articles, digest)
    report = tmp_path / "report.html"
    report.write_text(to_html(digest), encoding="utf-8")
    wide = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    for width in (1100, 375):
        context = browser.new_context(viewport={"width": width, "height": 800})
        opened = context.new_page()
        with serve(db) as base:
            for path in ("/", "/stories/s-bridge", "/articles/wire1", "/compare?a=rew1&b=wire1"):
                opened.goto(base + path)
                assert opened.evaluate(wide) <= 0, (width, path)
        opened.goto(report.as_uri())
        assert opened.evaluate(wide) <= 0, (width, "report")
        # beside a long title, a span of dates breaks between its dates, not inside one
        dates = opened.locator("table.stories td.dates").first
        lines = "cell => { const r = document.createRange(); r.selectNodeContents(cell); "
        lines += "return r.getClientRects().length; }"
        assert dates.evaluate(lines) <= 2, width
        context.close()
