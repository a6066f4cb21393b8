"""Short posts, as the stories tests write them, and the stories they make."""

from __future__ import annotations

from storyline.model import Article
from storyline.stories import cluster_stories


def post(
    id: str, language: str, published: str, text: str, title: str = "", source: str = ""
) -> Article:
    """A post of a channel in ``language`` (``source``: another outlet name)."""
    return Article(
        id=id,
        title=title,
        text=text,
        raw_text=text,
        source=source or f"channel-{language}",
        published=published,
        language=language,
    )


def story_groups(*articles: Article) -> list[tuple[str, ...]]:
    """The article ids of each story ``articles`` make, in story order."""
    return [tuple(story.article_ids) for story in cluster_stories(articles).stories]
