"""The fitted join rule (stories/decision.py). Fictional fixtures only."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.errors import OptionsError
from storyline.model import Article
from storyline.stories import StoryOptions, cluster, cluster_stories
from storyline.stories.decision import BAR_OVER_THRESHOLD, fitted_join, fitted_value
from storyline.views import _explanation


def test_a_close_second_story_lets_a_young_story_take_an_article_below_the_threshold() -> None:
    # A one-article story, no figures on either side, a second candidate close behind.
    join, note = fitted_join(0.25, 0.26, 0.2, (0.2, 0.3, None), 1, 80)
    assert join
    assert note.startswith(
        "joined by the fitted rule although its score is under the threshold 0.26: "
        "the rule's value 0.3"
    )
    assert note.endswith("reaches its bar 0.285; second-best story 0.20, best story of 1 article")
    assert not fitted_join(0.25, 0.26, 0.0, (0.2, 0.3, 0.0), 1, 80)[0]


def test_event_words_alone_do_not_carry_an_article_into_a_large_story() -> None:
    join, note = fitted_join(0.30, 0.26, 0.0, (0.9, 0.1, 0.0), 20, 80)
    assert not join
    assert note.startswith(
        "kept out by the fitted rule although its score reaches the threshold 0.26"
    )
    assert note.endswith("best story of 20 articles")


def test_the_threshold_decides_for_a_short_wire() -> None:
    # The same scores that keep a long article out let a two-sentence wire in.
    assert not fitted_join(0.30, 0.26, 0.0, (0.9, 0.1, 0.0), 20, 80)[0]
    assert fitted_join(0.30, 0.26, 0.0, (0.9, 0.1, 0.0), 20, 29) == (True, "")
    assert fitted_join(0.25, 0.26, 0.2, (0.2, 0.3, None), 1, 29) == (False, "")


def test_the_note_is_only_for_decisions_the_threshold_would_not_make() -> None:
    assert fitted_join(0.5, 0.26, 0.0, (0.5, 0.5, 0.5), 3, 80) == (True, "")
    assert fitted_join(0.1, 0.26, 0.0, (0.1, 0.1, 0.1), 3, 80) == (False, "")


def test_the_bar_moves_with_the_threshold() -> None:
    value = fitted_value(0.3, 0.1, (0.3, 0.3, None), 2, 60)
    for threshold in (value - BAR_OVER_THRESHOLD - 0.001, value - BAR_OVER_THRESHOLD + 0.001):
        join, _ = fitted_join(0.3, threshold, 0.1, (0.3, 0.3, None), 2, 60)
        assert join == (value >= threshold + BAR_OVER_THRESHOLD)


def _coined(initial: str) -> list[str]:
    return [initial + a + b for a in "bcdfgkl" for b in "aeiou"]


def _lower(id: str, text: str) -> Article:
    return Article(id=id, title="", text=text, raw_text=text)


def test_explain_says_the_fitted_rule_joined_an_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # Over 30 distinct terms each (shorter texts are decided by the threshold alone); the
    # shared word is repeated so that it is among the terms each side searches by.
    first = _lower("a", "alpha alpha alpha " + " ".join(_coined("v")))
    second = _lower("b", "alpha alpha alpha " + " ".join(_coined("z")))

    def measure(query: Any, story: Any, options: StoryOptions) -> tuple[float, Any]:
        return 0.258, story.centroid.cosines(query.vectors)

    monkeypatch.setattr(cluster, "_measure", measure)
    fitted = cluster_stories([first, second])
    assert [s.article_ids for s in fitted.stories] == [("a", "b")]
    joined = fitted.assignments[1]
    assert joined.score == 0.258 and "is under the threshold 0.26" in joined.note
    text = _explanation(joined)
    assert text.startswith("joined with score 0.26; shared: alpha (") and "fitted rule" in text
    plain = cluster_stories([first, second], options=StoryOptions(join_rule="threshold"))
    assert [s.article_ids for s in plain.stories] == [("a",), ("b",)]


def test_join_rule_and_round_figure_weight_are_checked() -> None:
    with pytest.raises(OptionsError):
        StoryOptions(join_rule="learned")
    with pytest.raises(OptionsError):
        StoryOptions(round_figure_weight=1.5)
    assert "round_figure_weight" not in StoryOptions().feature_params()
