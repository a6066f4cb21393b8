"""Articles in several languages, summarised with the reuse stage's relations (test helpers)."""

from __future__ import annotations

from storyline.dedup import find_relations
from storyline.model import Article, Claim
from storyline.summary import SummaryOptions, summarize


def outlet_article(article_id: str, text: str, language: str, published: str | None) -> Article:
    """An article of one outlet of its own, titled by its first line."""
    return Article(
        article_id,
        text.split("\n")[0][:60],
        text,
        text,
        source=f"outlet-{article_id}",
        published=published,
        language=language,
    )


def article(article_id: str, text: str, language: str, hour: int) -> Article:
    """An article of one outlet of its own, published at ``hour`` on 2026-06-07 (UTC)."""
    return outlet_article(article_id, text, language, f"2026-06-07T{hour:02d}:00:00Z")


def summary(*articles: Article) -> tuple[Claim, ...]:
    """The summary of ``articles`` as the pipeline makes it: relations found first."""
    found = find_relations(list(articles))
    return summarize(list(articles), found.relations, found.groups, SummaryOptions(max_words=400))
