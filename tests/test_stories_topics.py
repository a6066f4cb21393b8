"""The topic level: what a story is scored on when it is placed under a topic."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.errors import OptionsError
from storyline.model import Article
from storyline.stories import StoryOptions, cluster_stories
from storyline.stories.topics import subject_options

TEXT = (
    "Floods in Valdoria: Governor Imre Tascan said {0} homes in Keltra were lost to the river.\n"
    "The Valdoria weather office counted {1} millimetres of rain over Keltra in two days."
)


def _article(id: str, figures: tuple[str, str]) -> Article:
    text = TEXT.format(*figures)
    title = f"Valdoria floods: {figures[0]} homes lost in Keltra"
    return Article(id=id, title=title, text=text, raw_text=text)


# Each article its own story (a join bar no score reaches), so only the topic level groups them.
APART = StoryOptions(threshold=1.0, join_rule="threshold", topic_threshold=0.9)


def test_topics_weigh_terms_and_names_alone() -> None:
    scoring = subject_options(StoryOptions(topic_entity_weight=0.25))
    assert scoring.combine((0.5, 0.25, 1.0), False) == 0.75 * 0.5 + 0.25 * 0.25
    assert scoring.combine((None, 0.25, 1.0), False) == 0.25
    assert scoring.combine((0.5, None, 1.0), False) == 0.5
    # The story weights are left as they were.
    assert scoring.threshold == StoryOptions().threshold


def test_two_stories_of_one_subject_with_other_figures_share_a_topic() -> None:
    # Same words and names, no figure in common: scored with the story weights (figures
    # 0.15) the pair would stay at 0.85, under the 0.9 bar.
    result = cluster_stories(
        [_article("a", ("1234", "317")), _article("b", ("5678", "291"))], options=APART
    )
    assert len(result.stories) == 2
    (topic,) = result.topics
    assert topic.story_ids == tuple(s.id for s in result.stories)


def test_a_shared_figure_alone_makes_no_topic() -> None:
    texts = (
        "Floods in Valdoria: Governor Imre Tascan said 1234 homes in Keltra were lost.",
        "Grandmaster Lena Quist won the Orbis chess final after 1234 moves in Port Ansel.",
    )
    articles = [Article(id=f"a{n}", title="", text=t, raw_text=t) for n, t in enumerate(texts)]
    result = cluster_stories(articles, options=StoryOptions(topic_threshold=0.01))
    assert len(result.stories) == 2
    assert result.topics == ()


def test_the_topic_name_weight_is_a_share() -> None:
    with pytest.raises(OptionsError, match="topic_entity_weight"):
        StoryOptions(topic_entity_weight=1.5)
    with pytest.raises(OptionsError, match="topic_entity_weight"):
        StoryOptions(topic_entity_weight=-0.1)
    names_alone = subject_options(StoryOptions(topic_entity_weight=1.0))
    assert names_alone.combine((0.9, 0.2, 1.0), False) == 0.2


def test_a_one_article_side_story_does_not_title_a_topic_of_big_stories() -> None:
    big = [_article(f"b{n}", ("1234", "317")) for n in range(4)]
    side = replace(_article("s", ("5678", "291")), title="Keltra floods: governor Tascan visits")
    options = StoryOptions(threshold=0.95, join_rule="threshold", topic_threshold=0.5)
    result = cluster_stories([side, *big], options=options)
    assert sorted(len(s.article_ids) for s in result.stories) == [1, 4]
    (topic,) = result.topics
    assert len(topic.story_ids) == 2
    assert topic.title == "Valdoria floods: 1234 homes lost in Keltra"
