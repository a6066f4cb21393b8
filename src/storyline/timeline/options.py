"""The options of the timeline stage (:func:`~storyline.timeline.build_timeline`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import OptionsError
from ..model import Granularity
from ..options import check_date, check_fields, check_range

__all__ = ["TimelineOptions"]

_GRANULARITIES = ("day", "month", "year")
_IDF_UNITS = ("sentences", "dates")


@dataclass(frozen=True)
class TimelineOptions:
    """How a timeline is built.

    ``max_dates`` keeps the most salient dates (None: all); ``per_date`` is the number of
    events (sentences) per date; ``start``/``end`` bound the dates (ISO, inclusive, any
    granularity). ``granularities`` lists which kinds of date may make an entry.
    ``keywords`` keeps only sentences that contain one of them (query-driven timelines).
    ``publication_leads`` offers an article's first N sentences for its publication day too
    (news leads report the day's event), besides any date they name; ``publication_days``
    also offers them for the days before publication (a report often lands the next day).
    ``lead_sentences`` reads only the first N sentences of each article (None: all).
    ``publication_weight`` is how much an article published on a date adds to that date's
    salience, against 1 for a voice that refers to the date in its text.
    ``merge_similarity`` is the cosine above which two sentences on one date are one event.
    ``max_lag_days`` keeps only reports published within that many days of the date they
    name (None: any), so that retrospective background does not speak for a day.
    ``position_weight`` favours sentences early in their article (weight 1 / (1 + w * index));
    ``mention_position_weight`` replaces it for sentences that name their date (None: the
    same), since a later article often recaps an event deep in its text, and well.
    ``lag_weight`` likewise favours reports published close to the date they name.
    ``idf_over`` is what the TF-IDF weights count as documents: "sentences" (all offered for
    the chosen dates) or "dates" (each date's sentences as one document), so that a word said
    about every date ("oil", "BP") weighs little and a date is known by what is new on it.
    ``coverage_pool``: with ``per_date`` > 1, a date's events are chosen from its best
    ``coverage_pool`` events (0: ranked one by one instead) so that together they come closest
    (cosine of their summed TF-IDF vectors) to the date's centroid, as news-tls' CentroidOpt.
    ``distinct_weight`` subtracts that share of the timeline-wide centroid from each date's
    centroid, so that a date is summarised by what sets it apart.
    ``concept_weight`` sets how a date's sentences are ranked: 0 by centrality (cosine to
    the date's TF-IDF centroid), 1 by agreement (the words and word pairs that other
    independent voices repeat that day), in between a mix of the two, each scaled to [0, 1].
    ``consensus_weight`` mixes in, likewise, consensus: a sentence's word-pair F1 against
    each other voice's words that day, as if each voice were the day's summary
    (``concept_weight`` + ``consensus_weight`` <= 1; the rest goes to centrality).
    ``quote_penalty`` discounts quotations and questions by that share.
    ``chronology_bonus`` favours chronology lines, which open with the date they report
    ("April 29 - ..."); ``caption_penalty`` discounts photo captions, which close with a
    full date ("..., Louisiana, May 2, 2010.").
    ``max_article_chars``: only the first that many characters of an article are read (None:
    all), so that one huge record (a 30 MB page, about 150 s a timeline) cannot hold up a
    run; the timeline's ``notes`` name each article so cut. The longest T17 article has
    700,000 characters.
    ``background_days``: a date that ends more than that many days before the first
    publication day of the articles is background (a 1968 pandemic recalled in 2009) and
    takes a place only after every date within the coverage (None: no such rule).
    """

    max_dates: int | None = None
    per_date: int = 1
    start: str | None = None
    end: str | None = None
    granularities: tuple[Granularity, ...] = ("day", "month", "year")
    keywords: tuple[str, ...] = ()
    publication_leads: int = 0
    publication_days: int = 1
    lead_sentences: int | None = None
    publication_weight: float = 0.5
    merge_similarity: float = 0.5
    position_weight: float = 0.3
    max_lag_days: int | None = None
    lag_weight: float = 0.0
    mention_position_weight: float | None = None
    idf_over: str = "dates"
    coverage_pool: int = 10
    distinct_weight: float = 0.0
    concept_weight: float = 0.0
    consensus_weight: float = 0.0
    quote_penalty: float = 0.0
    chronology_bonus: float = 0.0
    caption_penalty: float = 0.0
    min_words: int = 4
    max_words: int = 60
    background_days: int | None = 30
    max_evidence: int = 20
    max_article_chars: int | None = 1_000_000

    def __post_init__(self) -> None:
        check_fields(self)
        check_date(self, "start")
        check_date(self, "end")
        for name in ("max_dates", "per_date", "lead_sentences", "publication_days"):
            check_range(self, name, 1)
        for name in ("min_words", "max_evidence", "max_article_chars"):
            check_range(self, name, 1)
        check_range(self, "max_words", self.min_words)
        for name in ("publication_leads", "coverage_pool", "background_days", "max_lag_days"):
            check_range(self, name, 0)
        for name in (
            "publication_weight",
            "position_weight",
            "mention_position_weight",
            "lag_weight",
            "chronology_bonus",
        ):
            check_range(self, name, 0.0)
        check_range(self, "merge_similarity", 0.0, 1.0, low_open=True)
        check_range(self, "concept_weight", 0.0, 1.0)
        check_range(self, "consensus_weight", 0.0, 1.0 - self.concept_weight)
        check_range(self, "distinct_weight", 0.0, 1.0)
        check_range(self, "quote_penalty", 0.0, 1.0, high_open=True)
        check_range(self, "caption_penalty", 0.0, 1.0, high_open=True)
        if not self.granularities:
            raise OptionsError(f"granularities must name at least one of {_GRANULARITIES}")
        if self.idf_over not in _IDF_UNITS:
            raise OptionsError(f"idf_over must be one of {_IDF_UNITS}, got {self.idf_over!r}")
        if self.start and self.end:
            common = min(len(self.start), len(self.end))
            if self.start[:common] > self.end[:common]:
                raise OptionsError(f"start {self.start} is after end {self.end}")
