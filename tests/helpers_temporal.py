"""Sentences' dates as the temporal tagger resolves them, for the tagger's tests."""

from __future__ import annotations

from storyline.timeline import DateMention, tag_dates

SUNDAY = "2022-01-23"  # a Sunday
WEDNESDAY = "2022-01-26"


def only(sentence: str, published: str | None, **kwargs: str) -> DateMention:
    mentions = tag_dates(sentence, published, **kwargs)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert sentence[mention.start : mention.end] == mention.expression
    return mention


def resolved(sentence: str, published: str | None, **kwargs: str) -> tuple[str | None, str | None]:
    mention = only(sentence, published, **kwargs)
    return mention.date, mention.granularity
