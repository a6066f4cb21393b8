"""The run's notes on its articles as a whole: how many are dated by a folder or a web address,
have no date, have no text left, or were read only in part by the timeline."""

from __future__ import annotations

from collections.abc import Sequence

from .ingest.dates import path_date
from .model import Article


def run_notes(articles: Sequence[Article], timeline_chars: int | None) -> tuple[str, ...]:
    """The notes of a digest on ``articles`` (``timeline_chars``: how much of an article the
    timeline reads, None when it did not run)."""
    total = len(articles)
    notes = []
    if timeline_chars is not None:
        long = sorted(a.id for a in articles if len(a.text) > timeline_chars)
        if long:
            notes.append(
                f"{_share(len(long), total, 'are', 'is')} longer than {timeline_chars:,} "
                f"characters: the timeline read only that much of each ({', '.join(long[:5])}"
                f"{', ...' if len(long) > 5 else ''}); TimelineOptions.max_article_chars sets it."
            )
    for origin, by_what in (("path", "folder or file name"), ("url", "web address")):
        dated = sum(1 for article in articles if article.published_origin == origin)
        if dated:
            notes.append(
                f"{_share(dated, total, 'are dated by their', 'is dated by its')} {by_what}, "
                "not by a date of their own."
            )
    undated = [article for article in articles if not article.published]
    if undated:
        one = len(undated) == 1
        note = (
            f"{_share(len(undated), total, 'have', 'has')} no publication date: "
            f"{'it is' if one else 'they are'} placed by {'its' if one else 'their'} order in "
            f"the input, and relative dates in {'it' if one else 'them'} stay unresolved."
        )
        named = sum(1 for article in undated if path_date(article.path))
        if named:
            note += (
                f" {named} of them {'sits' if named == 1 else 'sit'} in folders or files named "
                "by a date, which --path-dates (IngestOptions.path_dates) reads."
            )
        notes.append(note)
    empty = sorted(article.id for article in articles if not article.text.strip())
    if empty:  # else "5 stories from 24 articles" leaves readers looking for the missing one
        notes.append(
            f"{_share(len(empty), total, 'have', 'has')} no text left after cleaning (only "
            'site furniture, such as a feed item\'s "Read the full story"): '
            f"{'it is' if len(empty) == 1 else 'they are'} in no story "
            f"({', '.join(empty[:5])}{', ...' if len(empty) > 5 else ''})."
        )
    return tuple(notes)


def _share(count: int, total: int, plural: str, singular: str) -> str:
    """ "2 of 24 articles have", "1 of 24 articles has", "1 of 1 article has"."""
    verb = singular if count == 1 else plural
    return f"{count} of {total} article{'' if total == 1 else 's'} {verb}"
