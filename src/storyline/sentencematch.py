"""Which sentences of two texts say the same in other words: content-word cosine, counted
for every sentence pair at once.

A text's sentences and their content words are laid out once per text as flat arrays
(:class:`TermEntries`); comparing two texts is then a few array operations and one sparse
product, where counting the shared words pair by pair in Python took most of the time of
a comparison of two long articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = ["TermEntries", "similar_sentences", "term_entries"]

# A term in over this many sentences of the other text says little about which two match:
# only its first ones count.
MAX_POSTINGS = 50
# Most sentence pairs share a word or two; fewer shared terms than this are no paraphrase.
MIN_SHARED = 3


@dataclass(frozen=True)
class TermEntries:
    """Every (sentence, term) of a text: ``sentence`` ascends, terms sorted within each;
    ``sizes`` is the number of terms of each sentence."""

    sentence: np.ndarray
    term: np.ndarray
    sizes: np.ndarray


def term_entries(sentence_terms: Sequence[set[str]]) -> TermEntries:
    """The flat layout of ``sentence_terms`` (terms of up to 6 letters)."""
    sentences: list[int] = []
    terms: list[str] = []
    for number, found in enumerate(sentence_terms):
        ordered = sorted(found)
        sentences.extend([number] * len(ordered))
        terms.extend(ordered)
    return TermEntries(
        np.array(sentences, dtype=np.int64),
        np.array(terms, dtype="<U6"),
        np.array([len(found) for found in sentence_terms], dtype=np.float64),
    )


def similar_sentences(
    a: TermEntries, a_keep: Sequence[int], b: TermEntries, b_keep: Sequence[int], least: float
) -> list[tuple[float, int, int]]:
    """(cosine, i, j) for each pair of the sentences ``a_keep[i]`` and ``b_keep[j]`` that
    share at least ``MIN_SHARED`` terms and whose term cosine is at least ``least``. A term
    counts only for the first ``MAX_POSTINGS`` kept sentences of ``b`` that hold it."""
    a_rows, a_terms = _kept(a, a_keep)
    b_rows, b_terms = _kept(b, b_keep)
    if not len(a_rows) or not len(b_rows):
        return []
    vocabulary, b_cols = np.unique(b_terms, return_inverse=True)
    where = np.minimum(np.searchsorted(vocabulary, a_terms), len(vocabulary) - 1)
    hit = vocabulary[where] == a_terms
    b_rows, b_cols = _first_postings(b_rows, b_cols.ravel())
    # Both laid out as compressed rows at once: a's entries come by sentence, the kept ones
    # of b by term, which is the layout of b's transpose.
    a_matrix = _rows_matrix(where[hit], a_rows[hit], (len(a_keep), len(vocabulary)))
    b_transposed = _rows_matrix(b_rows, b_cols, (len(vocabulary), len(b_keep)))
    shared = (a_matrix @ b_transposed).tocoo()
    enough = shared.data >= MIN_SHARED
    rows, cols, counts = shared.row[enough], shared.col[enough], shared.data[enough]
    a_sizes = a.sizes[np.asarray(a_keep, dtype=np.int64)]
    b_sizes = b.sizes[np.asarray(b_keep, dtype=np.int64)]
    cosines = counts / np.sqrt(a_sizes[rows] * b_sizes[cols])
    found = cosines >= least
    return [
        (float(cosine), int(i), int(j))
        for cosine, i, j in zip(cosines[found], rows[found], cols[found], strict=True)
    ]


def _kept(entries: TermEntries, keep: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """The entries of the sentences ``keep``, each sentence numbered by its place in it."""
    position = np.full(len(entries.sizes), -1, dtype=np.int64)
    position[np.asarray(keep, dtype=np.int64)] = np.arange(len(keep))
    rows = position[entries.sentence]
    mask = rows >= 0
    return rows[mask], entries.term[mask]


def _rows_matrix(columns: np.ndarray, rows: np.ndarray, shape: tuple[int, int]) -> csr_matrix:
    """A 0/1 matrix in compressed rows from entries listed row by row (``rows`` ascend)."""
    from scipy.sparse import csr_matrix  # slow import (a second): only when texts are compared

    pointers = np.zeros(shape[0] + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=shape[0]), out=pointers[1:])
    return csr_matrix((np.ones(len(columns), np.int32), columns, pointers), shape=shape)


def _first_postings(rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries whose row is among the first ``MAX_POSTINGS`` of their column (``rows``
    ascend within a column, as they are listed)."""
    order = np.argsort(cols, kind="stable")
    in_order = cols[order]
    rank = np.arange(len(order)) - np.searchsorted(in_order, in_order, side="left")
    kept = order[rank < MAX_POSTINGS]
    return rows[kept], cols[kept]
