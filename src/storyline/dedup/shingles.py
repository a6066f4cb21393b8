"""Vectorised word shingling: texts to 64-bit shingle hashes, one flat array per batch.

:func:`text_hashes` tokenises a whole batch of texts at once with numpy, on their UTF-8
bytes, by the rule of :func:`storyline.text.words` (letters and digits, joined by ' - or .;
CJK, kana, Hangul and Thai characters one token each) on the lower-cased text; each token is
hashed from its bytes, read 8 at a time as uint64 words, seeded. A k-shingle's hash is the
polynomial ``sum_j t[i+j] * P**(k-1-j) mod 2**64`` of its token hashes, finished with the
splitmix64 mixer so that every bit is usable. There is no Python call per word, which is
what makes datasketch and rensa pipelines slow. Texts shorter than k tokens give a single
shingle of all their tokens; empty texts give none.

:func:`token_hashes` does the same from token lists (xxh64 per distinct token), for the
passage aligner, which needs the tokens themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import Any

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


def distinct(values: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Sorted distinct values; np.unique's hash path is ~20x slower on big integer arrays."""
    ordered = np.sort(values, axis=None)
    if ordered.size == 0:
        return ordered
    keep = np.empty(ordered.size, dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def distinct_counts(values: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], I64]:
    """Sorted distinct values and how often each occurs."""
    ordered = distinct(values)
    sorted_all = np.sort(values, axis=None)
    counts = np.diff(np.append(np.searchsorted(sorted_all, ordered), sorted_all.size))
    return ordered, counts.astype(np.int64)


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
    every = list(chain.from_iterable(token_lists))
    vocabulary = dict.fromkeys(every, 0)
    for token in vocabulary:
        vocabulary[token] = xxhash.xxh64_intdigest(token.encode("utf-8"), seed)
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    offsets = np.zeros(len(token_lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = np.fromiter(map(vocabulary.__getitem__, every), dtype=np.uint64, count=len(every))
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


def text_shingles(text: str, size: int, seed: int) -> npt.NDArray[np.uint32]:
    """The shingle set of one text (see :func:`shingle_set`)."""
    flat, offsets, _ = text_hashes([text], seed)
    shingles, _ = shingle_hashes(flat, offsets, size)
    return shingle_set(shingles)


# --- byte-level tokeniser -------------------------------------------------------------------
# The same word rule as storyline.text.words, applied to UTF-8 bytes with numpy, so that a
# corpus is tokenised and hashed without one Python call per word. A word byte is an ASCII
# letter or digit or any byte of a non-ASCII character; "'", "-" and "." join two word bytes;
# CJK, kana, Hangul and Thai characters are one token each (CJK punctuation U+3000-U+303F is
# not a word). Case folding is str.lower() on the text.
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[
    np.frombuffer(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", np.uint8)
] = True
_WORD_BYTE[0x80:] = True
_JOINER = np.zeros(256, dtype=bool)
_JOINER[np.frombuffer(b"'-.", np.uint8)] = True
_ASCII_LOWER = np.arange(256, dtype=np.uint8)
_ASCII_LOWER[65:91] += 32
_UPPER_OR_DIGIT = np.zeros(256, dtype=bool)
_UPPER_OR_DIGIT[np.frombuffer(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", np.uint8)] = True
B = npt.NDArray[np.bool_]


def text_hashes(texts: Sequence[str], seed: int) -> tuple[U64, I64, B]:
    """Seeded token hashes of many texts, flat, with offsets and a "capitalised" flag per token.

    A token is capitalised when its first character, as written, is an ASCII digit or a
    letter that str.lower() changes: a capital of any script with case ("Paris", "Павел",
    "Élysée", "Łódź", "Αθήνα"), never a character of a caseless script such as CJK or Arabic
    (names, places, figures: the key terms of :mod:`.candidates`).
    """
    encoded = [t.encode("utf-8") for t in texts]
    # ASCII texts are lowered below, byte-wise. A text whose capitals lower to as many bytes
    # in all but not each ("İ" one more, "ẞ" one fewer) is not aligned: its capitals after
    # them may be missed, though always alike, whatever the other texts of the batch.
    lowered = [
        e if t.isascii() else t.lower().encode("utf-8") for t, e in zip(texts, encoded, strict=True)
    ]
    written = [
        e if len(e) == len(w) else _aligned(t, w)
        for t, e, w in zip(texts, encoded, lowered, strict=True)
    ]
    # 24 bytes of padding: every token start can be read as three little-endian uint64 words
    low = _ASCII_LOWER[np.frombuffer(b"\x00".join(lowered) + bytes(25), dtype=np.uint8)]
    raw = np.frombuffer(b"\x00".join(written) + bytes(25), dtype=np.uint8)
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=len(lowered))
    text_starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1])).astype(np.int64)
    word, starts = _word_bytes(low)
    begin = np.flatnonzero(starts)
    last = word.copy()
    last[:-1] &= ~(word[1:] & ~starts[1:])
    size = np.flatnonzero(last) + 1 - begin
    flat = _packed_hashes(low, begin, size, seed)
    bounds = np.append(text_starts, len(low)) if len(texts) else np.zeros(1, dtype=np.int64)
    offsets = np.searchsorted(begin, bounds).astype(np.int64)
    return flat, offsets, _capitals(raw, low, begin)


def _capitals(raw: npt.NDArray[np.uint8], low: npt.NDArray[np.uint8], begin: I64) -> B:
    """Whether each token's first character, as written (``raw``), is a digit or a capital.

    A capital is a first character whose bytes in ``raw`` and in ``low`` (the lowered text,
    aligned byte for byte) differ; a caseless character lowers to itself. The first 4 bytes
    of each token are read as one little-endian uint32 (the padding after the texts keeps
    them in bounds), masked to its first character's length.
    """
    capital = _UPPER_OR_DIGIT[raw[begin]]  # ASCII: the whole answer
    lead = low[begin]
    wide = lead >= 0x80
    count = int(np.count_nonzero(wide))
    if not count:
        return capital
    differ = raw ^ low
    bytes4 = np.ndarray((len(differ) - 3,), dtype="<u4", buffer=differ.data, strides=(1,))
    # either way the same flags, whatever the other texts of the batch
    if 4 * count < len(begin):  # a few, as an English text's "Élysée": read those only
        rows = np.flatnonzero(wide)
        capital[rows] |= (bytes4[begin[rows]] & _FIRST_CHAR[lead[rows]]) != 0
    else:
        capital |= wide & ((bytes4[begin] & _FIRST_CHAR[lead]) != 0)
    return capital


# The mask of a uint32 (little-endian) keeping the character its lead byte starts
_FIRST_CHAR = np.full(256, 0xFF, dtype=np.uint32)
_FIRST_CHAR[0xC0:0xE0] = 0xFFFF
_FIRST_CHAR[0xE0:0xF0] = 0xFFFFFF
_FIRST_CHAR[0xF0:] = 0xFFFFFFFF


def _aligned(text: str, lowered: bytes) -> bytes:
    """``text`` as written, byte for byte as long as ``lowered`` (its str.lower()).

    A few capitals lower to another number of bytes ("İ" to "i" and a combining dot,
    Kelvin "K" to "k"): each stands as that many "X", so that every other character keeps
    its place and its case (a Turkish text keeps its capitals). When the lengths still
    differ, the text has no capitals (``lowered`` itself).
    """
    table: dict[int, str] = {}
    for char in set(text):
        size = len(char.lower().encode("utf-8"))
        if size != len(char.encode("utf-8")):
            table[ord(char)] = "X" * size
    written = text.translate(table).encode("utf-8")
    return written if len(written) == len(lowered) else lowered


def _packed_hashes(low: npt.NDArray[np.uint8], begin: I64, size: I64, seed: int) -> U64:
    """Hash each token from its bytes read 8 at a time as uint64 words (unaligned views).

    Bytes past the token's end are masked off, so a token's hash depends on its bytes and
    length only. Tokens longer than 8 bytes fold in one more word per 8 bytes.
    """
    words = np.ndarray((len(low) - 7,), dtype="<u8", buffer=low.data, strides=(1,))
    salt = mix(np.full(1, seed & 0xFFFFFFFFFFFF, dtype=np.uint64))[0]
    acc = mix((words[begin] & _byte_mask(size)) ^ salt)
    chunk = 1
    rows = np.flatnonzero(size > 8)
    while rows.size:
        piece = words[begin[rows] + 8 * chunk] & _byte_mask(size[rows] - 8 * chunk)
        acc[rows] = mix(acc[rows] ^ (piece * _M1))
        chunk += 1
        rows = rows[size[rows] > 8 * chunk]
    return mix(acc + size.astype(np.uint64) * _P)


_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(8)] + [(1 << 64) - 1], dtype=np.uint64)


def _byte_mask(remaining: I64) -> U64:
    """uint64 masks keeping the first min(remaining, 8) bytes."""
    return _MASKS[np.minimum(remaining, 8)]


def _word_bytes(low: npt.NDArray[np.uint8]) -> tuple[B, B]:
    """(is a word byte, starts a token) for every byte of the joined texts."""
    word = _WORD_BYTE[low]
    joined = _JOINER[low]
    joined[1:-1] &= word[:-2] & word[2:]
    joined[[0, -1]] = False
    word |= joined
    starts = word.copy()
    starts[1:] &= ~word[:-1]
    if int(low.max(initial=0)) >= 0xE0:  # some CJK, kana, Hangul or Thai: one token per char
        word, starts = _split_wide(low, word, starts)
    return word, starts


def _split_wide(low: npt.NDArray[np.uint8], word: B, starts: B) -> tuple[B, B]:
    """Make every CJK, kana, Hangul and Thai character a token; CJK punctuation no word."""
    nxt = np.append(low[1:], 0)
    cjk_punct = (low == 0xE3) & (nxt == 0x80)
    lead = ((low >= 0xE3) & (low <= 0xED) & ~cjk_punct) | (
        (low == 0xE0) & ((nxt == 0xB8) | (nxt == 0xB9))
    )
    for shift in range(3):  # CJK punctuation: all three bytes are not words
        word[shift:] &= ~cjk_punct[: len(low) - shift]
    previous = np.concatenate(([False], word[:-1]))
    after_char = np.zeros(len(low), dtype=bool)
    after_char[3:] = lead[:-3]
    return word, word & (~previous | lead | after_char)


def sequence_hashes(flat: U64, offsets: I64) -> U64:
    """One hash per text of its whole token sequence (0 for an empty text): exact duplicates."""
    counts = np.diff(offsets)
    within = np.arange(len(flat), dtype=np.int64) - np.repeat(offsets[:-1], counts)
    values = mix(flat + within.astype(np.uint64) * _P)
    out = np.zeros(len(counts), dtype=np.uint64)
    filled = counts > 0
    if filled.any():
        out[filled] = mix(np.add.reduceat(values, offsets[:-1][filled]))
    return out


def shingle_set(shingles: U64) -> npt.NDArray[np.uint32]:
    """The sorted distinct top 32 bits of shingle hashes: the set Jaccard is measured on.

    32 bits halve the memory of verification; two different shingles of a pair collide
    with probability about n**2 / 2**33, negligible for news-sized texts.
    """
    return distinct((shingles >> np.uint64(32)).astype(np.uint32))
