"""Timelines: temporal expressions, date resolution and dated events.

``tag_dates`` finds and resolves temporal expressions in a sentence; ``build_timeline`` turns
articles into dated entries (each backed by its sentences and sources) plus the mentions
that could not be dated, with the reason.
"""

from __future__ import annotations

from ..entry import make_callable
from .events import Timeline, TimelineOptions, build_timeline
from .published import infer_published, published_conflict
from .temporal import DateMention, tag_dates

__all__ = [
    "DateMention",
    "Timeline",
    "TimelineOptions",
    "build_timeline",
    "infer_published",
    "published_conflict",
    "tag_dates",
]


make_callable(__name__)  # storyline.timeline(...) is also the API function (see storyline.entry)
