"""MinHash signatures by one-permutation hashing (OPH) with rotation densification.

Classic MinHash applies ``num_perm`` hash functions to every shingle: O(shingles x num_perm).
OPH (Li, Owen and Zhang, NIPS 2012) hashes each shingle once: the high 32 bits of the 64-bit
shingle hash pick one of ``num_perm`` bins (``bin = (h >> 32) * num_perm >> 32``), the low 32
bits are its value, and each bin keeps its minimum. For two sets A and B, each non-empty bin
holds the same minimum in both with probability J(A, B), so the share of equal bins estimates
Jaccard similarity just as k independent permutations do, at O(shingles) cost.

A bin that no shingle fell into (short texts) is filled from the next non-empty bin to its
right, circularly, with ``value + distance * C`` (Shrivastava and Li, ICML 2014), which keeps
the estimator unbiased without a sentinel that would make two short texts look alike.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .shingles import I64, U64

U32 = npt.NDArray[np.uint32]

_EMPTY = np.uint64(1 << 32)
_ROTATION = np.uint64(0x9E3779B1)  # the C of the densification rule, odd


def signatures(shingles: U64, offsets: I64, num_perm: int) -> U32:
    """OPH signatures, one row of ``num_perm`` uint32 per text (a text with no shingle: zeros).

    ``shingles``/``offsets`` as returned by :func:`storyline.dedup.shingles.shingle_hashes`.
    """
    n_texts = len(offsets) - 1
    counts = np.diff(offsets)
    rows = np.repeat(np.arange(n_texts, dtype=np.int64), counts)
    bins = (((shingles >> np.uint64(32)) * np.uint64(num_perm)) >> np.uint64(32)).astype(np.int64)
    table = np.full(n_texts * num_perm, _EMPTY, dtype=np.uint64)
    np.minimum.at(table, rows * num_perm + bins, shingles & np.uint64(0xFFFFFFFF))
    matrix = table.reshape(n_texts, num_perm)
    sparse = np.flatnonzero((matrix == _EMPTY).any(axis=1) & (counts > 0))
    if sparse.size:
        matrix[sparse] = _densify(matrix[sparse])
    matrix[counts == 0] = 0
    return (matrix & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def _densify(matrix: U64) -> U64:
    """Fill empty bins from the next non-empty bin to the right (circular), by rotation."""
    n_rows, width = matrix.shape
    doubled = np.concatenate([matrix, matrix], axis=1)
    index = np.where(doubled != _EMPTY, np.arange(2 * width), 4 * width)
    nearest = np.minimum.accumulate(index[:, ::-1], axis=1)[:, ::-1][:, :width]
    distance = (nearest - np.arange(width)).astype(np.uint64)
    source = doubled[np.arange(n_rows)[:, None], nearest]
    filled: U64 = (source + distance * _ROTATION) & np.uint64(0xFFFFFFFF)
    return filled


def estimate_jaccard(a: U32, b: U32) -> float:
    """Share of equal bins of two signatures: an unbiased estimate of Jaccard similarity."""
    if a.shape != b.shape:
        raise ValueError(f"signatures of different num_perm: {a.shape[0]} vs {b.shape[0]}")
    return float(np.count_nonzero(a == b)) / float(a.shape[0])
