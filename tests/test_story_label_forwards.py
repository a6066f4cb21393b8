"""A story founded by a Telegram forward is labelled with the news, not with who passed it on."""

from __future__ import annotations

from storyline.model import Article
from storyline.stories import cluster_stories

HEADLINE = "Queues of cars formed at petrol stations in Dorvisk"
FORWARD = f"Forwarded from Harbor Watch: {HEADLINE}"
TEXT = (
    "Drivers waited up to two hours at the three petrol stations on the Dorvisk ring road on "
    "Sunday after rumours that fuel deliveries would stop. The city council said supplies were "
    "normal and asked residents not to buy more than they need."
)


def _post(article_id: str, title: str, text: str, hour: int) -> Article:
    return Article(
        article_id,
        title,
        text,
        text,
        source="Dorvisk News",
        published=f"2026-03-01T{hour:02d}:00:00+00:00",
    )


def test_a_story_founded_by_a_forward_is_labelled_without_the_forward() -> None:
    forwarded = _post("fwd", FORWARD, f"Forwarded from Harbor Watch: {TEXT}", 9)
    (story,) = cluster_stories([forwarded]).stories
    assert story.title == HEADLINE
    assert forwarded.title == FORWARD  # the article's own title still says where it came from
