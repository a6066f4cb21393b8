"""The topic level: what a story is scored on when it is placed under a topic."""

from __future__ import annotations

from storyline.model import Article
from storyline.stories import StoryOptions, cluster_stories
from storyline.stories.topics import subject_cosines

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


def test_figures_drop_out_of_the_topic_score() -> None:
    assert subject_cosines((0.25, 0.5, 0.75)) == (0.25, 0.5, None)
    assert subject_cosines((None, 0.5, 0.75)) == (None, 0.5, None)


def test_two_stories_of_one_subject_with_other_figures_share_a_topic() -> None:
    # Same words and names, no figure in common: scoring the figures (weight 0.15 at
    # defaults) would hold the pair at 0.85, under the 0.9 bar.
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
