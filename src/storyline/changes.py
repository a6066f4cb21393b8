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
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from .model import Digest, Story
from .store import Store

PREVIOUS = "since the previous digest of this database"
# Meta keys: the newest storing position the latest digest held, and the one it compared with.
_THROUGH, _SINCE = "digested through", "digest compared with"


@dataclass(frozen=True)
class Changes:
    """The articles a database stored after its previous digest, which held those stored up
    to position ``since`` (None: there was no previous digest; every article is new, and
    nothing is marked as such)."""

    new_articles: frozenset[str]
    through: int  # the newest article's storing position: the mark the next digest reads
    since: int | None = None

    @property
    def first(self) -> bool:
        return self.since is None

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


def since_last_digest(store: Store, mark: int | None, digest: Digest) -> Changes:
    """What ``store`` holds new among the articles of ``digest`` since the digest that left
    ``mark`` (:func:`last_mark`, read before the run stored anything)."""
    newest, stored = store.stored_between(mark if mark is not None else 2**62)
    kept = {article.id for article in digest.articles}
    return Changes(stored & kept, newest, mark)


def last_mark(store: Store) -> int | None:
    """The newest storing position the latest digest held (None: no digest yet)."""
    value = store.meta(_THROUGH)
    return int(value) if value is not None else None


def mark_compared(store: Store) -> int | None:
    """The mark the latest digest compared with (None: it was the first, or there was none):
    a digest that tells its news again, in another format, compares with it too."""
    value = store.meta(_SINCE) if store.meta(_THROUGH) is not None else None
    return int(value) if value is not None else None


def mark_digested(store: Store, changes: Changes) -> None:
    """Remember that a digest was made as ``changes`` saw the store: the next one counts from
    ``changes.through``, and :func:`latest_changes` tells again what this one found new."""
    since = None if changes.since is None else str(changes.since)
    store.set_meta({_THROUGH: str(changes.through), _SINCE: since})


def latest_changes(store: Store, analysed: Container[str]) -> Changes | None:
    """What the latest digest found new among the ``analysed`` article ids (the web app
    shows it, per request: the cost is that of the new articles); None before a first one."""
    through, since = store.meta(_THROUGH), store.meta(_SINCE)
    if through is None:
        return None
    if since is None:
        return Changes(frozenset(), int(through))
    _, stored = store.stored_between(int(since), int(through))
    new = frozenset(article_id for article_id in stored if article_id in analysed)
    return Changes(new, int(through), int(since))


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
