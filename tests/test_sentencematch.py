"""Sentence pairs by shared content words: the array layout against a direct count."""

from __future__ import annotations

import math
import random
from collections import Counter

from storyline.sentencematch import MAX_POSTINGS, similar_sentences, term_entries


def _direct(
    a: list[set[str]], a_keep: list[int], b: list[set[str]], b_keep: list[int], least: float
) -> list[tuple[float, int, int]]:
    """The count written out pair by pair: each term counts for its first MAX_POSTINGS
    kept sentences of b."""
    postings: dict[str, list[int]] = {}
    for j, n in enumerate(b_keep):
        for term in b[n]:
            postings.setdefault(term, []).append(j)
    found = []
    for i, n in enumerate(a_keep):
        shared = Counter(j for term in a[n] for j in postings.get(term, [])[:MAX_POSTINGS])
        for j, count in shared.items():
            cosine = count / math.sqrt(len(a[n]) * len(b[b_keep[j]]))
            if count >= 3 and cosine >= least:
                found.append((cosine, i, j))
    return sorted(found)


def _sentences(rng: random.Random, count: int, vocabulary: list[str]) -> list[set[str]]:
    return [set(rng.sample(vocabulary, rng.randint(0, 9))) for _ in range(count)]


def test_the_same_pairs_and_cosines_as_a_direct_count() -> None:
    rng = random.Random(7)
    # A small vocabulary, so that terms recur in many sentences and the postings cut acts.
    vocabulary = [f"w{n}" for n in range(10)] + ["быстро", "été"]
    for _ in range(40):
        a = _sentences(rng, rng.randint(0, 30), vocabulary)
        b = _sentences(rng, rng.randint(0, 200), vocabulary)
        a_keep = sorted(n for n in range(len(a)) if a[n] and rng.random() < 0.8)
        b_keep = sorted(n for n in range(len(b)) if b[n] and rng.random() < 0.8)
        got = similar_sentences(term_entries(a), a_keep, term_entries(b), b_keep, 0.4)
        assert sorted(got) == _direct(a, a_keep, b, b_keep, 0.4)


def test_a_term_counts_only_for_its_first_sentences_of_the_other_text() -> None:
    common = {"troops", "border", "moved"}
    b = [set(common) for _ in range(MAX_POSTINGS + 5)]
    got = similar_sentences(term_entries([common]), [0], term_entries(b), list(range(len(b))), 0.4)
    assert sorted(j for _, _, j in got) == list(range(MAX_POSTINGS))
    assert all(cosine == 1.0 for cosine, _, _ in got)


def test_nothing_to_compare_gives_no_pair() -> None:
    one = term_entries([{"troops", "border", "moved"}])
    none = term_entries([])
    assert similar_sentences(one, [0], none, [], 0.4) == []
    assert similar_sentences(none, [], one, [0], 0.4) == []
    assert similar_sentences(one, [], one, [0], 0.4) == []
    disjoint = term_entries([{"ships", "harbour", "storm"}])
    assert similar_sentences(one, [0], disjoint, [0], 0.4) == []
