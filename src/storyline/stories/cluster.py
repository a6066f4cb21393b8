"""Single-pass story assignment in publication order, with no look-ahead.

Each article is scored against the candidate stories that the inverted index returns (never
every story); it joins the best one whose score reaches the threshold, or founds a new story.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..ids import stable_id
from ..ingest.dates import Instant, published_instant, published_order
from ..model import Article, DuplicateGroup
from ..steps import Steps, counted
from .carry import unused_id
from .concepts import concept_vector, concepts_agree, other_kind
from .decision import MIN_TERMS, fitted_join
from .features import extract, head, round_figures, top, weigh
from .index import Centroid, Cosines, Vectors
from .options import StoryOptions
from .places import BROAD_PLACES
from .scripts import (
    MIN_SHARED,
    crosses,
    main_script,
    names_cosine,
    probes,
    shared_names,
    spelled_terms,
)
from .state import Assignment, StoryRecord, StoryState

UNDATED_NOTE = "no date: placed by input order"
# The language of a story whose articles are in several (a story's is its founder's until then).
MIXED = "*"
EMPTY_NOTE = "empty text: not clustered"
_EXPLAIN = 5


@dataclass(frozen=True)
class _Query:
    article: Article
    vectors: Vectors
    ordinal: int | None
    script: str = ""  # the script most of its names are in (see :mod:`.scripts`)


def stream_order(articles: Sequence[Article]) -> list[tuple[Article, bool]]:
    """Articles in publication order; an undated one keeps its place after the dated article
    before it in the input. Returns (article, undated) pairs; repeated ids are dropped."""
    keyed: list[tuple[Instant, int, Article, bool]] = []
    last = Instant(-(2**62), -1, -(2**62))  # before every date: undated ones opening the input
    seen: set[str] = set()
    for position, article in enumerate(articles):
        if article.id in seen:
            continue
        seen.add(article.id)
        dated = _ordinal(article) is not None
        if dated:  # by the UTC instant: "10:00+02:00" comes before "09:00+00:00"
            last = published_instant(article.published) or published_order(article.day)
        keyed.append((last, position, article, not dated))
    keyed.sort(key=lambda item: (item[0], item[1]))
    return [(article, undated) for _, _, article, undated in keyed]


def _ordinal(article: Article) -> int | None:
    day = article.day
    if day is None:
        return None
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def assign_all(
    articles: Sequence[Article],
    groups: Sequence[DuplicateGroup],
    options: StoryOptions,
    state: StoryState,
    links: Mapping[str, Sequence[str]],
    steps: Steps | None = None,
) -> set[int]:
    """Assign every article not yet in ``state``; return the numbers of the stories touched.

    ``links`` maps an article id to the ids of articles it shares reused text with.
    """
    followers = _group_leaders(groups)
    touched: set[int] = set()
    for article, undated in counted(stream_order(articles), steps, "articles placed"):
        if article.id in state.assignments:
            continue
        notes = [UNDATED_NOTE] if undated else []
        if not article.text.strip():
            _record(
                state, Assignment(article.id, "", 0.0, False, (), (), _note([*notes, EMPTY_NOTE]))
            )
            continue
        number = _follow(article, followers, state, notes)
        if number is None:
            number = _assign_one(article, options, state, notes, links.get(article.id, ()))
        touched.add(number)
    return touched


def _note(notes: list[str]) -> str:
    return "; ".join(notes)


def _record(state: StoryState, assignment: Assignment) -> None:
    state.assignments[assignment.article_id] = assignment


def _group_leaders(groups: Sequence[DuplicateGroup]) -> dict[str, tuple[str, ...]]:
    """Member id -> the group's members, representative first (the order they are followed)."""
    leaders: dict[str, tuple[str, ...]] = {}
    for group in groups:
        rest = tuple(m for m in group.article_ids if m != group.representative)
        for member in group.article_ids:
            leaders[member] = (group.representative, *rest)
    return leaders


def _follow(
    article: Article,
    followers: dict[str, tuple[str, ...]],
    state: StoryState,
    notes: list[str],
) -> int | None:
    """A duplicate joins the story of its group (one voice: the centroid does not move)."""
    for member in followers.get(article.id, ()):
        placed = state.assignments.get(member)
        if member == article.id or placed is None or not placed.story_id:
            continue
        number = state.story_by_id[placed.story_id]
        note = _note([*notes, f"duplicate of {member}: follows its group"])
        _record(state, Assignment(article.id, placed.story_id, 1.0, False, (), (), note))
        _add_member(state.story(number), article, state)
        return number
    return None


def _assign_one(
    article: Article,
    options: StoryOptions,
    state: StoryState,
    notes: list[str],
    linked: Sequence[str],
) -> int:
    features = extract(article, options.title_weight, options.min_number_digits)
    words = features.terms
    # Each distinct key once (a name is a term too; only the set counts, not the order).
    names = (key for key in features.entities if key not in words)
    state.observe([*words, *names, *features.numbers])
    keep = options.max_article_terms
    damping = options.place_weight
    vectors = (
        weigh(features.terms, state.df, state.n_docs, keep, BROAD_PLACES, damping),
        weigh(features.entities, state.df, state.n_docs, keep, BROAD_PLACES, damping),
        weigh(features.numbers, state.df, state.n_docs, keep),
    )
    # The story grows by every figure; only the article's score discounts its round ones.
    grown = _Query(article, vectors, _ordinal(article), main_script(vectors[1]))
    query = _scored(grown, features.numbers, options, state)
    best, score, second, cosines = _best_story(query, options, state)
    threshold = options.threshold_at(state.n_docs)
    join, why = best is not None and score >= threshold, ""
    if best is not None and options.join_rule == "fitted":
        size = len(state.stories[best].article_ids)
        join, why = fitted_join(score, threshold, second, cosines, size, len(features.terms))
    if not join:
        reused, reused_score, via = _linked_story(query, linked, options, state)
        bar = threshold * options.reuse_factor
        if reused is not None and reused_score >= bar:
            best, score, join = reused, reused_score, True
            # The fitted rule's "kept out" would contradict the join: say what it was overruled by.
            why = f"reuses text of {via}, which lowers the join bar to {bar:.2f}" + (
                f" (without it: {why})" if why else ""
            )
    notes = [*notes, why] if why else notes
    if best is not None and join:
        story = state.story(best)
        terms, entities = _shared(query, story, options.place_weight)
        _record(
            state,
            Assignment(article.id, story.id, round(score, 6), False, terms, entities, _note(notes)),
        )
        _grow(story, grown, options, state)
        state.story_index.update(best, story.centroid.keys(options.index_terms))
        return best
    return _found(grown, options, state, score, notes)


def _scored(
    query: _Query, numbers: Mapping[str, float], options: StoryOptions, state: StoryState
) -> _Query:
    """``query`` with its round figures weighed ``round_figure_weight`` (none: itself)."""
    weight = options.round_figure_weight
    figures, rounds = round_figures(numbers, weight)
    if figures is numbers and not rounds:
        return query
    keep = options.max_article_terms
    damped = weigh(figures, state.df, state.n_docs, keep, rounds, weight)
    vectors = (query.vectors[0], query.vectors[1], damped)
    return _Query(query.article, vectors, query.ordinal, query.script)


def _linked_story(
    query: _Query, linked: Sequence[str], options: StoryOptions, state: StoryState
) -> tuple[int | None, float, str]:
    """The best-scoring story holding an article that ``query`` shares reused text with."""
    best: int | None = None
    best_score, via = 0.0, ""
    for other in sorted(linked):
        placed = state.assignments.get(other)
        if placed is None or not placed.story_id:
            continue
        number = state.story_by_id[placed.story_id]
        score = _score(query, state.stories[number], options)
        if score > best_score:
            best, best_score, via = number, score, other
    return best, best_score, via


def _best_story(
    query: _Query, options: StoryOptions, state: StoryState
) -> tuple[int | None, float, float, Cosines]:
    """The best candidate story, its score, the second-best score (0.0 unless the fitted
    join rule, which reads it, is on) and the best story's channel cosines (which the fitted
    rule reads too: kept, not computed again)."""
    k = options.query_terms
    literal = query.article.language not in ("", "en")
    # A word may be a name that opens its sentences ("Hornivka was also hit"): its keys too.
    probe = probe_keys(query.vectors, k) + probes(head(query.vectors[1], k), literal)
    probe += probes(head(query.vectors[0], k))
    best: int | None = None
    best_score = second = 0.0
    best_cosines: Cosines = (None, None, None)
    stories = state.stories
    ranks = options.join_rule == "fitted"
    for number in state.story_index.candidates(probe, options.max_candidates):
        story = stories[number]
        factor = _decay(query, story, options)
        # A combined cosine is at most 1 (give or take rounding, far below the margin): a
        # story decayed to the best (or second-best) score so far cannot beat it: not scored.
        if factor * _CEILING <= (second if ranks else best_score):
            continue
        similarity, cosines = _measure(query, story, options)
        score = similarity * factor
        if score > best_score:
            best, best_score, second, best_cosines = number, score, best_score, cosines
        elif score > second:
            second = score
    return best, best_score, second if ranks else 0.0, best_cosines


_CEILING = 1.000001


def _score(query: _Query, story: StoryRecord, options: StoryOptions) -> float:
    """Combined cosine (names and numbers only across languages), decayed by the time gap."""
    factor = _decay(query, story, options)
    return _similarity(query, story, options) * factor if factor else 0.0


def _decay(query: _Query, story: StoryRecord, options: StoryOptions) -> float:
    """The time decay of a story's score: 0.0 past ``max_gap_days``, 1.0 if either is undated."""
    last = story.last_ordinal
    if query.ordinal is None or last is None:
        return 1.0
    gap = abs(query.ordinal - last)
    if gap > options.max_gap_days:
        return 0.0
    factor: float = 0.5 ** (gap / options.half_life_days)
    return factor


def _similarity(query: _Query, story: StoryRecord, options: StoryOptions) -> float:
    return _measure(query, story, options)[0]


def _measure(query: _Query, story: StoryRecord, options: StoryOptions) -> tuple[float, Cosines]:
    """The combined cosine of ``query`` with ``story`` and the channel cosines it combines.

    When figures are the only evidence (no name in common and no words, as across languages
    in different scripts), one shared figure is not enough: "12 dead" is said of many events.
    Across languages the words are compared through their concepts (:mod:`.concepts`) and the
    names by key (:mod:`.scripts`), since each language spells a name its own way.
    """
    language = query.article.language
    if language and story.language == MIXED:
        # A story told in several languages: read as one in the article's language, its words
        # are diluted by the other languages', so it is read both ways and the better holds;
        # when most of its names are in another script, it is read across languages only (read
        # as one language, names by key would be all that counts: no words, no concepts).
        across = _measure_as(query, story, options, True)
        if crosses(query.script, story.centroid.script()):
            return across
        within = _measure_as(query, story, options, False)
        return across if across[0] > within[0] else within
    return _measure_as(query, story, options, _other_language(query.article, story))


def _measure_as(
    query: _Query, story: StoryRecord, options: StoryOptions, crossing: bool
) -> tuple[float, Cosines]:
    """:func:`_measure`, the article read as one in another language than the story's when
    ``crossing``."""
    cosines = story.centroid.cosines(query.vectors)
    terms, names, figures = cosines
    short = len(query.vectors[0]) < SHORT_TERMS
    centroid = story.centroid
    across = crossing or crosses(query.script, centroid.script())
    # Names in another language or script are compared by key, with the words that spell a
    # name of the other side (which may then be all the names either side has).
    spelled = _names_across(query, centroid) if across else None
    if spelled is not None and spelled[0] and spelled[2]:
        # The words of two languages share nothing, their concepts may.
        agree = False
        concepts: tuple[dict[str, float], dict[str, float]] = ({}, {})
        if crossing:
            concepts = (concept_vector(query.vectors[0]), centroid.concepts())
            agree = concepts_agree(*concepts)
            if short and _other_event(*concepts):
                # A post's concepts are what it reports: none of them the story's, it tells
                # of another event of the same places (a long article names many in passing).
                return 0.0, cosines
        # A short post names one or two things: a figure it shares stands in for a second name.
        figures_shared = len(query.vectors[2].keys() & centroid.numbers.keys()) if short else 0
        mine, theirs, theirs_norm = spelled
        names = names_cosine(
            mine,
            theirs,
            theirs_norm,
            BROAD_PLACES,
            options.place_weight,
            max(1, MIN_SHARED - figures_shared - agree),
            concepts,
        )
        cosines, crossing = (terms, names, figures), True
    elif short and _shared_keys(query, story, crossing) < _SHORT_SHARED:
        return 0.0, cosines
    if figures is not None and names is None and (terms is None or crossing):
        shared = query.vectors[2].keys() & story.centroid.numbers.keys()
        if len(shared) < _FIGURES_ALONE:
            return 0.0, cosines
    return options.combine(cosines, crossing), cosines


def _names_across(
    query: _Query, centroid: Centroid
) -> tuple[Mapping[str, float], Mapping[str, float], float]:
    """The names of ``query`` and of ``centroid`` compared across languages, and the norm of
    the centroid's: each side's words that spell a name of the other join its names
    (:func:`spelled_terms`)."""
    names, story = query.vectors[1], centroid.entities
    mine = spelled_terms(query.vectors[0], names, story)
    theirs = spelled_terms(centroid.terms, story, names)
    if not mine and not theirs:
        return names, story, centroid.norms[1]
    norm = math.sqrt(centroid.norms[1] ** 2 + sum(w * w for w in theirs.values()))
    return {**names, **mine}, {**story, **theirs}, norm


def _other_event(query: dict[str, float], story: dict[str, float]) -> bool:
    """Whether a post's concepts tell of another event than the story's: both sides name
    concepts and share none, or the post reports that what the story's attack stopped works
    again (:func:`other_kind`)."""
    return bool(query and story and not query.keys() & story.keys()) or other_kind(query, story)


# How many figures two texts must share to be scored on figures alone.
_FIGURES_ALONE = 2
# An article of fewer distinct terms than this is a short post (a flash, a one-line Telegram
# post, a feed teaser): a few words, rarely the two names a match across scripts needs. The
# bar is the fitted rule's for a short wire (ECB+ articles have a median of 84 distinct terms;
# the 48 posts of session 17's Telegram QA corpus at most 28, a teaser of two sentences 20).
SHORT_TERMS = MIN_TERMS
# Sharing one key (a term, a name or a figure) with a story is no evidence for a short post:
# in a channel's or a feed's posts that key is most often the town they all report on, and one
# shared "Дорвиске" gave a weather note a names cosine of 1 with a flash of the same town (a
# cosine over a vector of two or three keys leaves the IDF nothing to discount). It must share
# _SHORT_SHARED keys. The price, on ECB+ streams: a one-sentence report that shares only a
# surname or a town with its story ("Vinar", "Staunton") founds a story of its own.
_SHORT_SHARED = 2


def _shared_keys(query: _Query, story: StoryRecord, crossing: bool) -> int:
    """How many distinct keys ``query`` shares with ``story`` (its words only when both are in
    one language; a name is a term too, counted once)."""
    centroid = story.centroid
    vectors = query.vectors
    shared = vectors[1].keys() & centroid.entities.keys()
    if not crossing:
        shared |= vectors[0].keys() & centroid.terms.keys()
    return len(shared) + len(vectors[2].keys() & centroid.numbers.keys())


def probe_keys(vectors: Vectors, k: int) -> list[tuple[str, float]]:
    """The heaviest keys of each channel: what the inverted index is asked for (every vector
    here is heaviest first: weighed articles and scaled centroids)."""
    return head(vectors[0], k) + head(vectors[1], k) + head(vectors[2], k // 2)


def _shared(
    query: _Query, story: StoryRecord, damping: float
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The top shared terms and entities, by their contribution to the score (names in
    another script or language as the article and the story spell them: "коваленко/kovalenko";
    across languages, the shared concepts before the words: "^drone")."""

    def best(vector: dict[str, float], other: dict[str, float]) -> tuple[str, ...]:
        common = {key: value * other[key] for key, value in vector.items() if key in other}
        return tuple(key for key, _ in top(common, _EXPLAIN))

    centroid = story.centroid
    crossing = _other_language(query.article, story)
    if crossing or crosses(query.script, centroid.script()):
        spelled = shared_names(query.vectors[1], centroid.entities, _EXPLAIN, BROAD_PLACES, damping)
    else:
        spelled = best(query.vectors[1], centroid.entities)
    names = spelled + best(query.vectors[2], centroid.numbers)
    words = best(query.vectors[0], centroid.terms)
    if crossing:
        words = best(concept_vector(query.vectors[0]), centroid.concepts()) + words
    return words[:_EXPLAIN], names[:_EXPLAIN]


def _grow(story: StoryRecord, query: _Query, options: StoryOptions, state: StoryState) -> None:
    story.centroid.add(query.vectors, options.max_story_terms, options.max_story_entities)
    if _other_language(query.article, story):
        story.language = MIXED
    _add_member(story, query.article, state)


def _other_language(article: Article, story: StoryRecord) -> bool:
    """Whether both languages are known and the article's is not the story's (a story of
    several languages, :data:`MIXED`, is every article's other language)."""
    return bool(article.language and story.language and article.language != story.language)


def _add_member(story: StoryRecord, article: Article, state: StoryState) -> None:
    story.article_ids.append(article.id)
    ordinal = _ordinal(article)
    day = article.day
    if ordinal is not None and day is not None:
        story.first_day = min(story.first_day or day, day)
        if story.last_ordinal is None or ordinal > story.last_ordinal:
            story.last_day, story.last_ordinal = day, ordinal
    if article.source not in story.outlets:
        story.outlets = sorted([*story.outlets, article.source])
    state.seq += 1
    story.seq = state.seq


def _found(
    query: _Query, options: StoryOptions, state: StoryState, best: float, notes: list[str]
) -> int:
    article = query.article
    centroid = Centroid()
    centroid.add(query.vectors, options.max_story_terms, options.max_story_entities)
    story = StoryRecord(
        # unless a story made again took it over (a page's earlier version back: see .carry)
        id=unused_id(stable_id(article.id, prefix="s"), state.story_by_id),
        founder=article.id,
        article_ids=[],
        centroid=centroid,
        language=article.language,
        title=article.title,
    )
    number = len(state.stories)
    state.stories.append(story)
    state.own_new_story(number)
    state.story_by_id[story.id] = number
    _add_member(story, article, state)
    state.story_index.update(number, centroid.keys(options.index_terms))
    note = _note([*notes, f"best existing story scored {best:.3f}"]) if best > 0 else _note(notes)
    _record(state, Assignment(article.id, story.id, 1.0, True, (), (), note))
    return number
