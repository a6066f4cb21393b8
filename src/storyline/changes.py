"""What is new in a database since its previous digest: new stories, stories with new or
updated articles, and inputs skipped since.

A monitoring run (`storyline digest --db news.db feeds/` every hour) wants to see what
arrived since it last looked. The database remembers how far its articles, its article
updates (a corrected text re-sent under its id) and its skip records went when its previous
digest was made (:class:`~storyline.store.Positions`), and nothing else: no clock time, so
the same inputs still give the same database. An article stored after that mark is new; an
older one stored again with another text is updated; a story whose articles are all new is
a new story.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from .errors import UnreadableMarkError
from .model import Digest, Skipped, Story
from .store import Positions, Store
from .store.positions import END

PREVIOUS = "since the previous digest of this database"
# Meta keys: where the latest digest stood, and where the one it compared with stood.
_THROUGH, _SINCE = "digested through", "digest compared with"


@dataclass(frozen=True)
class Changes:
    """What a database recorded after its previous digest, which stood at ``since`` (None:
    there was no previous digest; everything is new, and nothing is marked as such)."""

    new_articles: frozenset[str]
    through: Positions  # where the store stood: the mark the next digest reads
    since: Positions | None = None
    updated_articles: frozenset[str] = frozenset()  # stored before, with another text now
    new_skips: frozenset[tuple[str, int, str]] = frozenset()  # (path, record, reason)
    # Why there is no previous digest to compare with, when the database's mark of it could
    # not be read (see :func:`previous_mark`); said in place of the news line.
    unread: str = ""

    @property
    def first(self) -> bool:
        return self.since is None

    def new_in(self, story: Story) -> int:
        """How many of ``story``'s articles are new (0 before a first digest)."""
        return self._count(story, self.new_articles)

    def updated_in(self, story: Story) -> int:
        """How many of ``story``'s articles were updated (0 before a first digest)."""
        return self._count(story, self.updated_articles)

    def _count(self, story: Story, ids: frozenset[str]) -> int:
        if self.first:
            return 0
        return sum(1 for article_id in set(story.article_ids) if article_id in ids)

    def is_new(self, story: Story) -> bool:
        """Whether every article of ``story`` is new: a story the previous digest did not
        have."""
        return self.new_in(story) == len(set(story.article_ids)) > 0

    def has_news(self, story: Story) -> bool:
        """Whether ``story`` has a new or an updated article."""
        return bool(self.new_in(story) or self.updated_in(story))

    def changed(self, stories: Iterable[Story]) -> list[Story]:
        """The stories with a new or an updated article, in their order."""
        return [story for story in stories if self.has_news(story)]

    def label(self, article_id: str) -> str:
        """ "new", "updated" or "" for an article (the marks of a story's sources)."""
        if self.first:
            return ""
        if article_id in self.new_articles:
            return "new"
        return "updated" if article_id in self.updated_articles else ""

    def labels(self, story: Story) -> dict[str, str]:
        """ "new" or "updated" for each of ``story``'s articles that is (see :meth:`label`)."""
        return {i: label for i in story.article_ids if (label := self.label(i))}

    def is_new_skip(self, entry: Skipped) -> bool:
        """Whether ``entry`` of the skip list was recorded since the previous digest."""
        return (entry.path, entry.record, entry.reason) in self.new_skips

    def news_ids(self) -> frozenset[str]:
        """The ids of the articles new or updated since the previous digest."""
        return self.new_articles | self.updated_articles


def since_last_digest(
    store: Store, mark: Positions | None, digest: Digest, unread: str = ""
) -> Changes:
    """What ``store`` holds new among the articles of ``digest`` since the digest that left
    ``mark`` (:func:`previous_mark`, read before the run stored anything)."""
    stored = store.stored_after(mark if mark is not None else END)
    kept = {article.id for article in digest.articles}
    revised = _new_versions(store, stored.articles) if mark is not None else frozenset()
    new = (stored.articles & kept) - revised
    updated = ((stored.updated & kept) - new) | (revised & kept)
    return Changes(new, stored.newest, mark, frozenset(updated), stored.skips, unread)


def _new_versions(store: Store, stored: Container[str]) -> frozenset[str]:
    """The articles of ``stored`` (stored since the mark) that are a later version of a page
    stored before it (its url saved again after a correction: a new id, see
    :mod:`storyline.versions`): updated, not new, as a text re-sent under its id is."""
    return frozenset(
        later
        for earlier, later in store.superseded().items()
        if later in stored and earlier not in stored
    )


def previous_mark(store: Store, again: bool = False) -> tuple[Positions | None, str]:
    """The mark to compare with (:func:`last_mark`, or :func:`mark_compared` ``again``), and
    "" or, when the database's mark cannot be read, why: then there is none, as before a
    first digest, and the digest's own mark replaces it."""
    try:
        return (mark_compared if again else last_mark)(store), ""
    except UnreadableMarkError as error:
        return None, f"{error}: nothing is marked as new, and this digest sets a new mark."


def last_mark(store: Store) -> Positions | None:
    """Where the latest digest stood (None: no digest yet)."""
    return _read_mark(store, store.meta(_THROUGH))


def mark_compared(store: Store) -> Positions | None:
    """The mark the latest digest compared with (None: it was the first, or there was none):
    a digest that tells its news again, in another format, compares with it too."""
    value = store.meta(_SINCE) if store.meta(_THROUGH) is not None else None
    return _read_mark(store, value)


def _read_mark(store: Store, value: str | None) -> Positions | None:
    """A mark as the meta table keeps it ("articles updates skips"). A digest made before
    updates and skips were marked kept the articles' position alone: updates are counted
    from the start of their log (which the same upgrade created), and the skips recorded so
    far are taken as known, so the upgrade itself reports none."""
    if value is None:
        return None
    parts = value.split()
    if len(parts) not in (1, 3) or not all(p.isascii() and p.isdigit() for p in parts):
        raise UnreadableMarkError(
            f"The mark of the previous digest in this database could not be read ({value!r})"
        )
    numbers = [int(part) for part in parts]
    if len(numbers) == 3:
        return Positions(*numbers)
    skips = store.stored_after(END).newest.skips
    return Positions(numbers[0], 0, skips)


def _mark_text(mark: Positions | None) -> str | None:
    return None if mark is None else f"{mark.articles} {mark.updates} {mark.skips}"


def mark_digested(store: Store, changes: Changes) -> None:
    """Remember that a digest was made as ``changes`` saw the store: the next one counts from
    ``changes.through``, and :func:`latest_changes` tells again what this one found new."""
    store.set_meta({_THROUGH: _mark_text(changes.through), _SINCE: _mark_text(changes.since)})


def latest_changes(store: Store, analysed: Container[str]) -> Changes | None:
    """What the latest digest found new among the ``analysed`` article ids (the web app
    shows it, per request: the cost is that of the new articles); None before a first one."""
    try:
        through, since = last_mark(store), mark_compared(store)
    except UnreadableMarkError:  # the next digest says so, and marks anew
        return None
    if through is None:
        return None
    if since is None:
        return Changes(frozenset(), through)
    stored = store.stored_after(since, through)
    revised = _new_versions(store, stored.articles)
    new = frozenset(i for i in stored.articles if i in analysed and i not in revised)
    updated = frozenset(i for i in stored.updated | revised if i in analysed and i not in new)
    return Changes(new, through, since, updated, stored.skips)


def story_news(story: Story, changes: Changes | None) -> str:
    """ "new story", "2 new articles", "1 updated article", both ("2 new articles, 1 updated
    article") or "" (nothing new, or no previous digest)."""
    if changes is None:
        return ""
    if changes.is_new(story):
        return "new story"
    return _counts(changes.new_in(story), changes.updated_in(story))


def _counts(new: int, updated: int) -> str:
    """ "2 new articles, 1 updated article", or either part alone."""
    parts = ((new, "new"), (updated, "updated"))
    return ", ".join(_articles(count, kind) for count, kind in parts if count)


def _articles(count: int, kind: str) -> str:
    return f"{count:,} {kind} article{'' if count == 1 else 's'}"


def _stories(count: int, what: str = "", kind: str = "") -> str:
    """ "2 new stories", "1 story with new articles"; "" for none."""
    return f"{count:,} {kind}{'story' if count == 1 else 'stories'}{what}" if count else ""


def changes_line(stories: Sequence[Story], changes: Changes | None) -> str:
    """One sentence on what is new since the previous digest ("" for a first digest, or a
    run without a database): "Since the previous digest of this database: 2 new stories and
    1 story with new articles (7 new articles)." A story with an updated article, and the
    inputs skipped since, are said too; a mark that could not be read, instead."""
    if changes is None or changes.first:
        return changes.unread if changes is not None else ""
    skips = len(changes.new_skips)
    skipped = (
        f"{skips:,} input{' was' if skips == 1 else 's were'} skipped or read with a note"
        if skips
        else ""
    )
    changed = changes.changed(stories)
    if not changed:
        return f"Nothing new {PREVIOUS}" + (f", but {skipped}." if skipped else ".")
    new = [story for story in changed if changes.is_new(story)]
    grown = [s for s in changed if changes.new_in(s) and not changes.is_new(s)]
    touched = len(changed) - len(new) - len(grown)
    parts = [
        part
        for part in (
            _stories(len(new), kind="new "),
            _stories(len(grown), " with new articles"),
            _stories(
                touched, " with an updated article" if touched == 1 else " with updated articles"
            ),
        )
        if part
    ]
    said = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    ids = {article_id for story in changed for article_id in story.article_ids}
    counted = _counts(len(ids & changes.new_articles), len(ids & changes.updated_articles))
    tail = f" {skipped[0].upper()}{skipped[1:]} since then." if skipped else ""
    return f"{PREVIOUS[0].upper()}{PREVIOUS[1:]}: {said} ({counted}).{tail}"


def with_changes(digest_json: str, digest: Digest, changes: Changes | None) -> str:
    """The digest JSON text of :func:`~storyline.render.to_json` with a ``changes`` key
    (see docs/json-schema.md) when the run had a database to compare with; as it is
    otherwise. On a first digest everything is news, as the Markdown of ``--changed`` shows
    it: every article and story is new, every skip record too, and ``first_digest`` says so,
    so that a script reading the key never finds it missing. Its keys stay sorted:
    ``changes`` goes before ``groups``, a key every digest has."""
    if changes is None:
        return digest_json
    value = _first_changes(digest) if changes.first else _later_changes(digest, changes)
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
    # Top-level keys are the only text indented by two spaces after a line break.
    at = digest_json.index(',\n  "groups": ')
    nested = text.replace("\n", "\n  ")
    return f'{digest_json[:at]},\n  "changes": {nested}{digest_json[at:]}'


def _first_changes(digest: Digest) -> dict[str, object]:
    skips = {(entry.path, entry.record, entry.reason) for entry in digest.skipped}
    return _changes_value(
        first=True,
        new_articles=sorted({article.id for article in digest.articles}),
        new_stories=[story.id for story in digest.stories],
        skips=skips,
    )


def _later_changes(digest: Digest, changes: Changes) -> dict[str, object]:
    changed = changes.changed(digest.stories)
    return _changes_value(
        first=False,
        new_articles=sorted(changes.new_articles),
        new_stories=[story.id for story in changed if changes.is_new(story)],
        grown=[s.id for s in changed if changes.new_in(s) and not changes.is_new(s)],
        updated=sorted(changes.updated_articles),
        with_updated=[s.id for s in changed if changes.updated_in(s)],
        skips=changes.new_skips,
    )


def _changes_value(
    *,
    first: bool,
    new_articles: list[str],
    new_stories: list[str],
    skips: Iterable[tuple[str, int, str]],
    grown: Sequence[str] = (),
    updated: Sequence[str] = (),
    with_updated: Sequence[str] = (),
) -> dict[str, object]:
    return {
        "first_digest": first,
        "new_articles": new_articles,
        "new_stories": new_stories,
        "stories_with_new_articles": list(grown),
        "updated_articles": list(updated),
        "stories_with_updated_articles": list(with_updated),
        "skipped": [
            {"path": path, "record": record, "reason": reason}
            for path, record, reason in sorted(skips)
        ],
    }
