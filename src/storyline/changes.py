"""What is new in a database since its previous digest: new stories, and stories with new
articles.

A monitoring run (`storyline digest --db news.db feeds/` every hour) wants to see what
arrived since it last looked. The database remembers the newest article (by storing order)
that its previous digest held, and nothing else: no clock time, so the same inputs still
give the same database. An article stored after that mark is new; a story whose articles
are all new is a new story.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Story

PREVIOUS = "since the previous digest of this database"


@dataclass(frozen=True)
class Changes:
    """The articles a database stored after its previous digest. ``first``: it had none
    (every article is new, and nothing is marked as such)."""

    new_articles: frozenset[str]
    through: int  # the newest article's storing order: the mark the next digest reads
    first: bool = False

    def new_in(self, story: Story) -> int:
        """How many of ``story``'s articles are new (0 before a first digest)."""
        if self.first:
            return 0
        return sum(1 for article_id in set(story.article_ids) if article_id in self.new_articles)

    def is_new(self, story: Story) -> bool:
        """Whether every article of ``story`` is new: a story the previous digest did not
        have."""
        return self.new_in(story) == len(set(story.article_ids)) > 0

    def changed(self, stories: Iterable[Story]) -> list[Story]:
        """The stories with a new article, in their order."""
        return [story for story in stories if self.new_in(story)]


def story_news(story: Story, changes: Changes | None) -> str:
    """ "new story", "2 new articles" or "" (nothing new, or no previous digest)."""
    if changes is None:
        return ""
    if changes.is_new(story):
        return "new story"
    count = changes.new_in(story)
    if not count:
        return ""
    return f"{count} new article{'' if count == 1 else 's'}"


def changes_line(stories: Sequence[Story], changes: Changes | None) -> str:
    """One sentence on what is new since the previous digest ("" for a first digest, or a
    run without a database): "Since the previous digest of this database: 2 new stories and
    1 story with new articles (7 new articles)." """
    if changes is None or changes.first:
        return ""
    changed = changes.changed(stories)
    if not changed:
        return f"Nothing new {PREVIOUS}."
    new = sum(1 for story in changed if changes.is_new(story))
    grown = len(changed) - new
    articles = len({a for story in changed for a in story.article_ids} & changes.new_articles)
    parts = [
        f"{new} new stor{'y' if new == 1 else 'ies'}" if new else "",
        f"{grown} stor{'y' if grown == 1 else 'ies'} with new articles" if grown else "",
    ]
    said = " and ".join(part for part in parts if part)
    return (
        f"{PREVIOUS[0].upper()}{PREVIOUS[1:]}: {said} "
        f"({articles:,} new article{'' if articles == 1 else 's'})."
    )


def with_changes(digest_json: str, stories: Sequence[Story], changes: Changes | None) -> str:
    """The digest JSON text of :func:`~storyline.render.to_json` with a ``changes`` key
    (see docs/json-schema.md) when there was a previous digest; as it is otherwise. Its
    keys stay sorted: ``changes`` goes before ``groups``, a key every digest has."""
    if changes is None or changes.first:
        return digest_json
    changed = changes.changed(stories)
    value = {
        "new_articles": sorted(changes.new_articles),
        "new_stories": [story.id for story in changed if changes.is_new(story)],
        "stories_with_new_articles": [s.id for s in changed if not changes.is_new(s)],
    }
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    # Top-level keys are the only text indented by two spaces after a line break.
    at = digest_json.index(',\n  "groups": ')
    nested = text.replace("\n", "\n  ")
    return f'{digest_json[:at]},\n  "changes": {nested}{digest_json[at:]}'
