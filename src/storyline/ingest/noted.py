"""A remark on a whole input carried as a note on its last article (see :class:`NotedArticles`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..model import Article, Skipped

__all__ = ["NotedArticles"]


class NotedArticles:
    """Articles passed on one step late, so that a remark on what came before (a Telegram
    chat's count of messages that are not articles, a web archive's count of records that
    are not pages) is noted on the last of them: a note is said and kept like any other, but
    is not a skipped input (``--strict`` stops at one of those, and a service message or a
    crawler's request record is no fault). A remark with no article to carry it is a
    Skipped."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._last: Article | None = None

    def push(self, items: Iterable[Article | Skipped]) -> Iterator[Article | Skipped]:
        for item in items:
            if isinstance(item, Article):
                if self._last is not None:
                    yield self._last
                self._last = item
            else:
                yield item

    def close(self, remark: str) -> Iterator[Article | Skipped]:
        last, self._last = self._last, None
        if last is None:
            if remark:
                yield Skipped(self._path, remark)
            return
        if remark:
            last = replace(last, ingest_note="; ".join(filter(None, (last.ingest_note, remark))))
        yield last
