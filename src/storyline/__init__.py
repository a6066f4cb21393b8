"""storyline: stories, duplicates, timelines and attributed summaries from overlapping news."""

from __future__ import annotations

from .api import compare, digest, duplicates, ingest, run, search, stories, summarize, timeline
from .errors import (
    IncompatibleParametersError,
    InputError,
    NotFoundError,
    NothingToDoError,
    OptionsError,
    StoreError,
    StorylineError,
)
from .model import (
    Article,
    Claim,
    Digest,
    DuplicateGroup,
    Evidence,
    Passage,
    Relation,
    Skipped,
    Span,
    Story,
    TimelineEntry,
    Topic,
    Variant,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "Digest",
    "DuplicateGroup",
    "Evidence",
    "IncompatibleParametersError",
    "InputError",
    "NotFoundError",
    "NothingToDoError",
    "OptionsError",
    "Passage",
    "Relation",
    "Skipped",
    "Span",
    "StoreError",
    "Story",
    "StorylineError",
    "TimelineEntry",
    "Topic",
    "Variant",
    "__version__",
    "compare",
    "digest",
    "duplicates",
    "ingest",
    "run",
    "search",
    "stories",
    "summarize",
    "timeline",
]
