"""The versions of a timeline entry's figure that its sources give otherwise.

An entry prints one sentence and cites every article that dates the same event: a rewrite
that says "At least 47 people died" on the same Saturday was cited under "Seven people died"
as if it said so. The versions are part of the entry (the digest JSON carries them, as a
summary sentence carries its own), computed once by the pipeline rather than by each
renderer. This module is not imported by the package's ``__init__``: it reads the summary
stage's figure comparison, and the summary stage reads the timeline's date tagger.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import TimelineEntry, Variant
from ..summary.attribution import ALIGNED_SIMILARITY
from ..summary.disagreement import differing_figures
from ..summary.sentences import content, cosine, tokens
from .events import Timeline

# An entry's evidence is what the events stage merged as one event of its date (TF-IDF
# cosine at least ``merge_similarity``, or a copy): a sentence of it that gives the figure
# otherwise needs only the content-word overlap the summary asks of an aligned rewrite, not
# the summary's ``CLOSE`` for any sentence of a story. At ``CLOSE`` "More than 20 people died
# when the overloaded ferry sank ..." was cited under "At least 14 people died when the
# passenger ferry capsized ..." with no word of its toll (cosine 0.52; QA, session 28).
_SAME_EVENT = ALIGNED_SIMILARITY


def entry_variants(entry: TimelineEntry) -> tuple[Variant, ...]:
    """The sentence's own version first (with the articles that do not dispute it), then
    each other version in the order of the evidence; empty when no source disputes it.

    A source disputes the figure when its sentence gives the same unit in another value and
    is close to the entry's as a whole (content-word cosine at least ``_SAME_EVENT``): a
    different count of something else in another sentence ("3 people were arrested") is no
    dispute. Only the first disputed figure is listed, as in a summary."""
    mine = ""
    own: list[str] = []
    rivals: dict[str, tuple[str, list[str]]] = {}
    stems = content(tokens(entry.text))
    for evidence in entry.evidence:
        pairs = differing_figures(entry.text, evidence.text) if evidence.text != entry.text else ()
        close = bool(pairs) and cosine(stems, content(tokens(evidence.text))) >= _SAME_EVENT
        if close and pairs[0][0] == (mine or pairs[0][0]):
            mine, theirs = pairs[0]
            rivals.setdefault(theirs.casefold(), (theirs, []))[1].append(evidence.article_id)
        else:
            own.append(evidence.article_id)
    if not rivals:
        return ()
    versions = [(mine, own), *rivals.values()]
    return tuple(Variant(text, tuple(dict.fromkeys(ids))) for text, ids in versions if ids)


def with_variants(timeline: Timeline) -> Timeline:
    """``timeline`` with each dated and undated entry's :func:`entry_variants`."""
    return replace(
        timeline,
        entries=tuple(_with_variants(entry) for entry in timeline.entries),
        undated=tuple(_with_variants(entry) for entry in timeline.undated),
    )


def _with_variants(entry: TimelineEntry) -> TimelineEntry:
    # The days in dispute, set by the events stage (.disputes), come first and stay: the
    # sentences that give the other days are off the timeline, so these are all that says so.
    variants = entry_variants(entry)
    return replace(entry, variants=entry.variants + variants) if variants else entry
