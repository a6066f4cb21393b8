"""storyline: stories, duplicates, timelines and attributed summaries from overlapping news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

_API = (
    "compare",
    "digest",
    "duplicates",
    "ingest",
    "mark_digested",
    "run",
    "search",
    "stories",
    "summarize",
    "timeline",
)

if TYPE_CHECKING:
    from .api import (
        compare,
        digest,
        duplicates,
        ingest,
        mark_digested,
        run,
        search,
        stories,
        summarize,
        timeline,
    )


def __getattr__(name: str) -> Any:
    """Load the API (and with it scikit-learn, trafilatura...) only when it is first used."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


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
    "mark_digested",
    "run",
    "search",
    "stories",
    "summarize",
    "timeline",
]
