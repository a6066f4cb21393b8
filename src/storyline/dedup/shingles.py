"""Vectorised word shingling: texts to 64-bit shingle hashes, one flat array per batch.

A text becomes lower-cased word tokens (:func:`storyline.text.words`, so CJK and Thai
characters are one token each). Each distinct token of a batch is hashed once with xxh64
(seeded); a k-shingle's hash is the polynomial ``sum_j t[i+j] * P**(k-1-j) mod 2**64`` of its
token hashes, finished with the splitmix64 mixer so that every bit is usable. All of that is
numpy work over one flat array, so the per-token Python cost is a regex match and a dict
lookup. Texts shorter than k tokens give a single shingle of all their tokens; empty texts
give none.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import xxhash

from ..text import words

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_P = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier of the polynomial (golden ratio)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``: the unit of every shingle."""
    return words(text.lower())


def mix(values: U64) -> U64:
    """splitmix64 finaliser: a bijection on uint64 that spreads every input bit."""
    x = values ^ (values >> np.uint64(30))
    x = x * _M1
    x ^= x >> np.uint64(27)
    x = x * _M2
    x ^= x >> np.uint64(31)
    return x


def token_hashes(token_lists: Sequence[list[str]], seed: int) -> tuple[U64, I64]:
    """Seeded xxh64 of every token, flat, with ``offsets`` (len n+1) delimiting each text."""
    vocabulary: dict[str, int] = {}
    for toks in token_lists:
        vocabulary.update(dict.fromkeys(toks, 0))
    for token in vocabulary:
        vocabulary[token] = xxhash.xxh64_intdigest(token.encode("utf-8"), seed)
    lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
    offsets = np.zeros(len(token_lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = np.empty(int(offsets[-1]), dtype=np.uint64)
    position = 0
    lookup = vocabulary.__getitem__
    for toks in token_lists:
        flat[position : position + len(toks)] = np.fromiter(
            map(lookup, toks), dtype=np.uint64, count=len(toks)
        )
        position += len(toks)
    return flat, offsets


def shingle_hashes(flat: U64, offsets: I64, size: int) -> tuple[U64, I64]:
    """k-shingle hashes of each text (k = ``size``), flat, with their own offsets.

    Shingles never span two texts. A text of 1..k-1 tokens gets one shingle of all of them.
    """
    n_tokens = len(flat)
    lengths = np.diff(offsets)
    counts = np.where(lengths >= size, lengths - size + 1, np.minimum(lengths, 1))
    out_offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(counts, out=out_offsets[1:])
    out = np.empty(int(out_offsets[-1]), dtype=np.uint64)
    full = lengths >= size
    sizes = counts[full]
    if n_tokens >= size and sizes.size:
        acc = np.zeros(n_tokens - size + 1, dtype=np.uint64)
        for j in range(size):
            acc = acc * _P + flat[j : n_tokens - size + 1 + j]
        within = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(
            np.cumsum(sizes) - sizes, sizes
        )
        source = np.repeat(offsets[:-1][full], sizes) + within
        out[np.repeat(out_offsets[:-1][full], sizes) + within] = acc[source]
    mask = (1 << 64) - 1
    for doc in np.flatnonzero((lengths > 0) & (lengths < size)):
        short = 0
        for value in flat[offsets[doc] : offsets[doc + 1]].tolist():
            short = (short * int(_P) + value) & mask
        out[out_offsets[doc]] = short
    return mix(out), out_offsets


def text_shingles(text: str, size: int, seed: int) -> U64:
    """Sorted distinct shingle hashes of one text: the set that Jaccard is measured on."""
    flat, offsets = token_hashes([tokens(text)], seed)
    shingles, _ = shingle_hashes(flat, offsets, size)
    return np.unique(shingles)
