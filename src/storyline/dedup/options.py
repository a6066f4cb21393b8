"""The one options record of the dedup and reuse stage, with news defaults."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..errors import OptionsError
from ..options import check_fields, check_range

HASH_SCHEME = "packed-words/poly-splitmix64/oph-rotation/band-u32/v2"


@dataclass(frozen=True)
class DedupOptions:
    """Parameters of shingling, MinHash, LSH, verification and passage alignment.

    Shingles are ``shingle_size`` consecutive words. ``threshold`` is the Jaccard similarity
    of shingle sets from which two texts are near-duplicates; ``containment`` the share of
    the shorter text's shingles found in the longer from which it is an excerpt. LSH cuts
    the ``num_perm`` MinHash values into ``bands`` bands of ``rows`` (bands * rows <=
    num_perm). A verbatim passage needs ``min_passage_words`` aligned words, tolerating gaps
    of ``max_gap`` words. Sentences whose content-word cosine is at least ``paraphrase`` are
    paraphrases; a ``rewrite`` needs paraphrased or reused sentences covering
    ``rewrite_coverage`` of the shorter text, a content-word Jaccard of at least
    ``rewrite_terms`` over the whole texts, and a shorter text holding at least
    ``rewrite_length_ratio`` of the longer's words (twice that below 3 sentences).
    A text longer than ``max_align_chars`` is compared by its shingles only (no passages, so
    never a rewrite or shares-passages): alignment is linear but slow on a 50 MB text.
    """

    shingle_size: int = 5
    num_perm: int = 128
    seed: int = 1
    bands: int = 32
    rows: int = 4
    threshold: float = 0.7
    containment: float = 0.8
    min_passage_words: int = 12
    max_gap: int = 3
    paraphrase: float = 0.4
    rewrite_coverage: float = 0.6
    rewrite_terms: float = 0.2
    rewrite_length_ratio: float = 0.4
    window: int = 8
    key_terms: int = 12
    min_shared_anchors: int = 2
    min_shared_terms: int = 3
    max_df: int = 50
    max_bucket: int = 64
    max_sentences: int = 2000
    max_align_chars: int = 2_000_000
    chunk_size: int = 1024
    align: bool = True

    def __post_init__(self) -> None:
        check_fields(self)
        for f in fields(self):
            if f.type == "int":  # every count, size and seed is at least 1
                check_range(self, f.name, 1)
        ratios = ("threshold", "containment", "paraphrase", "rewrite_coverage", "rewrite_terms")
        for name in (*ratios, "rewrite_length_ratio"):
            check_range(self, name, 0.0, 1.0, low_open=True)
        if self.bands * self.rows > self.num_perm:
            raise OptionsError(
                f"bands * rows ({self.bands} * {self.rows}) exceeds num_perm ({self.num_perm})"
            )
        check_range(self, "num_perm", 1, 4096)
        check_range(self, "max_bucket", 2)
        check_range(self, "max_df", 2)

    def params(self) -> dict[str, int | float | str]:
        """What makes two signature indexes comparable; stored with every index."""
        return {
            "scheme": HASH_SCHEME,
            "shingle_size": self.shingle_size,
            "num_perm": self.num_perm,
            "seed": self.seed,
            "bands": self.bands,
            "rows": self.rows,
        }


DEFAULT_OPTIONS = DedupOptions()
