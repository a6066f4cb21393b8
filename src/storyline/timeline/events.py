"""Dated events: sentences that report something on a date, merged across articles, ranked.

Every sentence with a resolved temporal expression is a candidate for that date (a sentence
can speak of several dates). Dates are ranked by how many independent voices refer to them
(a duplicate group is one voice), the idea behind news-tls' date importance by reference
counts. Within a date, sentences are ranked by centrality (cosine to the date's TF-IDF
centroid) and near-identical ones are merged into one event whose weight grows with the
number of voices that report it. Sentences whose expressions cannot be resolved are kept
as undated entries with the expression and the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import Article, DuplicateGroup, Evidence, Relation, Span, TimelineEntry
from ..preamble import preamble
from ..text import dateline, fold, forward_opening, split_sentences
from .copies import follow_copies, lead_copies
from .coverage import background_dates
from .disputes import settle_days
from .options import TimelineOptions
from .published import infer_published, published_conflict
from .salience import concept_scores, consensus_scores
from .selection import Candidate, Event, Ranked, publication_day, select
from .shifts import known_span
from .tallies import latest_tally
from .temporal import DateMention, calendar_day, tag_dates
from .tense import counted_since

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = ["Timeline", "TimelineOptions", "build_timeline"]

_MAX_CLUSTERED = 1000
_CHRONOLOGY = re.compile(r"\s*(?:-+|:|\u2013|\u2014)\s")
_YEAR_END = re.compile(r"\d{4}$")
# The note of a mention moved to the publication day (see _states_at_publication).
_STATE = "a state since"


@dataclass(frozen=True)
class Timeline:
    """Dated entries in date order, the mentions that could not be dated, and notes on what
    was not read (an article cut at ``max_article_chars``)."""

    entries: tuple[TimelineEntry, ...]
    undated: tuple[TimelineEntry, ...]
    notes: tuple[str, ...] = ()


def build_timeline(
    articles: Sequence[Article],
    groups: Sequence[DuplicateGroup] = (),
    options: TimelineOptions = TimelineOptions(),  # noqa: B008 - frozen, so a safe default
    relations: Sequence[Relation] = (),
) -> Timeline:
    """A timeline of ``articles``: salient dates, each with its best-supported event(s).

    ``relations``: the reuse stage's relations among them; a sentence that a copy or a
    translation repeats is one event and one voice (see :mod:`.copies`)."""
    dated, undated = _split_candidates(articles, groups, options)
    if relations:
        dated, undated = follow_copies(dated, relations), follow_copies(undated, relations)
        dated = settle_days(dated, relations)
    chosen = select(_ranked_events(dated, options), options)
    printed = [_entry(day, events, score, options.max_evidence) for day, score, events in chosen]
    entries = tuple(sorted(printed, key=lambda entry: (entry.date or "", -entry.score)))
    limit = options.max_article_chars
    notes = tuple(
        f"article {article.id}: only its first {limit:,} characters of {len(article.text):,}"
        " were read for the timeline"
        for article in sorted(articles, key=lambda item: item.id)
        if limit is not None and len(article.text) > limit
    )
    return Timeline(entries=entries, undated=_undated_entries(undated), notes=notes)


def _split_candidates(
    articles: Sequence[Article], groups: Sequence[DuplicateGroup], options: TimelineOptions
) -> tuple[list[Candidate], list[Candidate]]:
    """Sentences offered for a date within the options' bounds, and those left undated."""
    voice_of = {member: group.id for group in groups for member in group.article_ids}
    dated: list[Candidate] = []
    undated: list[Candidate] = []
    for article in sorted(articles, key=lambda item: item.id):
        for candidate in _candidates(article, voice_of.get(article.id, article.id), options):
            (dated if candidate.date else undated).append(candidate)
    # A sentence that another expression dates to the day is not also listed as undated.
    placed = {(c.article.id, c.start) for c in dated if c.granularity == "day"}
    undated = [c for c in undated if (c.article.id, c.start) not in placed]
    # Nor is the sentence of an undated copy that another copy of its group (one voice)
    # states word for word and dates: its "Thursday" is that copy's, on the timeline already.
    dated_by: dict[tuple[str, str, str], set[str]] = {}
    for c in dated:
        if c.voice != c.article.id:
            dated_by.setdefault((c.voice, fold(c.text), fold(c.expression)), set()).add(
                c.article.id
            )
    undated = [
        c
        for c in undated
        if not dated_by.get((c.voice, fold(c.text), fold(c.expression)), set()) - {c.article.id}
    ]
    dated = [c for c in dated if c.granularity in options.granularities and _in_range(c, options)]
    return dated, undated


def _in_range(candidate: Candidate, options: TimelineOptions) -> bool:
    """Whether the date can fall within ``--from``/``--to``: a month or year that holds the
    bound can; a stretch of days dated by its month ("next week") only if the days can."""
    value = candidate.date or ""
    first, last = known_span(candidate.note) or (value, value)
    if options.start and last < options.start[: len(last)]:
        return False
    return not (options.end and first > options.end[: len(first)])


def _candidates(article: Article, voice: str, options: TimelineOptions) -> Iterator[Candidate]:
    """Sentences of one article with their dates; the context carries "two days later"."""
    published = article.published or infer_published(article)
    language = article.language or "en"
    day = publication_day(article)
    context: str | None = None
    keywords = tuple(fold(keyword) for keyword in options.keywords)
    for index, span in enumerate(_sentences(article.text, options.max_article_chars)):
        if options.lead_sentences is not None and index >= options.lead_sentences:
            break
        size = len(span.text.split())
        mentions = tag_dates(span.text, published, language, context=context)
        context = next((m.date for m in reversed(mentions) if _anchors(m)), context)
        mentions = _states_at_publication(span.text, mentions, day)
        if not options.min_words <= size <= options.max_words:
            continue
        # Asked only of what may become a candidate: most sentences name no date.
        if (mentions or index < options.publication_leads) and _furniture(span.text):
            continue
        if keywords and not any(keyword in fold(span.text) for keyword in keywords):
            continue
        usable = [m for m in mentions if m.date and "far future" not in m.note]
        if options.max_lag_days is not None and day:
            usable = [m for m in usable if _within_lag(m, day, options.max_lag_days)]
        # A wire dateline is not printed; a title-case one, or a forward's "Forwarded from
        # NAME: ", only opens an article.
        cut = forward_opening(span.text) if index == 0 else 0
        cut += dateline(span.text[cut:], opens_article=index == 0)
        for mention in usable:
            yield _candidate(article, voice, (index, span, cut), mention)
        for mention in mentions:
            if mention.date is None or ("far future" in mention.note and not usable):
                yield _candidate(article, voice, (index, span, cut), mention)
                break
        if index < options.publication_leads and day:
            lead = Span(span.start + cut, span.end, span.text[cut:])
            yield from _lead_candidates(day, article, voice, lead, usable, options)


def _sentences(text: str, limit: int | None) -> list[Span]:
    """The sentences of ``text``, or of its first ``limit`` characters less the sentence the
    cut ends in (splitting all of a 30 MB text alone takes seconds)."""
    if limit is None or len(text) <= limit:
        return split_sentences(text)
    return split_sentences(text[:limit])[:-1]


def _states_at_publication(
    sentence: str, mentions: list[DateMention], day: str | None
) -> list[DateMention]:
    """Mentions with each day that starts a tally ("the toll has risen to 40 since Monday")
    moved to the publication day, which is when the sentence says the tally stands: the start
    is not an event of its own day. A sentence already dated to that day by another mention
    keeps only that one.

    Only a day named relative to publication ("Monday", "yesterday") is moved. A calendar
    day ("since 13 April") is the start a writer names because something happened then: on
    T17, moving those cost a gold date (the first death of the 2009 flu outbreak, recalled
    as "admitted to hospital since 13 April") and gained none; a month or a year ("since
    2020") is background, not news of the publication day."""
    if day is None:  # a relative day resolves against publication only: nothing to move
        return mentions
    moved: list[DateMention] = []
    for mention in mentions:
        if not _relative_day(mention) or not counted_since(sentence, mention.start, mention.end):
            moved.append(mention)
        elif not any(other.date == day for other in mentions):
            note = f"{_STATE} {mention.date}, as of publication"
            moved.append(replace(mention, date=day, granularity="day", note=note))
    return moved


def _relative_day(mention: DateMention) -> bool:
    """A day named relative to publication ("Monday", "yesterday"), not by the calendar."""
    return mention.granularity == "day" and not any(c.isdigit() for c in mention.expression)


def _lead_candidates(
    published_day: str,
    article: Article,
    voice: str,
    lead: Span,
    usable: list[DateMention],
    options: TimelineOptions,
) -> Iterator[Candidate]:
    """A lead sentence (its dateline cut) offered for its publication day, and the days
    before if asked."""
    published = dt.date.fromisoformat(published_day)
    named = {mention.date for mention in usable}
    for offset in range(options.publication_days):
        day = (published - dt.timedelta(days=offset)).isoformat()
        if day not in named:
            yield Candidate(day, "day", article, voice, lead.text, lead.start, lead.end, "",
                             "publication day", from_text=False, position=offset)  # fmt: skip


def _within_lag(mention: DateMention, day: str, max_lag: int) -> bool:
    if mention.granularity != "day" or mention.date is None:
        return True
    lag = (dt.date.fromisoformat(day) - dt.date.fromisoformat(mention.date)).days
    return -max_lag <= lag <= max_lag


def _anchors(mention: DateMention) -> bool:
    return mention.date is not None and mention.granularity == "day"


def _candidate(
    article: Article, voice: str, sentence: tuple[int, Span, int], mention: DateMention
) -> Candidate:
    """``mention`` of sentence (index, span, length of its dateline) as a candidate."""
    index, span, cut = sentence
    note = mention.note
    if mention.date is None or "far future" in note:
        note = f"'{mention.expression}': {note}"
    return Candidate(
        date=mention.date if "far future" not in mention.note else None,
        granularity=mention.granularity if "far future" not in mention.note else None,
        article=article,
        voice=voice,
        text=span.text[cut:],
        start=span.start + cut,
        end=span.end,
        expression=mention.expression,
        note=note,
        position=index,
        form=_form(span.text, mention),
        # dated by its publication, not by a day it names: it weighs as an article published
        # that day, not as a voice referring to it
        from_text=not note.startswith(_STATE),
    )


def _form(sentence: str, mention: DateMention) -> str:
    """The sentence's form for this mention: "chronology" when it opens with the date and a
    dash or colon, "caption" when it closes with a full date (photo captions), else ""."""
    if mention.start <= 2 and _CHRONOLOGY.match(sentence, mention.end):
        return "chronology"
    if _YEAR_END.search(mention.expression) and not sentence[mention.end :].strip(" .)"):
        return "caption"
    return ""


def _date_scores(by_date: Mapping[str, list[Candidate]], weight: float) -> dict[str, float]:
    """Salience of a date: voices referring to it, plus weighted voices published on it."""
    scores: dict[str, float] = {}
    for day, candidates in by_date.items():
        referring = {c.voice for c in candidates if c.from_text}
        published = {c.voice for c in candidates if publication_day(c.article) == day} - referring
        scores[day] = len(referring) + weight * len(published)
    return scores


# A date, its salience, its events (best first), its TF-IDF centroid and sentence matrix.


def _ranked_events(dated: list[Candidate], options: TimelineOptions) -> Ranked:
    """The most salient dates, best first, each with its score and its events, best first."""
    by_date: dict[str, list[Candidate]] = {}
    for candidate in dated:
        by_date.setdefault(candidate.date or "", []).append(candidate)
    if not by_date:
        return []
    scores = _date_scores(by_date, options.publication_weight)
    first_day = min(filter(None, (publication_day(c.article) for c in dated)), default=None)
    early = background_dates(by_date, first_day, options.background_days)
    ranked = sorted(by_date, key=lambda day: (day in early, -scores[day], day))
    chosen = ranked[: options.max_dates] if options.max_dates else ranked
    texts = sorted({c.text for day in chosen for c in by_date[day]})
    vectorizer = _vectorizer([[c.text for c in by_date[day]] for day in chosen], options.idf_over)
    # Each distinct sentence is read once: a date's matrix takes its rows from this one.
    rows = _Rows(vectorizer.transform(texts), {text: n for n, text in enumerate(texts)})
    background = np.asarray(rows.matrix.mean(axis=0)).ravel()
    return [(day, scores[day], *_events(by_date[day], rows, options, background)) for day in chosen]


@dataclass(frozen=True)
class _Rows:
    """The TF-IDF rows of a timeline's distinct sentences, and the row of each sentence."""

    matrix: Any
    row_of: dict[str, int]

    def of(self, texts: Sequence[str]) -> Any:
        return self.matrix[[self.row_of[text] for text in texts]]


def _vectorizer(texts_by_date: list[list[str]], idf_over: str) -> TfidfVectorizer:
    """TF-IDF fitted on the sentences offered for the chosen dates, each a document, or on
    the dates, each date's distinct sentences one document (``idf_over``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer  # slow import: only when used

    if idf_over == "dates":
        documents = [" ".join(sorted(set(texts))) for texts in texts_by_date]
    else:
        documents = sorted({text for texts in texts_by_date for text in texts})
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        return vectorizer.fit(documents)
    except ValueError:  # only stop words everywhere: fall back to every token
        return TfidfVectorizer(token_pattern=r"(?u)\b\w+\b").fit(documents)


def _events(
    candidates: list[Candidate],
    rows: _Rows,
    options: TimelineOptions,
    background: np.ndarray,
) -> tuple[list[Event], np.ndarray, Any]:
    """Candidates of one date merged into events, best first; the date's centroid and matrix.

    Only the ``_MAX_CLUSTERED`` most central candidates are clustered (pairwise similarity is
    quadratic); the rest cannot lead or join an event, which bounds time and memory.
    """
    candidates = sorted(candidates, key=lambda c: (c.article.id, c.start, c.expression))
    matrix = rows.of([c.text for c in candidates])
    centroid = np.asarray(matrix.mean(axis=0)).ravel() - options.distinct_weight * background
    norm = float(np.linalg.norm(centroid))
    centrality = matrix @ centroid / norm if norm else np.zeros(len(candidates))
    if options.concept_weight or options.consensus_weight:
        centrality = _mixed(centrality, candidates, options)
    # A copy weighs in the date's centroid, as a duplicate group's members do, but it
    # neither leads nor joins an event by its words: it follows the sentence it repeats.
    followers = [c for c in candidates if c.follows]
    if followers:
        candidates, centrality = lead_copies(candidates, centrality)
        matrix = rows.of([c.text for c in candidates])
    order = sorted(range(len(candidates)), key=lambda i: (-round(float(centrality[i]), 9), i))
    order = order[:_MAX_CLUSTERED]
    top = matrix[order]
    similarity = np.asarray((top @ top.T).todense())
    events: list[Event] = []
    leaders: list[int] = []
    for rank, index in enumerate(order):
        if leaders:
            similarities = similarity[rank, leaders]
            best = int(np.argmax(similarities))
            if similarities[best] >= options.merge_similarity:
                events[best].members.append(candidates[index])
                continue
        leaders.append(rank)
        event = Event(candidates[index], float(centrality[index]), index)
        event.members.append(candidates[index])
        events.append(event)
    _join(events, followers)
    for event in events:
        event.weight = round(event.score(options), 9)
    events.sort(key=lambda e: (-e.weight, e.leader.article.id, e.leader.start))
    return events, centroid, matrix


def _join(events: list[Event], followers: list[Candidate]) -> None:
    """Each follower into the event of the sentence it repeats, right after it (none when
    that sentence was not clustered)."""
    waiting: dict[tuple[str, int] | None, list[Candidate]] = {}
    for follower in followers:
        waiting.setdefault(follower.follows, []).append(follower)
    for event in events:
        event.members = [
            joined
            for member in event.members
            for joined in (member, *waiting.pop((member.article.id, member.start), ()))
        ]


def _mixed(
    centrality: np.ndarray, candidates: list[Candidate], options: TimelineOptions
) -> np.ndarray:
    """Centrality scaled to [0, 1], mixed with agreement and consensus (``.salience``)."""
    best = float(centrality.max()) if len(candidates) else 0.0
    mixed = centrality / best if best > 0 else centrality
    mixed = (1.0 - options.concept_weight - options.consensus_weight) * mixed
    texts, voices = [c.text for c in candidates], [c.voice for c in candidates]
    if options.concept_weight:
        mixed += options.concept_weight * concept_scores(texts, voices)
    if options.consensus_weight:
        mixed += options.consensus_weight * consensus_scores(texts, voices)
    return mixed


def _entry(day: str, events: list[Event], score: float, max_evidence: int) -> TimelineEntry:
    members = [m for event in events for m in event.members]
    evidence = tuple(
        Evidence(m.text, m.article.id, m.expression, m.start, m.end)
        for m in _unique(members)[:max_evidence]
    )
    notes = sorted({m.note for m in members if m.note} | _conflicts(members))
    return TimelineEntry(
        date=day,
        granularity=events[0].leader.granularity,
        # Page furniture is cut only from the print: it still marks a wire report's lead
        # sentence for the ranking.
        text=" ".join(_printed(_latest(event)) for event in events),
        evidence=evidence,
        article_ids=tuple(sorted({m.article.id for m in members})),
        outlets=tuple(sorted({m.article.source for m in members})),
        score=round(score + sum(event.weight for event in events), 6),
        note="; ".join(notes),
        variants=next((m.variants for m in members if m.variants), ()),
    )


def _latest(event: Event) -> str:
    """The event's leading sentence, or a later version of the tally it gives."""
    leader = event.leader
    versions = [(m.text, m.article) for m in event.members]
    return latest_tally(leader.text, versions, leader.article.published or "")


def _printed(text: str) -> str:
    return text[preamble(text) :]


def _furniture(text: str) -> bool:
    """Whether ``text`` is page furniture alone (a page's stamp, a photo credit): it names a
    date but reports nothing."""
    return not text[preamble(text) :].strip(" .")


def _unique(members: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, int]] = set()
    unique = []
    for member in members:
        if (member.article.id, member.start) not in seen:
            seen.add((member.article.id, member.start))
            unique.append(member)
    return unique


def _conflicts(members: list[Candidate]) -> set[str]:
    articles = {m.article.id: m.article for m in members}
    notes = {published_conflict(articles[key]) for key in sorted(articles)}
    return {note for note in notes if note}


def _undated_entries(undated: list[Candidate]) -> tuple[TimelineEntry, ...]:
    """One entry per distinct sentence, with the expression and the reason.

    A month and day with no year ("January 9") orders what it can: those entries come first,
    in calendar order; the rest follow in article order.
    """
    merged: list[tuple[_Said, list[Candidate]]] = []
    for candidate in undated:
        if candidate.follows:
            continue
        said = _said(candidate)
        same = next((members for first, members in merged if _restates(said, first)), None)
        if same is None:
            merged.append((said, [candidate]))
        else:
            same.append(candidate)
    # A copy's or a translation's sentence is listed with the one it repeats.
    listed = {(m.article.id, m.start): members for _, members in merged for m in members}
    for candidate in undated:
        if candidate.follows:
            listed[candidate.follows].append(candidate)
    entries = []
    for _, members in merged:
        first = members[0]
        entries.append(
            TimelineEntry(
                date=None,
                granularity=None,
                text=first.text,
                evidence=tuple(
                    Evidence(m.text, m.article.id, m.expression, m.start, m.end) for m in members
                ),
                article_ids=tuple(sorted({m.article.id for m in members})),
                outlets=tuple(sorted({m.article.source for m in members})),
                note=first.note,
                month_day=calendar_day(first.expression),
            )
        )
    return tuple(
        sorted(
            entries,
            key=lambda e: (not e.month_day, e.month_day, e.article_ids[0], e.evidence[0].start),
        )
    )


# Two undated sentences with the same unresolved expression whose words overlap this much
# (Jaccard) say the same thing: one wire quote attributed differently ("GAC said." / "said
# the government office.") is listed once, with both articles as its evidence.
_RESTATED = 0.6


# An undated sentence as compared: its folded text, its words, its folded expression.
_Said = tuple[str, frozenset[str], str]


def _said(candidate: Candidate) -> _Said:
    key = fold(candidate.text)
    return key, frozenset(word for word in key.split() if len(word) > 2), fold(candidate.expression)


def _restates(said: _Said, first: _Said) -> bool:
    (key, words, expression), (first_key, first_words, first_expression) = said, first
    if key == first_key:
        return True
    if expression != first_expression or not words or not first_words:
        return False
    return len(words & first_words) / len(words | first_words) >= _RESTATED
