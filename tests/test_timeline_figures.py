"""A timeline entry prints one sentence and cites every article that dates the same event;
when some of them give its figure otherwise, the entry says so, as a summary sentence does
(a QA pass as a fact-checker, session 22: a rewrite that said "At least 47 people died" was
cited under "Seven people died" as if it said so)."""

from __future__ import annotations

import json
from pathlib import Path

import storyline
from storyline.model import Article, Digest, Evidence, Story, TimelineEntry
from storyline.render import to_html
from storyline.render.jsonin import digest_from_json
from storyline.render.jsonout import to_json
from storyline.render.markdown import to_markdown
from storyline.timeline import build_timeline
from storyline.timeline.variants import entry_variants, with_variants
from storyline.views import timeline_lines

LEAD = (
    "{} died and 31 were injured when a footbridge over the Skarva river collapsed during "
    "the lantern festival in Tolvik on Saturday evening, regional police said."
)


def _article(article_id: str, toll: str, source: str, published: str) -> Article:
    text = LEAD.format(toll) + "\nThe bridge was closed to traffic for the night."
    return Article(article_id, "Bridge collapse", text, text, source, published=published)


ARTICLES = (
    _article("wire", "Seven people", "Nordline Wire", "2031-11-15T20:05:00+00:00"),
    _article("copy", "Seven people", "Tolvik Courier", "2031-11-15T20:40:00+00:00"),
    _article("farm", "At least 47 people", "ViralNow", "2031-11-16T05:40:00+00:00"),
    _article("post", "Nine people", "Eastbay Post", "2031-11-15T21:30:00+00:00"),
)


def _digest() -> Digest:
    timeline = with_variants(build_timeline(list(ARTICLES)))
    story = Story("s1", "Bridge collapse", tuple(a.id for a in ARTICLES), timeline=timeline.entries)
    return Digest(articles=ARTICLES, stories=(story,))


TOLLS = {"Seven people": {"wire", "copy"}, "At least 47 people": {"farm"}, "Nine people": {"post"}}


def _entry() -> TimelineEntry:
    (entry,) = [e for e in _digest().stories[0].timeline if e.date == "2031-11-15"]
    return entry


def test_the_entry_lists_each_version_of_its_figure_with_its_sources() -> None:
    entry = _entry()
    assert set(entry.article_ids) == {"wire", "copy", "farm", "post"}
    versions = entry_variants(entry)
    assert {v.text: set(v.article_ids) for v in versions} == TOLLS
    assert entry.text.startswith(versions[0].text)  # the printed sentence's own comes first


def test_markdown_html_and_the_timeline_command_show_them() -> None:
    digest = _digest()
    shown = entry_variants(_entry())[0].text
    markdown = to_markdown(digest)
    (line,) = [x for x in markdown.splitlines() if x.startswith("  - sources differ:")]
    assert line.startswith(f"  - sources differ: {shown} [")
    assert all(f"{toll} [" in line for toll in TOLLS)
    assert f"sources differ: {shown} " in to_html(digest)
    story = digest.stories[0]
    lines = timeline_lines(story.title, story.timeline, (), {a.id: a for a in ARTICLES})
    assert sum(x.startswith(f"  - sources differ: {shown} [") for x in lines) == 1


def test_another_count_in_another_sentence_is_no_dispute() -> None:
    shown = LEAD.format("Seven people")
    arrests = "Police said 3 people were arrested in Tolvik on Saturday evening."
    entry = TimelineEntry(
        date="2031-11-15",
        granularity="day",
        text=shown,
        evidence=(Evidence(shown, "wire", "Saturday"), Evidence(arrests, "other", "Saturday")),
        article_ids=("other", "wire"),
        outlets=(),
    )
    assert entry_variants(entry) == ()
    agreeing = Evidence(shown.replace("died", "were killed"), "copy", "Saturday")
    assert entry_variants(TimelineEntry(**{**entry.__dict__, "evidence": (agreeing,)})) == ()


def _tolls(entries: tuple[TimelineEntry, ...]) -> list[dict[str, set[str]]]:
    return [{v.text: set(v.article_ids) for v in e.variants} for e in entries if e.variants]


def test_the_digest_json_carries_the_versions_and_reads_them_back() -> None:
    digest = _digest()
    text = to_json(digest)
    (entry,) = [e for e in json.loads(text)["stories"][0]["timeline"] if e["variants"]]
    assert {v["text"]: set(v["article_ids"]) for v in entry["variants"]} == TOLLS
    assert _tolls(digest_from_json(text).stories[0].timeline) == [TOLLS]


def test_the_pipeline_puts_them_in_each_story_and_in_the_corpus_timeline(tmp_path: Path) -> None:
    feed = tmp_path / "night.jsonl"
    rows = [
        {"id": a.id, "title": a.title, "text": a.text, "source": a.source, "published": a.published}
        for a in ARTICLES
    ]
    feed.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    digest = storyline.digest([feed])
    assert [t for s in digest.stories for t in _tolls(s.timeline)] == [TOLLS]
    assert _tolls(storyline.timeline([feed]).entries) == [TOLLS]
