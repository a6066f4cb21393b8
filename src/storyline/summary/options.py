"""The one options object of the summary stage."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import OptionsError
from ..options import check_fields, check_range


@dataclass(frozen=True)
class SummaryOptions:
    """How long the summary may be and how sentences are weighed.

    Exactly one bound is used: ``max_words`` counts whitespace-separated words of the printed
    sentences (characters, in CJK or Thai text); ``max_bytes`` counts UTF-8 bytes of the
    sentences joined by single spaces (DUC's limit is ``max_bytes=665, max_words=None``).

    ``redundancy`` is the largest content-word cosine a new sentence may have with one already
    chosen. ``position_weight`` boosts early sentences (news puts the gist first):
    gain x (1 + position_weight / (1 + index)). ``length_exponent`` r divides a sentence's
    gain by words**r (r=0: length ignored, r=1: gain per word). ``support_similarity`` is the
    content-word cosine, and the word-overlap F1, above which another article's sentence
    counts as the same statement. ``unigram_weight`` is what a shared content word is worth
    against a shared bigram. Sentences outside ``min_words``..``max_sentence_words`` are
    used only when nothing else is left; only the first ``max_sentences_per_article``
    sentences of an article are read, so a 50 MB article costs no more than a long one.

    The weights were chosen on half of the DUC 2004 development clusters (see
    ``bench/RESULTS.md``).
    """

    max_words: int | None = 100
    max_bytes: int | None = None
    redundancy: float = 0.3
    position_weight: float = 2.0
    length_exponent: float = 1.0
    unigram_weight: float = 1.0
    min_words: int = 6
    max_sentence_words: int = 60
    support_similarity: float = 0.6
    max_sentences_per_article: int = 400

    def __post_init__(self) -> None:
        check_fields(self)
        if (self.max_words is None) == (self.max_bytes is None):
            raise OptionsError("give exactly one of max_words and max_bytes")
        for name in ("max_words", "max_bytes", "min_words", "max_sentences_per_article"):
            check_range(self, name, 1)
        for name in ("redundancy", "support_similarity"):
            check_range(self, name, 0.0, 1.0, low_open=True)
        check_range(self, "position_weight", 0.0)
        check_range(self, "unigram_weight", 0.0)
        check_range(self, "length_exponent", 0.0, 2.0)
        check_range(self, "max_sentence_words", self.min_words)
