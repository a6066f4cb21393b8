"""storyline: stories, duplicates, timelines and attributed summaries from overlapping news."""

from __future__ import annotations

import sys
import types
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
    "run",
    "search",
    "stories",
    "summarize",
    "timeline",
)

if TYPE_CHECKING:
    from .api import compare, digest, duplicates, ingest, run, search, stories, summarize, timeline


def __getattr__(name: str) -> Any:
    """Load the API (and with it scikit-learn, trafilatura...) only when it is first used."""
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


def _api_function(name: str) -> property:
    def get(_package: types.ModuleType) -> Any:
        return __getattr__(name)

    def keep(_package: types.ModuleType, _submodule: Any) -> None:
        """The subpackage stays in ``sys.modules``, where ``from storyline.X import`` finds it."""

    return property(get, keep)


class _Package(types.ModuleType):
    """``storyline.ingest``, ``.stories`` and ``.timeline`` are API functions and subpackages
    at once. Importing a subpackage sets the package's attribute of that name to the module,
    which would turn the function into a module after the first call (or after any
    ``from storyline.stories import ...``); here the function always wins."""

    ingest = _api_function("ingest")
    stories = _api_function("stories")
    timeline = _api_function("timeline")


sys.modules[__name__].__class__ = _Package


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
