"""`storyline summarize` lists each version of a disputed figure with when it was first
reported, earliest first, as the digest does (a QA pass as a fact-checker, session 22: the
command printed the versions in id order, with no date, so "who said 47 first" could not be
read from it)."""

from __future__ import annotations

from storyline.model import Article, Claim, Digest, Story, Variant
from storyline.render.views import DigestIndex
from storyline.views import summary_lines


def _article(article_id: str, published: str) -> Article:
    return Article(article_id, article_id, "x", "x", article_id.title(), published=published)


def test_versions_are_dated_and_in_the_order_they_were_first_reported() -> None:
    articles = (
        _article("a-farm", "2031-11-16T05:40:00Z"),
        _article("b-post", "2031-11-15T21:30:00Z"),
        _article("c-wire", "2031-11-15T20:05:00Z"),
    )
    variants = (
        Variant("At least 47 people", ("a-farm",)),
        Variant("Nine people", ("b-post",)),
        Variant("Seven people", ("c-wire",)),
    )
    claim = Claim("Seven people died.", "c-wire", ("c-wire",), 1, "c-wire", variants=variants)
    story = Story("s1", "Bridge", tuple(a.id for a in articles), summary=(claim,))
    lines = summary_lines(story, DigestIndex(Digest(articles=articles, stories=(story,))))
    assert [line for line in lines if "sources differ" in line] == [
        '  - sources differ: "Seven people" [c-wire] (first reported 2031-11-15 20:05 UTC)',
        '  - sources differ: "Nine people" [b-post] (first reported 2031-11-15 21:30 UTC)',
        '  - sources differ: "At least 47 people" [a-farm] (first reported 2031-11-16 05:40 UTC)',
    ]
