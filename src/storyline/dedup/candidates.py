"""Bounded candidate stages for reuse that MinHash LSH cannot see.

LSH finds pairs of high Jaccard similarity. Two articles that quote the same 40-word
statement, or a rewrite that shares almost no 5-gram, have Jaccard near zero. Two cheap,
inverted-index stages propose them instead, each linear in the corpus:

* **passage anchors** (winnowing, Schleimer et al. 2003): in every window of ``window``
  consecutive shingles the smallest hash is kept. Any shared run of at least
  ``window + shingle_size - 1`` words (12 with the defaults) therefore shares at least one
  anchor. Texts sharing ``min_shared`` anchors become candidates.
* **key terms**: capitalised words (of any script with case: "Paris", "Павел", "Łódź") and
  numbers (names, places, figures survive spinning and machine translation). Each text
  keeps its ``key_terms`` rarest ones (by document frequency in the batch, at least 2);
  texts sharing ``min_shared`` key terms become candidates.

* **cross-language anchors**, only when the texts' ``language`` fields name two languages or
  more: the numbers and name keys of :func:`storyline.crosslang.anchors` in each text's
  opening, kept only when texts of two languages hold them (a German noun, capitalised, is
  no anchor unless another language has it); texts in different languages sharing
  ``min_shared`` of their ``key_terms`` rarest become candidates. Key terms miss such pairs:
  "58,000" and "58 000" are other tokens, and a German text's rarest capitalised words are
  nouns.

All drop keys held by more than ``max_df`` texts (boilerplate, common names): that bound,
and the fixed number of keys per text, make the pair count linear in the number of texts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import xxhash

from ..crosslang import anchors
from ..stopwords import ENGLISH_STOP_WORDS
from .lsh import PAIRS, unique_pairs
from .shingles import I64, U64, B, distinct, distinct_counts, text_hashes

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS)
I32 = npt.NDArray[np.int32]


def winnow(shingles: U64, offsets: I64, window: int) -> tuple[U64, I64]:
    """Anchors of each text: the minimum shingle hash of every window, distinct, per text."""
    counts = np.diff(offsets)
    rows = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    minima = [np.zeros(0, dtype=np.uint64)]
    owners = [np.zeros(0, dtype=np.int64)]
    if len(shingles) >= window:
        span = len(shingles) - window + 1
        lowest = shingles[:span].copy()
        for j in range(1, window):
            np.minimum(lowest, shingles[j : span + j], out=lowest)
        inside = rows[:span] == rows[window - 1 :]
        # consecutive windows mostly share their minimum: keep each run once before sorting
        inside[1:] &= (lowest[1:] != lowest[:-1]) | (rows[1:span] != rows[: span - 1])
        minima.append(lowest[inside])
        owners.append(rows[:span][inside])
    # texts shorter than one window keep their minimum shingle
    for text in np.flatnonzero((counts > 0) & (counts < window)).tolist():
        minima.append(shingles[offsets[text] : offsets[text + 1]].min(keepdims=True))
        owners.append(np.array([text], dtype=np.int64))
    keys = distinct(
        (np.concatenate(owners).astype(np.uint64) << np.uint64(32))
        | (np.concatenate(minima) >> np.uint64(32))
    )
    anchors = keys & np.uint64(0xFFFFFFFF)
    owner = (keys >> np.uint64(32)).astype(np.int64)
    out_offsets = np.searchsorted(owner, np.arange(len(counts) + 1)).astype(np.int64)
    return anchors, out_offsets


def shared_key_pairs(keys: np.ndarray, owners: np.ndarray, max_df: int, min_shared: int) -> PAIRS:
    """Pairs of owners holding at least ``min_shared`` common keys of frequency 2..max_df.

    ``keys``/``owners`` list each (key, owner) once. Pairs come out sorted, i < j.
    """
    if len(keys) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    boundaries = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], boundaries)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(keys)])))
    chunks: list[PAIRS] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_df)]).tolist():
        members = owners[starts[sizes == size][:, None] + np.arange(size)]
        left, right = np.triu_indices(size, k=1)
        chunks.append(np.stack([members[:, left].ravel(), members[:, right].ravel()], axis=1))
    if not chunks:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(chunks).astype(np.int64)
    codes, counts = distinct_counts((pairs[:, 0] << 32) | pairs[:, 1])
    codes = codes[counts >= min_shared]
    return unique_pairs([np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)])


def key_terms(flat: U64, offsets: I64, capital: B, seed: int) -> tuple[U64, I64]:
    """(key, owner) once each: 32-bit hashes of each text's capitalised words and numbers.

    ``flat``/``offsets``/``capital`` as from :func:`storyline.dedup.shingles.text_hashes`;
    stop words ("The" opening a sentence) are left out.
    """
    stop, _, _ = text_hashes([" ".join(sorted(STOP_WORDS))], seed)
    chosen = np.flatnonzero(capital)
    chosen = chosen[~np.isin(flat[chosen], stop)]
    owners = np.searchsorted(offsets, chosen, side="right") - 1
    owner_bits = owners.astype(np.uint64) << np.uint64(32)
    codes = distinct(owner_bits | (flat[chosen] >> np.uint64(32)))
    return codes & np.uint64(0xFFFFFFFF), (codes >> np.uint64(32)).astype(np.int64)


def rarest_keys(
    keys: np.ndarray, owners: np.ndarray, per_owner: int, max_df: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each owner's ``per_owner`` keys of lowest document frequency within 2..max_df.

    Ties break on the key value, so the choice does not depend on input order.
    """
    if len(keys) == 0:
        return keys, owners
    values, df = distinct_counts(keys)
    frequency = df[np.searchsorted(values, keys)]
    usable = (frequency >= 2) & (frequency <= max_df)
    keys, owners, frequency = keys[usable], owners[usable], frequency[usable]
    order = np.lexsort((keys, frequency, owners))
    keys, owners = keys[order], owners[order]
    first = np.searchsorted(owners, owners)
    rank = np.arange(len(owners)) - first
    keep = rank < per_owner
    return keys[keep], owners[keep]


# The opening of a text gives its cross-language anchors: a translation keeps it, and the
# cost stays bounded on long texts.
OPENING_CHARS = 2_000


def cross_language_pairs(
    texts: Sequence[str], languages: Sequence[str], per_text: int, max_df: int, min_shared: int
) -> PAIRS:
    """Pairs (i < j) of texts in different known languages sharing ``min_shared`` anchors.

    Nothing (and no work) unless ``languages`` hold two different codes; "" is unknown.
    """
    codes = {code: k for k, code in enumerate(sorted(set(languages) - {""}))}
    if len(codes) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    keys: list[int] = []
    owners: list[int] = []
    for row, (text, language) in enumerate(zip(texts, languages, strict=True)):
        if language:
            found = sorted(
                {xxhash.xxh32_intdigest(a.encode()) for a in anchors(text[:OPENING_CHARS])}
            )
            keys.extend(found)
            owners.extend([row] * len(found))
    key_array = np.asarray(keys, dtype=np.int64)
    owner_array = np.asarray(owners, dtype=np.int64)
    spoken = np.asarray([codes.get(code, 0) for code in languages], dtype=np.int64)
    usable = _in_two_languages(key_array, spoken[owner_array], len(codes).bit_length())
    chosen = rarest_keys(key_array[usable], owner_array[usable], per_text, max_df)
    pairs = shared_key_pairs(chosen[0], chosen[1], max_df, min_shared)
    return pairs[spoken[pairs[:, 0]] != spoken[pairs[:, 1]]] if len(pairs) else pairs


def _in_two_languages(keys: npt.NDArray[np.int64], spoken: npt.NDArray[np.int64], bits: int) -> B:
    """Which (key, owner) entries have a key held by texts of at least two languages
    (``spoken``: each entry's language number, below ``2**bits``)."""
    if len(keys) == 0:
        return np.zeros(0, dtype=bool)
    pairs = distinct((keys << bits) | spoken)
    values, languages = distinct_counts(pairs >> bits)
    found = np.searchsorted(values, keys)
    return languages[found] >= 2
