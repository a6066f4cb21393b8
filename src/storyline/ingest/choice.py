"""Which of the records of a run that give one id is stored: the same whatever the order
the inputs are read in.

Two feeds that number their items from 1 give one id to different articles; one page saved
under two dated folders gives one id (its content's) twice. The rule:

- records with the same content (title, text, raw text, url, source, language; see
  :func:`~storyline.ingest.known.content_key`) are copies: of them, the earliest publication
  is kept (a dated one before an undated one), then the first by path and record;
- of different contents, the one published latest (by the latest date of any of its copies)
  is kept, a dated one before an undated one; on the same date, the one read from the later
  place (path, then record: hourly snapshots ``feeds/2026-03-02-15/`` after ``-14/``, a line
  appended to a dump after an earlier one), so an item corrected under its first date
  replaces its earlier text; then the greater content key.

Records arrive one by one and are stored as they come, so :meth:`Choice.offer` says, for
each, what the run should store now: the record itself, an earlier copy of its content that
it makes the choice (a copy has the same content, so it is written from the record with the
copy's date and place), or nothing. The last thing stored for an id is what the rule picks
from all of the run's records of it. :meth:`Choice.left_out` then names each record not kept,
with the one kept and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Skipped
from .dates import Instant, published_instant, published_order


@dataclass(frozen=True)
class Candidate:
    """One record of an id: where it was read, its content key, its date and the date's
    origin (to write a copy from another record), and whether it is already stored (from a
    file passed over as unchanged)."""

    path: str
    record: int
    key: str
    published: str | None
    origin: str = ""
    known: bool = False

    @property
    def place(self) -> tuple[str, int]:
        return self.path, self.record

    @property
    def where(self) -> str:
        return f"{self.path}:{self.record}" if self.record else self.path

    def recency(self) -> tuple[bool, Instant]:
        """Sorts later publications last, undated ones first."""
        return published_instant(self.published) is not None, published_order(self.published)

    def firstness(self) -> tuple[Instant, str, int]:
        """Sorts the earliest publication first (undated last), then by path and record."""
        return published_order(self.published), self.path, self.record


@dataclass
class _Content:
    """The copies of one content among an id's records."""

    earliest: Candidate
    latest: tuple[bool, Instant]
    last_place: tuple[str, int]
    copies: list[Candidate] = field(default_factory=list)


@dataclass
class _Rivals:
    """The records of an id that was given more than once, and the one stored now."""

    stored: Candidate
    contents: dict[str, _Content] = field(default_factory=dict)

    def add(self, candidate: Candidate) -> None:
        content = self.contents.get(candidate.key)
        if content is None:
            first = _Content(candidate, candidate.recency(), candidate.place)
            content = self.contents[candidate.key] = first
        content.copies.append(candidate)
        content.latest = max(content.latest, candidate.recency())
        content.last_place = max(content.last_place, candidate.place)
        content.earliest = min(content.earliest, candidate, key=Candidate.firstness)

    def winner(self) -> _Content:
        return max(
            self.contents.values(),
            key=lambda content: (content.latest, content.last_place, content.earliest.key),
        )


class Choice:
    """The rule above, applied to a run's records as they arrive."""

    def __init__(self) -> None:
        self._seen: dict[str, Candidate | _Rivals] = {}

    def offer(self, article_id: str, candidate: Candidate) -> Candidate | None:
        """What to store now for ``article_id`` that ``candidate`` brings: itself, an earlier
        copy of its content, or None (what is stored stays)."""
        prior = self._seen.get(article_id)
        if prior is None:
            self._seen[article_id] = candidate
            return candidate
        if isinstance(prior, Candidate):
            prior = _Rivals(prior)
            prior.add(prior.stored)
            self._seen[article_id] = prior
        prior.add(candidate)
        chosen = prior.winner().earliest
        if chosen is prior.stored:
            return None
        prior.stored = chosen
        return chosen

    def kept(self) -> Iterator[tuple[str, Candidate]]:
        """Each id given more than once, with the record the rule keeps of it."""
        for article_id, rivals in self._seen.items():
            if isinstance(rivals, _Rivals):
                yield article_id, rivals.winner().earliest

    def left_out(self) -> Iterator[Skipped]:
        """Each record not kept, naming the one kept and why, by id."""
        for article_id in sorted(self._seen):
            rivals = self._seen[article_id]
            if isinstance(rivals, Candidate):
                continue
            won = rivals.winner()
            kept = won.earliest
            for content in rivals.contents.values():
                for copy in content.copies:
                    if copy is not kept:
                        reason = _reason(article_id, kept, won, copy, content)
                        yield Skipped(copy.path, reason, copy.record)


def _reason(
    article_id: str, kept: Candidate, won: _Content, loser: Candidate, content: _Content
) -> str:
    if content is won:
        if loser.published == kept.published:
            dated = ""
        else:
            dated = ", published earlier," if loser.recency()[0] else ", which is dated,"
        return f"a copy of {kept.where}{dated} (same title, text, url and source)"
    if won.latest != content.latest:
        said = "published later"
    elif won.last_place != content.last_place:
        said = "of the same date: the one read from the later path or line is kept"
    else:
        said = "of the same date: the one with the greater content hash is kept"
    return (
        f"replaced by {kept.where}, which gives the same id {article_id!r} to other content "
        f"({said})"
    )
