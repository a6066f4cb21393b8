"""Sentences offered for a date, merged into events, and the events a timeline prints.

See :mod:`.events` for how candidates are found and ranked; this module holds what they
are and how a date's events are chosen once every date is ranked.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..model import Article, Granularity, Variant
from ..preamble import is_header
from ..text import fold
from .options import TimelineOptions
from .salience import cover_centroid, is_quote


@dataclass(frozen=True)
class Candidate:
    """One sentence offered for one date (or for the undated list)."""

    date: str | None
    granularity: Granularity | None
    article: Article
    voice: str
    text: str
    start: int
    end: int
    expression: str
    note: str
    from_text: bool = True
    position: int = 0
    form: str = ""  # "chronology" (opens with its date), "caption" (closes with it) or ""
    # (article id, start) of the sentence of another article that this one copies or
    # translates, on the same date: it joins that sentence's event (see .copies)
    follows: tuple[str, int] | None = None
    # The days that sources give this sentence's statement, its own first, when another
    # source dates the same statement otherwise (see .disputes)
    variants: tuple[Variant, ...] = ()


@dataclass
class Event:
    leader: Candidate
    centrality: float
    row: int  # the leader's row in its date's TF-IDF matrix
    members: list[Candidate] = field(default_factory=list)
    weight: float = 0.0

    @property
    def voices(self) -> int:
        return len({member.voice for member in self.members})

    def score(self, options: TimelineOptions) -> float:
        position_weight = options.position_weight
        if self.leader.from_text and options.mention_position_weight is not None:
            position_weight = options.mention_position_weight
        prior = 1.0 / (1.0 + position_weight * self.leader.position)
        prior /= 1.0 + options.lag_weight * lag(self.leader)
        if is_quote(self.leader.text):
            prior *= 1.0 - options.quote_penalty
        if self.leader.form == "chronology":
            prior *= 1.0 + options.chronology_bonus
        elif self.leader.form == "caption":
            prior *= 1.0 - options.caption_penalty
        return self.centrality * (1.0 + math.log(self.voices)) * prior


def lag(candidate: Candidate) -> int:
    """Days between a day-precise date and the publication of the sentence naming it."""
    day = publication_day(candidate.article)
    if candidate.granularity != "day" or not candidate.date or not day:
        return 0
    published = dt.date.fromisoformat(day)
    return abs((published - dt.date.fromisoformat(candidate.date)).days)


def publication_day(article: Article) -> str | None:
    """The article's publication day when it is a valid date, else None (bad metadata)."""
    day = article.day
    if day is None:
        return None
    try:
        return dt.date.fromisoformat(day).isoformat()
    except ValueError:
        return None


Key = tuple[str, int]  # a sentence: its article and where it starts
Chosen = list[tuple[str, float, list[Event]]]
# Each date, its score, its events (best first), their centroid and TF-IDF rows.
Ranked = list[tuple[str, float, list[Event], np.ndarray, Any]]


def select(ranked: Ranked, options: TimelineOptions) -> Chosen:
    """Up to ``per_date`` events per date, never the same sentence twice in the timeline.

    A sentence naming two dates is a candidate under each, and so is its restatement: one
    fact could be printed under both, citing the same articles. It is kept under the date
    its sentence names first ("said on Tuesday it had received 52 complaints, up from 37 on
    Monday": Tuesday), and the other date takes its next event.
    """
    first = _first_mentions(ranked)
    dropped: set[tuple[Key, str]] = set()
    chosen = _choose(ranked, options, dropped)
    for _ in range(_ROUNDS):
        again = _repeated(chosen, first) - dropped
        if not again:
            break
        dropped |= again
        chosen = _choose(ranked, options, dropped)
    return chosen


_ROUNDS = 3  # each round only drops more; three settle every case seen


def _choose(ranked: Ranked, options: TimelineOptions, dropped: set[tuple[Key, str]]) -> Chosen:
    used: set[str] = set()
    chosen: Chosen = []
    for day, score, events, centroid, matrix in ranked:
        picked = [
            event
            for event in events
            if fold(event.leader.text) not in used and (_key(event.leader), day) not in dropped
        ]
        # A piece of a sentence ("a big relief for me,'' he said") or a transcript's header is
        # printed only when the date has nothing better: it still counts as evidence for it.
        picked = sorted(picked, key=lambda event: _is_aside(event.leader.text))
        if options.coverage_pool and 1 < options.per_date < len(picked):
            pool = picked[: options.coverage_pool]
            rows = matrix[[event.row for event in pool]]
            picked = [pool[i] for i in cover_centroid(rows, centroid, options.per_date)]
        picked = picked[: options.per_date]
        used.update(fold(event.leader.text) for event in picked)
        if picked:
            chosen.append((day, score, picked))
    return chosen


def _key(candidate: Candidate) -> Key:
    return candidate.article.id, candidate.start


def _first_mentions(ranked: Ranked) -> dict[Key, int]:
    """Each sentence's first dated mention: where in the sentence it is."""
    first: dict[Key, int] = {}
    for _, _, events, _, _ in ranked:
        for member in (m for event in events for m in event.members):
            at = member.text.find(member.expression)
            key = _key(member)
            if at >= 0 and at < first.get(key, len(member.text) + 1):
                first[key] = at
    return first


def _repeated(chosen: Chosen, first: dict[Key, int]) -> set[tuple[Key, str]]:
    """The (leading sentence, date) of each printed event that repeats one printed under
    another date: its sentence is one of the other's, which cites every article it does.
    Of the two, the one whose date its sentence does not name first is dropped; when both
    or neither do, the one of the later-ranked date."""
    printed = [(day, event) for day, _, picked in chosen for event in picked]
    cited = [{member.article.id for member in event.members} for _, event in printed]
    holders: dict[Key, list[int]] = {}
    for number, (_, event) in enumerate(printed):
        for member in event.members:
            holders.setdefault(_key(member), []).append(number)
    drop: set[tuple[Key, str]] = set()
    for number, (day, event) in enumerate(printed):
        for holder in holders.get(_key(event.leader), []):
            if printed[holder][0] == day or not cited[number] <= cited[holder]:
                continue
            earlier, later = sorted((number, holder))
            keep_later = _primary(printed[later][1], first) and not _primary(
                printed[earlier][1], first
            )
            loser_day, loser = printed[earlier if keep_later else later]
            drop.add((_key(loser.leader), loser_day))
    return drop


def _primary(event: Event, first: dict[Key, int]) -> bool:
    """Whether ``event``'s date is the first its leading sentence names."""
    leader = event.leader
    return leader.text.find(leader.expression) <= first.get(_key(leader), 0)


def _is_aside(text: str) -> bool:
    """Whether ``text`` opens in lower case, as a piece of a split quotation does, or is a
    broadcast transcript's header."""
    return text.lstrip("\"'`\u201c\u2018([ ")[:1].islower() or is_header(text)
