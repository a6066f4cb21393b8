"""Language identification with py3langid's bundled model: offline and deterministic."""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from .text import has_cjk

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.3
_MAX_CHARS = 1_000  # the opening decides: cost grows with length, accuracy barely does
_LETTER = re.compile(r"[^\W\d_]")


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or "" when too short or too uncertain.

    Text with fewer than 10 letters (5 CJK characters) is too short to tell. Only two-letter
    codes are candidates, so the answer is always ISO 639-1 or "".
    """
    sample = text[:_MAX_CHARS]
    needed = MIN_LETTERS // 2 if has_cjk(sample) else MIN_LETTERS
    if len(_LETTER.findall(sample[:200])) < needed and len(_LETTER.findall(sample)) < needed:
        return ""
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return ""
    return str(code)


def language_code(value: str) -> str:
    """A given language tag ("EN", "en-US", "pt_BR") as its ISO 639-1 code, else ""."""
    tag = value.strip().replace("_", "-").split("-")[0].lower()
    return tag if len(tag) == 2 and tag.isascii() and tag.isalpha() else ""


@cache
def _identifier() -> _Identifier:
    """Load the model once (about a second); it is never mutated after loading."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier  # type: ignore[no-any-return]
