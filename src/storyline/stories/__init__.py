"""Incremental story clustering: articles -> stories -> topics, each assignment explained.

>>> result = cluster_stories(articles)                      # doctest: +SKIP
>>> later = cluster_stories(articles + more, state=result.state)  # doctest: +SKIP

Old articles keep their stories (and story ids); new ones join them or found new stories.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..entry import make_callable
from ..heap import no_cyclic_gc
from ..model import Article, DuplicateGroup, Story, Topic
from ..steps import Steps
from .carry import Lineage, carry_ids
from .cluster import EMPTY_NOTE, UNDATED_NOTE, assign_all, stream_order
from .labels import headline, keywords, to_story
from .links import REUSE_KINDS, reuse_links, template_reuse
from .options import StoryOptions
from .state import Assignment, StoryState
from .topics import place_stories, public_topics, topic_id_of

__all__ = [
    "EMPTY_NOTE",
    "REUSE_KINDS",
    "UNDATED_NOTE",
    "Assignment",
    "Lineage",
    "StoryOptions",
    "StoryResult",
    "StoryState",
    "cluster_stories",
    "ids_carried",
    "reuse_links",
    "stream_order",
    "template_reuse",
]


@dataclass(frozen=True)
class StoryResult:
    """Stories (in founding order), topics, one assignment per article, and the new state."""

    stories: tuple[Story, ...]
    topics: tuple[Topic, ...]
    assignments: tuple[Assignment, ...]
    state: StoryState


def cluster_stories(
    articles: Sequence[Article],
    groups: Sequence[DuplicateGroup] = (),
    options: StoryOptions = StoryOptions(),  # noqa: B008 - frozen, so a safe default
    state: StoryState | None = None,
    links: Mapping[str, Sequence[str]] | None = None,
    steps: Steps | None = None,
) -> StoryResult:
    """Cluster ``articles`` into stories in publication order, extending ``state`` if given
    (``steps`` hears how many articles are placed).

    ``links`` maps article ids to the ids of articles they share reused text with (see
    :func:`reuse_links`); such evidence lowers the bar for joining the linked story.

    ``state`` itself is not modified: the returned result carries an updated copy. Raises
    IncompatibleParametersError if ``state`` was built with other feature options.
    """
    # A run makes many small objects and no reference cycles: each burst of allocations set
    # off collections that scanned the state (3% of an update of 5,000 articles at 100k).
    with no_cyclic_gc():
        return _clustered(articles, groups, options, state, links, steps)


def _clustered(
    articles: Sequence[Article],
    groups: Sequence[DuplicateGroup],
    options: StoryOptions,
    state: StoryState | None,
    links: Mapping[str, Sequence[str]] | None,
    steps: Steps | None,
) -> StoryResult:
    """:func:`cluster_stories`, the collector paused."""
    if state is None:
        work = StoryState(options)
    else:
        state.check_compatible(options)
        work = state.copy()
        if (work.posting_cap, work.index_terms) != (options.posting_cap, options.index_terms):
            work.reindex(options)
    touched = assign_all(articles, groups, options, work, links or {}, steps)
    by_id = {article.id: article for article in articles}
    copies = {m for g in groups for m in g.article_ids if m != g.representative}
    for number in sorted(touched):
        story = work.story(number)
        story.title = headline(story, by_id, copies)
        story.keywords = list(keywords(story, options.keywords))
    place_stories(touched, options, work)
    return _result(work, options)


def _result(work: StoryState, options: StoryOptions) -> StoryResult:
    stories = tuple(
        to_story(record, topic_id_of(work, number)) for number, record in enumerate(work.stories)
    )
    return StoryResult(
        stories, public_topics(work, options.keywords), tuple(work.assignments.values()), work
    )


def ids_carried(
    result: StoryResult,
    earlier: Lineage,
    aliases: Mapping[str, str] | None = None,
    options: StoryOptions = StoryOptions(),  # noqa: B008 - frozen, so a safe default
) -> StoryResult:
    """``result``, clustered without a state, with its stories and topics under the ids of
    the ``earlier`` ones they continue (see :mod:`.carry`; ``aliases``: earlier versions of
    pages to their current versions' ids). ``result``'s state is renamed in place: it is
    the result's own (``cluster_stories`` worked on a copy), not yet stored."""
    if not carry_ids(earlier, result.state, aliases or {}):
        return result
    return _result(result.state, options)


make_callable(__name__)  # storyline.stories(...) is also the API function (see storyline.entry)
