"""Whether a retelling that covers another text is a copy of it (spun, rewritten) or an
independent report of the same facts.

:mod:`storyline.reuse` calls two texts a ``rewrite`` when paraphrased or reused sentences
cover most of the shorter one. Three outlets covering one press conference pass that test
too: they share the facts (numbers, names, dates, often a quote), so most sentences of each
find a paraphrase in the others. What they do not share is the wording around the facts.
A spinner or a rewriting desk works sentence by sentence: it swaps words for synonyms and
turns clauses round, but most words of each sentence stay, in their order, and it retells
the whole text, not the part of it that a second reporter happened to learn too.

So the evidence of a copy, read from the aligned passages of the pair:

* **closeness**: the mean, over paraphrased sentence pairs, of the longest common word
  subsequence over the longer sentence's words (the skeleton of function words and
  unchanged words a spinner keeps). Quoted speech is cut out first: two reporters at one
  press conference write down the same quote, and a shared quote says nothing about who
  copied whom. Verbatim passages count only when nothing is paraphrased (then 1): a live
  blog that pastes two sentences of a wire and tells the rest in its own words is no spin
  of it, however exact the paste.
* **retold**: the share of each text's content sentences that have a counterpart in the
  other (aligned, or half their content words found there), the lower of the two. An
  independent report has facts of its own and misses some of the other's; a live blog
  pasting part of a wire retells little of it.
* **same facts**: the Jaccard similarity of the two texts' anchors (numbers and names, as
  :func:`storyline.crosslang.anchors` reads them, sentence openers left out). A rewriting
  desk that turns every sentence round still keeps the facts, all of them and no others;
  an independent report brings facts of its own.

A pair is a copy when one credits the other's outlet (:mod:`storyline.reuse` checks that),
when the shorter text has two content sentences (too few to read; both retold in turn keep
a text's structure), or one whose paraphrase is close (``CLOSE``, verbatim runs counted: a
single sentence retold in other words is how independent teasers of one event read, and
says nothing about who copied whom), or when it retells half of both texts (``RETOLD``)
and either its paraphrases are close (``CLOSE``), or fairly close (``FAIR``) with nearly
all of both texts retold (``ALL_RETOLD``), or it has the same facts (``SAME_FACTS``). In a
short text (at most
``SHORT_WORDS`` words) the closeness of its verbatim passages counts with its paraphrases,
weighted by their words (``CLOSE``): a channel's post that keeps a dozen words of a
statement word for word, rewords one sentence and adds a claim of its own is a copy of it,
though the 25 words of narrative that :mod:`storyline.provenance` asks of pages that only
share passages are most of the post. Independent short reports of one event share names,
places and figures, not runs of a dozen words of their own telling. Thresholds set on the odd
events of ``bench/data/rewrites`` (invented spins and independent reports) without losing
a rewrite of the other benchmarks and tests: the machine translation pairs of DUC 2004 (two
systems' translations of one text retell it all in other words), the planted rewrites of
``bench/corpus_gen.py`` (pseudo-synonyms: few shared terms, so little retold) and the
fixtures of ``tests/test_dedup.py`` (copies of copies). See
``bench/bench_reuse_quality.py``; on the even events 3 of the 12 pairs with an independent
report that the old rule called a rewrite still are (worded about as close as a spin).

Limits: a condensed rewrite (a third of the original, retold in other words) is taken for
an independent report; so is a rewrite that restructures every sentence and adds facts of
its own. An independent report that follows a press release sentence by sentence, in its
words, is taken for a copy of any other report doing the same (both copy the release,
usually absent from the corpus). Two pages that paste the same wire sentences and write the
rest themselves are ``shares-passages``, not a rewrite (two of WikinewsSum's same-event
pairs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

from .crosslang import anchors, name_key
from .model import Passage, Span
from .text import words

# Thresholds of the decision (see the module's docstring for how they were set).
RETOLD = 0.5
CLOSE = 0.5
FAIR = 0.35
ALL_RETOLD = 0.9
SAME_FACTS = 0.8
MIN_SENTENCES = 3
# A text of at most this many words is a short post (a Telegram channel's, a news brief).
SHORT_WORDS = 80
# Anchors the two texts hold at least for their sameness to count: two briefs naming one
# town and one date have the same facts by chance.
_MIN_ANCHORS = 5
# Numbers each side of the aligned text must hold to be called a refilled template.
_MIN_FILLED = 2
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Words left of a sentence pair once its quotes are cut, below which it says nothing.
_MIN_WORDS = 4
# Words of a passage compared at most: the cost of a comparison stays bounded.
_MAX_WORDS = 120
# A sentence with fewer content words is no evidence either way (as in reuse's coverage).
_CONTENT = 3

_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_QUOTE = re.compile(f"[{_MARKS}][^{_MARKS}]{{3,}}[{_MARKS}]")


class Analysed(Protocol):
    """What the decision reads of an analysed text (``storyline.reuse`` makes them)."""

    @property
    def sentences(self) -> list[Span]: ...

    @property
    def sentence_terms(self) -> list[set[str]]: ...

    @property
    def terms(self) -> set[str]: ...


def copied(ta: Analysed, tb: Analysed, passages: Sequence[Passage]) -> bool:
    """Whether ``passages`` aligned between two texts say copy, not independent report.

    A text of fewer than ``MIN_SENTENCES`` content sentences gives too little to read: it
    is taken for a copy, as before this test existed, unless it is a template filled for
    another event (:func:`refilled`) or has a single content sentence told in words of its
    own (independent one-sentence teasers of one fact retell each other whole)."""
    if refilled(passages):
        return False
    fewest = min(_content_sentences(ta), _content_sentences(tb))
    if fewest < MIN_SENTENCES:
        return fewest > 1 or _weighted_closeness(passages) >= CLOSE
    retold = _retold_both(ta, tb, passages)
    if retold < RETOLD:
        return False
    closeness = _mean_closeness(passages)
    if closeness is None:  # only quotes align: nothing says who copied whom
        return False
    if closeness >= CLOSE or (closeness >= FAIR and retold >= ALL_RETOLD):
        return True
    if _short(ta, tb) and _weighted_closeness(passages) >= CLOSE:
        return True
    return _same_facts(ta, tb) >= SAME_FACTS  # last: the dearest to measure


def _short(ta: Analysed, tb: Analysed) -> bool:
    """Whether the shorter text is a post of at most ``SHORT_WORDS`` words."""
    return min(sum(len(words(s.text)) for s in t.sentences) for t in (ta, tb)) <= SHORT_WORDS


def _weighted_closeness(passages: Sequence[Passage]) -> float:
    """Closeness of every aligned pair, verbatim ones (1) included, weighted by their words:
    in a short post a verbatim run of a dozen words of narrative is a large part of it."""
    total = weight = 0.0
    for passage in passages:
        score = _closeness(passage)
        if score is not None:
            size = max(len(_unquoted(passage.a_text)), len(_unquoted(passage.b_text)))
            total, weight = total + score * size, weight + size
    return total / weight if weight else 0.0


def refilled(passages: Sequence[Passage]) -> bool:
    """Whether the aligned text is one template filled with other figures: both sides hold
    at least ``_MIN_FILLED`` numbers and share fewer than half of them ("A magnitude 5.1
    quake struck near Ostavel at a depth of 10 km" / "A magnitude 4.6 quake struck near
    Tirrano at a depth of 35 km"). A spin or a translation keeps its source's figures,
    adding or dropping one at most (names are not compared: translations spell them their
    own way); automated reports of different quakes, results or prices share every word
    but those."""
    a = {n for p in passages for n in _NUMBER.findall(p.a_text)}
    b = {n for p in passages for n in _NUMBER.findall(p.b_text)}
    return min(len(a), len(b)) >= _MIN_FILLED and 2 * len(a & b) < len(a | b)


def _retold_both(ta: Analysed, tb: Analysed, passages: Sequence[Passage]) -> float:
    return min(
        _retold(ta, tb, [(p.a_start, p.a_end) for p in passages]),
        _retold(tb, ta, [(p.b_start, p.b_end) for p in passages]),
    )


def _mean_closeness(passages: Sequence[Passage]) -> float | None:
    """Mean closeness of the paraphrased pairs (of the verbatim ones when none is)."""
    paraphrased = [p for p in passages if p.kind == "paraphrase"]
    scores = [s for s in map(_closeness, paraphrased or passages) if s is not None]
    return sum(scores) / len(scores) if scores else None


def _content_sentences(t: Analysed) -> int:
    return sum(len(terms) >= _CONTENT for terms in t.sentence_terms)


def _retold(t: Analysed, other: Analysed, ranges: list[tuple[int, int]]) -> float:
    """Share of ``t``'s content sentences aligned or with half their terms in ``other``."""
    ranges = sorted(ranges)
    starts = [r[0] for r in ranges]
    content = [
        (s, terms)
        for s, terms in zip(t.sentences, t.sentence_terms, strict=True)
        if len(terms) >= _CONTENT
    ]
    told = sum(
        half_covered(span, ranges, starts) or 2 * len(terms & other.terms) >= len(terms)
        for span, terms in content
    )
    return told / len(content) if content else 0.0


def _closeness(passage: Passage) -> float | None:
    """Word-order similarity of one aligned pair, quotes cut; None when little is left."""
    a, b = _unquoted(passage.a_text), _unquoted(passage.b_text)
    if min(len(a), len(b)) < _MIN_WORDS:
        return None
    if passage.kind == "verbatim":
        return 1.0
    return lcs_length(a, b) / max(len(a), len(b))


def _unquoted(text: str) -> list[str]:
    return [w.lower() for w in words(_QUOTE.sub(" ", text))][:_MAX_WORDS]


def _same_facts(ta: Analysed, tb: Analysed) -> float:
    a, b = _facts(ta), _facts(tb)
    union = len(a | b)
    return len(a & b) / union if union >= _MIN_ANCHORS else 0.0


def _facts(t: Analysed) -> set[str]:
    """Anchors of a text's sentences, less each sentence's capitalised first word."""
    found: set[str] = set()
    for sentence in t.sentences:
        keys = set(anchors(sentence.text))
        first = words(sentence.text)[:1]
        if first and first[0][:1].isalpha():
            keys.discard(name_key(first[0]))
        found |= keys
    return found


def half_covered(span: Span, ranges: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether one of the sorted ``ranges`` (``starts``: their starts) covers half the
    span; looks only nearby."""
    k = max(0, bisect_right(starts, span.start) - 1)
    while k < len(ranges) and ranges[k][0] < span.end:
        start, end = ranges[k]
        if 2 * (min(span.end, end) - max(span.start, start)) >= span.end - span.start:
            return True
        k += 1
    return False


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence of two word lists.

    Bit-parallel (Allison and Dix 1986, as Hyyro 2004 writes it): a few big-integer
    operations per word of ``b``, whatever the length of ``a``.
    """
    masks: dict[str, int] = {}
    for i, word in enumerate(a):
        masks[word] = masks.get(word, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for word in b:
        match = row & masks.get(word, 0)
        row = ((row + match) | (row - match)) & full
    return len(a) - bin(row).count("1")
