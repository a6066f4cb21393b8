"""Renderers: story order, top stories, date windows, long timelines, translations, versions."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape

from storyline.ids import stable_id
from storyline.model import (
    Article,
    Claim,
    Digest,
    DuplicateGroup,
    Passage,
    Relation,
    Skipped,
    Story,
    Variant,
)
from storyline.render import (
    compare_html,
    compare_text,
    to_html,
    to_json,
    to_markdown,
)
from storyline.render.selection import StorySelection
from storyline.render.views import (
    DigestIndex,
    ranked_stories,
    split_skipped,
)
from web_fixtures import (
    sample_digest,
)

# ---------------------------------------------------------------- story order


def _ranking_digest() -> Digest:
    """Five stories whose digest order is the reverse of how widely they are reported."""
    articles = tuple(
        Article(i, f"T {i}", "", "", source, published=day)
        for i, source, day in (
            ("a1", "unknown", "2031-01-01"),
            ("b1", "Alpha", "2031-01-02"),
            ("c1", "Alpha", "2031-01-05"),
            ("d1", "Alpha", "2031-01-03"),
            ("d2", "Beta", "2031-01-03"),
            ("e1", "Alpha", "2031-01-04"),
            ("e2", "Beta", "2031-01-04"),
            ("e3", "Gamma", "2031-01-04"),
            ("e4", "Delta", "2031-01-04"),
        )
    )
    stories = (
        Story("older-one", "Older single report", ("b1",), first_date="2031-01-02",
              last_date="2031-01-02", outlets=("Alpha",)),
        Story("undated-one", "Single report, unknown outlet", ("a1",), outlets=("unknown",)),
        Story("newer-one", "Newer single report", ("c1",), first_date="2031-01-05",
              last_date="2031-01-05", outlets=("Alpha",)),
        Story("two", "Two outlets", ("d1", "d2"), first_date="2031-01-03",
              last_date="2031-01-03", outlets=("Alpha", "Beta")),
        Story("copies", "Four articles, three of them one copy", ("e1", "e2", "e3", "e4"),
              first_date="2031-01-04", last_date="2031-01-04",
              outlets=("Alpha", "Beta", "Delta", "Gamma")),
    )  # fmt: skip
    copies = DuplicateGroup("g", ("e1", "e2", "e3"), "e1")
    return Digest(articles, stories, groups=(copies,))


def test_stories_are_ranked_by_independent_reports_then_outlets_then_newest() -> None:
    ranked = [s.id for s in ranked_stories(DigestIndex(_ranking_digest()))]
    # "copies" has 4 articles but 2 voices and 4 outlets: above "two" (2 voices, 2 outlets).
    # Among single reports a named outlet comes first, then the newest.
    assert ranked == ["copies", "two", "newer-one", "older-one", "undated-one"]


def test_markdown_shows_the_top_stories_and_says_how_many_are_left_out() -> None:
    digest = _ranking_digest()
    everything = to_markdown(digest)
    assert everything.index("## 1. Four articles") < everything.index("## 2. Two outlets")
    assert "not shown" not in everything
    top = to_markdown(digest, StorySelection(max_stories=2))
    assert "5 stories from 9 articles." in top
    assert (
        "> Showing the 2 most widely reported of 5 stories; 3 more stories (3 articles) are "
        "not shown." in top
    )
    assert "## 2. Two outlets" in top and "## 3." not in top and "Newer single" not in top
    one = to_markdown(digest, StorySelection(max_stories=4))
    assert "Showing the 4 most widely reported of 5 stories; 1 more story (1 article) is" in one
    assert to_markdown(digest, StorySelection(max_stories=5)) == everything


def test_html_report_shows_the_top_stories_only() -> None:
    digest = _ranking_digest()
    html = to_html(digest, StorySelection(max_stories=1))
    assert "<title>storyline digest: 5 stories</title>" in html
    assert "Showing the most widely reported of 5 stories; 4 more stories (5 articles)" in html
    assert html.count('<article class="story"') == 1
    assert "Four articles, three of them one copy" in html and "Two outlets" not in html
    full = to_html(digest)
    assert full.count('<article class="story"') == 5
    assert full.index("Four articles, three") < full.index("Two outlets") < full.index("Newer")


def test_relations_of_stories_left_out_are_left_out_too() -> None:
    rewrite = Relation("d1", "d2", "rewrite", 0.6, 0.5, ())  # inside "Two outlets"
    across = Relation("c1", "e1", "shared_passages", 0.2, 0.1, ())  # "Newer" and "copies"
    digest = replace(_ranking_digest(), relations=(rewrite, across))
    assert "## Relations" in to_markdown(digest)
    top = to_markdown(digest, StorySelection(max_stories=1))  # "copies" alone
    assert "T c1 (Alpha) ⇄ T e1 (Alpha)" in top and "T d1" not in top
    later = to_markdown(digest, StorySelection(since="2031-01-06"))  # no story at all
    assert "## Relations" not in later and "T c1" not in later


def test_since_keeps_stories_with_an_article_on_or_after_the_date() -> None:
    digest = _ranking_digest()
    recent = to_markdown(digest, StorySelection(since="2031-01-03"))
    assert (
        "> Showing the 3 stories with an article published on or after 2031-01-03 (5 in "
        "all); 2 more stories (2 articles) are not shown." in recent
    )
    assert [line for line in recent.splitlines() if line.startswith("## ")][:3] == [
        "## 1. Four articles, three of them one copy",
        "## 2. Two outlets",
        "## 3. Newer single report",
    ]
    top = to_markdown(digest, StorySelection(max_stories=1, since="2031-01-03"))
    assert (
        "> Showing the most widely reported of the 3 stories with an article published on "
        "or after 2031-01-03 (5 in all); 4 more stories (5 articles) are not shown." in top
    )
    # A story with no dated article is not known to be recent: it is left out, and counted.
    early = to_markdown(digest, StorySelection(since="2030-12-31"))
    assert "> Showing the 4 stories with an article published on or after 2030-12-31 (5 in " in (
        early
    )
    assert "1 more story (1 article) is not shown." in early and "Single report, unknown" not in (
        early
    )


def test_a_long_timeline_shows_its_most_salient_dates_and_says_how_many_are_left() -> None:
    """A page shows a story's 20 most salient dates, in date order; the JSON keeps every one."""
    digest = sample_digest()
    story = digest.stories[0]
    first = story.timeline[0]
    entries = tuple(
        replace(first, date=f"2031-04-{day:02d}", text=f"Event of day {day}.", score=day / 100)
        for day in range(1, 26)
    )
    digest = replace(digest, stories=(replace(story, timeline=entries), *digest.stories[1:]))
    markdown = to_markdown(digest)
    shown = re.findall(r"\*\*2031-04-(\d\d)\*\*", markdown)
    assert shown == [f"{day:02d}" for day in range(6, 26)]  # the five least salient go
    assert f"- and 5 less salient dates: `storyline timeline --story {story.id}`" in markdown
    page = unescape(to_html(digest))
    assert "Event of day 6." in page and "Event of day 5." not in page
    assert f"and 5 less salient dates: storyline timeline --story {story.id}" in re.sub(
        r"<[^>]+>", "", page
    )
    assert len(json.loads(to_json(digest))["stories"][0]["timeline"]) == 25


def test_compare_shows_a_translation_sentence_by_sentence() -> None:
    english = Article(id="en", title="Ferry aground", text="The ferry ran aground.", raw_text="")
    french = Article(id="fr", title="Ferry échoué", text="Le ferry s'est échoué.", raw_text="")
    aligned = Passage(0, 22, 0, 22, english.text, french.text, "translation", 0.5)
    relation = Relation(
        "en", "fr", "translation", 1.0, 0.0, 0.0, "en", "published earlier", (aligned,)
    )
    text = compare_text(english, french, relation)
    assert "translation, similarity 1.00: sentences follow in order, 1 aligned pair" in text
    assert "»1 The ferry ran aground.«" in text and "»1 Le ferry s'est échoué.«" in text
    html = compare_html(english, french, relation)
    assert "a translation: its sentences follow" in html and "reused passage" not in html
    assert "<h2>Aligned sentences</h2>" in html and 'class="translation"' in html


def test_report_timeline_anchors_are_unique_and_each_chart_links_its_own_story() -> None:
    """Two stories with timelines in one report: every id once, and each story's chart links
    to entries of that story (they were all "t-0", "t-1": a QA pass found the chart of the
    third story jumping to the first story's timeline)."""
    digest = sample_digest()
    bridge, chess = digest.stories
    twin = replace(bridge, id="s-bridge-2", title="Second bridge story", topic_id=None)
    html = to_html(replace(digest, stories=(bridge, chess, twin)))
    # the twin shares the bridge's articles and relations, so only their anchors repeat
    ids = [i for i in re.findall(r'\sid="([^"]+)"', html) if not i.startswith(("a-", "r-"))]
    assert len(ids) == len(set(ids))
    for story in (bridge, twin):
        start = html.index(f'id="{stable_id(story.id, prefix="s-", length=12)}"')
        end = html.find(' id="s-', start + 1)  # the next story
        section = html[start:end] if end > 0 else html[start:]
        targets = re.findall(r'href="#(t-[^"]+)"', section)
        assert len(targets) == len(story.timeline)
        assert all(f'id="{t}"' in section for t in targets)


def test_an_earlier_version_saved_over_the_same_file_is_skipped_not_a_remark() -> None:
    """A page saved again after an update has its earlier version at the same path: it was
    listed under "Read, with a note" and left out of the skipped count, while one delivered
    in another file was "Skipped" (a QA pass as a journalist saw both on one page)."""
    digest = sample_digest()
    page = replace(digest.articles[0], path="pages/fire.html", record=0)
    earlier = Skipped(
        "pages/fire.html",
        "an earlier version of wire1 (pages/fire.html): superseded, left out of the analysis",
        0,
        "old-wire1",
        "wire1",
    )
    note = Skipped("pages/fire.html", "date 'soon' not read; kept, undated")
    digest = replace(digest, articles=(page, *digest.articles[1:]), skipped=(earlier, note))
    assert split_skipped(digest) == ((earlier,), (note,))
    markdown = to_markdown(digest)
    assert markdown.index("an earlier version") < markdown.index("## Read, with a note")
    assert "(1 skipped)" in markdown


def test_variants_of_a_revised_toll_show_when_each_was_first_reported() -> None:
    """A toll that rose through the day listed as bare "sources differ" reads as a dispute; with
    each version's first publication, earliest first, it reads as revisions (QA pass as a
    journalist). The versions come in article-id order from the summary; the page orders them
    by time."""

    def made(aid: str, published: str | None) -> Article:
        return Article(id=aid, title=aid, text="x", raw_text="x", source=aid, published=published)

    articles = [
        made("a-late", "2026-11-18T13:00:00+00:00"),
        made("b-early", "2026-11-18T10:15:00+00:00"),
        made("c-mid", "2026-11-18T13:05:00+02:00"),  # 11:05 UTC
        made("d-undated", None),
    ]
    claim = Claim(
        "Seven people have died.",
        "a-late",
        ("a-late",),
        1,
        "a-late",
        variants=(
            Variant("Seven people", ("a-late",)),
            Variant("at least three people", ("b-early",)),
            Variant("Five people", ("c-mid", "d-undated")),
            Variant("many people", ("d-undated",)),
        ),
    )
    story = Story("s1", "Fire", tuple(a.id for a in articles), summary=(claim,))
    digest = Digest(articles=tuple(articles), stories=(story,))
    lines = [line for line in to_markdown(digest).splitlines() if "variant:" in line]
    assert lines == [
        "  - variant: at least three people [1] (first reported 2026-11-18 10:15 UTC)",
        "  - variant: Five people [2][4] (first reported 2026-11-18 13:05+02:00)",
        "  - variant: Seven people [3] (first reported 2026-11-18 13:00 UTC)",
        "  - variant: many people [4]",
    ]
    html = to_html(digest)
    assert html.index("at least three people") < html.index("Five people <")
    assert "(first reported 2026-11-18 10:15 UTC)" in html


def test_a_version_first_given_by_an_updated_page_says_so() -> None:
    """A page updated in place keeps its first publication time: "Five people" on a page
    published at 09:50 and updated at 11:00 showed "first reported 09:50", before the
    "three" of 10:15 (a QA pass as a journalist); the time now says the page was updated."""

    def made(aid: str, published: str) -> Article:
        return Article(id=aid, title=aid, text="x", raw_text="x", source=aid, published=published)

    articles = (made("post-v2", "2026-11-18T09:50:00Z"), made("wire", "2026-11-18T10:15:00Z"))
    variants = (Variant("Five people", ("post-v2",)), Variant("three people", ("wire",)))
    claim = Claim("Five people died.", "post-v2", ("post-v2",), 1, "post-v2", variants=variants)
    earlier = Skipped("p.html", "an earlier version of post-v2", 0, "post-v1", "post-v2")
    story = Story("s1", "Fire", ("post-v2", "wire"), summary=(claim,))
    digest = Digest(articles=articles, stories=(story,), skipped=(earlier,))
    lines = [line for line in to_markdown(digest).splitlines() if "variant:" in line]
    assert lines == [
        "  - variant: Five people [1] (first reported 2026-11-18 09:50 UTC, by a page updated "
        "since)",
        "  - variant: three people [2] (first reported 2026-11-18 10:15 UTC)",
    ]
    assert "09:50 UTC, by a page updated since)" in to_html(digest)


def test_compare_points_at_a_figure_the_copy_changed() -> None:
    """A state outlet's copy that turned "killing 12 people" into "killed 2 people" reads as a
    close paraphrase; both views name the figures each side gives (QA pass F)."""
    ledger = Article(
        id="ledger",
        title="Blast at Drevna port",
        text="An explosion tore through the Drevna depot on Tuesday, killing 12 people.",
        raw_text="",
    )
    agency = Article(
        id="agency",
        title="Fire at Drevna depot",
        text="A fire broke out at the Drevna depot on Tuesday and killed 2 people.",
        raw_text="",
    )
    passage = Passage(0, 72, 0, 67, ledger.text, agency.text, "paraphrase", 0.7)
    relation = Relation("ledger", "agency", "rewrite", 0.7, passages=(passage,))
    text = compare_text(ledger, agency, relation)
    assert text.endswith("figures the two sides give differently:\n  »1: 12 people / 2 people\n")
    html = compare_html(ledger, agency, relation)
    assert "figures differ: 12 people / 2 people" in html
    same = replace(passage, b_text=passage.b_text.replace("2 people", "12 people"))
    unchanged = replace(relation, passages=(same,))
    assert "figures" not in compare_text(ledger, agency, unchanged)
    assert "figures differ" not in compare_html(ledger, agency, unchanged)
