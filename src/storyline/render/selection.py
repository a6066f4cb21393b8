"""Which stories a digest page shows: a date, what is new since the previous digest, and
how many (see :class:`StorySelection`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..changes import PREVIOUS, Changes
from ..model import Relation, Skipped, Story
from .views import DigestIndex, ranked_stories


@dataclass(frozen=True)
class StorySelection:
    """Which stories a digest shows: those with an article published on or after ``since``
    (an ISO date; None: every story), with ``changed_only`` those new or with new or updated
    articles since the previous digest (``changes``; every story at a database's first
    digest), and of those the ``max_stories`` most widely reported (0: all). ``changes``
    also marks each story's news, and the inputs skipped since."""

    max_stories: int = 0
    since: str | None = None
    hint: str = ""  # said after the note on what is left out, when max_stories left some
    changes: Changes | None = None
    changed_only: bool = False

    def picks(self, story: Story) -> bool:
        """Whether ``story`` meets the selection's conditions (``max_stories`` aside)."""
        if self.since is not None and (story.last_date or "") < self.since:
            return False
        return not self._news_only or bool(self.changes and self.changes.has_news(story))

    @property
    def _news_only(self) -> bool:
        """Whether only the stories with news are shown: ``changed_only`` with a previous
        digest to compare with (a database's first digest has everything to tell)."""
        return self.changed_only and self.changes is not None and not self.changes.first

    def relations(
        self, relations: Iterable[Relation], shown: Iterable[Story] | None = None
    ) -> list[Relation]:
        """``relations`` the page lists: those of an article of a story ``shown`` (None:
        every story is), and with ``changed_only``, those of a new or updated article."""
        if shown is not None:
            on_page = {article_id for story in shown for article_id in story.article_ids}
            relations = [r for r in relations if r.a in on_page or r.b in on_page]
        if not self._news_only or self.changes is None:
            return list(relations)
        news = self.changes.news_ids()
        return [r for r in relations if r.a in news or r.b in news]

    def inputs(self, entries: Sequence[Skipped]) -> tuple[list[tuple[Skipped, bool]], str]:
        """``entries`` of a skip list, each with whether it was recorded since the previous
        digest; with ``changed_only``, those alone, and a note on the older ones left out."""
        changes = self.changes
        if changes is None or changes.first:
            return [(entry, False) for entry in entries], ""
        marked = [(entry, changes.is_new_skip(entry)) for entry in entries]
        if not self._news_only:
            return marked, ""
        fresh = [pair for pair in marked if pair[1]]
        older = len(marked) - len(fresh)
        verb = "is" if older == 1 else "are"
        note = f"{older:,} more recorded before the previous digest {verb} not shown."
        return fresh, note if older else ""

    def conditions(self) -> str:
        """ "with an article published on or after 2025-03-12", "new or with new or updated
        articles since the previous digest of this database", both (joined by "and"), or ""."""
        said = [f"with an article published on or after {self.since}"] if self.since else []
        if self._news_only:
            said.append(f"new or with new or updated articles {PREVIOUS}")
        return " and ".join(said)


def shown_stories(
    index: DigestIndex, selection: StorySelection | None = None
) -> tuple[list[Story], str]:
    """The ranked stories a digest shows, and the note that says what is left out ("" when
    nothing is)."""
    stories = ranked_stories(index)
    selection = selection or StorySelection()
    pool = [story for story in stories if selection.picks(story)]
    shown = pool[: selection.max_stories] if selection.max_stories else pool
    if len(shown) == len(stories):
        return stories, ""
    kept = {story.id for story in shown}
    left = [story for story in stories if story.id not in kept]
    articles = len({article_id for story in left for article_id in story.article_ids})
    rest = "1 more story" if len(left) == 1 else f"{len(left):,} more stories"
    verb = "is" if len(left) == 1 else "are"
    which = _which(len(shown), len(pool), len(stories), selection.conditions())
    note = (
        f"Showing {which}; {rest} ({articles:,} article{'s' * (articles != 1)}) {verb} not shown."
    )
    # The hint is on the cap (an HTML page's 200): not said when --changed or --since alone
    # left stories out.
    capped = len(pool) > len(shown)
    return shown, f"{note} {selection.hint}" if selection.hint and capped else note


def _which(shown: int, pool: int, total: int, conditions: str) -> str:
    """ "the 5 most widely reported of the 12 stories with an article published on or after
    2025-03-12", and its shorter forms."""
    top = "the most widely reported" if shown == 1 else f"the {shown:,} most widely reported"
    if not conditions:
        return f"{top} of {total:,} stories"
    if shown == pool:
        stories = "no story" if not pool else f"the {pool:,} stor{'y' if pool == 1 else 'ies'}"
        return f"{stories} {conditions} ({total:,} in all)"
    return f"{top} of the {pool:,} stories {conditions} ({total:,} in all)"
