"""LSH banding: band hashes of MinHash signatures, and the candidate pairs they give.

A signature of ``bands * rows`` values is cut into ``bands`` bands of ``rows`` values; two
texts become candidates when any band is equal. For Jaccard similarity s the probability is
``1 - (1 - s**rows) ** bands``; with the news defaults (32 bands of 4 rows) that is 0.87 at
s = 0.5, 0.999 at s = 0.7 and 1.0 at s >= 0.8, with the S-curve's midpoint near
``(1/bands) ** (1/rows)`` = 0.42. Each band is stored as one uint32 (a mixed hash of its rows),
which is all the index keeps: ``4 * bands`` bytes per text. A random band collision
(probability 2**-32 per pair and band) only costs a verification.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from .minhash import U32
from .shingles import I64, distinct, mix

PAIRS = npt.NDArray[np.int64]


def band_hashes(signatures: U32, bands: int, rows: int) -> U32:
    """One uint32 per band and text: a mixed polynomial of the band's ``rows`` values."""
    n_texts = signatures.shape[0]
    values = signatures[:, : bands * rows].astype(np.uint64).reshape(n_texts, bands, rows)
    acc = np.zeros((n_texts, bands), dtype=np.uint64)
    for j in range(rows):
        acc = mix((acc * np.uint64(0x100000001B3) + values[:, :, j]).astype(np.uint64))
    # band number mixed in, so equal values in two different bands never collide
    acc = mix((acc + np.arange(bands, dtype=np.uint64)).astype(np.uint64))
    return (acc >> np.uint64(32)).astype(np.uint32)


def candidate_pairs(
    bands: npt.NDArray[np.unsignedinteger[Any]], keys: I64, max_bucket: int
) -> PAIRS:
    """Distinct pairs (i, j), i < j, of rows that share a band value, as an (m, 2) array.

    ``keys`` orders the members of a bucket (e.g. by article id). A bucket larger than
    ``max_bucket`` (thousands of copies of one text) is linked as a star on its first member
    rather than as a clique, so the pair count stays linear; the groups are the same.
    """
    found: list[PAIRS] = []
    for band in range(bands.shape[1]):
        column = bands[:, band]
        order = np.lexsort((keys, column))
        values = column[order]
        boundaries = np.flatnonzero(np.diff(values)) + 1
        starts = np.concatenate(([0], boundaries))
        ends = np.concatenate((boundaries, [len(values)]))
        sizes = ends - starts
        twos = starts[sizes == 2]
        found.append(np.stack([order[twos], order[twos + 1]], axis=1))
        for start, size in zip(starts[sizes > 2].tolist(), sizes[sizes > 2].tolist(), strict=True):
            found.append(_bucket_pairs(order[start : start + size], max_bucket))
    return unique_pairs(found)


def _bucket_pairs(members: I64, max_bucket: int) -> PAIRS:
    if len(members) > max_bucket:
        return np.stack([np.full(len(members) - 1, members[0]), members[1:]], axis=1)
    left, right = np.triu_indices(len(members), k=1)
    return np.stack([members[left], members[right]], axis=1)


def unique_pairs(chunks: list[PAIRS]) -> PAIRS:
    """Concatenate pair arrays; order each pair (small, large); drop repeats; sort."""
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.sort(np.concatenate(chunks).astype(np.int64), axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    codes = distinct((pairs[:, 0] << 32) | pairs[:, 1])
    return np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)
