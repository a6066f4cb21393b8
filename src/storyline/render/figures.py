"""The figures that the two sides of an aligned passage give differently.

A copy that changed a toll reads as a close paraphrase unless the view points at the figure.
The figure is often where the aligner cannot see it: a verbatim passage starts at the first
word the two sides share, so a rewrite that changed the head of a sentence ("At least 47
people died and 31 were injured ..." / "Seven people died and 31 were injured ...") aligns
from "people died" or "and 31", and the changed figure lies just outside the passage. With
the articles' texts at hand, a passage that makes up most of its sentence on both sides is
therefore compared as those whole sentences: they are the same sentence, copied with edits.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Passage, Span
from ..summary.disagreement import differing_figures
from ..text import split_sentences, words

# A passage stands for its sentences when it holds at least this share of each one's words:
# below it, the rest of a sentence may say something else, whose figures are no rival.
_SENTENCE_SHARE = 0.5


def figure_differences(
    passages: Sequence[Passage], a_text: str = "", b_text: str = ""
) -> dict[int, tuple[tuple[str, str], ...]]:
    """Passage number (from 1, as :func:`~storyline.render.views.passage_spans`) -> the
    figures its two sides give differently ("12 people" / "2 people").

    ``a_text`` and ``b_text`` are the two articles' texts (the passages' offsets index into
    them); without them, only the passages' own words are compared."""
    a_spans = split_sentences(a_text) if a_text else []
    b_spans = split_sentences(b_text) if b_text else []
    found = {}
    for number, p in enumerate(passages, start=1):
        if p.kind == "translation":
            continue
        a_side = _sentences_of(a_text, a_spans, p.a_start, p.a_end, p.a_text)
        b_side = _sentences_of(b_text, b_spans, p.b_start, p.b_end, p.b_text)
        if a_side is None or b_side is None:  # compare the passage as aligned
            a_side, b_side = p.a_text, p.b_text
        if pairs := differing_figures(a_side, b_side):
            found[number] = pairs
    return found


def _sentences_of(
    text: str, spans: Sequence[Span], start: int, end: int, passage: str
) -> str | None:
    """The sentences of ``text`` that the passage ``start:end`` lies in, when the passage
    holds most of their words; else None."""
    if not text or text[start:end] != passage:  # offsets of another text: do not guess
        return None
    inside = [s for s in spans if s.start < end and s.end > start]
    if not inside:
        return None
    whole = text[min(inside[0].start, start) : max(inside[-1].end, end)]
    if len(words(passage)) < _SENTENCE_SHARE * len(words(whole)):
        return None
    return whole
