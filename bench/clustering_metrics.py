"""Clustering scores for story benchmarks: BCubed, pairwise (Miranda et al. 2018), ARI, AMI.

Each function takes two equal-length label sequences (gold, predicted) over the same
documents, in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score


@dataclass(frozen=True)
class Scores:
    bcubed_p: float
    bcubed_r: float
    bcubed_f1: float
    pair_p: float
    pair_r: float
    pair_f1: float
    ari: float
    ami: float
    gold_clusters: int
    pred_clusters: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """Bagga & Baldwin BCubed: per-document precision and recall, averaged over documents."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    if not gold:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(gold, pred, strict=True))
    gold_sizes = Counter(gold)
    pred_sizes = Counter(pred)
    precision = sum(n * n / pred_sizes[p] for (_, p), n in joint.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (g, _), n in joint.items()) / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 over document pairs: TP = pairs together in both gold and prediction."""

    def pairs(counts: Counter[Hashable] | Counter[tuple[Hashable, Hashable]]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter(zip(gold, pred, strict=True)))
    pred_pairs = pairs(Counter(pred))
    gold_pairs = pairs(Counter(gold))
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> Scores:
    """All scores at once."""
    bp, br, bf = bcubed(gold, pred)
    pp, pr, pf = pairwise(gold, pred)
    gold_ids = [str(g) for g in gold]
    pred_ids = [str(p) for p in pred]
    return Scores(
        bp,
        br,
        bf,
        pp,
        pr,
        pf,
        float(adjusted_rand_score(gold_ids, pred_ids)),
        float(adjusted_mutual_info_score(gold_ids, pred_ids)),
        len(set(gold_ids)),
        len(set(pred_ids)),
    )
