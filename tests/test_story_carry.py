"""Ids carried over a story state made again (storyline.stories.carry): each new story takes
the id of the earlier story holding most of its articles, each id goes to one story, and a
state made again with the same stories keeps every id."""

from __future__ import annotations

import pytest

from storyline.ids import stable_id
from storyline.model import Article
from storyline.stories import (
    Lineage,
    StoryOptions,
    StoryResult,
    StoryState,
    cluster_stories,
    ids_carried,
)
from storyline.stories.carry import carry_ids, unused_id

EVENTS = {
    "a": (
        "Fire crews in Dunmore fought a blaze at the Hollin paper mill on Monday; the mill "
        "owner Carra Fibres said {x} workers left the site safely and the river road was closed."
    ),
    "b": (
        "The Pellow county council approved a new ferry pier at Saltwick on Tuesday, with "
        "building to start in {x}; the harbour master Ines Varro said the old pier stays open."
    ),
    "c": (
        "Astronomers at the Kelvar observatory reported a bright comet on Wednesday, visible "
        "from the northern hills for {x} nights, the observatory director Tomas Brill said."
    ),
}
# The same subject each time, other figures: with a join bar no score reaches, each article
# is a story of its own and the topic level alone groups them.
DROUGHT = (
    "Drought in Marvessa: Minister Odile Ferrant said {0} wells in the Tarrow valley ran dry.\n"
    "The Marvessa water board measured {1} days without rain across the Tarrow valley."
)
APART = StoryOptions(threshold=1.0, join_rule="threshold", topic_threshold=0.9)


def _article(article_id: str, event: str, x: str, day: int) -> Article:
    text = EVENTS[event].format(x=x)
    return Article(
        id=article_id,
        title=text.split(";")[0][:50],
        text=text,
        raw_text=text,
        published=f"2031-06-0{day}T08:00:00+00:00",
        source=f"Outlet {article_id}",
    )


def _three_stories() -> StoryResult:
    """Three stories of two articles each: a1 a2, b1 b2, c1 c2 (founded in that order)."""
    articles = [
        _article("a1", "a", "forty", 1),
        _article("b1", "b", "May", 1),
        _article("c1", "c", "nine", 2),
        _article("a2", "a", "forty-two", 2),
        _article("b2", "b", "June", 3),
        _article("c2", "c", "ten", 3),
    ]
    result = cluster_stories(articles)
    assert [s.article_ids for s in result.stories] == [("a1", "a2"), ("b1", "b2"), ("c1", "c2")]
    return result


def _s(article_id: str) -> str:
    return stable_id(article_id, prefix="s")


def _lineage(stories: list[tuple[str, tuple[str, ...]]], topics: int = 0) -> Lineage:
    """An earlier state's stories, each in no topic unless ``topics`` (then all in topic 0)."""
    topic_ids = tuple(stable_id(f"old{n}", prefix="t") for n in range(topics))
    return Lineage(
        tuple(i for i, _ in stories),
        tuple(m for _, m in stories),
        tuple(0 if topics else None for _ in stories),
        topic_ids,
    )


def _consistent(result: StoryResult) -> list[str]:
    """The story ids, checked to be unique and the same in the public stories, the state's
    records, its index by id and its assignments."""
    state = result.state
    ids = [s.id for s in result.stories]
    assert len(set(ids)) == len(ids)
    assert ids == [record.id for record in state.stories]
    assert state.story_by_id == {story_id: n for n, story_id in enumerate(ids)}
    for story in result.stories:
        assert {a.story_id for a in result.assignments if a.article_id in story.article_ids} == {
            story.id
        }
    assert {a.article_id: a.story_id for a in result.assignments} == {
        a: item.story_id for a, item in state.assignments.items()
    }
    return ids


def test_a_state_made_again_with_the_same_stories_keeps_every_id() -> None:
    result = _three_stories()
    earlier = Lineage.of(result.state)
    again = _three_stories()
    assert carry_ids(earlier, again.state, {}) == {}
    assert ids_carried(again, earlier) is again
    assert [s.id for s in again.stories] == [s.id for s in result.stories]
    assert again.state.to_json() == result.state.to_json()


def test_a_story_founded_by_another_article_takes_the_id_it_continues() -> None:
    """a1 was the corrected version of a0, which founded the story: a1 counts as a0."""
    earlier = _lineage([(_s("a0"), ("a0", "a2")), (_s("b1"), ("b1", "b2")), (_s("c1"), ("c1",))])
    carried = ids_carried(_three_stories(), earlier, {"a0": "a1"})
    assert _consistent(carried) == [_s("a0"), _s("b1"), _s("c1")]
    assert carried.state.assignments["a1"].story_id == _s("a0")


def test_a_split_story_keeps_its_id_on_the_larger_part() -> None:
    """One earlier story held a1 a2 b1 (b's founder): the a story holds most of it and takes
    its id; the b story's own id went to the a story, so it takes one derived from it; c2
    was an earlier story of its own, c1's story holds it and takes that id."""
    earlier = _lineage([(_s("b1"), ("a1", "a2", "b1")), (_s("c2"), ("c2",))])
    carried = ids_carried(_three_stories(), earlier)
    derived = stable_id(_s("b1"), "1", prefix="s")
    assert derived == unused_id(_s("b1"), {_s("b1")}) != _s("b1")
    assert _consistent(carried) == [_s("b1"), derived, _s("c2")]


def test_merged_stories_keep_the_id_their_founder_had() -> None:
    """a1 and a2 were two stories: the merged story keeps a1's id (its own, at equal
    overlap), a2's id is no story's now."""
    earlier = _lineage([(_s("a2"), ("a2",)), (_s("a1"), ("a1",)), (_s("b1"), ("b1", "b2"))])
    carried = ids_carried(_three_stories(), earlier)
    assert _consistent(carried) == [_s("a1"), _s("b1"), _s("c1")]
    earlier = _lineage([(_s("x"), ("a2",)), (_s("y"), ("a1",))])  # a tie: the earlier-founded
    assert _consistent(ids_carried(_three_stories(), earlier))[0] == _s("x")


def test_the_larger_overlap_wins_an_id_two_stories_share() -> None:
    earlier = _lineage([(_s("old"), ("a1", "b1", "b2"))])
    assert _consistent(ids_carried(_three_stories(), earlier)) == [_s("a1"), _s("old"), _s("c1")]
    twice = _lineage([(_s("old"), ("a1", "a2")), (_s("old"), ("b1",))])  # never given twice
    assert _consistent(ids_carried(_three_stories(), twice)) == [_s("old"), _s("b1"), _s("c1")]


def test_a_later_article_whose_id_a_story_took_over_founds_a_story_of_another_id() -> None:
    """a0's story was carried to the story a1 founded; a0 comes back (its page no longer
    superseded) and founds a story: it cannot take the id a story holds."""
    earlier = _lineage([(_s("a0"), ("a0", "a2"))])
    carried = ids_carried(_three_stories(), earlier, {"a0": "a1"})
    back = Article(
        id="a0", title="Tide gauge", text="A tide gauge at Morrow Point broke.", raw_text=""
    )
    later = cluster_stories([back], state=carried.state)
    ids = _consistent(later)
    assert ids[:3] == [_s("a0"), _s("b1"), _s("c1")]
    assert ids[3] == unused_id(_s("a0"), {_s("a0")}) and len(set(ids)) == 4


def _drought(article_id: str, figures: tuple[str, str]) -> Article:
    text = DROUGHT.format(*figures)
    return Article(id=article_id, title=f"{figures[0]} wells dry", text=text, raw_text=text)


def test_topic_ids_are_carried_by_their_stories() -> None:
    articles = [_drought("d1", ("120", "40")), _drought("d2", ("135", "44"))]
    articles.append(_drought("d3", ("150", "47")))
    result = cluster_stories(articles, options=APART)
    (topic,) = result.topics
    assert topic.story_ids == (_s("d1"), _s("d2"), _s("d3"))
    # Before, d1 was alone in its topic and d2, d3 were together: that topic's id goes on.
    old = (stable_id("old0", prefix="t"), stable_id("old1", prefix="t"))
    ids = (_s("d1"), _s("d2"), _s("d3"))
    earlier = Lineage(ids, (("d1",), ("d2",), ("d3",)), (1, 0, 0), old)
    carried = ids_carried(result, earlier, options=APART)
    assert [t.id for t in carried.topics] == [old[0]]
    assert [s.topic_id for s in carried.stories] == [old[0]] * 3
    assert [t.id for t in carried.state.topics] == [old[0]]
    loaded = StoryState.from_json(carried.state.to_json())
    assert [t.id for t in loaded.topics] == [old[0]]
    assert [s.id for s in loaded.stories] == list(ids)


def test_a_story_renamed_renames_it_in_its_topic() -> None:
    articles = [_drought("d1", ("120", "40")), _drought("d2", ("135", "44"))]
    result = cluster_stories(articles, options=APART)
    earlier = Lineage(
        (_s("d0"), _s("d2")), (("d0",), ("d2",)), (0, 0), (stable_id("d0", prefix="t"),)
    )
    carried = ids_carried(result, earlier, {"d0": "d1"}, APART)
    (topic,) = carried.topics
    assert topic.story_ids == (_s("d0"), _s("d2"))
    assert topic.id == stable_id("d0", prefix="t") == carried.stories[0].topic_id


def test_ids_are_carried_only_into_a_state_never_stored() -> None:
    result = _three_stories()
    result.state.stored_as(1)
    with pytest.raises(ValueError, match="made again"):
        carry_ids(_lineage([(_s("x"), ("a1",))]), result.state, {})
