"""The one options object of the stories stage."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ..errors import OptionsError
from ..options import check_fields, check_range
from .index import Cosines

# Options that change how stored story vectors are built: a state made with other values
# cannot be extended (see ``StoryState.check_compatible``).
FEATURE_OPTIONS = (
    "title_weight",
    "max_article_terms",
    "max_story_terms",
    "max_story_entities",
    "min_number_digits",
    "place_weight",
)

# The join decisions ``join_rule`` may name (see :mod:`storyline.stories.decision`).
JOIN_RULES = ("threshold", "fitted")


@dataclass(frozen=True)
class StoryOptions:
    """Thresholds and weights of the single-pass story clustering.

    An article's score against a story is ``(1 - entity_weight - number_weight) * cos(terms)
    + entity_weight * cos(names) + number_weight * cos(numbers)``, multiplied by the
    time decay ``0.5 ** (gap_days / half_life_days)`` when both sides are dated. It joins the
    best story whose score reaches ``threshold``, else it founds a new one. ``warmup_boost``
    can raise the threshold while few documents have been seen (see :meth:`threshold_at`);
    it is off by default because it splits small collections (a folder of ten articles on
    one event) far more than it helps the start of a long stream. A signal that is empty on
    either side drops out and the others share its weight. An article whose language
    differs from the story's is scored on names, numbers and the concepts of its words
    (:mod:`~storyline.stories.concepts`), which do not depend on the language. Stories
    whose last article is more than ``max_gap_days`` older are no longer candidates.

    An article that reuses passages of an already placed article (a rewrite, an excerpt, a
    shared quote, found by the dedup stage and passed as ``links``) joins that article's
    story when its score reaches ``reuse_factor`` times the threshold: shared text is strong
    evidence of the same event, which word overlap alone can miss in a reworded article.

    Country names, demonyms, continents and blocs (:data:`~storyline.stories.places.
    BROAD_PLACES`) weigh ``place_weight`` times as much as other terms and names: in a
    collection about one crisis they name the subject, not the event.

    Round figures ("100,000", "200", "5,000": a whole number of at least 100 with one
    significant digit; years are not round) weigh ``round_figure_weight`` times as much as
    other figures when an article is scored against the stories, 0 leaving them out: such
    approximations are shared by many unrelated incidents, so they do not tell one from
    another. Stories keep them in their centroids.

    ``join_rule`` "threshold" joins the best story when its score reaches ``threshold``;
    "fitted" (the default) also weighs the channels apart, the second-best score and the
    story's size (:mod:`~storyline.stories.decision`), its bar moving with ``threshold``; for
    an article of fewer than 30 distinct terms (a short wire) the threshold decides, and such
    an article must share two keys with a story (see :data:`~storyline.stories.cluster.
    SHORT_TERMS`).

    Topics group stories whose score ``(1 - topic_entity_weight) * cos(terms) +
    topic_entity_weight * cos(names)`` reaches ``topic_threshold``; figures name incidents,
    not subjects, and are left out (see :func:`~storyline.stories.topics.subject_options`).
    """

    threshold: float = 0.26
    entity_weight: float = 0.45
    number_weight: float = 0.15
    title_weight: int = 2
    half_life_days: float = 14.0
    max_gap_days: int = 60
    max_article_terms: int = 64
    max_story_terms: int = 120
    max_story_entities: int = 60
    min_number_digits: int = 2
    query_terms: int = 10
    max_candidates: int = 12
    index_terms: int = 24
    posting_cap: int = 100
    topic_threshold: float = 0.1
    topic_entity_weight: float = 0.3
    warmup_boost: float = 0.0
    warmup_docs: int = 30
    keywords: int = 6
    reuse_factor: float = 0.5
    place_weight: float = 0.3
    round_figure_weight: float = 0.0
    join_rule: str = "fitted"

    def __post_init__(self) -> None:
        check_fields(self)
        for name in (
            "threshold",
            "entity_weight",
            "number_weight",
            "topic_threshold",
            "topic_entity_weight",
            "warmup_boost",
            "reuse_factor",
            "place_weight",
            "round_figure_weight",
        ):
            check_range(self, name, 0.0, 1.0)
        if self.join_rule not in JOIN_RULES:
            raise OptionsError(f"join_rule must be one of {JOIN_RULES}, got {self.join_rule!r}")
        if self.entity_weight + self.number_weight > 1.0:
            raise OptionsError("entity_weight + number_weight must not exceed 1")
        check_range(self, "half_life_days", 0.0, low_open=True)
        positive = (
            "title_weight",
            "max_gap_days",
            "max_article_terms",
            "max_story_terms",
            "max_story_entities",
            "min_number_digits",
            "query_terms",
            "max_candidates",
            "index_terms",
            "posting_cap",
            "keywords",
            "warmup_docs",
        )
        for name in positive:
            check_range(self, name, 1)

    def combine(self, cosines: Cosines, crossing: bool) -> float:
        """One score from the term, name and number cosines. A channel that is empty on
        either side (None) drops out and the others share its weight; across languages the
        terms drop out."""
        # Channel by channel, the same additions in the same order as a loop (unrolled: this
        # runs for every candidate story of every article).
        terms, names, figures = cosines
        total = used = 0.0
        if terms is not None and not crossing:
            weight = 1.0 - self.entity_weight - self.number_weight
            total += weight * terms
            used += weight
        if names is not None:
            total += self.entity_weight * names
            used += self.entity_weight
        if figures is not None:
            total += self.number_weight * figures
            used += self.number_weight
        return total / used if used else 0.0

    def threshold_at(self, n_docs: int) -> float:
        """The join threshold after ``n_docs`` documents: higher while the IDF has seen few
        documents (words common to the whole collection still look rare and inflate every
        cosine), relaxing towards ``threshold``."""
        return self.threshold + self.warmup_boost * self.warmup_docs / (self.warmup_docs + n_docs)

    def feature_params(self) -> dict[str, float]:
        """The parameters that make stored story vectors comparable."""
        values = asdict(self)
        return {name: values[name] for name in FEATURE_OPTIONS}
