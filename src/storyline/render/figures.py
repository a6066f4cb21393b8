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

from ..model import Passage, Span, TimelineEntry, Variant
from ..summary.disagreement import CLOSE, differing_figures
from ..summary.sentences import content, cosine, tokens
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


def entry_variants(entry: TimelineEntry) -> tuple[Variant, ...]:
    """The versions of a figure of a timeline entry's sentence that its sources give
    otherwise: the sentence's own first (with the articles that do not dispute it), then each
    other version in the order of the evidence. Empty when no source disputes it.

    An entry prints one sentence and cites every article that dates the same event: a rewrite
    that says "At least 47 people died" on the same Saturday was cited under "Seven people
    died" as if it said so. A source disputes the figure when its sentence gives the same
    unit in another value and is close to the entry's as a whole (content-word cosine at
    least the summary's ``CLOSE``): a different count of something else in another
    sentence ("3 people were arrested") is no dispute. Only the first disputed figure is
    listed, as in a summary."""
    mine = ""
    own: list[str] = []
    rivals: dict[str, tuple[str, list[str]]] = {}
    stems = content(tokens(entry.text))
    for evidence in entry.evidence:
        pairs = differing_figures(entry.text, evidence.text) if evidence.text != entry.text else ()
        close = bool(pairs) and cosine(stems, content(tokens(evidence.text))) >= CLOSE
        if close and pairs[0][0] == (mine or pairs[0][0]):
            mine, theirs = pairs[0]
            rivals.setdefault(theirs.casefold(), (theirs, []))[1].append(evidence.article_id)
        else:
            own.append(evidence.article_id)
    if not rivals:
        return ()
    versions = [(mine, own), *rivals.values()]
    return tuple(Variant(text, tuple(dict.fromkeys(ids))) for text, ids in versions if ids)
