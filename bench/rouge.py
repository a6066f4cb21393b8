"""A pure-Python ROUGE recall scorer compatible with ROUGE-1.5.5 ``-m -l 100 -f A``.

The recipe (checked against SumRepo's per-topic ROUGE-1.5.5 output, see
``bench/bench_summary.py --calibrate``):

1. lower-case, put spaces around ``-``, split on whitespace, keep the first ``limit`` words
   (line breaks are kept: ROUGE-L reads each line as a sentence);
2. replace ``[^a-z0-9]+`` with a space and split again;
3. Porter-stem every token (NLTK's ``ORIGINAL_ALGORITHM``, as ROUGE-1.5.5's ``-m``);
4. per cluster, pool over the references (``-f A``): recall = sum of clipped n-gram hits /
   sum of reference n-gram counts; ROUGE-L uses the union LCS of each reference sentence
   against every summary sentence, clipped by token counts;
5. the caller macro-averages over clusters.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from nltk.stem.porter import PorterStemmer

_STEMMER = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_STEMS: dict[str, str] = {}


@dataclass(frozen=True)
class Recall:
    """ROUGE-1, ROUGE-2 and ROUGE-L recall of one summary against its references (0..1)."""

    r1: float
    r2: float
    rl: float


def _stem(token: str) -> str:
    stem = _STEMS.get(token)
    if stem is None:
        stem = _STEMMER.stem(token) if len(token) > 0 else token
        _STEMS[token] = stem
    return stem


def tokenize(text: str, limit: int | None = 100) -> list[list[str]]:
    """Stemmed tokens per line, after cutting the text to its first ``limit`` words."""
    lines: list[list[str]] = []
    budget = limit
    for line in text.lower().split("\n"):
        raw = line.replace("-", " - ").split()
        if budget is not None:
            raw = raw[:budget]
            budget -= len(raw)
        tokens = [_stem(t) for t in _NON_ALNUM.sub(" ", " ".join(raw)).split()]
        if tokens:
            lines.append(tokens)
        if budget is not None and budget <= 0:
            break
    return lines


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _flat(lines: Sequence[Sequence[str]]) -> list[str]:
    return [t for line in lines for t in line]


def _lcs_positions(ref: Sequence[str], peer: Sequence[str]) -> set[int]:
    """Indices of ``ref`` on one longest common subsequence with ``peer``."""
    rows, cols = len(ref), len(peer)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if ref[i] == peer[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    hits: set[int] = set()
    i = j = 0
    while i < rows and j < cols:
        if ref[i] == peer[j]:
            hits.add(i)
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return hits


def _lcs_hits(ref_lines: Sequence[Sequence[str]], peer_lines: Sequence[Sequence[str]]) -> int:
    """Summary-level union-LCS hits, clipped by the token counts on both sides."""
    peer_left = Counter(_flat(peer_lines))
    ref_left = Counter(_flat(ref_lines))
    hits = 0
    for ref in ref_lines:
        union: set[int] = set()
        for peer in peer_lines:
            union |= _lcs_positions(ref, peer)
        for index in sorted(union):
            token = ref[index]
            if peer_left[token] > 0 and ref_left[token] > 0:
                hits += 1
                peer_left[token] -= 1
                ref_left[token] -= 1
    return hits


def score(summary: str, references: Sequence[str], limit: int | None = 100) -> Recall:
    """Recall of ``summary`` pooled over ``references`` (ROUGE-1.5.5 ``-f A``)."""
    peer_lines = tokenize(summary, limit)
    peer = _flat(peer_lines)
    totals = {1: [0, 0], 2: [0, 0], 0: [0, 0]}
    for reference in references:
        ref_lines = tokenize(reference, limit)
        ref = _flat(ref_lines)
        for n in (1, 2):
            ref_grams = _ngrams(ref, n)
            peer_grams = _ngrams(peer, n)
            totals[n][0] += sum(min(c, peer_grams[g]) for g, c in ref_grams.items())
            totals[n][1] += sum(ref_grams.values())
        totals[0][0] += _lcs_hits(ref_lines, peer_lines)
        totals[0][1] += len(ref)

    def ratio(n: int) -> float:
        return totals[n][0] / totals[n][1] if totals[n][1] else 0.0

    return Recall(ratio(1), ratio(2), ratio(0))
