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

import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from ..ingest.dates import published_instant
from ..model import Article, Passage
from ..provenance import SAME_TEXT_KINDS
from ..summary.disagreement import differing_figures
from ..summary.foreign import differing_numbers
from ..text import CARDINALS, split_sentences
from .views import DigestIndex, oriented

# A passage stands for its sentences when it holds at least this share of each one's words:
# below it, the rest of a sentence may say something else, whose figures are no rival.
_SENTENCE_SHARE = 0.5


def figure_differences(
    passages: Sequence[Passage],
    a_text: str = "",
    b_text: str = "",
    languages: tuple[str, str] = ("", ""),
) -> dict[int, tuple[tuple[str, str], ...]]:
    """Passage number (from 1, as :func:`~storyline.render.views.passage_spans`) -> the
    figures its two sides give differently ("12 people" / "2 people").

    ``a_text`` and ``b_text`` are the two articles' texts (the passages' offsets index into
    them); without them, only the passages' own words are compared. A translation's sentence
    pair is compared by its numbers, in digits or in the ``languages``' words ("46 тисяч" /
    "64 thousand"): a content farm's translation that changed a figure reads as faithful
    otherwise."""
    found = {}
    for number, p in enumerate(passages, start=1):
        if p.kind == "translation":
            if pairs := differing_numbers(p.a_text, languages[0], p.b_text, languages[1]):
                found[number] = pairs
            continue
        if _same_numbers(p, a_text, b_text):
            continue
        a_side = _sentences_of(a_text, p.a_start, p.a_end, p.a_text)
        b_side = _sentences_of(b_text, p.b_start, p.b_end, p.b_text)
        if a_side is None or b_side is None:  # compare the passage as aligned
            a_side, b_side = p.a_text, p.b_text
        if a_side == b_side or _numbers(a_side) == _numbers(b_side):
            continue
        if pairs := differing_figures(a_side, b_side):
            found[number] = pairs
    return found


def _same_numbers(passage: Passage, a_text: str, b_text: str) -> bool:
    """Whether the passage, and the rest of the lines it lies in, give the same numbers on
    both sides (but for numbers swapped, which this leaves out): then neither the passage
    nor its sentences give a figure another value. Most passages of a copy; the figure
    rules and the sentence split are the costly part, and the digest runs them for every
    copy it lists."""
    inside = passage.a_text == passage.b_text
    if not inside and _numbers(passage.a_text) != _numbers(passage.b_text):
        return False
    a_edges = _edges(a_text, passage.a_start, passage.a_end, passage.a_text)
    b_edges = _edges(b_text, passage.b_start, passage.b_end, passage.b_text)
    if a_edges is None or b_edges is None:  # only the passage can be compared
        return True
    return all(_numbers(a) == _numbers(b) for a, b in zip(a_edges, b_edges, strict=True))


def _edges(text: str, start: int, end: int, passage: str) -> tuple[str, str] | None:
    """The rest of the passage's first and last lines, before and after it."""
    if not text or text[start:end] != passage:
        return None
    last = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : start], text[end : len(text) if last < 0 else last]


def _sentences_of(text: str, start: int, end: int, passage: str) -> str | None:
    """The sentences of ``text`` that the passage ``start:end`` lies in, when the passage
    holds most of their words; else None."""
    if not text or text[start:end] != passage:  # offsets of another text: do not guess
        return None
    # Widen only where the rest of the line holds a number: a passage that starts its line,
    # or whose line gives no figure before it, gains nothing from the words before it (most
    # passages of a copy); and no line is split then.
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not (_has_number(text[line_start:start]) or _has_number(text[end:line_end])):
        return passage
    first, last = _sentence_at(text, start)[0], _sentence_at(text, max(start, end - 1))[1]
    whole = text[min(first, start) : max(last, end)]
    if len(passage.split()) < _SENTENCE_SHARE * len(whole.split()):
        return None
    return whole


def _sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence of ``text`` that holds ``offset``, or of the gap
    between two sentences; only its line is split (lines are sentence boundaries in
    :func:`~storyline.text.split_sentences`)."""
    first = text.rfind("\n", 0, offset) + 1
    last = text.find("\n", offset)
    last = len(text) if last < 0 else last
    for start, end in _line_sentences(text[first:last]):
        if end > offset - first:
            return first + min(start, offset - first), first + end
    return offset, offset


@functools.lru_cache(maxsize=4096)
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one line, by offsets: the passages of a copy (and the copy's lines
    listed under its story and again with the relations) ask for the same lines."""
    return tuple((span.start, span.end) for span in split_sentences(line))


def _numbers(text: str) -> Counter[str]:
    """The numbers of ``text``, digits and number words (case aside)."""
    return Counter(w for w in _TOKEN.findall(text.lower()) if w[0].isdigit() or w in CARDINALS)


def _has_number(text: str) -> bool:
    return any(w[0].isdigit() or w in CARDINALS for w in _TOKEN.findall(text.lower()))


# Words of ASCII letters, or runs of digits: a number word is looked up in a set, which is
# several times quicker than a case-blind alternation of every number word.
_TOKEN = re.compile(r"\d+|[a-z]+")


def copy_changes(
    index: DigestIndex,
    copy_id: str,
    original_id: str,
    texts: Mapping[str, Article] | None = None,
) -> tuple[tuple[str, str], ...]:
    """The figures that ``copy_id`` gives otherwise than ``original_id``, (the copy's, the
    original's), over every passage of their relation: a duplicate or a rewrite that changed
    the toll is listed under the original it copies, and the article list should not read
    as if it said the same.

    ``texts``: articles with their text, when the index's hold none (the web app); without
    an article's text only its passages are compared."""
    known = index.figure_changes.get((copy_id, original_id))
    if texts is None and known is not None:  # () too: most copies change nothing
        return known
    copy, original = ((texts or {}).get(i) or index.article(i) for i in (copy_id, original_id))
    relation = oriented(index.relation(copy_id, original_id), copy)
    languages = (copy.language or "", original.language or "")
    passages = relation.passages if relation else ()
    found = figure_differences(passages, copy.text, original.text, languages)
    changes = tuple(dict.fromkeys(pair for pairs in found.values() for pair in pairs))
    if texts is None:  # the web app's index lives on: it keeps no result of one page's texts
        index.figure_changes[(copy_id, original_id)] = changes
    return changes


def changes_note(
    pairs: Sequence[tuple[str, str]], number: int, escape: Callable[[str], str] = str
) -> str:
    """ "figures differ: Nine people here / Seven people in [1]", or "" when none differ;
    ``escape`` is applied to the figures (they come from the articles), not to the marker."""
    if not pairs:
        return ""
    shown = "; ".join(
        f"{escape(mine)} here / {escape(theirs)} in [{number}]" for mine, theirs in pairs
    )
    return f"figures differ: {shown}"


def backdated_note(index: DigestIndex, copy_id: str, original_id: str, number: int) -> str:
    """ "dated before [1], which it copies: that date is not believed", when ``copy_id`` is a
    copy of the text of ``original_id`` (a duplicate or near-duplicate whose relation names
    that one the original) and is dated before it (a reprint stamped the evening before the
    strike it reports); "" otherwise. The provenance
    stage reads it so already; the list says it, or the date shown beside the copy reads as
    the first report's."""
    relation = index.relation(copy_id, original_id)
    # Only a copy of the very text disbelieves its date (provenance.backdated): an excerpt
    # named so by what it holds may be the forward of a channel post made before its page.
    if relation is None or relation.original != original_id or relation.kind not in SAME_TEXT_KINDS:
        return ""
    copy, original = index.article(copy_id), index.article(original_id)
    at_copy, at_original = published_instant(copy.published), published_instant(original.published)
    if at_copy is None or at_original is None or not at_copy.before(at_original):
        return ""
    return f"dated before [{number}], which it copies: that date is not believed"


def copy_notes(
    index: DigestIndex,
    copy_id: str,
    originals: Sequence[tuple[str, int]],
    texts: Mapping[str, Article] | None = None,
    escape: Callable[[str], str] = str,
) -> list[str]:
    """What the line of ``copy_id`` says of the ``originals`` (id, number) it copies: the
    figures it gives otherwise (:func:`changes_note`), then a date not believed
    (:func:`backdated_note`); only the notes that say something."""
    changes = [
        changes_note(copy_changes(index, copy_id, original, texts), number, escape)
        for original, number in originals
    ]
    dated = [backdated_note(index, copy_id, original, number) for original, number in originals]
    return [note for note in (*changes, *dated) if note]
