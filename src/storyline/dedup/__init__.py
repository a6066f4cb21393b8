"""Duplicates, near-duplicates, excerpts, rewrites and shared passages across a corpus.

:func:`find_relations` runs, in chunks of ``chunk_size`` articles: vectorised shingling
(:mod:`.shingles`), one-permutation MinHash (:mod:`.minhash`), LSH band hashes (:mod:`.lsh`),
passage anchors and key terms (:mod:`.candidates`). Candidate pairs are the union of LSH
buckets, equal text hashes, shared anchors and shared key terms, and, when the articles'
languages differ, shared cross-language anchors; each stage is linear in the number of
articles. Every candidate is then verified on exact shingle sets and classified,
with aligned passages and provenance, by :func:`storyline.reuse.relate`.

Incremental use: pass the :class:`SignatureIndex` of an earlier run as ``known``; the
articles it holds are not signed again, and the result equals a batch run over all of them.
Pass a :class:`PairMemo` as ``memo`` and a candidate pair whose inputs have not changed
since it was classified takes that classification instead of being aligned again; its texts
are not shingled again either (its key holds the two articles, and its stored outcome says
whether their shingle scores related them), so a run that adds articles to a stored corpus
shingles the texts of the pairs it has not seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ..calls import Call, Pool, Runner, in_order
from ..fingerprint import DigestMemo, fingerprint
from ..language import language_code
from ..model import Article, DuplicateGroup, Relation
from ..provenance import backdated, siblings
from ..steps import Steps, counted
from . import candidates, lsh, minhash
from .features import TextFeatures
from .groups import duplicate_groups, voice_groups
from .index import SignatureIndex
from .options import DEFAULT_OPTIONS, DedupOptions
from .shingles import (
    I64,
    U64,
    distinct,
    sequence_hashes,
    shingle_hashes,
    shingle_set,
    text_hashes,
)

if TYPE_CHECKING:
    from ..reuse import Analyses, Overlap

__all__ = [
    "APART",
    "RELATED",
    "TEXTUAL",
    "DedupOptions",
    "DedupResult",
    "PairMemo",
    "SignatureIndex",
    "TextFeatures",
    "find_relations",
]

# The code that classifies a pair (storyline.fingerprint): relate() and the _verify around
# it, and the shingling whose scores decide whether a pair is classified and how (a pair's
# key holds its two articles, not their scores, which are a function of their texts).
_RELATION_CODE = (
    "storyline.reuse",
    "storyline.dedup.shingles",
    f"{__name__}:_verify",
    f"{__name__}:_outcome",
    f"{__name__}:_shingle_related",
)
# What a pair was found to be, besides its relation: its shingle scores related it (it is
# classified whatever found it), it was classified only because its passages were candidates
# (TEXTUAL), or it was not classified (APART: its scores relate nothing).
RELATED, TEXTUAL, APART = "related", "textual", "apart"


class PairMemo(Protocol):
    """What candidate pairs were found to be in an earlier run, found by the fingerprint of
    their inputs (both articles, the options and the code)."""

    def recall(self, pairs: Sequence[tuple[str, str, str]]) -> list[tuple[str, Relation | None]]:
        """Per (a, b, key): (RELATED, TEXTUAL or APART, its relation) when known for key,
        else ("", None)."""

    def remember(self, a: str, b: str, key: str, found: str, relation: Relation | None) -> None:
        """Keep what ``a`` and ``b`` were found to be under ``key`` (``found``: RELATED,
        TEXTUAL or APART; ``relation`` None: no relation)."""


@dataclass(frozen=True)
class DedupResult:
    """Relations sorted by (a, b), duplicate groups sorted by id, the updated index, and the
    :class:`TextFeatures` of the texts read this run (``scanned``: to keep for the next).

    ``voices`` groups copies of every kind (excerpts and rewrites too): what later stages
    count once when they count independent sources.
    """

    relations: tuple[Relation, ...]
    groups: tuple[DuplicateGroup, ...]
    index: SignatureIndex
    voices: tuple[DuplicateGroup, ...] = ()
    scanned: Mapping[str, TextFeatures] = field(default_factory=dict)


@dataclass
class _Features:
    """What the scan keeps per article (row = position in id order)."""

    exact: U64
    bands: np.ndarray
    sizes: I64
    anchors: list[tuple[np.ndarray, np.ndarray]]  # (uint32 key, int32 owner): half the memory
    terms: list[tuple[np.ndarray, np.ndarray]]


def find_relations(
    articles: Sequence[Article],
    options: DedupOptions = DEFAULT_OPTIONS,
    known: SignatureIndex | None = None,
    memo: PairMemo | None = None,
    steps: Steps | None = None,
    stored_features: Mapping[str, TextFeatures] | None = None,
    workers: Pool | None = None,
) -> DedupResult:
    """Every relation among ``articles`` (see :mod:`storyline.reuse` for the kinds);
    ``steps`` hears how many articles are hashed, then how many candidate pairs verified.

    Articles are taken once per id (first occurrence). Those in ``known`` reuse its band
    hashes (ids are content-derived: the same id is the same text); an index made with other
    parameters raises IncompatibleParametersError. Those in ``known`` and ``stored_features``
    (which must be the features of their current text, with these options) are not read at
    all: only the other texts are tokenised.
    Articles without a word (empty text) take part in nothing. ``workers`` may classify the
    candidate pairs in other processes; the result is the same.
    """
    params = options.params()
    if known is not None:
        known.check(params)
    ordered = _by_id(articles)
    features, scanned = _scan(ordered, options, known, steps, stored_features or {})
    pairs, passage_pairs = _every_candidate(ordered, features, options)
    kept = (memo, steps)
    found = _verify(ordered, (pairs, passage_pairs), features.exact, options, kept, workers)
    # After every pair is classified: it reads their originals.
    by_id = {article.id: article for article in ordered}
    relations = siblings(backdated(found, by_id), by_id)
    index = SignatureIndex(params, [a.id for a in ordered], features.exact, features.bands)
    if known is not None:
        index = index.merge(known)
    groups = duplicate_groups(relations, ordered)
    return DedupResult(relations, groups, index, voice_groups(relations, ordered), scanned)


def _by_id(articles: Sequence[Article]) -> list[Article]:
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return [seen[i] for i in sorted(seen)]


def _scan(
    articles: list[Article],
    options: DedupOptions,
    known: SignatureIndex | None,
    steps: Steps | None,
    given: Mapping[str, TextFeatures],
) -> tuple[_Features, dict[str, TextFeatures]]:
    """The features of every article, and those of the texts read here (by id)."""
    n = len(articles)
    features = _Features(
        np.zeros(n, dtype=np.uint64),
        np.zeros((n, options.bands), dtype=np.uint32),
        np.zeros(n, dtype=np.int64),
        [],
        [],
    )
    kept = [i for i, a in enumerate(articles) if a.id in given and known and a.id in known]
    if known is not None and kept:
        _reuse(articles, kept, known, given, features)
    reading = np.setdiff1d(np.arange(n, dtype=np.int64), np.asarray(kept, dtype=np.int64))
    scanned: dict[str, TextFeatures] = {}
    for start in range(0, len(reading), options.chunk_size):
        rows = reading[start : start + options.chunk_size]
        chunk = [articles[i] for i in rows.tolist()]
        scanned.update(_scan_chunk(chunk, rows, options, known, features))
        if steps is not None:
            steps(len(kept) + min(start + options.chunk_size, len(reading)), n, "articles hashed")
    return features, scanned


def _reuse(
    articles: list[Article],
    rows: list[int],
    known: SignatureIndex,
    given: Mapping[str, TextFeatures],
    out: _Features,
) -> None:
    """Fill ``rows`` from the stored index and text features: no text is read."""
    at = np.asarray([known.position(articles[i].id) for i in rows], dtype=np.int64)
    out.exact[rows] = known.exact[at]
    out.bands[rows] = known.bands[at]
    kept = [given[articles[i].id] for i in rows]
    out.sizes[rows] = [f.size for f in kept]
    for name, parts in (("anchors", out.anchors), ("terms", out.terms)):
        keys = [getattr(f, name) for f in kept]
        owners = np.repeat(np.asarray(rows, dtype=np.int32), [len(k) for k in keys])
        parts.append((np.concatenate(keys).astype(np.uint32), owners))


def _scan_chunk(
    chunk: list[Article],
    rows: np.ndarray,
    options: DedupOptions,
    known: SignatureIndex | None,
    out: _Features,
) -> dict[str, TextFeatures]:
    """Read the texts of ``chunk`` (at ``rows`` of ``out``); their features by id."""
    flat, offsets, capital = text_hashes([a.text for a in chunk], options.seed)
    sizes = np.diff(offsets)
    out.sizes[rows] = sizes
    out.exact[rows] = sequence_hashes(flat, offsets)
    shingles, s_offsets = shingle_hashes(flat, offsets, options.shingle_size)
    fresh = [i for i, a in enumerate(chunk) if known is None or a.id not in known]
    if len(fresh) < len(chunk) and known is not None:
        for i, article in enumerate(chunk):
            if article.id in known:
                out.bands[rows[i]] = known.bands[known.position(article.id)]
    if fresh:
        signatures = minhash.signatures(shingles, s_offsets, options.num_perm)[fresh]
        out.bands[rows[fresh]] = lsh.band_hashes(signatures, options.bands, options.rows)
    anchors, a_offsets = candidates.winnow(shingles, s_offsets, options.window)
    anchors = anchors.astype(np.uint32)
    holders = rows[np.repeat(np.arange(len(chunk)), np.diff(a_offsets))].astype(np.int32)
    out.anchors.append((anchors, holders))
    terms, owners = candidates.key_terms(flat, offsets, capital, options.seed)
    terms = terms.astype(np.uint32)
    out.terms.append((terms, rows[owners].astype(np.int32)))
    t_offsets = np.searchsorted(owners, np.arange(len(chunk) + 1))  # owners come sorted
    return {
        article.id: TextFeatures(
            int(sizes[k]),
            anchors[a_offsets[k] : a_offsets[k + 1]],
            terms[t_offsets[k] : t_offsets[k + 1]],
        )
        for k, article in enumerate(chunk)
    }


def _every_candidate(
    ordered: list[Article], features: _Features, options: DedupOptions
) -> tuple[lsh.PAIRS, set[int]]:
    """:func:`_candidates`, and the pairs of articles in two languages that share anchors."""
    pairs, passage_pairs = _candidates(features, options)
    crossing = candidates.cross_language_pairs(
        [a.text for a in ordered],
        [language_code(a.language) for a in ordered],
        options.key_terms,
        options.max_df,
        options.min_shared_terms,
    )
    if len(crossing):
        pairs = lsh.unique_pairs([pairs, crossing])
        passage_pairs |= set(((crossing[:, 0] << 32) | crossing[:, 1]).tolist())
    return pairs, passage_pairs


def _candidates(features: _Features, options: DedupOptions) -> tuple[lsh.PAIRS, set[int]]:
    """All candidate pairs, and (as codes i << 32 | j) those that need passage analysis."""
    live = np.flatnonzero(features.sizes > 0)
    by_band = lsh.candidate_pairs(features.bands[live], live, options.max_bucket)
    same = lsh.candidate_pairs(features.exact[live, None], live, options.max_bucket)
    by_band = live[by_band] if by_band.size else by_band
    same = live[same] if same.size else same
    a_keys, a_owners = _concat(features.anchors)
    by_anchor = candidates.shared_key_pairs(
        a_keys, a_owners, options.max_df, options.min_shared_anchors
    )
    t_keys, t_owners = _concat(features.terms)
    t_keys, t_owners = candidates.rarest_keys(t_keys, t_owners, options.key_terms, options.max_df)
    by_term = candidates.shared_key_pairs(
        t_keys, t_owners, options.max_df, options.min_shared_terms
    )
    textual = lsh.unique_pairs([by_anchor, by_term])
    pairs = lsh.unique_pairs([by_band, same, textual])
    return pairs, set(((textual[:, 0] << 32) | textual[:, 1]).tolist())


def _concat(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    if not parts:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int32)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _verify(
    articles: list[Article],
    found: tuple[lsh.PAIRS, set[int]],
    exact: U64,
    options: DedupOptions,
    kept: tuple[PairMemo | None, Steps | None],
    workers: Pool | None = None,
) -> tuple[Relation, ...]:
    """Exact shingle scores for each candidate, then classification by reuse.relate (or by
    ``memo``, for a pair classified before from the same inputs: its texts are not shingled).
    ``found``: every candidate pair, and (as codes i << 32 | j) those that need passage
    analysis. Pairs are classified in the workers when there are enough of them; their
    outcomes are taken in pair order whatever the number of workers."""
    pairs, passage_pairs = found
    memo, steps = kept
    pair_list = pairs.tolist()
    keys, known = _recalled(articles, pair_list, options, memo)
    textual = [((i << 32) | j) in passage_pairs for i, j in pair_list]
    unsure = [_unsure(known[n], textual[n]) for n in range(len(pair_list))]
    wanted = [k for n, pair in enumerate(pair_list) if unsure[n] for k in pair]
    sets = _shingle_sets(articles, distinct(np.asarray(wanted, dtype=np.int64)).tolist(), options)
    scored = _Scored(articles, pair_list, sets, exact, textual)
    # one call a task: a call classifies a block of pairs (see _classified_there)
    run = in_order if workers is None else workers.runner(sum(unsure), 1, POOL_PAIRS)
    if run is in_order:
        outcomes = _classified_here(scored, unsure, options)
        numbers = counted(range(len(pair_list)), steps, "pairs verified")
    else:
        outcomes = _classified_there(scored, unsure, options, run, steps)
        numbers = iter(range(len(pair_list)))
    relations: list[Relation] = []
    for n in numbers:
        i, j = pair_list[n]
        outcome, relation = next(outcomes) or known[n]
        if unsure[n] and memo is not None:
            memo.remember(articles[i].id, articles[j].id, keys[n], outcome, relation)
        if relation is not None and (outcome == RELATED or textual[n]):
            relations.append(relation)
    _worker_analyses.clear()  # filled here only when a pool could not start
    return tuple(relations)


# Pairs sent to a worker at once, each of their articles once: a few seconds of work on news
# pages, mostly pairs of one connected component, whose articles the worker then analyses
# once for many pairs (see storyline.reuse.Analyses). A pool starts for this many pairs to
# classify or more.
PAIRS_PER_TASK = 512
POOL_PAIRS = 1000


@dataclass(frozen=True)
class _Scored:
    """What the classification of each candidate pair reads, by pair number."""

    articles: list[Article]
    pairs: list[list[int]]
    sets: dict[int, np.ndarray]
    exact: U64
    textual: list[bool]

    def inputs(
        self, n: int
    ) -> tuple[tuple[Article, Article], tuple[np.ndarray, np.ndarray, bool], bool]:
        i, j = self.pairs[n]
        same = bool(self.exact[i] == self.exact[j])
        pair = (self.articles[i], self.articles[j])
        return pair, (self.sets[i], self.sets[j], same), self.textual[n]

    def block_call(self, block: list[int], options: DedupOptions) -> Call:
        """The classification of pairs ``block`` as a call a worker can run: each of their
        articles once, without its raw text, which no comparison reads."""
        rows = sorted({k for n in block for k in self.pairs[n]})
        texts = {k: (replace(self.articles[k], raw_text=""), self.sets[k]) for k in rows}
        asked = []
        for n in block:
            i, j = self.pairs[n]
            asked.append((i, j, bool(self.exact[i] == self.exact[j]), self.textual[n]))
        return partial(_classified, texts, asked, options)


def _classified_here(
    scored: _Scored, unsure: list[bool], options: DedupOptions
) -> Iterator[tuple[str, Relation | None] | None]:
    """Each pair's outcome (None: nothing to classify), in this process: an article's
    analysis is kept for its later pairs (as memory allows) and dropped after its last."""
    from ..reuse import Analyses  # here: storyline.reuse imports this package

    articles = scored.articles
    analyses = Analyses(Counter(articles[k].id for pair in scored.pairs for k in pair))
    for n, (i, j) in enumerate(scored.pairs):
        yield _outcome(*scored.inputs(n), options, analyses) if unsure[n] else None
        analyses.used(articles[i].id)
        analyses.used(articles[j].id)


def _classified_there(
    scored: _Scored,
    unsure: list[bool],
    options: DedupOptions,
    run: Runner[list[int]],
    steps: Steps | None,
) -> Iterator[tuple[str, Relation | None] | None]:
    """Each pair's outcome (None: nothing to classify), from the workers. The pairs are sent
    by group of pairs that share articles (their connected component), each article once a
    group, so that a worker analyses an article for many of its pairs; the outcomes are given
    back in pair order."""
    order = _by_component(scored.pairs, unsure)
    blocks = [order[k : k + PAIRS_PER_TASK] for k in range(0, len(order), PAIRS_PER_TASK)]
    calls = ((block, scored.block_call(block, options)) for block in blocks)
    found: dict[int, tuple[str, Relation | None]] = {}
    for block, outcomes in _counted_blocks(run(calls), len(order), steps):
        found.update(zip(block, outcomes, strict=True))
    return (found.get(n) for n in range(len(unsure)))


def _counted_blocks(
    blocks: Iterator[tuple[list[int], list[tuple[str, Relation | None]]]],
    total: int,
    steps: Steps | None,
) -> Iterator[tuple[list[int], list[tuple[str, Relation | None]]]]:
    """``blocks`` of pair numbers with their outcomes; ``steps`` hears the pairs done."""
    done = 0
    if steps is not None:
        steps(0, total, "pairs verified")
    for block in blocks:
        yield block
        done += len(block[0])
        if steps is not None:
            steps(done, total, "pairs verified")


def _by_component(pairs: list[list[int]], unsure: list[bool]) -> list[int]:
    """The numbers of the unsure pairs, those of one connected component together (by their
    component's lowest article, then in pair order)."""
    parent: dict[int, int] = {}

    def root(k: int) -> int:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for n, (i, j) in enumerate(pairs):
        if unsure[n]:
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    return sorted((n for n in range(len(pairs)) if unsure[n]), key=lambda n: root(pairs[n][0]))


# In a worker process: the analyses of the articles of the pairs it was sent (bounded by
# their size, see storyline.reuse.Analyses); one pool serves one analysis, whose ids are
# unique, so an id stands for one text.
_worker_analyses: list[Analyses] = []


def _classified(
    texts: dict[int, tuple[Article, np.ndarray]],
    asked: list[tuple[int, int, bool, bool]],
    options: DedupOptions,
) -> list[tuple[str, Relation | None]]:
    """In a worker: the outcomes of pairs ``asked`` (article rows, same text, textual), whose
    articles and shingle sets ``texts`` holds (see :data:`PAIRS_PER_TASK`)."""
    if not _worker_analyses:
        from ..reuse import Analyses

        _worker_analyses.append(Analyses())
    return [
        _outcome(
            (texts[i][0], texts[j][0]),
            (texts[i][1], texts[j][1], same),
            textual,
            options,
            _worker_analyses[0],
        )
        for i, j, same, textual in asked
    ]


def _recalled(
    articles: list[Article],
    pair_list: list[list[int]],
    options: DedupOptions,
    memo: PairMemo | None,
) -> tuple[list[str], list[tuple[str, Relation | None]]]:
    """Each pair's key and what ``memo`` knows of it (("", None): nothing)."""
    if memo is None:
        return [""] * len(pair_list), [("", None)] * len(pair_list)
    digest_of = DigestMemo()  # an article is in many pairs: its fields are hashed once
    keys = [
        fingerprint(
            "relation",
            options,
            (articles[i], articles[j]),
            digest_of=digest_of,
            code=_RELATION_CODE,
        )
        for i, j in pair_list
    ]
    asked = [
        (articles[i].id, articles[j].id, key) for (i, j), key in zip(pair_list, keys, strict=True)
    ]
    return keys, memo.recall(asked)


def _unsure(known: tuple[str, Relation | None], textual: bool) -> bool:
    """Whether a pair must be scored (and maybe classified): nothing is known of it, or it
    was not classified and its passages are candidates now."""
    return not known[0] or (known[0] == APART and textual)


def _shingle_sets(
    articles: list[Article], needed: list[int], options: DedupOptions
) -> dict[int, np.ndarray]:
    sets: dict[int, np.ndarray] = {}
    for start in range(0, len(needed), options.chunk_size):
        batch = needed[start : start + options.chunk_size]
        flat, offsets, _ = text_hashes([articles[i].text for i in batch], options.seed)
        shingles, s_offsets = shingle_hashes(flat, offsets, options.shingle_size)
        for k, i in enumerate(batch):
            sets[i] = shingle_set(shingles[s_offsets[k] : s_offsets[k + 1]])
    return sets


def _outcome(
    pair: tuple[Article, Article],
    shingles: tuple[np.ndarray, np.ndarray, bool],
    textual: bool,
    options: DedupOptions,
    analyses: Analyses,
) -> tuple[str, Relation | None]:
    """What a pair is found to be: RELATED, TEXTUAL or APART (see above) and its relation,
    classified by reuse.relate when its scores or its passages make it a candidate."""
    from ..reuse import overlap, relate

    scores = overlap(*shingles)
    if _shingle_related(scores, options):
        return RELATED, relate(*pair, scores, options, analyses)
    if textual:
        return TEXTUAL, relate(*pair, scores, options, analyses)
    return APART, None


def _shingle_related(scores: Overlap, options: DedupOptions) -> bool:
    return (
        scores.same_text
        or scores.jaccard >= options.threshold
        or max(scores.containment_a, scores.containment_b) >= options.containment
    )
