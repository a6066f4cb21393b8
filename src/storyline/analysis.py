"""What an analysis gives the commands: the digest, its JSON, and the stage results behind it.

An analysis is computed by :func:`storyline.pipeline.analyse`, or read back from the digest
the store kept when nothing changed since (:mod:`storyline.current`): then the dedup and
story stages did not run, and asking for their own results says so instead of answering
with nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from .changes import Changes
from .dedup import DedupResult
from .errors import StorylineError
from .heap import no_cyclic_gc
from .model import Digest
from .render.jsonout import Encoded
from .results import with_held as whole_story
from .stories import StoryResult


class NotComputedError(StorylineError):
    """A stage result asked of an analysis that was read back from the stored digest."""


@dataclass(frozen=True)
class Stages:
    """The dedup and story stages' own results (relations with their index, assignments with
    their reasons); None for an analysis read back from the stored digest."""

    dedup: DedupResult | None = None
    stories: StoryResult | None = None


@dataclass(frozen=True)
class Analysis:
    """What :func:`~storyline.pipeline.analyse` computed before rendering: the digest and
    the stage results, and the digest's JSON as saved in the store (encoding it again costs
    seconds at 100k).

    ``outline`` is the digest but for the stored timelines and summaries the run did not
    decode (its stories hold none); :attr:`digest` decodes them when first read, so a run
    that only wants the JSON, or counts, does not (3-4 s of an update of 10 into 100k)."""

    outline: Digest
    stages: Stages = field(repr=False, compare=False)
    json: str
    held: Encoded = field(repr=False, compare=False)
    changes: Changes | None = None  # since the database's previous digest (api.run sets it)

    @cached_property
    def digest(self) -> Digest:
        """The whole digest: every story with its timeline and summary."""
        with no_cyclic_gc():  # millions of objects, none in a cycle: see storyline.heap
            stories = tuple(whole_story(story, self.held) for story in self.outline.stories)
        return replace(self.outline, stories=stories)

    @property
    def stored(self) -> bool:
        """Whether the analysis was read back from the stored digest, not computed."""
        return self.stages.dedup is None

    @property
    def dedup(self) -> DedupResult:
        """The dedup stage's result; NotComputedError for an analysis read back."""
        if self.stages.dedup is None:
            raise NotComputedError(_NOT_COMPUTED.format("dedup"))
        return self.stages.dedup

    @property
    def stories(self) -> StoryResult:
        """The story stage's result; NotComputedError for an analysis read back."""
        if self.stages.stories is None:
            raise NotComputedError(_NOT_COMPUTED.format("stories"))
        return self.stages.stories


_NOT_COMPUTED = (
    "this analysis was read back from the stored digest (digest_only=True): its {} stage "
    "did not run; analyse without digest_only for the stage's own results"
)
