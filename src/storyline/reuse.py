"""Passage alignment between two articles, the kind of their relation, and its direction.

Verbatim passages: shared word k-grams (k = ``shingle_size``) are seeds; seeds on one diagonal
(the same offset between the texts) are chained while the gap between them is at most
``max_gap`` words, and chains on nearby diagonals are merged, so a changed, added or dropped
word does not cut a passage. Passages of at least ``min_passage_words`` words are kept, no
two overlapping. Paraphrases: sentences of the two texts are compared by the cosine of their
content-word sets (stop words dropped, words cut to 6 letters, so "deployed" meets
"deployment"), and the best pairs above ``paraphrase`` are matched one to one.

The kind of a relation, tested in this order: ``duplicate`` (same folded text),
``near-duplicate`` (shingle Jaccard >= threshold), ``excerpt`` (the shorter's shingles are
>= containment inside the longer), ``rewrite`` (reused or paraphrased sentences cover
>= rewrite_coverage of the shorter text, the content-word Jaccard is >= rewrite_terms, the
shorter has >= rewrite_length_ratio of the longer's words, and the alignment reads as a
copy, not as an independent report of the same facts: :mod:`storyline.spin`),
``shares-passages`` (at least one verbatim passage). A pair in two languages that is none of
these but a rewrite may be a ``translation`` (:mod:`storyline.crosslang`). The direction
comes from :mod:`storyline.provenance`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from .crosslang import Profiles, languages_differ, translation
from .dedup.candidates import STOP_WORDS
from .dedup.options import DEFAULT_OPTIONS, DedupOptions
from .dedup.shingles import shingle_hashes, shingle_set, text_hashes, token_hashes
from .model import Article, Passage, Relation, RelationKind, Span
from .provenance import NARRATIVE_WORDS, Outlet, credited_original, direction, outlet
from .sentencematch import TermEntries, similar_sentences, term_entries
from .spin import copied, half_covered, refilled
from .text import jaccard, split_sentences, words

Segment = tuple[int, int, int, int]  # a_start, a_end, b_start, b_end (token indexes)


@dataclass(frozen=True)
class Overlap:
    """Shingle-set scores of two texts: Jaccard, and the share of each found in the other."""

    jaccard: float
    containment_a: float
    containment_b: float
    same_text: bool


@dataclass(frozen=True)
class _Text:
    """One article's text analysed for alignment: tokens, offsets, sentences, terms, and the
    hash of the k-gram starting at each token."""

    text: str
    lowered: list[str]
    lines: list[int]
    spans: list[tuple[int, int]]
    sentences: list[Span]
    sentence_terms: list[set[str]]
    terms: set[str]
    grams: np.ndarray
    gram_set: np.ndarray  # the distinct grams, sorted
    entries: TermEntries


# Analysed texts kept at once, in characters (an analysis takes about 13 bytes a character:
# 45 MB more peak memory for the 3.6 M characters of 271 crawled pages, all kept). Topical
# news pairs their articles widely: of T17's 2,853 articles (16.3 M characters), 4 M kept
# made 5,395 analyses, 8 M 2,420, and all of them 2,283. Keeping each text's term arrays and
# sorted grams with it (for the paraphrase product) raised the duplicates stage's peak on
# T17 from 535 to 582 MB.
_KEPT_CHARS = 8_000_000
_QUOTE_MARK = re.compile('"')  # cleaning folds typographic quotes to this one
_WORD = re.compile(r"\w+")


class Analyses:
    """The per-article work of comparisons, done once per article and not once per pair.

    An article meets many others among a run's candidate pairs (a site's pages that share
    furniture meet dozens), and analysing it is most of the cost of a comparison. ``uses``
    counts the pairs each article id takes part in: an analysis is dropped after its last
    use (see :meth:`used`), and the oldest ones go when more than ``kept_chars`` characters
    are kept, so memory stays bounded; a dropped analysis is made again if needed. Without
    ``uses``, analyses are kept until the object goes. Analyses are keyed by article id: one
    object serves one run, with one set of options.
    """

    def __init__(
        self, uses: Mapping[str, int] | None = None, kept_chars: int = _KEPT_CHARS
    ) -> None:
        self._uses = dict(uses) if uses is not None else None
        self._kept_chars = kept_chars
        self._texts: dict[str, _Text] = {}
        self._outlets: dict[str, Outlet] = {}
        self._chars = 0
        self.profiles = Profiles()

    def text(self, article: Article, options: DedupOptions) -> _Text:
        found = self._texts.get(article.id)
        if found is None:
            found = _analyse(article.text, options)
            self._chars += len(article.text)
            self._texts[article.id] = found
            while self._chars > self._kept_chars and len(self._texts) > 1:
                oldest = next(iter(self._texts))
                self._chars -= len(self._texts.pop(oldest).text)
        return found

    def outlet(self, article: Article) -> Outlet:
        found = self._outlets.get(article.id)
        if found is None:
            found = self._outlets[article.id] = outlet(article)
        return found

    def used(self, article_id: str) -> None:
        """One of ``article_id``'s pairs is done: forget it after its last."""
        if self._uses is None:
            return
        left = self._uses.get(article_id, 0) - 1
        self._uses[article_id] = left
        if left <= 0:
            text = self._texts.pop(article_id, None)
            self._chars -= len(text.text) if text is not None else 0
            self._outlets.pop(article_id, None)
            self.profiles.forget(article_id)


def overlap(a_shingles: np.ndarray, b_shingles: np.ndarray, same_text: bool) -> Overlap:
    """Scores of two sorted, distinct shingle-hash arrays."""
    if a_shingles.size == 0 or b_shingles.size == 0:
        return Overlap(1.0 if same_text else 0.0, 0.0, 0.0, same_text)
    common = np.intersect1d(a_shingles, b_shingles, assume_unique=True).size
    union = a_shingles.size + b_shingles.size - common
    return Overlap(common / union, common / a_shingles.size, common / b_shingles.size, same_text)


def compare(a: Article, b: Article, options: DedupOptions = DEFAULT_OPTIONS) -> Relation | None:
    """The full relation of two articles (ordered by id), or None when they are unrelated."""
    if a.id > b.id:
        a, b = b, a
    flat, offsets, _ = text_hashes([a.text, b.text], options.seed)
    shingles, s_offsets = shingle_hashes(flat, offsets, options.shingle_size)
    a_set = shingle_set(shingles[s_offsets[0] : s_offsets[1]])
    b_set = shingle_set(shingles[s_offsets[1] : s_offsets[2]])
    a_tokens, b_tokens = flat[offsets[0] : offsets[1]], flat[offsets[1] : offsets[2]]
    same = a_tokens.size > 0 and np.array_equal(a_tokens, b_tokens)
    return relate(a, b, overlap(a_set, b_set, bool(same)), options)


def relate(
    a: Article,
    b: Article,
    scores: Overlap,
    options: DedupOptions = DEFAULT_OPTIONS,
    analyses: Analyses | None = None,
) -> Relation | None:
    """Classify a pair (``a.id`` < ``b.id``) from its shingle scores and its aligned passages.

    ``analyses`` carries the per-article work over the pairs of one run."""
    analyses = analyses or Analyses()
    kind = _shingle_kind(scores, options)
    passages: tuple[Passage, ...] = ()
    similarity = scores.jaccard
    alignable = max(len(a.text), len(b.text)) <= options.max_align_chars
    if kind is None and not alignable:
        return None
    # A duplicate is the same text: aligning it would only repeat both texts whole (the
    # digest JSON of a wire reprinted ten times grew by 45 copies of it, twice).
    if alignable and (kind is None or (options.align and kind != "duplicate")):
        ta, tb = analyses.text(a, options), analyses.text(b, options)
        passages = _align(ta, tb, options, paraphrases=kind is None)
    if kind is None:
        # a rewrite crediting its source is a copy however freely it retells it
        def credited() -> bool:
            return credited_original(a, b, (analyses.outlet(a), analyses.outlet(b))) is not None

        kind, similarity = _passage_kind(ta, tb, passages, options, credited)
        if kind in (None, "shares-passages"):
            translated = _translation(a, b, scores, (ta, tb), analyses)
            if translated is not None:
                return translated
        if kind is None:
            return None
    elif kind == "excerpt":
        similarity = max(scores.containment_a, scores.containment_b)
    elif kind == "duplicate":
        similarity = 1.0
    outlets = (analyses.outlet(a), analyses.outlet(b))
    narrative = _narrative_words(a.text, b.text, passages) if kind == "shares-passages" else 0
    if narrative < NARRATIVE_WORDS and refilled(passages):
        narrative = 0  # one template filled for two events: a short post's run is no copy
    containment = scores.containment_a, scores.containment_b
    original, reason = direction(a, b, kind, *containment, outlets, narrative)
    return Relation(
        a.id,
        b.id,
        kind,
        round(similarity, 4),
        round(scores.containment_a, 4),
        round(scores.containment_b, 4),
        original,
        reason,
        passages,
    )


def _narrative_words(a_text: str, b_text: str, passages: Sequence[Passage]) -> int:
    """Words in verbatim passages and outside quotation marks, on the side that has fewer:
    a quote shared is a statement both report (one text may quote what the other states);
    a sentence of narrative shared was copied."""
    spans = [(p.a_start, p.a_end, p.b_start, p.b_end) for p in passages if p.kind == "verbatim"]
    return min(
        _unquoted_words(a_text, [(s[0], s[1]) for s in spans]),
        _unquoted_words(b_text, [(s[2], s[3]) for s in spans]),
    )


def _unquoted_words(text: str, ranges: Sequence[tuple[int, int]]) -> int:
    quotes = [match.start() for match in _QUOTE_MARK.finditer(text)]
    return sum(
        1
        for start, end in ranges
        for word in _WORD.finditer(text, start, end)
        if bisect_right(quotes, word.start()) % 2 == 0
    )


def _translation(
    a: Article, b: Article, scores: Overlap, texts: tuple[_Text, _Text], analyses: Analyses
) -> Relation | None:
    """The pair as a translation, when in two languages (languages are checked first: on a
    corpus in one language that is all it costs)."""
    profiles = analyses.profiles
    if not languages_differ(a, b, profiles):
        return None
    return translation(
        a,
        b,
        profiles.profile(a, texts[0].sentences),
        profiles.profile(b, texts[1].sentences),
        (scores.containment_a, scores.containment_b),
        (analyses.outlet(a), analyses.outlet(b)),
    )


def _shingle_kind(scores: Overlap, options: DedupOptions) -> RelationKind | None:
    if scores.same_text:
        return "duplicate"
    if scores.jaccard >= options.threshold:
        return "near-duplicate"
    if max(scores.containment_a, scores.containment_b) >= options.containment:
        return "excerpt"
    return None


def _passage_kind(
    ta: _Text,
    tb: _Text,
    passages: Sequence[Passage],
    options: DedupOptions,
    credited: Callable[[], bool],
) -> tuple[RelationKind | None, float]:
    """rewrite when reuse covers the shorter text and reads as a copy (or one text credits
    the other), shares-passages on any verbatim passage."""
    coverage = _coverage(ta, tb, passages)
    if (
        coverage >= options.rewrite_coverage
        and jaccard(ta.terms, tb.terms) >= options.rewrite_terms
        and _comparable_lengths(ta, tb, passages, options)
        and (copied(ta, tb, passages) or credited())
    ):
        return "rewrite", coverage
    verbatim = [p for p in passages if p.kind == "verbatim"]
    if verbatim:
        shorter = min(len(ta.lowered), len(tb.lowered)) or 1
        reused = sum(len(words(p.a_text)) for p in verbatim)
        return "shares-passages", min(1.0, reused / shorter)
    return None, 0.0


def _comparable_lengths(
    ta: _Text, tb: _Text, passages: Sequence[Passage], options: DedupOptions
) -> bool:
    """A rewrite retells the whole text: the shorter has at least ``rewrite_length_ratio``
    of the longer's words, twice that when it has fewer than 3 content sentences (one
    paraphrased lead sentence does not make a rewrite of a long article) unless the reuse
    covers the longer text as well (a two-sentence brief and its wordier translation)."""
    ratio = options.rewrite_length_ratio
    short, long = sorted((len(ta.lowered), len(tb.lowered)))
    sentences = min(sum(len(t) >= 3 for t in x.sentence_terms) for x in (ta, tb))
    if sentences < 3 and _longer_coverage(ta, tb, passages) < options.rewrite_coverage:
        ratio = min(1.0, 2 * ratio)
    return long > 0 and short / long >= ratio


def _coverage(ta: _Text, tb: _Text, passages: Sequence[Passage]) -> float:
    """Share of the shorter text's content sentences (3+ content words) touched by a passage."""
    return _side_coverage(ta, tb, passages, shorter=True)


def _longer_coverage(ta: _Text, tb: _Text, passages: Sequence[Passage]) -> float:
    """Share of the longer text's content sentences touched by a passage."""
    return _side_coverage(ta, tb, passages, shorter=False)


def _side_coverage(ta: _Text, tb: _Text, passages: Sequence[Passage], shorter: bool) -> float:
    a_sentences = [s for s, t in zip(ta.sentences, ta.sentence_terms, strict=True) if len(t) >= 3]
    b_sentences = [s for s, t in zip(tb.sentences, tb.sentence_terms, strict=True) if len(t) >= 3]
    if not a_sentences or not b_sentences:
        return 0.0
    if (len(a_sentences) <= len(b_sentences)) == shorter:
        return _touched(a_sentences, [(p.a_start, p.a_end) for p in passages]) / len(a_sentences)
    return _touched(b_sentences, [(p.b_start, p.b_end) for p in passages]) / len(b_sentences)


def _touched(sentences: list[Span], ranges: list[tuple[int, int]]) -> int:
    """How many sentences are at least half covered by one of the ranges."""
    ranges = sorted(ranges)
    starts = [r[0] for r in ranges]
    return sum(half_covered(span, ranges, starts) for span in sentences)


def _analyse(text: str, options: DedupOptions) -> _Text:
    """Tokens with offsets and lines, sentences and their content-word sets (stop words
    dropped, words cut to 6 letters: a crude stem) of one text. Sentences never cross a line,
    so each sentence is tokenised on its own and the tokens inherit its line."""
    sentences = split_sentences(text)
    breaks = [m.start() for m in re.finditer("\n", text)]
    lowered: list[str] = []
    lines: list[int] = []
    spans: list[tuple[int, int]] = []
    sentence_terms: list[set[str]] = []
    for sentence in sentences:
        raw = words(sentence.text)
        cursor = 0
        for token in raw:
            start = sentence.text.find(token, cursor)
            cursor = start + len(token)
            spans.append((sentence.start + start, sentence.start + cursor))
        mine = [t.lower() for t in raw]
        lowered.extend(mine)
        lines.extend([bisect_right(breaks, sentence.start)] * len(mine))
        sentence_terms.append({t[:6] for t in mine if len(t) > 1 and t not in STOP_WORDS})
    terms: set[str] = set().union(*sentence_terms) if sentence_terms else set()
    grams = _gram_hashes(lowered, options)
    entries = term_entries(sentence_terms)
    return _Text(
        text,
        lowered,
        lines,
        spans,
        sentences,
        sentence_terms,
        terms,
        grams,
        np.unique(grams),
        entries,
    )


def align_passages(
    a: Article,
    b: Article,
    options: DedupOptions = DEFAULT_OPTIONS,
    *,
    paraphrases: bool = True,
) -> tuple[Passage, ...]:
    """Verbatim passages (and, unless ``paraphrases`` is False, paraphrased sentence pairs).

    Offsets index each article's ``text``: ``a.text[p.a_start:p.a_end] == p.a_text``. Sorted
    by position in ``a``.
    """
    return _align(_analyse(a.text, options), _analyse(b.text, options), options, paraphrases)


def _align(ta: _Text, tb: _Text, options: DedupOptions, paraphrases: bool) -> tuple[Passage, ...]:
    segments = _verbatim_segments(ta, tb, options)
    found = [_passage(ta, tb, s) for s in segments]
    if paraphrases:
        found.extend(_paraphrases(ta, tb, found, options))
    return tuple(sorted(found, key=lambda p: (p.a_start, p.b_start, p.kind)))


def _passage(ta: _Text, tb: _Text, seg: Segment) -> Passage:
    """The verbatim passage of a segment, scored by the share of its words that its two
    sides give alike: 1.0 word for word, less where the alignment bridged small edits (a
    spin's "called to the plant" / "summoned to the facility" reads 1.00 no more)."""
    a0, a1 = ta.spans[seg[0]][0], ta.spans[seg[1] - 1][1]
    b0, b1 = tb.spans[seg[2]][0], tb.spans[seg[3] - 1][1]
    a_words, b_words = ta.lowered[seg[0] : seg[1]], tb.lowered[seg[2] : seg[3]]
    alike = 1.0
    if a_words != b_words:
        alike = round(SequenceMatcher(None, a_words, b_words, autojunk=False).ratio(), 4)
    return Passage(a0, a1, b0, b1, ta.text[a0:a1], tb.text[b0:b1], "verbatim", alike)


def _gram_hashes(lowered: list[str], options: DedupOptions) -> np.ndarray:
    """Hash of the k-gram starting at each token (texts shorter than k: none)."""
    if len(lowered) < options.shingle_size:
        return np.zeros(0, dtype=np.uint64)
    flat, offsets = token_hashes([lowered], options.seed)
    hashes, _ = shingle_hashes(flat, offsets, options.shingle_size)
    return hashes


def _seeds(ta: _Text, tb: _Text) -> list[tuple[int, int]]:
    """(i, j) where the k-grams at a[i] and b[j] are equal; grams repeated > 4 times skipped."""
    a_grams, b_grams = ta.grams, tb.grams
    common = _common(ta.gram_set, tb.gram_set)
    if common.size == 0:
        return []
    where_b: dict[int, list[int]] = {}
    for j in np.flatnonzero(_member(b_grams, common)).tolist():
        where_b.setdefault(int(b_grams[j]), []).append(j)
    seeds: list[tuple[int, int]] = []
    a_count: dict[int, int] = {}
    a_hits = np.flatnonzero(_member(a_grams, common)).tolist()
    for i in a_hits:
        a_count[int(a_grams[i])] = a_count.get(int(a_grams[i]), 0) + 1
    for i in a_hits:
        gram = int(a_grams[i])
        if a_count[gram] <= 4 and len(where_b[gram]) <= 4:
            seeds.extend((i, j) for j in where_b[gram])
    return seeds


def _common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values of two sorted arrays of distinct values found in both, sorted."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return small[_member(small, large)] if len(large) else large


def _member(values: np.ndarray, sorted_distinct: np.ndarray) -> np.ndarray:
    """Whether each of ``values`` is in ``sorted_distinct`` (not empty), by binary search:
    the grams of one text against those two texts share, without sorting either again."""
    where = np.minimum(np.searchsorted(sorted_distinct, values), len(sorted_distinct) - 1)
    return np.asarray(sorted_distinct[where] == values)


def _verbatim_segments(ta: _Text, tb: _Text, options: DedupOptions) -> list[Segment]:
    """Token ranges of aligned passages: seed, chain along diagonals, merge, filter, pick."""
    k = options.shingle_size
    seeds = _seeds(ta, tb)
    chains: list[list[int]] = []
    for i, j in sorted(seeds, key=lambda s: (s[1] - s[0], s[0])):
        last = chains[-1] if chains else None
        if last and last[3] - last[1] == j - i and i <= last[1] + options.max_gap:
            last[1], last[3] = i + k, j + k
        else:
            chains.append([i, i + k, j, j + k])
    merged: list[list[int]] = []
    for seg in sorted(chains):
        prev = merged[-1] if merged else None
        if prev and _mergeable(prev, seg, options.max_gap):
            prev[1], prev[3] = max(prev[1], seg[1]), max(prev[3], seg[3])
        else:
            merged.append(list(seg))
    merged = [_extend(s, ta, tb) for s in merged]
    long_enough = [s for s in merged if min(s[1] - s[0], s[3] - s[2]) >= options.min_passage_words]
    return _non_overlapping(long_enough)


# (skip in a, skip in b) tried in order when the next words differ: substitution, then a
# word only in a, then a word only in b; the skip must be followed by two equal words
_EDITS = ((1, 1), (1, 0), (0, 1))


def _extend(seg: list[int], ta: _Text, tb: _Text) -> list[int]:
    """Grow a segment word by word at both ends while the texts agree, one edit at a time,
    never past the lines (paragraphs) where the segment starts and ends."""
    a, b = ta.lowered, tb.lowered
    a_lo, a_hi = _line_bounds(ta.lines, seg[0], seg[1] - 1)
    b_lo, b_hi = _line_bounds(tb.lines, seg[2], seg[3] - 1)
    i, j = seg[1], seg[3]
    while True:
        if i < a_hi and j < b_hi and a[i] == b[j]:
            i, j = i + 1, j + 1
            continue
        step = next(
            (
                e
                for e in _EDITS
                if i + e[0] + 2 <= a_hi
                and j + e[1] + 2 <= b_hi
                and a[i + e[0] : i + e[0] + 2] == b[j + e[1] : j + e[1] + 2]
            ),
            None,
        )
        if step is None:
            break
        i, j = i + step[0] + 2, j + step[1] + 2
    k, m = seg[0], seg[2]
    while True:
        if k > a_lo and m > b_lo and a[k - 1] == b[m - 1]:
            k, m = k - 1, m - 1
            continue
        step = next(
            (
                e
                for e in _EDITS
                if k - e[0] - 2 >= a_lo
                and m - e[1] - 2 >= b_lo
                and a[k - e[0] - 2 : k - e[0]] == b[m - e[1] - 2 : m - e[1]]
            ),
            None,
        )
        if step is None:
            break
        k, m = k - step[0] - 2, m - step[1] - 2
    return [k, i, m, j]


def _line_bounds(lines: list[int], first: int, last: int) -> tuple[int, int]:
    """Token range [lo, hi) of the lines holding tokens ``first`` and ``last``."""
    lo, hi = first, last + 1
    while lo > 0 and lines[lo - 1] == lines[first]:
        lo -= 1
    while hi < len(lines) and lines[hi] == lines[last]:
        hi += 1
    return lo, hi


def _mergeable(prev: list[int], seg: list[int], gap: int) -> bool:
    return (
        seg[0] <= prev[1] + gap
        and prev[2] <= seg[2] <= prev[3] + gap
        and abs((seg[2] - seg[0]) - (prev[2] - prev[0])) <= gap
    )


def _non_overlapping(segments: list[list[int]]) -> list[Segment]:
    """Longest first, keep a segment when it overlaps no kept one in either text."""
    kept: list[Segment] = []
    for s in sorted(segments, key=lambda s: (-(s[1] - s[0]), s[0], s[2])):
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept) and all(
            s[3] <= k[2] or s[2] >= k[3] for k in kept
        ):
            kept.append((s[0], s[1], s[2], s[3]))
    return sorted(kept)


def _paraphrases(
    ta: _Text, tb: _Text, verbatim: Sequence[Passage], options: DedupOptions
) -> list[Passage]:
    """Sentence pairs of content-word cosine >= ``paraphrase``, matched one to one.

    Sentences half covered by a verbatim passage are left out. Skipped (empty) when either
    text has more than ``max_sentences`` sentences, which bounds the work.
    """
    if max(len(ta.sentences), len(tb.sentences)) > options.max_sentences:
        return []
    a_side = _uncovered(ta, [(p.a_start, p.a_end) for p in verbatim])
    b_side = _uncovered(tb, [(p.b_start, p.b_end) for p in verbatim])
    scored = similar_sentences(ta.entries, a_side, tb.entries, b_side, options.paraphrase)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[Passage] = []
    for cosine, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            sa, sb = ta.sentences[a_side[i]], tb.sentences[b_side[j]]
            out.append(
                Passage(
                    sa.start,
                    sa.end,
                    sb.start,
                    sb.end,
                    sa.text,
                    sb.text,
                    "paraphrase",
                    round(cosine, 4),
                )
            )
    return out


def _uncovered(t: _Text, ranges: list[tuple[int, int]]) -> list[int]:
    """Indexes of the sentences with terms not half covered by any of the ranges."""
    if not ranges:
        return [n for n, terms in enumerate(t.sentence_terms) if terms]
    ranges = sorted(ranges)
    starts = [r[0] for r in ranges]
    return [
        n
        for n, (span, terms) in enumerate(zip(t.sentences, t.sentence_terms, strict=True))
        if terms and not half_covered(span, ranges, starts)
    ]
