"""The publication date an HTML page gives, in every place pages give it (ingest/pagedates)."""

from __future__ import annotations

import pytest

from storyline.ingest.dates import read_published
from storyline.ingest.html import read_html
from storyline.model import Article

BODY = (
    "<p>The ferry between Ostmark and Lindholm resumed service on Tuesday after engineers "
    "repaired a damaged ramp at the Lindholm terminal.</p>"
    "<p>The operator said the first crossing carried 212 passengers and 40 cars.</p>"
)


def _page(head: str = "", byline: str = "", after: str = "") -> bytes:
    return (
        f"<html><head><title>Ferry service resumes</title>{head}</head><body><article>"
        f"<h1>Ferry service resumes</h1>{byline}{BODY}{after}</article></body></html>"
    ).encode()


def _published(page: bytes) -> str | None:
    (article,) = read_html(page, "page.html")
    assert isinstance(article, Article)
    return article.published


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            _page(byline='<div class="byline"><time datetime="2031-03-09T23:30:00-05:00">'
                  "March 9</time></div>"),
            "2031-03-09T23:30:00-05:00",
        ),
        (
            _page('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                  '"datePublished": "2031-03-09T23:30:00-05:00"}]}</script>'),
            "2031-03-09T23:30:00-05:00",
        ),
        (_page('<meta name="dc.date" content="2031-03-09T23:30:00-05:00">'),
         "2031-03-09T23:30:00-05:00"),
        (
            _page(byline='<p class="byline">By Staff | Published 11:30 p.m. EST, '
                  "Monday March 9, 2031</p>"),
            "2031-03-09T23:30:00-05:00",
        ),
    ],
)  # fmt: skip
def test_a_time_given_outside_meta_tags_keeps_its_time_and_offset(
    page: bytes, expected: str
) -> None:
    assert _published(page) == expected


@pytest.mark.parametrize(
    "page",
    [
        _page(
            '<meta property="article:modified_time" content="2031-03-12T09:00:00+00:00">',
            '<div class="byline">Published <time class="published" '
            'datetime="2031-03-10T08:00:00+00:00">10 March</time> Updated <time '
            'class="updated" datetime="2031-03-12T09:00:00+00:00">12 March</time></div>',
        ),
        _page(
            byline='<div class="byline">Updated <time datetime="2031-03-12T09:00:00+00:00">'
            "12 March 2031</time> first published <time "
            'datetime="2031-03-10T08:00:00+00:00">10 March 2031</time></div>',
        ),
    ],
)
def test_an_update_is_not_the_publication(page: bytes) -> None:
    assert _published(page) == "2031-03-10T08:00:00+00:00"


def test_an_update_in_words_is_not_the_publication() -> None:
    page = _page(byline='<p class="byline">Updated 12 March 2031 · Published 10 March 2031</p>')
    assert _published(page) == "2031-03-10"


def test_readers_comments_and_related_stories_give_no_date() -> None:
    elsewhere = (
        '<div class="comments"><time datetime="2031-03-20T10:00:00+00:00">20 March</time></div>'
        '<aside><time datetime="2031-02-01T10:00:00+00:00">1 February</time></aside>'
    )
    assert _published(_page(after=elsewhere)) is None


def test_a_meta_tag_comes_before_the_byline() -> None:
    page = _page(
        '<meta property="article:published_time" content="2031-03-10T04:30:00Z">',
        '<div class="byline"><time datetime="2031-03-09T22:30:00-05:00">9 March</time></div>',
    )
    assert _published(page) == "2031-03-10T04:30:00+00:00"


def test_a_time_in_words_after_the_date_is_read_with_its_zone() -> None:
    # The mail-date parser read this as 11:30 in the morning, with no zone.
    assert read_published("March 9, 2031 11:30 p.m. EST") == ("2031-03-09T23:30:00-05:00", "")
    assert read_published("Tue, 07 Apr 2031 10:00:00 GMT") == ("2031-04-07T10:00:00+00:00", "")


def test_readers_comments_under_any_usual_name_are_not_article_text() -> None:
    comments = (
        '<div class="responses"><p><b>Tom</b> - 2 hours ago</p>'
        "<p>The ferry will be late again by Friday, you watch.</p></div>"
        '<section id="reader-comments"><p>Nobody asked the crews about the ramp.</p></section>'
    )
    layout = '<div class="responsive"><p>The ramp will be tested again next month.</p></div>'
    (article,) = read_html(_page(after=comments + layout), "page.html")
    assert isinstance(article, Article)
    assert "you watch" not in article.text and "Nobody asked" not in article.text
    assert "The ramp will be tested again next month." in article.text


def test_markup_in_a_title_tag_is_no_headline_text() -> None:
    hostile = (
        '<meta property="og:title" content="Ferry service resumes '
        '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;">'
    )
    (article,) = read_html(_page(hostile), "page.html")
    assert isinstance(article, Article)
    assert article.title == "Ferry service resumes"


@pytest.mark.parametrize(
    "head",
    [
        # <title> holds text only: its "<script>" reaches trafilatura as the words "alert(1)".
        "<title>Ferry service resumes <script>alert(1)</script></title>",
        # A script element in the heading: trafilatura keeps its text in the headline.
        "",
    ],
)
def test_a_script_in_the_headline_is_no_headline_text(head: str) -> None:
    heading = "" if head else "<h1>Ferry service resumes <script>alert(1)</script></h1>"
    page = (
        f'<html><head>{head}<meta property="og:site_name" content="Harbour <b>Post</b>">'
        f"</head><body><article>{heading}{BODY}</article></body></html>"
    ).encode()
    (article,) = read_html(page, "page.html")
    assert isinstance(article, Article)
    assert article.title == "Ferry service resumes"
    assert article.source == "Harbour Post"  # a site name's markup is no part of its name


def test_a_page_that_is_mostly_an_inline_script_still_gives_its_text() -> None:
    bundle = '<script id="state" type="application/json">{"x": "' + "A" * 1_200_000 + '"}</script>'
    ld = '<script type="application/ld+json">{"datePublished": "2031-03-09T08:00:00Z"}</script>'
    (article,) = read_html(_page(bundle + ld), "page.html")
    assert isinstance(article, Article)
    assert article.text.startswith("The ferry between Ostmark and Lindholm")
    assert article.published == "2031-03-09T08:00:00+00:00"  # JSON-LD is kept


def test_a_live_page_is_dated_by_its_latest_entry() -> None:
    entries = "".join(
        f'<div class="entry"><time datetime="2031-03-12T{hour}:00:00Z">{hour}:00</time>'
        f"<p>Update at {hour}: the ferry crews met the operator again.</p></div>"
        for hour in ("06", "09", "14")
    )
    head = (
        '<meta property="og:title" content="Ferry strike: live updates">'
        '<meta property="article:published_time" content="2031-03-12T05:00:00Z">'
    )
    assert _published(_page(head, after=entries)) == "2031-03-12T14:00:00+00:00"
    # the same entries in a page that does not say it is live: its publication stands
    plain = head.replace("live updates", "the crews meet again")
    assert _published(_page(plain, after=entries)) == "2031-03-12T05:00:00+00:00"


def test_a_plain_date_meta_keeps_its_time() -> None:
    # It was read by htmldate only, to the day: "2031-03-09".
    page = _page('<meta name="date" content="2031-03-09T23:30:00-05:00">')
    assert _published(page) == "2031-03-09T23:30:00-05:00"
    # Any other stamp the page gives comes first.
    both = _page(
        '<meta name="date" content="2031-03-10T08:00:00+00:00">'
        '<meta property="article:published_time" content="2031-03-09T23:30:00-05:00">'
    )
    assert _published(both) == "2031-03-09T23:30:00-05:00"
