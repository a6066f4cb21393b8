"""A timeline entry that opens on a pronoun is shown with the sentence before it."""

from __future__ import annotations

import warnings
from pathlib import Path

from storyline.model import Article, Digest, Story
from storyline.render import to_html
from storyline.render.markdown import to_markdown
from storyline.render.views import entry_context
from storyline.timeline import TimelineOptions, build_timeline
from storyline.views import timeline_lines
from storyline.web import create_app
from web_fixtures import make_db

TEXT = (
    "A freight train derailed on the Ostmark Viaduct on Monday, closing the line.\n"
    "The Ostmark Viaduct carries 9,000 trains a year. It was last repaired in 2019, after a"
    " flood.\n"
    '"We had warned them in 2017," said Ilse Brandt, who chairs the rail users\' group.'
)
VIADUCT = Article(
    id="v1", title="Train derails", text=TEXT, raw_text=TEXT, published="2031-03-12",
    source="Ostmark Post",
)  # fmt: skip
BEFORE = "The Ostmark Viaduct carries 9,000 trains a year."


def _timeline() -> tuple[Digest, dict[str, Article]]:
    timeline = build_timeline([VIADUCT], options=TimelineOptions(granularities=("year",)))
    story = Story(id="s1", title="Train derails", article_ids=("v1",), timeline=timeline.entries)
    return Digest(articles=(VIADUCT,), stories=(story,)), {"v1": VIADUCT}


def test_an_entry_opening_on_a_pronoun_has_the_sentence_before_it() -> None:
    digest, articles = _timeline()
    by_year = {entry.date: entry for entry in digest.stories[0].timeline}
    assert by_year["2019"].text.startswith("It was last repaired")
    assert entry_context(by_year["2019"], articles) == BEFORE
    # A quotation names its speaker: its "we" needs no sentence before it.
    assert by_year["2017"].text.startswith('"We had warned')
    assert entry_context(by_year["2017"], articles) == ""
    # Without the article's text there is nothing to show (and no guess).
    assert entry_context(by_year["2019"], {}) == ""


def test_markdown_and_html_show_it_under_the_entry() -> None:
    digest, _ = _timeline()
    markdown = to_markdown(digest)
    entry = markdown.index("It was last repaired in 2019")
    assert markdown.index(f"  - preceded by: \u201c{BEFORE}\u201d") > entry
    assert markdown.count("preceded by") == 1
    assert f"preceded by: \u201c<bdi>{BEFORE}</bdi>\u201d" in to_html(digest)
    # `storyline timeline` prints it too.
    story = digest.stories[0]
    lines = timeline_lines(story.title, story.timeline, (), {"v1": VIADUCT})
    assert f"  - preceded by: \u201c{BEFORE}\u201d" in lines


def test_the_web_app_reads_the_sentence_before_from_the_store(tmp_path: Path) -> None:
    # The app's digest holds no article text: the story page reads it from the store.
    digest, _ = _timeline()
    db = make_db(tmp_path / "c.db", [VIADUCT], digest)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        with TestClient(create_app(db)) as client:
            page = client.get("/stories/s1").text
    assert f"preceded by: \u201c<bdi>{BEFORE}</bdi>\u201d" in page


CHAIN = (
    "Mirela Osk joined the Lanvik harbour board in 2014.\n"
    "She was made chair of its budget committee in 2016. She resigned in 2021, citing the dredging"
    " contract."
)


def test_a_sentence_before_that_refers_back_too_brings_the_one_before_it() -> None:
    article = Article(
        id="h1", title="Harbour board", text=CHAIN, raw_text=CHAIN, published="2031-05-02"
    )
    timeline = build_timeline([article], options=TimelineOptions(granularities=("year",)))
    by_year = {entry.date: entry for entry in timeline.entries}
    assert by_year["2021"].text.startswith("She resigned in 2021")
    assert entry_context(by_year["2021"], {"h1": article}) == (
        "Mirela Osk joined the Lanvik harbour board in 2014."
        " She was made chair of its budget committee in 2016."
    )
    # One sentence back is enough when it names who "she" is.
    assert by_year["2016"].text.startswith("She was made chair")
    assert entry_context(by_year["2016"], {"h1": article}) == (
        "Mirela Osk joined the Lanvik harbour board in 2014."
    )
